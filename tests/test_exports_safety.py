"""CSV, review and Label Studio exports on hostile, hand-made or partial input (issue 11)."""

import csv
import hashlib
import json
import subprocess
import sys

import pytest
from conftest import REPO, SHARED, shared_path

from pipeline.evaluation.annotations import AnnotationError, load_documents
from pipeline.exports.labelstudio import from_export, to_tasks
from pipeline.exports.review import write_report

SENTENCE = "Ik zal uw Kamer voor de zomer informeren."
TEXT = f"De Minister van Defensie schreef aan de NAVO.\n{SENTENCE}\nDat is alles."
START = TEXT.index(SENTENCE)
END = START + len(SENTENCE)


def run(*args):
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=REPO, capture_output=True, text=True)


def write_jsonl(path, *records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def toezegging(start=START, end=END, **extra):
    return {"start": start, "end": end, "label": "TOEZEGGING", "status": "nieuw", **extra}


def with_text(span, text=TEXT):
    # as pipeline output has it: these tests are about other things than a missing span text
    return {**span, "text": text[span["start"] : span["end"]]}


def csv_rows(path):
    return list(csv.DictReader(path.read_bytes().decode("utf-8-sig").splitlines()))


def one_line_error(result, *words):
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert all(word in lines[0] for word in words), lines[0]


# --- case 4: CSV injection and list bullets -------------------------------------------------------------


def test_csv_cells_that_start_like_a_formula_are_neutralised(tmp_path):
    text = f'=HYPERLINK("http://x") {SENTENCE}'
    span = toezegging(
        0,
        len(text),
        bewindspersoon="+Minister",
        ministerie="@SUM(A1)",
        rule="-rule",
        onderwerp='=HYPERLINK("http://x")',
        termijn_datum="\t2020",
    )
    meta = {"datum": "=1+1", "kamerstuk": {"dossier": "=1", "nummer": "2"}}
    record = {"id": "-1+1", "text": text, "spans": [with_text(span, text)], "meta": meta}
    out = tmp_path / "t.csv"
    result = run("toezeggingen", str(write_jsonl(tmp_path / "a.jsonl", record)), "-o", str(out))
    assert result.returncode == 0, result.stderr
    (row,) = csv_rows(out)
    for value in row.values():
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), row
    assert row["document"] == "'-1+1" and row["functie"] == "'+Minister" and row["rule"] == "'-rule"
    assert row["ministerie"] == "'@SUM(A1)" and row["datum"] == "'=1+1" and row["tekst"] == "'" + text
    assert row["kamerstuk"] == "'=1, nr. 2" and row["id"] == f"'-1%2B1:0-{len(text)}:TOEZEGGING"


BULLETS = ["• ", "- ", "– ", "* ", "a) ", "b. ", "1. ", "12) ", "(3) ", "iv. ", "- a) ", "•", "B) "]


@pytest.mark.parametrize("bullet", BULLETS)
def test_sentence_column_drops_list_bullets(tmp_path, bullet):
    text = f"Dit is de lijst:\n{bullet}{SENTENCE}"
    record = {"id": "d", "text": text, "spans": [with_text(toezegging(17, len(text)), text)]}
    out = tmp_path / "t.csv"
    assert run("toezeggingen", str(write_jsonl(tmp_path / "a.jsonl", record)), "-o", str(out)).returncode == 0
    (row,) = csv_rows(out)
    assert row["tekst"] == SENTENCE and row["id"] == f"d:17-{len(text)}:TOEZEGGING"


@pytest.mark.parametrize(
    "sentence",
    [
        "2020 wordt het jaar waarin ik uw Kamer informeer.",
        "A.G. Koenders zal u informeren.",
        "Als dat lukt, informeer ik uw Kamer.",
        "1.000 brieven zullen volgen, zo beloof ik uw Kamer.",
    ],
)
def test_sentence_column_keeps_sentences_that_only_look_like_a_list(tmp_path, sentence):
    record = {"id": "d", "text": sentence, "spans": [with_text(toezegging(0, len(sentence)), sentence)]}
    out = tmp_path / "t.csv"
    assert run("toezeggingen", str(write_jsonl(tmp_path / "a.jsonl", record)), "-o", str(out)).returncode == 0
    assert csv_rows(out)[0]["tekst"] == sentence


