"""scripts/resources/build_bewindspersonen.py on a small hand-made EveryPolitician extract (never on ../shared),
and people_additions.py: the project's table of later terms (tables/bewindspersonen_additions.tsv),
checked row by row when it is read."""

import importlib
import re

import pytest
from conftest import REPO
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
people_additions = importlib.import_module("people_additions")
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
    stats = build_bewindspersonen.MinisterStats()
    rows = build_bewindspersonen.wikidata_ministers(shared, stats)
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


def test_the_written_rows_are_sorted_and_name_their_source(shared):
    rows, _ = build_bewindspersonen.build_ministers(shared)
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    header = build_bewindspersonen.ministers_tsv(rows).splitlines()[0].split("\t")
    assert header == ["persoon", "achternaam", "functie", "functie_en", "start", "end", "wikidata", "bron"]
    blok = next(r for r in rows if r["persoon"] == "Stef Blok")
    assert blok["bron"] == "https://www.wikidata.org/wiki/Q2858481"
    assert all(r["bron"].startswith("https://") for r in rows)


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


# -- the project's table of terms since the Wikidata extract -------------------------------

HEADER = "persoon\tachternaam\tfunctie\tstart\tend\tbron\tnoot"
RUTTE_ENDS = "Mark Rutte\tRutte\tMinister-President\t2010-10-14\t2024-07-02\thttps://example.org/rutte\t"
SCHOOF = "Dick Schoof\tSchoof\tMinister-President\t2024-07-02\t\thttps://example.org/schoof\t"


def write_additions(tables, *rows):
    """Replace the table copy by a header, a comment and ``rows``; the line of each row."""
    (tables / people_additions.ADDITIONS).write_text("\n".join(["# a comment", HEADER, *rows]) + "\n", encoding="utf-8")
    clear_table_caches()
    return {row: n for n, row in enumerate(rows, 3)}


def build_error(shared):
    with pytest.raises(buildlib.SourceError) as err:
        build_bewindspersonen.build_ministers(shared)
    return str(err.value)


def test_a_row_repeating_an_open_wikidata_term_ends_it_and_other_rows_are_terms(shared, tables):
    write_additions(tables, RUTTE_ENDS, SCHOOF)
    rows, stats = build_bewindspersonen.build_ministers(shared)
    by_person = {(r["persoon"], r["functie"]): r for r in rows}
    rutte = by_person[("Mark Rutte", "Minister-President")]
    assert (rutte["end"], rutte["wikidata"]) == ("2024-07-02", "Q57792")
    assert rutte["bron"] == "https://www.wikidata.org/wiki/Q57792 ; einde: https://example.org/rutte"
    schoof = by_person[("Dick Schoof", "Minister-President")]
    assert (schoof["start"], schoof["end"], schoof["bron"]) == ("2024-07-02", "", "https://example.org/schoof")
    assert (stats.additions, stats.additions_closing) == (2, 1)


@pytest.mark.parametrize(
    "row,problem",
    [
        (SCHOOF.replace("2024-07-02", "2024-13-01"), "start '2024-13-01' is no date YYYY-MM-DD"),
        (SCHOOF.replace("\t\thttps", "\t2 juli 2025\thttps"), "end '2 juli 2025' is no date YYYY-MM-DD"),
        (SCHOOF.replace("\t\thttps", "\t2024-01-01\thttps"), "end 2024-01-01 before start 2024-07-02"),
        (
            SCHOOF.replace("Minister-President", "Minister van Toverkunst"),
            "unknown portfolio 'Toverkunst' (add it to pipeline/resources/lists/portfolios.txt)",
        ),
        (SCHOOF.replace("Minister-President", "Premier"), "is no 'Minister/Staatssecretaris van/voor <portfolio>'"),
        (SCHOOF.replace("https://example.org/schoof", "NOS"), "bron 'NOS' is no web address"),
        (SCHOOF.replace("Schoof\tMinister", "\tMinister"), "empty achternaam"),
    ],
)
def test_a_bad_row_stops_the_build_with_file_and_line(shared, tables, row, problem):
    lines = write_additions(tables, RUTTE_ENDS, row)
    message = build_error(shared)
    assert message.startswith(f"{tables / people_additions.ADDITIONS}:{lines[row]}: ")
    assert problem in message and message.count("\n") == 0


def test_one_person_cannot_hold_one_office_twice_at_once(shared, tables):
    again = "Dick Schoof\tSchoof\tMinister-President\t2025-01-01\t2025-06-01\thttps://example.org/again\t"
    lines = write_additions(tables, SCHOOF, again)
    assert build_error(shared) == (
        f"{tables / people_additions.ADDITIONS}:{lines[again]}: Dick Schoof holds Minister-President "
        "twice at once (terms from 2024-07-02 and 2025-01-01)"
    )
    # one term ending the day the next begins is no overlap
    write_additions(tables, SCHOOF.replace("\t\thttps", "\t2025-01-01\thttps"), again)
    build_bewindspersonen.build_ministers(shared)


def test_a_row_may_not_contradict_an_end_wikidata_gives(shared, tables):
    bijleveld = "Ank Bijleveld\tBijleveld\tMinister van Defensie\t2017-10-26\t2021-01-01\thttps://example.org/b\t"
    lines = write_additions(tables, bijleveld)
    where = f"{tables / people_additions.ADDITIONS}:{lines[bijleveld]}"
    assert build_error(shared) == f"{where}: Wikidata ends this term on 2021-09-17, not 2021-01-01"


def test_the_committed_table_is_valid_and_reaches_the_date_the_pipeline_trusts():
    clear_table_caches()
    titles = people_additions.plain_titles_from(buildlib.read_table("position_titles.tsv"))
    rows = [row for _, row in people_additions.read_additions(titles)]
    assert rows and all(row["bron"].startswith("https://") for row in rows)
    # the README and config.cfg say up to which date names are resolved: the last date the table knows
    config = (REPO / "pipeline" / "config.cfg").read_text(encoding="utf-8")
    known_until = re.search(r'^people_known_until = "(\d{4}-\d\d-\d\d)"', config, re.M).group(1)
    assert known_until == max(d for row in rows for d in (row["start"], row["end"]) if d)
    assert f"up to {known_until}" in (REPO / "README.md").read_text(encoding="utf-8")
