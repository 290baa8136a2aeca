"""Running the pipeline over many documents: streaming, pieces, worker processes, Dask."""
