"""Doc <-> the gold-format record of docs/annotation.md (the only place spans become offsets)."""

from typing import Dict, List

import spacy
from spacy.tokens import Doc

from . import __version__

ENTITY_LABELS = ("MINISTER", "ORGANISATIE", "OPERATIE")
TOEZEGGING = "TOEZEGGING"
LABELS = ENTITY_LABELS + (TOEZEGGING,)
STATUSES = ("nieuw", "nagekomen")
SPANS_KEY = "toezeggingen"


def doc_to_record(doc: Doc, doc_id: str, source: str, base: Dict[str, str]) -> dict:
    spans: List[dict] = []
    for ent in doc.ents:
        spans.append(_span(ent, ent.label_))
    for span in doc.spans.get(SPANS_KEY, []):
        item = _span(span, TOEZEGGING)
        item["status"] = span._.status
        spans.append(item)
    spans.sort(key=lambda s: (s["start"], -s["end"], s["label"]))
    return {
        "id": doc_id,
        "text": doc.text,
        "spans": spans,
        "meta": {
            "source": source,
            "base_model": base,
            "pipeline_version": __version__,
            "spacy_version": spacy.__version__,
        },
    }


def _span(span, label: str) -> dict:
    return {
        "start": span.start_char,
        "end": span.end_char,
        "label": label,
        "text": span.text,
        "rule": span._.rule,
    }
