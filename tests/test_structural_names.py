"""Structural names of bodies on invented sentences (issue 13): bodies named after a person, head-first Dutch bodies
with a capitalised qualifier, universities and English bodies with their whole name. The rules are data
(resources/entity_rules.jsonl and lists/), so these tests run the real resources on a blank model."""

import pytest

from tests.conftest import labelled


@pytest.mark.parametrize(
    "text, name",
    [
        ("Het rapport van de Commissie-Jansen verscheen gisteren.", "Commissie-Jansen"),
        ("Wij wachten op de commissie Van der Berg voordat wij besluiten.", "commissie Van der Berg"),
        ("De werkgroep De Vries adviseert over de bouw.", "werkgroep De Vries"),
    ],
)
def test_a_body_named_after_its_chair_is_one_organisation(rules_nlp, text, name):
    assert labelled(rules_nlp(text), "ORGANISATIE") == [name]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Ik heb advies gevraagd aan de Raad voor de Scheepvaartbouw over dit plan.", "Raad voor de Scheepvaartbouw"),
        ("Het toezicht ligt bij de Inspectie van het Tuinwezen sinds vorig jaar.", "Inspectie van het Tuinwezen"),
        ("De Inspectie Wegen en Bruggen heeft geen bezwaar.", "Inspectie Wegen en Bruggen"),
        ("Het Planbureau voor de Kustgebieden rekent dit door.", "Planbureau voor de Kustgebieden"),
        (
            "Het verslag van de Raad voor Visserij en Landbouw, Bosbouw en Jacht volgt.",
            "Raad voor Visserij en Landbouw, Bosbouw en Jacht",
        ),
        ("Zij studeerde aan de Universiteit Zandvoort in de jaren negentig.", "Universiteit Zandvoort"),
        ("Het onderzoek komt van de Technische Universiteit Zwolle en anderen.", "Technische Universiteit Zwolle"),
        ("Zij ligt in het Universitair Medisch Centrum Assen.", "Universitair Medisch Centrum Assen"),
    ],
)
def test_a_dutch_body_keeps_its_capitalised_qualifier(rules_nlp, text, name):
    assert labelled(rules_nlp(text), "ORGANISATIE") == [name]


def test_a_dutch_body_head_without_qualifier_or_before_an_article_stays_short(rules_nlp):
    # "de Raad het voorstel": the article starts a new phrase, it is no qualifier
    assert labelled(rules_nlp("Daarna stuurde de Raad het Zwolse voorstel terug."), "ORGANISATIE") == []


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Wij spraken met the Joint Standing Committee on Harbour Affairs over de haven.",
            "Joint Standing Committee on Harbour Affairs",
        ),
        (
            "De zaak ligt bij het Court of Appeal of the Northern Isles sinds maart.",
            "Court of Appeal of the Northern Isles",
        ),
        ("Het geld komt van de Karistan Reconstruction Bank en anderen.", "Karistan Reconstruction Bank"),
        ("Het Office for Coastal Affairs opent een kantoor.", "Office for Coastal Affairs"),
    ],
)
def test_an_english_body_is_tagged_over_its_whole_length(rules_nlp, text, name):
    assert labelled(rules_nlp(text), "ORGANISATIE") == [name]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ik reageer op de notitie van de Commissie Hendriksen van maart.", ["Commissie Hendriksen"]),
        ("De Adviescommissie Waterkwaliteit adviseert positief.", ["Adviescommissie Waterkwaliteit"]),
        ("Het voorstel richt het Bodeminstituut op als zelfstandig orgaan.", ["Bodeminstituut"]),
        (
            "Sinds de Karistan Transitional Administration het bestuur overnam, is het rustig.",
            ["Karistan Transitional Administration"],
        ),
        # a bare head, a kind of body, and a sentence-initial word are no name
        ("Voorts heeft de Commissie besloten het voorstel in te trekken.", []),
        ("In de Raadswerkgroep en de Gemeenteraad is het besproken.", []),
        ("Kwaliteitsinstituut is een woord dat hier een zin opent.", []),
    ],
)
def test_bodies_by_their_structure(rules_nlp, text, expected):
    assert labelled(rules_nlp(text), "ORGANISATIE") == expected


def test_a_one_word_body_that_shortens_a_longer_name_is_a_bare_short_reference(rules_nlp):
    doc = rules_nlp("De Europese Havenalliantie groeit. De pijler van de Havenalliantie is een platform.")
    assert labelled(doc, "ORGANISATIE") == ["Europese Havenalliantie"]


def test_a_capitalised_name_written_in_lower_case_is_the_common_noun(rules_nlp):
    # "Kustwacht" is a Dutch body; "de Karistaanse kustwacht" is any coast guard
    doc = rules_nlp("De Kustwacht patrouilleert. Wij steunen de opbouw van de Karistaanse kustwacht.")
    assert labelled(doc, "ORGANISATIE") == ["Kustwacht"]


def test_a_lower_case_type_word_may_open_a_capitalised_name(rules_nlp):
    doc = rules_nlp("De evaluatie is uitgevoerd door de directie Internationaal Onderzoek en Beleidsevaluatie van BZ.")
    assert "directie Internationaal Onderzoek en Beleidsevaluatie" in labelled(doc, "ORGANISATIE")
