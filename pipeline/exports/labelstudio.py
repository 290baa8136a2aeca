"""Correction round trip with Label Studio: predictions out as pre-annotated tasks, reviewed tasks back as gold.

The labeling config is docs/labelstudio.xml: span labels for the four labels
and, per TOEZEGGING region, a choice of status. (The project's JSONL already
matches Prodigy's "spans" format, so Prodigy needs no conversion.)
"""

from typing import Callable, Dict, Iterable, List, Optional

from pipeline import __version__
from pipeline.evaluation.annotations import AnnotationError, Document, document_from_record
from pipeline.schema import TOEZEGGING


def to_tasks(docs: Iterable[Document]) -> List[dict]:
    tasks = []
    for n, doc in enumerate(docs, 1):
        result = []
        for k, span in enumerate(doc.spans):
            region = f"r{k}"
            value = {"start": span.start, "end": span.end, "text": doc.text[span.start : span.end]}
            result.append(
                {
                    "id": region,
                    "from_name": "label",
                    "to_name": "text",
                    "type": "labels",
                    "value": {**value, "labels": [span.label]},
                }
            )
            if span.label == TOEZEGGING:
                result.append(
                    {
                        "id": region,
                        "from_name": "status",
                        "to_name": "text",
                        "type": "choices",
                        "value": {**value, "choices": [span.status]},
                    }
                )
        base = doc.base_model or "?"
        tasks.append(
            {
                "id": n,
                "data": {"doc_id": doc.id, "text": doc.text},
                "predictions": [{"model_version": f"kamerbrieven-pipeline {__version__} ({base})", "result": result}],
            }
        )
    return tasks


def from_export(tasks: list, source: str, note: Callable[[str], None] = lambda message: None) -> List[dict]:
    """Gold records from a Label Studio JSON export; each is validated like any gold line.

    A task with several annotations (two reviewers, a redo) counts its newest non-empty one; `note` hears
    which, and hears when the export uses the pre-1.0 `completions` key. No reviewed task is an error:
    an empty gold would replace real work and cannot be scored against.
    """
    if not isinstance(tasks, list):
        raise AnnotationError(f"{source}: expected a JSON list of tasks (Label Studio 'JSON' export)")
    if any(isinstance(t, dict) and "completions" in t and "annotations" not in t for t in tasks):
        note(f"{source}: old Label Studio export: 'completions' read as annotations")
    records: List[dict] = []
    task_of: Dict[str, int] = {}
    for n, task in enumerate(tasks, 1):
        where = f"{source}: task {n}"
        data = task.get("data") if isinstance(task, dict) else None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise AnnotationError(f"{where}: no data.text")
        annotation = _newest(task, where, note)
        if annotation is None:
            continue  # not reviewed yet: not gold
        if (data.get("doc_id") or task.get("id")) is None:
            raise AnnotationError(f"{where}: neither data.doc_id nor a task id")
        doc_id = str(data.get("doc_id") or task.get("id"))
        if doc_id in task_of:
            raise AnnotationError(f"{where}: doc_id {doc_id!r} also in task {task_of[doc_id]}")
        task_of[doc_id] = n
        record = {
            "id": doc_id,
            "text": data["text"],
            "spans": _spans(annotation.get("result"), where),
            "meta": {"source": f"labelstudio:{source}"},
        }
        document_from_record(record, where)  # unknown label, text/offset mismatch, overlaps, missing status
        records.append(record)
    if not records:
        raise AnnotationError(f"{source}: no reviewed task among {len(tasks)} task(s): nothing to write")
    return records


def _newest(task: dict, where: str, note: Callable[[str], None]) -> Optional[dict]:
    key = "annotations" if "annotations" in task else "completions"
    annotations = task.get(key) or []
    if not isinstance(annotations, list) or not all(isinstance(a, dict) for a in annotations):
        raise AnnotationError(f"{where}: '{key}' is not a list of objects")
    live = [a for a in annotations if not a.get("was_cancelled")]
    if not live:
        return None
    pool = [a for a in live if a.get("result")] or live

    def age(k: int) -> tuple:
        a = pool[k]
        stamp = a.get("updated_at") or a.get("created_at") or ""
        return str(stamp), a["id"] if isinstance(a.get("id"), int) else -1, k  # last in the list breaks ties

    chosen = pool[max(range(len(pool)), key=age)]
    if len(live) > 1:
        stamp = chosen.get("updated_at") or chosen.get("created_at")
        note(
            f"{where}: {len(live)} annotations, took the newest non-empty one (id {chosen.get('id')}"
            + (f", {stamp})" if stamp else ")")
        )
    return chosen


def _spans(result, where: str) -> List[dict]:
    if not isinstance(result, list) or not all(
        isinstance(i, dict) and isinstance(i.get("value"), dict) for i in result
    ):
        raise AnnotationError(f"{where}: annotation 'result' is not a list of regions with a 'value'")
    labels: Dict[str, dict] = {}
    statuses: Dict[str, str] = {}
    for item in result:
        value, region = item["value"], item.get("id")
        if item.get("type") not in ("labels", "choices"):
            continue
        if region is None or region == "":
            # the id pairs a TOEZEGGING with its status choice; without it spans would be merged or mispaired
            raise AnnotationError(
                f"{where}: region without 'id' ({item.get('type')} {value.get('start')}-{value.get('end')})"
            )
        if item.get("type") == "labels":
            names = value.get("labels") or []
            if not isinstance(names, list) or len(names) != 1:
                raise AnnotationError(f"{where}: region {region}: expected one label, got {names}")
            if region in labels:
                raise AnnotationError(f"{where}: region {region}: labelled twice")
            span = {"start": value.get("start"), "end": value.get("end"), "label": names[0]}
            labels[region] = {**span, "text": value["text"]} if "text" in value else span
        elif item.get("from_name") == "status":
            choices = value.get("choices") or [None]
            statuses[region] = choices[0] if isinstance(choices, list) else choices
    spans = []
    for region, span in labels.items():
        if span["label"] == TOEZEGGING:
            span["status"] = statuses.get(region)
        spans.append(span)
    return sorted(spans, key=lambda s: (_number(s["start"]), -_number(s["end"])))


def _number(value) -> int:
    # sorting must not fail before validation names a bad offset
    return value if isinstance(value, int) else 0
