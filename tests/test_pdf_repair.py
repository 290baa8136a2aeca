from conftest import seed_text, shared_path


def token_at(doc, needle):
    start = doc.text.index(needle)
    return doc.char_span(start, start + len(needle))


def test_line_end_hyphenation_becomes_one_token_with_joined_norm(nlp):
    text = seed_text("kst-28676-325")
    doc = nlp(text)
    span = token_at(doc, "verantwoorde-\nlijkheid")
    assert span is not None and len(span) == 1
    assert span[0].norm_ == "verantwoordelijkheid"
    assert doc.text == text  # the string is never edited


def test_capitalised_continuation_keeps_its_hyphen(nlp):
    doc = nlp(seed_text("kst-28676-235"))
    span = token_at(doc, "Noord-\nAtlantische")
    assert len(span) == 1 and span[0].norm_ == "noord-atlantische"


def test_elided_compound_is_not_joined(nlp):
    doc = nlp("De land- en tuinbouw en de in- en uitvoer blijven buiten beschouwing.")
    assert [t.text for t in doc][:4] == ["De", "land-", "en", "tuinbouw"]


def test_running_page_footer_is_furniture_but_title_block_is_not(nlp):
    doc = nlp(seed_text("kst-28676-325"))
    footer = token_at(doc, "Tweede Kamer, vergaderjaar 2019–2020, 28 676, nr. 325 3")
    assert footer is not None and all(t._.kamer_is_furniture for t in footer)
    top = nlp(seed_text("kst-28676-235"))
    assert not any(t._.kamer_is_furniture for t in token_at(top, "Tweede Kamer der Staten-Generaal 2"))


def test_pdf_extraction_space_hyphenation_and_glued_headers(blank_nlp):
    # real PDF text: "persberich- ten" and "Tweede Kamer, vergaderjaar 2011Œ2012, Aanhangsel1"
    text = shared_path("corpus/pdf/fin_ah-tk-20112012-1035_pdftext.txt").read_text(encoding="utf-8")
    doc = blank_nlp(text)
    assert doc.text == text
    norms = {t.text: t.norm_ for t in doc}
    assert norms.get("persberich- ten") == "persberichten"
    assert norms.get("www.toesla- gen.nl") == "www.toeslagen.nl"
    header = text.index("Tweede Kamer, vergaderjaar 2011Œ2012, Aanhangsel")
    furniture = [t for t in doc if t._.kamer_is_furniture]
    assert any(t.idx == header for t in furniture)
    assert not any(e for e in doc.ents if any(t._.kamer_is_furniture for t in e))


def test_soft_hyphen_at_a_line_end_joins_the_word(blank_nlp):
    text = "Dit valt onder de verantwoorde\u00ad\nlijkheid van de Minister. De Defensie\u00ad organisatie volgt."
    doc = blank_nlp(text)
    assert doc.text == text
    span = token_at(doc, "verantwoorde\u00ad\nlijkheid")
    assert span is not None and len(span) == 1 and span[0].norm_ == "verantwoordelijkheid"
    # without a line break the soft hyphen joins nothing
    assert [t.norm_ for t in doc if not t.is_space][-4:-1] == ["defensie", "organisatie", "volgt"]


def test_decomposed_accents_in_a_real_pdf_extraction_read_as_composed(blank_nlp):
    # fin_ah-tk-20112012-1035 spells "Financiën" as "Financie" + U+0308 (combining diaeresis)
    text = shared_path("corpus/pdf/fin_ah-tk-20112012-1035_pdftext.txt").read_text(encoding="utf-8")
    doc = blank_nlp(text)
    assert doc.text == text
    decomposed = [t for t in doc if "\u0308" in t.text]
    assert decomposed and all("\u0308" not in t.norm_ for t in decomposed)
    assert "staatssecretaris van Financie\u0308n" in [e.text for e in doc.ents]
