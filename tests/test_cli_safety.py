"""The CLI refuses unsafe or impossible runs in one line, before loading the model (issue 11)."""

import json
import os
import subprocess
import sys

import pytest
from conftest import REPO, SEEDS

LETTER = SEEDS / "kst-28676-235.txt"


def run(*args):
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], cwd=REPO, capture_output=True, text=True)


def extract(*args):
    return run("extract", *args, "--base", "blank:nl")


def refused(result, *words):
    """Exit 1 with one 'error:' line holding the words, and no model loaded."""
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1, result.stderr
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def letter(folder, name="brief.txt"):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(LETTER.read_text(encoding="utf-8"), encoding="utf-8")
    return path


# --- case 1: an output never replaces an input -------------------------------------------------------------


def test_extract_output_equal_to_an_input_or_inside_an_input_folder_is_refused(tmp_path):
    text = letter(tmp_path / "letters")
    before = text.read_bytes()
    refused(extract(text, "-o", text), str(text), "input")
    refused(extract(tmp_path / "letters", "-o", tmp_path / "letters" / "out.jsonl"), "inside")
    link = tmp_path / "link.jsonl"
    link.symlink_to(text)
    refused(extract(text, "-o", link), "input")
    assert text.read_bytes() == before
    assert sorted(p.name for p in (tmp_path / "letters").iterdir()) == ["brief.txt"]


def test_extract_refuses_to_overwrite_its_jsonl_input(tmp_path):
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(json.dumps({"id": "a", "text": "De NAVO."}) + "\n", encoding="utf-8")
    before = jsonl.read_bytes()
    refused(extract(jsonl, "-o", jsonl), "input")
    assert jsonl.read_bytes() == before


@pytest.fixture(scope="module")
def predicted(tmp_path_factory):
    out = tmp_path_factory.mktemp("pred") / "seeds.jsonl"
    assert extract(SEEDS, "-o", out).returncode == 0
    return out


