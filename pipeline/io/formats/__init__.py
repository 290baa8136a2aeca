"""Readers that turn a publication file (PDF, HTML, XML) into the plain text the pipeline annotates.

One module per format; ``pipeline.io.readers`` picks one by the file's extension. Each raises ValueError
with a one-line reason when a file cannot be read, and the reader reports it with the file's name.
"""
