"""A static HTML report for reading annotations: an index page and one page per document.

Everything from a document (text, span text, attributes, ids) is escaped: a
letter containing "<script>" shows those characters and runs nothing. Pages
use displaCy's span style (overlapping spans: entities inside toezeggingen)
and inline CSS only, so the report works offline.
"""

import hashlib
import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from spacy import displacy

from pipeline.evaluation.annotations import Annotation, Document
from pipeline.evaluation.pairing import pair_label
from pipeline.evaluation.scoring import UNDEFINED, ratio
from pipeline.io.writers import atomic_writer
from pipeline.schema import ENTITY_LABELS, LABELS, MINISTER_ATTRIBUTES, TOEZEGGING, TOEZEGGING_ATTRIBUTES

# one colour per label, in the order of LABELS (MINISTER, ORGANISATIE, OPERATIE, TOEZEGGING)
COLORS = dict(zip(LABELS, ("#e8a33d", "#5b9bd5", "#70ad47", "#c55a9b")))
REVIEW_COLORS = {"missed": "#d9534f", "spurious": "#999999"}
WORD = re.compile(r"\S+")
CSS = (
    "\nbody{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}\n"
    "table{border-collapse:collapse;margin:1em 0;font-size:.85em;width:100%}"
    "td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top}\n"
    "th{background:#f3f3f3;text-align:left}"
    ".legend span{display:inline-block;padding:2px 8px;margin-right:6px;border-radius:3px;color:#000}\n"
    ".meta{color:#555}.missed{background:#fbe3e2}.spurious{background:#eee;text-decoration:line-through}"
    ".correct{background:#e6f4e1}\n"
)


@dataclass
class Judged:
    span: Annotation
    verdict: str  # "", "correct", "missed", "spurious"


def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


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
        out += [Judged(b, "correct") for _, b in paired.matched]
        out += [Judged(a, "missed") for a in paired.missed]
        out += [Judged(b, "spurious") for b in paired.spurious]
    return sorted(out, key=lambda j: (j.span.start, -j.span.end))


def precision_recall(judged: List[Judged]) -> Tuple[Optional[float], Optional[float]]:
    """None where undefined: no predictions (precision), no gold spans (recall)."""
    correct = sum(j.verdict == "correct" for j in judged)
    pred = correct + sum(j.verdict == "spurious" for j in judged)
    gold = correct + sum(j.verdict == "missed" for j in judged)
    return ratio(correct, pred), ratio(correct, gold)


def worst(pr: Tuple[Optional[float], Optional[float]]) -> float:
    # a document with nothing to get right or wrong sorts with the perfect ones
    return min((v for v in pr if v is not None), default=1.0)


def shown(value: Optional[float]) -> str:
    return UNDEFINED if value is None else f"{value:.2f}"


def display_label(j: Judged) -> str:
    label = j.span.label + (f" {j.span.status}" if j.span.status else "")
    return label if j.verdict in ("", "correct") else f"{label} ({j.verdict})"


def render_text(doc: Document, judged: List[Judged]) -> str:
    """displaCy span style over whitespace tokens; a blank line becomes a ¶ token."""
    tokens: List[str] = []
    starts: List[int] = []
    ends: List[int] = []
    last = 0
    for m in WORD.finditer(doc.text):
        if doc.text.count("\n", last, m.start()) >= 2 and tokens:
            tokens.append("¶")
            starts.append(m.start())
            ends.append(m.start())
        tokens.append(m.group(0))
        starts.append(m.start())
        ends.append(m.end())
        last = m.end()
    spans, colors = [], {}
    for j in judged:
        first = next((i for i, e in enumerate(ends) if e > j.span.start), None)
        last_tok = max((i for i, s in enumerate(starts) if s < j.span.end), default=None)
        if first is None or last_tok is None or last_tok < first:
            continue
        label = display_label(j)
        colors[label] = REVIEW_COLORS.get(j.verdict, COLORS.get(j.span.label, "#ddd"))
        spans.append({"start_token": first, "end_token": last_tok + 1, "label": label})
    data = {"text": doc.text, "tokens": tokens, "spans": spans}
    return displacy.render(data, style="span", manual=True, options={"colors": colors})


