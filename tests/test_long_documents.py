"""Long documents: annotated piece by piece in bounded memory, and a --max-chars guard that skips the longest."""

import json
import subprocess
import sys

from conftest import REPO, SEEDS, seed_text
from spacy.language import Language

from pipeline.assemble import load
from pipeline.io.readers import InputDoc
from pipeline.run.extraction import annotate, iter_pieces

# Runs in a fresh process so that its peak memory (VmHWM) is its own: the default pipeline (whose memory
# grows with the length of the text it is given), pieces of `piece` characters, one document of `size`.
PEAK_RSS = """
import sys
from pipeline.run.extraction import annotate
from pipeline.io.readers import InputDoc
from pipeline.assemble import load

size, piece = int(sys.argv[1]), int(sys.argv[2])
seeds = sys.argv[3]
text = (seeds * (size // len(seeds) + 1))[:size]
nlp = load(parse="all")  # the model on every sentence: the memory it needs per piece is what is measured
nlp.max_length = piece
def peak():
    # VmHWM belongs to this process image; ru_maxrss would carry the peak of the pytest process it was spawned from
    return next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))

nlp("Warm-up.")
before = peak()
lines = []
annotate(nlp, [InputDoc("long", text, "long.txt")], lines.append, on_problem=print)
assert len(lines) == 1
print(before, peak())
"""


def letters(size: int) -> str:
    """The seed letters repeated to `size` characters."""
    seeds = "\n\n".join(seed_text(p.stem) for p in sorted(SEEDS.glob("*.txt"))) + "\n\n"
    return (seeds * (size // len(seeds) + 1))[:size]


def peak_kb(size: int, piece: int) -> tuple:
    seeds = "\n\n".join(seed_text(p.stem) for p in sorted(SEEDS.glob("*.txt"))) + "\n\n"
    result = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, str(size), str(piece), seeds],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    loaded, peak = map(int, result.stdout.split()[-2:])
    return loaded, peak


def test_memory_for_a_long_document_does_not_grow_with_its_length():
    # Today's model needs ~3.7 kB per character of the text it is given at once. Pieces processed one at a
    # time keep that to one piece; pieces batched together (the old behaviour) cost it for the whole text.
    piece = 20_000
    loaded_small, small = peak_kb(5 * piece, piece)
    _, large = peak_kb(10 * piece, piece)
    grown_per_char = (large - small) * 1024 / (5 * piece)
    assert grown_per_char < 200, f"peak memory grew {grown_per_char:.0f} bytes per extra character"
    # and the work of one piece is visible at all (otherwise the comparison above means nothing)
    assert small - loaded_small > 20 * 1024


def test_pieces_go_through_the_pipeline_one_at_a_time_and_never_above_100k_characters():
    nlp = load("blank:nl")
    events = []
    tokenizer = nlp.tokenizer
    nlp.tokenizer = lambda text: events.append(("start", len(text))) or tokenizer(text)
    nlp.add_pipe("test_long_documents_done", last=True)
    nlp.get_pipe("test_long_documents_done").events = events
    text = letters(450_000)
    lines = []
    annotate(nlp, [InputDoc("long", text, "long.txt")], lines.append, on_problem=print)
    record = json.loads(lines[0])
    sizes = [size for event, size in events if event == "start"]
    assert record["text"] == text and record["meta"]["pieces"] == len(sizes) >= 5
    assert max(sizes) <= 100_000 and sum(sizes) == len(text)
    # each piece is finished before the next one starts: never several in memory at once
    assert [event for event, _ in events] == ["start", "done"] * len(sizes)
    for span in record["spans"]:
        assert text[span["start"] : span["end"]] == span["text"]


@Language.factory("test_long_documents_done")
class Done:
    """Last component: notes that a Doc has gone through the whole pipeline."""

    def __init__(self, nlp, name):
        self.events = []

    def __call__(self, doc):
        self.events.append(("done", len(doc.text)))
        return doc


def test_a_long_document_gives_the_spans_of_its_pieces_at_their_true_offsets(blank_nlp):
    text = letters(250_000)
    lines = []
    annotate(blank_nlp, [InputDoc("long", text, "long.txt")], lines.append, on_problem=print)
    record = json.loads(lines[0])
    expected = []
    for offset, piece in iter_pieces(text, 100_000):
        doc = blank_nlp(piece)
        expected += [(e.start_char + offset, e.end_char + offset, e.label_) for e in doc.ents]
    found = [(s["start"], s["end"], s["label"]) for s in record["spans"] if s["label"] != "TOEZEGGING"]
    assert sorted(found) == sorted(expected) and len(found) > 100
    assert record["meta"]["kamerstuk"] and record["meta"]["pieces"] == 3


def extract(*args):
    cmd = [sys.executable, "-m", "pipeline", "extract", *map(str, args), "--base", "blank:nl"]
    return subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=300)


def test_max_chars_skips_a_longer_document_with_one_line_and_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(seed_text("kst-28676-235"), encoding="utf-8")
    (folder / "b-long.txt").write_text(letters(30_000), encoding="utf-8")
    (folder / "c.txt").write_text(seed_text("kst-28676-325"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = extract(folder, "-o", out, "--max-chars", 20_000)
    assert result.returncode == 1
    skipped = [line for line in result.stderr.splitlines() if "b-long.txt" in line]
    assert len(skipped) == 1 and "30,000 characters" in skipped[0] and "--max-chars" in skipped[0]
    assert "Traceback" not in result.stderr
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a", "c"]

    result = extract(folder, "-o", out, "--max-chars", 0)  # 0: no limit
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a", "b-long", "c"]


def test_the_default_max_chars_skips_a_document_of_more_than_five_million_characters(tmp_path):
    huge = tmp_path / "huge.txt"
    huge.write_text(letters(5_000_001), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = extract(huge, SEEDS / "kst-28676-235.txt", "-o", out)
    assert result.returncode == 1
    assert "huge.txt: 5,000,001 characters" in result.stderr
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["kst-28676-235"]


def test_a_negative_max_chars_is_refused_in_one_line(tmp_path):
    result = extract(SEEDS, "-o", tmp_path / "out.jsonl", "--max-chars", -1)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == ["error: --max-chars must be 0 (no limit) or more (got -1)"]
    assert not list(tmp_path.iterdir())
