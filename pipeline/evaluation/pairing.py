"""Pairing gold with predicted spans: the one matching that scores, attribute scores and review share.

Entities pair strictly (same offsets, same label); a TOEZEGGING pairs with a
prediction that overlaps at least half of the longer of the two.
"""

from dataclasses import dataclass
from typing import Callable, List, Optional, Sequence, Tuple

from pipeline.evaluation.annotations import Annotation
from pipeline.schema import TOEZEGGING

# of the LONGER span, for a TOEZEGGING match: with the shorter span, one prediction over the whole
# document would match every gold sentence
OVERLAP_SHARE = 0.5

Accept = Callable[[Annotation, Annotation], bool]


@dataclass
class Pairing:
    matched: List[Tuple[Annotation, Annotation]]  # (gold, prediction)
    missed: List[Annotation]  # gold without a prediction: false negatives
    spurious: List[Annotation]  # predictions without gold: false positives


def overlap(a: Annotation, b: Annotation) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def strict_accept(g: Annotation, p: Annotation) -> bool:
    return (g.start, g.end, g.label) == (p.start, p.end, p.label)


def partial_accept(g: Annotation, p: Annotation) -> bool:
    return g.label == p.label and overlap(g, p) > 0


def toezegging_accept(g: Annotation, p: Annotation) -> bool:
    longer = max(g.end - g.start, p.end - p.start)
    return overlap(g, p) >= OVERLAP_SHARE * longer and overlap(g, p) > 0


def accept_for(label: str) -> Accept:
    """How a label is matched when judged: TOEZEGGING by overlap, entities strictly."""
    return toezegging_accept if label == TOEZEGGING else strict_accept


def match_one_to_one(gold: Sequence[Annotation], pred: Sequence[Annotation], accept: Accept) -> Pairing:
    """Pairs by largest overlap first; each gold and each prediction used at most once."""
    candidates = [(overlap(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred) if accept(g, p)]
    candidates.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g, used_p, matched = set(), set(), []
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            matched.append((gold[i], pred[j]))
    missed = [g for i, g in enumerate(gold) if i not in used_g]
    spurious = [p for j, p in enumerate(pred) if j not in used_p]
    return Pairing(matched, missed, spurious)


def pair_label(
    gold: Sequence[Annotation], pred: Sequence[Annotation], label: str, accept: Optional[Accept] = None
) -> Pairing:
    """The spans of one label on both sides, paired (by ``accept_for(label)`` unless told otherwise)."""
    return match_one_to_one(
        [s for s in gold if s.label == label], [s for s in pred if s.label == label], accept or accept_for(label)
    )
