import pytest
from conftest import seed_text


def minister(doc, text):
    return next(e for e in doc.ents if e.label_ == "MINISTER" and e.text == text)


def test_letter_metadata_from_the_title_block_and_signature(nlp):
    doc = nlp(seed_text("kst-28676-235"))
    assert doc._.kamer_letter == {
        "kamerstuk": {"dossier": "28 676", "nummer": "235"},
        "dossier_titel": "NAVO",
        "titel": "BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN",
        "datum": "2015-12-16",
        "ondertekenaars": [{"functie": "Minister van Buitenlandse Zaken", "naam": "A.G. Koenders"}],
        "vergaderjaar": "2015-2016",
        "webdatum": None,
    }


def test_kamerstuk_from_the_running_footer_not_from_a_citation(nlp):
    doc = nlp(seed_text("kst-28676-325"))
    assert doc._.kamer_letter["kamerstuk"] == {"dossier": "28 676", "nummer": "325"}
    assert doc._.kamer_letter["ondertekenaars"] == [
        {"functie": "Minister van Defensie", "naam": "A.Th.B. Bijleveld-Schouten"}
    ]


def person_office_country(ent):
    return ent._.kamer_persoon, ent._.kamer_functie, ent._.kamer_land


def test_minister_links_office_person_and_country(nlp):
    doc = nlp(seed_text("kst-28676-235"))
    koenders = minister(doc, "A.G. Koenders")
    assert person_office_country(koenders) == ("Bert Koenders", "Minister van Buitenlandse Zaken", "NL")
    heading = minister(doc, "MINISTER VAN BUITENLANDSE ZAKEN")
    assert person_office_country(heading) == ("Bert Koenders", "Minister van Buitenlandse Zaken", "NL")
    afghan = minister(doc, "Afghaanse Minister van Buitenlandse Zaken")
    assert person_office_country(afghan) == (None, "Minister van Buitenlandse Zaken", "AF")
    kerry = minister(doc, "Minister Kerry")
    assert (kerry._.kamer_functie, kerry._.kamer_land) == (None, None)  # the text does not say; never guessed


def test_bewindspersoon_by_office_on_the_letter_date(nlp):
    doc = nlp("Den Haag, 14 mei 2019\n\nDe Minister van Defensie heeft de Kamer geïnformeerd.")
    ent = minister(doc, "Minister van Defensie")
    assert (ent._.kamer_persoon, ent._.kamer_land) == ("Ank Bijleveld", "NL")


def test_toezegging_attributes(nlp):
    doc = nlp(
        "Den Haag, 30 oktober 2019\n\n"
        "Ik zal uw Kamer voor 1 juni a.s. informeren over de uitkomst van het onderzoek.\n\n"
        "De Minister van Defensie,\nA.Th.B. Bijleveld-Schouten"
    )
    span = doc.spans["toezeggingen"][0]
    assert span._.kamer_status == "nieuw"
    assert (span._.kamer_bewindspersoon, span._.kamer_ministerie) == ("Minister van Defensie", "Defensie")
    assert (span._.kamer_termijn, span._.kamer_termijn_datum) == ("voor 1 juni a.s.", "2020-06-01")
    assert span._.kamer_onderwerp == "de uitkomst van het onderzoek"
    assert span._.kamer_herkomst is None


def test_ministers_without_portfolio_belong_to_their_host_ministry(nlp):
    doc = nlp(
        "Den Haag, 5 maart 2019\n\nIk zal uw Kamer voor de zomer een brief sturen.\n\n"
        "De Minister voor Rechtsbescherming,\nS. Dekker"
    )
    span = doc.spans["toezeggingen"][0]
    assert (span._.kamer_bewindspersoon, span._.kamer_ministerie) == (
        "Minister voor Rechtsbescherming",
        "Justitie en Veiligheid",
    )


def test_later_cabinets_resolve_the_signer_by_name_and_a_heading_by_office(nlp):
    # an invented letter of the Schoof cabinet (bewindspersonen after the Wikidata extract of 2022)
    doc = nlp(
        "Den Haag, 12 maart 2025\n\nDe Minister van Buitenlandse Zaken en ik informeren uw Kamer over de missie.\n\n"
        "De minister van Defensie,\nR.P. Brekelmans"
    )
    signer = minister(doc, "R.P. Brekelmans")
    assert person_office_country(signer) == ("Ruben Brekelmans", "Minister van Defensie", "NL")
    heading = minister(doc, "Minister van Buitenlandse Zaken")
    assert (heading._.kamer_persoon, heading._.kamer_land) == ("Caspar Veldkamp", "NL")


@pytest.mark.parametrize(
    "datum,persoon",
    [
        ("1 juni 2022", "Wopke Hoekstra"),
        ("10 oktober 2023", "Hanke Bruins Slot"),  # after Hoekstra left on 1 September 2023
        ("2 september 2023", "Liesje Schreinemacher"),  # led the ministry in between
        ("1 oktober 2025", "David van Weel"),  # after NSC left the Schoof cabinet
        ("23 februari 2026", None),  # Van Weel's last and Berendsen's first day: two holders
        ("1 december 2026", None),  # after people_known_until an office alone names nobody
    ],
)
def test_the_minister_of_an_office_on_the_letter_date(nlp, datum, persoon):
    doc = nlp(f"Den Haag, {datum}\n\nDe Minister van Buitenlandse Zaken heeft de Kamer geïnformeerd.")
    assert minister(doc, "Minister van Buitenlandse Zaken")._.kamer_persoon == persoon


def test_after_the_data_end_a_signer_is_still_found_by_name(nlp):
    doc = nlp(
        "Den Haag, 1 december 2026\n\nHierbij informeer ik uw Kamer.\n\n"
        "De minister van Buitenlandse Zaken,\nT. Berendsen"
    )
    signer = minister(doc, "T. Berendsen")
    assert (signer._.kamer_persoon, signer._.kamer_functie) == ("Tom Berendsen", "Minister van Buitenlandse Zaken")
    heading = minister(doc, "minister van Buitenlandse Zaken")
    assert heading._.kamer_persoon == "Tom Berendsen"  # the letter's own signature beats the data
