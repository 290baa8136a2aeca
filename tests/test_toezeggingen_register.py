"""The toezeggingen CSV as a register (issue 16): one numbered row per commitment, readable sentences,
the minister's name beside the title, herkomst in parts, columns named as in the Kamer's register."""

import csv
import io
import re

import pytest
from conftest import REPO, write_jsonl

from pipeline.evaluation.annotations import document_from_record
from pipeline.exports.register_columns import read_columns
from pipeline.exports.toezeggingen_csv import Register, write_csv
from pipeline.knowledge.footnotes import read_footnote_markers, without_footnotes
from pipeline.knowledge.resource_files import RESOURCES, ResourceError
from pipeline.knowledge.text_repair import one_line

pytestmark = pytest.mark.unit

SENTENCE = "Ik zal uw Kamer voor 1 juni a.s. informeren over de uitkomst van het onderzoek."
SIGNED = "De Minister van Defensie,\n\nA.Th.B. Bijleveld-Schouten"


@pytest.fixture(scope="module")
def register():
    return Register()


def letter(doc_id, text, *spans, meta=None):
    """A validated Document from an invented record (spans given as (sentence, extra attributes))."""
    items = []
    for part, extra in spans:
        start = text.index(part)
        items.append({"start": start, "end": start + len(part), **extra})
    return document_from_record({"id": doc_id, "text": text, "spans": items, "meta": meta or {}})


def toezegging(part, status="nieuw", **attrs):
    return part, {"label": "TOEZEGGING", "status": status, **attrs}


def table(docs, register=None):
    out, notes = io.StringIO(), []
    count = write_csv(docs, out, notes.append, register)
    rows = list(csv.DictReader(out.getvalue().splitlines()))
    assert count == len(rows)
    return rows, notes


# -- footnote numbers ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def markers():
    return read_footnote_markers()


@pytest.mark.parametrize(
    "glued, clean",
    [
        ("bespreking in de Kamer.3 Ik zal", "bespreking in de Kamer. Ik zal"),
        ("zoals toegezegd.12", "zoals toegezegd."),
        ("de leden Kuik en Palland (CDA)1 heeft", "de leden Kuik en Palland (CDA) heeft"),
        ("in beeld worden gebracht2. Indicatoren", "in beeld worden gebracht. Indicatoren"),
        ("reactief stikstof1 diverse vormen", "reactief stikstof diverse vormen"),
        ("het verzoek van de Kamer³ om", "het verzoek van de Kamer om"),
    ],
)
def test_footnote_numbers_glued_to_a_word_are_removed(markers, glued, clean):
    assert without_footnotes(glued, markers) == clean


@pytest.mark.parametrize(
    "sentence",
    [
        "Voor 1 juni 2020. Daarna volgt meer.",  # a year before a full stop
        "Het kost € 5,3 miljoen, ofwel 12.500 euro per jaar.",  # amounts
        "De F35 en de MH17 en CO2 blijven.",  # numbered names end in a capital
        "Zie Kamerstuk 35 663, nr.19 en art.3 en blz.7 van het verslag.",  # references
        "Om 10.30 uur in zaal 2 en artikel 3.2 lid 1.",
        "Het kabinet (2008–2012) en covid-19 en de top van 2019.",
        "het helpen met cont34 700 Kabinetsreactie",  # a number before a number is no footnote
    ],
)
def test_years_amounts_names_and_references_keep_their_numbers(markers, sentence):
    assert without_footnotes(sentence, markers) == sentence


def test_a_broken_footnote_pattern_names_its_file_and_line(tmp_path):
    write_jsonl(tmp_path / "macros.jsonl", [{"macro": "MONTH", "words": ["januari"]}])
    write_jsonl(tmp_path / "footnote_markers.jsonl", [{"id": "footnote:x", "pattern": "(\\d"}])
    with pytest.raises(ResourceError, match=re.escape(f"{tmp_path / 'footnote_markers.jsonl'}:1")):
        read_footnote_markers(root=tmp_path)


