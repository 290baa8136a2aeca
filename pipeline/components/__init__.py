"""One module per spaCy factory; importing this package registers them all, and the config's functions."""

from pipeline.components import (  # noqa: F401
    base_model,
    entities,
    linking,
    metadata,
    pdf_repair,
    selective_base,
    sentences,
    toezeggingen,
    tokenizer,
)
