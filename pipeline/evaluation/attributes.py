"""Accuracy of span attributes over matched gold/prediction pairs (docs/annotation.md, "Attributes").

MINISTER attributes are scored over strict matches, TOEZEGGING attributes over
overlap matches. A pair counts only when the gold span has the attribute.
`termijn` is scored exactly and by overlap of its position in the text;
`termijn_datum` only where gold has a date.
"""

from dataclasses import dataclass
from typing import Callable, Dict, Iterator, List, Optional, Tuple

from pipeline.evaluation.annotations import Annotation, Document
from pipeline.evaluation.pairing import pair_label
from pipeline.evaluation.scoring import ratio, rounded, shown
from pipeline.schema import MINISTER, TOEZEGGING


@dataclass
class Accuracy:
    scored: int = 0
    correct: int = 0

    @property
    def value(self) -> Optional[float]:
        return ratio(self.correct, self.scored)

    def as_dict(self) -> dict:
        return {"scored": self.scored, "correct": self.correct, "accuracy": rounded(self.value)}


def _same(a, b) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
    return a == b


def _position(text: str, span: Annotation, value: object) -> Optional[Tuple[int, int]]:
    if not isinstance(value, str):  # absent (None); loading made termijn and onderwerp strings
        return None
    offset = text[span.start : span.end].find(value)
    return None if offset < 0 else (span.start + offset, span.start + offset + len(value))


def _overlapping(text: str, g: Annotation, p: Annotation, key: str) -> bool:
    a, b = _position(text, g, g.attrs.get(key)), _position(text, p, p.attrs.get(key))
    if a is None or b is None:
        return a is None and b is None
    return a[0] < b[1] and b[0] < a[1]


# name -> (label, gold must have a value, comparison)
CHECKS: Dict[str, Tuple[str, bool, Callable]] = {
    "MINISTER functie": (MINISTER, False, lambda t, g, p: _same(g.attrs["functie"], p.attrs.get("functie"))),
    "MINISTER persoon": (MINISTER, False, lambda t, g, p: _same(g.attrs["persoon"], p.attrs.get("persoon"))),
    "MINISTER land": (MINISTER, False, lambda t, g, p: _same(g.attrs["land"], p.attrs.get("land"))),
    "TOEZEGGING status": (TOEZEGGING, False, lambda t, g, p: g.status == p.status),
    "TOEZEGGING bewindspersoon": (
        TOEZEGGING,
        False,
        lambda t, g, p: _same(g.attrs["bewindspersoon"], p.attrs.get("bewindspersoon")),
    ),
    "TOEZEGGING ministerie": (
        TOEZEGGING,
        False,
        lambda t, g, p: _same(g.attrs["ministerie"], p.attrs.get("ministerie")),
    ),
    "TOEZEGGING onderwerp (overlap)": (TOEZEGGING, False, lambda t, g, p: _overlapping(t, g, p, "onderwerp")),
    "TOEZEGGING termijn (exact)": (
        TOEZEGGING,
        False,
        lambda t, g, p: _same(g.attrs["termijn"], p.attrs.get("termijn")),
    ),
    "TOEZEGGING termijn (overlap)": (TOEZEGGING, False, lambda t, g, p: _overlapping(t, g, p, "termijn")),
    "TOEZEGGING termijn_datum (exact, gold dated)": (
        TOEZEGGING,
        True,
        lambda t, g, p: g.attrs["termijn_datum"] == p.attrs.get("termijn_datum"),
    ),
    "TOEZEGGING herkomst": (TOEZEGGING, False, lambda t, g, p: g.attrs["herkomst"] == p.attrs.get("herkomst")),
}


def attribute_name(check: str) -> str:
    return check.split()[1]


def counts_for(check: str, g: Annotation) -> bool:
    """Whether a check scores this gold span: the gold file gives the attribute (and a value where it must)."""
    _, needs_value, _ = CHECKS[check]
    key = attribute_name(check)
    if key != "status" and key not in g.attrs:
        return False
    return not (needs_value and g.attrs.get(key) is None)


def value_of(span: Annotation, key: str) -> object:
    return span.status if key == "status" else span.attrs.get(key)


def mismatches(text: str, g: Annotation, p: Annotation) -> List[Tuple[str, object, object]]:
    """The attributes of a matched (gold, prediction) pair that fail a check: (name, gold value, predicted value).

    Each attribute once, in the order of CHECKS: termijn fails when either of its checks fails.
    """
    found: Dict[str, Tuple[object, object]] = {}
    for check, (label, _, same) in CHECKS.items():
        key = attribute_name(check)
        if label == g.label and key not in found and counts_for(check, g) and not same(text, g, p):
            found[key] = (value_of(g, key), value_of(p, key))
    return [(key, gold, pred) for key, (gold, pred) in found.items()]


@dataclass(frozen=True)
class Mismatch:
    """An attribute of a matched pair that differs: gold's value beside the prediction's."""

    doc_id: str
    check: str  # the name in CHECKS ("TOEZEGGING termijn (exact)")
    gold: Annotation
    pred: Annotation

    @property
    def attribute(self) -> str:
        return attribute_name(self.check)

    @property
    def values(self) -> Tuple[object, object]:
        return value_of(self.gold, self.attribute), value_of(self.pred, self.attribute)


def _judged(
    gold: Dict[str, Document], pred: Dict[str, Document]
) -> Iterator[Tuple[str, str, Annotation, Annotation, bool]]:
    """(check, document, gold, prediction, right) for every check of every matched pair that gold can judge."""
    for doc_id, g_doc in gold.items():
        p_doc = pred[doc_id]
        pairs = {label: pair_label(g_doc.spans, p_doc.spans, label).matched for label in (MINISTER, TOEZEGGING)}
        for name, (label, _, same) in CHECKS.items():
            for g, p in pairs[label]:
                if not counts_for(name, g):
                    continue
                yield name, doc_id, g, p, bool(same(g_doc.text, g, p))


def score_attributes(gold: Dict[str, Document], pred: Dict[str, Document]) -> Dict[str, Accuracy]:
    result = {name: Accuracy() for name in CHECKS}
    for name, _, _, _, right in _judged(gold, pred):
        result[name].scored += 1
        result[name].correct += right
    return result


def attribute_mismatches(gold: Dict[str, Document], pred: Dict[str, Document]) -> List[Mismatch]:
    """Each wrong attribute of a matched pair once (the first check that fails it), in document and text order.

    A wrong status is not listed here: evaluate lists it as STATUS with the other span errors.
    """
    found: Dict[Tuple[str, int, int, str, str], Mismatch] = {}
    for name, doc_id, g, p, right in _judged(gold, pred):
        key = attribute_name(name)
        if not right and key != "status":
            found.setdefault((doc_id, g.start, g.end, g.label, key), Mismatch(doc_id, name, g, p))
    return [found[k] for k in sorted(found)]


def format_attributes(scores: Dict[str, Accuracy]) -> List[str]:
    lines = ["", f"{'attribute (over matched pairs)':<46}{'scored':>7}{'correct':>8}{'acc':>8}"]
    for name, acc in scores.items():
        if acc.scored:
            lines.append(f"{name:<46}{acc.scored:>7}{acc.correct:>8}{shown(acc.value)}")
    return lines
