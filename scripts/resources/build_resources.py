#!/usr/bin/env python3
"""Generate tagger resources from third-party gazetteers in ../shared.

    python scripts/resources/build_resources.py [--shared ../shared] [--check]

Reads (never copies) the raw third-party files under <shared>/data/gazetteers
and writes two generated files that are committed:

* pipeline/resources/gazetteers/tooi_organisations.jsonl
    ORGANISATIE names and abbreviations from the TOOI registers of Dutch
    government organisations (KOOP), with their validity dates.
* pipeline/resources/bewindspersonen.tsv
    holders of Dutch cabinet offices from the EveryPolitician / Wikidata
    extract, with the Dutch title as written in letters and the surname as
    written after a title ("minister Van der Steur").

<shared>/data/ud (Universal Dependencies Dutch) is read too, only to know which
words are ordinary Dutch words, so that a register entry such as "Sociaal" or
the alias "het Rijk" never becomes a pattern. Without it a built-in list of
generic nouns is used and the summary says so.

Output is deterministic: the same inputs give byte-identical files (sorted
rows, fixed key order, UTF-8, "\\n" line ends), written via a temporary file
and a rename so a reader never sees half a file. Standard library only.
"""

from __future__ import annotations

import argparse
import collections
import csv
import io
import json
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

REPO = Path(__file__).resolve().parents[2]
RESOURCES = REPO / "pipeline" / "resources"
ORG_OUT = Path("gazetteers") / "tooi_organisations.jsonl"
MINISTERS_OUT = Path("bewindspersonen.tsv")

LABEL = "ORGANISATIE"
MAX_NAME_WORDS = 12

# JSON-LD property IRIs used in the TOOI files.
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
PROV = "http://www.w3.org/ns/prov#"
ONT = "https://identifier.overheid.nl/tooi/def/ont/"


# ---------------------------------------------------------------------------
# Which TOOI lists are used, and how
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class TooiList:
    """One TOOI register and the way its names are written in running text."""

    name: str  # the <list> in rwc_<list>_compleet_<n>.json and in the pattern id
    types: Tuple[str, ...]  # item types that are one organisation
    name_fields: Tuple[str, ...]  # fields whose values are names as written in text
    # Single-word names: "any" keeps national brand names (Logius, Justis, ProRail);
    # "marked" keeps only a word that shows it names a body (an organisation head
    # such as -dienst/-raad, or an inner capital as in ReinUnie), because local
    # bodies' brand names ("Blink", "Impact", "Promen") are rare in letters to the
    # Kamer and collide with ordinary words far more often than they are meant.
    single_words: str = "any"
    soort_prefix: Optional[str] = None  # "waterschap": its label needs the kind word


EXCL_SOORT = (RDFS_LABEL, ONT + "officieleNaamExclSoort", ONT + "voorkeursnaamExclSoort")

# Order matters: when two lists give the very same pattern, the first list's id is kept.
ORGANISATION_LISTS = (
    # State bodies, courts, inspectorates, advisory councils, agencies (RIVM, NVWA,
    # Raad van State, Rechtbank Amsterdam): the core of what letters mention.
    TooiList("overige_overheidsorganisaties", ("Overheidsorganisatie", "Rijk"), EXCL_SOORT),
    # Independent administrative bodies (UWV, CBS, AFM, DNB, KNAW). "ZboCluster" items
    # are categories ("Keuringsinstanties ex 7a Warenwet"), not one body: left out.
    TooiList("zbo", ("Zbo",), EXCL_SOORT),
    # Water authorities. Their names without the kind word are territories
    # ("Rivierenland", "Limburg"), so only "Waterschap X" / "Hoogheemraadschap van X".
    TooiList(
        "waterschappen",
        ("Waterschap",),
        (RDFS_LABEL, ONT + "officieleNaamInclSoort", ONT + "voorkeursnaamInclSoort"),
        soort_prefix="waterschap",
    ),
    # Joint bodies of municipalities (GGD's, veiligheidsregio's, omgevingsdiensten,
    # Vervoerregio Amsterdam, Metropoolregio Rotterdam Den Haag): mentioned in letters
    # on health, safety and environment, but many are small local service companies
    # with brand names, hence the stricter single-word rule.
    TooiList("samenwerkingsorganisaties", ("Samenwerkingsorganisatie",), EXCL_SOORT, single_words="marked"),
)

# Lists that only supply place names: a municipality, province or Caribbean public
# body is a place, never an ORGANISATIE in our guide, so none of their names may
# become a pattern, whichever list it comes from.
PLACE_LISTS = ("gemeenten", "provincies", "caribische_openbare_lichamen")

# Word endings that show that a single word names a body (used for "marked").
ORGANISATION_HEAD_ENDINGS = (
    "raad", "commissie", "college", "dienst", "bureau", "instituut", "autoriteit",
    "inspectie", "kamer", "schap", "archief", "bedrijf", "centrum", "centrale", "bank",
    "groep", "organisatie", "regio", "staat", "werk",
)  # not "fonds": a bare "Waddenfonds" reads as the fund, which the guide does not tag

