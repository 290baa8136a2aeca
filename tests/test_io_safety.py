"""Input and output safety of the readers, the journal and the writers (issue 11)."""

import hashlib
import json
import os
import stat

import pytest

from pipeline.io.journal import Journal
from pipeline.io.readers import InputDoc, InputProblem, iter_inputs, resolve_standoff
from pipeline.io.writers import atomic_writer


def docs(items):
    return [(i.id, i.text) for i in items if isinstance(i, InputDoc)]


def problems(items):
    return [str(i) for i in items if isinstance(i, InputProblem)]


def write(path, text="De NAVO."):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- case 5: ids unique across the inputs of a run ---------------------------------------------------------


def test_ids_are_relative_to_the_folder_given_and_flat_ids_do_not_change(tmp_path):
    write(tmp_path / "a" / "x" / "brief.txt", "De EU.")
    write(tmp_path / "a" / "y" / "brief.txt", "De VN.")
    write(tmp_path / "a" / "top.txt")
    write(tmp_path / "single.txt")
    items = list(iter_inputs([tmp_path / "a", tmp_path / "single.txt"]))
    assert problems(items) == []
    assert [i for i, _ in docs(items)] == ["top", "x/brief", "y/brief", "single"]


def test_a_clash_of_ids_is_a_bad_input_and_the_later_one_is_skipped(tmp_path):
    write(tmp_path / "one" / "brief.txt", "De EU.")
    write(tmp_path / "two" / "brief.txt", "De VN.")
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text('{"id": "brief", "text": "De NAVO."}\n{"id": "c", "text": "De OVSE."}\n', encoding="utf-8")
    other = tmp_path / "other.jsonl"
    other.write_text('{"id": "c", "text": "De WHO."}\n{"id": "d", "text": "De IAEA."}\n', encoding="utf-8")
    items = list(iter_inputs([tmp_path / "one", tmp_path / "two", jsonl, other]))
    assert docs(items) == [("brief", "De EU."), ("c", "De OVSE."), ("d", "De IAEA.")]
    msgs = problems(items)
    assert len(msgs) == 3
    assert msgs[0].startswith(str(tmp_path / "two" / "brief.txt")) and "duplicate id 'brief'" in msgs[0]
    assert str(tmp_path / "one" / "brief.txt") in msgs[0]  # names the first holder of the id
    assert msgs[1].startswith(f"{jsonl}:1") and "duplicate id 'brief'" in msgs[1]
    assert msgs[2].startswith(f"{other}:1") and "duplicate id 'c'" in msgs[2]


# --- case 6: one validation of text for .txt files and JSONL lines -----------------------------------------


@pytest.mark.parametrize("escape, shown", [("\\ud800", "U+D800"), ("\\u0000", "U+0000"), ("\\u001b", "U+001B")])
def test_bad_characters_in_jsonl_text_skip_the_document_and_the_run_goes_on(tmp_path, escape, shown):
    path = tmp_path / "in.jsonl"
    path.write_text(
        f'{{"id": "a", "text": "De NAVO {escape} x."}}\n{{"id": "b", "text": "De EU."}}\n', encoding="utf-8"
    )
    items = list(iter_inputs([path]))
    assert docs(items) == [("b", "De EU.")]
    assert len(problems(items)) == 1 and problems(items)[0].startswith(f"{path}:1: document a:")
    assert shown in problems(items)[0]


def test_text_files_and_jsonl_share_one_validation(tmp_path):
    write(tmp_path / "esc.txt", "De NAVO \x1b x.")
    normal = "De NAVO\tx.\r\n\x0cDe EU.\n"
    write(tmp_path / "normal.txt", normal)
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "esc2", "text": "De NAVO \x1b x."})
        + "\n"
        + json.dumps({"id": "normal2", "text": normal})
        + "\n",
        encoding="utf-8",
    )
    items = list(iter_inputs([tmp_path / "esc.txt", tmp_path / "normal.txt", path]))
    assert [i for i, _ in docs(items)] == ["normal", "normal2"]
    txt, line = problems(items)
    assert txt.split(": ", 1)[1] == line.split(": document esc2: ", 1)[1]


# --- case 9: UTF-16, PDF, what folders skip, .TXT ----------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_a_bom_is_decoded(tmp_path, codec):
    text = "De Minister van Financi\u00ebn."
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    (tmp_path / "u16.txt").write_bytes(bom + text.encode(codec))
    assert docs(iter_inputs([tmp_path / "u16.txt"])) == [("u16", text)]


