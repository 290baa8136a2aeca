import pytest

from pipeline.io.readers import InputDoc, InputProblem, iter_inputs
from pipeline.io.writers import atomic_writer


def problems(items):
    return [str(i) for i in items if isinstance(i, InputProblem)]


def test_text_files_folders_and_bom(tmp_path):
    (tmp_path / "a.txt").write_bytes("\ufeffDe Minister van Defensie.".encode("utf-8"))
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.txt").write_text("De NAVO.", encoding="utf-8")
    items = list(iter_inputs([tmp_path]))
    assert [(i.id, i.text) for i in items] == [("a", "De Minister van Defensie."), ("sub/b", "De NAVO.")]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\x00\x01binary", "binary file"),
        (b"", "empty file"),
        ("Financi\u00ebn".encode("cp1252"), "pass --encoding cp1252"),
    ],
)
def test_bad_files_are_reported_and_others_still_read(tmp_path, content, message):
    (tmp_path / "bad.txt").write_bytes(content)
    (tmp_path / "good.txt").write_text("De NAVO.", encoding="utf-8")
    items = list(iter_inputs([tmp_path / "bad.txt", tmp_path / "good.txt"]))
    assert len(problems(items)) == 1 and message in problems(items)[0] and "bad.txt" in problems(items)[0]
    assert [i.id for i in items if isinstance(i, InputDoc)] == ["good"]


def test_jsonl_problems_name_file_and_line(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "a", "text": "De NAVO."}\n'
        "{broken\n"
        '{"id": "b"}\n'
        '{"id": 3, "text": "x"}\n'
        '{"id": "a", "text": "De EU."}\n',
        encoding="utf-8",
    )
    items = list(iter_inputs([path]))
    msgs = problems(items)
    assert [m.split(": ", 1)[0] for m in msgs] == [f"{path}:2", f"{path}:3", f"{path}:4", f"{path}:5"]
    assert "invalid JSON" in msgs[0] and "'text' missing" in msgs[1]
    assert "'id' missing" in msgs[2] and "duplicate id 'a'" in msgs[3]
    assert [i.id for i in items if isinstance(i, InputDoc)] == ["a"]


def test_empty_folder_and_missing_path(tmp_path):
    (tmp_path / "empty").mkdir()
    msgs = problems(iter_inputs([tmp_path / "empty", tmp_path / "nope.txt"]))
    assert "contains no .txt, .pdf, .html, .htm, .xml files" in msgs[0] and "no such file" in msgs[1]


def test_atomic_writer_keeps_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(target) as out:
        out.write("half")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_standoff_jsonl_lines_are_read_from_the_corpus_root_and_hash_checked(tmp_path):
    import hashlib

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("De NAVO.", encoding="utf-8")
    digest = hashlib.sha256(b"De NAVO.").hexdigest()
    path = tmp_path / "gold.jsonl"
    path.write_text(
        f'{{"id": "a", "source": "corpus/a.txt", "sha256": "{digest}", "spans": []}}\n'
        f'{{"id": "b", "source": "corpus/a.txt", "sha256": "{"0" * 64}", "spans": []}}\n',
        encoding="utf-8",
    )
    items = list(iter_inputs([path], corpus_root=tmp_path))
    assert [(i.id, i.text) for i in items if isinstance(i, InputDoc)] == [("a", "De NAVO.")]
    assert "document b: sha256 of" in problems(items)[0]


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_legacy_encodings_read_correctly_when_named(tmp_path, codec):
    text = "De Minister van Financi\u00ebn re\u00efntegreert \u00e9\u00e9n co\u00f6rdinator."
    (tmp_path / "old.txt").write_bytes(text.encode(codec))
    items = list(iter_inputs([tmp_path / "old.txt"], encoding=codec))
    assert [i.text for i in items] == [text]
    # read as UTF-8 by mistake it is refused, not garbled
    assert "not valid utf-8" in str(list(iter_inputs([tmp_path / "old.txt"]))[0])


def test_utf8_with_and_without_bom_give_the_same_text(tmp_path):
    text = "Co\u00f6rdinatie met de NAVO."
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert [i.text for i in iter_inputs([tmp_path])] == [text, text]
