"""Scores that cannot be gamed and never show a number where there is none (issue 11)."""

import json
import subprocess
import sys

from conftest import REPO

from pipeline.evaluation.annotations import Annotation, Document, load_documents
from pipeline.evaluation.scoring import Counts, format_table, score
from pipeline.exports.review import write_report

TEXT = "De Minister van Defensie en de NAVO. Ik zal uw Kamer informeren. Uw Kamer is geïnformeerd."
FIRST, SECOND = (37, 65), (66, 92)  # the two sentences after the first


def doc(*spans):
    return {"d": Document("d", TEXT, list(spans))}


def toezegging(start, end):
    return Annotation(start, end, "TOEZEGGING", "nieuw")


def run(*args):
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=REPO, capture_output=True, text=True)


def write_jsonl(path, *records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_whole_document_prediction_repeated_does_not_match():
    gold = doc(toezegging(*FIRST), toezegging(*SECOND))
    gamed = score(gold, doc(toezegging(0, len(TEXT)), toezegging(0, len(TEXT))))
    assert (gamed.toezegging.correct, gamed.toezegging.precision, gamed.toezegging.recall) == (0, 0.0, 0.0)


def test_toezegging_match_needs_half_of_the_longer_span():
    gold = doc(toezegging(*FIRST))  # 28 characters
    exactly_half = score(gold, doc(toezegging(FIRST[0], FIRST[0] + 56)))  # holds gold: 28 of 56
    assert exactly_half.toezegging.correct == 1
    under_half = score(gold, doc(toezegging(FIRST[0] - 1, FIRST[0] + 56)))  # 28 of 57
    assert under_half.toezegging.correct == 0


def test_review_marks_a_whole_document_prediction_spurious(tmp_path):
    pred = {"d": Document("d", TEXT, [toezegging(0, len(TEXT))])}
    index = write_report(pred, tmp_path / "report", doc(toezegging(*FIRST)))
    page = next((tmp_path / "report" / "docs").iterdir()).read_text(encoding="utf-8")
    assert page.count('<tr class="spurious">') == 1 and page.count('<tr class="missed">') == 1
    assert "<td>0.00</td><td>0.00</td>" in index.read_text(encoding="utf-8")


def test_undefined_precision_and_recall_are_none_not_zero():
    empty = Counts()
    assert (empty.precision, empty.recall, empty.f1) == (None, None, None)
    no_pred = Counts(gold=3)
    assert (no_pred.precision, no_pred.recall, no_pred.f1) == (None, 0.0, 0.0)
    no_gold = Counts(pred=2)
    assert (no_gold.precision, no_gold.recall, no_gold.f1) == (0.0, None, 0.0)
    assert empty.as_dict() == {"gold": 0, "pred": 0, "correct": 0, "precision": None, "recall": None, "f1": None}


def test_table_shows_a_dash_for_a_label_without_gold_and_predictions():
    report = score(doc(Annotation(31, 35, "ORGANISATIE")), doc(Annotation(31, 35, "ORGANISATIE")))
    rows = {tuple(line.split()[:2]): line.split()[2:] for line in format_table(report).splitlines()[2:-1]}
    assert rows[("OPERATIE", "strict")] == ["0", "0", "0", "–", "–", "–"]
    assert rows[("ORGANISATIE", "strict")] == ["1", "1", "1", "1.000", "1.000", "1.000"]
    assert rows[("TOEZEGGING", "overlap")] == ["0", "0", "0", "–", "–", "–"]
    assert format_table(report).splitlines()[-1] == "TOEZEGGING status accuracy: 0/0 = –"
    numbers = report.as_dict()
    assert numbers["entities"]["OPERATIE"]["strict"]["precision"] is None
    assert numbers["TOEZEGGING"]["status_accuracy"] is None


def test_review_shows_a_dash_for_precision_of_a_document_without_predictions(tmp_path):
    gold = doc(Annotation(31, 35, "ORGANISATIE"))
    index = write_report(doc(), tmp_path / "report", gold).read_text(encoding="utf-8")
    assert "<td>–</td><td>0.00</td>" in index and "1.00" not in index


def test_evaluate_json_writes_null_for_undefined_scores(tmp_path):
    record = {"id": "d", "text": TEXT, "spans": [{"start": 31, "end": 35, "label": "ORGANISATIE"}]}
    path = write_jsonl(tmp_path / "gold.jsonl", record)
    result = run("evaluate", str(path), str(path), "--json", str(tmp_path / "scores.json"))
    assert result.returncode == 0, result.stderr
    numbers = json.loads((tmp_path / "scores.json").read_text())
    assert numbers["TOEZEGGING"]["overlap"]["precision"] is None
    assert numbers["attributes"]["TOEZEGGING status"]["accuracy"] is None
    empty_row = ["TOEZEGGING", "overlap", "0", "0", "0", "–", "–", "–"]
    assert empty_row in [line.split() for line in result.stdout.splitlines()]


def test_evaluate_warns_when_the_gold_looks_like_pipeline_output(tmp_path):
    spans = [{"start": 31, "end": 35, "label": "ORGANISATIE", "text": "NAVO", "rule": "gazetteer"}]
    pred = write_jsonl(tmp_path / "pred.jsonl", {"id": "d", "text": TEXT, "spans": spans})
    result = run("evaluate", str(pred), str(pred))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "pred.jsonl" in lines[0] and "'rule'" in lines[0] and "pipeline output" in lines[0]


def test_evaluate_does_not_warn_on_hand_labelled_gold(tmp_path):
    gold = REPO / "data/gold/seeds.jsonl"
    assert all(s.rule is None for d in load_documents(gold).values() for s in d.spans)
    result = run("evaluate", str(gold), str(gold))
    assert result.returncode == 0 and result.stderr == ""
