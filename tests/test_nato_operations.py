"""The NATO gazetteers (resources/gazetteers/nato_operations.jsonl, nato_bodies.jsonl): operations, missions,
standing and rapid-reaction forces are OPERATIE; NATO's organs, agencies, commands and headquarters are ORGANISATIE.
The files hold the guide's examples and no name under both labels (schema, ids and duplicates:
test_gazetteer_files.py), and tag invented sentences as the guide says (the real resources on a blank model, as in
test_structural_names.py)."""

import pytest

from tests.conftest import ents, gazetteer_rows

FILES = ("nato_operations.jsonl", "nato_bodies.jsonl")


def test_no_name_is_both_an_operation_and_a_body():
    operations = {r["pattern"].lower() for r in gazetteer_rows("nato_operations.jsonl")}
    bodies = {r["pattern"].lower() for r in gazetteer_rows("nato_bodies.jsonl")}
    assert operations & bodies == set()


def test_the_guides_examples_are_listed_under_their_label():
    # the files are complete on their own: they do not lean on operations.jsonl or international.jsonl
    operations = {r["pattern"] for r in gazetteer_rows("nato_operations.jsonl")}
    bodies = {r["pattern"] for r in gazetteer_rows("nato_bodies.jsonl")}
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
    patterns = {r["pattern"] for name in FILES for r in gazetteer_rows(name)}
    assert {"SACEUR", "SACT", "Readiness Action Plan", "Partnership for Peace"} & patterns == set()


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
def test_operations_and_forces_are_one_operatie_span(rules_nlp, text, expected):
    assert ents(rules_nlp(text)) == expected


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
def test_organs_agencies_and_commands_are_organisatie(rules_nlp, text, expected):
    assert ents(rules_nlp(text)) == expected


def test_a_nato_name_inside_a_force_is_no_separate_organisation(rules_nlp):
    # guide: inside an OPERATIE span there is no ORGANISATIE span
    doc = rules_nlp("Zij dienden in de Standing NATO Maritime Group 1 en bij de NATO Response Force.")
    assert [e.label_ for e in doc.ents] == ["OPERATIE", "OPERATIE"]
