"""What evaluate reports (issue 16): TOEZEGGING strictly beside overlap, wrong attributes with gold and predicted
values, per-document scores and the errors in --json, none of it for the check part."""

import json
import subprocess
import sys

import pytest
from conftest import REPO, write_jsonl

from pipeline.evaluation.annotations import Annotation, Document
from pipeline.evaluation.attributes import attribute_mismatches
from pipeline.evaluation.errors import errors_as_dict, format_errors
from pipeline.evaluation.scoring import format_table, score

TEXT = "De Minister van Defensie en de NAVO. Ik zal uw Kamer voor 1 juni informeren. Uw Kamer is geïnformeerd."
SENTENCE = (37, 76)  # "Ik zal uw Kamer voor 1 juni informeren."
TERMIJN = "voor 1 juni"


def toezegging(start=SENTENCE[0], end=SENTENCE[1], status="nieuw", **attrs):
    return Annotation(start, end, "TOEZEGGING", status, attrs=attrs)


def docs(**spans_by_id):
    return {doc_id: Document(doc_id, TEXT, list(spans)) for doc_id, spans in spans_by_id.items()}


def rows(table: str) -> dict:
    return {tuple(line.split()[:2]): line.split()[2:] for line in table.splitlines()[2:-1]}


@pytest.mark.unit
def test_a_sentence_with_other_boundaries_counts_by_overlap_not_strictly():
    gold = docs(d=[toezegging()])
    report = score(gold, docs(d=[toezegging(37, 75)]))  # the full stop left out
    assert (report.toezegging.correct, report.toezegging_strict.correct) == (1, 0)
    table = rows(format_table(report))
    assert table[("TOEZEGGING", "overlap")][:3] == ["1", "1", "1"]
    assert table[("TOEZEGGING", "strict")] == ["1", "1", "0", "0.000", "0.000", "0.000"]
    numbers = report.as_dict()["TOEZEGGING"]
    assert (numbers["overlap"]["f1"], numbers["strict"]["f1"]) == (1.0, 0.0)


@pytest.mark.unit
def test_each_document_has_its_own_scores_and_the_totals_are_their_sum():
    nato = Annotation(31, 35, "ORGANISATIE")
    gold = docs(a=[nato, toezegging()], b=[nato])
    report = score(gold, docs(a=[nato, toezegging()], b=[]))
    per_doc = report.documents_as_dict()
    assert list(per_doc) == ["a", "b"]
    assert per_doc["a"]["entities"]["ORGANISATIE"]["strict"]["f1"] == 1.0
    assert per_doc["a"]["TOEZEGGING"]["strict"]["correct"] == 1
    assert per_doc["b"]["entities"]["ORGANISATIE"]["strict"] == {
        "gold": 1,
        "pred": 0,
        "correct": 0,
        "precision": None,
        "recall": 0.0,
        "f1": 0.0,
    }
    assert report.strict["ORGANISATIE"].gold == 2 and report.strict["ORGANISATIE"].correct == 1


@pytest.mark.unit
def test_wrong_attributes_are_listed_once_with_gold_and_predicted_value():
    gold = docs(d=[toezegging(termijn=TERMIJN, termijn_datum="2020-06-01", ministerie="Defensie")])
    pred = docs(d=[toezegging(37, 75, "nagekomen", termijn="1 juni", termijn_datum=None, ministerie="Defensie")])
    found = attribute_mismatches(gold, pred)
    # termijn fails exactly but overlaps: listed once; the right ministerie and the wrong status are not listed here
    assert [(m.attribute, m.values) for m in found] == [
        ("termijn", (TERMIJN, "1 juni")),
        ("termijn_datum", ("2020-06-01", None)),
    ]
    report = score(gold, pred)
    listed = format_errors(report, gold, found)
    assert 'ATTR TOEZEGGING termijn_datum d:37-76 (predicted 37-75) gold="2020-06-01" predicted=null' in listed
    assert "STATUS d:37-75 gold=nieuw predicted=nagekomen" in listed
    data = errors_as_dict(report, gold, found)
    assert data["attributes"][1]["gold_value"] == "2020-06-01" and data["attributes"][1]["predicted_value"] is None
    assert data["attributes"][1]["gold"]["id"] == "d:37-76:TOEZEGGING"
    assert data["wrong_status"][0]["predicted"]["id"] == "d:37-75:TOEZEGGING"


@pytest.mark.unit
def test_errors_as_data_name_every_span_by_its_id_and_text():
    gold = docs(d=[Annotation(3, 24, "MINISTER")])
    data = errors_as_dict(score(gold, docs(d=[Annotation(31, 35, "ORGANISATIE", rule="gazetteer:x")])), gold)
    assert data["false_negatives"] == [
        {"document": "d", "id": "d:3-24:MINISTER", "start": 3, "end": 24, "label": "MINISTER", "text": TEXT[3:24]}
    ]
    assert data["false_positives"][0]["rule"] == "gazetteer:x" and data["false_positives"][0]["text"] == "NAVO"


def evaluate(tmp_path, gold, pred, *extra):
    write_jsonl(tmp_path / "gold.jsonl", gold)
    write_jsonl(tmp_path / "pred.jsonl", pred)
    command = [
        "evaluate",
        str(tmp_path / "gold.jsonl"),
        str(tmp_path / "pred.jsonl"),
        "--json",
        str(tmp_path / "s.json"),
    ]
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", *command, *extra], cwd=REPO, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout, json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))


def record(doc_id, *spans, split=None):
    line = {"id": doc_id, "text": TEXT, "spans": list(spans)}
    return {**line, "split": split} if split else line


SPAN = {"start": SENTENCE[0], "end": SENTENCE[1], "label": "TOEZEGGING", "status": "nieuw", "termijn": TERMIJN}


def test_evaluate_prints_wrong_attributes_and_writes_errors_and_documents_to_json(tmp_path):
    gold = [record("a", SPAN), record("b", SPAN)]
    pred = [record("a", {**SPAN, "termijn": None}), record("b", SPAN)]
    out, numbers = evaluate(tmp_path, gold, pred, "--errors")
    assert f'ATTR TOEZEGGING termijn a:37-76 gold="{TERMIJN}" predicted=null' in out
    assert any(line.split()[:2] == ["TOEZEGGING", "strict"] for line in out.splitlines())
    assert list(numbers["documents"]) == ["a", "b"] and numbers["TOEZEGGING"]["strict"]["correct"] == 2
    assert [(e["document"], e["attribute"]) for e in numbers["errors"]["attributes"]] == [("a", "termijn")]
    assert numbers["errors"]["false_positives"] == [] and "withheld" not in numbers


def test_evaluate_json_of_the_check_part_holds_scores_only(tmp_path):
    gold = [record("a", SPAN, split="tune"), record("b", SPAN, split="check")]
    pred = [record("a", SPAN), record("b", {**SPAN, "termijn": None})]
    _, numbers = evaluate(tmp_path, gold, pred, "--split", "check")
    assert numbers["attributes"]["TOEZEGGING termijn (exact)"]["correct"] == 0  # scored
    assert "errors" not in numbers and "documents" not in numbers and "check" in numbers["withheld"]
