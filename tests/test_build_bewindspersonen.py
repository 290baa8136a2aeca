"""scripts/resources/build_bewindspersonen.py on a small hand-made EveryPolitician extract (never on ../shared)."""

import importlib

import pytest
from test_build_resources import (
    build_bewindspersonen,
    buildlib,
    clear_table_caches,
    edit_table,
    editable_tables,
    shared_fixture,
    write_everypolitician,
)

cabinet_titles = importlib.import_module("cabinet_titles")
tables = pytest.fixture(editable_tables)

shared = shared_fixture(write_everypolitician)


@pytest.mark.parametrize(
    "label,start,dutch",
    [
        ("Prime Minister", "2010-10-14", "Minister-President"),
        ("Minister of Foreign Affairs", "2018-03-07", "Minister van Buitenlandse Zaken"),
        ("State Secretary for Finance", "2014-02-04", "Staatssecretaris van Financiën"),
        (
            "Minister for Foreign Trade and Development Cooperation",
            "2012-11-05",
            "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",
        ),
        ("Minister of Justice and Security", "2015-03-20", "Minister van Veiligheid en Justitie"),
        ("Minister of Justice and Security", "2006-09-22", "Minister van Justitie"),
        ("Minister of Justice and Security", "2022-01-10", "Minister van Justitie en Veiligheid"),
        ("Minister of Infrastructure and Environment", "2022-01-10", "Minister van Infrastructuur en Waterstaat"),
        ("Deputy Prime Minister", "2022-01-10", "Viceminister-President"),
    ],
)
def test_english_positions_map_to_dutch_titles(label, start, dutch):
    assert cabinet_titles.dutch_title(label, start) == dutch


def test_positions_outside_the_cabinet_are_skipped_not_unmapped():
    for label in (
        "monarch",
        "mayor of Amsterdam",
        "ambassador to Hungary",
        "member of the Provincial Executive of Utrecht",
        "Speaker of the House of Representatives",
    ):
        assert cabinet_titles.skip_reason(label)
    assert cabinet_titles.skip_reason("Minister of Finance") is None
    assert cabinet_titles.skip_reason("mayoral candidate") is None  # a prefix is a whole word
    assert cabinet_titles.dutch_title("Minister of Magic", "2020-01-01") is None


@pytest.mark.parametrize(
    "full,surname",
    [
        ("Stef Blok", "Blok"),
        ("Ank Bijleveld", "Bijleveld"),
        ("Ard van der Steur", "Van der Steur"),
        ("Jan Kees de Jager", "De Jager"),
        ("Ernst Hirsch Ballin", "Hirsch Ballin"),
        ("Jaap de Hoop Scheffer", "De Hoop Scheffer"),
        ("Melanie Schultz van Haegen", "Schultz van Haegen"),
        ("Bas van 't Wout", "Van 't Wout"),
        ("Clémence Ross-van Dorp", "Ross-van Dorp"),
        ("Khee Liang Phoa", "Phoa"),  # "Liang": a second given name from the table
    ],
)
def test_surname_derivation(full, surname):
    given = build_bewindspersonen.given_names_from(["Jan Jansen", "Kees Verhoeven", "Stef Blok"])
    assert build_bewindspersonen.derive_surname(full, given) == surname


def test_surname_as_signed_overrides_the_short_label():
    row = build_bewindspersonen.minister_row(
        "Ank Bijleveld", "Q434816", "Minister van Defensie", "Minister of Defence", "2017-10-26", "2021-09-17", set()
    )
    assert row["achternaam"] == "Bijleveld-Schouten"


def test_minister_rows(shared):
    rows, stats = build_bewindspersonen.build_ministers(shared)
    by_person = {(r["persoon"], r["functie"]): r for r in rows}
    assert set(by_person) == {
        ("Mark Rutte", "Minister-President"),
        ("Ank Bijleveld", "Minister van Defensie"),
        ("Ard van der Steur", "Minister van Veiligheid en Justitie"),
        ("Stef Blok", "Minister van Buitenlandse Zaken"),
        ("Jan Kees de Jager", "Staatssecretaris van Financiën"),
    }
    assert by_person[("Mark Rutte", "Minister-President")]["end"] == ""  # repeated term: open end wins
    steur = by_person[("Ard van der Steur", "Minister van Veiligheid en Justitie")]
    assert steur["achternaam"] == "Van der Steur"
    assert by_person[("Jan Kees de Jager", "Staatssecretaris van Financiën")]["achternaam"] == "De Jager"
    assert stats.unmapped == {"Minister of Magic": 1}
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    header = build_bewindspersonen.ministers_tsv(rows).splitlines()[0].split("\t")
    assert header == ["persoon", "achternaam", "functie", "functie_en", "start", "end", "wikidata"]


def test_dutch_position_names_from_nlwiki():
    title_from_dutch = cabinet_titles.title_from_dutch
    assert title_from_dutch("minister van Financiën") == "Minister van Financiën"
    assert title_from_dutch("minister voor Klimaat en Energie") == "Minister voor Klimaat en Energie"
    assert title_from_dutch("derde vicepremier") == "Viceminister-President"
    assert title_from_dutch("Nederlands minister van Defensie") == "Minister van Defensie"
    assert title_from_dutch("staatssecretaris Mijnbouw") == "Staatssecretaris van Economische Zaken en Klimaat"
    assert title_from_dutch("burgemeester van Utrecht") is None


# -- the knowledge is in the tables --------------------------------------------------------


def test_a_position_added_to_the_title_table_is_mapped(shared, tables):
    with (tables / "position_titles.tsv").open("a", encoding="utf-8") as fh:
        fh.write("Minister of Magic\t\tMinister voor Toverkunst\n")
    clear_table_caches()
    rows, stats = build_bewindspersonen.build_ministers(shared)
    assert ("Some One", "Minister voor Toverkunst") in {(r["persoon"], r["functie"]) for r in rows}
    assert not stats.unmapped


def test_a_bad_match_kind_in_the_skip_table_is_one_line_naming_file_and_line(shared, tables):
    line = edit_table(tables, "skipped_positions.tsv", "mayor of\tprefix\t", "mayor of\tstarts\t")
    with pytest.raises(buildlib.SourceError) as err:
        build_bewindspersonen.build_ministers(shared)
    assert str(err.value) == f"{tables / 'skipped_positions.tsv'}:{line}: match 'starts' is none of exact, prefix"
