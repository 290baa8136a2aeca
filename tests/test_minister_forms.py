"""MINISTER in the forms the issue lists (issue 13), on invented sentences: capital headings, the prime minister's
title without its hyphen, a foreign minister with nationality, title, portfolio and name in one span, a foreign
colleague named by a minister, signatures side by side, and members of parliament who are no MINISTER."""

import pytest

from tests.conftest import labelled


@pytest.mark.parametrize(
    "text, expected",
    [
        ("BRIEF VAN DE MINISTER VOOR IMMIGRATIE EN ASIEL\n\nAan de Voorzitter", ["MINISTER VOOR IMMIGRATIE EN ASIEL"]),
        ("BRIEF VAN DE MINISTER VOOR BESTUURLIJKE VERNIEUWING\n\nDen Haag", ["MINISTER VOOR BESTUURLIJKE VERNIEUWING"]),
        ("BRIEF VAN DE MINISTER-PRESIDENT\n\nDen Haag", ["MINISTER-PRESIDENT"]),
        ("BRIEF VAN DE MINISTER PRESIDENT\n\nDen Haag", ["MINISTER PRESIDENT"]),
        ("Dit meldde Minister President Kok gisteren.", ["Minister President Kok"]),
        (
            "De Staatssecretaris van Financiën en de staatssecretaris voor Europese Zaken zijn het eens.",
            ["Staatssecretaris van Financiën", "staatssecretaris voor Europese Zaken"],
        ),
    ],
)
def test_titles_in_headings_and_running_text(blank_nlp, text, expected):
    assert labelled(blank_nlp(text), "MINISTER") == expected


def test_a_prime_minister_heading_without_hyphen_is_the_minister_president(blank_nlp):
    doc = blank_nlp("BRIEF VAN DE MINISTER PRESIDENT\n\nDen Haag, 3 maart 2010\n\nIk meld u dit.")
    (ent,) = [e for e in doc.ents if e.label_ == "MINISTER"]
    assert ent._.kamer_functie == "Minister-President"


@pytest.mark.parametrize(
    "text, span, functie, persoon",
    [
        (
            "Ik sprak met de Karistaanse minister van Financiën Jansen over de lening.",
            "Karistaanse minister van Financiën Jansen",
            "Minister van Financiën",
            "Jansen",
        ),
        (
            "Ik sprak met de Duitse minister van Buitenlandse Zaken Hans Becker over de top.",
            "Duitse minister van Buitenlandse Zaken Hans Becker",
            "Minister van Buitenlandse Zaken",
            "Hans Becker",
        ),
        (
            "Daarna sprak de minister van Defensie Van der Linden de troepen toe.",
            "minister van Defensie Van der Linden",
            "Minister van Defensie",
            "Van der Linden",
        ),
    ],
)
def test_title_portfolio_and_name_are_one_span_with_office_and_person(blank_nlp, text, span, functie, persoon):
    (ent,) = [e for e in blank_nlp(text).ents if e.label_ == "MINISTER"]
    assert (ent.text, ent._.kamer_functie, ent._.kamer_persoon) == (span, functie, persoon)


def test_a_listed_nationality_gives_the_country(blank_nlp):
    (ent,) = [e for e in blank_nlp("Ik sprak met de Duitse minister van Financiën Becker.").ents]
    assert ent._.kamer_land == "DE"


def test_a_comma_keeps_title_and_name_apart(blank_nlp):
    doc = blank_nlp("De Minister van Defensie,\n\nJ.A. Jansen")
    assert labelled(doc, "MINISTER") == ["Minister van Defensie", "J.A. Jansen"]


def test_a_title_at_the_end_of_a_line_takes_no_word_from_the_next(blank_nlp):
    doc = blank_nlp("Namens de minister van Financiën\nWerkgroepen komen later aan bod.")
    assert labelled(doc, "MINISTER") == ["minister van Financiën"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ik sprak met zijn Karistaanse collega Bakari over de grens.", ["Bakari"]),
        ("Ik sprak met mijn Franse ambtgenoot Jean Dupont over de visserij.", ["Jean Dupont"]),
        ("Ik sprak met mijn collega's over de visserij.", []),
    ],
)
def test_a_foreign_colleague_is_a_minister(blank_nlp, text, expected):
    assert labelled(blank_nlp(text), "MINISTER") == expected


def test_signatures_side_by_side_with_spaced_initials(blank_nlp):
    doc = blank_nlp("De minister van Justitie, De staatssecretaris van Justitie,\n\nA. B. Jansen C. de Vries\n")
    assert labelled(doc, "MINISTER") == [
        "minister van Justitie",
        "staatssecretaris van Justitie",
        "A. B. Jansen",
        "C. de Vries",
    ]


def test_a_heading_under_a_signature_is_no_second_signatory(blank_nlp):
    doc = blank_nlp("De minister van Justitie,\nA. Jansen\nI. Inleiding\nDe agenda volgt.")
    assert labelled(doc, "MINISTER") == ["minister van Justitie", "A. Jansen"]


@pytest.mark.parametrize(
    "text",
    [
        "Het lid Verhagen vroeg naar de kosten. Ik antwoord de heer Verhagen graag.",
        "De leden Rutte en Verhagen dienden een motie in; de heer Verhagen lichtte die toe.",
        "Naar aanleiding van de vraag van Tweede Kamerlid Verhagen meld ik dat dhr. Verhagen gelijk heeft.",
    ],
)
def test_a_member_of_parliament_is_no_minister_by_surname(blank_nlp, text):
    assert labelled(blank_nlp(text), "MINISTER") == []


def test_a_known_surname_after_an_honorific_is_a_minister_when_no_member_is_named(blank_nlp):
    assert labelled(blank_nlp("Ik heb dit met de heer Verhagen besproken."), "MINISTER") == ["Verhagen"]
