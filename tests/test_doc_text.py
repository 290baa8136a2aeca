"""A Doc's text built once per Doc (components/doc_text.py): the same text, kept only while the Doc lives."""

import gc

import pytest
import spacy

from pipeline.components.doc_text import _TEXTS, text_of

pytestmark = pytest.mark.unit


def test_the_text_is_the_docs_own_and_built_once():
    nlp = spacy.blank("nl")
    doc = nlp("De Minister van Defensie,\n\nA.Th.B. Bijleveld")
    first = text_of(doc)
    assert first == doc.text
    assert text_of(doc) is first  # not built again
    other = nlp("Een andere brief.")
    assert text_of(other) == "Een andere brief."


def test_nothing_is_kept_after_the_doc_is_gone():
    nlp = spacy.blank("nl")
    doc = nlp("Tijdelijk.")
    text_of(doc)
    before = len(_TEXTS)
    del doc
    gc.collect()
    assert len(_TEXTS) == before - 1
