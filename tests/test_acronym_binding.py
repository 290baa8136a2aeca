"""Acronym binding on invented sentences: a long form before "(ACR)" is typed by its head noun, and so is
every later bare mention of the acronym; brackets that hold no name never become a span."""

import pytest

from tests.conftest import rules_pipeline, write_jsonl

pytestmark = pytest.mark.unit


@pytest.fixture
def nlp(resources_dir):
    lists = resources_dir / "lists"
    operation_heads = "# heads of operations\nmissie\nmission\nforce\n"
    (lists / "acronym_operation_heads.txt").write_text(operation_heads, encoding="utf-8")
    (lists / "acronym_organisation_heads.txt").write_text("raad\nfonds\nfund\n", encoding="utf-8")
    (lists / "bracket_non_names.txt").write_text("zie\nbijlage\nartikel\n", encoding="utf-8")
    write_jsonl(
        resources_dir / "gazetteers" / "more.jsonl",
        [
            {"label": "ORGANISATIE", "pattern": "Verenigde Naties", "id": "gazetteer:international_org"},
            {"label": "ORGANISATIE", "pattern": "SKM", "id": "gazetteer:international_org"},
        ],
    )
    return rules_pipeline(resources_dir)


def spans(doc):
    return [(e.text, e.label_, e._.kamer_rule, e._.kamer_role) for e in doc.ents]


def test_a_mission_spelled_out_in_another_order_binds_its_acronym_and_later_mentions(nlp):
    doc = nlp("Wij steunen de Stabilisatiemissie van de Verenigde Naties in Karistan (MINUSKA). De MINUSKA groeit.")
    assert spans(doc) == [
        ("Stabilisatiemissie van de Verenigde Naties in Karistan", "OPERATIE", "acronym:bound_long_form", "entity"),
        ("MINUSKA", "OPERATIE", "acronym:bound_to_long_form", "entity"),
        ("MINUSKA", "OPERATIE", "acronym:defined_earlier", "entity"),
    ]


@pytest.mark.parametrize(
    "text, long_form",
    [
        ("Het geld gaat naar het Karistan Recovery Fund (KRF). Later krijgt het KRF meer.", "Karistan Recovery Fund"),
        ("Wij steunen het Fonds voor Wederopbouw van Karistan (FWK). Het FWK is nieuw.", "Fonds voor Wederopbouw"),
    ],
)
def test_a_fund_or_council_head_makes_long_form_and_acronym_an_organisation(nlp, text, long_form):
    found = spans(nlp(text))
    assert [(t, label) for t, label, _, _ in found] == [
        (found[0][0], "ORGANISATIE"),
        (found[1][0], "ORGANISATIE"),
        (found[2][0], "ORGANISATIE"),
    ]
    assert found[0][0].startswith(long_form) and found[0][2] == "acronym:bound_long_form"
    assert found[1][0] == found[2][0] and found[2][2] == "acronym:defined_earlier"


def test_the_head_before_the_preposition_decides_the_label(nlp):
    doc = nlp("Het gaat om de Raad van de Karistaanse Missie (RKM).")
    assert spans(doc)[0][:2] == ("Raad van de Karistaanse Missie", "ORGANISATIE")
    doc = nlp("Het gaat om de Karistan Rapid Reaction Force (KRRF).")
    assert spans(doc)[0][:2] == ("Karistan Rapid Reaction Force", "OPERATIE")


def test_a_body_joined_by_en_de_stays_outside_the_long_form(nlp):
    doc = nlp("Dit doen de NAVO en de Trainingsmissie Karistan (TMK) samen.")
    assert [(t, label) for t, label, _, _ in spans(doc)] == [
        ("NAVO", "ORGANISATIE"),
        ("Trainingsmissie Karistan", "OPERATIE"),
        ("TMK", "OPERATIE"),
    ]


def test_a_bound_acronym_overrides_another_reading_of_the_same_letters(nlp):
    doc = nlp("De Stabilisatiemissie Karistan (SKM) start. Daarna groeit de SKM.")
    assert [(t, label) for t, label, _, _ in spans(doc) if t == "SKM"] == [("SKM", "OPERATIE"), ("SKM", "OPERATIE")]


def test_a_description_in_lower_case_binds_nothing(nlp):
    assert spans(nlp("De trainingsmissie (TMK) start. De TMK groeit.")) == []


@pytest.mark.parametrize(
    "bracket",
    ["(BIJLAGE)", "(zie bijlage)", "(Zie Bijlage 2)", "(Artikel 100)", "(XIII)", "(2019)", "(€ 5 miljoen)", "(VII)"],
)
def test_brackets_that_hold_no_name_never_become_a_span(nlp, bracket):
    doc = nlp(f"De NAVO {bracket} en de Stabilisatiemissie in Karistan {bracket} betalen mee.")
    assert [e.text for e in doc.ents if e.text not in {"NAVO"}] == []


def test_a_described_kind_before_the_long_form_stays_outside_it(nlp):
    doc = nlp("Nederland blijft in de VN-missie Karistan Stabilisation Mission (KASTA).")
    assert spans(doc)[0][:2] == ("Karistan Stabilisation Mission", "OPERATIE")