# -- PDF damage in the sentence -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "broken, repaired",
    [
        ("de verantwoorde-\nlijkheid van", "de verantwoordelijkheid van"),
        ("de Noord-\nAtlantische Raad", "de Noord-Atlantische Raad"),
        ("de NAVO-\ntop", "de NAVO-top"),
        ("de toesla- gen", "de toeslagen"),
        ("verantwoorde\u00ad\nlijkheid", "verantwoordelijkheid"),
        ("land- en\ntuinbouw", "land- en tuinbouw"),
        ("land-\nen tuinbouw", "land- en tuinbouw"),  # an elided part, not a broken word
        ("in- of uitvoer", "in- of uitvoer"),
        ("de EU- Raad", "de EU- Raad"),  # a capital after a space: no break
        ("uw  Kamer\n\n  informeren", "uw Kamer informeren"),
    ],
)
def test_one_line_joins_broken_words_and_keeps_elisions(broken, repaired):
    assert one_line(broken, {"en", "of"}) == repaired


def test_the_tekst_column_reads_as_the_letter_reads(register):
    text = (
        "Geachte Voorzitter,\n\n• Ik zal uw Kamer voor de zomer informeren over de verantwoorde-\n"
        "lijkheid van de Noord-\nAtlantische Raad.2 Dat is alles."
    )
    sentence = text[text.index("• Ik") : text.index(" Dat is")]
    doc = letter(
        "d", text, toezegging(sentence, onderwerp="de verantwoorde-\nlijkheid van de Noord-\nAtlantische Raad")
    )
    (row,), _ = table([doc], register)
    expected = "Ik zal uw Kamer voor de zomer informeren over de verantwoordelijkheid van de Noord-Atlantische Raad."
    assert row["tekst"] == expected
    assert row["onderwerp"] == "de verantwoordelijkheid van de Noord-Atlantische Raad"


# -- one row per commitment ----------------------------------------------------------------------------------


def test_a_letter_read_twice_gives_its_commitments_once_numbered_in_order(register):
    text = f"Geachte Voorzitter,\n{SENTENCE}\nOok zal ik u voor de zomer een brief sturen.\n"
    second = "Ook zal ik u voor de zomer een brief sturen."
    spans = (toezegging(SENTENCE), toezegging(second))
    other = f"Andere brief.\n{SENTENCE}\n"
    docs = [
        letter("a", text, *spans),
        letter("b", other, toezegging(SENTENCE)),
        letter("a-copy", text, *spans),  # the same letter, read again under another id
    ]
    rows, notes = table(docs, register)
    assert [(r["nummer"], r["document"], r["tekst"]) for r in rows] == [
        ("1", "a", SENTENCE),
        ("2", "a", second),
        ("3", "b", SENTENCE),  # the same sentence in another letter is another commitment
    ]
    assert notes == ["1 letter(s) read twice, their toezeggingen written once: a-copy (= a)"]


def test_numbers_are_the_same_in_a_second_export(register):
    docs = [letter(str(n), f"Brief {n}.\n{SENTENCE}\n", toezegging(SENTENCE)) for n in range(3)]
    assert table(docs, register) == table(docs, register)


# -- columns ------------------------------------------------------------------------------------------------


def test_the_header_is_the_column_file_in_order(register):
    rows, _ = table([letter("d", SENTENCE, toezegging(SENTENCE))], register)
    names = [c.name for c in read_columns()]
    assert list(rows[0]) == names
    assert names[:2] == ["nummer", "tekst"] and {"bewindspersoon", "functie", "ministerie", "status"} <= set(names)


def test_register_columns_of_a_new_commitment(register):
    text = f"De Minister van Defensie schrijft.\n{SENTENCE}\n\n{SIGNED}"
    minister = text.index("Minister van Defensie")
    signer = text.index("A.Th.B.")
    doc = letter(
        "kst-1",
        text,
        toezegging(SENTENCE, bewindspersoon="Minister van Defensie", ministerie="Defensie", termijn_datum="2020-06-01"),
        (text[minister : minister + 21], {"label": "MINISTER", "functie": "Minister van Defensie", "persoon": None}),
        (text[signer:], {"label": "MINISTER", "functie": "Minister van Defensie", "persoon": "Ank Bijleveld"}),
        meta={
            "kamerstuk": {"dossier": "28 676", "nummer": "325"},
            "datum": "2019-10-30",
            "source": "brieven/kst-1.txt",
            "ondertekenaars": [{"functie": "Minister van Defensie", "naam": "A.Th.B. Bijleveld-Schouten"}],
        },
    )
    (row,), _ = table([doc], register)
    start = text.index(SENTENCE)
    assert row["status"] == "Openstaand" and row["soort"] == "nieuw"
    assert (row["bewindspersoon"], row["functie"], row["ministerie"]) == (
        "Ank Bijleveld",
        "Minister van Defensie",
        "Defensie",
    )
    assert (row["datumNakoming"], row["kamerbriefNakoming"]) == ("2020-06-01", "")
    assert (row["kamerstuk"], row["datum"], row["document"], row["bron"]) == (
        "28 676, nr. 325",
        "2019-10-30",
        "kst-1",
        "brieven/kst-1.txt",
    )
    assert row["id"] == f"kst-1:{start}-{start + len(SENTENCE)}:TOEZEGGING"


