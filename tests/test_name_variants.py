"""Variants of one name on invented sentences (issue 13): acronyms written as words, a known body in a
hyphenated compound or written apart before a body's name, coordinated council names, council and ministry
abbreviations, and names across line breaks. The knowledge is data (gazetteers, lists/body_compound_heads.txt,
entity_rules.jsonl), so these tests run the real resources on a blank model."""

import pytest

from pipeline.components.name_variants import acronym_as_word, case_compatible
from tests.conftest import labelled

pytestmark = pytest.mark.unit


# -- 1. acronyms written as words ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name, label",
    [
        ("Gisteren besprak de Navo het voorstel.", "Navo", "ORGANISATIE"),
        ("Wij steunen het werk van Unicef in de regio.", "Unicef", "ORGANISATIE"),
        ("Wij steunen het werk van UNICEF in de regio.", "UNICEF", "ORGANISATIE"),
        ("Het mandaat van Unifil loopt in augustus af.", "Unifil", "OPERATIE"),
        ("De grensbewaking door FRONTEX wordt versterkt.", "FRONTEX", "ORGANISATIE"),
        ("De grensbewaking door Frontex wordt versterkt.", "Frontex", "ORGANISATIE"),
        ("Het overleg in de Navo-Rusland Raad is hervat.", "Navo-Rusland Raad", "ORGANISATIE"),
    ],
)
def test_an_acronym_of_four_or_more_letters_matches_its_word_form(rules_nlp, text, name, label):
    assert labelled(rules_nlp(text), label) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Het standpunt van de Eu is bekend.",  # two letters stay exact
        "Daarna sprak de Vn over het plan.",
        "Over de begroting spreken wij later.",  # an ordinary word is no acronym's word form
    ],
)
def test_short_acronyms_and_ordinary_words_are_not_word_forms(rules_nlp, text):
    assert labelled(rules_nlp(text), "ORGANISATIE") == []


def test_case_check_accepts_the_word_form_only_when_asked():
    assert case_compatible(("Navo",), ("NAVO",), acronyms_as_words=True)
    assert not case_compatible(("Navo",), ("NAVO",))
    assert acronym_as_word("Navo-Rusland", "NAVO-Rusland")
    assert not acronym_as_word("Eu", "EU")
    assert not acronym_as_word("NaVo", "NAVO")


# -- 2. a known body in a compound, or written apart before a body's name ---------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("De EU-Raad komt volgende week bijeen.", "EU-Raad"),
        ("Het voorstel ligt nu bij de Navo-Raad in Brussel.", "Navo-Raad"),
        ("De VN-Mensenrechtenraad nam de tekst aan.", "VN-Mensenrechtenraad"),
        ("De OVSE-Commissie bracht verslag uit.", "OVSE-Commissie"),
    ],
)
def test_a_compound_of_a_known_body_and_a_body_is_one_span(rules_nlp, text, name):
    assert labelled(rules_nlp(text), "ORGANISATIE") == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Alle NAVO-landen stemden in met het plan.",
        "De EU-lidstaten hebben het beleid vastgesteld.",
        "De VN-resolutie vraagt om een staakt-het-vuren.",
        "Het EU-beleid wordt herzien.",
        "De NAVO-top vindt in juli plaats.",  # a meeting, no body
        "Een VN-vredesmacht is niet voorzien.",  # a kind of force, no name
        "De VN-raad die dit besprak, was informeel.",  # a lower-case head is a description
    ],
)
def test_a_compound_that_describes_is_not_tagged(rules_nlp, text):
    assert labelled(rules_nlp(text), "ORGANISATIE") == []


@pytest.mark.parametrize(
    "text, names",
    [
        ("De VN Veiligheidsraad sprak over de crisis.", ["VN Veiligheidsraad"]),
        ("De Navo Raad sprak over de crisis.", ["Navo Raad"]),
        ("In de EU Raad Algemene Zaken werd dit besproken.", ["EU Raad Algemene Zaken"]),
        # before any other word the body stands alone
        ("Het VN Veiligheidsraadbesluit is gisteren genomen.", ["VN"]),
        ("Het Navo Defensie Planningsproces loopt door.", ["Navo"]),
        ("Het gaat om de VN\n\nRaad en Commissie spraken.", ["VN"]),  # a blank line parts them
    ],
)
def test_a_known_body_written_apart_before_a_body_is_one_span(rules_nlp, text, names):
    assert labelled(rules_nlp(text), "ORGANISATIE") == names


# -- 3. coordinated council names, council and ministry abbreviations -----------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("De agenda van de Zeevaart, Luchtvaart en Energieraad is verstuurd.", "Zeevaart, Luchtvaart en Energieraad"),
        ("Ik bezocht de Visserij- en Bosbouwraad in maart.", "Visserij- en Bosbouwraad"),
        ("Ik bezocht de Wonen- en Binnenlandse Zakenraad in maart.", "Wonen- en Binnenlandse Zakenraad"),
        ("Het mandaat van de Europese Grens- en Kustwacht wordt herzien.", "Europese Grens- en Kustwacht"),
        ("Volgens de Raad WSB is dit urgent.", "Raad WSB"),
        ("Dit wordt afgestemd met het ministerie van VWS en anderen.", "ministerie van VWS"),
        ("Dit wordt afgestemd met het Ministerie van IenW en anderen.", "Ministerie van IenW"),
    ],
)
def test_a_coordination_or_abbreviation_that_names_a_body_is_one_span(rules_nlp, text, name):
    assert labelled(rules_nlp(text), "ORGANISATIE") == [name]


@pytest.mark.parametrize(
    "text, names",
    [
        ("De Eurogroep en Ecofinraad vergaderen op één dag.", ["Eurogroep", "Ecofinraad"]),
        ("De ministers van Noord- en Zuid-Holland spraken.", []),  # an elided place is no body
        ("De Europese Raad en Europese Commissie spraken.", ["Europese Raad", "Europese Commissie"]),
        ("Tussen Parlement en Raad is een akkoord.", []),
    ],
)
def test_a_coordination_of_names_or_non_bodies_stays_apart(rules_nlp, text, names):
    assert labelled(rules_nlp(text), "ORGANISATIE") == names


# -- 4. across line breaks and with or without "de" ------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("Wij spraken in de VN-\nVeiligheidsraad over het plan.", "VN-\nVeiligheidsraad"),
        ("Wij spraken in de EU-\nRaad over het plan.", "EU-\nRaad"),
        ("Wij spraken in de VN\nVeiligheidsraad over het plan.", "VN\nVeiligheidsraad"),
        (
            "Wij spraken met Zeevaart,\nLuchtvaart en\nEnergieraad over het plan.",
            "Zeevaart,\nLuchtvaart en\nEnergieraad",
        ),
        ("Over de Europese Grens-\nen Kustwacht is geen besluit.", "Europese Grens-\nen Kustwacht"),
        ("Het ministerie\nvan VWS stemt in.", "ministerie\nvan VWS"),
        ("Wij spraken met Navo over het plan.", "Navo"),
        ("Wij spraken met de Navo over het plan.", "Navo"),
        ("Wij spraken met Noord-\nAtlantische Raad over het plan.", "Noord-\nAtlantische Raad"),
    ],
)
def test_names_hold_across_line_breaks_and_without_article(rules_nlp, text, name):
    assert labelled(rules_nlp(text), "ORGANISATIE") == [name]


def test_a_descriptive_compound_across_a_line_break_is_not_tagged(rules_nlp):
    assert labelled(rules_nlp("Alle NAVO-\nlanden stemden in."), "ORGANISATIE") == []
