"""Kamerbrieven pipeline: MINISTER, ORGANISATIE, OPERATIE and TOEZEGGING for Dutch letters.

``import pipeline`` loads neither spaCy nor a model nor any resource: ``pipeline.load()``
assembles the pipeline (pipeline/assemble.py) when it is called; ``pipeline.to_record(nlp, doc, doc_id)``
gives the JSONL record ``extract`` writes.
"""

from typing import Any

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # lazy, so that evaluation and exports never pay for spaCy
    if name == "load":
        from pipeline.assemble import load

        return load
    if name == "to_record":
        from pipeline.records import to_record

        return to_record
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
