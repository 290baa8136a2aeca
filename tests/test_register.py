"""The register on invented letters that make, settle and miss commitments: links, states, reloads, bad input."""

import csv
import io
import json
import sqlite3
import subprocess
import sys
from datetime import date

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluation.annotations import document_from_record
from pipeline.register.citing_sentences import CitingSentences
from pipeline.register.load import load
from pipeline.register.report import overview, write_csv
from pipeline.register.schema import register_schema
from pipeline.register.state import states
from pipeline.register.store import connect, dump

pytestmark = pytest.mark.unit

SCHEMA = register_schema()


def letter(doc_id, datum, kamerstuk, ministerie, *sentences):
    """A record as `extract` writes it: each sentence (status, text, attributes) one TOEZEGGING span; a
    sentence with status None is plain text (the pipeline tagged nothing there)."""
    text, spans = "", []
    for status, sentence, attrs in sentences:
        start = len(text)
        text += sentence + " "
        if status is None:
            continue
        span = {"start": start, "end": start + len(sentence), "label": "TOEZEGGING", "text": sentence}
        span.update(
            status=status, rule=f"{status}:test", ministerie=ministerie, bewindspersoon=f"Minister van {ministerie}"
        )
        span.update({"onderwerp": None, "termijn": None, "termijn_datum": None, "herkomst": None, **attrs})
        spans.append(span)
    dossier, _, nummer = kamerstuk.partition(" nr. ") if kamerstuk else (None, None, None)
    meta = {"kamerstuk": {"dossier": dossier, "nummer": nummer} if kamerstuk else None, "datum": datum}
    return {"id": doc_id, "text": text, "spans": spans, "meta": {**meta, "titel": None, "ondertekenaars": []}}


MAKES = [
    letter(
        "a1",
        "2020-01-10",
        "35 000 nr. 1",
        "Defensie",
        (
            "nieuw",
            "Ik zal uw Kamer voor de zomer informeren over de evaluatie van de missie.",
            {"termijn": "voor de zomer", "termijn_datum": "2020-01-10/2020-06-20"},
        ),
    ),
    letter(
        "a2",
        "2020-02-01",
        "35 000 nr. 2",
        "Defensie",
        (
            "nieuw",
            "Ik stuur uw Kamer voor 1 april het rapport over de munitievoorraad.",
            {"termijn": "voor 1 april", "termijn_datum": "2020-04-01"},
        ),
        (
            "nieuw",
            "Voor 1 maart 2021 ontvangt u de nieuwe defensienota.",
            {"termijn": "Voor 1 maart 2021", "termijn_datum": "2021-03-01"},
        ),
    ),
    letter(
        "a3",
        "2020-02-01",
        "36 000 nr. 5",
        "Financiën",
        ("nieuw", "Ik kom hier op een later moment op terug.", {"termijn": "op een later moment"}),
    ),
    letter(
        "d1",
        "2020-03-01",
        "37 000 nr. 1",
        "Financiën",
        ("nieuw", "Ik zal uw Kamer voor de zomer informeren over de begroting.", {"termijn_datum": "2020-06-20"}),
        ("nieuw", "Ik zal uw Kamer na de zomer informeren over de begroting.", {"termijn_datum": "2020-09-30"}),
    ),
]
SETTLES = [
    letter(
        "b1",
        "2020-06-15",
        "35 000 nr. 3",
        "Defensie",
        (
            "nagekomen",
            "Zoals toegezegd in mijn brief van 10 januari 2020 (Kamerstuk 35 000, nr. 1) informeer ik u over de "
            "evaluatie van de missie.",
            {"herkomst": {"type": "brief", "datum": "2020-01-10"}},
        ),
    ),
    letter(  # names d1 by date only, and d1 made two promises this sentence fits equally well
        "e1",
        "2020-10-01",
        "37 000 nr. 2",
        "Financiën",
        (
            "nagekomen",
            "Hiermee informeer ik uw Kamer over de begroting, zoals toegezegd in mijn brief van 1 maart.",
            {"herkomst": {"type": "brief", "datum": "2020-03-01"}},
        ),
    ),
    letter(  # another ministry's letter of a2's date: the date alone is weak evidence
        "f1",
        "2020-05-01",
        "38 000 nr. 1",
        "Landbouw",
        (
            "nagekomen",
            "Zoals toegezegd in de brief van 1 februari ontvangt u hierbij de mestcijfers.",
            {"herkomst": {"type": "brief", "datum": "2020-02-01"}},
        ),
        (
            "nagekomen",
            "Zoals toegezegd in het algemeen overleg van 5 maart stuur ik u de visie.",
            {"herkomst": {"type": "algemeen overleg", "datum": "2020-03-05"}},
        ),
    ),
]