# --- case 5: toezeggingen on gold and hand-made records ----------------------------------------------


def test_toezeggingen_on_standoff_gold_reads_the_text_from_the_corpus(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "brief.txt").write_text(TEXT, encoding="utf-8")
    line = {
        "id": "brief",
        "source": "corpus/brief.txt",
        "sha256": hashlib.sha256(TEXT.encode()).hexdigest(),
        "spans": [toezegging(termijn=[START + 16, START + 29])],
        "meta": {"kamerstuk": {"dossier": "1", "nummer": "2"}},
    }
    out = tmp_path / "t.csv"
    result = run(
        "toezeggingen", str(write_jsonl(tmp_path / "gold.jsonl", line)), "--corpus-root", str(tmp_path), "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    (row,) = csv_rows(out)
    assert (row["tekst"], row["termijn"], row["kamerstuk"], row["rule"]) == (SENTENCE, "voor de zomer", "1, nr. 2", "")


def test_toezeggingen_on_hand_made_records_with_odd_values(tmp_path):
    records = [
        {"id": "bare", "text": TEXT, "spans": [toezegging()]},  # no text, rule, attributes or meta
        {
            "id": "odd",
            "text": TEXT,
            "spans": [toezegging(herkomst="brief", bewindspersoon=["Minister", "x"])],
            "meta": {"kamerstuk": "28676-325", "datum": 20191030},
        },
        {"id": "list-meta", "text": TEXT, "spans": [toezegging()], "meta": ["not", "a", "dict"]},
        {"id": "partial-stuk", "text": TEXT, "spans": [toezegging()], "meta": {"kamerstuk": {"dossier": "28 676"}}},
    ]
    # four letters, not one letter read four times (that would give one row)
    records = [{**r, "text": f"{TEXT}\n{r['id']}"} for r in records]
    out = tmp_path / "t.csv"
    result = run("toezeggingen", str(write_jsonl(tmp_path / "hand.jsonl", *records)), "-o", str(out))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    rows = {row["document"]: row for row in csv_rows(out)}
    assert rows["bare"]["tekst"] == SENTENCE and rows["bare"]["kamerstuk"] == ""
    odd = rows["odd"]
    assert (odd["kamerstuk"], odd["datum"], odd["herkomst_type"], odd["herkomst_datum"]) == (
        "28676-325",
        "20191030",
        "brief",
        "",
    )
    assert rows["odd"]["functie"] == "Minister, x" and rows["odd"]["bewindspersoon"] == ""
    assert rows["list-meta"]["kamerstuk"] == "" and rows["partial-stuk"]["kamerstuk"] == "28 676"


def test_toezeggingen_on_an_unusable_record_says_which_in_one_line(tmp_path):
    good = {"id": "good", "text": TEXT, "spans": [toezegging()]}
    bad = {"id": "bad", "text": TEXT, "spans": [toezegging(0, 999)]}
    out = tmp_path / "t.csv"
    result = run("toezeggingen", str(write_jsonl(tmp_path / "hand.jsonl", good, bad)), "-o", str(out))
    one_line_error(result, "hand.jsonl:2", "document bad", "offsets outside the text")
    assert not out.exists()


@pytest.mark.corpus
def test_toezeggingen_on_the_dev_gold(tmp_path):
    shared_path("corpus/dev")
    gold = load_documents(REPO / "data/gold/dev.jsonl", corpus_root=SHARED)
    expected = [(d.id, d.text[s.start : s.end].split()[-1]) for d in gold.values() for s in d.toezeggingen]
    out = tmp_path / "dev.csv"
    result = run("toezeggingen", "data/gold/dev.jsonl", "--corpus-root", str(SHARED), "-o", str(out))
    assert result.returncode == 0, result.stderr
    rows = csv_rows(out)
    assert [(r["document"], r["tekst"].split()[-1]) for r in rows] == expected and len(rows) == 24


# --- case 6: review --gold with documents missing on either side ------------------------------------


def test_review_with_gold_on_part_of_the_documents_reviews_the_shared_ones(tmp_path):
    both = {"id": "both", "text": TEXT, "spans": [toezegging()]}
    pred = write_jsonl(tmp_path / "pred.jsonl", both, {"id": "only-pred", "text": TEXT, "spans": []})
    gold = write_jsonl(tmp_path / "gold.jsonl", both, {"id": "only-gold", "text": TEXT, "spans": []})
    result = run("review", str(pred), "--gold", str(gold), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if not line.startswith("wrote")]
    assert len(lines) == 1 and "only-pred" in lines[0] and "only-gold" in lines[0], result.stderr
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "Annotations: 1 documents" in index and ">both<" in index and "only-pred" not in index


def test_review_with_gold_sharing_no_document_refuses(tmp_path):
    pred = write_jsonl(tmp_path / "pred.jsonl", {"id": "a", "text": TEXT, "spans": []})
    gold = write_jsonl(tmp_path / "gold.jsonl", {"id": "b", "text": TEXT, "spans": []})
    result = run("review", str(pred), "--gold", str(gold), "-o", str(tmp_path / "out"))
    one_line_error(result, "gold.jsonl", "no document in common")
    assert not (tmp_path / "out").exists()


# --- case 7: Label Studio exports ------------------------------------------------------------------------


def region(rid, start, end, label, status=None):
    value = {"start": start, "end": end, "text": TEXT[start:end]}
    items = [
        {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "value": {**value, "labels": [label]}}
    ]
    if status:
        items.append(
            {
                "id": rid,
                "from_name": "status",
                "to_name": "text",
                "type": "choices",
                "value": {**value, "choices": [status]},
            }
        )
    return items


def task(doc_id, *annotations, key="annotations"):
    return {"id": 1, "data": {"doc_id": doc_id, "text": TEXT}, key: list(annotations)}


MINISTER = region("m", 3, 24, "MINISTER")
TOEZEGGING = region("t", START, START + len(SENTENCE), "TOEZEGGING", "nieuw")


def test_labelstudio_regions_without_id_are_refused_not_merged():
    regions = [{k: v for k, v in item.items() if k != "id"} for item in MINISTER + region("o", 40, 44, "ORGANISATIE")]
    with pytest.raises(AnnotationError, match="task 1: region without 'id'"):
        from_export([task("d", {"result": regions})], "export.json")


def test_labelstudio_duplicate_doc_ids_are_refused():
    with pytest.raises(AnnotationError, match="task 2: doc_id 'd' also in task 1"):
        from_export([task("d", {"result": MINISTER}), task("d", {"result": TOEZEGGING})], "export.json")


def test_labelstudio_takes_the_newest_non_empty_annotation_and_says_so():
    notes = []
    annotations = [
        {"id": 7, "updated_at": "2024-03-02T10:00:00Z", "result": TOEZEGGING},
        {"id": 9, "updated_at": "2024-03-03T10:00:00Z", "result": []},  # newest, but empty
        {"id": 8, "updated_at": "2024-03-01T10:00:00Z", "result": MINISTER},
        {"id": 10, "updated_at": "2024-03-04T10:00:00Z", "result": MINISTER, "was_cancelled": True},
    ]
    (record,) = from_export([task("d", *annotations)], "export.json", notes.append)
    assert [s["label"] for s in record["spans"]] == ["TOEZEGGING"]
    assert len(notes) == 1 and "task 1" in notes[0] and "3 annotations" in notes[0] and "7" in notes[0]


def test_labelstudio_reads_the_old_completions_key():
    notes = []
    (record,) = from_export([task("d", {"result": MINISTER}, key="completions")], "export.json", notes.append)
    assert [s["label"] for s in record["spans"]] == ["MINISTER"]
    assert len(notes) == 1 and "completions" in notes[0]


def test_labelstudio_import_without_reviewed_documents_keeps_the_existing_gold(tmp_path):
    export = tmp_path / "export.json"
    export.write_text(json.dumps([task("d"), {"id": 2, "data": {"text": TEXT}, "annotations": []}]))
    gold = tmp_path / "gold.jsonl"
    gold.write_text("precious\n")
    result = run("import-labelstudio", str(export), "-o", str(gold))
    one_line_error(result, "export.json", "no reviewed task")
    assert gold.read_text() == "precious\n"


def test_labelstudio_import_notes_and_odd_shapes_are_one_line(tmp_path):
    export = tmp_path / "export.json"
    export.write_text(json.dumps([task("d", {"result": MINISTER}, {"result": TOEZEGGING})]))
    result = run("import-labelstudio", str(export), "-o", str(tmp_path / "gold.jsonl"))
    assert result.returncode == 0, result.stderr
    assert "task 1" in result.stderr and "2 annotations" in result.stderr
    no_id = {"data": {"text": TEXT}, "annotations": [{"result": MINISTER}]}
    for shape in ([task("d", {"result": "x"})], [task("d", "x")], [task("d", {"result": ["x"]})], ["x"], [no_id]):
        export.write_text(json.dumps(shape))
        one_line_error(run("import-labelstudio", str(export), "-o", str(tmp_path / "g2.jsonl")), "export.json")


# --- case 8: odd meta in annotation records ---------------------------------------------------------------

ODD_METAS = [
    "a string",
    ["a", "list"],
    5,
    {"kamerstuk": "28676-325", "datum": 20191030, "titel": ["a", "b"], "base_model": "blank:nl"},
    {"kamerstuk": ["28 676", "325"], "base_model": ["x"], "ondertekenaars": "x"},
    {"kamerstuk": {"dossier": "28 676"}, "base_model": {"name": ["x"]}},
]


@pytest.mark.parametrize("meta", ODD_METAS)
def test_odd_meta_does_not_crash_review_csv_or_labelstudio(tmp_path, meta):
    record = {"id": "d", "text": TEXT, "spans": [with_text(toezegging(rule="r"))], "meta": meta}
    path = write_jsonl(tmp_path / "odd.jsonl", record)
    docs = load_documents(path)
    write_report(docs, tmp_path / "report", docs)
    assert to_tasks(docs.values())[0]["data"]["doc_id"] == "d"
    result = run("toezeggingen", str(path), "-o", str(tmp_path / "t.csv"))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("meta", ["a string", ["abc"], 5])
def test_odd_meta_on_a_standoff_line_is_ignored_like_on_a_full_line(tmp_path, meta):
    (tmp_path / "brief.txt").write_text(TEXT, encoding="utf-8")
    line = {
        "id": "d",
        "source": "brief.txt",
        "sha256": hashlib.sha256(TEXT.encode()).hexdigest(),
        "spans": [toezegging()],
        "meta": meta,
    }
    docs = load_documents(write_jsonl(tmp_path / "gold.jsonl", line), corpus_root=tmp_path)
    assert docs["d"].meta == {}


def test_standoff_line_with_spans_not_a_list_is_refused(tmp_path):
    (tmp_path / "brief.txt").write_text(TEXT, encoding="utf-8")
    line = {"id": "d", "source": "brief.txt", "sha256": hashlib.sha256(TEXT.encode()).hexdigest(), "spans": "abc"}
    with pytest.raises(AnnotationError, match="'spans' missing or not a list"):
        load_documents(write_jsonl(tmp_path / "gold.jsonl", line), corpus_root=tmp_path)


def test_non_string_termijn_is_a_one_line_error(tmp_path):
    record = {"id": "d", "text": TEXT, "spans": [toezegging(termijn=[1, 2])]}
    with pytest.raises(AnnotationError, match="termijn"):
        load_documents(write_jsonl(tmp_path / "gold.jsonl", record))
