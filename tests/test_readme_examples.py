"""The README shows real output and runnable code: its marked examples are checked against a fresh run.

A JSON block after ``<!-- checked: extract seeds -->`` must be part of what ``python -m pipeline extract
seeds`` writes for the same id: every key it shows has the value shown (a list's items each match an item
of the real list; a string "<...>" stands for any value). A Python block after ``<!-- run: python -->`` is
executed as it stands, from the repository root.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
BLOCK = re.compile(r"<!-- (checked: extract seeds|run: python) -->\s*```(?:json|python)\n(.*?)```", re.S)


def marked(kind: str) -> list:
    return [body for mark, body in BLOCK.findall(README.read_text(encoding="utf-8")) if mark == kind]


def shown_in(example, actual) -> bool:
    """Is ``example`` (from the README) part of ``actual`` (from the run)?"""
    if isinstance(example, str) and example.startswith("<") and example.endswith(">"):
        return True
    if isinstance(example, dict):
        return isinstance(actual, dict) and all(k in actual and shown_in(v, actual[k]) for k, v in example.items())
    if isinstance(example, list):
        return isinstance(actual, list) and all(any(shown_in(e, a) for a in actual) for e in example)
    return example == actual


def test_the_matcher_of_examples_can_fail():
    record = {"id": "a", "spans": [{"start": 1, "label": "X"}], "text": "long"}
    assert shown_in({"id": "a", "spans": [{"label": "X"}], "text": "<any>"}, record)
    assert not shown_in({"spans": [{"label": "Y"}]}, record)
    assert not shown_in({"id": "a", "meta": {}}, record)


@pytest.fixture(scope="module")
def seed_records(tmp_path_factory):
    out = tmp_path_factory.mktemp("readme") / "seeds.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", "seeds", "-o", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}


def test_the_readme_record_examples_are_what_extract_writes(seed_records):
    examples = [json.loads(body) for body in marked("checked: extract seeds")]
    assert examples, "README.md has no example marked <!-- checked: extract seeds -->"
    for example in examples:
        actual = seed_records[example["id"]]
        assert list(example) == [k for k in actual if k in example], "keys in another order than extract writes"
        assert shown_in(example, actual), f"README example of {example['id']} differs from extract's output"


def test_the_readme_python_example_runs(tmp_path):
    (code,) = marked("run: python")
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "KAMER_EXAMPLE_OUT": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert "MINISTER" in result.stdout and "nagekomen" in result.stdout
