"""Gold records as spaCy Docs in a DocBin, for ``python -m spacy evaluate PIPELINE gold.spacy``.

The reverse of records.doc_to_record: each gold document becomes a Doc of its text, cut into the tokens of
the pipeline's tokenizer and, where a gold offset falls inside a token or its trailing space, also there (a
Span is made of whole tokens; the pipeline's own spans never need that cut, and scoring compares character
offsets). Entities go
to ``doc.ents``, toezeggingen to ``doc.spans[spans_key]`` with label TOEZEGGING, and status and attributes to
``span._`` values, which the DocBin keeps in its user data.
"""

from typing import Iterable, List, Set, Tuple

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from pipeline.components import extensions  # noqa: F401  (span._ names the values are stored under)
from pipeline.evaluation.annotations import Annotation, Document
from pipeline.schema import ENTITY_LABELS, TOEZEGGING, extension


def gold_docbin(documents: Iterable[Document], nlp: Language, spans_key: str) -> DocBin:
    """``nlp``: anything with the pipeline's tokenizer (assemble.tokenizer_only())."""
    docbin = DocBin(store_user_data=True)
    for document in documents:
        docbin.add(gold_doc(document, nlp, spans_key))
    return docbin


def gold_doc(document: Document, nlp: Language, spans_key: str) -> Doc:
    text = document.text
    starts = {span.start for span in document.spans}
    ends = {span.end for span in document.spans}
    words: List[str] = []
    spaces: List[bool] = []
    for token in nlp.make_doc(text):
        end = token.idx + len(token.text)
        for a, b in _pieces(token.idx, end, starts | ends):
            words.append(text[a:b])
            spaces.append(False)
        if token.whitespace_ and (end in starts or end + 1 in ends):
            words.append(token.whitespace_)  # a span starts at the space or ends just after it: a token of its own
            spaces.append(False)
        else:
            spaces[-1] = bool(token.whitespace_)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.ents = [_span(doc, s, document.id) for s in document.spans if s.label in ENTITY_LABELS]
    doc.spans[spans_key] = [_span(doc, s, document.id) for s in document.spans if s.label == TOEZEGGING]
    return doc


def _pieces(start: int, end: int, cuts: Set[int]) -> List[Tuple[int, int]]:
    bounds = [start, *sorted(c for c in cuts if start < c < end), end]
    return list(zip(bounds, bounds[1:]))


def _span(doc: Doc, annotation: Annotation, doc_id: str) -> Span:
    span = doc.char_span(annotation.start, annotation.end, label=annotation.label)
    if span is None:  # cannot happen: every offset is a token boundary (kept as a check, naming the span)
        raise ValueError(f"document {doc_id}: {annotation.label} {annotation.start}-{annotation.end} is not a span")
    if annotation.label == TOEZEGGING:
        span._.kamer_status = annotation.status
    for name, value in annotation.attrs.items():
        setattr(span._, extension(name), value)
    return span
