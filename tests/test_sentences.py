import pytest
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


LIST_MARKERS = [("a)", "b)"), ("a.", "b."), ("(a)", "(b)"), ("i)", "ii)"), ("1)", "2)"), ("(1)", "(2)")]


@pytest.mark.parametrize("first,second", LIST_MARKERS)
def test_line_initial_list_marker_starts_a_sentence(blank_nlp, first, second):
    text = (
        "Ik zeg het volgende toe:\n"
        f"{first} uw Kamer ontvangt voor de zomer een brief,\n"
        f"{second} de evaluatie volgt in 2024."
    )
    doc = blank_nlp(text)
    assert sentence_of(doc, f"{first} uw Kamer").text.strip() == f"{first} uw Kamer ontvangt voor de zomer een brief,"
    assert sentence_of(doc, f"{second} de evaluatie").text.strip() == f"{second} de evaluatie volgt in 2024."


@pytest.mark.parametrize("first,second", LIST_MARKERS)
def test_list_items_in_hard_wrapped_text_are_sentences(blank_nlp, first, second):
    text = (
        "De Minister heeft in het debat van 3 februari jongstleden het volgende\n"
        "toegezegd aan de leden van de vaste commissie voor Defensie van de Kamer:\n"
        f"{first} uw Kamer ontvangt voor de zomer een brief over de voortgang van de missie;\n"
        f"{second} de evaluatie van de inzet wordt in het najaar van 2024 aan uw Kamer gestuurd;\n"
        "en de Kamer wordt nog voor het reces geïnformeerd over de uitkomsten van het overleg.\n"
    )
    doc = blank_nlp(text)
    item = sentence_of(doc, f"{first} uw Kamer")
    assert item.text.startswith(first) and item.text.rstrip().endswith("van de missie;")
    assert sentence_of(doc, f"{second} de evaluatie").text.startswith(second)


def test_list_marker_rule_leaves_references_and_running_brackets_alone(blank_nlp):
    text = (
        "Zoals gemeld in mijn brief over de voortgang van de missie (Kamerstuk 32 623, nr.\n"
        "3) en in de beantwoording van de vragen van het lid Van der Staaij over de inzet\n"
        "in de regio, bedoeld in artikel 5, eerste lid, onder (a) en (b), van de wet, onder\n"
        "(c), en zoals besproken in het commissiedebat, zal ik uw Kamer voor de zomer informeren.\n"
    )
    doc = blank_nlp(text)
    assert len(list(doc.sents)) == 1