# A one-word name that is a plural kind noun names a group of bodies ("Topteams"),
# not one organisation (groups with longer names are the skipped ZboCluster items).
PLURAL_HEADS = (
    "teams", "commissies", "raden", "diensten", "instellingen", "instanties", "kamers",
    "corporaties", "organisaties", "bureaus", "colleges", "schappen", "fondsen", "kantoren",
)

# Kind words the register puts in front of a name ("agentschap College ter
# Beoordeling van Geneesmiddelen", "zbo ..."): a classification, not part of the name.
REGISTER_KIND_WORDS = {
    "agentschap", "zbo", "adviescollege", "organisatieonderdeel", "inspectie",
    "overheidsorganisatie", "samenwerkingsorganisatie",
}

# Legal forms letters usually leave out ("Zorgkantoor DSW B.V." -> "Zorgkantoor DSW").
LEGAL_FORM = re.compile(r"\s+(B\.V\.|N\.V\.)$")

# Bare kind-of-body nouns: as a whole name they are generic ("de politie", "de Raad"),
# whatever a register calls its entry. Checked on the lower-cased name.
GENERIC_NAMES = frozenset(
    """
    politie raad commissie college dienst inspectie kamer rijk rijksoverheid overheid
    regering kabinet douane schap regio gemeente provincie waterschap ministerie
    agentschap stichting bureau instituut autoriteit fonds archief rekenkamer ombudsman
    participatiebedrijf werkbedrijf organisatie sociaal samenwerking
    """.split()
)

# Determiners in front of a name stay outside the span (docs/annotation.md).
DETERMINERS = {"de", "het", "'t"}

# A legal qualifier the register appends ("Nederlands Meetinstituut ex Regeling
# meetmiddelen politie"): letters name the body without it.
LEGAL_QUALIFIER = re.compile(r"\s+ex\s+(art\.|artikel|Regeling|Besluit|Wet)\b.*$")


# ---------------------------------------------------------------------------
# Reading JSON-LD
# ---------------------------------------------------------------------------

def load_jsonld(path: Path) -> List[dict]:
    with path.open(encoding="utf-8") as fh:
        data = json.load(fh)
    return data if isinstance(data, list) else data.get("@graph", [])


def find_list_file(tooi_dir: Path, list_name: str) -> Optional[Path]:
    """The newest rwc_<list>_compleet_<version>.json (highest version number)."""
    candidates = []
    for path in tooi_dir.glob(f"rwc_{list_name}_compleet_*.json"):
        m = re.search(r"_compleet_(\d+)\.json$", path.name)
        if m:
            candidates.append((int(m.group(1)), path))
    return max(candidates)[1] if candidates else None


def item_types(item: dict) -> Set[str]:
    return {t.rsplit("/", 1)[-1] for t in item.get("@type", [])}


def values(item: dict, prop: str) -> List[str]:
    """The literal values of a property, whitespace-normalised, in file order."""
    out = []
    for v in item.get(prop, []):
        if isinstance(v, dict) and isinstance(v.get("@value"), str):
            text = " ".join(v["@value"].split())
            if text:
                out.append(text)
    return out


def first_value(item: dict, prop: str) -> Optional[str]:
    found = values(item, prop)
    return found[0] if found else None


def iso_date(value: Optional[str]) -> Optional[str]:
    """YYYY-MM-DD from a date or dateTime literal; None when there is none."""
    if value and re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    return None


# ---------------------------------------------------------------------------
# Places and ordinary words
# ---------------------------------------------------------------------------

def place_names(tooi_dir: Path) -> Set[str]:
    """Lower-cased names of all municipalities, provinces and Caribbean public bodies,
    with the bare territory names of the water authorities ("Rivierenland")."""
    places: Set[str] = set()
    for list_name in PLACE_LISTS:
        path = find_list_file(tooi_dir, list_name)
        if path is None:
            continue
        for item in load_jsonld(path):
            for prop in EXCL_SOORT:
                places.update(v.lower() for v in values(item, prop))
    water = find_list_file(tooi_dir, "waterschappen")
    if water is not None:
        for item in load_jsonld(water):
            places.update(v.lower() for v in values(item, ONT + "officieleNaamExclSoort"))
            places.update(v.lower() for v in values(item, ONT + "voorkeursnaamExclSoort"))
    # Names that carry their own kind word are bodies, not territories.
    return {p for p in places if not p.startswith(("hoogheemraadschap", "wetterskip", "waterschap"))}


