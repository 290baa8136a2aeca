"""One module per spaCy factory; importing this package registers them all."""

from . import entities, pdf_repair, sentences, toezeggingen  # noqa: F401
