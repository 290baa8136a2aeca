"""A static HTML report for reading annotations: an index page and one page per document.

Everything from a document (text, span text, attributes, ids) is escaped: a letter containing
"<script>" shows those characters and runs nothing (review_page adds a policy that would stop it
even if escaping failed). Spans are marked over exactly their characters (review_text); with gold,
every span is judged correct, missed or spurious by the pairing that scores, and attribute values
of matched spans that differ from gold show both values. Inline CSS and script only: the report
works offline.
"""

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from pipeline.evaluation.annotations import Annotation, Document
from pipeline.evaluation.attributes import mismatches
from pipeline.evaluation.pairing import pair_label
from pipeline.evaluation.scoring import Counts
from pipeline.exports.review_index import IndexRow, index_page
from pipeline.exports.review_page import esc, legend, wrap
from pipeline.exports.review_text import Mark, marked_text
from pipeline.io.writers import atomic_writer
from pipeline.schema import ENTITY_LABELS, LABELS, MINISTER_ATTRIBUTES, TOEZEGGING, TOEZEGGING_ATTRIBUTES

# (attribute, gold value, predicted value), from evaluation.attributes.mismatches
Mismatch = Tuple[str, object, object]


@dataclass
class Judged:
    span: Annotation
    verdict: str  # "", "correct", "missed", "spurious"
    # a correct prediction: the attributes that differ from its gold partner's
    differs: List[Mismatch] = field(default_factory=list)


