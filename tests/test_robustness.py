"""Long texts, interrupted runs and reruns: no lost work, no half-written files, same bytes."""

import json
import os
import signal
import subprocess
import sys
import time

from conftest import REPO, SEEDS, seed_text

from pipeline.io.journal import Journal
from pipeline.io.readers import iter_inputs
from pipeline.run.extraction import annotate, iter_pieces


def test_pieces_cut_at_breaks_and_cover_the_text():
    text = seed_text("kst-28676-325")
    parts = list(iter_pieces(text, 2000))
    assert "".join(p for _, p in parts) == text
    assert all(len(p) <= 2000 for _, p in parts[:-1]) and len(parts) > 5
    assert all(text[off : off + len(p)] == p for off, p in parts)


def test_text_longer_than_max_length_is_annotated_in_pieces_with_true_offsets(nlp, tmp_path):
    text = seed_text("kst-28676-325")
    whole = nlp(text)
    expected = {(e.start_char, e.end_char, e.label_) for e in whole.ents}
    out = tmp_path / "long.jsonl"
    old = nlp.max_length
    nlp.max_length = 3000
    try:
        journal = Journal(out)
        path = tmp_path / "in.jsonl"
        path.write_text(json.dumps({"id": "long", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
        annotate(nlp, iter_inputs([path]), journal.write, on_problem=lambda p: None)
        journal.commit()
    finally:
        nlp.max_length = old
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["text"] == text and record["meta"]["pieces"] >= 4
    for span in record["spans"]:
        assert text[span["start"] : span["end"]] == span["text"]
    found = {(s["start"], s["end"], s["label"]) for s in record["spans"] if s["label"] != "TOEZEGGING"}
    assert len(found & expected) >= 0.9 * len(expected)  # a cut may split a name, nothing more


def make_corpus(tmp_path, n):
    folder = tmp_path / "letters"
    folder.mkdir()
    text = seed_text("kst-28676-235")
    for k in range(n):
        (folder / f"brief-{k:03d}.txt").write_text(
            text.replace("16 december 2015", f"{k % 28 + 1} december 2015"), encoding="utf-8"
        )
    return folder


def extract(folder, out, *extra):
    return [sys.executable, "-m", "pipeline", "extract", str(folder), "-o", str(out), "--base", "blank:nl", *extra]


def test_killed_run_leaves_no_output_and_resume_gives_the_same_bytes(tmp_path):
    folder = make_corpus(tmp_path, 40)
    reference = tmp_path / "reference.jsonl"
    assert subprocess.run(extract(folder, reference), cwd=REPO, capture_output=True).returncode == 0

    out = tmp_path / "out.jsonl"
    partial = tmp_path / "out.jsonl.partial"
    proc = subprocess.Popen(extract(folder, out), cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:
        if partial.exists() and partial.read_bytes().count(b"\n") >= 3:
            break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists(), "an interrupted run must not leave the output file"
    lines = partial.read_bytes().count(b"\n")
    assert 3 <= lines < 40

    result = subprocess.run(extract(folder, out, "--resume"), cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "resuming:" in result.stderr
    assert out.read_bytes() == reference.read_bytes()
    assert not partial.exists()


def test_same_input_gives_byte_identical_output(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    for out in (first, second):
        assert subprocess.run(extract(SEEDS, out), cwd=REPO, capture_output=True).returncode == 0
    assert first.read_bytes() == second.read_bytes()


def test_two_processes_give_the_same_bytes_as_one(tmp_path):
    # rules, links and furniture marks must survive spaCy's Doc serialisation between processes
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert subprocess.run(extract(SEEDS, one), cwd=REPO, capture_output=True).returncode == 0
    assert subprocess.run(extract(SEEDS, two, "--n-process", "2"), cwd=REPO, capture_output=True).returncode == 0
    assert two.read_bytes() == one.read_bytes()
