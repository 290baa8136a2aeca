"""What a long extract run tells its user: totals counted up front, progress, summary, resume hint, cores warning.

Time is a fake clock handed to Progress, so nothing here waits or depends on the machine's speed.
"""

import io
import os
import shlex

import pytest

from pipeline.io.readers import count_documents, iter_inputs
from pipeline.io.writers import dump_json_line
from pipeline.run.progress import Progress, Tally, exact, rough
from pipeline.run.resume_hint import resume_command
from pipeline.run.workers import available_cores, too_many_processes

pytestmark = pytest.mark.unit


def line(doc_id, words, *spans):
    """A record line as extract writes it: `words` words of text, spans given as (label, status or None)."""
    text = " ".join(["woord"] * words)
    return dump_json_line(
        {
            "id": doc_id,
            "text": text,
            "spans": [{"start": 0, "end": 5, "label": label, **({"status": s} if s else {})} for label, s in spans],
            "meta": {},
        }
    )


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def plain(total, every=5.0, resumed=0):
    clock, stream = Clock(), io.StringIO()
    return Progress(total, stream, terminal=False, resumed=resumed, every=every, clock=clock), clock, stream


# --- counts ------------------------------------------------------------------------------------------------


def test_the_tally_counts_documents_whitespace_words_labels_and_statuses():
    tally = Tally()
    tally.add(line("a", 7, ("MINISTER", None), ("TOEZEGGING", "nieuw")))
    tally.add(line("b", 3, ("MINISTER", None), ("TOEZEGGING", "nagekomen"), ("TOEZEGGING", "nieuw")))
    assert (tally.documents, tally.words) == (2, 10)
    assert tally.spans() == "MINISTER 2, ORGANISATIE 0, OPERATIE 0, TOEZEGGING 3 (nieuw 2, nagekomen 1)"


