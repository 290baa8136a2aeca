"""Which words are ordinary Dutch words, counted in <shared>/data/ud (Universal Dependencies Dutch).

A register entry such as "Sociaal" or "Kompas" must never become a pattern:
a word written in lower case at least as often as capitalised is a common
word, not a name. Without the UD files every count is zero and only the
built-in lists apply; the build summary says which.
"""

from __future__ import annotations

import collections
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from buildlib import SourceError


@dataclass
class Lexicon:
    """How often a word form occurs in lower case and capitalised (not sentence-initial)."""

    lower: collections.Counter = field(default_factory=collections.Counter)
    capitalised: collections.Counter = field(default_factory=collections.Counter)
    source: str = "built-in generic nouns only"

    def is_ordinary(self, word: str) -> bool:
        """Used in lower case at least as often as capitalised: a common word, not a name."""
        w = word.lower()
        return self.lower[w] > 0 and self.lower[w] >= self.capitalised[w]

    def is_frequent(self, word: str, minimum: int = 5) -> bool:
        return self.lower[word.lower()] >= minimum


def load_lexicon(ud_dir: Path) -> Lexicon:
    """Word-form counts from the CoNLL-U files in ``ud_dir`` (none when it is absent)."""
    lex = Lexicon()
    files = sorted(ud_dir.glob("*.conllu")) if ud_dir.is_dir() else []
    for path in files:
        try:
            with path.open(encoding="utf-8") as fh:
                count_forms(fh, lex)
        except (OSError, UnicodeDecodeError) as err:
            raise SourceError(f"{path}: cannot read as UTF-8 CoNLL-U ({err})") from None
    if files:
        lex.source = f"{len(files)} UD files in {ud_dir}"
    return lex


def count_forms(lines: Iterable[str], lex: Lexicon) -> None:
    """Add the word forms of CoNLL-U lines to ``lex``; the first token of a sentence is not
    counted, because its capital says nothing about the word."""
    sentence_start = True
    for line in lines:
        if not line.strip():
            sentence_start = True
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2 or not cols[0].isdigit():
            continue  # multi-word token ranges and empty nodes
        form = cols[1]
        if not sentence_start:
            if form.islower():
                lex.lower[form] += 1
            elif form[:1].isupper() and form[1:].islower():
                lex.capitalised[form.lower()] += 1
        sentence_start = False
