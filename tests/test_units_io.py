"""JSONL through `jsonlines`: one line format for writing, one numbered reader for every JSONL input."""

import json

import pytest

from pipeline.evaluation.annotations import AnnotationError, load_documents
from pipeline.io.journal import Journal
from pipeline.io.readers import InputProblem, iter_inputs, read_json_lines
from pipeline.io.writers import atomic_writer, dump_json_line, json_lines_writer

pytestmark = pytest.mark.unit

RECORD = {"id": "brief", "text": "Één toezegging – “zo”", "spans": [{"start": 0, "end": 3}], "meta": None}


def test_a_line_keeps_its_format_byte_for_byte():
    assert dump_json_line(RECORD) == (
        '{"id": "brief", "text": "Één toezegging – “zo”", "spans": [{"start": 0, "end": 3}], "meta": null}\n'
    )


def test_the_writer_on_an_atomic_file_writes_the_same_bytes_as_dump_json_line(tmp_path):
    out = tmp_path / "out.jsonl"
    with atomic_writer(out) as handle, json_lines_writer(handle) as writer:
        writer.write(RECORD)
        writer.write({"id": "twee"})
    assert out.read_bytes() == (dump_json_line(RECORD) + dump_json_line({"id": "twee"})).encode("utf-8")


def test_the_reader_numbers_lines_skips_blank_ones_and_names_what_is_wrong():
    lines = [b'{"id": "a"}\n', b"\n", b"{kapot\n", b'{"t": "\xe9"}\n', b"\x00\n", b"null\n"]
    got = [(line.number, line.value, line.problem) for line in read_json_lines(lines)]
    assert got == [
        (1, {"id": "a"}, ""),
        (3, None, "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
        (
            4,
            None,
            "not valid utf-8 (byte 0xe9 at offset 7); if it is cp1252 or latin-1 (older Dutch archives), "
            "pass --encoding cp1252",
        ),
        (5, None, "binary file (contains NUL bytes), not text"),
        (6, None, ""),  # valid JSON; whether null is a record is the caller's question
    ]


def test_a_bad_input_line_is_one_problem_with_file_and_line_and_the_others_are_read(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": "a", "text": "Een brief."}\n\n{"id": "b", "text": \n{"id": "c", "text": "Nog een."}\n')
    items = list(iter_inputs([path]))
    assert [str(i) for i in items if isinstance(i, InputProblem)] == [
        f"{path}:3: invalid JSON line (Expecting value: line 2 column 1 (char 21))"
    ]
    assert [i.id for i in items if not isinstance(i, InputProblem)] == ["a", "c"]


def test_a_bad_gold_line_stops_loading_with_file_and_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "x", "spans": []}) + "\n\n[1, 2\n", encoding="utf-8")
    with pytest.raises(AnnotationError) as err:
        load_documents(path)
    assert str(err.value) == f"{path}:3: invalid JSON (Expecting ',' delimiter: line 1 column 6 (char 5))"


def test_resume_keeps_the_complete_lines_and_cuts_a_torn_one(tmp_path):
    out = tmp_path / "out.jsonl"
    journal = Journal(out)
    journal.write(dump_json_line({"id": "a"}) + dump_json_line({"id": "b"}) + '{"id": "c", "te')
    journal.close()
    resumed = Journal(out, resume=True)
    assert resumed.done == {"a", "b"}
    resumed.close()
    assert resumed.partial.read_bytes() == (dump_json_line({"id": "a"}) + dump_json_line({"id": "b"})).encode()


def test_resume_stops_at_a_line_that_is_not_a_record(tmp_path):
    out = tmp_path / "out.jsonl"
    journal = Journal(out)
    journal.write(dump_json_line({"id": "a"}) + "\n" + dump_json_line({"id": "b"}))
    journal.close()
    resumed = Journal(out, resume=True)
    assert resumed.done == {"a"}  # a blank line is not output: what follows it cannot be trusted
    resumed.close()
