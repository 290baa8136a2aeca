"""scripts/resources/build_resources.py on small hand-made inputs (never on ../shared)."""

import csv
import importlib.util
import json
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "resources" / "build_resources.py"


def _load_script():
    spec = importlib.util.spec_from_file_location("build_resources", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


br = _load_script()

ONT = "https://identifier.overheid.nl/tooi/def/ont/"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


# -- building a tiny ../shared ------------------------------------------------

def lit(*texts):
    return [{"@language": "nl", "@value": t} for t in texts]


def date(value):
    return [{"@type": "http://www.w3.org/2001/XMLSchema#date", "@value": value}]


def item(code, kind, label, excl=None, incl=None, afkorting=(), alt=(), begin=None, end=None):
    """One TOOI register entry in the JSON-LD shape of the real files."""
    entry = {
        "@id": f"https://identifier.overheid.nl/tooi/id/x/{code}",
        "@type": [ONT + kind],
        RDFS_LABEL: lit(label),
        ONT + "officieleNaamExclSoort": lit(excl or label),
        ONT + "voorkeursnaamExclSoort": lit(excl or label),
    }
    if incl:
        entry[ONT + "officieleNaamInclSoort"] = lit(incl)
        entry[ONT + "voorkeursnaamInclSoort"] = lit(incl)
    if afkorting:
        entry[ONT + "afkorting"] = lit(*afkorting)
    if alt:
        entry[ONT + "alternatieveNaam"] = lit(*alt)
    if begin:
        entry[ONT + "begindatum"] = date(begin)
    if end:
        entry[ONT + "einddatum"] = date(end)
    return entry


HEADER_ITEM = {"@id": "https://identifier.overheid.nl/tooi/set/x", "@type": ["http://www.w3.org/2002/07/owl#Ontology"]}

TOOI = {
    "gemeenten": [
        item("gm0014", "Gemeente", "gemeente Groningen", excl="Groningen"),
        item("gm0363", "Gemeente", "gemeente Amsterdam", excl="Amsterdam"),
    ],
    "provincies": [item("pv31", "Provincie", "provincie Limburg", excl="Limburg", afkorting=["LB"])],
    "caribische_openbare_lichamen": [item("col01", "CaribischOpenbaarLichaam", "openbaar lichaam Bonaire", excl="Bonaire")],
    "overige_overheidsorganisaties": [
        item("oorg1", "Overheidsorganisatie", "Rijksinstituut voor Volksgezondheid en Milieu", afkorting=["RIVM"], begin="1984-01-01"),
        item("oorg2", "Overheidsorganisatie", "Rechtbank Amsterdam"),
        item("oorg3", "Overheidsorganisatie", "Politie", alt=["Landelijk politiekorps"]),
        item("oorg4", "Overheidsorganisatie", "Openbaar Ministerie", afkorting=["OM"]),
        item("oorg5", "Overheidsorganisatie", "Stichting Participatiefonds", afkorting=["Pf"]),
        item("oorg6", "Overheidsorganisatie", "Gemeentelijk Collectief Kompas", afkorting=["Kompas"]),
        item("oorg7", "Overheidsorganisatie", "Shared Service Centrum ONS", afkorting=["ONS"]),
        item("oorg8", "Overheidsorganisatie", "Groningen", alt=["Bonaire"]),  # a place as a name
        item("oorg9", "Overheidsorganisatie", "Justitiële Informatiedienst", afkorting=["Justid"], end="2030-01-01"),
        item("oorg10", "Overheidsorganisatie", "Raad"),
        item("oorg11", "Overheidsorganisatie", " ".join(["Commissie"] + ["lang"] * 12)),
        item("oorg12", "Overheidsorganisatie", "Rijksoverheid", alt=["het Rijk"]),
    ],
    "zbo": [
        item("zb1", "Zbo", "Uitvoeringsinstituut Werknemersverzekeringen", afkorting=["UWV"], begin="2002-01-01"),
        item("zb2", "Zbo", "Zorgkantoor DSW B.V."),
        item("zb3", "ZboCluster", "Keuringsinstanties ex Warenwet"),
    ],
    "waterschappen": [
        item("ws1", "Waterschap", "waterschap Aa en Maas", excl="Aa en Maas", incl="waterschap Aa en Maas"),
        item("ws2", "Waterschap", "waterschap Veluwe", excl="Veluwe", incl="waterschap Veluwe", end="2012-12-31"),
        item("ws3", "Waterschap", "Hoogheemraadschap van Delfland", excl="Hoogheemraadschap van Delfland",
             incl="waterschap Hoogheemraadschap van Delfland"),
    ],
    "samenwerkingsorganisaties": [
        item("so1", "Samenwerkingsorganisatie", "Veiligheidsregio Flevoland", afkorting=["VRF"]),
        item("so2", "Samenwerkingsorganisatie", "Veiligheidsregio Fryslân", afkorting=["VRF"]),
        item("so3", "Samenwerkingsorganisatie", "Blink"),
        item("so4", "Samenwerkingsorganisatie", "Omgevingsdienst IJmond", afkorting=["ODIJ"]),
        item("so5", "Samenwerkingsorganisatie", "Werkvoorzieningschap Kampen", alt=["Impact"]),
    ],
}

HOLDERS = [
    ("position", "person", "personID", "start", "end"),
    ("monarch", "Beatrix of the Netherlands", "Q29574", "1980-04-30", "2013-04-30"),
    ("Prime Minister", "Mark Rutte", "Q57792", "2010-10-14", "2012-11-05"),
    ("Prime Minister", "Mark Rutte", "Q57792", "2010-10-14", ""),
    ("Minister of Defence", "Ank Bijleveld", "Q434816", "2017-10-26", "2021-09-17"),
    ("Minister of Justice and Security", "Ard van der Steur", "Q4787767", "2015-03-20", "2017-01-27"),
    ("Minister of Foreign Affairs", "Stef Blok", "Q2858481", "2018-03-07", "2021-05-25"),
    ("State Secretary for Finance", "Jan Kees de Jager", "Q1666631", "2007-02-22", "2010-02-23"),
    ("mayor of Amsterdam", "Job Cohen", "Q381657", "2001-01-15", "2010-03-12"),
    ("Minister of Magic", "Some One", "Q1", "2020-01-01", ""),
]
BIO = [("id", "name"), ("Q1666631", "Jan Kees de Jager"), ("Q9", "Kees Verhoeven")]

# A few sentences in CoNLL-U: "kompas" and "impact" are used as ordinary words, "ons" often.
UD_WORDS = ["Hij", "zag", "ons", "kompas", "en", "de", "impact", "van", "ons"] * 3


def write_json(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def write_csv(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)


@pytest.fixture()
def shared(tmp_path):
    root = tmp_path / "shared"
    tooi = root / "data" / "gazetteers" / "tooi"
    for name, items in TOOI.items():
        write_json(tooi / f"rwc_{name}_compleet_1.json", [HEADER_ITEM] + items)
    ep = root / "data" / "gazetteers" / "everypolitician_nl"
    write_csv(ep / "html_holders21.csv", HOLDERS)
    write_csv(ep / "html_bio.csv", BIO)
    ud = root / "data" / "ud"
    ud.mkdir(parents=True)
    lines = [f"{i}\t{w}\t_\t_\t_\t_\t_\t_\t_\t_" for i, w in enumerate(UD_WORDS, 1)]
    (ud / "tiny.conllu").write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    return root


@pytest.fixture()
def patterns(shared):
    lexicon = br.load_lexicon(shared / "data" / "ud")
    rows, stats, _files = br.build_organisations(shared, lexicon)
    return {r["pattern"]: r for r in rows}


# -- organisations --------------------------------------------------------------

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
    assert not any(len(p.split()) > br.MAX_NAME_WORDS for p in patterns)
    assert "Keuringsinstanties ex Warenwet" not in patterns  # a cluster, not one body


def test_validity_dates(patterns):
    assert patterns["RIVM"]["valid_from"] == "1984-01-01" and patterns["RIVM"]["valid_to"] is None
    assert patterns["Waterschap Veluwe"]["valid_to"] == "2012-12-31"  # ended, still recognised
    assert patterns["Justid"]["valid_to"] == "2030-01-01"


def test_legal_form_variant(patterns):
    assert "Zorgkantoor DSW B.V." in patterns and "Zorgkantoor DSW" in patterns


def test_exact_duplicates_merged_with_widest_validity():
    orgs = [
        br.Organisation("zbo", "a", ["Curriculumcommissie"], [], "2020-07-28", "2023-12-31"),
        br.Organisation("zbo", "b", ["Curriculumcommissie"], [], "2020-07-28", "2024-12-31"),
    ]
    rows, _ = br.organisation_patterns(orgs, set(), br.Lexicon(), {})
    assert [(r["pattern"], r["valid_to"]) for r in rows] == [("Curriculumcommissie", "2024-12-31")]


def test_output_is_sorted_and_deterministic(shared, tmp_path):
    out = tmp_path / "resources"
    assert br.main(["--shared", str(shared), "--resources", str(out)]) == 0
    jsonl = (out / br.ORG_OUT).read_bytes()
    tsv = (out / br.MINISTERS_OUT).read_bytes()
    rows = [json.loads(line) for line in jsonl.decode("utf-8").splitlines()]
    keys = [(r["pattern"].lower(), r["pattern"], r["id"]) for r in rows]
    assert keys == sorted(keys)
    assert all(list(r) == ["label", "pattern", "id", "valid_from", "valid_to"] for r in rows)
    assert len({r["pattern"] for r in rows}) == len(rows)
    # a second run gives the same bytes and leaves no temporary files behind
    assert br.main(["--shared", str(shared), "--resources", str(out)]) == 0
    assert (out / br.ORG_OUT).read_bytes() == jsonl
    assert (out / br.MINISTERS_OUT).read_bytes() == tsv
    assert not list(out.rglob("*.tmp"))
    assert br.main(["--shared", str(shared), "--resources", str(out), "--check"]) == 0


# -- bewindspersonen -----------------------------------------------------------------

@pytest.mark.parametrize(
    "label,start,dutch",
    [
        ("Prime Minister", "2010-10-14", "Minister-President"),
        ("Minister of Foreign Affairs", "2018-03-07", "Minister van Buitenlandse Zaken"),
        ("State Secretary for Finance", "2014-02-04", "Staatssecretaris van Financiën"),
        ("Minister for Foreign Trade and Development Cooperation", "2012-11-05",
         "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"),
        ("Minister of Justice and Security", "2015-03-20", "Minister van Veiligheid en Justitie"),
        ("Minister of Justice and Security", "2006-09-22", "Minister van Justitie"),
        ("Minister of Justice and Security", "2022-01-10", "Minister van Justitie en Veiligheid"),
        ("Minister of Infrastructure and Environment", "2022-01-10", "Minister van Infrastructuur en Waterstaat"),
        ("Deputy Prime Minister", "2022-01-10", "Viceminister-President"),
    ],
)
def test_english_positions_map_to_dutch_titles(label, start, dutch):
    assert br.dutch_title(label, start) == dutch


def test_positions_outside_the_cabinet_are_skipped_not_unmapped():
    for label in ("monarch", "mayor of Amsterdam", "ambassador to Hungary",
                  "member of the Provincial Executive of Utrecht", "Speaker of the House of Representatives"):
        assert br.skip_reason(label)
    assert br.skip_reason("Minister of Finance") is None
    assert br.dutch_title("Minister of Magic", "2020-01-01") is None


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
    ],
)
def test_surname_derivation(full, surname):
    given = br.given_names_from(["Jan Jansen", "Kees Verhoeven", "Stef Blok"])
    assert br.derive_surname(full, given) == surname