def nummer(doc_id, k=0):
    """The register's id of the k-th sentence of an invented letter."""
    span = next(r for r in MAKES + SETTLES if r["id"] == doc_id)["spans"][k]
    return f"{doc_id}#{span['start']}-{span['end']}"


def write(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def build(db_path, *records):
    db = connect(db_path, SCHEMA)
    load(db, [document_from_record(r) for r in records], SCHEMA)
    return db


def by_nummer(db, as_of):
    return {row["nummer"]: row for row in states(db.conn, SCHEMA, as_of)}


def test_a_settling_sentence_that_names_the_letter_is_linked_with_its_evidence(tmp_path):
    db = build(tmp_path / "r.db", *MAKES, *SETTLES)
    links = {row["settling"]: row for row in db["links"].rows}
    assert set(links) == {nummer("b1")}
    link = links[nummer("b1")]
    assert link["settled"] == nummer("a1")
    kinds = {item["soort"] for item in json.loads(link["evidence"])}
    assert {"kamerstuk_in_zin", "herkomst_datum", "zelfde_dossier", "zelfde_ministerie"} <= kinds
    assert 0.5 <= link["confidence"] <= 1.0


def test_ambiguous_weak_and_unanchored_settlements_stay_unlinked_with_their_reason(tmp_path):
    db = build(tmp_path / "r.db", *MAKES, *SETTLES)
    reasons = {row["settling"]: row["reason"] for row in db["unlinked"].rows}
    assert reasons[nummer("e1")] == "ambiguous"
    assert reasons[nummer("f1")] == "weak"
    assert reasons[nummer("f1", 1)] == "no_candidate"


def test_a_letter_is_never_settled_by_an_earlier_one(tmp_path):
    early = letter(
        "z0",
        "2019-01-01",
        "35 000 nr. 9",
        "Defensie",
        ("nagekomen", "Zoals toegezegd (Kamerstuk 35 000, nr. 1) informeer ik u over de evaluatie van de missie.", {}),
    )
    db = build(tmp_path / "r.db", MAKES[0], early)
    assert db["links"].count == 0


def test_states_at_a_date_open_settled_overdue_undated(tmp_path):
    db = build(tmp_path / "r.db", *MAKES, *SETTLES)
    late = by_nummer(db, date(2020, 12, 1))
    assert late[nummer("a1")]["stand"] == "settled"
    assert (late[nummer("a1")]["kamerbriefNakoming"], late[nummer("a1")]["datumNakoming"]) == ("b1", "2020-06-15")
    assert late[nummer("a1")]["status"] == "Voldaan"
    assert late[nummer("a2")]["stand"] == "overdue" and late[nummer("a2")]["status"] == "Openstaand"
    assert late[nummer("a2", 1)]["stand"] == "open"
    assert late[nummer("a3")]["stand"] == "undated"
    # before the settling letter was written the promise was still open
    spring = by_nummer(db, date(2020, 5, 1))
    assert spring[nummer("a1")]["stand"] == "open" and spring[nummer("a1")]["kamerbriefNakoming"] is None
    # a promise made after the date is not in the register yet
    assert nummer("d1") not in by_nummer(db, date(2020, 2, 15))


def test_overview_counts_per_ministerie_and_csv_neutralises_formulas(tmp_path):
    formula = letter(
        "g1",
        "2020-01-01",
        None,
        "Financiën",
        ("nieuw", "=HYPERLINK(1) zal ik u sturen.", {"termijn_datum": "2020-02-01"}),
    )
    db = build(tmp_path / "r.db", *MAKES, *SETTLES, formula)
    rows = states(db.conn, SCHEMA, date(2020, 12, 1))
    table = overview(rows)
    assert table[0] == ["ministerie", "open", "settled", "overdue", "undated", "totaal"]
    assert ["Defensie", "1", "1", "1", "0", "3"] in table
    assert table[-1] == ["totaal", "1", "1", "4", "1", "7"]
    out = io.StringIO()
    write_csv(rows, list(SCHEMA.register_columns), out)
    parsed = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {"nummer", "tekst", "ministerie", "status", "kamerbriefNakoming", "datumNakoming"} <= set(parsed[0])
    assert next(r for r in parsed if r["nummer"].startswith("g1#"))["tekst"].startswith("'=HYPERLINK")


def test_the_same_input_twice_gives_the_same_database_and_loading_in_parts_the_same_as_at_once(tmp_path):
    runner = CliRunner()
    makes, settles = write(tmp_path / "makes.jsonl", MAKES), write(tmp_path / "settles.jsonl", SETTLES)
    once = tmp_path / "once.db"
    assert runner.invoke(app, ["register", "build", str(makes), str(settles), "--db", str(once)]).exit_code == 0
    first = dump(connect(once, SCHEMA))
    assert runner.invoke(app, ["register", "build", str(makes), str(settles), "--db", str(once)]).exit_code == 0
    assert dump(connect(once, SCHEMA)) == first
    parts = tmp_path / "parts.db"
    assert runner.invoke(app, ["register", "build", str(makes), "--db", str(parts)]).exit_code == 0
    assert connect(parts, SCHEMA)["links"].count == 0
    assert runner.invoke(app, ["register", "build", str(settles), "--db", str(parts)]).exit_code == 0
    assert dump(connect(parts, SCHEMA)) == first
    assert any(line.startswith(f"links: ({nummer('b1')!r}, {nummer('a1')!r}") for line in first)


def test_a_reloaded_letter_replaces_its_commitments(tmp_path):
    db = build(tmp_path / "r.db", *MAKES, *SETTLES)
    shorter = letter("a2", "2020-02-01", "35 000 nr. 2", "Defensie", ("nieuw", "Ik kom erop terug.", {}))
    load(db, [document_from_record(shorter)], SCHEMA)
    assert sorted(r["nummer"] for r in db["toezeggingen"].rows_where("letter = 'a2'")) == ["a2#0-18"]


def test_a_broken_line_names_file_and_line_and_loads_nothing(tmp_path):
    db_path = tmp_path / "r.db"
    good = write(tmp_path / "good.jsonl", MAKES)
    assert CliRunner().invoke(app, ["register", "build", str(good), "--db", str(db_path)]).exit_code == 0
    before = dump(connect(db_path, SCHEMA))
    broken = tmp_path / "broken.jsonl"
    broken.write_text(json.dumps(SETTLES[0]) + "\n{not json\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["register", "build", str(broken), "--db", str(db_path)])
    assert result.exit_code == 1
    message = result.output.strip().splitlines()
    assert len(message) == 1 and f"{broken}:2" in message[0] and "nothing loaded" in message[0]
    assert dump(connect(db_path, SCHEMA)) == before


def test_report_command_prints_the_overview_and_writes_csv(tmp_path):
    runner = CliRunner()
    db_path, out = tmp_path / "r.db", tmp_path / "r.csv"
    data = write(tmp_path / "all.jsonl", MAKES + SETTLES)
    assert runner.invoke(app, ["register", "build", str(data), "--db", str(db_path)]).exit_code == 0
    result = runner.invoke(
        app, ["register", "report", "--db", str(db_path), "--as-of", "2020-12-01", "--csv", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Defensie" in result.output and "overdue" in result.output
    assert out.read_text(encoding="utf-8-sig").splitlines()[0].startswith("nummer,tekst,ministerie")
    bad = runner.invoke(app, ["register", "report", "--db", str(db_path), "--as-of", "1 mei"])
    assert bad.exit_code == 1 and "YYYY-MM-DD" in bad.output
    missing = runner.invoke(app, ["register", "report", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no register" in missing.output


def test_build_refuses_to_write_over_its_input_or_into_a_file_that_is_no_database(tmp_path):
    runner = CliRunner()
    data = write(tmp_path / "all.jsonl", MAKES)
    same = runner.invoke(app, ["register", "build", str(data), "--db", str(data)])
    assert same.exit_code == 1 and "also an input" in same.output
    assert data.read_text(encoding="utf-8").count("\n") == len(MAKES)
    text = tmp_path / "notes.db"
    text.write_text("not a database\n" * 100, encoding="utf-8")
    wrong = runner.invoke(app, ["register", "build", str(data), "--db", str(text)])
    assert wrong.exit_code == 1 and "not a register database" in wrong.output
    assert text.read_text(encoding="utf-8").startswith("not a database")


def test_report_only_reads_and_refuses_a_database_that_build_did_not_make(tmp_path):
    runner = CliRunner()
    empty, other = tmp_path / "empty.db", tmp_path / "other.db"
    empty.touch()
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (x TEXT)")
    before = other.read_bytes()
    for db_path in (empty, other):
        result = runner.invoke(app, ["register", "report", "--db", str(db_path)])
        assert result.exit_code == 1 and "not a register database" in result.output, result.output
    assert empty.stat().st_size == 0 and other.read_bytes() == before  # no register tables were added


def test_build_makes_the_missing_folders_of_its_database(tmp_path):
    data = write(tmp_path / "all.jsonl", MAKES)
    db_path = tmp_path / "nieuw" / "map" / "r.db"
    result = CliRunner().invoke(app, ["register", "build", str(data), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert db_path.is_file()


def test_the_register_reads_records_without_importing_spacy():
    code = (
        "import sys, pipeline.cli, pipeline.register.load, pipeline.register.link, pipeline.register.report; "
        "from pipeline.register.schema import register_schema; register_schema(); "
        "assert not [m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')]"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).returncode == 0


# A letter that delivers what an earlier letter promised without saying "toegezegd": no nagekomen span.
REACTIE = "mijn reactie op het advies van de wetenschappelijke adviescommissie"
PROMISES = [
    letter(
        "p1",
        "2021-03-01",
        "40 000 nr. 10",
        "Landbouw",
        (None, "Geachte voorzitter,", {}),
        (
            "nieuw",
            "Ik zal vóór de zomer, in overleg met de provincies, met mijn reactie komen op het advies van de "
            "wetenschappelijke adviescommissie.",
            {
                "onderwerp": "mijn reactie komen op het advies van de wetenschappelijke adviescommissie",
                "termijn": "vóór de zomer",
                "termijn_datum": "2021-03-01/2021-06-20",
            },
        ),
    ),
    letter(  # two promises one delivering sentence fits equally well
        "p2",
        "2021-04-01",
        "40 000 nr. 11",
        "Landbouw",
        (
            "nieuw",
            "Ik stuur u voor de zomer het rapport over de zeehondenopvang.",
            {"onderwerp": "het rapport over de zeehondenopvang"},
        ),
        (
            "nieuw",
            "Ik stuur u na de zomer het rapport over de zeehondenopvang.",
            {"onderwerp": "het rapport over de zeehondenopvang"},
        ),
    ),
]


def citing(doc_id, datum, kamerstuk, *plain):
    return letter(doc_id, datum, kamerstuk, "Landbouw", *[(None, sentence, {}) for sentence in plain])


BY_KAMERSTUK = citing(
    "k1",
    "2021-07-01",
    "40 000 nr. 12",
    "Geachte voorzitter,\n\n",  # a paragraph of its own: the sentence starts after the blank line
    "Hierbij ontvangt u mijn reactie op het advies van de Wetenschappelijke Adviescommissie Zeehondenopvang dat ik "
    "op 1 maart jl. (Kamerstuk 40 000, nr. 10) aan u heb toegezonden.",
    "Mijn reactie heb ik afgestemd met de provincies.",
)
BY_DATE = citing(
    "k2",
    "2021-06-01",
    "40 000 nr. 13",
    "Met deze brief informeer ik u over mijn reactie op het advies van de wetenschappelijke adviescommissie, "
    "zoals aangekondigd in mijn brief van 1 maart jl.",
)


def citing_links(db):
    return {row["settling"]: row for row in db["links"].rows_where("kind = 'citing_letter'")}


def test_a_delivering_sentence_that_cites_the_kamerstuk_settles_the_promise_with_lower_confidence(tmp_path):
    db = build(tmp_path / "r.db", *PROMISES, BY_KAMERSTUK)
    (link,) = citing_links(db).values()
    start = BY_KAMERSTUK["text"].index("Hierbij")
    end = BY_KAMERSTUK["text"].index("toegezonden.") + len("toegezonden.")
    assert (link["settling"], link["brief"], link["settled"]) == (f"k1#{start}-{end}", "k1", nummer_in(PROMISES[0]))
    evidence = {item["soort"]: item for item in json.loads(link["evidence"])}
    assert {"kamerstuk_in_zin", "zelfde_dossier", "onderwerp_overlap", "levering"} <= set(evidence)
    assert evidence["levering"]["detail"] == f"{start}-{end}: {BY_KAMERSTUK['text'][start:end]}"
    total = sum(item["gewicht"] for item in evidence.values())
    assert link["confidence"] == round(min(total, 1.0) * SCHEMA.citing.factor, 3) < min(total, 1.0)
    # the promise counts as settled by that letter, from its date on
    assert by_nummer(db, date(2021, 6, 30))[nummer_in(PROMISES[0])]["stand"] == "overdue"  # its termijn passed
    after = by_nummer(db, date(2021, 7, 2))[nummer_in(PROMISES[0])]
    assert (after["stand"], after["kamerbriefNakoming"], after["datumNakoming"]) == ("settled", "k1", "2021-07-01")


def nummer_in(record, k=0):
    span = record["spans"][k]
    return f"{record['id']}#{span['start']}-{span['end']}"


def test_a_delivering_sentence_that_names_my_letter_of_its_date_in_the_same_dossier_settles_it(tmp_path):
    db = build(tmp_path / "r.db", *PROMISES, BY_DATE)
    (link,) = citing_links(db).values()
    assert link["settled"] == nummer_in(PROMISES[0])
    assert "brief_datum_in_zin" in {item["soort"] for item in json.loads(link["evidence"])}
    # the same sentence in another dossier names no letter of ours
    elsewhere = citing("k3", "2021-06-01", "41 000 nr. 1", BY_DATE["text"].strip())
    db = build(tmp_path / "other.db", *PROMISES, elsewhere)
    assert db["links"].count == 0 and db["unlinked"].count == 0


def test_a_citing_sentence_without_the_promise_topic_or_without_a_delivery_links_nothing(tmp_path):
    off_topic = citing(
        "k4",
        "2021-07-01",
        "40 000 nr. 14",
        "Hierbij ontvangt u de cijfers over de mestproductie (Kamerstuk 40 000, nr. 10).",
    )
    told_before = citing(
        "k5",
        "2021-07-01",
        "40 000 nr. 15",
        "In mijn brief van 1 maart jl. (Kamerstuk 40 000, nr. 10) heb ik u " + REACTIE + " toegezegd.",
    )
    db = build(tmp_path / "r.db", *PROMISES, off_topic, told_before)
    assert db["links"].count == 0
    assert [(row["settling"].split("#")[0], row["kind"], row["reason"]) for row in db["unlinked"].rows] == [
        ("k4", "citing_letter", "weak")
    ]
    assert [row["letter"] for row in db["citing_sentences"].rows] == ["k4"]


def test_a_citing_sentence_that_fits_two_promises_equally_stays_unlinked_as_ambiguous(tmp_path):
    both = citing(
        "k6",
        "2021-09-01",
        "40 000 nr. 16",
        "Hierbij stuur ik u het rapport over de zeehondenopvang (Kamerstuk 40 000, nr. 11).",
    )
    db = build(tmp_path / "r.db", *PROMISES, both)
    assert db["links"].count == 0
    (row,) = db["unlinked"].rows
    assert (row["kind"], row["reason"]) == ("citing_letter", "ambiguous")
    assert {c["nummer"] for c in json.loads(row["candidates"])} == {nummer_in(PROMISES[1]), nummer_in(PROMISES[1], 1)}


def test_a_nagekomen_link_wins_over_a_citing_letter_for_the_same_promise(tmp_path):
    kept = letter(
        "n1",
        "2021-06-15",
        "40 000 nr. 17",
        "Landbouw",
        (
            "nagekomen",
            "Zoals toegezegd in mijn brief van 1 maart 2021 (Kamerstuk 40 000, nr. 10) ontvangt u hierbij "
            + REACTIE
            + ".",
            {"herkomst": {"type": "brief", "datum": "2021-03-01"}},
        ),
    )
    db = build(tmp_path / "r.db", *PROMISES, kept, BY_KAMERSTUK)
    links = list(db["links"].rows)
    assert [(row["kind"], row["brief"], row["settled"]) for row in links] == [
        ("nagekomen", "n1", nummer_in(PROMISES[0]))
    ]
    reasons = {row["settling"].split("#")[0]: (row["kind"], row["reason"]) for row in db["unlinked"].rows}
    assert reasons == {"k1": ("citing_letter", "settled_by_nagekomen")}
    # the nagekomen sentence itself, although it says "hierbij ontvangt u", is no citing sentence
    assert [row["letter"] for row in db["citing_sentences"].rows] == ["k1"]


def test_citing_links_load_in_parts_as_at_once_and_twice_the_same(tmp_path):
    once = build(tmp_path / "once.db", *PROMISES, BY_KAMERSTUK, BY_DATE)
    first = dump(once)
    load(once, [document_from_record(r) for r in (*PROMISES, BY_KAMERSTUK, BY_DATE)], SCHEMA)
    assert dump(once) == first
    parts = build(tmp_path / "parts.db", BY_KAMERSTUK, BY_DATE)  # the citing letters before the promise
    assert parts["links"].count == 0
    load(parts, [document_from_record(r) for r in PROMISES], SCHEMA)
    assert dump(parts) == first and len(citing_links(parts)) == 2


def test_the_sentence_around_a_marker_is_cut_at_a_full_stop_before_a_capital_or_a_blank_line():
    finder = CitingSentences(SCHEMA)
    sentence = "Hierbij ontvangt u het rapport (Kamerstuk 40 000, nr. 10) van 3 mei jl. over o.a. vis."
    text = f"Eerste zin. {sentence} Daarna\n\nKop"
    start, end = finder.sentence_around(text, text.index("Hierbij"))
    assert text[start:end] == sentence
    start, end = finder.sentence_around(text, text.index("Daarna"))
    assert text[start:end] == "Daarna"
    assert finder.sentence_around("x" * 2000 + " hierbij", 2001) is None  # no boundary in reach: left out


def test_an_older_register_file_is_refused_with_a_clear_message(tmp_path):
    db_path = tmp_path / "old.db"
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE links (settling TEXT PRIMARY KEY, settled TEXT, confidence FLOAT, evidence TEXT)")
    data = write(tmp_path / "all.jsonl", MAKES)
    result = CliRunner().invoke(app, ["register", "build", str(data), "--db", str(db_path)])
    assert (
        result.exit_code == 1 and "table links has other columns" in result.output and "build it anew" in result.output
    )


def test_without_an_onderwerp_the_topic_is_the_sentence_without_termijn_and_frame_and_compounds_share_their_head(
    tmp_path,
):
    promise = letter(
        "p3",
        "2021-10-01",
        "40 000 nr. 20",
        "Onderwijs",
        (
            "nieuw",
            "Ik zal uw Kamer begin november voorzien van mijn reactie op de rapportage.",
            {"termijn": "begin november"},
        ),
    )
    reply = citing(
        "k7",
        "2021-11-05",
        "40 000 nr. 21",
        "Hierbij ontvangt u mijn beleidsreactie op de tussenrapportage (Kamerstuk 40 000, nr. 20).",
    )
    db = build(tmp_path / "r.db", promise, reply)
    (link,) = citing_links(db).values()
    overlap_item = next(i for i in json.loads(link["evidence"]) if i["soort"] == "onderwerp_overlap")
    assert overlap_item["detail"] == "1.00: rapportage reactie"  # not "november", "kamer", "voorzien"