def legend(with_gold: bool) -> str:
    items = [f'<span style="background:{c}">{esc(label)}</span>' for label, c in COLORS.items()]
    if with_gold:
        items += [f'<span style="background:{c}">{esc(v)}</span>' for v, c in REVIEW_COLORS.items()]
    return f'<p class="legend"><b>Legend:</b> {"".join(items)}</p>'


def span_rows(judged: List[Judged], text: str, labels, columns) -> str:
    rows = []
    for j in judged:
        if j.span.label not in labels:
            continue
        cells = [j.span.label, j.verdict or "", text[j.span.start : j.span.end], j.span.status or "", j.span.rule or ""]
        cells += [_fmt(j.span.attrs.get(c)) for c in columns]
        rows.append(f'<tr class="{esc(j.verdict)}">' + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>")
    head = ["label", "review", "text", "status", "rule"] + list(columns)
    return "<table><tr>" + "".join(f"<th>{esc(h)}</th>" for h in head) + "</tr>" + "".join(rows) + "</table>"


def _fmt(value) -> str:
    if isinstance(value, dict):
        return " ".join(str(v) for v in value.values() if v)
    return "" if value is None else str(value)


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
        "<h2>Text</h2>",
        render_text(pred, judged),
        "<h2>Toezeggingen</h2>",
        span_rows(judged, pred.text, {TOEZEGGING}, TOEZEGGING_ATTRIBUTES),
        "<h2>Entities</h2>",
        span_rows(judged, pred.text, set(ENTITY_LABELS), MINISTER_ATTRIBUTES),
    ]
    return wrap(pred.id, "\n".join(body))


def wrap(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body>{body}</body></html>\n"
    )


def write_report(pred: Dict[str, Document], out_dir: Path, gold: Optional[Dict[str, Document]] = None) -> Path:
    out_dir = Path(out_dir)
    rows = []
    for doc_id, doc in pred.items():
        g = gold.get(doc_id) if gold is not None else None
        judged = judge(doc, g)
        name = page_name(doc_id)
        with atomic_writer(out_dir / "docs" / name) as handle:
            handle.write(document_page(doc, judged, g is not None))
        counts = {label: sum(s.label == label for s in doc.spans) for label in LABELS}
        pr = precision_recall(judged) if g is not None else None
        rows.append((doc_id, name, counts, pr, doc))
    if gold is not None:
        rows.sort(key=lambda r: (worst(r[3]) if r[3] else 2.0, r[0]))  # worst first
    with atomic_writer(out_dir / "index.html") as handle:
        handle.write(index_page(rows, gold is not None))
    return out_dir / "index.html"


def index_page(rows, with_gold: bool) -> str:
    bases = sorted({r[4].base_model or "?" for r in rows})
    head = ["document"] + list(ENTITY_LABELS) + ["toezeggingen"] + (["precision", "recall"] if with_gold else [])
    lines = []
    for doc_id, name, counts, pr, _ in rows:
        cells = [f'<a href="docs/{esc(name)}">{esc(doc_id)}</a>'] + [esc(counts[label]) for label in ENTITY_LABELS]
        cells.append(esc(counts[TOEZEGGING]))
        if with_gold:
            cells += [shown(pr[0]), shown(pr[1])]
        lines.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    body = (
        f'<h1>Annotations: {len(rows)} documents</h1><p class="meta">base model: {esc(", ".join(bases))}'
        + (" · ordered worst first by the lower of precision and recall" if with_gold else "")
        + "</p>"
        + legend(with_gold)
        + "<table><tr>"
        + "".join(f"<th>{esc(h)}</th>" for h in head)
        + "</tr>"
        + "".join(lines)
        + "</table>"
    )
    return wrap("Annotations", body)