def test_register_columns_of_a_settled_commitment_split_its_herkomst(register):
    sentence = (
        "Hiermee kom ik de toezegging na uit het algemeen overleg van 16 oktober jl. (Kamerstuk 21 501-02, nr. 2000)."
    )
    herkomst = {"type": "algemeen overleg", "datum": "2019-10-16"}
    doc = letter(
        "kst-2",
        f"Geachte Voorzitter,\n{sentence}\n",
        toezegging(sentence, "nagekomen", bewindspersoon="Minister van Defensie", herkomst=herkomst),
        meta={"kamerstuk": {"dossier": "28 676", "nummer": "326"}, "datum": "2019-11-20"},
    )
    (row,), _ = table([doc], register)
    assert (row["status"], row["datumNakoming"], row["kamerbriefNakoming"]) == (
        "Voldaan",
        "2019-11-20",
        "28 676, nr. 326",
    )
    assert (row["herkomst_type"], row["herkomst_datum"], row["herkomst_kamerstuk"]) == (
        "algemeen overleg",
        "2019-10-16",
        "21 501-02, nr. 2000",
    )
    assert row["bewindspersoon"] == ""  # the letter names nobody for that office


def test_the_name_is_that_of_the_only_person_of_the_office_else_the_signatory(register):
    text = f"Minister Bijleveld schreef.\n{SENTENCE}\n\n{SIGNED}"
    mention = (
        "Minister Bijleveld",
        {"label": "MINISTER", "functie": "Minister van Defensie", "persoon": "Ank Bijleveld"},
    )
    span = toezegging(SENTENCE, bewindspersoon="Minister van Defensie")
    signed = {"ondertekenaars": [{"functie": "Minister van Defensie", "naam": "A.Th.B. Bijleveld-Schouten"}]}
    rows, _ = table([letter("a", text, span, mention), letter("b", "\n" + text, span, meta=signed)], register)
    assert [r["bewindspersoon"] for r in rows] == ["Ank Bijleveld", "A.Th.B. Bijleveld-Schouten"]


@pytest.mark.parametrize(
    "row, problem",
    [
        ({"column": "zin", "meaning": "x"}, "unknown column 'zin'"),
        ({"column": "tekst"}, "missing field 'meaning'"),
        ({"column": "status", "meaning": "x", "values": ["Openstaand"]}, "'values' must map text to text"),
    ],
)
def test_a_bad_column_file_names_its_file_and_line(tmp_path, row, problem):
    write_jsonl(tmp_path / "toezeggingen_columns.jsonl", [{"column": "nummer", "meaning": "n"}, row])
    with pytest.raises(ResourceError, match=re.escape(f"{tmp_path / 'toezeggingen_columns.jsonl'}:2: {problem}")):
        read_columns(root=tmp_path)


def test_a_column_listed_twice_is_refused(tmp_path):
    write_jsonl(tmp_path / "toezeggingen_columns.jsonl", [{"column": "nummer", "meaning": "n"}] * 2)
    with pytest.raises(ResourceError, match="column 'nummer' listed twice"):
        read_columns(root=tmp_path)


def table_row(column) -> str:
    """The line of docs/toezeggingen_csv.md's column table for one column of the data file."""
    values = " (" + ", ".join(f"{k} → {v}" for k, v in column.values.items()) + ")" if column.values else ""
    register = f"`{column.register}`" if column.register else "–"
    return f"| `{column.name}` | {register} | {column.meaning}{values} |"


def test_the_documented_columns_are_those_of_the_data_file():
    doc = (REPO / "docs" / "toezeggingen_csv.md").read_text(encoding="utf-8")
    documented = [line for line in doc.splitlines() if re.match(r"\| `[A-Za-z_]+` \|", line)]
    assert documented == [table_row(column) for column in read_columns(root=RESOURCES)]
