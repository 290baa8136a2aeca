"""The errors of a run against gold: listed for a person (`evaluate --errors`) and as data (`evaluate --json`).

Four kinds: FP (a prediction without gold), FN (gold without a prediction), STATUS (a matched
TOEZEGGING with the other status) and ATTR (a matched pair whose attribute differs, gold's value
beside the prediction's). Spans carry their stable id (span_ids.py) so a tool can find them in the JSONL.
"""

import json
from typing import Dict, List, Sequence

from pipeline.evaluation.annotations import Annotation, Document
from pipeline.evaluation.attributes import Mismatch
from pipeline.evaluation.scoring import Report
from pipeline.span_ids import span_id


def _line(text: str) -> str:
    return text.replace("\n", "⏎")  # a line break of the letter, kept visible on one line


def _value(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def format_errors(
    report: Report, docs: Dict[str, Document], mismatches: Sequence[Mismatch] = (), width: int = 50
) -> str:
    lines = []
    for kind, items in (("FP", report.errors.false_positives), ("FN", report.errors.false_negatives)):
        for doc_id, span in sorted(items, key=lambda t: (t[0], t[1].start, t[1].label)):
            text = docs[doc_id].text
            left = text[max(0, span.start - width) : span.start]
            right = text[span.end : span.end + width]
            extra = f" [{span.status}]" if span.status else ""
            rule = f" rule={span.rule}" if span.rule else ""
            lines.append(
                f"{kind} {span.label}{extra} {doc_id}:{span.start}-{span.end}{rule}\n"
                f"   …{_line(left)}[[{_line(text[span.start : span.end])}]]{_line(right)}…"
            )
    for doc_id, g, p in report.errors.wrong_status:
        text = _line(docs[doc_id].text[p.start : p.end])
        lines.append(f"STATUS {doc_id}:{p.start}-{p.end} gold={g.status} predicted={p.status} rule={p.rule}\n   {text}")
    for m in mismatches:
        gold, pred = m.values
        where = f"{m.doc_id}:{m.gold.start}-{m.gold.end}"
        moved = (
            f" (predicted {m.pred.start}-{m.pred.end})"
            if (m.pred.start, m.pred.end) != (m.gold.start, m.gold.end)
            else ""
        )
        lines.append(
            f"ATTR {m.gold.label} {m.attribute} {where}{moved} gold={_value(gold)} predicted={_value(pred)}\n"
            f"   {_line(docs[m.doc_id].text[m.gold.start : m.gold.end])}"
        )
    return "\n".join(lines) if lines else "no errors"


def span_dict(doc_id: str, span: Annotation, text: str) -> dict:
    """A span as the JSONL has it: id, offsets, label, text, and status and rule when it has them."""
    item = {"id": span_id(doc_id, span.start, span.end, span.label), "start": span.start, "end": span.end}
    item.update(label=span.label, text=text[span.start : span.end])
    item.update({key: value for key, value in (("status", span.status), ("rule", span.rule)) if value is not None})
    return item


def errors_as_dict(report: Report, docs: Dict[str, Document], mismatches: Sequence[Mismatch] = ()) -> dict:
    """Every error as data: what `format_errors` lists, with full span texts and ids."""

    def span(doc_id: str, s: Annotation) -> dict:
        return span_dict(doc_id, s, docs[doc_id].text)

    def listed(items) -> List[dict]:
        return [{"document": d, **span(d, s)} for d, s in sorted(items, key=lambda t: (t[0], t[1].start, t[1].label))]

    return {
        "false_positives": listed(report.errors.false_positives),
        "false_negatives": listed(report.errors.false_negatives),
        "wrong_status": [
            {"document": d, "gold": span(d, g), "predicted": span(d, p)} for d, g, p in report.errors.wrong_status
        ],
        "attributes": [_mismatch(m, span) for m in mismatches],
    }


def _mismatch(m: Mismatch, span) -> dict:
    gold, pred = m.values
    return {
        "document": m.doc_id,
        "attribute": m.attribute,
        "check": m.check,
        "gold_value": gold,
        "predicted_value": pred,
        "gold": span(m.doc_id, m.gold),
        "predicted": span(m.doc_id, m.pred),
    }
