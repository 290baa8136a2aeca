"""Stable span ids: "<document id>:<start>-<end>:<LABEL>", the same for the same span in every run.

A span id is made from what identifies the span (its document, character offsets and label), never
from a counter, so it survives a re-run, a resumed run, a run split over processes and any reader
that recomputes it. The document id is percent-encoded (RFC 3986: letters, digits, "-._~" and "/"
stay, every other character becomes %XX of its UTF-8 bytes, "%" itself %25): a hostile id with
":", spaces, line breaks, quotes, "<" or control characters cannot break the three fields apart,
and the id is safe in a URL fragment, a CSV cell or an HTML attribute. ``parse_span_id`` gives the
parts back. Plain strings, no spaCy: records, evaluation and exports all use it.
"""

import re
from typing import Tuple
from urllib.parse import quote, unquote

SAFE = "/"  # besides RFC 3986's unreserved characters: ids from folders ("2015/brief-12") stay readable
_SHAPE = re.compile(r"(?P<doc>.*):(?P<start>\d+)-(?P<end>\d+):(?P<label>[A-Z_]+)", re.DOTALL)


def span_id(doc_id: str, start: int, end: int, label: str) -> str:
    """The id of the span ``label`` at ``start``-``end`` of document ``doc_id``."""
    return f"{quote(doc_id, safe=SAFE)}:{start}-{end}:{label}"


def parse_span_id(value: str) -> Tuple[str, int, int, str]:
    """(document id, start, end, label) of a span id; ValueError for anything else."""
    m = _SHAPE.fullmatch(value)
    if m is None:
        raise ValueError(f"not a span id (expected <document>:<start>-<end>:<LABEL>): {value!r}")
    return unquote(m.group("doc"), errors="strict"), int(m.group("start")), int(m.group("end")), m.group("label")
