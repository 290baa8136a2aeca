#!/usr/bin/env python3
"""Build pipeline/resources/gazetteers/tooi_organisations.jsonl from the TOOI registers.

    python scripts/resources/build_tooi.py [--shared ../shared] [--resources DIR] [--check]

ORGANISATIE names and abbreviations of Dutch government organisations (KOOP's
TOOI value lists in <shared>/data/gazetteers/tooi) with their validity dates.
Places, generic kind nouns, ordinary Dutch words (counted in <shared>/data/ud),
ambiguous and too short abbreviations never become a pattern. Rows are sorted
and written with a fixed key order, so the same inputs give the same bytes.
"""

from __future__ import annotations

import collections
import io
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from buildlib import Built, SourceError, read_words, run
from tooi_register import (
    Organisation,
    capital_count,
    find_list_file,
    is_abbreviation,
    load_jsonld,
    organisations,
    place_names,
    tooi_lists,
)
from ud_lexicon import Lexicon, load_lexicon

OUTPUT = Path("gazetteers") / "tooi_organisations.jsonl"
LABEL = "ORGANISATIE"
MAX_NAME_WORDS = 12

# Determiners in front of a name stay outside the span (docs/annotation.md).
DETERMINERS = {"de", "het", "'t"}

# Legal forms letters usually leave out ("Zorgkantoor DSW B.V." -> "Zorgkantoor DSW").
LEGAL_FORM = re.compile(r"\s+(B\.V\.|N\.V\.)$")

# A legal qualifier the register appends ("Nederlands Meetinstituut ex Regeling
# meetmiddelen politie"): letters name the body without it.
LEGAL_QUALIFIER = re.compile(r"\s+ex\s+(art\.|artikel|Regeling|Besluit|Wet)\b.*$")


# -- the name rules --------------------------------------------------------------------


def clean_name(name: str) -> str:
    """The name as a span would cover it: no leading determiner, no legal qualifier."""
    name = LEGAL_QUALIFIER.sub("", " ".join(name.split()))
    words = name.split(" ")
    while len(words) > 1 and words[0].lower() in DETERMINERS:
        words = words[1:]
    if len(words) > 1 and words[0] in read_words("register_kind_words.txt") and words[1][:1].isupper():
        words = words[1:]
    return " ".join(words).strip(" ,;:")


def name_variants(name: str) -> tuple[list[str], list[str]]:
    """(names, abbreviations) found in one register name: the name itself, the name
    without a legal form, and a glued-on abbreviation split off
    ("Stichting Nederlands Jeugdinstituut/NJi" -> the name and "NJi")."""
    names, abbrevs = [name], []
    m = re.match(r"^(.*\s.*\S)/(\S+)$", name)
    if m and is_abbreviation(m.group(2)):
        names, abbrevs = [m.group(1)], [m.group(2)]
    without_form = LEGAL_FORM.sub("", names[0])
    if without_form != names[0]:
        names.append(without_form)
    return names, abbrevs


def name_drop_reason(name: str, places: set[str], lexicon: Lexicon, single_words: str = "any") -> str | None:
    """Why a cleaned name may not be a pattern, or None when it may."""
    if not name:
        return "empty"
    lower = name.lower()
    if lower in places:
        return "place"
    if len(name.split()) > MAX_NAME_WORDS:
        return "too long"
    if lower in read_words("generic_names.txt"):
        return "generic"
    if " " not in name and lower.endswith(read_words("plural_heads.txt")):
        return "group of bodies"
    if " " not in name:
        if not any(ch.isupper() for ch in name):
            return "generic"  # a lower-case single word is a common noun ("het participatiebedrijf")
        if lexicon.is_ordinary(name):
            return "ordinary word"
        if single_words == "marked" and not (
            lower.endswith(read_words("organisation_head_endings.txt")) or capital_count(name) >= 2 or "-" in name
        ):
            return "unmarked single word"
    return None


def abbreviation_drop_reason(abbrev: str, lexicon: Lexicon) -> str | None:
    if not is_abbreviation(abbrev):
        return "short abbreviation"
    # ALL CAPS text (headings, letterheads) would match "ONS" or "WIL" as words.
    if abbrev.isupper() and abbrev.isalpha() and lexicon.is_frequent(abbrev):
        return "frequent word in capitals"
    return None


# -- from organisations to pattern rows ------------------------------------------------


@dataclass
class PatternStats:
    organisations: collections.Counter = field(default_factory=collections.Counter)
    kept: collections.Counter = field(default_factory=collections.Counter)  # (list, kind)
    dropped: collections.Counter = field(default_factory=collections.Counter)  # reason
    examples: dict[str, list[str]] = field(default_factory=lambda: collections.defaultdict(list))

    def drop(self, reason: str, text: str) -> None:
        self.dropped[reason] += 1
        if text not in self.examples[reason] and len(self.examples[reason]) < 8:
            self.examples[reason].append(text)


Validity = tuple[Optional[str], Optional[str]]


