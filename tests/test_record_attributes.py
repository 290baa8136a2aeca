"""Attributes of the record (issue 14): authors of a multi-author title, herkomst, kamerstuk from the title block."""

from datetime import date

import pytest
from conftest import shared_path

from pipeline.components.metadata import title_authors
from pipeline.knowledge.termijnen import TermijnFinder, read_termijn_knowledge

D = date(2026, 11, 3)


@pytest.fixture(scope="module")
def finder():
    knowledge = read_termijn_knowledge("termijn_phrases.jsonl", "herkomst_patterns.jsonl")
    return TermijnFinder(knowledge["termijn"], knowledge["herkomst"], knowledge["macros"])


@pytest.mark.parametrize(
    "titel, authors",
    [
        ("BRIEF VAN DE MINISTERS VAN FINANCIËN EN VAN DEFENSIE", ["Minister van Financiën", "Minister van Defensie"]),
        (
            "BRIEF VAN DE MINISTER EN DE STAATSSECRETARIS VAN ONDERWIJS, CULTUUR EN WETENSCHAP",
            ["Minister van Onderwijs, Cultuur en Wetenschap", "Staatssecretaris van Onderwijs, Cultuur en Wetenschap"],
        ),
        (
            "BRIEF VAN DE MINISTER VAN ECONOMISCHE ZAKEN EN KLIMAAT EN DE STAATSSECRETARIS VAN FINANCIËN",
            ["Minister van Economische Zaken en Klimaat", "Staatssecretaris van Financiën"],
        ),
        ("BRIEF VAN DE MINISTER-PRESIDENT, MINISTER VAN ALGEMENE ZAKEN", ["Minister-President"]),
        ("BRIEF VAN DE ALGEMENE REKENKAMER", []),
    ],
)
def test_every_author_of_the_title_in_order(titel, authors):
    assert title_authors(titel) == authors


@pytest.mark.unit
def test_without_a_signature_the_first_author_of_the_title_commits(nlp):
    doc = nlp(
        "BRIEF VAN DE MINISTERS VAN FINANCIËN EN VAN DEFENSIE\n\nDen Haag, 3 november 2026\n\n"
        "Wij zullen uw Kamer voor de zomer een brief sturen over de kosten."
    )
    span = doc.spans["toezeggingen"][0]
    assert span._.kamer_bewindspersoon == "Minister van Financiën"


@pytest.mark.parametrize(
    "sentence, herkomst",
    [
        (
            "Zoals toegezegd in mijn brief van 12 april jl. volgt hier het besluit.",
            {"type": "brief", "datum": "2026-04-12"},
        ),
        (
            "Zoals toegezegd in het plenaire debat over de begroting op 5 juni stuur ik u het plan.",
            {"type": "plenair debat", "datum": "2026-06-05"},
        ),
        (
            "Zoals toegezegd tijdens het AO Voedselveiligheid van 14 maart stuur ik u de brief.",
            {"type": "algemeen overleg", "datum": "2026-03-14"},
        ),
        (
            "Dinsdag 9 juni heb ik, op verzoek van de leden, in het commissiedebat toegezegd u te informeren.",
            {"type": "commissiedebat", "datum": "2026-06-09"},
        ),
        (
            "In de Voorjaarsbrief van 2 mei jl. heeft het kabinet een nota toegezegd.",
            {"type": "brief", "datum": "2026-05-02"},
        ),
        ("Met deze brief kom ik mijn toezegging na.", None),
    ],
)
def test_herkomst_names_the_occasion_and_its_date(finder, sentence, herkomst):
    assert finder.herkomst(sentence, D, finder.termijn(sentence, D)) == herkomst


def test_herkomst_follows_a_back_reference(finder):
    before = "Op 2 oktober heb ik met de vaste commissie gesproken over de haven. "
    assert finder.herkomst("In dat overleg heb ik toegezegd u te informeren.", D, None, before) == {
        "type": "overleg",
        "datum": "2026-10-02",
    }
    before = "Op 8 september jl. hebben wij een algemeen overleg gevoerd over de dijken. "
    assert finder.herkomst("Wij hebben daarin toegezegd u een plan te sturen.", D, None, before) == {
        "type": "algemeen overleg",
        "datum": "2026-09-08",
    }


