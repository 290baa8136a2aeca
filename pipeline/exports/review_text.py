"""A letter's text with its spans marked over exactly their characters.

Each span becomes a <mark> that holds precisely text[start:end]: a full stop after a span stays
outside it. Spans nest (an entity inside a toezegging); where two cross (a missed and a spurious
span of the same sentence), the later one is cut at the other's end and continues after it, and
only its first piece shows the start bar and its last piece the end bar.
"""

from dataclasses import dataclass
from typing import List, Sequence

from pipeline.exports.review_page import esc


@dataclass(frozen=True)
class Mark:
    """What a span shows: its offsets, CSS classes, a short tag before it and a tooltip."""

    number: int  # which span: the pieces of a cut span share it
    start: int
    end: int
    classes: str
    tag: str
    title: str


@dataclass(frozen=True)
class _Piece:
    start: int
    end: int
    mark: Mark

    @property
    def head(self) -> bool:
        return self.start == self.mark.start

    @property
    def tail(self) -> bool:
        return self.end == self.mark.end


def marked_text(text: str, marks: Sequence[Mark]) -> str:
    """One pass in text order with a stack of open marks: linear in the spans (times the nesting depth)."""
    out: List[str] = []
    stack: List[Mark] = []
    pos = 0

    def advance(to: int) -> None:
        nonlocal pos
        out.append(esc(text[pos:to]))
        pos = to

    def open_piece(mark: Mark, start: int) -> None:
        # a piece ends where its span ends or where a span open below it ends, whichever comes first
        out.append(_open(_Piece(start, min([mark.end] + [below.end for below in stack]), mark)))
        stack.append(mark)

    def close_until(limit: int) -> None:
        while stack:
            # the span that ends first; of two ending together the inner one, so nothing is cut needlessly
            k = min(range(len(stack)), key=lambda i: (stack[i].end, -i))
            end = stack[k].end
            if end > limit:
                return
            advance(end)
            out.append("</mark>" * (len(stack) - k))
            crossing = stack[k + 1 :]  # opened inside it, end after it: cut here, continued after it
            del stack[k:]
            for mark in crossing:
                open_piece(mark, end)

    # outer before inner: the longer of two spans that start together contains the other
    for mark in sorted(marks, key=lambda m: (m.start, -m.end, m.number)):
        close_until(mark.start)
        advance(mark.start)
        open_piece(mark, mark.start)
    close_until(len(text))
    advance(len(text))
    return f'<div class="text">{"".join(out)}</div>'


def _open(piece: _Piece) -> str:
    m = piece.mark
    # the tag is an empty element that CSS fills from data-tag: seen, but not part of the text
    tag = f'<span class="tag {esc(m.classes)}" data-tag="{esc(m.tag)}"></span>' if piece.head else ""
    classes = m.classes + (" head" if piece.head else "") + (" tail" if piece.tail else "")
    return (
        f'{tag}<mark class="{esc(classes)}" data-span="{m.number}" data-start="{m.start}" data-end="{m.end}"'
        f' title="{esc(m.title)}">'
    )