def merge_validity(a: Validity, b: Validity) -> Validity:
    """The widest range: earliest start, latest end; None means open on that side."""
    start = None if a[0] is None or b[0] is None else min(a[0], b[0])
    end = None if a[1] is None or b[1] is None else max(a[1], b[1])
    return start, end


def ambiguous_abbreviations(orgs: Iterable[Organisation]) -> set[str]:
    """Abbreviations that stand for two different bodies ("VRF": Veiligheidsregio
    Flevoland and Veiligheidsregio Fryslân): neither reading is safe, so both go.

    Register entries are one body when they share a key (a historical version
    points to its organisation) or their first name is the same apart from case
    (a body registered twice, as "CBGV" is)."""
    identity_of_name: dict[str, str] = {}
    owners: dict[str, set[str]] = collections.defaultdict(set)
    for org in orgs:
        first_name = org.names[0].lower() if org.names else ""
        identity = identity_of_name.setdefault(first_name, org.key) if first_name else org.key
        for abbrev in org.abbreviations:
            owners[abbrev].add(identity)
    return {abbrev for abbrev, identities in owners.items() if len(identities) > 1}


def candidates(org: Organisation) -> list[tuple[str, str, str]]:
    """(kind, text, register text) of every name and abbreviation an entry offers."""
    found = []
    for raw in org.names:
        names, abbrevs = name_variants(clean_name(raw))
        found += [("name", n, raw) for n in names] + [("abbreviation", a, raw) for a in abbrevs]
    return found + [("abbreviation", a, a) for a in org.abbreviations]


def organisation_patterns(
    orgs: Sequence[Organisation],
    places: set[str],
    lexicon: Lexicon,
    single_words: dict[str, str],
) -> tuple[list[dict], PatternStats]:
    """Pattern rows, one per distinct pattern text, sorted."""
    stats = PatternStats()
    ambiguous = ambiguous_abbreviations(orgs)
    rows: dict[str, dict] = {}
    for org in orgs:
        stats.organisations[org.list_name] += 1
        for kind, text, raw in candidates(org):
            if kind == "name":
                reason = name_drop_reason(text, places, lexicon, single_words.get(org.list_name, "any"))
            else:
                reason = abbreviation_drop_reason(text, lexicon)
                if reason is None and text in ambiguous:
                    reason = "ambiguous abbreviation"
                if reason is None and text.lower() in places:
                    reason = "place"
            if reason:
                stats.drop(reason, raw)
                continue
            validity = (org.valid_from, org.valid_to)
            if text in rows:
                row = rows[text]
                row["valid_from"], row["valid_to"] = merge_validity((row["valid_from"], row["valid_to"]), validity)
                continue
            stats.kept[(org.list_name, kind)] += 1
            rows[text] = {
                "label": LABEL,
                "pattern": text,
                "id": f"gazetteer:tooi_{org.list_name}",
                "valid_from": validity[0],
                "valid_to": validity[1],
            }
    ordered = sorted(rows.values(), key=lambda r: (r["pattern"].lower(), r["pattern"], r["id"]))
    return ordered, stats


def build_organisations(shared: Path, lexicon: Lexicon) -> tuple[list[dict], PatternStats, dict[str, str]]:
    tooi_dir = shared / "data" / "gazetteers" / "tooi"
    places = place_names(tooi_dir)
    orgs: list[Organisation] = []
    files: dict[str, str] = {}
    for spec in tooi_lists("organisations"):
        path = find_list_file(tooi_dir, spec.name)
        if path is None:
            raise SourceError(f"no rwc_{spec.name}_compleet_*.json in {tooi_dir}")
        files[spec.name] = path.name
        orgs += organisations(load_jsonld(path), spec)
    single_words = {spec.name: spec.single_words for spec in tooi_lists("organisations")}
    rows, stats = organisation_patterns(orgs, places, lexicon, single_words)
    return rows, stats, files


def organisations_jsonl(rows: Sequence[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def summary(stats: PatternStats, files: dict[str, str], lexicon: Lexicon) -> str:
    out = io.StringIO()
    out.write(f"ordinary-word check: {lexicon.source}\n")
    out.write(f"{OUTPUT}:\n")
    for spec in tooi_lists("organisations"):
        name, abbr = stats.kept[(spec.name, "name")], stats.kept[(spec.name, "abbreviation")]
        out.write(
            f"  tooi_{spec.name} ({files.get(spec.name)}): {stats.organisations[spec.name]} entries -> "
            f"{name} names + {abbr} abbreviations\n"
        )
    out.write(f"  total patterns: {sum(stats.kept.values())}\n")
    for reason, n in sorted(stats.dropped.items()):
        examples = "; ".join(e if len(e) <= 60 else e[:57] + "..." for e in stats.examples[reason][:4])
        out.write(f"  dropped {reason}: {n} (e.g. {examples})\n")
    return out.getvalue()


def build(shared: Path) -> Built:
    lexicon = load_lexicon(shared / "data" / "ud")
    rows, stats, files = build_organisations(shared, lexicon)
    return Built(OUTPUT, organisations_jsonl(rows), summary(stats, files, lexicon))


if __name__ == "__main__":
    sys.exit(run([build], None, __doc__))
