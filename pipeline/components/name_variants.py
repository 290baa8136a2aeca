"""Variants of one name (issue 13): the forms a letter writes a known name in.

* Case: a gazetteer name matches as written, in ALL CAPS, with only its first
  letter's case changed, and with an acronym of 4+ letters written as a word
  ("Navo", "Unicef" for NAVO, UNICEF); 2-3 letters stay exact (no "Eu").
* A known body in a hyphenated compound: the compound is one ORGANISATIE when
  its second part is a body ("VN-Veiligheidsraad", "EU-Raad"), nothing when
  it only describes ("NAVO-landen", "EU-lidstaten": the tokenizer keeps the
  compound whole, so no part of it is matched).
* A known body written apart before a body's name: one span ("VN
  Veiligheidsraad", "EU Raad Buitenlandse Zaken"); before any other word the
  body stands alone ("Navo Defensie Planningsproces").
* A coordination that ends in a body: the whole coordination is the name
  ("Transport, Telecommunicatie en Energieraad", "Justitie- en Binnenlandse
  Zakenraad", "Europese Grens- en Kustwacht").
The head nouns are data: ``lists/body_compound_heads.txt``.
"""

import re
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

from spacy.tokens import Doc, Token

from pipeline.components.candidates import Candidate, next_content, previous_content
from pipeline.components.doc_text import text_of

ORG = "ORGANISATIE"
SPACE = re.compile(r"\s")


def repaired_surface(token: Token) -> str:
    """The token as it would be written without the PDF line break ('Noord-Atlantische')."""
    text = token.text
    if SPACE.search(text) is None:  # most tokens: one C call
        return text
    with_hyphen = re.sub(r"-\s+", "-", text)
    if with_hyphen.lower() == token.norm_:
        return with_hyphen
    return re.sub(r"-\s+", "", text)


def case_compatible(
    surface: Sequence[str], form: Sequence[str], acronyms_as_words: bool = False, lower_first: bool = True
) -> bool:
    """Exact, ALL CAPS (headings), differing only in the first letter's case, or (``acronyms_as_words``)
    with an acronym of 4+ letters written as a word ("Navo", "Unicef" for NAVO, UNICEF).

    Without ``lower_first`` the first letter may lose its capital only while another capital remains
    ("directie Internationaal Onderzoek"): a name with no capital left is the common noun ("de Somalische
    kustwacht" for "Kustwacht").
    """
    if tuple(surface) == tuple(form):
        return True
    if all(s == f.upper() for s, f in zip(surface, form)):
        return True
    first_s, first_f = surface[0], form[0]
    if (
        tuple(surface[1:]) == tuple(form[1:])
        and first_s[1:] == first_f[1:]
        and first_s[:1].lower() == first_f[:1].lower()
        and (lower_first or any(ch.isupper() for word in surface for ch in word) or first_f[:1].islower())
    ):
        return True
    return acronyms_as_words and all(acronym_as_word(s, f) for s, f in zip(surface, form))


def acronym_as_word(surface: str, form: str) -> bool:
    """Each hyphen part as written, or an all-caps acronym of 4+ letters with only its first letter capital
    ("Navo-Rusland" for "NAVO-Rusland"); 2-3 letters stay exact ("Eu" is no EU)."""
    parts_s, parts_f = surface.split("-"), form.split("-")
    if len(parts_s) != len(parts_f):
        return False
    return all(
        s == f or (len(f) >= 4 and f.isalpha() and f.isupper() and s == f[0] + f[1:].lower())
        for s, f in zip(parts_s, parts_f)
    )


