"""Acronyms defined in brackets: "Raad voor het openbaar bestuur (Rob)".

* After a tagged name the acronym takes its label ("NATO Response Force (aNRF)").
* After an untagged name whose letters spell the acronym and that has the
  head noun of a body ("Adviescollege ... (ACOI)", "Union of Agricultural
  Workers Committee (UAWC)"), both become ORGANISATIE.
* After a capitalised long form whose head noun is in the lists
  `acronym_operation_heads` ("missie", "force") or `acronym_organisation_heads`
  ("raad", "fonds"), the long form and the acronym are bound: both take the
  head's label, even when the letters are spelled in another language
  ("Stabilisatiemissie van de Verenigde Naties in Karistan (MINUSKA)"), and
  names inside the long form ("Verenigde Naties") are no separate span.
* After any other name ("Stabiliteits- en Groeipact (SGP)") the acronym means
  that thing in this document, so gazetteer matches of it are dropped (no
  SGP the party).
Wherever a defined acronym recurs in the document it gets the same label.
Brackets that hold a reference ("(zie bijlage)", "(artikel 3)", "(XIII)", years,
amounts) are never an acronym.
"""

import re
from typing import Collection, Dict, List, Optional, Sequence, Tuple

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from pipeline.components.candidates import (
    Candidate,
    next_content,
    overlaps,
    previous_content,
    take_non_overlapping,
)
from pipeline.components.extensions import is_furniture

ACRONYM = re.compile(r"^(?=.*[A-Z].*[A-Z])[A-Za-z][A-Za-z0-9&-]{1,11}$")
ROMAN = re.compile(r"^[IVXLC]+$")  # begrotingshoofdstuk "(XIII)", not an acronym
CONNECTORS = {"van", "voor", "de", "het", "der", "den", "en", "of", "the", "for", "and", "in", "op", "on"}
# words after which an English or Dutch name goes on with its complement: the head stands before them
PREPOSITIONS = {"van", "voor", "in", "of", "for", "on", "op", "to", "tegen", "against"}
MAX_NAME_TOKENS = 9
# the word lists (pipeline/resources/lists/) that type a bound long form, in the order they are tried
BOUND_HEAD_LISTS = (("acronym_operation_heads", "OPERATIE"), ("acronym_organisation_heads", "ORGANISATIE"))
NON_NAME_LIST = "bracket_non_names"


def apply_acronyms(
    doc: Doc, chosen: List[Candidate], org_heads: Sequence[str], lists: Optional[Dict[str, List[str]]] = None
) -> List[Candidate]:
    lists = lists or {}
    bound_heads = [(tuple(w.lower() for w in lists.get(name, [])), label) for name, label in BOUND_HEAD_LISTS]
    non_names = {w.lower() for w in lists.get(NON_NAME_LIST, [])}
    defined: Dict[str, str] = {}
    bound: Dict[str, str] = {}
    inside: List[Tuple[int, int]] = []
    shadowed = set()
    added: List[Candidate] = []
    ends = {c.end: c for c in chosen}
    for start, end in bracketed(doc, non_names):
        acro = doc[start:end]
        before = previous_content(doc, start - 1)
        if before is None:
            continue
        entity = ends.get(before.i + 1)
        name = spelled_name(doc, before.i, acro.text)
        binding = bound_long_form(doc, before.i, acro.text, name, bound_heads)
        if binding is not None and (entity is None or entity.fallback or binding[1] < entity.start):
            # "de Stabilisatiemissie van de [Verenigde Naties] (MINUSKA)": the long form's head decides
            long_form, _, label = binding
            bound.setdefault(acro.text, label)
            defined.setdefault(acro.text, label)
            inside.append((long_form.start, long_form.end))
            added.append(Candidate(long_form.start, long_form.end, label, "acronym:bound_long_form", "entity", 15))
            added.append(Candidate(start, end, label, "acronym:bound_to_long_form", "entity", 5))
            continue
        if entity is not None and entity.fallback and name is not None and has_head(name, org_heads):
            entity = None  # "Union of [Agricultural Workers Committee] (UAWC)": the spelled-out name wins
        if entity is not None:
            if is_acronym(acro.text) or spells(doc[entity.start : entity.end], acro.text):
                defined.setdefault(acro.text, entity.label)
                added.append(Candidate(start, end, entity.label, "acronym:defined_in_brackets", "entity", 5))
            continue
        if name is None:
            continue
        if has_head(name, org_heads):
            defined.setdefault(acro.text, "ORGANISATIE")
            added.append(Candidate(name.start, name.end, "ORGANISATIE", "org:name_before_acronym", "entity", 15))
            added.append(Candidate(start, end, "ORGANISATIE", "acronym:defined_in_brackets", "entity", 5))
        elif is_acronym(acro.text):
            shadowed.add(acro.text)
    chosen = [c for c in chosen if not (c.role == "gazetteer" and doc[c.start : c.end].text in shadowed)]
    # names inside a bound long form, and other readings of a bound acronym, give way to the binding
    chosen = [
        c
        for c in chosen
        if not any(s <= c.start and c.end <= e for s, e in inside)
        and not (c.label != bound.get(doc[c.start : c.end].text, c.label) and c.role in ("gazetteer", "entity"))
    ]
    # a name spelled out before its acronym beats a fallback guess over the same words
    chosen = [c for c in chosen if not (c.fallback and any(overlaps(a, c) for a in added))]
    chosen = take_non_overlapping(added, chosen)
    repeats = [
        Candidate(i, i + n, label, "acronym:defined_earlier", "entity", 1)
        for text, label in defined.items()
        for i, n in occurrences(doc, text)
    ]
    return take_non_overlapping(repeats, chosen)


