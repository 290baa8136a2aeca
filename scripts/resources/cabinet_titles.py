"""Dutch cabinet titles as letters write them, from the position names of the sources.

English labels of html_holders21.csv ("Minister of Justice and Security") map to
the Dutch title in force on the day a term started (tables/position_titles.tsv);
Dutch position names of the nlwiki lists ("staatssecretaris Mijnbouw") are read
by rule. Offices that are no seat in the cabinet are skipped with a reason
(tables/skipped_positions.tsv).
"""

from __future__ import annotations

import collections
import re
from functools import cache

from buildlib import read_table

Eras = list[tuple[str, str]]  # (first day or "" for from the start, Dutch title), in table order


@cache
def position_titles() -> dict[str, Eras]:
    eras: dict[str, Eras] = collections.defaultdict(list)
    for row in read_table("position_titles.tsv"):
        eras[row["functie_en"]].append((row["from"], row["functie"]))
    return dict(eras)


@cache
def skipped_positions() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """(exact label -> reason, ((label prefix + " ", reason), ...))."""
    exact, prefixes = {}, []
    for row in read_table("skipped_positions.tsv", match=("exact", "prefix")):
        if row["match"] == "exact":
            exact[row["position"]] = row["reason"]
        else:
            prefixes.append((row["position"] + " ", row["reason"]))
    return exact, tuple(prefixes)


@cache
def state_secretary_portfolios() -> dict[str, str]:
    return {row["portfolio"]: row["ministry"] for row in read_table("state_secretary_portfolios.tsv")}


def skip_reason(label: str) -> str | None:
    exact, prefixes = skipped_positions()
    if label in exact:
        return exact[label]
    for prefix, reason in prefixes:
        if label.startswith(prefix):
            return reason
    return None


def dutch_title(label: str, start: str) -> str | None:
    """The Dutch title for an English label on the day the term started."""
    eras = position_titles().get(label)
    if not eras:
        return None
    title = eras[0][1]
    for first_day, name in eras:
        if not first_day or (start and start >= first_day):
            title = name
    return title


def title_from_dutch(position: str) -> str | None:
    """'minister van Financiën' -> 'Minister van Financiën'; 'derde vicepremier' ->
    'Viceminister-President'; 'staatssecretaris Mijnbouw' -> 'Staatssecretaris van
    Economische Zaken en Klimaat'. None for what is no cabinet title."""
    text = " ".join(position.split())
    text = re.sub(r"^(Nederlands|Nederlandse)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+van Nederland$", "", text)
    low = text.lower()
    if low == "minister-president":
        return "Minister-President"
    if low.endswith("vicepremier") or low == "viceminister-president":
        return "Viceminister-President"
    m = re.match(r"^(minister|staatssecretaris)\s+(van|voor)\s+(.+)$", text, flags=re.IGNORECASE)
    if m:
        role = m.group(1).capitalize()
        if role == "Staatssecretaris":
            return f"Staatssecretaris van {m.group(3)}"  # state secretaries sign with the ministry
        return f"{role} {m.group(2).lower()} {m.group(3)}"
    m = re.match(r"^staatssecretaris\s+(.+)$", text, flags=re.IGNORECASE)
    portfolios = state_secretary_portfolios()
    if m and m.group(1).lower() in portfolios:
        return f"Staatssecretaris van {portfolios[m.group(1).lower()]}"
    return None
