#!/usr/bin/env python3
"""Build pipeline/resources/bewindspersonen.tsv from the EveryPolitician / Wikidata extract.

    python scripts/resources/build_bewindspersonen.py [--shared ../shared] [--resources DIR] [--check]

Holders of Dutch cabinet offices (<shared>/data/gazetteers/everypolitician_nl,
CC0) with the Dutch title as written in letters, the surname as written after
a title ("minister Van der Steur") and the dates of each term. The nlwiki lists
of the Rutte IV cabinet fill what the Wikidata extract lacks; the terms since the
extract (2022-08-03) come from tables/bewindspersonen_additions.tsv, one public
source a row (people_additions.py). Each row names its source in ``bron``. Rows
are sorted, so the same inputs give the same bytes.
"""

from __future__ import annotations

import collections
import io
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from buildlib import Built, read_csv, read_table, read_words, run
from cabinet_titles import dutch_title, skip_reason, title_from_dutch
from people_additions import ADDITIONS, merge_additions, plain_titles_from, read_additions

OUTPUT = Path("bewindspersonen.tsv")
TSV_COLUMNS = ("persoon", "achternaam", "functie", "functie_en", "start", "end", "wikidata", "bron")

Row = dict[str, str]


# -- surnames ----------------------------------------------------------------------------


def given_names_from(names: Iterable[str]) -> set[str]:
    """First words of full names: a word seen there is a given name (Jan, Kees, Peter)."""
    return {n.split()[0] for n in names if n.split()} | set(read_words("extra_given_names.txt"))


def derive_surname(full_name: str, given_names: set[str]) -> str:
    """The surname as written after a title: 'Ard van der Steur' -> 'Van der Steur',
    'Jan Kees de Jager' -> 'De Jager', 'Ernst Hirsch Ballin' -> 'Hirsch Ballin',
    'Jaap de Hoop Scheffer' -> 'De Hoop Scheffer'.

    The first word is a given name; further words are given names while they are
    capitalised words known as given names. Everything after is the surname, and
    a leading particle is capitalised because the surname stands alone."""
    particles = read_words("name_particles.txt")
    words = full_name.split()
    if len(words) < 2:
        return full_name
    i = 1
    while i < len(words) - 1 and words[i] in given_names and words[i] not in particles:
        i += 1
    surname = words[i:]
    first = surname[0]
    if first in particles and first != "'t":
        surname[0] = first[0].upper() + first[1:]
    return " ".join(surname)


@cache
def surnames_in_letters() -> dict[str, str]:
    """Wikidata id -> the surname a bewindspersoon signs with where the label has a shorter one."""
    return {row["wikidata"]: row["achternaam"] for row in read_table("surnames_in_letters.tsv")}


# -- rows ----------------------------------------------------------------------------------


@dataclass
class MinisterStats:
    rows_read: int = 0
    skipped: collections.Counter = field(default_factory=collections.Counter)
    unmapped: collections.Counter = field(default_factory=collections.Counter)
    duplicates: int = 0
    nlwiki_confirmed: int = 0
    nlwiki_added: list[str] = field(default_factory=list)
    nlwiki_unmapped: list[str] = field(default_factory=list)
    additions: int = 0
    additions_closing: int = 0
    kept: int = 0


def minister_row(person: str, qid: str, title: str, label: str, start: str, end: str, given: set[str]) -> Row:
    return {
        "persoon": person,
        "achternaam": surnames_in_letters().get(qid) or derive_surname(person, given),
        "functie": title,
        "functie_en": label,
        "start": start,
        "end": end,
        "wikidata": qid,
    }


def holder_rows(holders: Sequence[Row], bio_names: Row, given: set[str], stats: MinisterStats) -> list[Row]:
    rows = []
    for h in holders:
        stats.rows_read += 1
        label = h.get("position", "")
        reason = skip_reason(label)
        if reason:
            stats.skipped[reason] += 1
            continue
        title = dutch_title(label, h.get("start", ""))
        if title is None:
            stats.unmapped[label] += 1
            continue
        qid = h.get("personID", "")
        person = h.get("person") or bio_names.get(qid, "")
        rows.append(minister_row(person, qid, title, label, h.get("start", ""), h.get("end", ""), given))
    return rows


def merge_terms(rows: Sequence[Row], stats: MinisterStats) -> list[Row]:
    """One row per person, title and start date. Wikidata repeats a term with several
    end dates (Rutte as Minister-President from 2010-10-14, ending 2012, 2017, 2022
    and open): the latest end wins, an open end being the latest."""
    merged: dict[tuple[str, str, str], Row] = {}
    for row in rows:
        key = (row["wikidata"], row["functie"], row["start"])
        if key not in merged:
            merged[key] = dict(row)
            continue
        stats.duplicates += 1
        kept = merged[key]
        if kept["end"] and (not row["end"] or row["end"] > kept["end"]):
            kept["end"] = row["end"]
    return list(merged.values())


# -- Rutte IV from the nlwiki lists -------------------------------------------------------


