"""A letter's text with its spans marked over exactly their characters.

Each span becomes a <mark> that holds precisely text[start:end]: a full stop after a span stays
outside it. Spans nest (an entity inside a toezegging); where two cross (a missed and a spurious
span of the same sentence), the later one is cut at the other's end and continues after it, and
only its first piece shows the start bar and its last piece the end bar.
"""

from dataclasses import dataclass
from typing import Callable, List, Sequence

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


def _order(pieces: List[_Piece]) -> List[_Piece]:
    # outer before inner: the longer of two spans that start together contains the other
    return sorted(pieces, key=lambda p: (p.start, -p.end, p.mark.number))


def marked_text(text: str, marks: Sequence[Mark]) -> str:
    out: List[str] = []
    _emit(text, 0, len(text), _order([_Piece(m.start, m.end, m) for m in marks]), out.append)
    return f'<div class="text">{"".join(out)}</div>'


def _emit(text: str, lo: int, hi: int, pieces: List[_Piece], write: Callable[[str], None]) -> None:
    pos = lo
    while pieces:
        outer, rest = pieces[0], pieces[1:]
        inside, after = [], []
        for p in rest:
            if p.start >= outer.end:
                after.append(p)
            elif p.end <= outer.end:
                inside.append(p)
            else:  # crosses the outer span's end: the part inside nests, the remainder comes later
                inside.append(_Piece(p.start, outer.end, p.mark))
                after.append(_Piece(outer.end, p.end, p.mark))
        write(esc(text[pos : outer.start]))
        write(_open(outer))
        _emit(text, outer.start, outer.end, _order(inside), write)
        write("</mark>")
        pos, pieces = outer.end, _order(after)
    write(esc(text[pos:hi]))


def _open(piece: _Piece) -> str:
    m = piece.mark
    # the tag is an empty element that CSS fills from data-tag: seen, but not part of the text
    tag = f'<span class="tag {esc(m.classes)}" data-tag="{esc(m.tag)}"></span>' if piece.head else ""
    classes = m.classes + (" head" if piece.head else "") + (" tail" if piece.tail else "")
    return (
        f'{tag}<mark class="{esc(classes)}" data-span="{m.number}" data-start="{m.start}" data-end="{m.end}"'
        f' title="{esc(m.title)}">'
    )
