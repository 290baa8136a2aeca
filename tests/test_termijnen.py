"""The termijn table of docs/termijnen.md, row by row."""

from datetime import date

import pytest

from pipeline.knowledge.termijnen import TermijnFinder, read_termijn_knowledge

D = date(2019, 10, 30)


@pytest.fixture(scope="module")
def finder():
    knowledge = read_termijn_knowledge("termijn_phrases.jsonl", "herkomst_patterns.jsonl")
    return TermijnFinder(knowledge["termijn"], knowledge["herkomst"], knowledge["macros"])


@pytest.mark.parametrize(
    "sentence, termijn, iso",
    [
        ("Ik zal uw Kamer voor 1 juni a.s. informeren.", "voor 1 juni a.s.", "2020-06-01"),
        (
            "Uw Kamer zal naar verwachting begin december de appreciatie ontvangen.",
            "begin december",
            "2019-12-01/2019-12-10",
        ),
        ("Ik zal uw Kamer voor de zomer een brief sturen.", "voor de zomer", "2019-10-30/2020-07-01"),
        ("Het kabinet komt hier in het voorjaar op terug.", "in het voorjaar", "2020-03-01/2020-05-31"),
        ("Ik stuur u de rapportage voor het kerstreces.", "voor het kerstreces", "2019-10-30/2019-12-31"),
        ("In Q1 2026 ontvangt uw Kamer de voortgangsrapportage.", "In Q1 2026", "2026-01-01/2026-03-31"),
        ("De evaluatie volgt eind 2020.", "eind 2020", "2020-10-01/2020-12-31"),
        ("Ik streef ernaar de vragen binnen drie weken te beantwoorden.", "binnen drie weken", "2019-10-30/2019-11-20"),
        ("Uw Kamer zal op een later moment worden geïnformeerd.", "op een later moment", None),
        (
            "dat uw Kamer nog voor \nde begrotingsbehandeling wordt geïnformeerd",
            "nog voor \nde begrotingsbehandeling",
            None,
        ),
        ("kunt u de brief in januari tegemoet zien.", "in januari", "2020-01-01/2020-01-31"),
    ],
)
def test_phrases_resolve_against_the_letter_date(finder, sentence, termijn, iso):
    found = finder.termijn(sentence, D)
    assert (found.text, found.iso) == (termijn, iso)
    assert sentence[found.start : found.end] == termijn


def test_past_dates_are_no_deadline(finder):
    assert finder.termijn("Hiermee is mijn toezegging van 16 oktober jl. gestand gedaan.", D) is None


def test_without_a_letter_date_the_phrase_is_kept_but_not_dated(finder):
    found = finder.termijn("Ik zal uw Kamer voor de zomer informeren.", None)
    assert (found.text, found.iso) == ("voor de zomer", None)


def test_herkomst_names_the_occasion_and_its_date(finder):
    text = "Met deze brief wordt een aantal toezeggingen gestand gedaan uit het \nalgemeen overleg op 16 oktober jl."
    assert finder.herkomst(text, D) == {"type": "algemeen overleg", "datum": "2019-10-16"}
    assert finder.herkomst("Zoals toegezegd in mijn brief van 2 maart, volgt hier het besluit.", D) == {
        "type": "brief",
        "datum": "2019-03-02",
    }


@pytest.mark.parametrize(
    "sentence, termijn, iso",
    [
        ("Ik informeer u op korte termijn.", "op korte termijn", None),
        ("Dit volgt binnen afzienbare tijd.", "binnen afzienbare tijd", None),
        ("U krijgt binnen een paar weken een brief.", "binnen een paar weken", None),
        ("Ik zal u zo snel als mogelijk informeren.", "zo snel als mogelijk", None),
        (
            "Ik stuur u het plan zo snel mogelijk en in ieder geval voor de zomer van 2020 toe.",
            "zo snel mogelijk en in ieder geval voor de zomer van 2020",
            "2019-10-30/2020-07-01",
        ),
        ("Ik rapporteer elk jaar vóór Prinsjesdag over de voortgang.", "elk jaar vóór Prinsjesdag", None),
        ("Ik stuur u na afronding van het onderzoek de uitkomsten.", "na afronding van het onderzoek", None),
        ("De nota volgt rond de jaarwisseling.", "rond de jaarwisseling", "2019-12-01/2020-01-31"),
        ("Ik kom hierop terug bij de volgende voortgangsrapportage.", "bij de volgende voortgangsrapportage", None),
        ("Het wetsvoorstel volgt in de loop van 2020.", "in de loop van 2020", "2020-01-01/2020-12-31"),
        ("Het rapport volgt begin volgend jaar.", "begin volgend jaar", "2020-01-01/2020-03-31"),
        ("Na ontvangst van het advies krijgt u het plan komend voorjaar.", "komend voorjaar", "2020-03-01/2020-05-31"),
        ("Ik stuur de nota voor Prinsjesdag.", "voor Prinsjesdag", "2019-10-30/2020-09-15"),
        (
            "Ik streef ernaar de vragen zo spoedig mogelijk na het reces te beantwoorden.",
            "zo spoedig mogelijk na het reces",
            None,
        ),
    ],
)
def test_phrases_civil_servants_write(finder, sentence, termijn, iso):
    found = finder.termijn(sentence, D)
    assert (found.text, found.iso) == (termijn, iso)


@pytest.mark.parametrize(
    "sentence, termijn, iso",
    [
        # D is a Wednesday: the next week runs from Monday 4 November
        (
            "De agenda gaat u uiterlijk begin volgende week toe.",
            "uiterlijk begin volgende week",
            "2019-11-04/2019-11-06",
        ),
        ("U ontvangt de brief eind volgende week.", "eind volgende week", "2019-11-07/2019-11-08"),
        ("U ontvangt de brief volgende week.", "volgende week", "2019-11-04/2019-11-08"),
    ],
)
def test_weeks_resolve_to_working_days(finder, sentence, termijn, iso):
    found = finder.termijn(sentence, D)
    assert (found.text, found.iso) == (termijn, iso)
