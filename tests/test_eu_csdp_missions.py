"""The EU CSDP missions and the coalitions gazetteers (issue 13): the files are consistent (schema, ids and
duplicates: test_gazetteer_files.py), they hold the missions a reader expects, and on invented sentences a mission is
one OPERATIE span and a named coalition one ORGANISATIE span, each file working on its own (tiny resources) and
inside the real resources."""

import shutil

import pytest

from pipeline.knowledge.resource_files import RESOURCES, read_list
from tests.conftest import ents, gazetteer_rows, rules_pipeline

GAZETTEERS = RESOURCES / "gazetteers"
EU_FILE = "eu_csdp_missions.jsonl"
COALITION_FILE = "coalitions.jsonl"


def patterns(name):
    return {row["pattern"] for row in gazetteer_rows(name)}


@pytest.mark.parametrize("name", [EU_FILE, COALITION_FILE])
def test_no_name_is_listed_in_a_form_the_case_check_already_accepts(name):
    # the matcher accepts the ALL-CAPS form of every row, so such a row would be a second copy (a row listed twice
    # is caught for every gazetteer in test_gazetteer_files.py)
    names = {row["pattern"] for row in gazetteer_rows(name)}
    assert sorted(p for p in names if p == p.upper() and any(q != p and q.upper() == p for q in names)) == []


def test_no_name_is_an_operation_in_one_file_and_an_organisation_in_another():
    labels = {}
    for name in (EU_FILE, COALITION_FILE, "operations.jsonl", "international.jsonl"):
        for row in gazetteer_rows(name):
            labels.setdefault(row["pattern"], set()).add(row["label"])
    mine = patterns(EU_FILE) | patterns(COALITION_FILE)
    assert sorted(p for p in mine if len(labels[p]) > 1) == []


@pytest.mark.parametrize("name", [EU_FILE, COALITION_FILE])
def test_no_name_starts_with_a_generic_head_the_guide_leaves_out(name):
    heads = set(read_list("operation_heads.txt", RESOURCES / "lists"))
    assert sorted(p for p in patterns(name) if p.split()[0] in heads) == []


def test_all_csdp_missions_and_operations_are_there():
    expected = {
        # military operations
        "EUFOR Concordia", "EUFOR Althea", "Althea", "EUFOR RD Congo", "EUFOR Tchad/RCA", "EUNAVFOR Atalanta",
        "Atalanta", "EUTM Somalia", "EUFOR Libya", "EUTM Mali", "EUFOR RCA", "EUMAM RCA", "EUNAVFOR MED Sophia",
        "EUTM RCA", "EUNAVFOR MED Irini", "Irini", "EUTM Mozambique", "EUMAM Mozambique", "EUMAM Ukraine",
        "EUMPM Niger", "EUNAVFOR Aspides", "Aspides", "EUSDI Gulf of Guinea",
        # civilian missions
        "EUPM BiH", "EUPOL Proxima", "EUJUST Themis", "EUPOL Kinshasa", "EUSEC RD Congo", "EUJUST LEX",
        "EUJUST LEX-Iraq", "AMIS", "EU BAM Rafah", "EUBAM Rafah", "EUBAM Moldova-Ukraine", "Aceh Monitoring Mission",
        "AMM", "EUPAT", "EUPOL COPPS", "EUPT Kosovo", "EUPOL Afghanistan", "EUPOL RD Congo", "EU SSR Guinea-Bissau",
        "EULEX Kosovo", "EUMM Georgia", "EUCAP Nestor", "EUCAP Somalia", "EUAVSEC South Sudan", "EUCAP Sahel Niger",
        "EUCAP Sahel Mali", "EUBAM Libya", "EUAM Ukraine", "EUAM Iraq", "EUAM RCA", "EUMA", "EUPM Moldova",
        "EU RACC Sahel",
    }  # fmt: skip
    assert sorted(expected - patterns(EU_FILE)) == []


@pytest.mark.parametrize(
    "english, dutch",
    [
        ("Somalia", "Somalië"),
        ("Libya", "Libië"),
        ("Georgia", "Georgië"),
        ("Ukraine", "Oekraïne"),
        ("Iraq", "Irak"),
        ("South Sudan", "Zuid-Soedan"),
        ("Moldova", "Moldavië"),
        ("Tchad/RCA", "Tsjaad/CAR"),
        ("Guinea-Bissau", "Guinee-Bissau"),
        ("Gulf of Guinea", "Golf van Guinee"),
    ],
)
def test_a_mission_named_by_acronym_and_country_has_the_dutch_country_too(english, dutch):
    names = patterns(EU_FILE)
    # "EUTM Somalia" has "EUTM Somalië"; spelled-out English names ("EU Training Mission Somalia") stay English
    short = [p for p in names if p.endswith(" " + english) and all(w.isupper() for w in p[: -len(english)].split())]
    assert short, english
    assert sorted(p for p in short if p[: -len(english)] + dutch not in names) == []


