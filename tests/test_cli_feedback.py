"""What a newcomer sees on the command line: progress and summary in a log, the cores warning, the command list,
and `save` writing a pipeline with its own meta into a folder that does not exist yet."""

import json
import os
import re
import subprocess
import sys
from collections import Counter

import pytest
import spacy
from conftest import REPO, SEEDS

from pipeline.run.workers import available_cores


def run(*args, **options):
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], cwd=REPO, capture_output=True, text=True, timeout=600, **options
    )


@pytest.fixture(scope="module")
def logged_run(tmp_path_factory):
    """Two seed letters and a broken file, stderr to a pipe (as to a log file), more workers than cores."""
    tmp = tmp_path_factory.mktemp("log")
    bad = tmp / "oud.txt"
    bad.write_bytes(b"caf\xe9")  # latin-1: refused without --encoding
    out = tmp / "out.jsonl"
    n_process = available_cores() + 1
    result = run(
        "extract", str(SEEDS), str(bad), "-o", str(out), "--base", "blank:nl",
        "--progress-every", "0", "--n-process", str(n_process),
    )  # fmt: skip
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return result, records, n_process


def test_a_log_gets_the_total_then_progress_lines_up_to_it(logged_run):
    result, records, _ = logged_run
    lines = result.stderr.splitlines()
    assert "extract: 3 document(s) in the inputs" in lines
    progress = [re.match(r"extract: (\d+)/3 documents, ([\d,]+) words, [\d,]+ words/s", line) for line in lines]
    seen = [int(m.group(1)) for m in progress if m]
    assert sorted(seen) == [1, 2, 3]  # one line per document or skipped input (--progress-every 0)
    words = sum(len(r["text"].split()) for r in records)
    last = [m for m in progress if m][-1]
    assert (last.group(1), last.group(2)) == ("3", f"{words:,}")
    assert "\r" not in result.stderr  # no bar in a log


def test_the_summary_gives_documents_words_spans_per_label_and_errors(logged_run):
    result, records, _ = logged_run
    assert result.returncode == 1  # the broken file
    summary = [line for line in result.stderr.splitlines() if line.startswith("summary: ")]
    words = sum(len(r["text"].split()) for r in records)
    assert re.fullmatch(rf"summary: 2 document\(s\), {words:,} words in [\d.]+ s, [\d,]+ words/s", summary[0])
    labels = Counter(span["label"] for r in records for span in r["spans"])
    statuses = Counter(span["status"] for r in records for span in r["spans"] if span["label"] == "TOEZEGGING")
    assert summary[1] == (
        f"summary: spans MINISTER {labels['MINISTER']}, ORGANISATIE {labels['ORGANISATIE']}, "
        f"OPERATIE {labels['OPERATIE']}, TOEZEGGING {labels['TOEZEGGING']} "
        f"(nieuw {statuses['nieuw']}, nagekomen {statuses['nagekomen']})"
    )
    assert summary[2] == "summary: errors 1 (skipped inputs, listed above)"
    assert any(
        line.startswith("skipped: ") and "oud.txt: not valid utf-8" in line for line in result.stderr.splitlines()
    )


def test_more_workers_than_cores_is_one_warning_before_the_model_loads(logged_run):
    result, records, n_process = logged_run
    lines = result.stderr.splitlines()
    warnings = [n for n, line in enumerate(lines) if line.startswith("warning: --n-process")]
    assert (
        len(warnings) == 1 and f"--n-process {n_process} is more than the {n_process - 1} core(s)" in lines[warnings[0]]
    )
    assert warnings[0] < next(n for n, line in enumerate(lines) if line.startswith("base model:"))
    assert len(records) == 2  # a warning, not a refusal


def test_no_warning_when_the_workers_fit_the_cores(tmp_path):
    out = tmp_path / "out.jsonl"
    result = run("extract", str(SEEDS / "kst-28676-235.txt"), "-o", str(out), "--base", "blank:nl")
    assert result.returncode == 0, result.stderr
    assert not [line for line in result.stderr.splitlines() if line.startswith("warning:")]


def test_the_top_level_help_lists_every_command_on_one_line():
    from typer.main import get_command

    from pipeline.cli import app

    commands = set(get_command(app).commands)  # type: ignore[attr-defined]
    result = run("--help", env={**os.environ, "COLUMNS": "80", "TERM": "dumb"})
    assert result.returncode == 0
    panel = result.stdout.split("Commands")[1].splitlines()[1:]
    rows = [line.strip("│ ").split(None, 1) for line in panel if line.startswith("│")]
    assert {row[0] for row in rows} == commands
    assert all(len(row) == 2 and row[0] in commands for row in rows), "a summary wraps onto a second line"
    assert all(not row[1].endswith("...") for row in rows)


def test_save_makes_missing_folders_and_writes_a_pipeline_with_its_own_meta(tmp_path):
    target = tmp_path / "build" / "pipeline"  # `make save` on a fresh checkout: build/ does not exist
    result = run("save", str(target), "--base", "blank:nl")
    assert result.returncode == 0, result.stderr
    assert f"saved nl_kamerbrieven {json.loads((target / 'meta.json').read_text())['version']}" in result.stderr
    nlp = spacy.load(target)
    assert nlp.meta["name"] == "kamerbrieven" and nlp.meta["sources"][0]["name"] == "blank:nl"
    assert [p.name for p in target.parent.iterdir()] == ["pipeline"]  # no temporary folder left beside it
    again = run("save", str(target), "--base", "blank:nl")  # an earlier pipeline is replaced
    assert again.returncode == 0, again.stderr


def test_save_never_replaces_a_folder_that_is_not_a_saved_pipeline(tmp_path):
    (tmp_path / "brief.txt").write_text("mijn werk", encoding="utf-8")
    result = run("save", str(tmp_path), "--base", "blank:nl")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"error: output {tmp_path} is a folder that holds other files (not a saved pipeline); "
        "give a new or empty folder"
    ]
    assert (tmp_path / "brief.txt").read_text(encoding="utf-8") == "mijn werk"


def test_evaluate_record_keeps_the_numbers_of_the_run_under_its_base(logged_run, tmp_path):
    _, records, _ = logged_run
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    scores, numbers = tmp_path / "scores.json", tmp_path / "numbers.json"
    result = run(
        "evaluate", "data/gold/seeds.jsonl", str(pred), "--record", "seeds",
        "--scores-file", str(scores), "--json", str(numbers),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    record = json.loads(scores.read_text())["seeds"]["blank:nl"]
    assert record["documents"] == 2 and record["gold"] == "data/gold/seeds.jsonl"
    full = json.loads(numbers.read_text())
    assert record["scores"]["entities_micro"] == full["entities_micro"]
    assert record["scores"]["TOEZEGGING"] == full["TOEZEGGING"]
