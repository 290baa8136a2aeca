from pipeline.evaluation.annotations import Annotation, Document
from pipeline.evaluation.scoring import score

TEXT = "De Minister van Defensie en de NAVO. Ik zal uw Kamer informeren. Uw Kamer is geïnformeerd."


def doc(*spans):
    return {"d": Document("d", TEXT, list(spans))}


def A(start, end, label, status=None):
    return Annotation(start, end, label, status)


def test_strict_needs_exact_offsets_partial_needs_overlap():
    gold = doc(A(3, 24, "MINISTER"), A(31, 35, "ORGANISATIE"))
    pred = doc(A(3, 11, "MINISTER"), A(31, 35, "ORGANISATIE"))
    report = score(gold, pred)
    assert (report.strict["MINISTER"].correct, report.partial["MINISTER"].correct) == (0, 1)
    assert report.strict["ORGANISATIE"].f1 == 1.0
    micro = report.micro("strict")
    assert (micro.gold, micro.pred, micro.correct) == (2, 2, 1)


def test_label_must_agree():
    report = score(doc(A(31, 35, "ORGANISATIE")), doc(A(31, 35, "OPERATIE")))
    assert report.partial["ORGANISATIE"].correct == 0
    assert report.strict["OPERATIE"].precision == 0.0


def test_partial_matching_is_one_to_one():
    # two predictions inside one gold span: one true positive, one false positive
    report = score(doc(A(3, 24, "MINISTER")), doc(A(3, 11, "MINISTER"), A(16, 24, "MINISTER")))
    c = report.partial["MINISTER"]
    assert (c.gold, c.pred, c.correct) == (1, 2, 1)
    assert c.precision == 0.5 and c.recall == 1.0


def test_toezegging_overlap_threshold_is_half_of_the_longer_span():
    gold = doc(A(37, 65, "TOEZEGGING", "nieuw"))  # "Ik zal uw Kamer informeren."
    half = score(gold, doc(A(37, 51, "TOEZEGGING", "nieuw")))  # 14 chars overlap, half of the gold's 28
    assert half.toezegging.correct == 1
    less = score(gold, doc(A(37, 50, "TOEZEGGING", "nieuw")))  # all of a 13-char prediction, under half of 28
    assert less.toezegging.correct == 0
    little = score(gold, doc(A(60, 90, "TOEZEGGING", "nieuw")))  # 5 of 28 chars
    assert little.toezegging.correct == 0
    assert (little.toezegging.precision, little.toezegging.recall) == (0.0, 0.0)


def test_status_accuracy_over_matched_pairs_only():
    gold = doc(A(37, 65, "TOEZEGGING", "nieuw"), A(66, 92, "TOEZEGGING", "nieuw"))
    pred = doc(A(37, 65, "TOEZEGGING", "nagekomen"))
    report = score(gold, pred)
    assert (report.status_matched, report.status_correct) == (1, 0)
    assert report.toezegging.recall == 0.5
    assert [g.start for _, g, _ in report.errors.wrong_status] == [37]


def test_errors_list_false_positives_and_negatives():
    report = score(doc(A(3, 24, "MINISTER")), doc(A(31, 35, "ORGANISATIE")))
    assert [(d, s.label) for d, s in report.errors.false_negatives] == [("d", "MINISTER")]
    assert [(d, s.label) for d, s in report.errors.false_positives] == [("d", "ORGANISATIE")]


def test_empty_prediction_scores_zero_not_crash():
    report = score(doc(A(3, 24, "MINISTER")), doc())
    assert report.strict["MINISTER"].f1 == 0.0 and report.as_dict()["entities"]["MINISTER"]["strict"]["gold"] == 1


def test_split_scores_only_its_part_and_the_check_part_is_never_listed_for_errors(tmp_path):
    import json
    import subprocess
    import sys

    text = "De NAVO en de EU."
    gold = [
        {"id": "a", "split": "tune", "text": text, "spans": [{"start": 3, "end": 7, "label": "ORGANISATIE"}]},
        {"id": "b", "split": "check", "text": text, "spans": [{"start": 14, "end": 16, "label": "ORGANISATIE"}]},
    ]
    pred = [
        {"id": "a", "text": text, "spans": [{"start": 3, "end": 7, "label": "ORGANISATIE"}]},
        {"id": "b", "text": text, "spans": []},
    ]
    for name, lines in (("gold", gold), ("pred", pred)):
        (tmp_path / f"{name}.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")

    def run(*extra):
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "pipeline",
                "evaluate",
                str(tmp_path / "gold.jsonl"),
                str(tmp_path / "pred.jsonl"),
                *extra,
            ],
            capture_output=True,
            text=True,
        )

    tune, check, errors = run("--split", "tune"), run("--split", "check"), run("--split", "check", "--errors")
    row = lambda out: next(line for line in out.splitlines() if line.startswith("ORGANISATIE  strict"))  # noqa: E731
    assert "1 documents, split tune" in tune.stdout and row(tune.stdout).split()[2:5] == ["1", "1", "1"]
    assert row(check.stdout).split()[2:5] == ["1", "0", "0"]
    assert errors.returncode == 1 and "--errors is refused with --split check" in errors.stderr
    missing = run("--split", "holdout")
    assert missing.returncode == 1 and "no document with split 'holdout'" in missing.stderr
