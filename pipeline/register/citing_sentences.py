"""Sentences of a letter that deliver something to the Kamer now and name an earlier letter.

"Hierbij ontvangt u mijn reactie op het advies ... dat ik op 13 maart jl. (Kamerstuk 28 286, nr. 970) aan u
heb toegezonden." is no toezegging (docs/annotation.md: it does not refer to a promise), yet it settles the
promise of Kamerstuk 28 286, nr. 970 to send that reaction. Such sentences are found when a letter is
loaded and kept in the table `citing_sentences`; link.py decides which promise, if any, each one settles.

A delivering sentence has a marker of the present delivery ("hierbij", "met deze brief"; register.json),
a present-tense form of a verb of lists/delivery_verbs.txt ("ontvangt", "stuur", "bied ... aan") and a
receiver of lists/kamer_receivers.txt ("u", "Kamer"). It names an earlier letter by its Kamerstuk or as a
"brief" of a date ("mijn brief van 13 maart jl."), read by the pipeline's own herkomst patterns.

The record has no sentence boundaries, so the sentence around a marker is cut conservatively: at ".", "!"
or "?" followed by white space and a capital, and at a blank line. An abbreviation before a capital
("o.a. De") cuts a sentence too short, which can only lose a citation, never add one; "nr. 970" and
"jl. (Kamerstuk" do not cut. A sentence longer than max_sentence_chars is left out (a table or a list).
"""

import json
import re
from datetime import date
from typing import Dict, FrozenSet, List, Optional, Tuple

from pipeline.knowledge.termijnen import TermijnFinder, read_termijn_knowledge
from pipeline.knowledge.verb_forms import parse_entry, present_forms
from pipeline.register.citations import cited
from pipeline.register.schema import Register

BOUNDARY = re.compile(r"[.!?](?=\s+[A-ZÀ-Ý])|\n[ \t]*\n")
WORD = re.compile(r"\w+")
HERKOMST_FILES = ("termijn_phrases.jsonl", "herkomst_patterns.jsonl")


class CitingSentences:
    def __init__(self, schema: Register) -> None:
        rules = schema.citing
        self.patterns = schema.citations
        self.max_chars = rules.max_sentence_chars
        self.receivers = rules.receivers
        words = "|".join(r"\s+".join(map(re.escape, m.split())) for m in rules.markers)
        self.markers = re.compile(rf"\b(?:{words})\b", re.I)
        # present tense only: "heb toegezonden" and "stuurde" tell of an earlier delivery, not this one
        self.verbs: FrozenSet[str] = frozenset(
            form for entry in rules.verbs for form in present_forms(entry.replace("|", ""))
        )
        self.separable: List[Tuple[FrozenSet[str], str]] = [
            (frozenset(present_forms(verb)), particle) for particle, verb in map(parse_entry, rules.verbs) if particle
        ]
        self.finder = TermijnFinder([], **_herkomst_knowledge())

    def rows(
        self, letter: str, text: str, datum: Optional[str], skip: List[Tuple[int, int]]
    ) -> List[Dict[str, object]]:
        """One row per delivering sentence that names a letter; sentences overlapping `skip` (its nagekomen
        toezeggingen, which link.py judges as such) are left out."""
        found: Dict[int, Dict[str, object]] = {}
        for marker in self.markers.finditer(text):
            bounds = self.sentence_around(text, marker.start())
            if bounds is None or bounds[0] in found or any(s < bounds[1] and bounds[0] < e for s, e in skip):
                continue
            start, end = bounds
            sentence = text[start:end]
            if not self.delivers(sentence):
                continue
            cites = sorted(cited(sentence, self.patterns))
            brief_datum = self.letter_date(sentence, datum)
            if cites or brief_datum:
                found[start] = {
                    "nummer": f"{letter}#{start}-{end}",
                    "letter": letter,
                    "start": start,
                    "end": end,
                    "tekst": sentence,
                    "cites": json.dumps(cites),
                    "brief_datum": brief_datum,
                }
        return [found[k] for k in sorted(found)]

    def sentence_around(self, text: str, pos: int) -> Optional[Tuple[int, int]]:
        """(start, end) of the sentence holding `pos`, white space trimmed; None when it is too long."""
        window = max(0, pos - self.max_chars)
        start = window
        for m in BOUNDARY.finditer(text, window, pos + 1):  # + 1: the capital the boundary looks ahead to
            start = m.end()
        if start == window and window > 0:
            return None
        after = BOUNDARY.search(text, pos, pos + self.max_chars)
        if after is None and pos + self.max_chars < len(text):
            return None
        end = len(text) if after is None else after.start() + (1 if text[after.start()] in ".!?" else 0)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if end - start <= self.max_chars else None

    def delivers(self, sentence: str) -> bool:
        words = set(WORD.findall(sentence.lower()))
        if not words & self.receivers:
            return False
        return bool(words & self.verbs) or any(
            forms & words and particle in words for forms, particle in self.separable
        )

    def letter_date(self, sentence: str, datum: Optional[str]) -> Optional[str]:
        """The date of a letter the sentence names ("mijn brief van 13 maart jl."), resolved against its own date."""
        if "brie" not in sentence.lower():  # every way of naming a letter ("brief", "brieven") has it: skip the rest
            return None
        try:
            ref = date.fromisoformat(datum) if datum else None
        except ValueError:
            return None
        found = self.finder.herkomst(sentence, ref)
        return found["datum"] if found and found["type"] == "brief" and found["datum"] else None


def _herkomst_knowledge() -> dict:
    knowledge = read_termijn_knowledge(*HERKOMST_FILES)
    return {"herkomst_rows": knowledge["herkomst"], "macros": knowledge["macros"]}
