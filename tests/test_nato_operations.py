"""The NATO gazetteers (resources/gazetteers/nato_operations.jsonl, nato_bodies.jsonl): operations, missions,
standing and rapid-reaction forces are OPERATIE; NATO's organs, agencies, commands and headquarters are
ORGANISATIE. The files load under the gazetteer schema, hold no duplicates, and tag invented sentences as the
guide says (the real resources on a blank model, as in test_structural_names.py)."""

from collections import Counter

import pytest
import spacy

import pipeline.components.entities  # noqa: F401  (registers the factory)
from pipeline.knowledge.resource_files import RESOURCES, read_rule_file

GAZETTEERS = RESOURCES / "gazetteers"
FILES = {
    "nato_operations.jsonl": ("OPERATIE", "gazetteer:nato_operation"),
    "nato_bodies.jsonl": ("ORGANISATIE", "gazetteer:nato_body"),
}


def rows(name):
    return [located.row for located in read_rule_file(name, GAZETTEERS, "gazetteer")]


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_loads_with_one_label_and_one_id(name):
    label, rule_id = FILES[name]
    loaded = rows(name)
    assert len(loaded) > 100
    assert {r["label"] for r in loaded} == {label}
    assert {r["id"] for r in loaded} == {rule_id}


@pytest.mark.parametrize("name", sorted(FILES))
def test_no_pattern_is_listed_twice(name):
    counts = Counter(r["pattern"] for r in rows(name))
    assert [p for p, n in counts.items() if n > 1] == []


def test_no_name_is_both_an_operation_and_a_body():
    operations = {r["pattern"].lower() for r in rows("nato_operations.jsonl")}
    bodies = {r["pattern"].lower() for r in rows("nato_bodies.jsonl")}
    assert operations & bodies == set()


def test_the_guides_examples_are_listed_under_their_label():
    # the files are complete on their own: they do not lean on operations.jsonl or international.jsonl
    operations = {r["pattern"] for r in rows("nato_operations.jsonl")}
    bodies = {r["pattern"] for r in rows("nato_bodies.jsonl")}
    assert {
        "Standing NATO Maritime Group 1",
        "SNMG1",
        "Standing NATO Mine Countermeasures Group 2",
        "NATO Response Force",
        "Immediate Response Force",
        "enhanced NATO Response Force",
        "eNRF",
        "NATO Readiness Initiative",
        "NRI",
        "Resolute Support",
        "KFOR",
        "Sea Guardian",
        "Counter Hybrid Support Team",
        "Joint Expeditionary Force",
        "JEF",
        "EU Battlegroups",
    } <= operations
    assert {"Noord-Atlantische Raad", "NAR", "NAVO-Oekraïne Commissie", "NAVO Rusland Raad", "NRR", "SHAPE"} <= bodies


def test_posts_and_plans_are_not_listed():
    # a commander's post is no body, a plan no operation (guide: "SACEUR" is no MINISTER nor ORGANISATIE)
    patterns = {r["pattern"] for name in FILES for r in rows(name)}
    assert {"SACEUR", "SACT", "Readiness Action Plan", "Partnership for Peace"} & patterns == set()


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("nl")
    for name in ("kamer_pdf_repair", "kamer_sentences", "kamer_entities"):
        nlp.add_pipe(name)
    return nlp


def entities(doc):
    return [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Een Nederlandse mijnenjager sluit zich aan bij de Standing NATO Mine Countermeasures Group 1.",
            [("Standing NATO Mine Countermeasures Group 1", "OPERATIE")],
        ),
        (
            "Het fregat voer twee maanden mee in SNMG2 en daarna in SNMCMG1.",
            [("SNMG2", "OPERATIE"), ("SNMCMG1", "OPERATIE")],
        ),
        (
            "Vroeger heette dit verband STANAVFORLANT, daarna Standing Naval Force Atlantic.",
            [("STANAVFORLANT", "OPERATIE"), ("Standing Naval Force Atlantic", "OPERATIE")],
        ),
        (
            "Nederland levert in 2027 troepen aan de Very High Readiness Joint Task Force.",
            [("Very High Readiness Joint Task Force", "OPERATIE")],
        ),
        (
            "De F-16's namen deel aan Icelandic Air Policing en aan Sharp Guard.",
            [("Icelandic Air Policing", "OPERATIE"), ("Sharp Guard", "OPERATIE")],
        ),
        (
            "Na Allied Force volgde de operatie Joint Guardian in Kosovo.",
            [("Allied Force", "OPERATIE"), ("Joint Guardian", "OPERATIE")],
        ),
        (
            "Het kabinet steunt de Joint Expeditionary Force en de EU Battlegroups.",
            [("Joint Expeditionary Force", "OPERATIE"), ("EU Battlegroups", "OPERATIE")],
        ),
        ("Ook het Allied Reaction Force wordt versterkt.", [("Allied Reaction Force", "OPERATIE")]),
    ],
)
def test_operations_and_forces_are_one_operatie_span(nlp, text, expected):
    assert entities(nlp(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Het besluit viel in de Noord-Atlantische Raad van vorige week.", [("Noord-Atlantische Raad", "ORGANISATIE")]),
        (
            "De operatie wordt geleid vanuit het Joint Force Command Brunssum.",
            [("Joint Force Command Brunssum", "ORGANISATIE")],
        ),
        (
            "Een delegatie bezocht de NATO Parliamentary Assembly en het Militair Comité.",
            [("NATO Parliamentary Assembly", "ORGANISATIE"), ("Militair Comité", "ORGANISATIE")],
        ),
        (
            "De munitie wordt gekocht via de NATO Support and Procurement Agency (NSPA).",
            [("NATO Support and Procurement Agency", "ORGANISATIE"), ("NSPA", "ORGANISATIE")],
        ),
        (
            "Dit bespreken wij in de Euro-Atlantische Partnerschapsraad.",
            [("Euro-Atlantische Partnerschapsraad", "ORGANISATIE")],
        ),
    ],
)
def test_organs_agencies_and_commands_are_organisatie(nlp, text, expected):
    assert entities(nlp(text)) == expected


def test_a_nato_name_inside_a_force_is_no_separate_organisation(nlp):
    # guide: inside an OPERATIE span there is no ORGANISATIE span
    doc = nlp("Zij dienden in de Standing NATO Maritime Group 1 en bij de NATO Response Force.")
    assert [e.label_ for e in doc.ents] == ["OPERATIE", "OPERATIE"]
