import pytest
import spacy
from conftest import seed_text


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
    assert [(e.start_char, e.end_char, e.label_, e._.rule) for e in doc.ents] == [
        (e.start_char, e.end_char, e.label_, e._.rule) for e in expected.ents
    ]
    assert [(s.start_char, s._.status) for s in doc.spans["toezeggingen"]] == [
        (s.start_char, s._.status) for s in expected.spans["toezeggingen"]
    ]
    assert [(t.pos_, t.dep_, t.head.i) for t in doc] == [(t.pos_, t.dep_, t.head.i) for t in expected]
    assert reloaded.meta["kamer_base"] == nlp.meta["kamer_base"]
