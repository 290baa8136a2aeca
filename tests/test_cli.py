import json
import subprocess
import sys

from conftest import REPO, SEEDS


def run(*args, cwd=REPO):
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, capture_output=True, text=True)


def test_extract_writes_gold_format_with_meta_and_evaluate_scores_it(tmp_path):
    out = tmp_path / "seeds.jsonl"
    result = run("extract", str(SEEDS), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "base model:" in result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["kst-28676-235", "kst-28676-325"]
    for record in records:
        source_text = (SEEDS / f"{record['id']}.txt").read_text(encoding="utf-8")
        assert record["text"] == source_text
        assert record["meta"]["base_model"]["name"] and record["meta"]["pipeline_version"]
        for span in record["spans"]:
            assert record["text"][span["start"] : span["end"]] == span["text"] and span["rule"]
            assert (span["label"] == "TOEZEGGING") == ("status" in span)
    scores = tmp_path / "scores.json"
    result = run("evaluate", "data/gold/seeds.jsonl", str(out), "--json", str(scores), "--errors")
    assert result.returncode == 0, result.stderr
    assert "TOEZEGGING status accuracy" in result.stdout
    numbers = json.loads(scores.read_text())
    assert set(numbers["entities"]) == {"MINISTER", "ORGANISATIE", "OPERATIE"}


def test_extract_skips_bad_input_reports_it_and_exits_nonzero(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00")
    out = tmp_path / "out.jsonl"
    result = run("extract", str(tmp_path / "bad.txt"), str(SEEDS / "kst-28676-235.txt"), "-o", str(out))
    assert result.returncode == 1
    assert "bad.txt: binary file" in result.stderr
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["kst-28676-235"]


def test_evaluate_reports_a_bad_gold_file_in_one_line(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        '{"id": "x", "text": "De NAVO.", "spans": [{"start": 3, "end": 7, "label": "ORGANISATIE", "text": "NAVX"}]}\n'
    )
    result = run("evaluate", str(gold), str(gold))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "gold.jsonl:1: document x" in lines[0]


def test_toezeggingen_csv_opens_cleanly(tmp_path):
    import csv

    out = tmp_path / "seeds.jsonl"
    assert run("extract", str(SEEDS), "-o", str(out)).returncode == 0
    table = tmp_path / "t.csv"
    result = run("toezeggingen", str(out), "-o", str(table))
    assert result.returncode == 0, result.stderr
    raw = table.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read it as UTF-8
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == 7
    first = rows[0]
    assert first["kamerstuk"] == "28 676, nr. 235" and (first["status"], first["soort"]) == ("Voldaan", "nagekomen")
    assert (first["herkomst_type"], first["herkomst_datum"]) == ("algemeen overleg", "2015-11-25")
    assert [row["nummer"] for row in rows] == [str(n) for n in range(1, 8)]
    assert first["bewindspersoon"] == "Bert Koenders" and first["functie"] == "Minister van Buitenlandse Zaken"
    assert all("\n" not in value for row in rows for value in row.values())
