"""Each component's mechanism on a tiny pipeline built from the tiny resource files of `resources_dir`.

These are the unit tests (`make test-fast`): a blank Dutch tokenizer, a handful of rows, an invented
letter. Whether the real rules find the real things is for the quality tests on real letters.
"""

import pytest
import spacy

import pipeline.components.entities  # noqa: F401  (each import registers its factory)
import pipeline.components.linking  # noqa: F401
import pipeline.components.metadata  # noqa: F401
import pipeline.components.pdf_repair  # noqa: F401
import pipeline.components.sentences  # noqa: F401
import pipeline.components.toezeggingen  # noqa: F401

pytestmark = pytest.mark.unit

ORDER = [
    "kamer_pdf_repair",
    "kamer_sentences",
    "kamer_entities",
    "kamer_toezeggingen",
    "kamer_metadata",
    "kamer_linking",
]
LETTER = (
    "Den Haag, 3 februari 2020 Geachte voorzitter,\n\n"
    "De Minister van Defensie sprak in de NAVO over Resolute Support en de verantwoorde-\nlijkheid.\n"
    "Kamerstuk 28676, nr. 12\n"
    "Ik zal uw Kamer voor 1 maart informeren over de missie.\n"
    "In deze brief zal ik uw Kamer informeren.\n"
)


def build(resources_dir, upto: str):
    """The pipeline up to and including one component, every component on the tiny files."""
    nlp = spacy.blank("nl")
    for name in ORDER[: ORDER.index(upto) + 1]:
        nlp.add_pipe(name, config={"resources_dir": str(resources_dir)})
    return nlp


def test_pdf_repair_joins_a_word_broken_at_a_line_end_without_changing_the_text(resources_dir):
    doc = build(resources_dir, "kamer_pdf_repair")("de verantwoorde-\nlijkheid voor land- en tuinbouw")
    assert doc.text == "de verantwoorde-\nlijkheid voor land- en tuinbouw"
    joined = [(t.text, t.norm_) for t in doc if t.norm_ != t.lower_]
    # "land- en" would read "landen" if "en" were not in the tiny no-join list
    assert joined == [("verantwoorde-\nlijkheid", "verantwoordelijkheid")]


def test_pdf_repair_marks_page_furniture_from_its_file(resources_dir):
    doc = build(resources_dir, "kamer_pdf_repair")("eerste zin.\nKamerstuk 28676, nr. 12\ntweede zin.")
    assert [t.text for t in doc if t._.kamer_is_furniture] == ["Kamerstuk", "28676", ",", "nr.", "12"]


def test_sentences_break_after_a_forced_break_pattern_even_without_a_newline(resources_dir):
    doc = build(resources_dir, "kamer_sentences")("Den Haag, 3 februari 2020 Geachte voorzitter, dit is de brief.")
    assert [s.text.strip() for s in doc.sents] == ["Den Haag, 3 februari 2020", "Geachte voorzitter, dit is de brief."]


def test_entities_come_from_rules_compositions_and_gazetteers_with_their_rule_and_role(resources_dir):
    doc = build(resources_dir, "kamer_entities")(
        "De Minister van Defensie en Minister Bijleveld spraken in de NAVO over Resolute Support en "
        "de Minister van Financiën."
    )
    assert {(e.text, e.label_, e._.kamer_rule, e._.kamer_role) for e in doc.ents} == {
        ("Minister van Defensie", "MINISTER", "minister:title_portfolio", "portfolio_title"),
        ("Minister Bijleveld", "MINISTER", "minister:title_surname", "title_name"),
        ("NAVO", "ORGANISATIE", "gazetteer:international_org", "gazetteer"),
        ("Resolute Support", "OPERATIE", "gazetteer:operation", "gazetteer"),
    }  # "Minister van Financiën": Financiën is not in the tiny portfolio list


def test_an_acronym_defined_in_brackets_takes_the_label_of_the_name_before_it(resources_dir):
    doc = build(resources_dir, "kamer_entities")("De missie Resolute Support (RSM) loopt. De RSM is klaar.")
    assert [(e.text, e.label_, e._.kamer_rule) for e in doc.ents if e.text == "RSM"] == [
        ("RSM", "OPERATIE", "acronym:defined_in_brackets"),
        ("RSM", "OPERATIE", "acronym:defined_earlier"),
    ]


def test_toezeggingen_rule_marks_the_sentence_and_a_blocker_stops_it(resources_dir):
    doc = build(resources_dir, "kamer_toezeggingen")(LETTER)
    spans = doc.spans["toezeggingen"]
    assert [(s.text, s.label_) for s in spans] == [
        ("Ik zal uw Kamer voor 1 maart informeren over de missie.", "TOEZEGGING"),
    ]  # the same promise "in deze brief" is blocked


def test_metadata_reads_the_date_line_through_the_month_macro(resources_dir):
    doc = build(resources_dir, "kamer_metadata")(LETTER)
    assert doc._.kamer_letter["datum"] == "2020-02-03"


def test_the_signature_block_gives_the_signatory_and_the_promise_its_bewindspersoon(resources_dir):
    doc = build(resources_dir, "kamer_linking")(LETTER + "\nDe Minister van Defensie,\n\nAnk Bijleveld\n")
    assert doc._.kamer_letter["ondertekenaars"] == [{"functie": "Minister van Defensie", "naam": "Ank Bijleveld"}]
    (toezegging,) = doc.spans["toezeggingen"]
    assert (toezegging._.kamer_bewindspersoon, toezegging._.kamer_ministerie) == ("Minister van Defensie", "Defensie")


def test_linking_names_the_minister_and_resolves_the_deadline_against_the_letter_date(resources_dir):
    doc = build(resources_dir, "kamer_linking")(LETTER)
    minister = next(e for e in doc.ents if e.label_ == "MINISTER")
    assert (minister._.kamer_persoon, minister._.kamer_functie, minister._.kamer_land) == (
        "Ank Bijleveld",
        "Minister van Defensie",
        "NL",
    )
    (toezegging,) = doc.spans["toezeggingen"]
    assert (toezegging._.kamer_status, toezegging._.kamer_termijn, toezegging._.kamer_termijn_datum) == (
        "nieuw",
        "voor 1 maart",
        "2020-03-01",
    )
