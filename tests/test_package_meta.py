"""The pipeline's own meta.json (name, version, sources, scores) and the recorded scores it is built from."""

import json

import pytest

import pipeline
from pipeline.evaluation.recorded_scores import ScoresFileError, read_recorded, record_scores
from pipeline.knowledge.resource_files import ResourceError
from pipeline.package_meta import package_meta, read_package

pytestmark = pytest.mark.unit

PACKAGE = {
    "name": "testbrieven",
    "description": "Een proefpijplijn.",
    "author": "wij",
    "email": "",
    "url": "",
    "license": "MIT",
    "scores_from": "held-out",
    "sources": [{"name": "Lijst A", "license": "CC0 1.0"}],
    "base_sources": {"blank:nl": [{"name": "lookups"}]},
}
BASE_META = {"name": "ud_base", "description": "A base.", "license": "CC BY-SA 4.0", "notes": "Attribution: X."}
BASE_META["sources"] = [{"name": "UD_Dutch-Alpino"}]
BASE = {"name": "nl_ud_base", "version": "1.0.0", "kind": "bundled"}


def counts(p, r, f):
    return {"gold": 10, "pred": 10, "correct": 9, "precision": p, "recall": r, "f1": f}


NUMBERS = {
    "entities": {"MINISTER": {"strict": counts(0.9, 0.8, 0.85), "partial": counts(1.0, 1.0, 1.0)}},
    "entities_micro": {"strict": counts(0.7, 0.6, 0.65), "partial": counts(0.8, 0.8, 0.8)},
    "TOEZEGGING": {"overlap": counts(0.5, 0.4, 0.45), "status_accuracy": 0.75},
    "attributes": {"MINISTER persoon": {"scored": 4, "correct": 3, "accuracy": 0.75}},
}


@pytest.fixture
def package_file(tmp_path):
    path = tmp_path / "package.json"
    path.write_text(json.dumps(PACKAGE), encoding="utf-8")
    return path


def test_the_meta_names_the_pipeline_not_its_base_and_takes_the_scores_of_its_base(package_file, tmp_path):
    scores = tmp_path / "scores.json"
    record_scores(scores, "held-out", "nl_ud_base", "gold.jsonl", 11, NUMBERS)
    record_scores(scores, "tuned", "nl_ud_base", "gold.jsonl", 25, NUMBERS)
    other = {**NUMBERS, "entities_micro": {"strict": counts(0.1, 0.1, 0.1)}}
    record_scores(scores, "held-out", "blank:nl", "gold.jsonl", 11, other)
    meta = package_meta(BASE_META, BASE, "beloften", package_file, scores)
    assert (meta["name"], meta["version"], meta["description"]) == (
        "testbrieven",
        pipeline.__version__,
        "Een proefpijplijn.",
    )
    assert meta["license"] == "MIT; base model nl_ud_base: CC BY-SA 4.0"
    assert [s["name"] for s in meta["sources"]] == ["nl_ud_base", "UD_Dutch-Alpino", "Lijst A"]
    assert meta["performance"] == {
        "ents_p": 0.7,
        "ents_r": 0.6,
        "ents_f": 0.65,
        "ents_per_type": {"MINISTER": {"p": 0.9, "r": 0.8, "f": 0.85}},
        "spans_beloften_p": 0.5,
        "spans_beloften_r": 0.4,
        "spans_beloften_f": 0.45,
        "toezegging_status_acc": 0.75,
    }
    assert set(meta["kamer_scores"]) == {"held-out", "tuned"}  # the blank base's numbers are not this pipeline's
    assert "Attribution: X." in meta["notes"]


def test_without_recorded_scores_for_its_base_the_meta_says_so_instead_of_inventing_them(package_file, tmp_path):
    blank = {"name": "blank:nl", "version": "3.8", "kind": "blank"}
    meta = package_meta({}, blank, "toezeggingen", package_file, tmp_path / "none.json")
    assert meta["performance"] == {} and meta["kamer_scores"] == {}
    assert "No scores recorded for base blank:nl on held-out" in meta["notes"]
    assert [s["name"] for s in meta["sources"]] == ["blank:nl", "lookups", "Lijst A"]


@pytest.mark.parametrize(
    "change, problem",
    [
        ({"colour": "blue"}, "unknown key(s) colour"),
        ({"description": None}, "'description' missing or not a string"),
        ({"name": "Kamer-Brieven"}, "must be lower-case letters"),
        ({"sources": [{"url": "https://x"}]}, "sources: source 1 must be an object with a 'name'"),
        ({"base_sources": {"blank:nl": [{"name": "x", "year": 2020}]}}, "base_sources: blank:nl: source 1: keys are"),
    ],
)
def test_a_broken_package_file_stops_with_one_line_naming_it(tmp_path, change, problem):
    path = tmp_path / "package.json"
    path.write_text(json.dumps({**PACKAGE, **change}), encoding="utf-8")
    with pytest.raises(ResourceError) as err:
        read_package(path)
    assert str(err.value).startswith(f"{path}: ") and problem in str(err.value) and "\n" not in str(err.value)


def test_the_real_package_file_is_valid():
    assert read_package()["name"] == "kamerbrieven"


def test_only_numbers_are_recorded_never_text_and_other_records_stay(tmp_path):
    scores = tmp_path / "scores.json"
    record_scores(scores, "dev", "blank:nl", "data/gold/dev.jsonl", 35, NUMBERS)
    leaky = {
        **NUMBERS,
        "errors": [{"doc": "kst-1", "text": "Ik zal uw Kamer informeren."}],
        "entities": {"MINISTER": {"strict": {**counts(1, 1, 1), "example": "Minister Blok"}}},
    }
    record_scores(scores, "dev", "nl_ud_base", "data/gold/dev.jsonl", 35, leaky)
    written = scores.read_text(encoding="utf-8")
    assert "informeren" not in written and "Blok" not in written and "kst-1" not in written
    data = read_recorded(scores)
    assert set(data["dev"]) == {"blank:nl", "nl_ud_base"}
    assert data["dev"]["nl_ud_base"]["scores"]["entities"]["MINISTER"]["strict"]["f1"] == 1
    assert data["dev"]["nl_ud_base"]["documents"] == 35


def test_a_scores_file_of_another_shape_is_refused_in_one_line(tmp_path):
    scores = tmp_path / "scores.json"
    scores.write_text('{"dev": {"blank:nl": {"f1": 0.5}}}', encoding="utf-8")
    with pytest.raises(ScoresFileError, match="dev: blank:nl: expected"):
        read_recorded(scores)