def test_count_documents_equals_what_the_readers_yield_for_every_kind_of_input(tmp_path):
    folder = tmp_path / "brieven"
    (folder / "2015").mkdir(parents=True)
    (folder / "a.txt").write_text("Een brief.", encoding="utf-8")
    (folder / "2015" / "b.TXT").write_text("Nog een.", encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK")
    (folder / "leeg.txt").write_text("", encoding="utf-8")  # a problem, still one item
    empty = tmp_path / "leeg"
    empty.mkdir()  # no documents: one problem
    jsonl = tmp_path / "corpus.jsonl"
    jsonl.write_text('{"id": "x", "text": "Tekst."}\n\n{"id": "y", "text": "Meer."}\nkapot\n', encoding="utf-8")
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n\n", encoding="utf-8")
    inputs = [folder, empty, jsonl, blank, tmp_path / "missing.txt", tmp_path / "missing.jsonl"]
    items = list(iter_inputs(inputs))
    assert count_documents(inputs) == len(items) == 3 + 1 + 3 + 0 + 1 + 1


def test_count_documents_does_not_open_a_fifo(tmp_path):
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    assert count_documents([fifo]) == 1  # reading it would block forever; the readers report it as one problem


# --- progress ----------------------------------------------------------------------------------------------


def test_a_log_gets_the_total_first_and_then_a_line_at_most_every_few_seconds():
    progress, clock, stream = plain(total=4, every=5.0)
    for seconds, doc in [(1, "a"), (6, "b"), (7, "c"), (12, "d")]:
        clock.now = 100.0 + seconds
        progress.written(line(doc, 100))
    lines = stream.getvalue().splitlines()
    assert lines == [
        "extract: 4 document(s) in the inputs",
        "extract: 2/4 documents, 200 words, 33 words/s, about 6 s left",
        "extract: 4/4 documents, 400 words, 33 words/s",
    ]


def test_every_zero_gives_a_line_per_document_and_skipped_inputs_count_towards_the_total():
    progress, clock, stream = plain(total=3, every=0)
    clock.now += 2
    progress.written(line("a", 10))
    progress.skipped()
    lines = stream.getvalue().splitlines()[1:]
    assert lines == [
        "extract: 1/3 documents, 10 words, 5 words/s, about 4 s left",
        "extract: 2/3 documents, 10 words, 5 words/s, about 1 s left",
    ]


def test_time_left_follows_this_runs_pace_and_counts_what_an_earlier_run_wrote_as_done():
    progress, clock, stream = plain(total=100, every=0, resumed=40)
    clock.now += 60
    for k in range(10):  # 10 documents a minute, 50 to go
        progress.written(line(str(k), 1))
    assert stream.getvalue().splitlines()[0] == "extract: 100 document(s) in the inputs (40 written by the earlier run)"
    assert progress.seconds_left(clock.now) == pytest.approx(300)
    assert stream.getvalue().splitlines()[-1].endswith("50/100 documents, 10 words, 0 words/s, about 5 min left")


def test_no_time_left_is_guessed_from_the_first_few_documents_of_a_long_run():
    progress, clock, stream = plain(total=301, every=0)
    clock.now += 7  # warming up: the first document says little about the pace
    progress.written(line("a", 10))
    assert stream.getvalue().splitlines()[-1] == "extract: 1/301 documents, 10 words, 1 words/s"
    for k in range(9):
        progress.written(line(str(k), 10))
    assert stream.getvalue().splitlines()[-1].endswith("about 3 min left")  # 10 in 7 s, 291 to go: 204 s


def test_a_terminal_gets_a_bar_with_the_total_and_the_time_left():
    stream = io.StringIO()
    progress = Progress(4, stream, terminal=True)
    progress.written(line("a", 10))
    progress.close()
    shown = stream.getvalue()
    assert "1/4" in shown and "<" in shown  # tqdm: [elapsed<remaining]
    assert "10 words" in shown and "words/s" in shown
    assert "document(s) in the inputs" not in shown  # the bar says it


def test_the_summary_names_documents_words_time_speed_spans_and_errors():
    progress, clock, _ = plain(total=3, resumed=1)
    progress.written(line("a", 1000, ("ORGANISATIE", None), ("TOEZEGGING", "nagekomen")))
    progress.skipped()
    clock.now += 125
    assert progress.summary(errors=1) == [
        "summary: 1 document(s) (and 1 written by the earlier run), 1,000 words in 2 min 05 s, 8 words/s",
        "summary: spans MINISTER 0, ORGANISATIE 1, OPERATIE 0, TOEZEGGING 1 (nieuw 0, nagekomen 1)",
        "summary: errors 1 (skipped inputs, listed above)",
    ]


@pytest.mark.parametrize(
    "seconds, estimate, measured",
    [(0.2, "1 s", "0.2 s"), (42, "42 s", "42.0 s"), (185, "3 min", "3 min 05 s"), (7500, "2 h 5 min", "2 h 05 min")],
)
def test_durations_read_as_people_say_them(seconds, estimate, measured):
    assert (rough(seconds), exact(seconds)) == (estimate, measured)


# --- the resume hint ---------------------------------------------------------------------------------------


def test_the_resume_hint_repeats_the_command_with_resume_instead_of_restart(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    python = tmp_path / ".venv" / "bin" / "python"
    argv = ["/x/pipeline/__main__.py", "extract", "my letters", "-o", "out.jsonl", "--restart", "--n-process", "2"]
    command = resume_command(argv, str(python))
    assert shlex.split(command) == [
        ".venv/bin/python",
        "-m",
        "pipeline",
        "extract",
        "my letters",
        "-o",
        "out.jsonl",
        "--n-process",
        "2",
        "--resume",
    ]


def test_the_resume_hint_of_an_installed_script_names_the_script_and_resumes_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", "/nonexistent")
    command = resume_command(["/opt/tools/bin/kamerbrieven", "extract", "in", "-o", "o.jsonl", "--resume"], "python")
    assert command == "/opt/tools/bin/kamerbrieven extract in -o o.jsonl --resume"


# --- cores -------------------------------------------------------------------------------------------------


def test_more_workers_than_cores_gives_one_warning_line():
    assert too_many_processes(2, cores=2) == ""
    warning = too_many_processes(3, cores=2)
    assert warning.startswith("warning: --n-process 3 is more than the 2 core(s)") and "\n" not in warning
    assert available_cores() >= 1