def page_name(doc_id: str) -> str:
    """A safe, unique file name for any document id."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", doc_id)[:60] or "doc"
    return f"{slug}-{hashlib.sha1(doc_id.encode('utf-8')).hexdigest()[:8]}.html"


def judge(pred: Document, gold: Optional[Document]) -> List[Judged]:
    if gold is None:
        return [Judged(s, "") for s in pred.spans]
    out: List[Judged] = []
    for label in LABELS:
        paired = pair_label(gold.spans, pred.spans, label)
        out += [Judged(p, "correct", mismatches(pred.text, g, p)) for g, p in paired.matched]
        out += [Judged(a, "missed") for a in paired.missed]
        out += [Judged(b, "spurious") for b in paired.spurious]
    return sorted(out, key=lambda j: (j.span.start, -j.span.end))


def counts(judged: List[Judged]) -> Counts:
    """Spans correct, predicted and in gold, as scoring counts them."""
    correct = sum(j.verdict == "correct" for j in judged)
    return Counts(
        gold=correct + sum(j.verdict == "missed" for j in judged),
        pred=correct + sum(j.verdict == "spurious" for j in judged),
        correct=correct,
    )


def display_label(j: Judged) -> str:
    label = j.span.label + (f" {j.span.status}" if j.span.status else "")
    return label if j.verdict in ("", "correct") else f"{label} ({j.verdict})"


def _mark(number: int, j: Judged) -> Mark:
    span = j.span
    facts = [f"{display_label(j)} {span.start}–{span.end}"] + ([f"rule: {span.rule}"] if span.rule else [])
    facts += [f"{k}: {_fmt(v)}" for k, v in span.attrs.items() if v not in (None, "")]
    facts += [f"differs from gold: {k} (gold: {_fmt(g)}; predicted: {_fmt(p)})" for k, g, p in j.differs]
    classes = f"l-{span.label}" + (f" v-{j.verdict}" if j.verdict else "")
    tag = display_label(j) + (" ≠" if j.differs else "")
    return Mark(number, span.start, span.end, classes, tag, "\n".join(facts))


def render_text(doc: Document, judged: List[Judged]) -> str:
    return marked_text(doc.text, [_mark(k, j) for k, j in enumerate(judged)])


def span_rows(judged: List[Judged], text: str, labels, columns) -> str:
    rows = []
    for j in judged:
        if j.span.label not in labels:
            continue
        gold_of = {key: gold for key, gold, _ in j.differs}
        cells = [_cell(j.span.label, kind="k"), _cell(j.verdict, kind="k")]
        cells += [_cell(text[j.span.start : j.span.end], kind="t"), _cell(j.span.status, "status", gold_of, "k")]
        cells.append(_cell(j.span.rule))
        cells += [_cell(j.span.attrs.get(c), c, gold_of) for c in columns]
        rows.append(f'<tr class="{esc(j.verdict)}">' + "".join(cells) + "</tr>")
    head = ["label", "review", "text", "status", "rule"] + list(columns)
    # a header breaks only after an underscore ("termijn_|datum"), so eleven columns fit a laptop window
    heads = "".join(f"<th>{esc(h).replace('_', '_<wbr>')}</th>" for h in head)
    return f"<table><tr>{heads}</tr>" + "".join(rows) + "</table>"


def _cell(value, key: str = "", gold_of: Optional[Dict[str, object]] = None, kind: str = "") -> str:
    """A table cell; an attribute that differs from gold shows the predicted value and, below it, gold's.

    `kind`: "k" for a keyword (label, verdict, status), never broken inside; "t" for the span's text,
    which keeps room for a few words; anything else wraps anywhere.
    """
    known = gold_of or {}
    classes = " ".join(c for c in (kind, "mismatch" if key in known else "") if c)
    opening = f'<td class="{classes}">' if classes else "<td>"
    if key not in known:
        return f"{opening}{esc(_fmt(value))}</td>"
    return (
        f'{opening}<span class="pred">{esc(_fmt(value) or "(none)")}</span>'
        f'<span class="gold">gold: {esc(_fmt(known[key]) or "(none)")}</span></td>'
    )


def _fmt(value) -> str:
    if isinstance(value, dict):
        return " ".join(str(v) for v in value.values() if v)
    return "" if value is None else str(value)


def _differing(judged: List[Judged]) -> str:
    total = sum(len(j.differs) for j in judged)
    pairs = sum(j.verdict == "correct" for j in judged)
    return (
        f'<p class="meta">{total} attribute value(s) of the {pairs} matched span(s) differ from gold: '
        "marked yellow in the tables below (predicted value, gold value under it) and ≠ in the text.</p>"
    )


def document_page(pred: Document, judged: List[Judged], with_gold: bool) -> str:
    meta = pred.meta
    facts = [
        ("document", pred.id),
        ("kamerstuk", pred.kamerstuk),
        ("datum", meta.get("datum")),
        ("titel", meta.get("titel")),
        ("base model", pred.base_model),
    ]
    body = [
        f'<p><a href="../index.html">index</a></p><h1>{esc(pred.id)}</h1>',
        '<p class="meta">' + " · ".join(f"{esc(k)}: {esc(v)}" for k, v in facts if v) + "</p>",
        legend(with_gold),
        _differing(judged) if with_gold else "",
        "<h2>Text</h2>",
        render_text(pred, judged),
        "<h2>Toezeggingen</h2>",
        span_rows(judged, pred.text, {TOEZEGGING}, TOEZEGGING_ATTRIBUTES),
        "<h2>Entities</h2>",
        span_rows(judged, pred.text, set(ENTITY_LABELS), MINISTER_ATTRIBUTES),
    ]
    return wrap(pred.id, "\n".join(body))


def write_report(pred: Dict[str, Document], out_dir: Path, gold: Optional[Dict[str, Document]] = None) -> Path:
    out_dir = Path(out_dir)
    rows: List[IndexRow] = []
    for doc_id, doc in pred.items():
        g = gold.get(doc_id) if gold is not None else None
        judged = judge(doc, g)
        name = page_name(doc_id)
        with atomic_writer(out_dir / "docs" / name) as handle:
            handle.write(document_page(doc, judged, g is not None))
        predicted = {label: sum(s.label == label for s in doc.spans) for label in LABELS}
        row = IndexRow(doc_id, name, predicted, doc.base_model)
        if g is not None:
            row.judged, row.mismatches = counts(judged), sum(len(j.differs) for j in judged)
        rows.append(row)
    if gold is not None:
        rows.sort(key=lambda r: (r.worst() if r.judged else 2.0, r.doc_id))  # worst first
    with atomic_writer(out_dir / "index.html") as handle:
        handle.write(index_page(rows, gold is not None))
    return out_dir / "index.html"
