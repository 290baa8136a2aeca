import pytest
import spacy
from conftest import seed_text

import pipeline
from pipeline.evaluation.recorded_scores import read_recorded
from pipeline.package_meta import read_package


@pytest.fixture(scope="module", params=["selective", "all"])
def each_mode(request):
    from pipeline.assemble import load

    return load(parse=request.param)


def test_saved_pipeline_loads_with_spacy_load_and_gives_the_same_annotations(each_mode, tmp_path):
    # both parse modes: selective keeps the base model's components inside kamer_selective_base
    nlp = each_mode
    text = seed_text("kst-28676-325")
    expected = nlp(text)
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded.pipe_names == nlp.pipe_names
    doc = reloaded(text)
    assert [(e.start_char, e.end_char, e.label_, e._.kamer_rule) for e in doc.ents] == [
        (e.start_char, e.end_char, e.label_, e._.kamer_rule) for e in expected.ents
    ]
    assert [(s.start_char, s._.kamer_status) for s in doc.spans["toezeggingen"]] == [
        (s.start_char, s._.kamer_status) for s in expected.spans["toezeggingen"]
    ]
    assert [(t.pos_, t.dep_, t.head.i) for t in doc] == [(t.pos_, t.dep_, t.head.i) for t in expected]
    assert reloaded.meta["kamer_base"] == nlp.meta["kamer_base"]


def test_the_saved_pipeline_carries_its_own_name_version_sources_and_latest_scores(each_mode, tmp_path):
    nlp = each_mode
    nlp.to_disk(tmp_path / "pipeline")
    meta = spacy.load(tmp_path / "pipeline").meta
    package = read_package()
    base = nlp.meta["kamer_base"]
    assert (meta["lang"], meta["name"], meta["version"]) == ("nl", package["name"], pipeline.__version__)
    assert meta["description"] == package["description"] and "ud_base" not in meta["name"]
    names = [source["name"] for source in meta["sources"]]
    assert names[0] == base["name"]  # the base model first, then its own sources and ours
    assert set(names) >= {source["name"] for source in package["sources"]}
    recorded = read_recorded().get(package["scores_from"], {}).get(base["name"])
    if recorded is None:
        assert meta["performance"] == {}
    else:  # the numbers `make evaluate` recorded in data/scores.json, under spaCy's names
        micro = recorded["scores"]["entities_micro"]["strict"]
        # meta.json goes through srsly, which may write 0.9823 as 0.9823000000000001
        performance = meta["performance"]
        assert (performance["ents_p"], performance["ents_f"]) == pytest.approx((micro["precision"], micro["f1"]))
        overlap = recorded["scores"]["TOEZEGGING"]["overlap"]
        assert performance["spans_toezeggingen_r"] == pytest.approx(overlap["recall"])
        assert meta["kamer_scores"][package["scores_from"]]["date"] == recorded["date"]
