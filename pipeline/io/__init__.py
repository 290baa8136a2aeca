"""Reading input documents and writing output files; knows nothing about labels."""