def test_other_commands_refuse_to_overwrite_their_inputs(predicted, tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_bytes(predicted.read_bytes())
    before = pred.read_bytes()
    refused(run("evaluate", pred, pred, "--json", pred), "input")
    refused(run("toezeggingen", pred, "-o", pred), "input")
    refused(run("export-labelstudio", pred, "-o", pred), "input")
    refused(run("review", pred, "-o", pred), "input")
    (tmp_path / "report" / "docs").mkdir(parents=True)
    page = tmp_path / "report" / "docs" / "pred.jsonl"
    page.write_bytes(before)
    refused(run("review", page, "-o", tmp_path / "report"), "input")
    assert pred.read_bytes() == before and page.read_bytes() == before
    tasks = tmp_path / "tasks.json"
    tasks.write_text("[]\n", encoding="utf-8")
    refused(run("import-labelstudio", tasks, "-o", tasks), "input")
    assert tasks.read_text(encoding="utf-8") == "[]\n"


def test_review_may_write_beside_its_input(predicted, tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_bytes(predicted.read_bytes())
    assert run("review", pred, "-o", tmp_path).returncode == 0
    assert (tmp_path / "index.html").exists() and pred.read_bytes() == predicted.read_bytes()


# --- case 2: one writer per output -------------------------------------------------------------------------


def test_a_second_extract_on_the_same_output_is_refused_naming_the_first(tmp_path):
    from pipeline.io.journal import Journal

    out = tmp_path / "out.jsonl"
    other = Journal(out)  # another run, in the middle of its work
    other.write('{"id": "x"}\n')
    try:
        line = refused(extract(LETTER, "-o", out, "--resume"), f"pid {os.getpid()}")
        assert "another run" in line
    finally:
        other.commit()
    assert out.read_text() == '{"id": "x"}\n'


# --- case 3: nothing read never replaces output, finished work is never emptied ----------------------------


def test_a_run_that_reads_nothing_keeps_the_existing_output(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "old"}\n', encoding="utf-8")
    result = extract(tmp_path / "typo.txt", "-o", out)
    assert result.returncode == 1
    assert "typo.txt: no such file" in result.stderr and "not written" in result.stderr
    assert out.read_text(encoding="utf-8") == '{"id": "old"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_a_fresh_run_points_to_resume_instead_of_emptying_finished_work(tmp_path):
    out = tmp_path / "out.jsonl"
    partial = tmp_path / "out.jsonl.partial"
    assert extract(LETTER, "-o", out).returncode == 0
    partial.write_bytes(out.read_bytes())  # as an interrupted run leaves it
    out.unlink()
    refused(extract(LETTER, "-o", out), "--resume", "--restart")
    assert partial.read_bytes().count(b"\n") == 1
    result = extract(LETTER, "-o", out, "--restart")
    assert result.returncode == 0, result.stderr
    assert not partial.exists() and out.read_bytes().count(b"\n") == 1


# --- case 4: --resume continues only the same run ----------------------------------------------------------


def test_resume_with_another_input_list_or_base_is_refused(tmp_path):
    from pipeline.io.fingerprint import run_header
    from pipeline.io.journal import Journal

    one, two = letter(tmp_path / "letters", "brief-0.txt"), letter(tmp_path / "letters", "brief-1.txt")
    reference, out = tmp_path / "reference.jsonl", tmp_path / "out.jsonl"
    assert extract(one, two, "-o", reference).returncode == 0
    # a run of both letters, killed after the first
    # the header names the base and the parse mode the way extract writes them
    header = run_header("blank:nl (parse selective)", [one, two], "utf-8", REPO.parent / "shared")
    journal = Journal(out, header=header)
    journal.write(reference.read_text(encoding="utf-8").splitlines(keepends=True)[0])
    journal.close()
    refused(extract(one, "-o", out, "--resume"), "inputs", "--restart")
    refused(extract(two, one, "-o", out, "--resume"), "inputs")
    refused(run("extract", one, two, "-o", out, "--resume", "--base", "models/nl_ud_base"), "base")
    refused(extract(one, two, "-o", out, "--resume", "--encoding", "cp1252"), "encoding")
    result = extract(one, two, "-o", out, "--resume")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == reference.read_bytes()


def test_resume_without_a_record_of_the_run_is_refused(tmp_path):
    out = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.partial").write_text('{"id": "kst-28676-235"}\n', encoding="utf-8")
    refused(extract(LETTER, "-o", out, "--resume"), "--restart")
    assert (tmp_path / "out.jsonl.partial").read_text(encoding="utf-8") == '{"id": "kst-28676-235"}\n'


def test_the_config_fingerprint_covers_config_and_resource_files(tmp_path):
    import shutil

    from pipeline.assemble import CONFIG_PATH
    from pipeline.io.fingerprint import config_hash
    from pipeline.knowledge.resource_files import RESOURCES

    config, resources = tmp_path / "config.cfg", tmp_path / "resources"
    shutil.copy(CONFIG_PATH, config)
    shutil.copytree(RESOURCES, resources)
    first = config_hash(config, resources)
    assert config_hash(CONFIG_PATH, RESOURCES) == first
    with (resources / "lists" / "honorifics.txt").open("a", encoding="utf-8") as fh:
        fh.write("extra\n")
    second = config_hash(config, resources)
    config.write_text(config.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert len({first, second, config_hash(config, resources)}) == 3


# --- case 5: a clash of ids fails the run at the end, the rest is written ----------------------------------


def test_two_folders_with_the_same_file_name_clash(tmp_path):
    letter(tmp_path / "one")
    letter(tmp_path / "two")
    out = tmp_path / "out.jsonl"
    result = extract(tmp_path / "one", tmp_path / "two", "-o", out)
    assert result.returncode == 1 and "duplicate id 'brief'" in result.stderr
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["brief"]


# --- case 6: bad JSONL text is skipped, and --resume gets past it -------------------------------------------


def test_a_lone_surrogate_in_jsonl_is_skipped_and_the_run_completes(tmp_path):
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text('{"id": "a", "text": "De NAVO \\udc80."}\n{"id": "b", "text": "De EU."}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = extract(jsonl, "-o", out)
    assert result.returncode == 1 and f"{jsonl}:1: document a:" in result.stderr
    assert "Traceback" not in result.stderr
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["b"]


# --- case 7: outputs with the user's normal permissions ----------------------------------------------------


def test_every_output_file_gets_normal_permissions(predicted, tmp_path):
    old = os.umask(0o022)  # inherited by the subprocesses
    try:
        results = [
            run("toezeggingen", predicted, "-o", tmp_path / "t.csv"),
            run("export-labelstudio", predicted, "-o", tmp_path / "tasks.json"),
            run("evaluate", "data/gold/seeds.jsonl", predicted, "--json", tmp_path / "scores.json"),
            run("review", predicted, "-o", tmp_path / "review"),
            extract(LETTER, "-o", tmp_path / "out.jsonl"),
        ]
    finally:
        os.umask(old)
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(files) >= 6
    assert {p.name: oct(p.stat().st_mode & 0o777) for p in files} == {p.name: "0o644" for p in files}


# --- case 9: clear one-line errors before the model is loaded ----------------------------------------------


def test_bad_arguments_are_refused_in_one_line(tmp_path):
    out = tmp_path / "out.jsonl"
    refused(extract(LETTER, "-o", out, "--encoding", "klingon"), "klingon")
    refused(run("extract", LETTER, "-o", out, "--base", "nl_no_such_model"), "nl_no_such_model")
    refused(extract(LETTER, "-o", tmp_path), "directory")
    refused(extract(LETTER, "-o", ""), "directory")
    refused(extract(LETTER, "-o", out, "--n-process", "0"), "--n-process")
    refused(extract(LETTER, "-o", out, "--partition-size", "0"), "--partition-size")
    refused(extract(LETTER, "-o", out, "--batch-size", "0"), "--batch-size")
    refused(extract(LETTER, "-o", out, "--resume", "--restart"), "--restart")
    assert sorted(tmp_path.iterdir()) == []


def test_a_read_only_output_folder_is_refused_up_front(tmp_path):
    if os.geteuid() == 0:
        folder = "/proc"  # root may write anywhere that is writable at all
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o555)
    refused(extract(LETTER, "-o", f"{folder}/sub/out.jsonl"), "cannot write")


def test_utf16_and_pdf_inputs(tmp_path):
    text = "De Minister van Financi\u00ebn schrijft aan de NAVO."
    (tmp_path / "u16.txt").write_bytes(text.encode("utf-16"))  # with a BOM
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.4\n1 0 obj")
    out = tmp_path / "out.jsonl"
    result = extract(tmp_path / "u16.txt", tmp_path / "scan.txt", "-o", out)
    assert result.returncode == 1
    assert f"skipped: {tmp_path / 'scan.txt'}: not a readable PDF (" in result.stderr  # read as the PDF it is
    assert [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()] == [text]


def test_folder_skips_are_reported(tmp_path):
    letter(tmp_path / "letters", "A.TXT")
    (tmp_path / "letters" / "MANIFEST.tsv").write_text("x\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = extract(tmp_path / "letters", "-o", out)
    assert result.returncode == 0, result.stderr
    assert "skipped 1 file(s) that are not .txt, .pdf, .html, .htm, .xml (.tsv)" in result.stderr
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["A"]
