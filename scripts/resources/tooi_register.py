"""Reading the TOOI registers of Dutch government organisations (KOOP) in <shared>/data/gazetteers/tooi.

Each register is a JSON-LD file ``rwc_<list>_compleet_<version>.json``; which
registers are read, and how, is the table tables/tooi_lists.jsonl. This module
turns register entries into ``Organisation`` records (names, abbreviations,
validity) and collects the place names no pattern may be; build_tooi.py
decides which names become patterns.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from buildlib import SourceError, read_records

# JSON-LD property IRIs used in the TOOI files.
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
PROV = "http://www.w3.org/ns/prov#"
ONT = "https://identifier.overheid.nl/tooi/def/ont/"

# Names that carry their own kind word are bodies, not territories.
WATER_AUTHORITY_KINDS = ("hoogheemraadschap", "wetterskip", "waterschap")


@dataclass(frozen=True)
class TooiList:
    """One TOOI register and the way its names are written in running text (tables/tooi_lists.jsonl)."""

    name: str  # the <list> in rwc_<list>_compleet_<n>.json and in the pattern id
    types: tuple[str, ...]  # item types that are one organisation
    name_fields: tuple[str, ...]  # property IRIs whose values are names as written in text
    single_words: str = "any"  # "any" or "marked" (only words that show they name a body)
    soort_prefix: str | None = None  # "waterschap": its label needs the kind word


def _iri(field_name: str) -> str:
    return RDFS_LABEL if field_name == "rdfs:label" else ONT + field_name


@cache
def tooi_lists(use: str) -> tuple[TooiList, ...]:
    """The registers of one use ("organisations" or "places"), in table order."""
    rows = read_records(
        "tooi_lists.jsonl",
        frozenset({"list", "use", "name_fields", "why"}),
        frozenset({"types", "single_words", "soort_prefix"}),
        use=("organisations", "places"),
        single_words=("any", "marked"),
    )
    return tuple(
        TooiList(
            name=row["list"],
            types=tuple(row.get("types", ())),
            name_fields=tuple(_iri(f) for f in row["name_fields"]),
            single_words=row.get("single_words", "any"),
            soort_prefix=row.get("soort_prefix"),
        )
        for row in rows
        if row["use"] == use
    )


# -- reading JSON-LD -----------------------------------------------------------------


def load_jsonld(path: Path) -> list[dict]:
    try:
        with path.open(encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as err:
        raise SourceError(f"{path}: cannot read ({err.strerror})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise SourceError(f"{path}: not a JSON-LD file ({err})") from None
    return data if isinstance(data, list) else data.get("@graph", [])


def find_list_file(tooi_dir: Path, list_name: str) -> Path | None:
    """The newest rwc_<list>_compleet_<version>.json (highest version number)."""
    candidates = []
    for path in tooi_dir.glob(f"rwc_{list_name}_compleet_*.json"):
        m = re.search(r"_compleet_(\d+)\.json$", path.name)
        if m:
            candidates.append((int(m.group(1)), path))
    return max(candidates)[1] if candidates else None


def item_types(item: dict) -> set[str]:
    return {t.rsplit("/", 1)[-1] for t in item.get("@type", [])}


def values(item: dict, prop: str) -> list[str]:
    """The literal values of a property, whitespace-normalised, in file order."""
    out = []
    for v in item.get(prop, []):
        if isinstance(v, dict) and isinstance(v.get("@value"), str):
            text = " ".join(v["@value"].split())
            if text:
                out.append(text)
    return out


def first_value(item: dict, prop: str) -> str | None:
    found = values(item, prop)
    return found[0] if found else None


def iso_date(value: str | None) -> str | None:
    """YYYY-MM-DD from a date or dateTime literal; None when there is none."""
    if value and re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    return None


# -- places ----------------------------------------------------------------------------


def place_names(tooi_dir: Path) -> set[str]:
    """Lower-cased names of all municipalities, provinces and Caribbean public bodies,
    with the bare territory names of the water authorities ("Rivierenland")."""
    places: set[str] = set()
    for spec in tooi_lists("places"):
        path = find_list_file(tooi_dir, spec.name)
        if path is None:
            continue
        for item in load_jsonld(path):
            for prop in spec.name_fields:
                places.update(v.lower() for v in values(item, prop))
    water = find_list_file(tooi_dir, "waterschappen")
    if water is not None:
        for item in load_jsonld(water):
            places.update(v.lower() for v in values(item, ONT + "officieleNaamExclSoort"))
            places.update(v.lower() for v in values(item, ONT + "voorkeursnaamExclSoort"))
    return {p for p in places if not p.startswith(WATER_AUTHORITY_KINDS)}


# -- names and abbreviations of one register entry -------------------------------------


@dataclass
class Organisation:
    list_name: str
    key: str  # the register id; a historical version points to its organisation
    names: list[str]
    abbreviations: list[str]
    valid_from: str | None
    valid_to: str | None


def split_parenthetical(text: str) -> tuple[str, str | None]:
    """'College van Toezicht Auteursrechten (CvTA)' -> ('College van ...', 'CvTA')."""
    m = re.match(r"^(.*\S)\s*\(([^()]+)\)$", text)
    return (m.group(1), m.group(2).strip()) if m else (text, None)


def capital_count(text: str) -> int:
    return sum(1 for ch in text if ch.isupper())


def is_abbreviation(token: str) -> bool:
    """At least 3 characters and 2 capitals: RIVM, UWV, NOvA, KvK, CRvB (not OM, Pf, No)."""
    return len(token) >= 3 and capital_count(token) >= 2


def classify_afkorting(value: str) -> tuple[list[str], list[str]]:
    """Split a register 'afkorting' into (names, abbreviations).

    The field also holds short names ("Commissie m.e.r.", "KvK Bonaire",
    "Nederlands Filmfonds", "Justid") and pairs ("LZA/LP&K"): a value with a space
    is a name; a single word is an abbreviation when it has 2 capitals, else a
    short name when it is long enough to be one (the name filter then drops
    ordinary words such as "Kompas"). A trailing "(X)" is read the same way."""
    names: list[str] = []
    abbrevs: list[str] = []
    main, inner = split_parenthetical(value)
    parts = [main] + ([inner] if inner else [])
    for piece in (p.strip() for p in parts):
        if " " in piece:
            names.append(piece)
        elif is_abbreviation(piece):
            abbrevs.append(piece)  # pairs such as "LZA/LP&K" stay whole: the body's own short form
        elif len(piece) >= 5 and piece[:1].isupper():
            names.append(piece)
    return names, abbrevs


def waterschap_name(name: str) -> str:
    """'waterschap Aa en Maas' -> 'Waterschap Aa en Maas'; the register's double kind
    word ('waterschap Hoogheemraadschap van Delfland') is dropped."""
    m = re.match(r"^[Ww]aterschap\s+(.*)$", name)
    if not m:
        return name
    rest = m.group(1)
    if re.match(r"^(Hoogheemraadschap|Wetterskip|Waterschap)\b", rest):
        return rest
    return "Waterschap " + rest


def entry_names(item: dict, spec: TooiList) -> tuple[list[str], list[str]]:
    """(names, abbreviations) of one entry, in file order: its names as written ("Naam (AFK)"
    gives the name, and the bracketed part as a name or an abbreviation), then its
    alternative names, then what its 'afkorting' field holds."""
    names: list[str] = []
    abbrevs: list[str] = []

    def add_afkorting(value: str) -> None:
        more_names, more_abbrevs = classify_afkorting(value)
        names.extend(more_names)
        abbrevs.extend(more_abbrevs)

    as_written = [(v, bool(spec.soort_prefix)) for prop in spec.name_fields for v in values(item, prop)]
    as_written += [(v, False) for v in values(item, ONT + "alternatieveNaam")]
    for value, needs_kind_word in as_written:
        main, inner = split_parenthetical(value)
        names.append(waterschap_name(main) if needs_kind_word else main)
        if inner:
            add_afkorting(inner)
    for value in values(item, ONT + "afkorting"):
        add_afkorting(value)
    return names, abbrevs


def organisations(items: Sequence[dict], spec: TooiList) -> list[Organisation]:
    """One Organisation per register entry of the kinds in spec.types (historical
    versions included: their old names are valid until einddatumHV)."""
    out = []
    for item in items:
        if not (item_types(item) & set(spec.types)):
            continue
        names, abbrevs = entry_names(item, spec)
        specialisation = item.get(PROV + "specializationOf") or [{}]
        key = specialisation[0].get("@id") or item.get("@id", "")
        end = first_value(item, ONT + "einddatum") or first_value(item, ONT + "einddatumHV")
        out.append(
            Organisation(
                list_name=spec.name,
                key=key,
                names=names,
                abbreviations=abbrevs,
                valid_from=iso_date(first_value(item, ONT + "begindatum")),
                valid_to=iso_date(end),
            )
        )
    return out
