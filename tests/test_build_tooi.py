"""scripts/resources/build_tooi.py on small hand-made TOOI registers (never on ../shared)."""

import importlib
import json

import pytest
from test_build_resources import (
    build_tooi,
    buildlib,
    clear_table_caches,
    edit_table,
    editable_tables,
    shared_fixture,
    write_tooi,
)

tooi_register = importlib.import_module("tooi_register")
ud_lexicon = importlib.import_module("ud_lexicon")
tables = pytest.fixture(editable_tables)

shared = shared_fixture(write_tooi)


@pytest.fixture()
def patterns(shared):
    lexicon = ud_lexicon.load_lexicon(shared / "data" / "ud")
    rows, _stats, _files = build_tooi.build_organisations(shared, lexicon)
    return {r["pattern"]: r for r in rows}


# -- the name rules ---------------------------------------------------------------------


def test_places_never_become_patterns(patterns):
    for place in ("Groningen", "Bonaire", "Amsterdam", "Limburg", "Aa en Maas", "Veluwe"):
        assert place not in patterns
    assert not {p.lower() for p in patterns} & {"groningen", "bonaire", "limburg"}


def test_name_containing_a_place_is_kept_whole(patterns):
    assert "Rechtbank Amsterdam" in patterns
    assert patterns["Waterschap Aa en Maas"]["id"] == "gazetteer:tooi_waterschappen"
    assert "Hoogheemraadschap van Delfland" in patterns  # no double kind word
    assert "Waterschap Hoogheemraadschap van Delfland" not in patterns


def test_abbreviations_kept_and_dropped(patterns):
    assert {"RIVM", "UWV", "ODIJ"} <= set(patterns)
    assert "OM" not in patterns  # two letters
    assert "Pf" not in patterns  # one capital
    assert "Kompas" not in patterns  # an ordinary Dutch word in title case
    assert "ONS" not in patterns  # a frequent word, matched in ALL CAPS text
    assert "VRF" not in patterns  # two veiligheidsregio's share it
    assert "Justid" in patterns  # title-case short name that is no Dutch word


def test_generic_long_and_unmarked_names_dropped(patterns):
    for name in ("Politie", "Raad", "Rijksoverheid", "Rijk", "het Rijk", "Impact", "Blink"):
        assert name not in patterns
    assert "Landelijk politiekorps" in patterns
    assert not any(len(p.split()) > build_tooi.MAX_NAME_WORDS for p in patterns)
    assert "Keuringsinstanties ex Warenwet" not in patterns  # a cluster, not one body


def test_validity_dates(patterns):
    assert patterns["RIVM"]["valid_from"] == "1984-01-01" and patterns["RIVM"]["valid_to"] is None
    assert patterns["Waterschap Veluwe"]["valid_to"] == "2012-12-31"  # ended, still recognised
    assert patterns["Justid"]["valid_to"] == "2030-01-01"


def test_legal_form_variant(patterns):
    assert "Zorgkantoor DSW B.V." in patterns and "Zorgkantoor DSW" in patterns


def test_exact_duplicates_merged_with_widest_validity():
    orgs = [
        tooi_register.Organisation("zbo", "a", ["Curriculumcommissie"], [], "2020-07-28", "2023-12-31"),
        tooi_register.Organisation("zbo", "b", ["Curriculumcommissie"], [], "2020-07-28", "2024-12-31"),
    ]
    rows, _ = build_tooi.organisation_patterns(orgs, set(), ud_lexicon.Lexicon(), {})
    assert [(r["pattern"], r["valid_to"]) for r in rows] == [("Curriculumcommissie", "2024-12-31")]


# -- the knowledge is in the tables --------------------------------------------------------


def kept_patterns(shared):
    return {json.loads(line)["pattern"] for line in build_tooi.build(shared).text.splitlines()}


def test_a_word_added_to_the_generic_names_table_is_dropped(shared, tables):
    assert "Rechtbank Amsterdam" in kept_patterns(shared)
    with (tables / "generic_names.txt").open("a", encoding="utf-8") as fh:
        fh.write("rechtbank amsterdam\n")
    clear_table_caches()
    kept = kept_patterns(shared)
    assert "Rechtbank Amsterdam" not in kept
    assert "RIVM" in kept


def test_the_register_list_table_decides_which_registers_are_read(shared, tables):
    rows = (tables / "tooi_lists.jsonl").read_text(encoding="utf-8").splitlines()
    (tables / "tooi_lists.jsonl").write_text(
        "\n".join(r for r in rows if '"list": "zbo"' not in r) + "\n", encoding="utf-8"
    )
    clear_table_caches()
    kept = kept_patterns(shared)
    assert "UWV" not in kept and "RIVM" in kept
    assert "tooi_zbo" not in build_tooi.build(shared).summary


def test_an_unknown_key_in_the_register_list_table_is_one_line_naming_file_and_line(shared, tables):
    line = edit_table(tables, "tooi_lists.jsonl", '"types"', '"typs"')
    with pytest.raises(buildlib.SourceError) as err:
        build_tooi.build(shared)
    assert str(err.value) == f"{tables / 'tooi_lists.jsonl'}:{line}: unknown key(s) ['typs']"
