"""The UN system and the international financial institutions as gazetteers (issue 13): no name is listed in both
files (schema, ids and duplicates within a file: test_gazetteer_files.py), and invented sentences show the forms
Dutch letters write ("het Wereldvoedselprogramma", "Unicef", "VN Veiligheidsraad", "de Raad van Bewindvoerders van
het IMF"). The names are data (resources/gazetteers/), so these tests run the real resources on a blank model."""

from collections import Counter

import pytest

from tests.conftest import gazetteer_rows

FILES = ("un_system.jsonl", "financial_institutions.jsonl")


def organisations(doc):
    return [(e.text, e._.kamer_rule) for e in doc.ents if e.label_ == "ORGANISATIE"]


def test_no_name_is_listed_twice_in_or_across_the_two_files():
    patterns = Counter(r["pattern"] for name in FILES for r in gazetteer_rows(name))
    assert [p for p, n in patterns.items() if n > 1] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Nederland steunt het Wereldvoedselprogramma met extra geld.", ["Wereldvoedselprogramma"]),
        ("Een bijdrage gaat naar UNICEF en naar Unicef Nederland.", ["UNICEF", "Unicef Nederland"]),
        ("Het verzoek ligt bij de VN Veiligheidsraad sinds maart.", ["VN Veiligheidsraad"]),
        ("Dit besprak de Raad van Bewindvoerders van het IMF gisteren.", ["Raad van Bewindvoerders", "IMF"]),
        (
            "De Wereldpostunie en de Internationale Arbeidsorganisatie vergaderen.",
            ["Wereldpostunie", "Internationale Arbeidsorganisatie"],
        ),
        (
            "De Voedsel- en Landbouworganisatie van de Verenigde Naties meldt een tekort.",
            ["Voedsel- en Landbouworganisatie van de Verenigde Naties"],
        ),
        (
            "Het Joegoslavië-tribunaal en het Rwandatribunaal zijn gesloten.",
            ["Joegoslavië-tribunaal", "Rwandatribunaal"],
        ),
        (
            "De Club van Parijs en de Europese Bank voor Wederopbouw en Ontwikkeling schelden schuld kwijt.",
            ["Club van Parijs", "Europese Bank voor Wederopbouw en Ontwikkeling"],
        ),
    ],
)
def test_a_name_of_the_un_system_or_a_financial_institution_is_one_organisation(rules_nlp, text, expected):
    assert [name for name, _ in organisations(rules_nlp(text))] == expected


@pytest.mark.parametrize(
    "text, name, rule_id",
    [
        ("De Wereldpostunie stelt de tarieven vast.", "Wereldpostunie", "gazetteer:un_system"),
        ("Het VN-Kinderfonds opent een kantoor.", "VN-Kinderfonds", "gazetteer:un_system"),
        ("De Raad van Gouverneurs kwam bijeen.", "Raad van Gouverneurs", "gazetteer:financial_institution"),
        ("Het IFC investeert in de haven.", "IFC", "gazetteer:financial_institution"),
    ],
)
def test_a_span_names_the_list_it_came_from(rules_nlp, text, name, rule_id):
    assert organisations(rules_nlp(text)) == [(name, rule_id)]


@pytest.mark.parametrize(
    "text",
    [
        "De G20-landen spraken af om de VN-Veiligheidsraadresolutie te steunen.",
        "Zij heet Ida en werkt bij een desa op Java.",
        "Het dac van het huis lekt.",
    ],
)
def test_compounds_and_ordinary_words_stay_untagged(rules_nlp, text):
    assert organisations(rules_nlp(text)) == []
