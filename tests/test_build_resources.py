"""The resource builders in scripts/resources: the entry point `make resources` runs, and the
tiny ../shared every builder test writes (never the real ../shared, but for the last test)."""

import csv
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SHARED, shared_path

sys.path.insert(0, str(REPO / "scripts" / "resources"))
buildlib = importlib.import_module("buildlib")
build_resources = importlib.import_module("build_resources")
build_tooi = importlib.import_module("build_tooi")
build_bewindspersonen = importlib.import_module("build_bewindspersonen")

ORG_OUT = build_tooi.OUTPUT
MINISTERS_OUT = build_bewindspersonen.OUTPUT


# -- a tiny ../shared ---------------------------------------------------------------------

ONT = "https://identifier.overheid.nl/tooi/def/ont/"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


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
OVERHEID = "Overheidsorganisatie"
SAMENWERKING = "Samenwerkingsorganisatie"

TOOI = {
    "gemeenten": [
        item("gm0014", "Gemeente", "gemeente Groningen", excl="Groningen"),
        item("gm0363", "Gemeente", "gemeente Amsterdam", excl="Amsterdam"),
    ],
    "provincies": [item("pv31", "Provincie", "provincie Limburg", excl="Limburg", afkorting=["LB"])],
    "caribische_openbare_lichamen": [
        item("col01", "CaribischOpenbaarLichaam", "openbaar lichaam Bonaire", excl="Bonaire")
    ],
    "overige_overheidsorganisaties": [
        item(
            "oorg1", OVERHEID, "Rijksinstituut voor Volksgezondheid en Milieu", afkorting=["RIVM"], begin="1984-01-01"
        ),
        item("oorg2", OVERHEID, "Rechtbank Amsterdam"),
        item("oorg3", OVERHEID, "Politie", alt=["Landelijk politiekorps"]),
        item("oorg4", OVERHEID, "Openbaar Ministerie", afkorting=["OM"]),
        item("oorg5", OVERHEID, "Stichting Participatiefonds", afkorting=["Pf"]),
        item("oorg6", OVERHEID, "Gemeentelijk Collectief Kompas", afkorting=["Kompas"]),
        item("oorg7", OVERHEID, "Shared Service Centrum ONS", afkorting=["ONS"]),
        item("oorg8", OVERHEID, "Groningen", alt=["Bonaire"]),  # a place as a name
        item("oorg9", OVERHEID, "Justitiële Informatiedienst", afkorting=["Justid"], end="2030-01-01"),
        item("oorg10", OVERHEID, "Raad"),
        item("oorg11", OVERHEID, " ".join(["Commissie"] + ["lang"] * 12)),
        item("oorg12", OVERHEID, "Rijksoverheid", alt=["het Rijk"]),
    ],
    "zbo": [
        item("zb1", "Zbo", "Uitvoeringsinstituut Werknemersverzekeringen", afkorting=["UWV"], begin="2002-01-01"),
        item("zb2", "Zbo", "Zorgkantoor DSW B.V."),
        item("zb3", "ZboCluster", "Keuringsinstanties ex Warenwet"),
    ],
    "waterschappen": [
        item("ws1", "Waterschap", "waterschap Aa en Maas", excl="Aa en Maas", incl="waterschap Aa en Maas"),
        item("ws2", "Waterschap", "waterschap Veluwe", excl="Veluwe", incl="waterschap Veluwe", end="2012-12-31"),
        item(
            "ws3",
            "Waterschap",
            "Hoogheemraadschap van Delfland",
            excl="Hoogheemraadschap van Delfland",
            incl="waterschap Hoogheemraadschap van Delfland",
        ),
    ],
    "samenwerkingsorganisaties": [
        item("so1", SAMENWERKING, "Veiligheidsregio Flevoland", afkorting=["VRF"]),
        item("so2", SAMENWERKING, "Veiligheidsregio Fryslân", afkorting=["VRF"]),
        item("so3", SAMENWERKING, "Blink"),
        item("so4", SAMENWERKING, "Omgevingsdienst IJmond", afkorting=["ODIJ"]),
        item("so5", SAMENWERKING, "Werkvoorzieningschap Kampen", alt=["Impact"]),
    ],
}

# A few sentences in CoNLL-U: "kompas" and "impact" are used as ordinary words, "ons" often.
UD_WORDS = ["Hij", "zag", "ons", "kompas", "en", "de", "impact", "van", "ons"] * 3


def write_tooi(root: Path) -> None:
    """The TOOI registers and the UD words of a tiny ../shared under ``root``."""
    tooi = root / "data" / "gazetteers" / "tooi"
    tooi.mkdir(parents=True, exist_ok=True)
    for name, items in TOOI.items():
        text = json.dumps([HEADER_ITEM] + items, ensure_ascii=False)
        (tooi / f"rwc_{name}_compleet_1.json").write_text(text, encoding="utf-8")
    ud = root / "data" / "ud"
    ud.mkdir(parents=True, exist_ok=True)
    lines = [f"{i}\t{w}\t_\t_\t_\t_\t_\t_\t_\t_" for i, w in enumerate(UD_WORDS, 1)]
    (ud / "tiny.conllu").write_text("\n".join(lines) + "\n\n", encoding="utf-8")


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