def test_the_coalition_operations_and_coalitions_are_there():
    operations = {
        "Desert Shield", "Desert Storm", "Provide Comfort", "Southern Watch", "Northern Watch", "Enduring Freedom",
        "OEF", "Iraqi Freedom", "SFIR", "Stabilisation Force Iraq", "Inherent Resolve", "OIR", "Prosperity Guardian",
        "EMASoH", "Agenor", "Combined Maritime Forces", "CTF-150", "CTF-151", "CTF-152", "CTF-153",
        "Multinational Force and Observers", "MFO", "TIPH", "Temporary International Presence in Hebron",
        "Restore Hope", "UNITAF", "Turquoise", "Multinational Force Iraq", "MNF-I",
    }  # fmt: skip
    coalitions = {"Coalition of the Willing", "Global Coalition against Daesh", "Global Coalition to Defeat ISIS"}
    found = {(row["label"], row["pattern"]) for row in gazetteer_rows(COALITION_FILE)}
    assert sorted(operations - {p for label, p in found if label == "OPERATIE"}) == []
    assert sorted(coalitions - {p for label, p in found if label == "ORGANISATIE"}) == []


# -- on sentences -------------------------------------------------------------------------------------------------


@pytest.fixture
def nlp(resources_dir):
    """The tiny resources plus only these two files: they must work without operations.jsonl."""
    for name in (EU_FILE, COALITION_FILE):
        shutil.copy(GAZETTEERS / name, resources_dir / "gazetteers" / name)
    return rules_pipeline(resources_dir)


def spans(doc):
    return [(e.text, e.label_, e._.kamer_rule) for e in doc.ents]


@pytest.mark.unit
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "De Nederlandse bijdrage aan EUTM Somalië wordt met een jaar verlengd.",
            [("EUTM Somalië", "OPERATIE", "gazetteer:eu_csdp")],
        ),
        (
            "Een fregat vaart dit najaar mee met EUNAVFOR Atalanta voor de kust.",
            [("EUNAVFOR Atalanta", "OPERATIE", "gazetteer:eu_csdp")],
        ),
        (
            "Het kabinet wil dat Atalanta en Irini worden voortgezet.",
            [("Atalanta", "OPERATIE", "gazetteer:eu_csdp"), ("Irini", "OPERATIE", "gazetteer:eu_csdp")],
        ),
        (
            "De EU Training Mission in Mali (EUTM Mali) stopt.",
            [
                ("EU Training Mission in Mali", "OPERATIE", "gazetteer:eu_csdp"),
                ("EUTM Mali", "OPERATIE", "gazetteer:eu_csdp"),
            ],
        ),
        (
            "Ook EUFOR Tsjaad/CAR en EUCAP Sahel Mali komen aan bod.",
            [
                ("EUFOR Tsjaad/CAR", "OPERATIE", "gazetteer:eu_csdp"),
                ("EUCAP Sahel Mali", "OPERATIE", "gazetteer:eu_csdp"),
            ],
        ),
    ],
)
def test_an_eu_mission_is_one_operation_span(nlp, text, expected):
    assert spans(nlp(text)) == expected


@pytest.mark.unit
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Nederland blijft lid van de Global Coalition against Daesh.",
            [("Global Coalition against Daesh", "ORGANISATIE", "gazetteer:coalition")],
        ),
        (
            "Destijds steunde het kabinet de Coalition of the Willing politiek.",
            [("Coalition of the Willing", "ORGANISATIE", "gazetteer:coalition")],
        ),
        (
            "Het schip voer eerst in CTF-151 en daarna in Combined Task Force 150.",
            [
                ("CTF-151", "OPERATIE", "gazetteer:coalition_operation"),
                ("Combined Task Force 150", "OPERATIE", "gazetteer:coalition_operation"),
            ],
        ),
        (
            "De luchtmacht droeg bij aan Inherent Resolve en eerder aan Desert Storm.",
            [
                ("Inherent Resolve", "OPERATIE", "gazetteer:coalition_operation"),
                ("Desert Storm", "OPERATIE", "gazetteer:coalition_operation"),
            ],
        ),
    ],
)
def test_a_coalition_is_an_organisation_and_its_operation_an_operation(nlp, text, expected):
    assert spans(nlp(text)) == expected


@pytest.mark.unit
def test_short_names_that_mean_something_else_are_left_out(nlp):
    # bare Sophia, Artemis, Concordia and Proxima are no rows: a hospital, a space programme, a concert hall
    text = "Het Sophia Kinderziekenhuis, het Artemis-programma, de zaal Concordia en de ster Proxima."
    assert spans(nlp(text)) == []


def test_in_the_real_resources_a_mission_is_one_span_without_an_organisation_inside(rules_nlp):
    doc = rules_nlp("De Nederlandse bijdrage aan de EU Training Mission Somalia en aan EUTM Somalië blijft.")
    assert ents(doc) == [
        ("EU Training Mission Somalia", "OPERATIE"),
        ("EUTM Somalië", "OPERATIE"),
    ]
