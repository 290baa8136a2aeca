"""Scoring as in docs/annotation.md: strict and partial entities, toezeggingen by overlap (the headline) and
strictly (same offsets), per document and in total."""

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
    strict: Dict[str, Counts] = field(default_factory=lambda: {label: Counts() for label in ENTITY_LABELS})
    partial: Dict[str, Counts] = field(default_factory=lambda: {label: Counts() for label in ENTITY_LABELS})
    toezegging: Counts = field(default_factory=Counts)  # overlap matching: the headline (docs/annotation.md)
    status_matched: int = 0
    status_correct: int = 0
    errors: Errors = field(default_factory=Errors)
    # same offsets: how often the sentence boundaries are exactly right (beside the overlap score)
    toezegging_strict: Counts = field(default_factory=Counts)
    # per document id, in the order scored; empty in a document's own report
    documents: Dict[str, "Report"] = field(default_factory=dict)

    @property
    def status_accuracy(self) -> Optional[float]:
        return ratio(self.status_correct, self.status_matched)

    def add(self, other: "Report") -> None:
        for label in ENTITY_LABELS:
            self.strict[label].add(other.strict[label])
            self.partial[label].add(other.partial[label])
        self.toezegging.add(other.toezegging)
        self.toezegging_strict.add(other.toezegging_strict)
        self.status_matched += other.status_matched
        self.status_correct += other.status_correct
        for mine, theirs in zip(vars(self.errors).values(), vars(other.errors).values()):
            mine.extend(theirs)

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
                "strict": self.toezegging_strict.as_dict(),
                "status_matched": self.status_matched,
                "status_correct": self.status_correct,
                "status_accuracy": rounded(self.status_accuracy),
            },
        }

    def documents_as_dict(self) -> Dict[str, dict]:
        """The scores of each document, in the form of the totals."""
        return {doc_id: report.as_dict() for doc_id, report in self.documents.items()}


def looks_like_pipeline_output(docs: Dict[str, Document]) -> bool:
    """Hand-labelled gold has no `rule`; a file that does is probably an extract output passed as gold."""
    return any(s.rule is not None for doc in docs.values() for s in doc.spans)


def score(gold: Dict[str, Document], pred: Dict[str, Document]) -> Report:
    """The totals over the gold documents (sorted by id), with each document's own report in ``documents``."""
    total = Report()
    for doc_id in sorted(gold):
        report = score_document(doc_id, gold[doc_id], pred[doc_id])
        total.add(report)
        total.documents[doc_id] = report
    return total


def score_document(doc_id: str, g_doc: Document, p_doc: Document) -> Report:
    report = Report()
    errors = report.errors
    for label in ENTITY_LABELS:
        g = [s for s in g_doc.entities if s.label == label]
        p = [s for s in p_doc.entities if s.label == label]
        exact = match_one_to_one(g, p, strict_accept)
        report.strict[label] = Counts(len(g), len(p), len(exact.matched))
        report.partial[label] = Counts(len(g), len(p), len(match_one_to_one(g, p, partial_accept).matched))
        _collect_errors(errors, doc_id, exact)
    g, p = g_doc.toezeggingen, p_doc.toezeggingen
    paired = match_one_to_one(g, p, toezegging_accept)
    matched = paired.matched
    report.toezegging = Counts(len(g), len(p), len(matched))
    report.toezegging_strict = Counts(len(g), len(p), len(match_one_to_one(g, p, strict_accept).matched))
    report.status_matched = len(matched)
    report.status_correct = sum(1 for a, b in matched if a.status == b.status)
    errors.wrong_status.extend((doc_id, a, b) for a, b in matched if a.status != b.status)
    _collect_errors(errors, doc_id, paired)
    return report


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
    lines.append(row(TOEZEGGING, "strict", report.toezegging_strict))
    lines.append(
        f"TOEZEGGING status accuracy: {report.status_correct}/{report.status_matched} = "
        f"{shown(report.status_accuracy, 0)}"
    )
    return "\n".join(lines)