def test_a_pdf_named_txt_is_read_as_a_pdf_and_a_broken_one_is_refused_in_one_line(tmp_path):
    (tmp_path / "brief.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    msgs = problems(iter_inputs([tmp_path / "brief.txt"]))
    assert len(msgs) == 1 and msgs[0].startswith(f"{tmp_path / 'brief.txt'}: not a readable PDF ("), msgs
    assert "\n" not in msgs[0]


def test_folders_report_what_they_skip_and_upper_case_txt_counts(tmp_path):
    folder = tmp_path / "letters"
    write(folder / "A.TXT", "De EU.")
    write(folder / "b.txt")
    write(folder / "notes.md")
    write(folder / "scan.docx")
    (folder / "gone.txt").symlink_to(tmp_path / "missing.txt")
    os.mkfifo(folder / "pipe.txt")
    notes = []
    items = list(iter_inputs([folder], on_note=notes.append))
    assert [i for i, _ in docs(items)] == ["A", "b"]
    assert problems(items) == [
        f"{folder / 'gone.txt'}: broken symbolic link",
        f"{folder / 'pipe.txt'}: not a regular file (a FIFO)",
    ]
    assert notes == [f"{folder}: skipped 2 file(s) that are not .txt, .pdf, .html, .htm, .xml (.docx, .md)"]


def test_a_fifo_given_directly_is_refused_without_reading_it(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    assert problems(iter_inputs([tmp_path / "pipe.txt"])) == [f"{tmp_path / 'pipe.txt'}: not a regular file (a FIFO)"]


# --- case 8: stand-off sources stay inside the corpus root -------------------------------------------------


@pytest.mark.parametrize("how", ["dotdot", "absolute", "symlink"])
def test_standoff_source_outside_the_corpus_root_is_refused(tmp_path, how):
    root = tmp_path / "corpus"
    root.mkdir()
    secret = write(tmp_path / "secret.txt", "geheim")
    digest = hashlib.sha256(b"geheim").hexdigest()
    source = {"dotdot": "../secret.txt", "absolute": str(secret), "symlink": "link.txt"}[how]
    (root / "link.txt").symlink_to(secret)
    with pytest.raises(ValueError, match="outside the corpus root"):
        resolve_standoff(source, digest, root)


# --- case 7: outputs get the user's normal permissions -----------------------------------------------------


def test_atomic_writer_uses_the_umask_also_when_replacing(tmp_path):
    old = os.umask(0o022)
    try:
        target = tmp_path / "out.csv"
        with atomic_writer(target) as out:
            out.write("a\n")
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        target.chmod(0o600)
        with atomic_writer(target) as out:
            out.write("b\n")
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
    finally:
        os.umask(old)


# --- cases 2, 3, 4: the journal ----------------------------------------------------------------------------


def finish_two(journal):
    journal.write('{"id": "a"}\n')
    journal.write('{"id": "b"}\n')


def test_a_second_writer_of_the_same_output_is_refused_naming_the_first(tmp_path):
    out = tmp_path / "out.jsonl"
    first = Journal(out)
    finish_two(first)
    with pytest.raises(Exception) as err:
        Journal(out, resume=True)
    assert f"pid {os.getpid()}" in str(err.value) and "\n" not in str(err.value)
    assert (tmp_path / "out.jsonl.partial").read_text() == '{"id": "a"}\n{"id": "b"}\n'
    first.commit()
    assert out.read_text() == '{"id": "a"}\n{"id": "b"}\n'
    second = Journal(out)  # the lock went with the first run
    second.close()


def test_a_stale_lock_of_a_dead_process_does_not_block(tmp_path):
    out = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.lock").write_text("pid 999999 started 2020-01-01T00:00:00\n")
    journal = Journal(out)
    journal.write('{"id": "a"}\n')
    journal.commit()
    assert out.read_text() == '{"id": "a"}\n'


def test_a_fresh_run_refuses_to_empty_a_partial_with_finished_work(tmp_path):
    out = tmp_path / "out.jsonl"
    journal = Journal(out)
    finish_two(journal)
    journal.close()  # interrupted
    with pytest.raises(Exception, match="--resume") as err:
        Journal(out)
    assert "--restart" in str(err.value)
    assert (tmp_path / "out.jsonl.partial").read_text() == '{"id": "a"}\n{"id": "b"}\n'
    Journal(out, restart=True).close()
    assert (tmp_path / "out.jsonl.partial").read_text() == ""


def test_resume_refuses_another_run_and_keeps_the_partial_pure(tmp_path):
    out = tmp_path / "out.jsonl"
    header = {"base": "blank:nl", "config": "abc", "inputs": ["/x/letters"]}
    journal = Journal(out, header=header)
    finish_two(journal)
    journal.close()
    assert (tmp_path / "out.jsonl.partial").read_text() == '{"id": "a"}\n{"id": "b"}\n'
    for key, value in [("base", "nl_core_news_sm"), ("config", "def"), ("inputs", ["/y"])]:
        with pytest.raises(Exception, match=key) as err:
            Journal(out, resume=True, header={**header, key: value})
        assert "\n" not in str(err.value)
    again = Journal(out, resume=True, header=dict(header))
    assert again.done == {"a", "b"}
    again.write('{"id": "c"}\n')
    again.commit()
    assert out.read_text() == '{"id": "a"}\n{"id": "b"}\n{"id": "c"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_a_run_that_wrote_nothing_never_replaces_the_output(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "old"}\n')
    journal = Journal(out)
    with pytest.raises(Exception, match="nothing"):
        journal.commit()
    journal.close()
    assert out.read_text() == '{"id": "old"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_an_output_that_is_a_device_or_fifo_is_refused(tmp_path):
    from pipeline.io.guards import GuardError, check_output

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "stdout"
    link.symlink_to(fifo)  # like /dev/stdout -> /proc/self/fd/1: the rename would replace the link
    for target in (fifo, link):
        with pytest.raises(GuardError, match="not a regular file"):
            check_output(target, [])
    assert link.is_symlink() and stat.S_ISFIFO(fifo.stat().st_mode)
