"""Sentence boundaries for letters with hard line breaks, abbreviations and headings.

Runs before any statistical parser/senter: the parser respects boundaries that
are already set (True and False), so our rules decide and the parse follows.

* A single line break inside a paragraph of a hard-wrapped (PDF) text is no
  boundary; a blank line, a short line (heading, date line) or a bullet is.
* A full stop ends a sentence when the next word starts a new one; "nr.",
  "o.a." and initials do not, "jl." and "a.s." may (abbreviations file).
* A list marker at the start of a line ("a)", "b.", "(c)", "ii)", "1)") starts
  a sentence: each item of a lettered list is a commitment of its own.
* Page furniture never starts a sentence: a sentence cut by a running header
  keeps it inside.
"""

import re
import statistics
from typing import Optional

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.components.doc_text import text_of
from pipeline.components.extensions import is_furniture
from pipeline.components.pdf_repair import content_tokens, is_blank
from pipeline.components.serialize import DataBackedComponent
from pipeline.knowledge.resource_files import read_jsonl, read_tsv

SENT_FINAL = {".", "!", "?", "…"}
# a footnote number glued to an abbreviation that may end a sentence ("c.s.1")
FOOTNOTE_AFTER_ABBREVIATION = re.compile(r"^(.+\.)(\d{1,2})$")
OPENERS = set("«“‘\"'([•–-")


@Language.factory(
    "kamer_sentences",
    default_config={
        "abbreviations_file": "abbreviations.tsv",
        "forced_breaks_file": "sentence_breaks.jsonl",
        "short_line_ratio": 0.75,
        "min_wrapped_lines": 4,
        "resources_dir": None,
    },
    assigns=["token.is_sent_start"],
)
def make_sentences(
    nlp, name, abbreviations_file, forced_breaks_file, short_line_ratio, min_wrapped_lines, resources_dir
):
    rows = read_tsv(abbreviations_file, resources_dir)
    data = {
        "forced_breaks": read_jsonl(forced_breaks_file, resources_dir),
        "sentence_final_abbrevs": [r["abbreviation"] for r in rows if r["can_end_sentence"] == "yes"],
        "short_line_ratio": short_line_ratio,
        "min_wrapped_lines": min_wrapped_lines,
    }
    return SentenceSegmenter(name, data)


