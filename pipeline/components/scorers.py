"""Scores through spaCy's scorer mechanism: ``nlp.evaluate`` and ``python -m spacy evaluate`` give the numbers of
``python -m pipeline evaluate``.

kamer_entities, kamer_toezeggingen and kamer_linking name a scorer in their factory's default_config (as
spaCy's entity_ruler and span_ruler do), and spaCy's Scorer calls each one's ``score(examples)``. A scorer
turns each Example back into the two records ``extract`` would write (records.doc_to_record: the reference is
the gold, the prediction the pipeline's output) and scores them with pipeline/evaluation, so what counts as a
match is decided in one place: entities by exact character offsets, a TOEZEGGING by an overlap of half the
longer span, one to one (evaluation/pairing.py). Ratios over nothing are None, as in ``evaluate``.

Keys, as spaCy names them where it has a name: ``ents_p/r/f`` and ``ents_per_type`` (strict),
``ents_partial_p/r/f`` and ``ents_partial_per_type`` (overlap), ``spans_{key}_p/r/f`` and
``spans_{key}_per_type`` (TOEZEGGING, overlap; ``spacy evaluate --spans-key toezeggingen`` prints them),
``spans_{key}_strict_p/r/f`` (TOEZEGGING, exact offsets), ``spans_{key}_status_acc``, and
``attributes_acc_per_type`` (the attribute table of ``evaluate``).
"""

from typing import Any, Callable, Dict, Iterable, Optional, Tuple

from spacy.training import Example
from spacy.util import registry

from pipeline.components import extensions  # noqa: F401  (span._ values are read from the docs)
from pipeline.evaluation.annotations import Document, document_from_record
from pipeline.evaluation.attributes import score_attributes
from pipeline.evaluation.scoring import Counts, Report, score
from pipeline.records import doc_to_record
from pipeline.schema import DEFAULT_SPANS_KEY, ENTITY_LABELS, TOEZEGGING

Scores = Dict[str, Any]
Documents = Dict[str, Document]


class ScoredComponent:
    """What spaCy's Scorer calls: ``score(examples)``, with the scorer from the factory's config (None: no scores)."""

    scorer: Optional[Callable[..., Scores]] = None

    def score(self, examples: Iterable[Example], **kwargs: Any) -> Scores:
        if self.scorer is None:
            return {}
        # a component with a span group is scored on it (config.cfg spans_key)
        return self.scorer(examples, **{"spans_key": getattr(self, "spans_key", DEFAULT_SPANS_KEY), **kwargs})


def as_documents(examples: Iterable[Example], spans_key: str) -> Tuple[Documents, Documents]:
    """(gold, prediction) by example, as ``evaluate`` reads them from the gold file and the output of ``extract``."""
    gold: Documents = {}
    pred: Documents = {}
    for n, example in enumerate(examples, 1):
        doc_id = f"example {n}"
        gold[doc_id] = document_from_record(doc_to_record(example.reference, doc_id, "", {}, spans_key), doc_id)
        pred[doc_id] = document_from_record(doc_to_record(example.predicted, doc_id, "", {}, spans_key), doc_id)
    return gold, pred


def prf(counts: Counts) -> Dict[str, Optional[float]]:
    return {"p": counts.precision, "r": counts.recall, "f": counts.f1}


def _report(examples: Iterable[Example], spans_key: str) -> Report:
    return score(*as_documents(examples, spans_key))


def score_entities(examples: Iterable[Example], spans_key: str = DEFAULT_SPANS_KEY, **_: Any) -> Scores:
    report = _report(examples, spans_key)
    scores: Scores = {}
    for prefix, mode in (("ents", "strict"), ("ents_partial", "partial")):
        scores.update({f"{prefix}_{k}": v for k, v in prf(report.micro(mode)).items()})
        scores[f"{prefix}_per_type"] = {label: prf(getattr(report, mode)[label]) for label in ENTITY_LABELS}
    return scores


def score_toezeggingen(examples: Iterable[Example], spans_key: str = DEFAULT_SPANS_KEY, **_: Any) -> Scores:
    report = _report(examples, spans_key)
    prefix = f"spans_{spans_key}"
    scores: Scores = {f"{prefix}_{k}": v for k, v in prf(report.toezegging).items()}
    scores[f"{prefix}_per_type"] = {TOEZEGGING: prf(report.toezegging)}
    scores[f"{prefix}_strict_p"], scores[f"{prefix}_strict_r"], scores[f"{prefix}_strict_f"] = prf(
        report.toezegging_strict
    ).values()  # exact offsets, as evaluate's "TOEZEGGING strict" row
    scores[f"{prefix}_status_acc"] = report.status_accuracy
    return scores


def score_linking(examples: Iterable[Example], spans_key: str = DEFAULT_SPANS_KEY, **_: Any) -> Scores:
    accuracies = score_attributes(*as_documents(examples, spans_key))
    return {"attributes_acc_per_type": {name: acc.value for name, acc in accuracies.items() if acc.scored}}


@registry.scorers("kamer_entities_scorer.v1")
def make_entities_scorer() -> Callable[..., Scores]:
    return score_entities


@registry.scorers("kamer_toezeggingen_scorer.v1")
def make_toezeggingen_scorer() -> Callable[..., Scores]:
    return score_toezeggingen


@registry.scorers("kamer_linking_scorer.v1")
def make_linking_scorer() -> Callable[..., Scores]:
    return score_linking
