"""Every gazetteer file (resources/gazetteers/) loads under the gazetteer schema, holds more than a floor of rows, gives
each label the one id of its source, and lists no pattern twice. The checks that are particular to one list stay
with that list's tests (test_un_system.py, test_eu_csdp_missions.py, ...)."""

from collections import Counter

import pytest

from tests.conftest import gazetteer_rows

pytestmark = pytest.mark.unit  # the real files, read without a pipeline: part of make test-fast

# file: (the file holds more rows than this, the (label, id) pairs of its rows)
FILES = {
    "coalitions.jsonl": (0, {("OPERATIE", "gazetteer:coalition_operation"), ("ORGANISATIE", "gazetteer:coalition")}),
    "eu_bodies.jsonl": (0, {("ORGANISATIE", "gazetteer:eu_body")}),
    "eu_csdp_missions.jsonl": (0, {("OPERATIE", "gazetteer:eu_csdp")}),
    "financial_institutions.jsonl": (100, {("ORGANISATIE", "gazetteer:financial_institution")}),
    "international.jsonl": (0, {("ORGANISATIE", "gazetteer:international_org")}),
    "ministry_abbreviations.jsonl": (0, {("ORGANISATIE", "gazetteer:ministry_abbreviation")}),
    "nato_bodies.jsonl": (100, {("ORGANISATIE", "gazetteer:nato_body")}),
    "nato_operations.jsonl": (100, {("OPERATIE", "gazetteer:nato_operation")}),
    "netherlands.jsonl": (0, {("ORGANISATIE", "gazetteer:dutch_org")}),
    "nl_security.jsonl": (150, {("ORGANISATIE", "gazetteer:nl_security")}),
    "operations.jsonl": (0, {("OPERATIE", "gazetteer:operation")}),
    "tooi_organisations.jsonl": (
        0,
        {
            ("ORGANISATIE", "gazetteer:tooi_overige_overheidsorganisaties"),
            ("ORGANISATIE", "gazetteer:tooi_samenwerkingsorganisaties"),
            ("ORGANISATIE", "gazetteer:tooi_waterschappen"),
            ("ORGANISATIE", "gazetteer:tooi_zbo"),
        },
    ),
    "un_missions.jsonl": (300, {("OPERATIE", "gazetteer:un_mission")}),
    "un_system.jsonl": (100, {("ORGANISATIE", "gazetteer:un_system")}),
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_a_gazetteer_file_loads_with_one_id_per_source_and_label(name):
    floor, label_ids = FILES[name]
    loaded = gazetteer_rows(name)
    assert len(loaded) > floor
    assert {(r["label"], r["id"], r["role"]) for r in loaded} == {(label, id_, "gazetteer") for label, id_ in label_ids}


@pytest.mark.parametrize("name", sorted(FILES))
def test_no_pattern_is_listed_twice_in_a_gazetteer_file(name):
    counts = Counter(r["pattern"] for r in gazetteer_rows(name))
    assert [p for p, n in counts.items() if n > 1] == []