class SentenceSegmenter(DataBackedComponent):
    def _build(self) -> None:
        self.final_abbrevs = {a.lower() for a in self.data["sentence_final_abbrevs"]}
        self.short_line_ratio = float(self.data["short_line_ratio"])
        self.min_wrapped_lines = int(self.data["min_wrapped_lines"])
        rows = self.data["forced_breaks"]
        self.forced = [re.compile(row["pattern"]) for row in rows if "starts_at" not in row]
        # rows naming a group whose start begins a sentence (list markers)
        self.forced_starts = [(re.compile(row["pattern"]), row["starts_at"]) for row in rows if "starts_at" in row]

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        text = text_of(doc)
        wrap_width = self._wrap_width(text)
        content = content_tokens(doc)
        starts = {0}  # leading whitespace belongs to the first sentence
        forced = self._forced_break_offsets(text)
        list_items = self._forced_start_offsets(text)
        for prev, nxt in zip(content, content[1:]):
            if (
                self._is_boundary(doc, text, prev, nxt, wrap_width)
                or prev.idx + len(prev.text) in forced
                or (nxt.idx in list_items and not self._is_inner_abbreviation(prev))
            ):
                starts.add(nxt.i)
        # one array write: setting token.is_sent_start one by one re-checks the whole doc each time
        values = numpy.full((len(doc), 1), -1, dtype="int64")
        values[sorted(starts), 0] = 1
        # -1 (not a start) as spaCy stores it; the stubs want thinc's Ints2d, a numpy array is what it takes
        doc.from_array([SENT_START], values.astype("uint64"))  # type: ignore[arg-type]
        return doc

    def _forced_break_offsets(self, text: str) -> set:
        """Ends of letter-structure lines ("Den Haag, 28 maart 2013") that close a sentence."""
        return {m.end() for pattern in self.forced for m in pattern.finditer(text)}

    def _forced_start_offsets(self, text: str) -> set:
        """Starts of list markers at the beginning of a line ("a) ...", "(b) ...")."""
        return {m.start(group) for pattern, group in self.forced_starts for m in pattern.finditer(text)}

    def _is_inner_abbreviation(self, tok: Token) -> bool:
        # "(Kamerstuk 32 623, nr.\n3) en ...": the number after "nr." is no list item
        return len(tok.text) > 1 and tok.text.endswith(".") and tok.text.lower() not in self.final_abbrevs

    def _wrap_width(self, text: str) -> Optional[float]:
        """Typical line length when the text is hard-wrapped, else None."""
        lengths = [len(line.strip()) for line in text.split("\n") if line.strip()]
        long_lines = [n for n in lengths if n >= 40]
        if len(long_lines) < self.min_wrapped_lines:
            return None
        width = statistics.median(long_lines)
        # paragraphs copied from HTML are one long line each: not wrapped
        return width if width <= 120 else None

    def _is_boundary(self, doc: Doc, text: str, prev: Token, nxt: Token, wrap_width) -> bool:
        gap = text[prev.idx + len(prev.text) : nxt.idx]
        newlines = gap.count("\n")
        if newlines and self._line_break_ends_sentence(doc, text, prev, nxt, newlines, wrap_width):
            return True
        return self._punctuation_ends_sentence(doc, text, prev, nxt, newlines)

    def _line_break_ends_sentence(self, doc, text, prev, nxt, newlines, wrap_width) -> bool:
        if self._only_furniture_between(doc, prev, nxt):
            return False
        first = nxt.text[:1]
        if first in "•–-":
            return True  # a bullet
        if newlines >= 2:
            return True  # a blank line
        if first.islower() or prev.text in {",", "(", "-"}:
            return False  # the sentence goes on
        if wrap_width is None:
            return True  # HTML copies: every line is a paragraph
        line_start = text.rfind("\n", 0, prev.idx) + 1
        line = text[line_start : prev.idx + len(prev.text)].strip()
        # hard-wrapped text: only a short line (heading, date line) ends here
        return len(line) < self.short_line_ratio * wrap_width

    @staticmethod
    def _only_furniture_between(doc, prev, nxt) -> bool:
        # a page header between two halves of a sentence is not a paragraph break
        between = doc[prev.i + 1 : nxt.i]
        return any(is_furniture(t) for t in between) and prev.text not in SENT_FINAL

    def _punctuation_ends_sentence(self, doc, text, prev, nxt, newlines) -> bool:
        token_text = prev.text
        if self._is_footnote_after_stop(doc, prev):
            token_text = "."  # "... Commissie.1 De ..." ends the sentence like "." would
        glued = FOOTNOTE_AFTER_ABBREVIATION.match(token_text)
        if glued and glued.group(1).lower() in self.final_abbrevs:
            token_text = glued.group(1)  # "motie Van Campen c.s.1 Uiteraard ...": the footnote is glued on
        if token_text in SENT_FINAL or (token_text.endswith(".") and token_text.lower() in self.final_abbrevs):
            if token_text == "." and self._is_enumerator_or_initial(doc, text, prev):
                return False
            first = nxt.text[:1]
            return first.isupper() or first in OPENERS or (newlines > 0 and first.isdigit())
        if token_text in {"»", "”", ")"} and prev.i > 0 and doc[prev.i - 1].text in SENT_FINAL:
            return nxt.text[:1].isupper()
        return False

    @staticmethod
    def _is_footnote_after_stop(doc: Doc, tok: Token) -> bool:
        if not (tok.is_digit and len(tok.text) <= 2 and tok.i > 0):
            return False
        stop = doc[tok.i - 1]
        return stop.text in SENT_FINAL and not stop.whitespace_

    @staticmethod
    def _is_enumerator_or_initial(doc: Doc, text: str, stop: Token) -> bool:
        if stop.i == 0:
            return False
        before = doc[stop.i - 1]
        if len(before.text) == 1 and before.text.isupper():
            return True  # "J. Bakker"
        line_start = text.rfind("\n", 0, before.idx) + 1
        at_line_start = is_blank(text[line_start : before.idx])
        return at_line_start and before.text.isdigit() and len(before.text) <= 2  # "1. Inleiding"
