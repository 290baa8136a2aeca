import json

import pytest

from pipeline.evaluation.annotations import Annotation, AnnotationError, load_documents
from pipeline.evaluation.attributes import mismatches
from pipeline.exports.labelstudio import from_export, to_tasks
from pipeline.exports.review import write_report
from pipeline.exports.review_index import SCRIPT

EVIL = (
    'De Minister van Defensie schreef <script>alert("x")</script> en "><img src=x onerror=alert(1)>. '
    "Ik zal uw Kamer voor de zomer informeren."
)


def record(text, spans, doc_id='evil"<id>'):
    return {"id": doc_id, "text": text, "spans": spans, "meta": {"base_model": {"name": "<b>base</b>"}}}


def evil_docs(tmp_path):
    path = tmp_path / "pred.jsonl"
    spans = [
        {"start": 3, "end": 24, "label": "MINISTER", "text": EVIL[3:24], "rule": "r<1>", "functie": "<i>x</i>"},
        {
            "start": 96,
            "end": 137,
            "label": "TOEZEGGING",
            "text": EVIL[96:137],
            "status": "nieuw",
            "rule": "nieuw:x",
            "termijn": "voor de zomer",
        },
    ]
    path.write_text(json.dumps(record(EVIL, spans), ensure_ascii=False) + "\n", encoding="utf-8")
    return load_documents(path)


def test_everything_from_a_document_is_escaped(tmp_path):
    docs = evil_docs(tmp_path)
    index = write_report(docs, tmp_path / "report")
    pages = [index.read_text()] + [p.read_text() for p in (tmp_path / "report" / "docs").iterdir()]
    assert pages[0].count(f"<script>{SCRIPT}</script>") == 1  # the index's own sorting and filtering
    pages[0] = pages[0].replace(f"<script>{SCRIPT}</script>", "")
    for page in pages:
        assert "<script>" not in page and "<img" not in page and "<b>base" not in page and "<i>x" not in page
    page = pages[1]
    assert "&lt;script&gt;" in page and "onerror=alert(1)&gt;" in page
    assert "r&lt;1&gt;" in page  # the rule, shown beside the span
    assert 'href="docs/evil_id_-' in pages[0]  # a safe file name for a hostile id


def test_gold_view_marks_correct_missed_and_spurious(tmp_path):
    pred = evil_docs(tmp_path)
    gold_path = tmp_path / "gold.jsonl"
    gold_spans = [
        {"start": 3, "end": 24, "label": "MINISTER", "text": EVIL[3:24]},
        {"start": 96, "end": 137, "label": "TOEZEGGING", "text": EVIL[96:137], "status": "nieuw"},
        {"start": 0, "end": 2, "label": "ORGANISATIE", "text": "De"},
    ]
    gold_path.write_text(json.dumps(record(EVIL, gold_spans), ensure_ascii=False) + "\n", encoding="utf-8")
    index = write_report(pred, tmp_path / "report", load_documents(gold_path))
    page = next((tmp_path / "report" / "docs").iterdir()).read_text()
    assert page.count('<tr class="correct">') == 2 and page.count('<tr class="missed">') == 1
    assert "ORGANISATIE (missed)" in page
    assert "<td>1.00</td><td>0.67</td>" in index.read_text()  # precision, recall


def test_labelstudio_round_trip_returns_the_same_spans(tmp_path):
    docs = evil_docs(tmp_path)
    tasks = to_tasks(docs.values())
    assert tasks[0]["predictions"][0]["result"][0]["value"]["labels"] == ["MINISTER"]
    for task in tasks:
        task["annotations"] = [{"result": task["predictions"][0]["result"]}]
    records = from_export(tasks, "export.json")
    assert [(s["start"], s["end"], s["label"], s.get("status")) for s in records[0]["spans"]] == [
        (3, 24, "MINISTER", None),
        (96, 137, "TOEZEGGING", "nieuw"),
    ]


def test_labelstudio_import_validates(tmp_path):
    tasks = to_tasks(evil_docs(tmp_path).values())
    tasks[0]["annotations"] = [{"result": [r for r in tasks[0]["predictions"][0]["result"] if r["type"] == "labels"]}]
    with pytest.raises(AnnotationError, match="status None"):
        from_export(tasks, "export.json")  # a TOEZEGGING without its status
    tasks[0]["annotations"] = [
        {
            "result": [
                {
                    "id": "a",
                    "type": "labels",
                    "from_name": "label",
                    "value": {"start": 0, "end": 2, "text": "De", "labels": ["PERSOON"]},
                }
            ]
        }
    ]
    with pytest.raises(AnnotationError, match="unknown label 'PERSOON'"):
        from_export(tasks, "export.json")


def test_attribute_mismatches_name_each_differing_attribute_once():
    text = "Ik zal uw Kamer voor de zomer informeren."
    gold = Annotation(
        0, 40, "TOEZEGGING", "nieuw", attrs={"termijn": "voor de zomer", "bewindspersoon": "Minister van Defensie"}
    )
    pred = Annotation(
        0,
        40,
        "TOEZEGGING",
        "nagekomen",
        attrs={"termijn": None, "bewindspersoon": "minister  van defensie", "ministerie": "Defensie"},
    )
    # termijn fails its exact and its overlap check but is named once; the same office written differently
    # is no mismatch; ministerie is not in gold, so not judged
    assert mismatches(text, gold, pred) == [("status", "nieuw", "nagekomen"), ("termijn", "voor de zomer", None)]
    assert mismatches(text, gold, gold) == []


def test_index_totals_row_sums_the_predicted_counts(tmp_path):
    text = "De NAVO en de VN. De Minister van Defensie."
    records = [
        record(
            text,
            [{"start": 3, "end": 7, "label": "ORGANISATIE"}, {"start": 14, "end": 16, "label": "ORGANISATIE"}],
            "a",
        ),
        record(
            text, [{"start": 18, "end": 42, "label": "MINISTER"}, {"start": 3, "end": 7, "label": "ORGANISATIE"}], "b"
        ),
    ]
    path = tmp_path / "pred.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    index = write_report(load_documents(path), tmp_path / "report").read_text(encoding="utf-8")
    foot = index.split("<tfoot>")[1].split("</tfoot>")[0]
    # document, MINISTER, ORGANISATIE, OPERATIE, TOEZEGGING
    assert foot == "<tr><td>total (2 of 2 documents)</td><td>1</td><td>3</td><td>0</td><td>0</td></tr>"
    assert "not gold" in index