def cabinet_start(cabinets: Sequence[Row], label: str) -> str:
    for c in cabinets:
        if c.get("itemLabel") == label:
            return (c.get("inception") or c.get("startTime") or "")[:10]
    return ""


def holds_on(rows: Sequence[Row], qid: str, title: str, day: str) -> bool:
    return any(
        r["wikidata"] == qid and r["functie"] == title and r["start"] <= day and (not r["end"] or r["end"] > day)
        for r in rows
    )


def rutte_iv_rows(ep_dir: Path, rows: Sequence[Row], given: set[str], stats: MinisterStats) -> list[Row]:
    """Rows of the nlwiki Rutte IV lists that holders21 lacks (same person and title
    held on the cabinet's first day). The Dutch position name is the functie_en."""
    scraped_path = ep_dir / "sources_cabinet-nlwiki_scraped.csv"
    if not scraped_path.exists():
        return []
    cabinets_path = ep_dir / "wikidata_results_all-cabinets.csv"
    day = cabinet_start(read_csv(cabinets_path), "Fourth Rutte cabinet") if cabinets_path.exists() else ""
    starts: dict[tuple[str, str], str] = {}
    wd_path = ep_dir / "sources_cabinet-nlwiki_wikidata.csv"
    if wd_path.exists():
        for w in read_csv(wd_path):
            title = title_from_dutch(w.get("position", ""))
            if title:
                starts[(w.get("wdid", ""), title)] = w.get("startDate", "")[:10]
    added = []
    for s in read_csv(scraped_path):
        qid, title = s.get("wdid", ""), title_from_dutch(s.get("position", ""))
        if title is None:
            stats.nlwiki_unmapped.append(s.get("position", ""))
            continue
        start = starts.get((qid, title)) or day
        if holds_on(rows, qid, title, day or start):
            stats.nlwiki_confirmed += 1
            continue
        stats.nlwiki_added.append(f"{s.get('name')}: {title}")
        added.append(minister_row(s.get("name", ""), qid, title, s.get("position", ""), start, "", given))
    return added


# -- the file ------------------------------------------------------------------------------


def wikidata_ministers(shared: Path, stats: MinisterStats) -> list[Row]:
    """The terms of the EveryPolitician extract (Wikidata and the nlwiki Rutte IV lists)."""
    ep_dir = shared / "data" / "gazetteers" / "everypolitician_nl"
    bio = read_csv(ep_dir / "html_bio.csv")
    bio_names = {b["id"]: b["name"] for b in bio if b.get("id")}
    holders = read_csv(ep_dir / "html_holders21.csv")
    given = given_names_from(list(bio_names.values()) + [h.get("person", "") for h in holders])
    rows = merge_terms(holder_rows(holders, bio_names, given, stats), stats)
    return merge_terms(rows + rutte_iv_rows(ep_dir, rows, given, stats), stats)


def build_ministers(shared: Path) -> tuple[list[Row], MinisterStats]:
    """The Wikidata terms, ended and completed by the project's table of later terms."""
    stats = MinisterStats()
    additions = read_additions(plain_titles_from(read_table("position_titles.tsv")))
    rows, stats.additions_closing = merge_additions(wikidata_ministers(shared, stats), additions)
    stats.additions = len(additions)
    rows.sort(key=lambda r: (r["start"], r["functie"], r["persoon"], r["end"], r["wikidata"]))
    stats.kept = len(rows)
    return rows, stats


def ministers_tsv(rows: Sequence[Row]) -> str:
    lines = ["\t".join(TSV_COLUMNS)]
    for row in rows:
        cells = [row[c].replace("\t", " ") for c in TSV_COLUMNS]
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def summary(stats: MinisterStats) -> str:
    out = io.StringIO()
    out.write(f"{OUTPUT}:\n")
    out.write(f"  holders21 rows read: {stats.rows_read}; repeated terms merged: {stats.duplicates}\n")
    for reason, n in sorted(stats.skipped.items()):
        out.write(f"  skipped ({reason}): {n}\n")
    out.write(
        f"  Rutte IV (nlwiki): {stats.nlwiki_confirmed} confirmed, {len(stats.nlwiki_added)} added"
        + (f" ({'; '.join(stats.nlwiki_added)})" if stats.nlwiki_added else "")
        + "\n"
    )
    if stats.nlwiki_unmapped:
        out.write(f"  nlwiki positions not understood: {', '.join(stats.nlwiki_unmapped)}\n")
    out.write(f"  {ADDITIONS}: {stats.additions} rows, {stats.additions_closing} of them end a Wikidata term\n")
    unmapped = ", ".join(f"{k!r} ({v})" for k, v in sorted(stats.unmapped.items())) or "none"
    out.write(f"  unmapped position labels: {unmapped}\n")
    out.write(f"  rows written: {stats.kept}\n")
    return out.getvalue()


def build(shared: Path) -> Built:
    rows, stats = build_ministers(shared)
    return Built(OUTPUT, ministers_tsv(rows), summary(stats))


if __name__ == "__main__":
    sys.exit(run([build], None, __doc__))
