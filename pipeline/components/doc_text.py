"""A Doc's text, built once per Doc: spaCy rebuilds ``Doc.text`` from every token on each access.

The text of a Doc never changes (retokenizing keeps it), so it is kept beside the Doc for as long as the Doc
lives (a weak reference: nothing is kept after, and nothing is added to the Doc or its serialisation).
"""

import weakref

from spacy.tokens import Doc

_TEXTS: "weakref.WeakKeyDictionary[Doc, str]" = weakref.WeakKeyDictionary()


def text_of(doc: Doc) -> str:
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text
