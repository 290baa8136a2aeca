"""Precision and recall on hand-labelled gold; floors are measured values, never lowered to pass."""

import pytest

from pipeline.annotations import document_from_record, load_documents
from pipeline.evaluate import score
from pipeline.records import ENTITY_LABELS, doc_to_record

from conftest import REPO

SEED_FLOOR = 0.90


@pytest.fixture(scope="module")
def seeds_report(nlp):
    gold = load_documents(REPO / "data/gold/seeds.jsonl")
    pred = {
        doc_id: document_from_record(doc_to_record(nlp(g.text), doc_id, g.where, nlp.meta["kamer_base"]))
        for doc_id, g in gold.items()
    }
    return score(gold, pred)


@pytest.mark.parametrize("label", ENTITY_LABELS)
def test_seed_entities_precision_and_recall(seeds_report, label):
    counts = seeds_report.strict[label]
    assert counts.gold > 0
    assert counts.precision >= SEED_FLOOR and counts.recall >= SEED_FLOOR, counts.as_dict()


def test_seed_toezeggingen_precision_recall_and_status(seeds_report):
    counts = seeds_report.toezegging
    assert counts.precision >= SEED_FLOOR and counts.recall >= SEED_FLOOR, counts.as_dict()
    assert seeds_report.status_accuracy >= SEED_FLOOR
