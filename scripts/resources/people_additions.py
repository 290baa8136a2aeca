"""The bewindspersonen the Wikidata extract lacks, from tables/bewindspersonen_additions.tsv.

The EveryPolitician extract stops on 2022-08-03: the terms then running are open
and later cabinets are missing. The project keeps what public sources say about
the terms since then in one table, one term a row with the page it was taken
from. A row that repeats a Wikidata term (same person, office and start) gives
that term its end; any other row is a term of its own. Rows are checked when
they are read, and every message names the table and the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from functools import cache

import buildlib
from buildlib import RESOURCES, SourceError, read_numbered_table

ADDITIONS = "bewindspersonen_additions.tsv"
COLUMNS = ("persoon", "achternaam", "functie", "start", "end", "bron", "noot")
# a cabinet office is a title without a portfolio (tables/position_titles.tsv) or a
# minister or state secretary of a portfolio that pipeline/resources/lists/portfolios.txt knows
PORTFOLIO_TITLE = re.compile(r"^(?:Minister|Staatssecretaris) (?:van|voor) (?P<portfolio>.+)$")

Row = dict[str, str]


@cache
def known_portfolios() -> frozenset[str]:
    path = RESOURCES / "lists" / "portfolios.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise SourceError(f"{path}: cannot read ({err.strerror})") from None
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def office_problem(functie: str, plain_titles: Iterable[str]) -> str | None:
    """Why ``functie`` is no cabinet office the pipeline knows, or None."""
    if functie in plain_titles:
        return None
    m = PORTFOLIO_TITLE.match(functie)
    if m is None:
        return f"functie {functie!r} is no 'Minister/Staatssecretaris van/voor <portfolio>' nor a title without one"
    if m.group("portfolio") not in known_portfolios():
        return f"unknown portfolio {m.group('portfolio')!r} (add it to pipeline/resources/lists/portfolios.txt)"
    return None


def _iso(value: str) -> bool:
    try:
        return len(value) == 10 and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def row_problem(row: Row, plain_titles: Iterable[str]) -> str | None:
    missing = [c for c in ("persoon", "achternaam", "functie", "start", "bron") if not row.get(c)]
    if missing:
        return f"empty {', '.join(missing)}"
    for column in ("start", "end"):
        if row[column] and not _iso(row[column]):
            return f"{column} {row[column]!r} is no date YYYY-MM-DD"
    if row["end"] and row["end"] < row["start"]:
        return f"end {row['end']} before start {row['start']}"
    if not row["bron"].startswith(("https://", "http://")):
        return f"bron {row['bron']!r} is no web address"
    return office_problem(row["functie"], plain_titles)


def read_additions(plain_titles: Iterable[str]) -> list[tuple[int, Row]]:
    """The rows of the table with their line numbers; the first bad row stops the build."""
    numbered = read_numbered_table(ADDITIONS)
    titles = frozenset(plain_titles)
    where = buildlib.TABLES / ADDITIONS
    rows = []
    for n, row in numbered:
        if tuple(row) != COLUMNS:
            raise SourceError(f"{where}:{n}: the columns must be {', '.join(COLUMNS)}")
        problem = row_problem(row, titles)
        if problem:
            raise SourceError(f"{where}:{n}: {problem}")
        rows.append((n, row))
    return rows


def _overlaps(a: Row, b: Row) -> bool:
    """Two terms share a day beyond the one where one ends and the next begins."""
    return (not a["end"] or b["start"] < a["end"]) and (not b["end"] or a["start"] < b["end"])


def merge_additions(wikidata: Sequence[Row], additions: Sequence[tuple[int, Row]]) -> tuple[list[Row], int]:
    """Wikidata terms with the ends the table gives them, plus the table's own terms; and
    how many Wikidata terms got their end. Every row carries its source in ``bron``."""
    where = buildlib.TABLES / ADDITIONS
    merged = [dict(r, bron=f"https://www.wikidata.org/wiki/{r['wikidata']}" if r["wikidata"] else "") for r in wikidata]
    by_term = {(r["persoon"], r["functie"], r["start"]): r for r in merged}
    qids = {r["persoon"]: r["wikidata"] for r in merged if r["wikidata"]}
    closed = 0
    lines: dict[int, int] = {}  # id of a row the table gave or ended -> its line
    for n, row in additions:
        known = by_term.get((row["persoon"], row["functie"], row["start"]))
        if known is not None:
            if known["end"] and known["end"] != row["end"]:
                raise SourceError(f"{where}:{n}: Wikidata ends this term on {known['end']}, not {row['end'] or 'open'}")
            closed += not known["end"]
            known["end"] = row["end"]
            lines[id(known)] = n
            known["bron"] = f"{known['bron']} ; einde: {row['bron']}"
            continue
        term = {
            "persoon": row["persoon"],
            "achternaam": row["achternaam"],
            "functie": row["functie"],
            "functie_en": "",
            "start": row["start"],
            "end": row["end"],
            "wikidata": qids.get(row["persoon"], ""),
            "bron": row["bron"],
        }
        lines[id(term)] = n
        merged.append(term)
    _check_overlaps(merged, lines)
    return merged, closed


def _check_overlaps(rows: Sequence[Row], lines: dict[int, int]) -> None:
    """One person holds one office once at a time, where the table gave a term or its end
    (``lines``: row id -> table line); the message names that line."""
    by_office: dict[tuple[str, str], list[Row]] = {}
    for row in rows:
        by_office.setdefault((row["persoon"], row["functie"]), []).append(row)
    for (persoon, functie), terms in by_office.items():
        terms.sort(key=lambda r: r["start"])
        for a, b in zip(terms, terms[1:]):
            n = lines.get(id(b)) or lines.get(id(a))
            if n and _overlaps(a, b):
                terms_from = f"terms from {a['start']} and {b['start']}"
                raise SourceError(
                    f"{buildlib.TABLES / ADDITIONS}:{n}: {persoon} holds {functie} twice at once ({terms_from})"
                )


def plain_titles_from(position_titles: Iterable[Row]) -> frozenset[str]:
    """The Dutch titles without a portfolio (Minister-President, Viceminister-President)."""
    return frozenset(r["functie"] for r in position_titles if not PORTFOLIO_TITLE.match(r["functie"]))
