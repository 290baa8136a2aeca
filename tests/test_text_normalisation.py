"""Invisible characters and decomposed accents change nothing that the rules see.

Soft hyphens, zero-width spaces and joiners, a stray BOM and combining accents
are left in Doc.text (offsets stay as read); tokens carry the clean NORM and
the taggers match as on the clean text.
"""

import pytest

INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
SENTENCE = "De Minister van Defensie heeft besloten. Hij zal uw Kamer voor de zomer informeren over de missie."


def spans_of(doc, label):
    return [(e.start_char, e.end_char, e._.kamer_rule) for e in doc.ents if e.label_ == label]


def shifted(spans, at, by=1):
    """The clean text's spans with ``by`` characters inserted at offset ``at``."""
    return [(s + (by if s >= at else 0), e + (by if e > at else 0), rule) for s, e, rule in spans]


def dirty(text, word, at, char):
    """``text`` with ``char`` inserted ``at`` characters into the first ``word``."""
    pos = text.index(word) + at
    return text[:pos] + char + text[pos:], pos


@pytest.mark.parametrize("char", INVISIBLE)
@pytest.mark.parametrize("word,at", [("Minister", 4), ("Defensie", 5)])
def test_invisible_character_inside_a_word_keeps_the_minister_span(nlp, char, word, at):
    text, pos = dirty(SENTENCE, word, at, char)
    doc = nlp(text)
    assert doc.text == text
    expected = shifted(spans_of(nlp(SENTENCE), "MINISTER"), pos)
    assert expected and spans_of(doc, "MINISTER") == expected
    assert text[expected[0][0] : expected[0][1]] == "Minister van Defensie".replace(word, word[:at] + char + word[at:])


@pytest.mark.parametrize("char", INVISIBLE)
def test_invisible_character_at_a_word_edge_stays_outside_the_span(nlp, char):
    for text in (
        SENTENCE.replace("De Minister", "De " + char + "Minister"),
        SENTENCE.replace("Defensie heeft", "Defensie" + char + " heeft"),
    ):
        pos = next(i for i, c in enumerate(text) if c == char)
        doc = nlp(text)
        assert spans_of(doc, "MINISTER") == shifted(spans_of(nlp(SENTENCE), "MINISTER"), pos)
        assert [e.text for e in doc.ents] == ["Minister van Defensie"]


def test_decomposed_accent_matches_the_composed_name(nlp):
    composed = "De Minister van Financiën heeft besloten."
    text = composed.replace("ë", "e\u0308")
    doc = nlp(text)
    assert doc.text == text
    pos = text.index("\u0308")
    assert spans_of(doc, "MINISTER") == shifted(spans_of(nlp(composed), "MINISTER"), pos)
    assert [e.text for e in doc.ents] == ["Minister van Financie\u0308n"]


def test_token_rule_sees_the_clean_word(nlp):
    clean = "Gisteren sprak minister Blok met zijn ambtgenoot."
    text = clean.replace("Blok", "Bl\u00adok")
    assert spans_of(nlp(text), "MINISTER") == shifted(spans_of(nlp(clean), "MINISTER"), text.index("\u00ad"))
    assert [e.text for e in nlp(text).ents] == ["minister Bl\u00adok"]


@pytest.mark.parametrize("char", INVISIBLE)
def test_toezegging_with_an_invisible_character_in_the_verb(nlp, char):
    clean = "Ik zal uw Kamer voor de zomer informeren over de voortgang."
    text = clean.replace("informeren", "infor" + char + "meren")
    clean_doc, doc = nlp(clean), nlp(text)
    want = [(s.start_char, s.end_char, s._.kamer_rule, s._.kamer_status) for s in clean_doc.spans["toezeggingen"]]
    got = [(s.start_char, s.end_char, s._.kamer_rule, s._.kamer_status) for s in doc.spans["toezeggingen"]]
    assert want and got == [(0, len(text), rule, status) for _, _, rule, status in want]


@pytest.mark.parametrize("char", INVISIBLE)
def test_invisible_character_after_a_full_stop_still_ends_the_sentence(nlp, char):
    text = SENTENCE.replace("besloten. Hij", "besloten." + char + " Hij")
    doc = nlp(text)
    assert [s.text.strip() for s in doc.sents] == [
        "De Minister van Defensie heeft besloten." + char,
        "Hij zal uw Kamer voor de zomer informeren over de missie.",
    ]


@pytest.mark.parametrize("char", INVISIBLE + ["\u0301"])
def test_content_norms_equal_those_of_the_clean_text(blank_nlp, char):
    clean = "Het kabinet stuurt de brief (Kamerstuk 32 623, nr. 3) aan de Kamer. Dat is jl. besproken."
    if char == "\u0301":
        text = clean.replace("stuurt", "stuu\u0301rt").replace("brief", "brie\u0301f")
        clean = text.replace("u\u0301", "\u00fa").replace("e\u0301", "\u00e9")
    else:
        text = clean.replace("Het ", "Het " + char).replace("Kamer.", "Kamer" + char + ".")
        text = text.replace("623", "6" + char + "23")

    def norms(doc):
        return [t.norm_ for t in doc if not t.is_space]

    doc = blank_nlp(text)
    assert doc.text == text
    assert norms(doc) == norms(blank_nlp(clean))
    assert len(list(doc.sents)) == len(list(blank_nlp(clean).sents)) == 2


def test_saved_pipeline_still_reads_invisible_characters_as_space(blank_nlp, tmp_path):
    import spacy

    text = "De Minister \u200b van Defensie\u2060 heeft besloten."
    blank_nlp.to_disk(tmp_path / "pipeline")
    doc = spacy.load(tmp_path / "pipeline")(text)  # loading the vocab drops lexemes made before
    assert [t.text for t in doc if t.is_space] == ["\u200b", "\u2060"]
    assert [(e.text, e.label_) for e in doc.ents] == [("Minister \u200b van Defensie", "MINISTER")]


LETTER = (
    "Den Haag, 3 maart 2015\n\nIk zal uw Kamer voor de zomer informeren over de voortgang.\n\n"
    "De Minister van Financiën,\n\nJ.R.V.A. Dijsselbloem\n"
)


def links(doc):
    ministers = [(e._.kamer_functie, e._.kamer_persoon, e._.kamer_land) for e in doc.ents if e.label_ == "MINISTER"]
    promises = [
        (s._.kamer_bewindspersoon, s._.kamer_ministerie, s._.kamer_termijn_datum) for s in doc.spans["toezeggingen"]
    ]
    return ministers, promises, doc._.kamer_letter["ondertekenaars"], doc._.kamer_letter["datum"]


def test_attributes_and_letter_meta_read_the_clean_words(blank_nlp):
    damaged = (
        LETTER.replace("Minister", "Mini\u00adster")
        .replace("Financiën", "Financie\u0308n")
        .replace("zomer", "zo\u00admer")
        .replace("maart", "ma\u200bart")
    )
    clean, dirty_doc = blank_nlp(LETTER), blank_nlp(damaged)
    assert links(dirty_doc) == links(clean)
    assert links(clean)[0][0] == ("Minister van Financiën", "Jeroen Dijsselbloem", "NL")
    promise = dirty_doc.spans["toezeggingen"][0]
    assert (
        promise._.kamer_termijn == "voor de zo\u00admer" and promise._.kamer_termijn in promise.text
    )  # words as in the input
