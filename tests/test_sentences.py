from conftest import seed_text, shared_path


def sentence_of(doc, needle):
    start = doc.text.index(needle)
    for sent in doc.sents:
        if sent.start_char <= start < sent.end_char:
            return sent
    raise AssertionError(needle)


def test_hard_line_breaks_do_not_split_a_sentence(nlp):
    doc = nlp(seed_text("kst-28676-235"))
    sent = sentence_of(doc, "Hierbij bied ik u")
    assert sent.text.strip().endswith("in Brussel bijeen kwam.")
    assert sent.text.count("\n") == 2


def test_jl_can_end_a_sentence_but_not_before_a_comma(nlp):
    doc = nlp(seed_text("kst-28676-325"))
    first = sentence_of(doc, "Met deze brief wordt")
    assert first.text.strip().endswith("16 oktober jl.")
    assert sentence_of(doc, "Dat betreft allereerst").text.startswith("Dat betreft")
    conform = sentence_of(nlp(seed_text("kst-28676-235")), "conform ook de toezegging")
    assert "25 november jl., in deze" in conform.text


def test_abbreviations_inside_sentences(nlp):
    doc = nlp(seed_text("kst-28676-325"))
    assert "in Londen." in sentence_of(doc, "op 3 en 4 december as.").text
    assert "nr. 281) en gaat in op" in sentence_of(doc, "(Kamerstuk 32 623, nr. 281)").text


def test_heading_without_full_stop_is_its_own_sentence(nlp):
    doc = nlp(seed_text("kst-28676-235"))
    heading = sentence_of(doc, "Resolute Support Missie Afghanistan")
    assert heading.text.strip() == "Resolute Support Missie Afghanistan"


def test_sentence_cut_by_page_footer_keeps_it_inside(nlp):
    text = (
        "Nederland heeft het aanbod herhaald om experts te leveren voor het \n"
        "Tweede Kamer, vergaderjaar 2019–2020, 28 676, nr. 325 3\n\n\n\n"
        "Counter Hybrid Support Team dat binnenkort wordt ontplooid. Het team wordt samengesteld."
    )
    doc = nlp(text)
    sent = sentence_of(doc, "Nederland heeft")
    assert "Counter Hybrid Support Team dat binnenkort wordt ontplooid." in sent.text


def test_numbered_heading_in_hard_wrapped_copy():
    import pipeline

    text = shared_path("corpus/dev/jv_kst-29279-494.txt").read_text(encoding="utf-8")
    doc = pipeline.load("blank:nl")(text)
    heading = sentence_of(doc, "1. Inleiding")
    assert heading.text.strip() == "1. Inleiding"
    date = sentence_of(doc, "Den Haag, 5 maart 2019")
    assert date.text.strip() == "Den Haag, 5 maart 2019"