class NameVariants:
    """Compounds, written-apart pairs and coordinations of known bodies (see the module doc)."""

    def __init__(self, bodies: Iterable[str], heads: Iterable[str]):
        # one-word ORGANISATIE names as written ("NAVO", "EU", "Frontex") and acronyms as words ("Navo")
        self.bodies: Set[str] = set(bodies)
        self.bodies |= {b[0] + b[1:].lower() for b in self.bodies if len(b) >= 4 and b.isalpha() and b.isupper()}
        self.heads = tuple(h.lower() for h in heads)

    def is_body(self, word: str) -> bool:
        return word in self.bodies

    def is_head(self, word: str, compound: bool = False) -> bool:
        """A capitalised word ending in a body head; ``compound``: longer than the head ("Energieraad")."""
        low = word.lower()
        if not word[:1].isupper() or not low.endswith(self.heads):  # one C call settles most words
            return False
        return any(low.endswith(h) and (not compound or len(low) > len(h)) for h in self.heads)

    def compound_candidates(self, content: List[Token]) -> Iterable[Candidate]:
        """'VN-Veiligheidsraad', 'EU-Raad': a known body, a hyphen and a capitalised body name, one token.

        ``content``: the letter's content tokens (pdf_repair.content_tokens), computed once by the caller.
        """
        for token in content:
            prefix, hyphen, rest = repaired_surface(token).partition("-")
            if hyphen and self.is_body(prefix) and self.is_head(rest):
                yield Candidate(token.i, token.i + 1, ORG, "org:known_body_compound", "entity", 20)

    def join_written_apart(self, doc: Doc, chosen: List[Candidate]) -> List[Candidate]:
        """'VN Veiligheidsraad', 'EU Raad Buitenlandse Zaken': a one-word body before a body's name is one span."""
        by_start: Dict[int, Candidate] = {c.start: c for c in chosen}
        taken = {i for c in chosen for i in range(c.start, c.end)}
        joined: Dict[Candidate, Candidate] = {}  # the body -> the span that replaces it
        absorbed: Set[Candidate] = set()
        for c in chosen:
            found = self._name_after(doc, c, by_start, taken)
            if found is not None:
                end, follower = found
                joined[c] = Candidate(c.start, end, ORG, "org:known_body_apart", "entity", c.priority)
                if follower is not None:
                    absorbed.add(follower)
        return [joined.get(c, c) for c in chosen if c not in absorbed or c in joined]

    def _name_after(
        self, doc: Doc, c: Candidate, by_start: Dict[int, Candidate], taken: Set[int]
    ) -> Optional[Tuple[int, Optional[Candidate]]]:
        """The end of the body's name right after the one-word body ``c``, and the candidate it absorbs."""
        if c.label != ORG or c.length != 1 or not self.is_body(repaired_surface(doc[c.start])):
            return None
        nxt = next_content(doc, c.start)
        if nxt is None or text_of(doc)[doc[c.start].idx + len(doc[c.start]) : nxt.idx].count("\n") > 1:
            return None  # a blank line parts them
        follower = by_start.get(nxt.i)
        if follower is not None:
            words = (repaired_surface(doc[follower.start]), repaired_surface(doc[follower.end - 1]))
            ok = follower.label == ORG and any(self.is_head(w) for w in words)
            return (follower.end, follower) if ok else None
        if nxt.i not in taken and self.is_head(repaired_surface(nxt)):
            return nxt.i + 1, None
        return None

    def extend_coordinations(self, doc: Doc, chosen: List[Candidate], content: List[Token]) -> List[Candidate]:
        """'Transport, Telecommunicatie en Energieraad', 'Europese Grens- en Kustwacht': one span."""
        taken = {i: c for c in chosen for i in range(c.start, c.end)}
        triggers: List[Tuple[int, int, Optional[Candidate]]] = [(c.start, c.end, c) for c in chosen if c.label == ORG]
        for token in content:
            if token.i not in taken and self.is_head(repaired_surface(token), compound=True):
                triggers.append((token.i, token.i + 1, None))
        out = list(chosen)
        for start, end, cand in triggers:
            if (cand is None and start in taken) or (cand is not None and cand not in out):
                continue  # swallowed by an earlier coordination
            new_start = self._coordination_start(doc, start, end, taken)
            if new_start is None:
                continue
            if cand is not None:
                out.remove(cand)
            out.append(Candidate(new_start, end, ORG, "org:coordinated_body", "entity", 20))
            taken.update({i: out[-1] for i in range(new_start, end)})
        return out

    def _coordination_start(self, doc: Doc, start: int, end: int, taken: Dict[int, Candidate]) -> Optional[int]:
        """Where 'A, B en <name>' or 'X- en <name>' begins, or None when no coordination comes before."""
        conj = previous_content(doc, start)
        if conj is None or conj.lower_ != "en":
            return None
        first, elided = None, []
        word = previous_content(doc, conj.i)
        # conjuncts are capitalised words of no other name; a body of its own ("Ecofinraad en ...") ends the walk
        while word is not None and word.i not in taken and word.is_title and not word.is_stop:
            if self.is_head(repaired_surface(word), compound=True):
                break
            first = word.i
            elided.append(repaired_surface(word).endswith("-"))
            comma = previous_content(doc, word.i)
            if comma is None or comma.text != ",":
                break
            word = previous_content(doc, comma.i)
        if first is None:
            return None
        if not self.is_head(repaired_surface(doc[end - 1]), compound=True) and not all(elided):
            return None  # only a council-like compound takes a plain coordination; any body takes "X- en"
        if all(elided):
            # "Europese Grens- en Kustwacht": the adjective belongs to both parts
            adjective = previous_content(doc, first)
            if (
                adjective is not None
                and adjective.i not in taken
                and adjective.is_title
                and not adjective.is_stop
                and adjective.lower_.endswith("e")
            ):
                first = adjective.i
        return first
