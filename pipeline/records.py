"""Doc <-> the gold-format record of docs/annotation.md (the only place spans become offsets)."""

from typing import Dict, List, Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline import __version__
from pipeline.schema import (
    DEFAULT_SPANS_KEY,
    LETTER_FIELDS,
    MINISTER,
    MINISTER_ATTRIBUTES,
    TOEZEGGING,
    TOEZEGGING_ATTRIBUTES,
    extension,
)
from pipeline.span_ids import span_id

TOEZEGGINGEN_PIPE = "kamer_toezeggingen"


def spans_key_of(nlp: Language) -> str:
    """The span group the pipeline writes its toezeggingen to (config.cfg: the component's spans_key)."""
    if TOEZEGGINGEN_PIPE not in nlp.component_names:
        return DEFAULT_SPANS_KEY
    return nlp.get_pipe_config(TOEZEGGINGEN_PIPE).get("spans_key", DEFAULT_SPANS_KEY)


def to_record(nlp: Language, doc: Doc, doc_id: str, source: Optional[str] = None) -> dict:
    """The record ``extract`` writes for ``doc`` (made by ``nlp``): the Python API's way to the JSONL format."""
    return doc_to_record(doc, doc_id, source or doc_id, nlp.meta["kamer_base"], spans_key_of(nlp))


def doc_to_record(doc: Doc, doc_id: str, source: str, base: Dict[str, str], spans_key: str = DEFAULT_SPANS_KEY) -> dict:
    """The record of one annotated doc; ``spans_key``: ``spans_key_of(nlp)`` of the pipeline that made it.

    Keys in reading order: ``id`` and ``meta`` first, the long ``text`` last, so the head of a line
    says what it is; each span starts with its stable id (span_ids.py).
    """
    spans: List[dict] = []
    for ent in doc.ents:
        item = _span(ent, ent.label_, doc_id)
        if ent.label_ == MINISTER:
            item.update({name: getattr(ent._, extension(name)) for name in MINISTER_ATTRIBUTES})
        spans.append(item)
    for span in doc.spans.get(spans_key, []):
        item = _span(span, TOEZEGGING, doc_id)
        item["status"] = span._.kamer_status
        item.update({name: getattr(span._, extension(name)) for name in TOEZEGGING_ATTRIBUTES})
        spans.append(item)
    letter = doc._.kamer_letter or {}
    spans.sort(key=lambda s: (s["start"], -s["end"], s["label"]))
    return {
        "id": doc_id,
        "meta": {
            **{name: letter.get(name) for name in LETTER_FIELDS},
            "source": source,
            "base_model": base,
            "pipeline_version": __version__,
            "spacy_version": spacy.__version__,
        },
        "spans": spans,
        "text": doc.text,
    }


def _span(span, label: str, doc_id: str) -> dict:
    return {
        "id": span_id(doc_id, span.start_char, span.end_char, label),
        "start": span.start_char,
        "end": span.end_char,
        "label": label,
        "text": span.text,
        "rule": span._.kamer_rule,
    }