def bracketed(doc: Doc, non_names: Collection[str] = ()) -> List[Tuple[int, int]]:
    """Token ranges of "( ACR )" and "( ACR Word )"."""
    found = []
    for i in positions(doc, "("):
        tok = doc[i]
        for width in (1, 2):
            close = tok.i + 1 + width
            # ")1": a footnote number glued to the bracket
            if close < len(doc) and doc[close].text.startswith(")"):
                inner = doc[tok.i + 1 : close]
                if candidate_text(inner) and inner[0].lower_.rstrip(".") not in non_names:
                    found.append((tok.i + 1, close))
                break
    return found


def candidate_text(inner: Span) -> bool:
    first = inner[0].text
    if ROMAN.match(first) or not first[:1].isalpha():
        return False
    if not (first[:1].isupper() or ACRONYM.match(first)):  # "aNRF" is one, "ngo" is not
        return False
    if len(inner) == 2 and not inner[1].is_title:
        return False
    return len(first) >= 2 and not inner[0].is_space


def is_acronym(text: str) -> bool:
    first = text.split()[0]
    return bool(ACRONYM.match(first)) and not ROMAN.match(first)


def spells(name: Span, acronym: str) -> bool:
    """The acronym's letters occur in order in the name, starting with its first letter."""
    letters = [c.lower() for c in acronym if c.isalpha()]
    words = [t.text.lower() for t in name if not t.is_space and t.text[:1].isalpha()]
    if not letters or not words or words[0][0] != letters[0]:
        return False
    rest = iter("".join(words))
    return all(any(ch == c for ch in rest) for c in letters)


def spelled_name(doc: Doc, last: int, acronym: str) -> Optional[Span]:
    """The shortest name ending at token `last` that starts with a capital and spells the acronym."""
    start = last
    steps = 0
    while start >= 0 and steps < MAX_NAME_TOKENS:
        tok = doc[start]
        if tok.is_punct and tok.text not in {"-"} or tok.is_digit:
            return None
        if not tok.is_space:
            steps += 1
            if tok.text[:1].isupper() and tok.lower_ not in CONNECTORS:
                span = doc[start : last + 1]
                if len([t for t in span if not t.is_space]) >= 2 and spells(span, acronym):
                    return span
        start -= 1
    return None


def bound_long_form(
    doc: Doc, last: int, acronym: str, spelled: Optional[Span], bound_heads: Sequence[Tuple[Tuple[str, ...], str]]
) -> Optional[Tuple[Span, int, str]]:
    """The long form before a bracketed acronym, the index of its head and the label the head gives."""
    if not is_acronym(acronym):
        return None
    form = spelled if spelled is not None else capitalised_name(doc, last)
    if form is None:
        return None
    head = bound_head(form, bound_heads)
    return None if head is None else (form, head[0], head[1])


def capitalised_name(doc: Doc, last: int) -> Optional[Span]:
    """The run of capitalised words and connectors ending at token `last`, from its first capitalised word."""
    start = None
    i = last
    steps = 0
    while i >= 0 and steps < MAX_NAME_TOKENS:
        tok = doc[i]
        if not tok.is_space:
            steps += 1
            if is_description(tok.text):
                break
            if tok.text[:1].isupper() and tok.lower_ not in CONNECTORS:
                start = i
            elif tok.lower_ not in CONNECTORS and tok.text != "-" or joins_two_names(doc, i):
                break
        i -= 1
    if start is None or not doc[last].text[:1].isupper():
        return None
    span = doc[start : last + 1]
    return span if len([t for t in span if not t.is_space]) >= 2 else None


def is_description(word: str) -> bool:
    """ "VN-missie", "EU-trainingsmissie": a kind of thing before a name, not a part of it."""
    return "-" in word.strip("-") and word.rsplit("-", 1)[1][:1].islower()


def joins_two_names(doc: Doc, i: int) -> bool:
    """ "de NAVO en de Stabilisatiemissie": "en" before an article starts a second name."""
    nxt = next_content(doc, i)
    return doc[i].lower_ in {"en", "and"} and nxt is not None and nxt.lower_ in {"de", "het", "the"}


def bound_head(name: Span, bound_heads: Sequence[Tuple[Tuple[str, ...], str]]) -> Optional[Tuple[int, str]]:
    """The head of a long form (the word before its first preposition, else its first word) and its label."""
    words = [t for t in name if not t.is_space]
    before_prep = next((w for w, nxt in zip(words, words[1:]) if nxt.lower_ in PREPOSITIONS), words[-1])
    for head in (before_prep, words[0]):
        for heads, label in bound_heads:
            if heads and head.lower_.endswith(heads):
                return head.i, label
    return None


def has_head(name: Span, heads: Sequence[str]) -> bool:
    return any(t.lower_.endswith(tuple(heads)) for t in name if not t.is_space)


def positions(doc: Doc, text: str) -> List[int]:
    """Indices of tokens with this exact text (an array search, not a Python loop over tokens)."""
    if text not in doc.vocab.strings:
        return []
    orth = doc.vocab.strings[text]
    return numpy.flatnonzero(doc.to_array(ORTH) == orth).tolist()


def occurrences(doc: Doc, text: str):
    parts = text.split()
    for i in positions(doc, parts[0]):
        if not is_furniture(doc[i]) and [t.text for t in doc[i : i + len(parts)]] == parts:
            yield i, len(parts)
