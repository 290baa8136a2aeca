"""Doc <-> the gold-format record of docs/annotation.md (the only place spans become offsets)."""

from typing import Dict, List

import spacy
from spacy.tokens import Doc

from pipeline import __version__

ENTITY_LABELS = ("MINISTER", "ORGANISATIE", "OPERATIE")
MINISTER_ATTRIBUTES = ("functie", "persoon", "land")
TOEZEGGING_ATTRIBUTES = ("bewindspersoon", "ministerie", "onderwerp", "termijn", "termijn_datum", "herkomst")
LETTER_FIELDS = ("kamerstuk", "dossier_titel", "titel", "datum", "ondertekenaars", "vergaderjaar")
TOEZEGGING = "TOEZEGGING"
LABELS = ENTITY_LABELS + (TOEZEGGING,)
STATUSES = ("nieuw", "nagekomen")
SPANS_KEY = "toezeggingen"


def doc_to_record(doc: Doc, doc_id: str, source: str, base: Dict[str, str]) -> dict:
    spans: List[dict] = []
    for ent in doc.ents:
        item = _span(ent, ent.label_)
        if ent.label_ == "MINISTER":
            item.update({name: getattr(ent._, name) for name in MINISTER_ATTRIBUTES})
        spans.append(item)
    for span in doc.spans.get(SPANS_KEY, []):
        item = _span(span, TOEZEGGING)
        item["status"] = span._.status
        item.update({name: getattr(span._, name) for name in TOEZEGGING_ATTRIBUTES})
        spans.append(item)
    letter = doc._.letter or {}
    spans.sort(key=lambda s: (s["start"], -s["end"], s["label"]))
    return {
        "id": doc_id,
        "text": doc.text,
        "spans": spans,
        "meta": {
            **{name: letter.get(name) for name in LETTER_FIELDS},
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
