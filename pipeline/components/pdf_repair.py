"""Repair PDF extraction damage on tokens, never on the string.

* A word split at a line end ("verantwoorde-\\nlijkheid") or with a space
  ("toesla- gen") becomes one token whose NORM is the joined word, so taggers
  and the statistical model see "verantwoordelijkheid" while Doc.text and
  every character offset stay exactly as read.
* Characters that do not show (soft hyphen, zero-width space and joiners, word
  joiner, a stray BOM) and decomposed accents ("e" + U+0308) are cleaned the
  same way: a token keeps its text and gets the NORM of the word as it reads,
  characters at a token's edge become tokens of their own that count as
  whitespace, and a word broken by a soft hyphen at a line end is joined.
  Rules that match on the surface run on ``visible_doc(doc)``.
* Running page headers and footers ("Tweede Kamer, vergaderjaar 2019–2020,
  28 676, nr. 325 3") are marked ``token._.kamer_is_furniture`` so that taggers skip
  them and sentences run through them.
"""

import re
import unicodedata
from typing import List, Optional, Tuple, Union

from spacy.attrs import DEP, HEAD, IS_SPACE, LEMMA, MORPH, NORM, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from pipeline.components.doc_text import text_of
from pipeline.components.extensions import FURNITURE_KEY, is_furniture
from pipeline.components.serialize import DataBackedComponent
from pipeline.knowledge.resource_files import read_jsonl, read_list
from pipeline.knowledge.text_repair import (
    BLANK,
    INVISIBLE,
    SOFT_HYPHEN,
    joined_word,
    needs_cleaning,
    visible_text,
)
from pipeline.schema import extension


@Language.factory(
    "kamer_pdf_repair",
    default_config={
        "furniture_file": "page_furniture.jsonl",
        "no_join_file": "hyphen_no_join.txt",
        "resources_dir": None,
    },
    # joins broken words into one token; page furniture is marked per token
    retokenizes=True,
    assigns=["token.norm", "token._.kamer_is_furniture"],
)
def make_pdf_repair(nlp, name, furniture_file, no_join_file, resources_dir: Optional[str]):
    data = {
        "furniture": read_jsonl(furniture_file, resources_dir),
        # "land- en tuinbouw": the hyphen stands for an elided word, not a break
        "no_join": read_list(no_join_file, resources_dir),
    }
    return PdfRepair(nlp, name, data)


