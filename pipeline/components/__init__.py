"""One module per spaCy factory; importing this package registers them all."""

from pipeline.components import entities, linking, metadata, pdf_repair, sentences, toezeggingen  # noqa: F401
