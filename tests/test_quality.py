"""Precision and recall on hand-labelled gold.

Floors are measured values (docs/annotation.md, README) minus a small margin for
base-model differences; they are never lowered to make a test pass.
"""

import pytest

from pipeline.annotations import document_from_record, load_documents
from pipeline.evaluate import score
from pipeline.records import ENTITY_LABELS, doc_to_record

from conftest import REPO, SHARED, shared_path

SEED_FLOOR = 0.90
# dev: strict F1 per entity label, overlap F1 for TOEZEGGING, status accuracy
DEV_FLOORS = {"MINISTER": 0.94, "ORGANISATIE": 0.94, "TOEZEGGING": 0.92, "status": 0.95}


def predict(nlp, gold):
    return {
        doc_id: document_from_record(doc_to_record(nlp(g.text), doc_id, g.where, nlp.meta["kamer_base"]))
        for doc_id, g in gold.items()
    }


@pytest.fixture(scope="module")
def seeds_report(nlp):
    gold = load_documents(REPO / "data/gold/seeds.jsonl")
    return score(gold, predict(nlp, gold))


@pytest.fixture(scope="module")
def dev_report(nlp):
    shared_path("corpus/dev")
    gold = load_documents(REPO / "data/gold/dev.jsonl", corpus_root=SHARED)
    assert len(gold) == 35
    return score(gold, predict(nlp, gold))


@pytest.mark.parametrize("label", ENTITY_LABELS)
def test_seed_entities_precision_and_recall(seeds_report, label):
    counts = seeds_report.strict[label]
    assert counts.gold > 0
    assert counts.precision >= SEED_FLOOR and counts.recall >= SEED_FLOOR, counts.as_dict()


def test_seed_toezeggingen_precision_recall_and_status(seeds_report):
    counts = seeds_report.toezegging
    assert counts.precision >= SEED_FLOOR and counts.recall >= SEED_FLOOR, counts.as_dict()
    assert seeds_report.status_accuracy >= SEED_FLOOR


@pytest.mark.corpus
@pytest.mark.parametrize("label", ["MINISTER", "ORGANISATIE"])
def test_dev_entities_strict_f1(dev_report, label):
    counts = dev_report.strict[label]
    assert counts.f1 >= DEV_FLOORS[label], counts.as_dict()


@pytest.mark.corpus
def test_dev_has_no_spurious_operations(dev_report):
    # no dev letter names an operation (docs/annotation.md): every OPERATIE would be wrong
    counts = dev_report.strict["OPERATIE"]
    assert counts.gold == 0 and counts.pred == 0, counts.as_dict()


@pytest.mark.corpus
def test_dev_toezeggingen_overlap_f1_and_status(dev_report):
    assert dev_report.toezegging.f1 >= DEV_FLOORS["TOEZEGGING"], dev_report.toezegging.as_dict()
    assert dev_report.status_accuracy >= DEV_FLOORS["status"]
