"""One module per spaCy factory; importing this package registers them all."""

from pipeline.components import (  # noqa: F401
    entities,
    linking,
    metadata,
    pdf_repair,
    selective_base,
    sentences,
    toezeggingen,
)
