"""Kamerbrieven pipeline: MINISTER, ORGANISATIE, OPERATIE and TOEZEGGING for Dutch letters.

``import pipeline`` loads neither spaCy nor a model nor any resource: ``pipeline.load()``
assembles the pipeline (pipeline/assemble.py) when it is called.
"""

from typing import Any

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # lazy, so that evaluation and exports never pay for spaCy
    if name == "load":
        from pipeline.assemble import load

        return load
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