@pytest.mark.unit
def test_kamerstuk_from_the_title_block_not_the_page_footer(nlp):
    text = (
        "Tweede Kamer der Staten-Generaal 2Vergaderjaar 2025–2026 36 123Waterbeheer Nr. 7 BRIEF VAN DE "
        "MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT Aan de Voorzitter van de Tweede Kamer der Staten-Generaal "
        "Den Haag, 3 november 2026 Ik informeer u over de dijken. Tweede Kamer, vergaderjaar 2025–2026, "
        "36 123, nr. 71 Ik zal u voor de zomer informeren."
    )
    letter = nlp(text)._.kamer_letter
    assert letter["kamerstuk"] == {"dossier": "36 123", "nummer": "7"}
    assert letter["titel"] == "BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT"


@pytest.mark.unit
def test_kamerstuk_of_the_pdf_letter(nlp):
    doc = nlp(shared_path("corpus/pdf/ienm_kst-33037-49_pdftext.txt").read_text(encoding="utf-8"))
    assert doc._.kamer_letter["kamerstuk"] == {"dossier": "33 037", "nummer": "49"}


@pytest.mark.unit
def test_a_footer_alone_loses_the_glued_page_number(nlp):
    text = (
        "Ik informeer u over de dijken.\n\nTweede Kamer, vergaderjaar 2025–2026, 36 123, nr. 71\n\n"
        "Ik zal u voor de zomer informeren.\n\nTweede Kamer, vergaderjaar 2025–2026, 36 123, nr. 72\n"
    )
    assert nlp(text)._.kamer_letter["kamerstuk"] == {"dossier": "36 123", "nummer": "7"}


@pytest.mark.unit
def test_dossier_alone_on_its_line_keeps_its_chapter(nlp):
    text = (
        "36 200 XII\nVaststelling van de begroting\n\nNr. 5\nBRIEF VAN DE MINISTER VAN DEFENSIE\n\nIk zal u informeren."
    )
    letter = nlp(text)._.kamer_letter
    assert letter["kamerstuk"] == {"dossier": "36 200 XII", "nummer": "5"}
    assert letter["dossier_titel"] == "Vaststelling van de begroting"


@pytest.mark.unit
def test_a_web_copy_date_dates_jl_but_is_not_the_letter_date(nlp):
    doc = nlp(
        "Snelle inzet van de marine\n\n14-05-2026\n\n"
        "In de Voorjaarsnota van 2 mei jl. heeft het kabinet toegezegd u te informeren. "
        "Zoals toegezegd in mijn brief van 2 mei jl. informeer ik u hierbij over de inzet."
    )
    assert doc._.kamer_letter["datum"] is None and doc._.kamer_letter["webdatum"] == "2026-05-14"
    settled = [s for s in doc.spans["toezeggingen"] if s._.kamer_status == "nagekomen"]
    assert settled and settled[-1]._.kamer_herkomst == {"type": "brief", "datum": "2026-05-02"}


def _committer(nlp, head: str, body: str, signature: str = "") -> str:
    doc = nlp(head + "\n\nDen Haag, 3 november 2026\n\n" + body + signature)
    return doc.spans["toezeggingen"][0]._.kamer_bewindspersoon


@pytest.mark.unit
def test_the_office_the_sentence_names_commits(nlp):
    head = "BRIEF VAN DE MINISTER EN DE STAATSSECRETARIS VAN FINANCIËN"
    body = "De staatssecretaris zal uw Kamer voor de zomer informeren over de kosten."
    assert _committer(nlp, head, body) == "Staatssecretaris van Financiën"
    # "ik" (with or without a colleague) is the first author, as for "wij" and a passive
    body = "De staatssecretaris en ik zullen uw Kamer voor de zomer informeren over de kosten."
    assert _committer(nlp, head, body) == "Minister van Financiën"


@pytest.mark.unit
def test_the_first_signatory_beats_the_order_of_the_title(nlp):
    head = "BRIEF VAN DE MINISTERS VAN FINANCIËN EN VAN DEFENSIE"
    body = "Wij zullen uw Kamer voor de zomer een brief sturen over de kosten."
    signature = "\n\nDe Minister van Defensie,\nJ. Jansen\n\nDe Minister van Financiën,\nP. Pietersen"
    assert _committer(nlp, head, body, signature) == "Minister van Defensie"


@pytest.mark.unit
def test_an_office_opening_the_sentence_commits_even_untagged(nlp):
    head = "BRIEF VAN DE MINISTER VAN FINANCIËN"
    body = "De Staatssecretaris van EZK zal uw Kamer voor de zomer informeren over de kosten."
    assert _committer(nlp, head, body) == "Staatssecretaris van EZK"
