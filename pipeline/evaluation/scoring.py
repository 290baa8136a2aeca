"""Scoring as in docs/annotation.md: strict and partial entities, overlap-matched toezeggingen."""

from dataclasses import asdict, dataclass, field
from typing import Dict, List, Optional, Tuple

from pipeline.evaluation.annotations import Annotation, Document
from pipeline.evaluation.pairing import Pairing, match_one_to_one, partial_accept, strict_accept, toezegging_accept
from pipeline.schema import ENTITY_LABELS, TOEZEGGING

UNDEFINED = "–"  # shown for a ratio over nothing (no predictions, no gold): 0.000 would read as a failure


def ratio(part: int, whole: int) -> Optional[float]:
    return part / whole if whole else None


def rounded(value: Optional[float]) -> Optional[float]:
    return None if value is None else round(value, 4)


def shown(value: Optional[float], width: int = 8) -> str:
    return f"{UNDEFINED:>{width}}" if value is None else f"{value:>{width}.3f}"


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    correct: int = 0

    @property
    def precision(self) -> Optional[float]:
        return ratio(self.correct, self.pred)

    @property
    def recall(self) -> Optional[float]:
        return ratio(self.correct, self.gold)

    @property
    def f1(self) -> Optional[float]:
        # 2c / (gold + pred): defined as soon as either side has a span
        if not self.gold + self.pred:
            return None
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Counts") -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.correct += other.correct

    def as_dict(self) -> dict:
        d = asdict(self)
        d.update(precision=rounded(self.precision), recall=rounded(self.recall), f1=rounded(self.f1))
        return d


@dataclass
class Errors:
    false_positives: List[Tuple[str, Annotation]] = field(default_factory=list)
    false_negatives: List[Tuple[str, Annotation]] = field(default_factory=list)
    # matched TOEZEGGING pairs whose status differs: (doc, gold, prediction)
    wrong_status: List[Tuple[str, Annotation, Annotation]] = field(default_factory=list)


@dataclass
class Report:
    strict: Dict[str, Counts]
    partial: Dict[str, Counts]
    toezegging: Counts
    status_matched: int
    status_correct: int
    errors: Errors

    @property
    def status_accuracy(self) -> Optional[float]:
        return ratio(self.status_correct, self.status_matched)

    def micro(self, which: str) -> Counts:
        total = Counts()
        for label in ENTITY_LABELS:
            total.add(getattr(self, which)[label])
        return total

    def as_dict(self) -> dict:
        return {
            "entities": {
                label: {"strict": self.strict[label].as_dict(), "partial": self.partial[label].as_dict()}
                for label in ENTITY_LABELS
            },
            "entities_micro": {"strict": self.micro("strict").as_dict(), "partial": self.micro("partial").as_dict()},
            "TOEZEGGING": {
                "overlap": self.toezegging.as_dict(),
                "status_matched": self.status_matched,
                "status_correct": self.status_correct,
                "status_accuracy": rounded(self.status_accuracy),
            },
        }


def looks_like_pipeline_output(docs: Dict[str, Document]) -> bool:
    """Hand-labelled gold has no `rule`; a file that does is probably an extract output passed as gold."""
    return any(s.rule is not None for doc in docs.values() for s in doc.spans)


def score(gold: Dict[str, Document], pred: Dict[str, Document]) -> Report:
    strict = {label: Counts() for label in ENTITY_LABELS}
    partial = {label: Counts() for label in ENTITY_LABELS}
    toez = Counts()
    status_matched = status_correct = 0
    errors = Errors()
    for doc_id in sorted(gold):
        g_doc, p_doc = gold[doc_id], pred[doc_id]
        for label in ENTITY_LABELS:
            g = [s for s in g_doc.entities if s.label == label]
            p = [s for s in p_doc.entities if s.label == label]
            exact = match_one_to_one(g, p, strict_accept)
            strict[label].add(Counts(len(g), len(p), len(exact.matched)))
            partial[label].add(Counts(len(g), len(p), len(match_one_to_one(g, p, partial_accept).matched)))
            _collect_errors(errors, doc_id, exact)
        g, p = g_doc.toezeggingen, p_doc.toezeggingen
        paired = match_one_to_one(g, p, toezegging_accept)
        matched = paired.matched
        toez.add(Counts(len(g), len(p), len(matched)))
        status_matched += len(matched)
        status_correct += sum(1 for a, b in matched if a.status == b.status)
        errors.wrong_status.extend((doc_id, a, b) for a, b in matched if a.status != b.status)
        _collect_errors(errors, doc_id, paired)
    return Report(strict, partial, toez, status_matched, status_correct, errors)


def _collect_errors(errors: Errors, doc_id: str, paired: Pairing) -> None:
    errors.false_negatives.extend((doc_id, a) for a in paired.missed)
    errors.false_positives.extend((doc_id, b) for b in paired.spurious)


def format_table(report: Report) -> str:
    head = f"{'label':<13}{'mode':<9}{'gold':>6}{'pred':>6}{'corr':>6}{'P':>8}{'R':>8}{'F1':>8}"
    lines = [head, "-" * len(head)]

    def row(label: str, mode: str, c: Counts) -> str:
        counts = f"{c.gold:>6}{c.pred:>6}{c.correct:>6}"
        return f"{label:<13}{mode:<9}{counts}{shown(c.precision)}{shown(c.recall)}{shown(c.f1)}"

    for label in ENTITY_LABELS:
        lines.append(row(label, "strict", report.strict[label]))
        lines.append(row(label, "partial", report.partial[label]))
    lines.append(row("ENTITIES", "strict", report.micro("strict")))
    lines.append(row("(micro)", "partial", report.micro("partial")))
    lines.append(row(TOEZEGGING, "overlap", report.toezegging))
    lines.append(
        f"TOEZEGGING status accuracy: {report.status_correct}/{report.status_matched} = "
        f"{shown(report.status_accuracy, 0)}"
    )
    return "\n".join(lines)


def format_errors(report: Report, docs: Dict[str, Document], width: int = 50) -> str:
    lines = []
    for kind, items in (("FP", report.errors.false_positives), ("FN", report.errors.false_negatives)):
        for doc_id, span in sorted(items, key=lambda t: (t[0], t[1].start, t[1].label)):
            text = docs[doc_id].text
            left = text[max(0, span.start - width) : span.start]
            right = text[span.end : span.end + width]
            shown = lambda s: s.replace("\n", "⏎")  # noqa: E731
            extra = f" [{span.status}]" if span.status else ""
            rule = f" rule={span.rule}" if span.rule else ""
            lines.append(
                f"{kind} {span.label}{extra} {doc_id}:{span.start}-{span.end}{rule}\n"
                f"   …{shown(left)}[[{shown(text[span.start : span.end])}]]{shown(right)}…"
            )
    for doc_id, g, p in report.errors.wrong_status:
        text = docs[doc_id].text[p.start : p.end].replace("\n", "⏎")
        lines.append(f"STATUS {doc_id}:{p.start}-{p.end} gold={g.status} predicted={p.status} rule={p.rule}\n   {text}")
    return "\n".join(lines) if lines else "no errors"
