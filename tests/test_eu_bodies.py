"""The EU bodies gazetteer (resources/gazetteers/eu_bodies.jsonl, issue 13): the file is complete on its own (its
schema, id and duplicates: test_gazetteer_files.py), and the real pipeline on a blank model tags EU bodies in
invented sentences as one ORGANISATIE span each."""

import pytest

from tests.conftest import gazetteer_rows, labelled


@pytest.fixture(scope="module")
def rows():
    return gazetteer_rows("eu_bodies.jsonl")


@pytest.mark.parametrize(
    "name",
    [
        "Europese Raad",
        "Raad van de Europese Unie",
        "Europese Commissie",
        "Europees Parlement",
        "Hof van Justitie van de Europese Unie",
        "Europese Rekenkamer",
        "Europese Centrale Bank",
        "Coreper",
        "Politiek en Veiligheidscomité",
        "EUMC",
        "Economisch en Financieel Comité",
        "Artikel 36-Comité",
        "COSI",
        "Frontex",
        "ECHA",
        "eu-LISA",
        "Eurofound",
        "HaDEA",
        "Landbouw- en Visserijraad",
        "Raad Algemene Zaken en Externe Betrekkingen",
    ],
)
def test_the_file_holds_the_core_of_each_kind_of_body(rows, name):
    assert name in {r["pattern"] for r in rows}


@pytest.mark.parametrize(
    "name",
    # names of Dutch bodies or ordinary phrases: "Gezondheidsraad", "Onderwijsraad" and "Onderzoeksraad" are Dutch
    # bodies; "Raad van Ministers" is also the Dutch ministerraad; "Gerecht" is a word; "ELA" is also Emergency
    # Liquidity Assistance, "ERA" the European Research Area, "EEA" the European Economic Area
    ["Gezondheidsraad", "Onderwijsraad", "Onderzoeksraad", "Raad van Ministers", "Gerecht", "ELA", "ERA", "EEA"],
)
def test_ambiguous_names_are_left_out(rows, name):
    assert name not in {r["pattern"] for r in rows}


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Ik informeer u over de Transport, Telecommunicatie en Energieraad van 5 juni.",
            "Transport, Telecommunicatie en Energieraad",
        ),
        ("Het advies van het Economisch en Financieel Comité volgt na de zomer.", "Economisch en Financieel Comité"),
        ("Frontex ondersteunt de lidstaten bij de bewaking van de buitengrens.", "Frontex"),
        ("Nederland neemt deel aan twee projecten van het Europees Defensieagentschap.", "Europees Defensieagentschap"),
        ("Nederland neemt deel aan twee projecten van het Europese Defensieagentschap.", "Europese Defensieagentschap"),
        ("De EU Raad Buitenlandse Zaken sprak over de sancties.", "EU Raad Buitenlandse Zaken"),
        ("Het voorstel ligt nu bij Coreper II voor een besluit.", "Coreper II"),
        ("De Raad Werkgelegenheid en Sociaal Beleid komt in juni bijeen.", "Raad Werkgelegenheid en Sociaal Beleid"),
        (
            "Het Europees Centrum voor ziektepreventie en -bestrijding publiceert cijfers.",
            "Europees Centrum voor ziektepreventie en -bestrijding",
        ),
    ],
)
def test_an_eu_body_is_one_organisation(rules_nlp, text, name):
    assert labelled(rules_nlp(text), "ORGANISATIE") == [name]