@dataclass
class Lexicon:
    """How often a word form occurs in lower case and capitalised (not sentence-initial)."""

    lower: collections.Counter = field(default_factory=collections.Counter)
    capitalised: collections.Counter = field(default_factory=collections.Counter)
    source: str = "built-in generic nouns only"

    def is_ordinary(self, word: str) -> bool:
        """Used in lower case at least as often as capitalised: a common word, not a name."""
        w = word.lower()
        return self.lower[w] > 0 and self.lower[w] >= self.capitalised[w]

    def is_frequent(self, word: str, minimum: int = 5) -> bool:
        return self.lower[word.lower()] >= minimum


def load_lexicon(ud_dir: Path) -> Lexicon:
    """Word-form counts from the CoNLL-U files; the first token of a sentence is not
    counted, because its capital says nothing about the word."""
    lex = Lexicon()
    files = sorted(ud_dir.glob("*.conllu")) if ud_dir.is_dir() else []
    for path in files:
        sentence_start = True
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    sentence_start = True
                    continue
                if line.startswith("#"):
                    continue
                cols = line.split("\t")
                if len(cols) < 2 or not cols[0].isdigit():
                    continue  # multi-word token ranges and empty nodes
                form = cols[1]
                if not sentence_start:
                    if form.islower():
                        lex.lower[form] += 1
                    elif form[:1].isupper() and form[1:].islower():
                        lex.capitalised[form.lower()] += 1
                sentence_start = False
    if files:
        lex.source = f"{len(files)} UD files in {ud_dir}"
    return lex


# ---------------------------------------------------------------------------
# Names and abbreviations of one register entry
# ---------------------------------------------------------------------------

@dataclass
class Organisation:
    list_name: str
    key: str  # the register id; a historical version points to its organisation
    names: List[str]
    abbreviations: List[str]
    valid_from: Optional[str]
    valid_to: Optional[str]


def split_parenthetical(text: str) -> Tuple[str, Optional[str]]:
    """'College van Toezicht Auteursrechten (CvTA)' -> ('College van ...', 'CvTA')."""
    m = re.match(r"^(.*\S)\s*\(([^()]+)\)$", text)
    return (m.group(1), m.group(2).strip()) if m else (text, None)


def capital_count(text: str) -> int:
    return sum(1 for ch in text if ch.isupper())


def is_abbreviation(token: str) -> bool:
    """At least 3 characters and 2 capitals: RIVM, UWV, NOvA, KvK, CRvB (not OM, Pf, No)."""
    return len(token) >= 3 and capital_count(token) >= 2


def classify_afkorting(value: str) -> Tuple[List[str], List[str]]:
    """Split a register 'afkorting' into (names, abbreviations).

    The field also holds short names ("Commissie m.e.r.", "KvK Bonaire",
    "Nederlands Filmfonds", "Justid") and pairs ("LZA/LP&K"): a value with a space
    is a name; a single word is an abbreviation when it has 2 capitals, else a
    short name when it is long enough to be one (the name filter then drops
    ordinary words such as "Kompas"). A trailing "(X)" is read the same way."""
    names: List[str] = []
    abbrevs: List[str] = []
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


def organisations(items: Sequence[dict], spec: TooiList) -> List[Organisation]:
    """One Organisation per register entry of the kinds in spec.types (historical
    versions included: their old names are valid until einddatumHV)."""
    out = []
    for item in items:
        if not (item_types(item) & set(spec.types)):
            continue
        names: List[str] = []
        abbrevs: List[str] = []
        def add(value: str, main_name=lambda m: m) -> None:
            # "Naam (AFK)": the name, and the bracketed part as a name or an abbreviation
            main, inner = split_parenthetical(value)
            names.append(main_name(main))
            add_afkorting(inner)

        def add_afkorting(value) -> None:
            if value:
                n, a = classify_afkorting(value)
                names.extend(n)
                abbrevs.extend(a)

        for prop in spec.name_fields:
            for value in values(item, prop):
                add(value, waterschap_name if spec.soort_prefix else (lambda m: m))
        for value in values(item, ONT + "alternatieveNaam"):
            add(value)
        for value in values(item, ONT + "afkorting"):
            add_afkorting(value)
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


# ---------------------------------------------------------------------------
# The name rules
# ---------------------------------------------------------------------------

def clean_name(name: str) -> str:
    """The name as a span would cover it: no leading determiner, no legal qualifier."""
    name = LEGAL_QUALIFIER.sub("", " ".join(name.split()))
    words = name.split(" ")
    while len(words) > 1 and words[0].lower() in DETERMINERS:
        words = words[1:]
    if len(words) > 1 and words[0] in REGISTER_KIND_WORDS and words[1][:1].isupper():
        words = words[1:]
    return " ".join(words).strip(" ,;:")


def name_variants(name: str) -> Tuple[List[str], List[str]]:
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