def test_surname_as_signed_overrides_the_short_label():
    row = br.minister_row("Ank Bijleveld", "Q434816", "Minister van Defensie", "Minister of Defence",
                          "2017-10-26", "2021-09-17", set())
    assert row["achternaam"] == "Bijleveld-Schouten"


def test_minister_rows(shared):
    rows, stats = br.build_ministers(shared)
    by_person = {(r["persoon"], r["functie"]): r for r in rows}
    assert set(by_person) == {
        ("Mark Rutte", "Minister-President"),
        ("Ank Bijleveld", "Minister van Defensie"),
        ("Ard van der Steur", "Minister van Veiligheid en Justitie"),
        ("Stef Blok", "Minister van Buitenlandse Zaken"),
        ("Jan Kees de Jager", "Staatssecretaris van Financiën"),
    }
    assert by_person[("Mark Rutte", "Minister-President")]["end"] == ""  # repeated term: open end wins
    assert by_person[("Ard van der Steur", "Minister van Veiligheid en Justitie")]["achternaam"] == "Van der Steur"
    assert by_person[("Jan Kees de Jager", "Staatssecretaris van Financiën")]["achternaam"] == "De Jager"
    assert stats.unmapped == {"Minister of Magic": 1}
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    header = br.ministers_tsv(rows).splitlines()[0].split("\t")
    assert header == ["persoon", "achternaam", "functie", "functie_en", "start", "end", "wikidata"]


def test_dutch_position_names_from_nlwiki():
    assert br.title_from_dutch("minister van Financiën") == "Minister van Financiën"
    assert br.title_from_dutch("minister voor Klimaat en Energie") == "Minister voor Klimaat en Energie"
    assert br.title_from_dutch("derde vicepremier") == "Viceminister-President"
    assert br.title_from_dutch("Nederlands minister van Defensie") == "Minister van Defensie"
    assert br.title_from_dutch("staatssecretaris Mijnbouw") == "Staatssecretaris van Economische Zaken en Klimaat"
    assert br.title_from_dutch("burgemeester van Utrecht") is None


def test_committed_resource_files_are_what_make_resources_generates():
    import subprocess
    import sys

    from conftest import REPO, SHARED, shared_path

    shared_path("data/gazetteers")
    result = subprocess.run([sys.executable, "scripts/resources/build_resources.py", "--shared", str(SHARED), "--check"],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
