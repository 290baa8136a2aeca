"""The JSONL record as people read it (issue 16): id and meta before the text, a stable id on every span."""

import csv
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.evaluation.annotations import load_documents
from pipeline.evaluation.scoring import score
from pipeline.exports.labelstudio import to_tasks
from pipeline.exports.review import write_report
from pipeline.exports.toezeggingen_csv import write_csv
from pipeline.io.journal import Journal
from pipeline.io.writers import dump_json_line
from pipeline.records import doc_to_record, spans_key_of
from pipeline.run.extraction import merge
from pipeline.span_ids import parse_span_id, span_id

LETTER = (
    "Geachte Voorzitter,\n\nDe Minister van Defensie heeft de NAVO gesproken.\n"
    "Ik zal uw Kamer voor 1 juni a.s. informeren over de uitkomst van het onderzoek.\n"
)
HOSTILE_IDS = ["a:1-2:MINISTER", "brief 12\n<script>", "50%", "../../etc/passwd", "é/ü", "", ":", "\x00\t\r"]


@pytest.mark.parametrize("doc_id", HOSTILE_IDS)
def test_hostile_document_ids_give_span_ids_that_parse_back(doc_id):
    value = span_id(doc_id, 3, 24, "MINISTER")
    assert parse_span_id(value) == (doc_id, 3, 24, "MINISTER")
    # one line of printable ASCII without quotes, brackets or spaces: safe in a CSV cell, URL or HTML attribute
    assert value.isascii() and value.isprintable() and not any(c in value for c in " \"'<>&\n\t")
    assert value.count(":") == 2 and value.endswith(":3-24:MINISTER")


def test_readable_document_ids_stay_readable():
    assert span_id("2015/kst-28676-325", 1229, 1332, "TOEZEGGING") == "2015/kst-28676-325:1229-1332:TOEZEGGING"


@given(st.text(), st.integers(0, 10**7), st.integers(0, 10**7), st.sampled_from(["MINISTER", "TOEZEGGING"]))
def test_span_id_round_trips_any_document_id(doc_id, start, end, label):
    assert parse_span_id(span_id(doc_id, start, end, label)) == (doc_id, start, end, label)


@pytest.mark.parametrize("value", ["doc:1-2", "doc:a-2:MINISTER", "doc:1-2:minister", "1-2:MINISTER"])
def test_what_is_no_span_id_is_refused(value):
    with pytest.raises(ValueError, match="not a span id"):
        parse_span_id(value)


@pytest.fixture(scope="module")
def record(blank_nlp):
    return doc_to_record(blank_nlp(LETTER), "brief:1", "brief.txt", {"name": "blank:nl"}, spans_key_of(blank_nlp))


def test_record_keys_put_id_and_meta_before_the_text(record):
    line = dump_json_line(record)
    assert list(record) == ["id", "meta", "spans", "text"]
    assert line.index('"meta"') < line.index('"spans"') < line.index('"text": "Geachte')


def test_every_span_starts_with_the_id_of_its_document_offsets_and_label(record):
    labels = sorted(s["label"] for s in record["spans"])
    assert labels == ["MINISTER", "ORGANISATIE", "TOEZEGGING"]
    for span in record["spans"]:
        assert next(iter(span)) == "id"
        assert parse_span_id(span["id"]) == ("brief:1", span["start"], span["end"], span["label"])
        assert span["id"].startswith("brief%3A1:")


def test_span_ids_are_the_same_in_a_second_run(blank_nlp, record):
    again = doc_to_record(blank_nlp(LETTER), "brief:1", "brief.txt", {"name": "blank:nl"}, spans_key_of(blank_nlp))
    assert [s["id"] for s in again["spans"]] == [s["id"] for s in record["spans"]]


def test_a_long_text_merged_from_pieces_gets_the_ids_of_its_whole_offsets():
    piece = {"id": "lang", "meta": {}, "spans": [], "text": "x"}
    first = {**piece, "spans": [{"id": span_id("lang", 0, 4, "MINISTER"), "start": 0, "end": 4, "label": "MINISTER"}]}
    second = {**piece, "spans": [{"id": span_id("lang", 2, 6, "OPERATIE"), "start": 2, "end": 6, "label": "OPERATIE"}]}
    merged = merge([(0, first), (100, second)], "whole text")
    assert [s["id"] for s in merged["spans"]] == ["lang:0-4:MINISTER", "lang:102-106:OPERATIE"]
    assert list(merged)[:2] == ["id", "meta"] and next(iter(merged["spans"][1])) == "id"


def test_every_reader_takes_a_record_as_extract_writes_it(record, tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text(dump_json_line(record), encoding="utf-8")
    docs = load_documents(path)  # evaluate, review, toezeggingen and Label Studio all load through it
    doc = docs["brief:1"]
    assert [(s.start, s.end, s.label) for s in doc.spans] == [
        (s["start"], s["end"], s["label"]) for s in record["spans"]
    ]
    report = score(docs, docs)
    assert report.micro("strict").f1 == 1.0 and report.toezegging.f1 == 1.0
    (task,) = to_tasks(docs.values())
    results = task["predictions"][0]["result"]
    assert task["data"]["doc_id"] == "brief:1"
    # 3 spans and 1 status (each attribute of a span is a field of its own region besides)
    assert [r["from_name"] for r in results].count("label") == 3
    assert [r["from_name"] for r in results].count("status") == 1
    assert write_report(docs, tmp_path / "review").exists()
    table = io.StringIO()
    assert write_csv(docs.values(), table) == 1
    (row,) = csv.DictReader(table.getvalue().splitlines())
    assert row["id"] == next(s["id"] for s in record["spans"] if s["label"] == "TOEZEGGING")


def test_resume_finds_the_finished_records_of_a_partial_file(record, tmp_path):
    out = tmp_path / "out.jsonl"
    other = {**record, "id": "brief:2"}
    (tmp_path / "out.jsonl.partial").write_text(dump_json_line(record) + dump_json_line(other)[:40], encoding="utf-8")
    (tmp_path / "out.jsonl.partial.json").write_text(json.dumps({}), encoding="utf-8")
    journal = Journal(out, resume=True, header={})
    try:
        assert journal.done == {"brief:1"}  # the torn second line is cut off
    finally:
        journal.close()