def name_drop_reason(name: str, places: Set[str], lexicon: Lexicon, single_words: str = "any") -> Optional[str]:
    """Why a cleaned name may not be a pattern, or None when it may."""
    if not name:
        return "empty"
    lower = name.lower()
    if lower in places:
        return "place"
    if len(name.split()) > MAX_NAME_WORDS:
        return "too long"
    if lower in GENERIC_NAMES:
        return "generic"
    if " " not in name and lower.endswith(PLURAL_HEADS):
        return "group of bodies"
    if " " not in name:
        if not any(ch.isupper() for ch in name):
            return "generic"  # a lower-case single word is a common noun ("het participatiebedrijf")
        if lexicon.is_ordinary(name):
            return "ordinary word"
        if single_words == "marked" and not (
            lower.endswith(ORGANISATION_HEAD_ENDINGS) or capital_count(name) >= 2 or "-" in name
        ):
            return "unmarked single word"
    return None


def abbreviation_drop_reason(abbrev: str, lexicon: Lexicon) -> Optional[str]:
    if not is_abbreviation(abbrev):
        return "short abbreviation"
    # ALL CAPS text (headings, letterheads) would match "ONS" or "WIL" as words.
    if abbrev.isupper() and abbrev.isalpha() and lexicon.is_frequent(abbrev):
        return "frequent word in capitals"
    return None


# ---------------------------------------------------------------------------
# From organisations to pattern rows
# ---------------------------------------------------------------------------

@dataclass
class PatternStats:
    organisations: collections.Counter = field(default_factory=collections.Counter)
    kept: collections.Counter = field(default_factory=collections.Counter)  # (list, kind)
    dropped: collections.Counter = field(default_factory=collections.Counter)  # reason
    examples: Dict[str, List[str]] = field(default_factory=lambda: collections.defaultdict(list))

    def drop(self, reason: str, text: str) -> None:
        self.dropped[reason] += 1
        if text not in self.examples[reason] and len(self.examples[reason]) < 8:
            self.examples[reason].append(text)


def merge_validity(a: Tuple[Optional[str], Optional[str]], b: Tuple[Optional[str], Optional[str]]):
    """The widest range: earliest start, latest end; None means open on that side."""
    start = None if a[0] is None or b[0] is None else min(a[0], b[0])
    end = None if a[1] is None or b[1] is None else max(a[1], b[1])
    return start, end


def ambiguous_abbreviations(orgs: Iterable[Organisation]) -> Set[str]:
    """Abbreviations that stand for two different bodies ("VRF": Veiligheidsregio
    Flevoland and Veiligheidsregio Fryslân): neither reading is safe, so both go.

    Register entries are one body when they share a key (a historical version
    points to its organisation) or their first name is the same apart from case
    (a body registered twice, as "CBGV" is)."""
    identity_of_name: Dict[str, str] = {}
    owners: Dict[str, Set[str]] = collections.defaultdict(set)
    for org in orgs:
        first_name = org.names[0].lower() if org.names else ""
        identity = identity_of_name.setdefault(first_name, org.key) if first_name else org.key
        for abbrev in org.abbreviations:
            owners[abbrev].add(identity)
    return {abbrev for abbrev, identities in owners.items() if len(identities) > 1}


def organisation_patterns(
    orgs: Sequence[Organisation],
    places: Set[str],
    lexicon: Lexicon,
    single_words: Dict[str, str],
) -> Tuple[List[dict], PatternStats]:
    """Pattern rows, one per distinct pattern text, sorted."""
    stats = PatternStats()
    ambiguous = ambiguous_abbreviations(orgs)
    rows: Dict[str, dict] = {}
    for org in orgs:
        stats.organisations[org.list_name] += 1
        candidates = []
        for raw in org.names:
            names, abbrevs = name_variants(clean_name(raw))
            candidates += [("name", n, raw) for n in names] + [("abbreviation", a, raw) for a in abbrevs]
        candidates += [("abbreviation", a, a) for a in org.abbreviations]
        for kind, text, raw in candidates:
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


def build_organisations(shared: Path, lexicon: Lexicon) -> Tuple[List[dict], PatternStats, Dict[str, str]]:
    tooi_dir = shared / "data" / "gazetteers" / "tooi"
    places = place_names(tooi_dir)
    orgs: List[Organisation] = []
    files: Dict[str, str] = {}
    for spec in ORGANISATION_LISTS:
        path = find_list_file(tooi_dir, spec.name)
        if path is None:
            raise SystemExit(f"error: no rwc_{spec.name}_compleet_*.json in {tooi_dir}")
        files[spec.name] = path.name
        orgs += organisations(load_jsonld(path), spec)
    single_words = {spec.name: spec.single_words for spec in ORGANISATION_LISTS}
    rows, stats = organisation_patterns(orgs, places, lexicon, single_words)
    return rows, stats, files


