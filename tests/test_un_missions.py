"""The UN missions gazetteer (gazetteers/un_missions.jsonl): missions of every decade and no organisation's name
(schema, id and duplicates: test_gazetteer_files.py), and its long forms, acronyms and French forms each tagged as
one OPERATIE, with no separate ORGANISATIE for "Verenigde Naties" inside them."""

import json
import shutil

import pytest

from pipeline.knowledge.resource_files import RESOURCES
from tests.conftest import ents, gazetteer_rows, rules_pipeline, write_jsonl

GAZETTEERS = RESOURCES / "gazetteers"
FILE = "un_missions.jsonl"

pytestmark = pytest.mark.unit  # the real file on the tiny pipeline: part of make test-fast


def test_no_pattern_is_an_organisation_in_another_gazetteer():
    organisations = set()
    for path in sorted(GAZETTEERS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() and not line.startswith("//") else None
            if row and row["label"] == "ORGANISATIE":
                organisations.add(row["pattern"].lower())
    assert sorted(r["pattern"] for r in gazetteer_rows(FILE) if r["pattern"].lower() in organisations) == []


@pytest.mark.parametrize(
    "pattern",
    [
        "UNTSO",
        "UNEF I",
        "UNEF II",
        "ONUC",
        "UNAVEM III",
        "UNOSOM II",
        "UNPROFOR",
        "UNMISS",
        "MINUSCA",
        "UNISFA",
        "MONUSCO",
        "UNMHA",
        "UNAMA",
        "UNSMIL",
        "UNTMIS",
        "BINUH",
        "UNOWAS",
        "FINUL",
        "FORPRONU",
    ],
)
def test_operations_of_every_decade_and_kind_are_in(pattern):
    assert pattern in {r["pattern"] for r in gazetteer_rows(FILE)}


@pytest.fixture
def nlp(resources_dir):
    """The tiny pipeline with the real UN missions file and the bodies that stand inside the missions' names."""
    shutil.copy(GAZETTEERS / FILE, resources_dir / "gazetteers" / FILE)
    write_jsonl(
        resources_dir / "gazetteers" / "bodies.jsonl",
        [
            {"label": "ORGANISATIE", "pattern": name, "id": "gazetteer:international_org"}
            for name in ("Verenigde Naties", "VN", "United Nations", "UN", "Afrikaanse Unie", "African Union")
        ],
    )
    return rules_pipeline(resources_dir)


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Wij sturen een fregat naar de United Nations Interim Force in Lebanon.",
            "United Nations Interim Force in Lebanon",
        ),
        ("Wij sturen een fregat naar de UN Interim Force in Lebanon.", "UN Interim Force in Lebanon"),
        ("Het mandaat van UNIFIL loopt af.", "UNIFIL"),
        ("Het mandaat van de Unifil loopt af.", "Unifil"),
        (
            "De Force intérimaire des Nations Unies au Liban krijgt steun.",
            "Force intérimaire des Nations Unies au Liban",
        ),
        ("Het mandaat van de FINUL loopt af.", "FINUL"),
        (
            "Wij steunen de Bijstandsmissie van de Verenigde Naties in Afghanistan.",
            "Bijstandsmissie van de Verenigde Naties in Afghanistan",
        ),
        (
            "Er is overleg met de hybride operatie van de Afrikaanse Unie en de Verenigde Naties in Darfur.",
            "hybride operatie van de Afrikaanse Unie en de Verenigde Naties in Darfur",
        ),
        ("Na UNOSOM II kwam er een andere missie.", "UNOSOM II"),
    ],
)
def test_a_long_form_acronym_or_french_form_is_one_operation(nlp, text, name):
    assert ents(nlp(text)) == [(name, "OPERATIE")]


def test_a_long_form_and_its_bracketed_acronym_are_two_operations_and_the_un_is_no_organisation(nlp):
    doc = nlp(
        "Nederland draagt bij aan de United Nations Multidimensional Integrated Stabilisation Mission in Mali "
        "(MINUSMA). De Verenigde Naties vragen meer."
    )
    assert ents(doc) == [
        ("United Nations Multidimensional Integrated Stabilisation Mission in Mali", "OPERATIE"),
        ("MINUSMA", "OPERATIE"),
        ("Verenigde Naties", "ORGANISATIE"),
    ]
