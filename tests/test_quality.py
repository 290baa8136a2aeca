"""Precision and recall on hand-labelled gold.

Floors are measured values (docs/annotation.md, README) minus a small margin for
base-model differences; they are never lowered to make a test pass.
"""

import pytest
from conftest import REPO, SHARED, shared_path

from pipeline.evaluation.annotations import document_from_record, load_documents
from pipeline.evaluation.scoring import score
from pipeline.records import doc_to_record
from pipeline.schema import CHECK_SPLIT, ENTITY_LABELS, TUNE_SPLIT

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


# dev2 (issue 13): strict F1 and precision floors per entity label and part, set from measured values (never
# lowered to pass). dev2-check is the part nobody reads errors from: its floors are the bar.
# (F1, precision); measured at the end of issue 13: tune 0.993/0.986, 0.957/0.942, 0.963/0.963; check 0.970/1.000,
# 0.984/0.984, 0.957/0.971 (docs/generalisation.md)
DEV2_FLOORS = {
    TUNE_SPLIT: {"MINISTER": (0.97, 0.97), "ORGANISATIE": (0.94, 0.93), "OPERATIE": (0.94, 0.94)},
    CHECK_SPLIT: {"MINISTER": (0.92, 0.90), "ORGANISATIE": (0.90, 0.90), "OPERATIE": (0.85, 0.90)},
}


@pytest.fixture(scope="module")
def dev2_gold():
    shared_path("corpus/dev2")
    gold = load_documents(REPO / "data/gold/dev2.jsonl", corpus_root=SHARED)
    assert len(gold) == 36
    return gold


@pytest.fixture(scope="module")
def dev2_reports(nlp, dev2_gold):
    pred = predict(nlp, dev2_gold)
    return {
        part: score({i: g for i, g in dev2_gold.items() if g.split == part}, pred) for part in (TUNE_SPLIT, CHECK_SPLIT)
    }


@pytest.mark.corpus
@pytest.mark.parametrize("part", [TUNE_SPLIT, CHECK_SPLIT])
@pytest.mark.parametrize("label", ENTITY_LABELS)
def test_dev2_entities_strict_f1_and_precision(dev2_reports, part, label):
    counts = dev2_reports[part].strict[label]
    f1_floor, precision_floor = DEV2_FLOORS[part][label]
    assert counts.gold > 0 and counts.f1 >= f1_floor and counts.precision >= precision_floor, counts.as_dict()


# dev2 TOEZEGGING (issue 14), overlap (F1, precision) and status accuracy, set from the values measured at the end of
# this session (tune 0.898/1.000, 21/22; check 0.500/0.667, 4/6). The check floor is NOT issue 14's bar (0.85/0.90):
# it keeps the measured level from falling while the issue stays open.
DEV2_TOEZEGGING_FLOORS = {TUNE_SPLIT: (0.85, 0.95, 0.90), CHECK_SPLIT: (0.45, 0.60, 0.60)}


@pytest.mark.corpus
@pytest.mark.parametrize("part", [TUNE_SPLIT, CHECK_SPLIT])
def test_dev2_toezeggingen_overlap_and_status(dev2_reports, part):
    report = dev2_reports[part]
    f1_floor, precision_floor, status_floor = DEV2_TOEZEGGING_FLOORS[part]
    counts = report.toezegging
    assert counts.f1 >= f1_floor and counts.precision >= precision_floor, counts.as_dict()
    assert report.status_accuracy >= status_floor


# issue bars for the attributes (docs/annotation.md, "Attributes"); measured values are higher
ATTRIBUTE_FLOORS = {
    "TOEZEGGING status": 0.95,
    "TOEZEGGING bewindspersoon": 0.90,
    "TOEZEGGING termijn (overlap)": 0.85,
    "TOEZEGGING termijn_datum (exact, gold dated)": 0.80,
    "MINISTER functie": 0.90,
}


def attribute_scores(nlp, path, root=None):
    from pipeline.evaluation.attributes import score_attributes

    gold = load_documents(path, corpus_root=root)
    return score_attributes(gold, predict(nlp, gold))


@pytest.fixture(scope="module")
def seed_attributes(nlp):
    return attribute_scores(nlp, REPO / "data/gold/seeds.jsonl")


@pytest.fixture(scope="module")
def dev_attributes(nlp):
    shared_path("corpus/dev")
    return attribute_scores(nlp, REPO / "data/gold/dev.jsonl", SHARED)


@pytest.mark.parametrize("name", sorted(ATTRIBUTE_FLOORS))
def test_seed_attribute_accuracy(seed_attributes, name):
    acc = seed_attributes[name]
    if name.startswith("TOEZEGGING termijn_datum"):
        assert acc.scored == 0  # no seed toezegging has a datable deadline
        return
    assert acc.scored > 0 and acc.value >= ATTRIBUTE_FLOORS[name], acc.as_dict()


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(ATTRIBUTE_FLOORS))
def test_dev_attribute_accuracy(dev_attributes, name):
    acc = dev_attributes[name]
    assert acc.scored > 0 and acc.value >= ATTRIBUTE_FLOORS[name], acc.as_dict()


@pytest.fixture(scope="module")
def dev2_tune_attributes(nlp, dev2_gold):
    from pipeline.evaluation.attributes import score_attributes

    tune = {i: g for i, g in dev2_gold.items() if g.split == TUNE_SPLIT}
    return score_attributes(tune, predict(nlp, tune))


@pytest.mark.corpus
@pytest.mark.parametrize(
    "name", ["TOEZEGGING bewindspersoon", "TOEZEGGING termijn (overlap)", "TOEZEGGING herkomst", "TOEZEGGING status"]
)
def test_dev2_tune_attribute_accuracy(dev2_tune_attributes, name):
    # issue 14's bars (bewindspersoon 0.90, termijn 0.85, herkomst 0.85, status 0.95), met on the tune part
    acc = dev2_tune_attributes[name]
    assert acc.scored > 0 and acc.value >= ATTRIBUTE_FLOORS.get(name, 0.85), acc.as_dict()
