"""Correction round trip with Label Studio: predictions out as pre-annotated tasks, reviewed tasks back as gold.

The labeling config is docs/labelstudio.xml: span labels for the four labels
and, per TOEZEGGING region, a choice of status. (The project's JSONL already
matches Prodigy's "spans" format, so Prodigy needs no conversion.)
"""

from typing import Dict, Iterable, List

from . import __version__
from .annotations import AnnotationError, Document, document_from_record
from .records import TOEZEGGING


def to_tasks(docs: Iterable[Document]) -> List[dict]:
    tasks = []
    for n, doc in enumerate(docs, 1):
        result = []
        for k, span in enumerate(doc.spans):
            region = f"r{k}"
            value = {"start": span.start, "end": span.end, "text": doc.text[span.start: span.end]}
            result.append({"id": region, "from_name": "label", "to_name": "text", "type": "labels",
                           "value": {**value, "labels": [span.label]}})
            if span.label == TOEZEGGING:
                result.append({"id": region, "from_name": "status", "to_name": "text", "type": "choices",
                               "value": {**value, "choices": [span.status]}})
        base = (doc.meta.get("base_model") or {}).get("name", "?")
        tasks.append({
            "id": n,
            "data": {"doc_id": doc.id, "text": doc.text},
            "predictions": [{"model_version": f"kamerbrieven-pipeline {__version__} ({base})", "result": result}],
        })
    return tasks


def from_export(tasks: list, source: str) -> List[dict]:
    """Gold records from a Label Studio JSON export; each is validated like any gold line."""
    if not isinstance(tasks, list):
        raise AnnotationError(f"{source}: expected a JSON list of tasks (Label Studio 'JSON' export)")
    records = []
    for n, task in enumerate(tasks, 1):
        where = f"{source}: task {n}"
        data = task.get("data") if isinstance(task, dict) else None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise AnnotationError(f"{where}: no data.text")
        annotations = [a for a in task.get("annotations", []) if not a.get("was_cancelled")]
        if not annotations:
            continue  # not reviewed yet: not gold
        spans = _spans(annotations[-1].get("result", []), where)
        record = {"id": str(data.get("doc_id") or task.get("id")), "text": data["text"], "spans": spans,
                  "meta": {"source": f"labelstudio:{source}"}}
        document_from_record(record, where)  # unknown label, text/offset mismatch, overlaps, missing status
        records.append(record)
    return records


def _spans(result: list, where: str) -> List[dict]:
    labels: Dict[str, dict] = {}
    statuses: Dict[str, str] = {}
    for item in result:
        value = item.get("value", {})
        if item.get("type") == "labels":
            names = value.get("labels") or []
            if len(names) != 1:
                raise AnnotationError(f"{where}: region {item.get('id')}: expected one label, got {names}")
            labels[item.get("id")] = {"start": value.get("start"), "end": value.get("end"), "label": names[0],
                                      "text": value.get("text")}
        elif item.get("type") == "choices" and item.get("from_name") == "status":
            statuses[item.get("id")] = (value.get("choices") or [None])[0]
    spans = []
    for region, span in labels.items():
        if span["label"] == TOEZEGGING:
            span["status"] = statuses.get(region)
        spans.append(span)
    return sorted(spans, key=lambda s: (s["start"], -s["end"]))
