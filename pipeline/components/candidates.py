"""Entity candidates and how overlapping ones are chosen."""

from dataclasses import dataclass
from typing import Iterable, List, Optional, Set

from spacy.tokens import Doc, Token

from pipeline.components.pdf_repair import is_skippable


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    label: str
    rule: str
    role: str  # what the entity is for later components (schema.RULE_ROLES)
    priority: int = 0
    fallback: bool = False
    context: Optional[str] = None
    name_start: Optional[int] = None  # role portfolio_title_name: where the person's name begins

    @property
    def length(self) -> int:
        return self.end - self.start


def take_non_overlapping(ordered: Iterable[Candidate], chosen: List[Candidate]) -> List[Candidate]:
    chosen = list(chosen)
    taken: Set[int] = set()
    for c in chosen:
        taken.update(range(c.start, c.end))
    for c in ordered:
        if taken.isdisjoint(range(c.start, c.end)):
            chosen.append(c)
            taken.update(range(c.start, c.end))
    return chosen


def overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def previous_content(doc: Doc, i: int) -> Optional[Token]:
    j = i - 1
    while j >= 0 and is_skippable(doc[j]):
        j -= 1
    return doc[j] if j >= 0 else None


def next_content(doc: Doc, i: int) -> Optional[Token]:
    j = i + 1
    while j < len(doc) and is_skippable(doc[j]):
        j += 1
    return doc[j] if j < len(doc) else None