class PdfRepair(DataBackedComponent):
    def __init__(self, nlp: Language, name: str, data: dict):
        self.nlp = nlp  # its tokenizer splits a word that an invisible character had glued to punctuation
        count_invisible_as_space(nlp.vocab)
        super().__init__(name, data)

    def _build(self) -> None:
        self.furniture = [(row["id"], re.compile(row["pattern"], re.MULTILINE)) for row in self.data["furniture"]]
        self.no_join = {w.lower() for w in self.data["no_join"]}

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        if needs_cleaning(text):
            self._clean_invisible(doc)
        self._merge_broken_words(doc, soft_hyphens=SOFT_HYPHEN in text)
        self._mark_furniture(doc, text)
        return doc

    # -- invisible characters and decomposed accents ---------------------------
    def _clean_invisible(self, doc: Doc) -> None:
        """Give each token the NORM of the word as it reads; split off what hid a token boundary."""
        splits = []
        for tok in doc:
            if tok.is_space or not needs_cleaning(tok.text):
                continue
            pieces = self._pieces(tok.text)
            if len(pieces) == 1:
                tok.norm_ = pieces[0][1]
            else:
                splits.append((tok, pieces))
        if not splits:
            return
        with doc.retokenize() as retok:
            for tok, pieces in splits:
                # heads are placeholders: the parser, if any, runs later and sets them
                retok.split(
                    tok,
                    [orth for orth, _ in pieces],
                    heads=[(tok, 0)] * len(pieces),
                    attrs={"NORM": [norm for _, norm in pieces]},
                )

    def _pieces(self, text: str) -> List[Tuple[str, str]]:
        """(orth, norm) of the tokens ``text`` splits into: the tokens of its visible form, each
        keeping the invisible characters inside it; one token per invisible character between them."""
        visible, spans = visible_with_offsets(text)
        pieces: List[Tuple[str, str]] = []
        pos = 0
        for sub in self.nlp.tokenizer(visible) if visible else []:
            start, end = spans[sub.idx][0], spans[sub.idx + len(sub.text) - 1][1]
            pieces.extend((ch, ch) for ch in text[pos:start])
            pieces.append((text[start:end], sub.norm_))
            pos = end
        pieces.extend((ch, ch) for ch in text[pos:])
        if "".join(orth for orth, _ in pieces) != text:  # a boundary inside one composed character
            return [(text, self.nlp.vocab[visible].norm_ if visible else text)]
        return pieces

    # -- hyphenation -------------------------------------------------------
    def _merge_broken_words(self, doc: Doc, soft_hyphens: bool) -> None:
        merges = []
        i = 0
        while i < len(doc) - 1:
            end = self._continuation_end(doc, i)
            if end is not None:
                merges.append((i, end, self._joined_norm(doc[i:end])))
            elif soft_hyphens and (end := self._soft_hyphen_end(doc, i)) is not None:
                # a soft hyphen only ever marks a break inside one word: never kept
                merges.append((i, end, visible_text(doc[i].text + doc[end - 1].text).lower()))
            else:
                i += 1
                continue
            i = end
        if not merges:
            return
        with doc.retokenize() as retok:
            for start, end, norm in merges:
                retok.merge(doc[start:end], attrs={"NORM": norm})

    def _continuation_end(self, doc: Doc, i: int) -> Optional[int]:
        """End index (exclusive) of the merge starting at a token ending in '-'."""
        tok = doc[i]
        text = tok.text
        if len(text) < 3 or not text.endswith("-") or not text[-2].isalpha():
            return None
        j = i + 1
        crossed_newline = "\n" in tok.whitespace_
        while j < len(doc) and doc[j].is_space:
            crossed_newline = crossed_newline or "\n" in doc[j].text
            j += 1
        if j >= len(doc):
            return None
        nxt = doc[j]
        if not nxt.text[:1].isalpha() or nxt.lower_ in self.no_join:
            return None
        # "toesla- gen" (no line break): only a single space, and the rest must be lower case
        if not crossed_newline and (tok.whitespace_ != " " or j != i + 1 or not nxt.text[0].islower()):
            return None
        return j + 1

    @staticmethod
    def _soft_hyphen_end(doc: Doc, i: int) -> Optional[int]:
        """End index (exclusive) of "verantwoorde" + soft hyphen + line break + "lijkheid"."""
        tok = doc[i]
        if tok.whitespace_ or doc[i + 1].text != SOFT_HYPHEN or not tok.text[-1:].isalpha():
            return None
        j = i + 1
        while j < len(doc) and doc[j].is_space:
            j += 1
        if j >= len(doc) or not doc[j].text[:1].isalpha():
            return None
        # only a line break says the word goes on: "Defensie\u00ad heeft" stays two words
        return j + 1 if "\n" in doc[i + 1 : j].text_with_ws else None

    @staticmethod
    def _joined_norm(span) -> str:
        # "Noord-\nAtlantische" keeps its hyphen; "verantwoorde-\nlijkheid" loses it
        return joined_word(visible_text(span[0].text)[:-1], visible_text(span[-1].text)).lower()

    # -- page headers and footers -------------------------------------------
    def _mark_furniture(self, doc: Doc, text: str) -> None:
        marks = bytearray(len(doc))
        for _rule, pattern in self.furniture:
            for m in pattern.finditer(text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None:
                    marks[span.start : span.end] = b"\x01" * len(span)
        doc.user_data[FURNITURE_KEY] = bytes(marks)


def is_skippable(token: Token) -> bool:
    """Tokens a tagger steps over: whitespace and page furniture."""
    return token.is_space or is_furniture(token)


def content_tokens(tokens: Union[Doc, Span]) -> List[Token]:
    """The tokens of a Doc or Span that are neither whitespace nor furniture (one pass, no per-token lookups)."""
    marks = tokens.doc.user_data.get(FURNITURE_KEY) or b""  # a Doc's .doc is the Doc itself
    if not marks:
        return [t for t in tokens if not t.is_space]
    return [t for t in tokens if not t.is_space and marks[t.i] != 1]


# -- text as it reads --------------------------------------------------------------
def visible_with_offsets(text: str) -> Tuple[str, List[Tuple[int, int]]]:
    """``visible_text(text)`` and for each of its characters the (start, end) it comes from in ``text``."""
    clusters: List[List[int]] = []  # a base character with its combining accents
    for i, ch in enumerate(text):
        if ch in INVISIBLE:
            continue
        if clusters and unicodedata.combining(ch):
            clusters[-1][1] = i + 1
        else:
            clusters.append([i, i + 1])
    out, spans = [], []
    for start, end in clusters:
        part = visible_text(text[start:end])
        out.append(part)
        spans.extend([(start, end)] * len(part))
    visible = "".join(out)
    if visible != visible_text(text):  # composition across clusters (rare scripts): one block
        visible = visible_text(text)
        spans = [(0, len(text))] * len(visible)
    return visible, spans


def is_blank(text: str) -> bool:
    """Only whitespace and invisible characters (what stands before a word at a line start)."""
    return not text or BLANK.fullmatch(text) is not None


def count_invisible_as_space(vocab: Vocab) -> None:
    """A token made only of invisible characters is whitespace to every rule and matcher."""
    # lex_attr_getters is public Vocab API that spaCy's type stubs leave out
    getter = vocab.lex_attr_getters.get(IS_SPACE, str.isspace)  # type: ignore[attr-defined]
    if getattr(getter, "counts_invisible", False):
        return
    # the getter also serves lexemes made anew (Vocab.from_disk drops the cached ones)
    vocab.lex_attr_getters[IS_SPACE] = _space_or_invisible(getter)  # type: ignore[attr-defined]
    for ch in INVISIBLE:
        vocab[ch].is_space = True


def _space_or_invisible(getter):
    def is_space(text: str) -> bool:
        return getter(text) or BLANK.fullmatch(text) is not None

    is_space.counts_invisible = True  # type: ignore[attr-defined]  # a mark: never wrapped twice
    return is_space


def visible_doc(doc: Doc) -> Doc:
    """``doc`` as it reads, for rules that match on the surface (case, title case, a word list).

    ``doc`` itself when it is clean; else a Doc with the same tokens, NORMs, sentence starts
    and tags whose words have no invisible characters and composed accents: token i is
    token i of ``doc``, so a match maps back by index and offsets stay those of ``doc``.
    """
    if not needs_cleaning(text_of(doc)):
        return doc
    words = [visible_text(t.text) or t.text for t in doc]
    view = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    attrs = [NORM] + [a for a in (TAG, POS, LEMMA, MORPH) if doc.has_annotation(a)]
    # a parse carries the sentence starts (spaCy refuses SENT_START beside HEAD)
    attrs += [HEAD, DEP] if doc.has_annotation("DEP") else [SENT_START]
    view.from_array(attrs, doc.to_array(attrs))  # type: ignore[arg-type]  # stubs want thinc's Ints2d
    if FURNITURE_KEY in doc.user_data:
        view.user_data[FURNITURE_KEY] = doc.user_data[FURNITURE_KEY]
    return view


def visible_doc_with_spans(doc: Doc, spans_key: str) -> Doc:
    """``visible_doc(doc)`` carrying the entities, the ``spans_key`` spans and ``doc._.kamer_letter`` (same indices)."""
    view = visible_doc(doc)
    if view is doc:
        return doc
    view.ents = [_mirror(view, e) for e in doc.ents]
    view.spans[spans_key] = [_mirror(view, s) for s in doc.spans.get(spans_key, [])]
    view._.kamer_letter = doc._.kamer_letter
    return view


def _mirror(view: Doc, span: Span) -> Span:
    copy = Span(view, span.start, span.end, label=span.label_)
    for name in ("rule", "role", "status"):
        setattr(copy._, extension(name), getattr(span._, extension(name)))
    return copy


def original_words(view_span: Span, span: Span, words: Optional[str]) -> Optional[str]:
    """Words found in ``view_span`` (clean text) as they stand in ``span`` (the same tokens of the input)."""
    if not words or view_span.doc is span.doc or words in span.text:
        return words
    at = view_span.text.find(words)
    if at < 0:
        return words
    start = view_span.start_char + at
    found = view_span.doc.char_span(start, start + len(words), alignment_mode="expand")
    return span.doc[found.start : found.end].text if found is not None else words
