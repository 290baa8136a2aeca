"""Load gold or predicted annotation files (full or stand-off form) and validate them.

Every problem stops loading with one line naming file, line, document and span.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple, Union

from pipeline.io.readers import DEFAULT_CORPUS_ROOT, read_json_lines, resolve_standoff
from pipeline.schema import (
    ENTITY_LABELS,
    LABELS,
    MINISTER,
    MINISTER_ATTRIBUTES,
    STATUSES,
    TOEZEGGING,
    TOEZEGGING_ATTRIBUTES,
)


class AnnotationError(ValueError):
    """A gold or prediction file that cannot be trusted."""


def as_text(value) -> str:
    """Any JSON value as one line of text: hand-made records put numbers and lists where strings belong."""
    if value is None:
        return ""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, dict):
        return " ".join(t for t in map(as_text, value.values()) if t)
    if isinstance(value, list):
        return ", ".join(t for t in map(as_text, value) if t)
    return str(value)


def kamerstuk_text(stuk) -> str:
    """{"dossier": "28 676", "nummer": "325"} as '28 676, nr. 325'; any other value as text."""
    if isinstance(stuk, dict) and stuk.get("dossier") and stuk.get("nummer"):
        return f"{as_text(stuk['dossier'])}, nr. {as_text(stuk['nummer'])}"
    return as_text(stuk)


@dataclass(frozen=True)
class Annotation:
    start: int
    end: int
    label: str
    status: Optional[str] = None
    rule: Optional[str] = None
    # attributes of docs/annotation.md ("functie", "termijn", ...): only the keys the file has
    attrs: Dict[str, object] = field(default_factory=dict, compare=False, hash=False)


@dataclass
class Document:
    id: str
    text: str
    spans: List[Annotation] = field(default_factory=list)
    where: str = ""
    meta: Dict[str, object] = field(default_factory=dict)
    # gold only: the part of a gold set the document belongs to ("tune", "check"; docs/generalisation.md)
    split: Optional[str] = None

    @property
    def entities(self) -> List[Annotation]:
        return [s for s in self.spans if s.label in ENTITY_LABELS]

    @property
    def toezeggingen(self) -> List[Annotation]:
        return [s for s in self.spans if s.label == TOEZEGGING]

    @property
    def kamerstuk(self) -> str:
        """'28 676, nr. 325', or whatever text a hand-made `meta.kamerstuk` holds."""
        return kamerstuk_text(self.meta.get("kamerstuk"))

    @property
    def base_model(self) -> str:
        base = self.meta.get("base_model")
        return as_text(base.get("name") if isinstance(base, dict) else base)


def load_documents(path: Union[str, Path], corpus_root: Union[str, Path, None] = None) -> Dict[str, Document]:
    path = Path(path)
    root = Path(corpus_root) if corpus_root is not None else DEFAULT_CORPUS_ROOT
    try:
        raw_lines = path.read_bytes().splitlines()
    except OSError as err:
        raise AnnotationError(f"{path}: cannot read ({err.strerror})") from None
    docs: Dict[str, Document] = {}
    for line in read_json_lines(raw_lines):
        where = f"{path}:{line.number}"
        if line.problem:
            raise AnnotationError(f"{where}: invalid JSON ({line.problem})")
        doc = document_from_record(line.value, where, root)
        if doc.id in docs:
            raise AnnotationError(f"{where}: document {doc.id}: duplicate id (also at {docs[doc.id].where})")
        docs[doc.id] = doc
    if not docs:
        raise AnnotationError(f"{path}: no documents")
    return docs


def document_from_record(obj, where: str = "<record>", root: Path = DEFAULT_CORPUS_ROOT) -> Document:
    """A validated Document from one gold-format dict (as written by records.doc_to_record)."""
    if not isinstance(obj, dict) or not isinstance(obj.get("id"), str):
        raise AnnotationError(f"{where}: expected an object with a string 'id'")
    doc_id = obj["id"]
    text = obj.get("text")
    if text is None:
        text = _read_standoff(obj, where, root)
        obj = resolve_copied_text(obj, text)
    elif not isinstance(text, str):
        raise AnnotationError(f"{where}: document {doc_id}: 'text' is not a string")
    spans = obj.get("spans")
    if not isinstance(spans, list):
        raise AnnotationError(f"{where}: document {doc_id}: 'spans' missing or not a list")
    parsed = [_parse_span(s, k, text, f"{where}: document {doc_id}") for k, s in enumerate(spans)]
    _check_entity_overlaps(parsed, f"{where}: document {doc_id}")
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    split = obj.get("split")
    if split is not None and not isinstance(split, str):
        raise AnnotationError(f"{where}: document {doc_id}: 'split' is not a string")
    return Document(doc_id, text, parsed, where, meta, split)


def resolve_copied_text(obj: dict, text: str) -> dict:
    """Stand-off lines give text-valued attributes as [start, end] into the text: make them strings."""

    def value(v):
        return text[v[0] : v[1]] if isinstance(v, list) and len(v) == 2 and all(isinstance(x, int) for x in v) else v

    spans = obj.get("spans")
    if isinstance(spans, list):  # anything else is refused by the caller
        spans = [
            {**span, **{k: value(span[k]) for k in ("termijn", "onderwerp") if k in span}}
            if isinstance(span, dict)
            else span
            for span in spans
        ]
    meta = dict(obj["meta"]) if isinstance(obj.get("meta"), dict) else {}
    for key in ("titel", "dossier_titel"):
        if key in meta:
            meta[key] = value(meta[key])
    if isinstance(meta.get("ondertekenaars"), list):
        meta["ondertekenaars"] = [
            {**s, "naam": value(s.get("naam"))} if isinstance(s, dict) else s for s in meta["ondertekenaars"]
        ]
    return {**obj, "spans": spans, "meta": meta}


def _read_standoff(obj: dict, where: str, root: Path) -> str:
    source, digest = obj.get("source"), obj.get("sha256")
    if not isinstance(source, str) or not isinstance(digest, str):
        raise AnnotationError(f"{where}: document {obj['id']}: neither 'text' nor 'source' + 'sha256'")
    try:
        return resolve_standoff(source, digest, root)
    except ValueError as err:
        raise AnnotationError(f"{where}: document {obj['id']}: {err}") from None


def _parse_span(span, k: int, text: str, where: str) -> Annotation:
    if not isinstance(span, dict):
        raise AnnotationError(f"{where}: span {k}: not an object")
    start, end, label = span.get("start"), span.get("end"), span.get("label")
    name = f"span {k} ({label} {start}-{end})"
    if label not in LABELS:
        raise AnnotationError(f"{where}: {name}: unknown label {label!r} (expected one of {', '.join(LABELS)})")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        raise AnnotationError(f"{where}: {name}: offsets outside the text (length {len(text)})")
    if "text" in span and span["text"] != text[start:end]:
        raise AnnotationError(
            f"{where}: {name}: span text {span['text']!r} differs from text[start:end] {text[start:end]!r}"
        )
    status = span.get("status")
    if label == TOEZEGGING and status not in STATUSES:
        raise AnnotationError(f"{where}: {name}: status {status!r} (expected {' or '.join(STATUSES)})")
    names = MINISTER_ATTRIBUTES if label == MINISTER else TOEZEGGING_ATTRIBUTES if label == TOEZEGGING else ()
    attrs = {name: span[name] for name in names if name in span}
    for key in ("termijn", "onderwerp"):
        value = attrs.get(key)
        if value is not None and (not isinstance(value, str) or value not in text[start:end]):
            raise AnnotationError(f"{where}: {name}: {key} {value!r} is not part of the span text")
    return Annotation(start, end, label, status if label == TOEZEGGING else None, span.get("rule"), attrs)


def _check_entity_overlaps(spans: List[Annotation], where: str) -> None:
    ents = sorted((s for s in spans if s.label in ENTITY_LABELS), key=lambda s: (s.start, s.end))
    for a, b in zip(ents, ents[1:]):
        if b.start < a.end:
            raise AnnotationError(
                f"{where}: entity spans overlap: {a.label} {a.start}-{a.end} and {b.label} {b.start}-{b.end}"
            )


def _listed(ids: List[str], shown: int = 5) -> str:
    more = f" and {len(ids) - shown} more" if len(ids) > shown else ""
    return ", ".join(ids[:shown]) + more


def check_pairing(gold: Dict[str, Document], pred: Dict[str, Document], gold_path, pred_path) -> None:
    """Same documents with the same text on both sides, or a one-line error."""
    missing = sorted(set(gold) - set(pred))
    extra = sorted(set(pred) - set(gold))
    if missing:
        raise AnnotationError(f"{pred_path}: no prediction for gold document(s) {_listed(missing)}")
    if extra:
        raise AnnotationError(f"{pred_path}: document(s) {_listed(extra)} not in gold {gold_path}")
    _check_same_text(gold, pred)


def shared_documents(
    gold: Dict[str, Document], pred: Dict[str, Document], gold_path, pred_path
) -> Tuple[Dict[str, Document], Dict[str, Document], Optional[str]]:
    """For review against gold: the documents on both sides, and one line naming those left out.

    A report on the documents that can be judged beats no report; none in common is an error.
    """
    both = [doc_id for doc_id in pred if doc_id in gold]
    if not both:
        raise AnnotationError(f"{gold_path}: no document in common with {pred_path}")
    _check_same_text({k: gold[k] for k in both}, pred)
    no_gold = [doc_id for doc_id in pred if doc_id not in gold]
    no_pred = sorted(set(gold) - set(pred))
    left_out = [f"{len(no_gold)} predicted document(s) without gold ({_listed(no_gold)})"] if no_gold else []
    left_out += [f"{len(no_pred)} gold document(s) without prediction ({_listed(no_pred)})"] if no_pred else []
    note = f"{gold_path}: left out {' and '.join(left_out)}; reviewing the {len(both)} in both" if left_out else None
    return {k: gold[k] for k in both}, {k: pred[k] for k in both}, note


def _check_same_text(gold: Dict[str, Document], pred: Dict[str, Document]) -> None:
    for doc_id, g in gold.items():
        if pred[doc_id].text != g.text:
            raise AnnotationError(
                f"{pred[doc_id].where}: document {doc_id}: text differs from the gold text ({g.where})"
            )


def select_split(
    gold: Dict[str, Document], pred: Dict[str, Document], split: str, gold_path: object
) -> Tuple[Dict[str, Document], Dict[str, Document]]:
    """The gold documents of one part of a gold set, and the predictions for them."""
    chosen = {doc_id: doc for doc_id, doc in gold.items() if doc.split == split}
    if not chosen:
        parts = sorted({doc.split for doc in gold.values() if doc.split})
        raise AnnotationError(
            f"{gold_path}: no document with split {split!r} (the file has: {', '.join(parts) or 'none'})"
        )
    return chosen, {doc_id: doc for doc_id, doc in pred.items() if doc_id in chosen}
