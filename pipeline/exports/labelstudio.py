"""Correction round trip with Label Studio: predictions out as pre-annotated tasks, reviewed tasks back as gold.

The labeling config is docs/labelstudio.xml: span labels for the four labels; per TOEZEGGING region a
choice of status; per MINISTER and TOEZEGGING region one text field for each attribute
(schema.MINISTER_ATTRIBUTES, TOEZEGGING_ATTRIBUTES), filled with the prediction and corrected by
the reviewer. What the reviewer does not judge travels in the task's data and comes back unchanged:
the letter's meta (and a gold line's split), and the rule of each region the reviewer left as
predicted. (The project's JSONL already matches Prodigy's "spans" format, so Prodigy needs no
conversion.)
"""

import json
from typing import Callable, Dict, Iterable, List, Optional

from pipeline import __version__
from pipeline.evaluation.annotations import Annotation, AnnotationError, Document, document_from_record
from pipeline.schema import MINISTER, MINISTER_ATTRIBUTES, TOEZEGGING, TOEZEGGING_ATTRIBUTES

ATTRIBUTES = {MINISTER: MINISTER_ATTRIBUTES, TOEZEGGING: TOEZEGGING_ATTRIBUTES}
# attributes whose value is an object ({"type": ..., "datum": ...}): their text field holds it as JSON
JSON_ATTRIBUTES = ("herkomst",)


def _field_text(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _regions(doc: Document, k: int, span: Annotation) -> List[dict]:
    """The results of one predicted span: its label, its status choice, one text field per attribute."""
    region = f"r{k}"
    where = {"start": span.start, "end": span.end}
    items = [("label", "labels", {**where, "text": doc.text[span.start : span.end], "labels": [span.label]})]
    if span.label == TOEZEGGING:
        items.append(("status", "choices", {**where, "choices": [span.status]}))
    # an empty field is no result in Label Studio: a null attribute has none
    items += [
        (name, "textarea", {**where, "text": [_field_text(span.attrs[name])]})
        for name in ATTRIBUTES.get(span.label, ())
        if span.attrs.get(name) is not None
    ]
    return [
        {"id": region, "from_name": name, "to_name": "text", "type": kind, "value": value}
        for name, kind, value in items
    ]


def to_tasks(docs: Iterable[Document]) -> List[dict]:
    tasks = []
    for n, doc in enumerate(docs, 1):
        result = [item for k, span in enumerate(doc.spans) for item in _regions(doc, k, span)]
        # Label Studio keeps a task's data as given: the place for what the reviewer does not edit
        data: Dict[str, object] = {"doc_id": doc.id, "text": doc.text, "meta": doc.meta}
        data["rules"] = {
            f"r{k}": {"start": s.start, "end": s.end, "label": s.label, "rule": s.rule}
            for k, s in enumerate(doc.spans)
            if s.rule is not None
        }
        if doc.split is not None:
            data["split"] = doc.split
        base = doc.base_model or "?"
        tasks.append(
            {
                "id": n,
                "data": data,
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
        spans = _spans(annotation.get("result"), where, data.get("rules"))
        # the letter's meta as exported; a task made elsewhere (no meta) says where it came from
        meta = data.get("meta") if isinstance(data.get("meta"), dict) else {"source": f"labelstudio:{source}"}
        record = {"id": doc_id, "meta": meta, "text": data["text"], "spans": spans}
        if isinstance(data.get("split"), str):
            record["split"] = data["split"]
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


def _spans(result, where: str, rules=None) -> List[dict]:
    """The gold spans of one annotation; `rules`: the task's data.rules (region -> the predicted span and its rule)."""
    if not isinstance(result, list) or not all(
        isinstance(i, dict) and isinstance(i.get("value"), dict) for i in result
    ):
        raise AnnotationError(f"{where}: annotation 'result' is not a list of regions with a 'value'")
    labels: Dict[str, dict] = {}
    statuses: Dict[str, str] = {}
    fields: Dict[str, Dict[str, object]] = {}
    for item in result:
        value, region = item["value"], item.get("id")
        if item.get("type") not in ("labels", "choices", "textarea"):
            continue
        if region is None or region == "":
            # the id pairs a region with its status and attributes; without it spans would be merged or mispaired
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
        elif item.get("type") == "choices" and item.get("from_name") == "status":
            choices = value.get("choices") or [None]
            statuses[region] = choices[0] if isinstance(choices, list) else choices
        elif item.get("type") == "textarea":
            name = str(item.get("from_name"))
            fields.setdefault(region, {})[name] = _field_value(name, value.get("text"), f"{where}: region {region}")
    spans = []
    for region, span in labels.items():
        if span["label"] == TOEZEGGING:
            span["status"] = statuses.get(region)
        # every attribute of the label: what the reviewer left empty is reviewed as none
        span.update({name: fields.get(region, {}).get(name) for name in ATTRIBUTES.get(span["label"], ())})
        rule = _rule(region, span, rules)
        if rule is not None:
            span["rule"] = rule
        spans.append(span)
    return sorted(spans, key=lambda s: (_number(s["start"]), -_number(s["end"])))


def _field_value(name: str, texts, where: str) -> object:
    """A text field's value: one string (None when empty); JSON for an attribute that holds an object."""
    if isinstance(texts, str):
        texts = [texts]
    if not isinstance(texts, list) or len(texts) > 1 or not all(isinstance(t, str) for t in texts):
        raise AnnotationError(f"{where}: {name}: expected one text, got {texts!r}")
    text = texts[0] if texts else ""
    if not text.strip():
        return None
    if name not in JSON_ATTRIBUTES:
        return text
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = None
    if not isinstance(parsed, dict):
        raise AnnotationError(f'{where}: {name}: {text!r} is not a JSON object such as {{"type": ..., "datum": ...}}')
    return parsed


def _rule(region: str, span: dict, rules) -> Optional[str]:
    """A region the reviewer left where the prediction put it keeps the rule that made it; any other has none."""
    made = rules.get(region) if isinstance(rules, dict) else None
    if isinstance(made, dict) and all(made.get(k) == span[k] for k in ("start", "end", "label")):
        return made.get("rule")
    return None


def _number(value) -> int:
    # sorting must not fail before validation names a bad offset
    return value if isinstance(value, int) else 0
