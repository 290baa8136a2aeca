"""The Dutch base model shipped in models/ (trained from UD Dutch, see models/README.md)."""

import pytest
import spacy
from conftest import REPO, seed_text

MODEL = REPO / "models" / "nl_ud_base"


@pytest.fixture(scope="module")
def base():
    assert (MODEL / "config.cfg").exists(), "the bundled base model is committed in models/nl_ud_base"
    return spacy.load(MODEL)


def test_model_has_the_components_of_nl_core_news_sm(base):
    for name in ("tok2vec", "morphologizer", "parser", "trainable_lemmatizer", "senter"):
        assert name in base.component_names


def test_tags_lemmatises_and_parses_a_seed_sentence(base):
    doc = base("Minister Blok heeft hier het Turkse optreden in Noordoost-Syrië veroordeeld.")
    pos = {t.text: t.pos_ for t in doc}
    assert pos["Minister"] in {"NOUN", "PROPN"} and pos["Blok"] == "PROPN"
    assert pos["veroordeeld"] == "VERB" and pos["Turkse"] == "ADJ" and pos["optreden"] == "NOUN"
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["heeft"] == "hebben" and lemmas["Turkse"] == "Turks"
    root = [t for t in doc if t.dep_ == "ROOT"]
    assert [t.text for t in root] == ["veroordeeld"]
    deps = {t.text: t.dep_ for t in doc}
    assert deps["optreden"] == "obj" and deps["heeft"] == "aux" and deps["Minister"] == "nsubj"


def test_hard_line_breaks_do_not_split_sentences_in_the_model_alone(base):
    # a paragraph of the seed letter as the PDF copy has it: line breaks mid-sentence
    text = seed_text("kst-28676-235")
    start = text.index("Hierbij bied ik u")
    paragraph = text[start : text.index("De ministeriële bijeenkomst werd afgesloten", start)]
    doc = base(paragraph)
    starts = [s.text.strip()[:25] for s in doc.sents if s.text.strip()]
    assert starts == [
        "Hierbij bied ik u het ver",
        "Tijdens deze \nministeriël",
        "Daarnaast werd een sessie",
        "Tijdens het diner is \nges",
        "Op de tweede dag van de \n",
    ]


def test_pipeline_picks_the_bundled_model_when_nl_core_news_sm_is_absent(nlp):
    if spacy.util.is_package("nl_core_news_sm"):
        pytest.skip("nl_core_news_sm is installed and takes precedence")
    assert nlp.meta["kamer_base"]["kind"] == "bundled"
    # selective parsing (the default) keeps the base model's components inside kamer_selective_base
    inner = (
        [name for name, _ in nlp.get_pipe("kamer_selective_base").procs]
        if "kamer_selective_base" in nlp.pipe_names
        else []
    )
    assert "parser" in nlp.pipe_names + inner and "senter" not in nlp.pipe_names + inner
