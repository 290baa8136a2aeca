"""PDF and web damage repaired on plain strings (no spaCy): the text as it reads, words joined across a line end.

``kamer_pdf_repair`` applies the same rules to tokens (the NORM of a joined word) and leaves the
text alone; exports that show a sentence to people (the toezeggingen CSV) apply them to the string.
"""

import re
import unicodedata
from typing import Collection

SOFT_HYPHEN = "\u00ad"
# never shown, left in words by PDF and web extraction: soft hyphen, zero-width space,
# zero-width non-joiner and joiner, word joiner, zero-width no-break space (BOM)
INVISIBLE = SOFT_HYPHEN + "\u200b\u200c\u200d\u2060\ufeff"
INVISIBLE_CHAR = re.compile(f"[{INVISIBLE}]")
BLANK = re.compile(f"[\\s{INVISIBLE}]+")

# "verantwoorde-\nlijkheid", "toesla- gen", "verantwoorde\u00ad\nlijkheid": a word, its break, the rest of the word
# (and what follows it up to a space, for the "land- en/of tuinbouw" check)
_BROKEN = re.compile(
    rf"(?P<stem>[^\W\d_][^\W_]*[^\W\d_])(?P<mark>-|{SOFT_HYPHEN})(?P<gap>[^\S\n]*\n\s*|[ ])(?=(?P<next>[^\W\d_]\S*))"
)


def needs_cleaning(text: str) -> bool:
    """Does ``text`` hold an invisible character or a decomposed accent?"""
    return INVISIBLE_CHAR.search(text) is not None or not unicodedata.is_normalized("NFC", text)


def visible_text(text: str) -> str:
    """``text`` as it reads: invisible characters removed, accents composed (NFC)."""
    if not needs_cleaning(text):
        return text
    return unicodedata.normalize("NFC", INVISIBLE_CHAR.sub("", text))


def keeps_hyphen(stem: str, rest: str) -> bool:
    """Does a word broken after ``stem`` + "-" keep its hyphen? "Noord-Atlantische", "NAVO-top" do."""
    return rest[:1].isupper() or stem[-1:].isupper() or stem[-1:].isdigit()


def joined_word(stem: str, rest: str) -> str:
    """The word broken after ``stem`` + "-": "verantwoorde" + "lijkheid" is "verantwoordelijkheid"."""
    return stem + ("-" if keeps_hyphen(stem, rest) else "") + rest


def one_line(text: str, no_join: Collection[str]) -> str:
    """``text`` on one line as it reads: broken words joined, invisible characters gone, every break one space.

    A hyphen is a break when a line break follows it, or a single space and a lower-case word ("toesla- gen");
    never before a word of ``no_join`` (lower case), where it stands for an elided part ("land- en tuinbouw").
    A soft hyphen breaks a word only at a line end.
    """

    def join(m: re.Match) -> str:
        stem, mark, rest = m.group("stem"), m.group("mark"), m.group("next")
        if "\n" not in m.group("gap") and (mark == SOFT_HYPHEN or not rest[0].islower()):
            return m.group(0)
        if mark == SOFT_HYPHEN:
            return stem
        if _is_elision(rest, no_join):
            return m.group(0)
        return stem + ("-" if keeps_hyphen(stem, rest) else "")

    return " ".join(visible_text(_BROKEN.sub(join, text)).split())


def _is_elision(rest: str, no_join: Collection[str]) -> bool:
    word = re.match(r"[^\W\d_]+", rest)
    forms = {rest.lower(), rest.rstrip(".,;:!?)").lower(), word.group(0).lower() if word else ""}
    return any(form in no_join for form in forms)