def organisations_jsonl(rows: Sequence[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


# ---------------------------------------------------------------------------
# Bewindspersonen: English position labels -> Dutch titles
# ---------------------------------------------------------------------------

# Ministries were renamed; Wikidata files all holders under today's label, so a
# label maps to a list of (first day, Dutch title) eras, chosen by the start date.
JUSTICE = [(None, "Justitie"), ("2010-10-14", "Veiligheid en Justitie"), ("2017-10-26", "Justitie en Veiligheid")]
INFRASTRUCTURE = [
    (None, "Verkeer en Waterstaat"),
    ("2010-10-14", "Infrastructuur en Milieu"),
    ("2017-10-26", "Infrastructuur en Waterstaat"),
]
ECONOMY = [
    (None, "Economische Zaken"),
    ("2010-10-14", "Economische Zaken, Landbouw en Innovatie"),
    ("2012-11-05", "Economische Zaken"),
    ("2017-10-26", "Economische Zaken en Klimaat"),
]
AGRICULTURE = [
    (None, "Landbouw, Natuurbeheer en Visserij"),
    ("2003-07-01", "Landbouw, Natuur en Voedselkwaliteit"),
]


def _with(prefix: str, eras):
    if isinstance(eras, str):
        return [(None, f"{prefix} {eras}")]
    return [(start, f"{prefix} {name}") for start, name in eras]


# Explicit table: English label (html_holders21.csv) -> Dutch title eras.
POSITION_TITLES: Dict[str, List[Tuple[Optional[str], str]]] = {
    "Prime Minister": [(None, "Minister-President")],
    "Deputy Prime Minister": [(None, "Viceminister-President")],
    "Minister of General Affairs": _with("Minister van", "Algemene Zaken"),
    "Minister of Foreign Affairs": _with("Minister van", "Buitenlandse Zaken"),
    "Minister of Defence": _with("Minister van", "Defensie"),
    "Minister of Finance": _with("Minister van", "Financiën"),
    "Minister of the Interior and Kingdom Relations": _with("Minister van", "Binnenlandse Zaken en Koninkrijksrelaties"),
    "Minister of Justice and Security": _with("Minister van", JUSTICE),
    "Minister of Economic Affairs and Climate Policy": _with("Minister van", ECONOMY),
    # In this extract the label "Minister of Economic Affairs" is used only for the
    # state secretaries of that ministry (Ybema, Wijn 2002, Van Gennip, Heemskerk,
    # Verdaas, Dijksma, Van Dam); its ministers are under "... and Climate Policy".
    "Minister of Economic Affairs": _with("Staatssecretaris van", "Economische Zaken"),
    # Likewise its only holder here, Henk Bleker (2010-2012), was state secretary.
    "Minister of Economic Affairs, Agriculture and Innovation": _with(
        "Staatssecretaris van", "Economische Zaken, Landbouw en Innovatie"
    ),
    "Minister of Agriculture": _with("Minister van", AGRICULTURE),
    # Before about 2002 the ministry was "... en Wetenschappen"; the data has no date
    # for the change, so one title is used.
    "Minister of Education, Culture and Science": _with("Minister van", "Onderwijs, Cultuur en Wetenschap"),
    "Minister of Public Health, Welfare and Sport": _with("Minister van", "Volksgezondheid, Welzijn en Sport"),
    "Minister of Social Affairs": _with("Minister van", "Sociale Zaken en Werkgelegenheid"),
    "Minister of Housing, Spatial Planning and the Environment": _with(
        "Minister van", "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer"
    ),
    "Minister of Transport, Public Works and Water Management": _with("Minister van", "Verkeer en Waterstaat"),
    "Minister of Infrastructure and Environment": _with("Minister van", INFRASTRUCTURE),
    # Ministers without a ministry of their own: "Minister voor ...".
    "Minister for Development Cooperation": _with("Minister voor", "Ontwikkelingssamenwerking"),
    "Minister for Foreign Trade and Development Cooperation": _with(
        "Minister voor", "Buitenlandse Handel en Ontwikkelingssamenwerking"
    ),
    "Minister for Legal Protection": _with("Minister voor", "Rechtsbescherming"),
    "Minister for Medical Care": _with(
        "Minister voor",
        [(None, "Medische Zorg"), ("2020-07-09", "Medische Zorg en Sport"), ("2022-01-10", "Langdurige Zorg en Sport")],
    ),
    "Minister for Primary and Secondary Education and Media": _with(
        "Minister voor",
        [(None, "Basis- en Voortgezet Onderwijs en Media"), ("2022-01-10", "Primair en Voortgezet Onderwijs")],
    ),
    "Minister for Climate and Energy": _with("Minister voor", "Klimaat en Energie"),
    "Minister for Nature and Nitrogen": _with("Minister voor", "Natuur en Stikstof"),
    "Minister for Poverty Policy, Participation and Pensions": _with(
        "Minister voor", "Armoedebeleid, Participatie en Pensioenen"
    ),
    "Minister of Housing and Spatial Planning": _with("Minister voor", "Volkshuisvesting en Ruimtelijke Ordening"),
    "Minister of Housing and the Central Government Sector": _with("Minister voor", "Wonen en Rijksdienst"),
    "Minister of Living, Districts and Integration": _with("Minister voor", "Wonen, Wijken en Integratie"),
    # State secretaries sign with their ministry ("De Staatssecretaris van Financiën").
    "State Secretary for Finance": _with("Staatssecretaris van", "Financiën"),
    "State Secretary for Tax Affairs": _with("Staatssecretaris van", "Financiën"),
    "State Secretary for Benefits and Customs": _with("Staatssecretaris van", "Financiën"),
    "State Secretary for Culture and Media": _with("Staatssecretaris van", "Onderwijs, Cultuur en Wetenschap"),
    "State Secretary for Defence": _with("Staatssecretaris van", "Defensie"),
    "State Secretary for Economic Affairs and Climate Policy": _with("Staatssecretaris van", ECONOMY),
    "State Secretary for Foreign Affairs": _with("Staatssecretaris van", "Buitenlandse Zaken"),
    "State Secretary for Health, Welfare and Sport": _with("Staatssecretaris van", "Volksgezondheid, Welzijn en Sport"),
    "State Secretary for Infrastructure and Water Management": _with("Staatssecretaris van", INFRASTRUCTURE),
    "State Secretary for Justice and Security": _with("Staatssecretaris van", JUSTICE),
    "State Secretary for Social Affairs and Employment": _with("Staatssecretaris van", "Sociale Zaken en Werkgelegenheid"),
    "State Secretary for the Interior and Kingdom Relations": _with(
        "Staatssecretaris van", "Binnenlandse Zaken en Koninkrijksrelaties"
    ),
}

# Offices that are not a seat in the Dutch cabinet, on purpose left out.
SKIPPED_POSITIONS = {
    "monarch": "head of state",
    "Minister of State": "honorary title (Minister van Staat), no office",
    "Minister Plenipotentiary of Aruba": "represents Aruba, not in the Dutch cabinet",
    "Minister Plenipotentiary of Curaçao": "represents Curaçao, not in the Dutch cabinet",
    "Minister Plenipotentiary of Sint Maarten": "represents Sint Maarten, not in the Dutch cabinet",
    "President of the Senate": "Speaker of the Eerste Kamer",
    "Speaker of the House of Representatives": "Speaker of the Tweede Kamer",
    "President of De Nederlandsche Bank": "central bank",
    "Chief of Defence": "military",
}
SKIPPED_PREFIXES = {
    "mayor of ": "mayor",
    "member of the Provincial Executive of ": "provincial office",
    "ambassador to ": "ambassador",
}

# A state secretary's portfolio (nlwiki list of Rutte IV) -> the ministry in the title.
STATE_SECRETARY_PORTFOLIOS = {
    "cultuur en media": "Onderwijs, Cultuur en Wetenschap",
    "fiscaliteit en belastingdienst": "Financiën",
    "fiscaliteit en belastingsdienst": "Financiën",  # spelling in the scraped list
    "toeslagen en douane": "Financiën",
    "koninkrijksrelaties en digitalisering": "Binnenlandse Zaken en Koninkrijksrelaties",
    "mijnbouw": "Economische Zaken en Klimaat",
}


def skip_reason(label: str) -> Optional[str]:
    if label in SKIPPED_POSITIONS:
        return SKIPPED_POSITIONS[label]
    for prefix, reason in SKIPPED_PREFIXES.items():
        if label.startswith(prefix):
            return reason
    return None


def dutch_title(label: str, start: str) -> Optional[str]:
    """The Dutch title for an English label on the day the term started."""
    eras = POSITION_TITLES.get(label)
    if not eras:
        return None
    title = eras[0][1]
    for first_day, name in eras:
        if first_day is None or (start and start >= first_day):
            title = name
    return title


def title_from_dutch(position: str) -> Optional[str]:
    """'minister van Financiën' -> 'Minister van Financiën'; 'derde vicepremier' ->
    'Viceminister-President'; 'staatssecretaris Mijnbouw' -> 'Staatssecretaris van
    Economische Zaken en Klimaat'. None for what is no cabinet title."""
    text = " ".join(position.split())
    text = re.sub(r"^(Nederlands|Nederlandse)\s+", "", text, flags=re.I)
    text = re.sub(r"\s+van Nederland$", "", text)
    low = text.lower()
    if low == "minister-president":
        return "Minister-President"
    if low.endswith("vicepremier") or low == "viceminister-president":
        return "Viceminister-President"
    m = re.match(r"^(minister|staatssecretaris)\s+(van|voor)\s+(.+)$", text, flags=re.I)
    if m:
        role = m.group(1).capitalize()
        if role == "Staatssecretaris":
            return f"Staatssecretaris van {m.group(3)}"  # state secretaries sign with the ministry
        return f"{role} {m.group(2).lower()} {m.group(3)}"
    m = re.match(r"^staatssecretaris\s+(.+)$", text, flags=re.I)
    if m and m.group(1).lower() in STATE_SECRETARY_PORTFOLIOS:
        return f"Staatssecretaris van {STATE_SECRETARY_PORTFOLIOS[m.group(1).lower()]}"
    return None


# ---------------------------------------------------------------------------
# Bewindspersonen: surnames
# ---------------------------------------------------------------------------

PARTICLES = {"van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "op", "in", "d'", "la", "le", "du", "von"}

# Second given names that no other person in html_bio.csv has as a first name, so
# the data cannot tell them from a first surname part ("Khee Liang Phoa").
EXTRA_GIVEN_NAMES = {"Liang", "Anthonie", "David"}

# The surname a bewindspersoon signs with where Wikidata's label has the short
# name (married names: "A.Th.B. Bijleveld-Schouten" under the label "Ank Bijleveld").
SURNAME_IN_LETTERS = {
    "Q434816": "Bijleveld-Schouten",
    "Q434650": "Van Bijsterveldt-Vliegenthart",
    "Q447079": "Jorritsma-Lebbink",
    "Q274029": "Borst-Eilers",
    "Q225902": "Van Ardenne-van der Hoeven",
    "Q467833": "Huizinga-Heringa",
    "Q2407631": "Verstand-Bogaert",
}


def given_names_from(names: Iterable[str]) -> Set[str]:
    """First words of full names: a word seen there is a given name (Jan, Kees, Peter)."""
    return {n.split()[0] for n in names if n.split()} | EXTRA_GIVEN_NAMES


def derive_surname(full_name: str, given_names: Set[str]) -> str:
    """The surname as written after a title: 'Ard van der Steur' -> 'Van der Steur',
    'Jan Kees de Jager' -> 'De Jager', 'Ernst Hirsch Ballin' -> 'Hirsch Ballin',
    'Jaap de Hoop Scheffer' -> 'De Hoop Scheffer'.

    The first word is a given name; further words are given names while they are
    capitalised words known as given names. Everything after is the surname, and
    a leading particle is capitalised because the surname stands alone."""
    words = full_name.split()
    if len(words) < 2:
        return full_name
    i = 1
    while i < len(words) - 1 and words[i] in given_names and words[i] not in PARTICLES:
        i += 1
    surname = words[i:]
    first = surname[0]
    if first in PARTICLES and first != "'t":
        surname[0] = first[0].upper() + first[1:]
    return " ".join(surname)


# ---------------------------------------------------------------------------
# Bewindspersonen: rows
# ---------------------------------------------------------------------------

TSV_COLUMNS = ("persoon", "achternaam", "functie", "functie_en", "start", "end", "wikidata")


@dataclass
class MinisterStats:
    rows_read: int = 0
    skipped: collections.Counter = field(default_factory=collections.Counter)
    unmapped: collections.Counter = field(default_factory=collections.Counter)
    duplicates: int = 0
    nlwiki_confirmed: int = 0
    nlwiki_added: List[str] = field(default_factory=list)
    nlwiki_unmapped: List[str] = field(default_factory=list)
    kept: int = 0


def read_csv(path: Path) -> List[Dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def holder_rows(
    holders: Sequence[Dict[str, str]], bio_names: Dict[str, str], given: Set[str], stats: MinisterStats
) -> List[Dict[str, str]]:
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


def minister_row(person: str, qid: str, title: str, label: str, start: str, end: str, given: Set[str]) -> Dict[str, str]:
    return {
        "persoon": person,
        "achternaam": SURNAME_IN_LETTERS.get(qid) or derive_surname(person, given),
        "functie": title,
        "functie_en": label,
        "start": start,
        "end": end,
        "wikidata": qid,
    }


def merge_terms(rows: Sequence[Dict[str, str]], stats: MinisterStats) -> List[Dict[str, str]]:
    """One row per person, title and start date. Wikidata repeats a term with several
    end dates (Rutte as Minister-President from 2010-10-14, ending 2012, 2017, 2022
    and open): the latest end wins, an open end being the latest."""
    merged: Dict[Tuple[str, str, str], Dict[str, str]] = {}
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


def cabinet_start(cabinets: Sequence[Dict[str, str]], label: str) -> str:
    for c in cabinets:
        if c.get("itemLabel") == label:
            return (c.get("inception") or c.get("startTime") or "")[:10]
    return ""


def holds_on(rows: Sequence[Dict[str, str]], qid: str, title: str, day: str) -> bool:
    return any(
        r["wikidata"] == qid and r["functie"] == title and r["start"] <= day and (not r["end"] or r["end"] > day)
        for r in rows
    )


def rutte_iv_rows(
    ep_dir: Path, rows: Sequence[Dict[str, str]], given: Set[str], stats: MinisterStats
) -> List[Dict[str, str]]:
    """Rows of the nlwiki Rutte IV lists that holders21 lacks (same person and title
    held on the cabinet's first day). The Dutch position name is the functie_en."""
    scraped_path = ep_dir / "sources_cabinet-nlwiki_scraped.csv"
    if not scraped_path.exists():
        return []
    cabinets_path = ep_dir / "wikidata_results_all-cabinets.csv"
    day = cabinet_start(read_csv(cabinets_path), "Fourth Rutte cabinet") if cabinets_path.exists() else ""
    starts: Dict[Tuple[str, str], str] = {}
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


def build_ministers(shared: Path) -> Tuple[List[Dict[str, str]], MinisterStats]:
    ep_dir = shared / "data" / "gazetteers" / "everypolitician_nl"
    stats = MinisterStats()
    bio = read_csv(ep_dir / "html_bio.csv")
    bio_names = {b["id"]: b["name"] for b in bio if b.get("id")}
    holders = read_csv(ep_dir / "html_holders21.csv")
    given = given_names_from(list(bio_names.values()) + [h.get("person", "") for h in holders])
    rows = merge_terms(holder_rows(holders, bio_names, given, stats), stats)
    rows = merge_terms(rows + rutte_iv_rows(ep_dir, rows, given, stats), stats)
    rows.sort(key=lambda r: (r["start"], r["functie"], r["persoon"], r["end"], r["wikidata"]))
    stats.kept = len(rows)
    return rows, stats


def ministers_tsv(rows: Sequence[Dict[str, str]]) -> str:
    lines = ["\t".join(TSV_COLUMNS)]
    for row in rows:
        cells = [row[c].replace("\t", " ") for c in TSV_COLUMNS]
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# Writing and the command line
# ---------------------------------------------------------------------------

def write_atomic(path: Path, text: str) -> bool:
    """Write text via a temporary file in the same folder and a rename, so readers
    never see a partial file. Returns whether the content changed."""
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return True


def default_shared() -> Path:
    env = os.environ.get("KAMER_SHARED")  # the same override the test suite honours
    return Path(env) if env else REPO.parent / "shared"


def summary(org_stats: PatternStats, files: Dict[str, str], lexicon: Lexicon, min_stats: MinisterStats) -> str:
    out = io.StringIO()
    out.write(f"ordinary-word check: {lexicon.source}\n")
    out.write(f"{ORG_OUT}:\n")
    for spec in ORGANISATION_LISTS:
        name, abbr = org_stats.kept[(spec.name, "name")], org_stats.kept[(spec.name, "abbreviation")]
        out.write(
            f"  tooi_{spec.name} ({files.get(spec.name)}): {org_stats.organisations[spec.name]} entries -> "
            f"{name} names + {abbr} abbreviations\n"
        )
    out.write(f"  total patterns: {sum(org_stats.kept.values())}\n")
    for reason, n in sorted(org_stats.dropped.items()):
        examples = "; ".join(e if len(e) <= 60 else e[:57] + "..." for e in org_stats.examples[reason][:4])
        out.write(f"  dropped {reason}: {n} (e.g. {examples})\n")
    out.write(f"{MINISTERS_OUT}:\n")
    out.write(f"  holders21 rows read: {min_stats.rows_read}; repeated terms merged: {min_stats.duplicates}\n")
    for reason, n in sorted(min_stats.skipped.items()):
        out.write(f"  skipped ({reason}): {n}\n")
    out.write(
        f"  Rutte IV (nlwiki): {min_stats.nlwiki_confirmed} confirmed, {len(min_stats.nlwiki_added)} added"
        + (f" ({'; '.join(min_stats.nlwiki_added)})" if min_stats.nlwiki_added else "")
        + "\n"
    )
    if min_stats.nlwiki_unmapped:
        out.write(f"  nlwiki positions not understood: {', '.join(min_stats.nlwiki_unmapped)}\n")
    unmapped = ", ".join(f"{k!r} ({v})" for k, v in sorted(min_stats.unmapped.items())) or "none"
    out.write(f"  unmapped position labels: {unmapped}\n")
    out.write(f"  rows written: {min_stats.kept}\n")
    return out.getvalue()


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=default_shared(), help="the shared folder (default: ../shared)")
    parser.add_argument("--resources", type=Path, default=RESOURCES, help="where to write (default: pipeline/resources)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a file is out of date")
    args = parser.parse_args(argv)

    if not (args.shared / "data" / "gazetteers").is_dir():
        print(f"error: {args.shared}/data/gazetteers not found (use --shared)", file=sys.stderr)
        return 2
    lexicon = load_lexicon(args.shared / "data" / "ud")
    org_rows, org_stats, files = build_organisations(args.shared, lexicon)
    minister_rows, min_stats = build_ministers(args.shared)
    outputs = {
        args.resources / ORG_OUT: organisations_jsonl(org_rows),
        args.resources / MINISTERS_OUT: ministers_tsv(minister_rows),
    }
    print(summary(org_stats, files, lexicon, min_stats), end="")

    if args.check:
        stale = [p for p, text in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        for p in stale:
            print(f"out of date: {p}", file=sys.stderr)
        return 1 if stale else 0
    for path, text in outputs.items():
        changed = write_atomic(path, text)
        print(f"{'wrote' if changed else 'unchanged'}: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
