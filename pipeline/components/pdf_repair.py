"""Repair PDF extraction damage on tokens, never on the string.

* A word split at a line end ("verantwoorde-\\nlijkheid") or with a space
  ("toesla- gen") becomes one token whose NORM is the joined word, so taggers
  and the statistical model see "verantwoordelijkheid" while Doc.text and
  every character offset stay exactly as read.
* Running page headers and footers ("Tweede Kamer, vergaderjaar 2019–2020,
  28 676, nr. 325 3") are marked ``token._.is_furniture`` so that taggers skip
  them and sentences run through them.
"""

import re
from typing import List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..extensions import FURNITURE_KEY, is_furniture
from ..resource_files import read_jsonl, read_list
from .serialize import DataBackedComponent


@Language.factory(
    "kamer_pdf_repair",
    default_config={
        "furniture_file": "page_furniture.jsonl",
        "no_join_file": "hyphen_no_join.txt",
        "resources_dir": None,
    },
)
def make_pdf_repair(nlp, name, furniture_file, no_join_file, resources_dir: Optional[str]):
    data = {
        "furniture": read_jsonl(furniture_file, resources_dir),
        # "land- en tuinbouw": the hyphen stands for an elided word, not a break
        "no_join": read_list(no_join_file, resources_dir),
    }
    return PdfRepair(name, data)


class PdfRepair(DataBackedComponent):
    def _build(self) -> None:
        self.furniture = [
            (row["id"], re.compile(row["pattern"], re.MULTILINE)) for row in self.data["furniture"]
        ]
        self.no_join = {w.lower() for w in self.data["no_join"]}

    def __call__(self, doc: Doc) -> Doc:
        self._merge_broken_words(doc)
        self._mark_furniture(doc)
        return doc

    # -- hyphenation -------------------------------------------------------
    def _merge_broken_words(self, doc: Doc) -> None:
        merges = []
        i = 0
        while i < len(doc) - 1:
            doc[i]
            end = self._continuation_end(doc, i)
            if end is None:
                i += 1
                continue
            merges.append((i, end, self._joined_norm(doc[i:end])))
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
        if not crossed_newline:
            # "toesla- gen": only a single space, and the rest must be lower case
            if tok.whitespace_ != " " or j != i + 1 or not nxt.text[0].islower():
                return None
        return j + 1

    @staticmethod
    def _joined_norm(span) -> str:
        first, last = span[0].text, span[-1].text
        stem = first[:-1]
        # "Noord-\nAtlantische" keeps its hyphen; "verantwoorde-\nlijkheid" loses it
        keep_hyphen = last[0].isupper() or stem[-1].isupper() or stem[-1].isdigit()
        return (stem + ("-" if keep_hyphen else "") + last).lower()

    # -- page headers and footers -------------------------------------------
    def _mark_furniture(self, doc: Doc) -> None:
        text = doc.text  # built anew on every access: read once
        marks = bytearray(len(doc))
        for _rule, pattern in self.furniture:
            for m in pattern.finditer(text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None:
                    marks[span.start: span.end] = b"\x01" * len(span)
        doc.user_data[FURNITURE_KEY] = bytes(marks)


def is_skippable(token: Token) -> bool:
    """Tokens a tagger steps over: whitespace and page furniture."""
    return token.is_space or is_furniture(token)


def content_tokens(tokens) -> List[Token]:
    """The tokens of a Doc or Span that are neither whitespace nor furniture (one pass, no per-token lookups)."""
    doc = tokens.doc if hasattr(tokens, "doc") and not isinstance(tokens, Doc) else tokens
    marks = doc.user_data.get(FURNITURE_KEY) or b""
    if not marks:
        return [t for t in tokens if not t.is_space]
    return [t for t in tokens if not t.is_space and marks[t.i] != 1]
