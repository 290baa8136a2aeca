from conftest import seed_text


def minister(doc, text):
    return next(e for e in doc.ents if e.label_ == "MINISTER" and e.text == text)


def test_letter_metadata_from_the_title_block_and_signature(nlp):
    doc = nlp(seed_text("kst-28676-235"))
    assert doc._.letter == {
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
    assert doc._.letter["kamerstuk"] == {"dossier": "28 676", "nummer": "325"}
    assert doc._.letter["ondertekenaars"] == [
        {"functie": "Minister van Defensie", "naam": "A.Th.B. Bijleveld-Schouten"}
    ]


def test_minister_links_office_person_and_country(nlp):
    doc = nlp(seed_text("kst-28676-235"))
    koenders = minister(doc, "A.G. Koenders")
    assert (koenders._.persoon, koenders._.functie, koenders._.land) == (
        "Bert Koenders",
        "Minister van Buitenlandse Zaken",
        "NL",
    )
    heading = minister(doc, "MINISTER VAN BUITENLANDSE ZAKEN")
    assert (heading._.functie, heading._.persoon, heading._.land) == (
        "Minister van Buitenlandse Zaken",
        "Bert Koenders",
        "NL",
    )
    afghan = minister(doc, "Afghaanse Minister van Buitenlandse Zaken")
    assert (afghan._.functie, afghan._.persoon, afghan._.land) == ("Minister van Buitenlandse Zaken", None, "AF")
    kerry = minister(doc, "Minister Kerry")
    assert (kerry._.functie, kerry._.land) == (None, None)  # the text does not say; never guessed


def test_bewindspersoon_by_office_on_the_letter_date(nlp):
    doc = nlp("Den Haag, 14 mei 2019\n\nDe Minister van Defensie heeft de Kamer geïnformeerd.")
    ent = minister(doc, "Minister van Defensie")
    assert (ent._.persoon, ent._.land) == ("Ank Bijleveld", "NL")


def test_toezegging_attributes(nlp):
    doc = nlp(
        "Den Haag, 30 oktober 2019\n\n"
        "Ik zal uw Kamer voor 1 juni a.s. informeren over de uitkomst van het onderzoek.\n\n"
        "De Minister van Defensie,\nA.Th.B. Bijleveld-Schouten"
    )
    span = doc.spans["toezeggingen"][0]
    assert span._.status == "nieuw"
    assert (span._.bewindspersoon, span._.ministerie) == ("Minister van Defensie", "Defensie")
    assert (span._.termijn, span._.termijn_datum) == ("voor 1 juni a.s.", "2020-06-01")
    assert span._.onderwerp == "de uitkomst van het onderzoek"
    assert span._.herkomst is None


def test_ministers_without_portfolio_belong_to_their_host_ministry(nlp):
    doc = nlp(
        "Den Haag, 5 maart 2019\n\nIk zal uw Kamer voor de zomer een brief sturen.\n\n"
        "De Minister voor Rechtsbescherming,\nS. Dekker"
    )
    span = doc.spans["toezeggingen"][0]
    assert (span._.bewindspersoon, span._.ministerie) == ("Minister voor Rechtsbescherming", "Justitie en Veiligheid")
