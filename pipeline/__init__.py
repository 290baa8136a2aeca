"""Kamerbrieven pipeline: MINISTER, ORGANISATIE, OPERATIE and TOEZEGGING for Dutch letters."""

__version__ = "0.1.0"

from .load import load  # noqa: E402,F401