def write_everypolitician(root: Path) -> None:
    """The EveryPolitician files of a tiny ../shared under ``root``."""
    folder = root / "data" / "gazetteers" / "everypolitician_nl"
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in (("html_holders21.csv", HOLDERS), ("html_bio.csv", BIO)):
        with (folder / name).open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows(rows)


def shared_fixture(*writers):
    """A fixture giving a tiny ../shared that ``writers`` fill."""

    @pytest.fixture()
    def shared(tmp_path):
        for write in writers:
            write(tmp_path / "shared")
        return tmp_path / "shared"

    return shared


shared = shared_fixture(write_tooi, write_everypolitician)


def editable_tables(tmp_path, monkeypatch):
    """A copy of scripts/resources/tables that a test may edit; the builders read it instead.
    Use as a fixture: ``tables = pytest.fixture(editable_tables)``."""
    copy = tmp_path / "tables"
    copy.mkdir()
    for path in buildlib.TABLES.iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(buildlib, "TABLES", copy)
    clear_table_caches()
    yield copy
    monkeypatch.undo()
    clear_table_caches()


def edit_table(tables: Path, name: str, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` on the first line of a table copy that holds it; its line number."""
    path = tables / name
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if old in line and not line.startswith("#"))
    lines[at] = lines[at].replace(old, new)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    clear_table_caches()
    return at + 1


def clear_table_caches():
    for module in list(sys.modules.values()):
        if getattr(module, "__file__", None) and Path(module.__file__).parent == Path(buildlib.__file__).parent:
            for value in vars(module).values():
                if hasattr(value, "cache_clear"):
                    value.cache_clear()


# -- the entry point -----------------------------------------------------------------------


def test_output_is_sorted_and_deterministic(shared, tmp_path):
    out = tmp_path / "resources"
    assert build_resources.main(["--shared", str(shared), "--resources", str(out)]) == 0
    jsonl = (out / ORG_OUT).read_bytes()
    tsv = (out / MINISTERS_OUT).read_bytes()
    rows = [json.loads(line) for line in jsonl.decode("utf-8").splitlines()]
    keys = [(r["pattern"].lower(), r["pattern"], r["id"]) for r in rows]
    assert keys == sorted(keys)
    assert all(list(r) == ["label", "pattern", "id", "valid_from", "valid_to"] for r in rows)
    assert len({r["pattern"] for r in rows}) == len(rows)
    # a second run gives the same bytes and leaves no temporary files behind
    assert build_resources.main(["--shared", str(shared), "--resources", str(out)]) == 0
    assert (out / ORG_OUT).read_bytes() == jsonl
    assert (out / MINISTERS_OUT).read_bytes() == tsv
    assert not list(out.rglob("*.tmp"))
    assert build_resources.main(["--shared", str(shared), "--resources", str(out), "--check"]) == 0


def test_check_names_a_stale_file_and_writes_nothing(shared, tmp_path, capsys):
    out = tmp_path / "resources"
    assert build_resources.main(["--shared", str(shared), "--resources", str(out)]) == 0
    (out / MINISTERS_OUT).write_text("persoon\n", encoding="utf-8")
    assert build_resources.main(["--shared", str(shared), "--resources", str(out), "--check"]) == 1
    assert f"out of date: {out / MINISTERS_OUT}" in capsys.readouterr().err
    assert (out / MINISTERS_OUT).read_text(encoding="utf-8") == "persoon\n"


def test_a_missing_source_file_is_one_line_and_nothing_is_written(shared, tmp_path, capsys):
    missing = shared / "data" / "gazetteers" / "everypolitician_nl" / "html_bio.csv"
    missing.unlink()
    out = tmp_path / "resources"
    assert build_resources.main(["--shared", str(shared), "--resources", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == f"error: {missing}: cannot read (No such file or directory)\n"
    assert not out.exists()  # the TOOI file was built, but not written without the other


def test_a_broken_register_file_is_one_line(shared, tmp_path, capsys):
    broken = shared / "data" / "gazetteers" / "tooi" / "rwc_zbo_compleet_1.json"
    broken.write_text('[{"@id": ', encoding="utf-8")
    assert build_resources.main(["--shared", str(shared), "--resources", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {broken}: not a JSON-LD file (") and err.count("\n") == 1


def test_each_builder_runs_alone_and_writes_only_its_file(shared, tmp_path):
    out = tmp_path / "resources"
    script = REPO / "scripts" / "resources" / "build_bewindspersonen.py"
    result = subprocess.run(
        [sys.executable, str(script), "--shared", str(shared), "--resources", str(out)],
        capture_output=True,
        check=False,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert [p.relative_to(out) for p in out.rglob("*") if p.is_file()] == [MINISTERS_OUT]


def test_committed_resource_files_are_what_make_resources_generates():
    shared_path("data/gazetteers")
    result = subprocess.run(
        [sys.executable, "scripts/resources/build_resources.py", "--shared", str(SHARED), "--check"],
        cwd=REPO,
        capture_output=True,
        check=False,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
