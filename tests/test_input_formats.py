"""Letters as users have them: .pdf, .html/.htm and .xml publications besides .txt (issue 16).

The PDFs are written here by scripts/pdf/letters.py (invented letters, hyphenated at line ends, with a
running header and a page footer); the HTML and XML pages are small invented documents shaped like
officielebekendmakingen.nl and tweedekamer.nl pages.
"""

import importlib
import json
import re
import subprocess
import sys
from collections import Counter

import pytest
from conftest import REPO, rules_pipeline

from pipeline.io.formats.pdf import tidy
from pipeline.io.readers import InputDoc, InputProblem, iter_inputs

sys.path.insert(0, str(REPO / "scripts" / "pdf"))
letters = importlib.import_module("letters")

EXAMPLES = REPO / "docs" / "examples"  # the invented pages the README shows
LINE_END_HYPHEN = re.compile(r"(\w)-\n(\w)")
WORD = re.compile(r"\w+")


def read(path, **options):
    """(documents, problems) of iter_inputs on one path."""
    items = list(iter_inputs([path], **options))
    return [i for i in items if isinstance(i, InputDoc)], [str(i) for i in items if isinstance(i, InputProblem)]


def only_text(path):
    docs, problems = read(path)
    assert problems == [] and len(docs) == 1, problems
    return docs[0].text


def lines(text):
    return [line for line in text.split("\n") if line]


@pytest.fixture(scope="module")
def pdf_letters(tmp_path_factory):
    """The invented letters as PDF: [(letter, path)]."""
    folder = tmp_path_factory.mktemp("pdf")
    return [
        (letters.write_letter(item, folder / f"{item.name}.pdf"), folder / f"{item.name}.pdf")
        for item in letters.invented_letters()
    ]


# --- PDF ------------------------------------------------------------------------------------------


def test_a_pdf_letter_is_read_word_for_word_with_its_hyphenations_left_for_the_pipeline(pdf_letters):
    for letter, path in pdf_letters:
        docs, problems = read(path)
        assert problems == []
        (doc,) = docs
        assert (doc.id, doc.source_format, doc.file_name) == (letter.name, "pdf", path.name)
        joined = LINE_END_HYPHEN.sub(r"\1\2", doc.text)  # "part-" / "rest" with one line break between
        furniture = rf"{re.escape(letter.running_header)}\s+\d+|Pagina \d+ van \d+"
        assert Counter(WORD.findall(re.sub(furniture, "", joined))) == Counter(WORD.findall(letter.body))
        assert letter.hyphenated, "the layout hyphenates some words"
        assert "  " not in doc.text  # the space pdfminer adds for a wide gap is not doubled


def test_lines_set_word_by_word_stay_lines(pdf_letters):
    """The measured reason for pdfminer.six: pypdf gives one word per line here (docs/input_formats.md)."""
    for letter, path in pdf_letters:
        if letter.justify != "word_positions":
            continue
        read_lines = {" ".join(line.split()) for line in only_text(path).split("\n")}
        whole = sum(line in read_lines for line in letter.lines)
        assert whole >= 0.9 * len(letter.lines), (whole, len(letter.lines))


def test_running_headers_their_page_numbers_and_page_footers_are_furniture(pdf_letters):
    nlp = rules_pipeline()
    for letter, path in pdf_letters:
        doc = nlp(only_text(path))
        marked = " ".join(t.text for t in doc if t._.kamer_is_furniture and not t.is_space)
        header = " ".join(t.text for t in nlp.make_doc(letter.running_header))
        expected = [letter.footer(1)] + [
            f"{header} {page} {letter.footer(page)}" for page in range(2, letter.pages + 1)
        ]  # page N: its header and number at the top, its footer at the bottom, in reading order
        assert marked == " ".join(expected)
        assert letter.pages >= 2


def test_a_sentence_cut_by_a_page_break_runs_through_the_header_and_footer(pdf_letters):
    nlp = rules_pipeline()
    runs_on = 0
    for _, path in pdf_letters:
        doc = nlp(only_text(path))
        content = [t for t in doc if not t.is_space and not t._.kamer_is_furniture]
        for before, after in zip(content, content[1:]):
            if doc[before.i : after.i].text.count("\f") and before.text not in {".", ":"}:
                assert after.sent == before.sent, (before.text, after.text)
                runs_on += 1
    assert runs_on >= 1, "at least one letter breaks a page inside a sentence"


def test_tidy_drops_doubled_spaces_and_typographic_ligatures():
    assert tidy("de \ufb01nanci\u00eble  risico's \ufb02ink\f\n") == "de financi\u00eble risico's flink"


@pytest.mark.parametrize(
    ("name", "write", "problem"),
    [
        ("empty.pdf", lambda p: p.write_bytes(b""), "empty file"),
        ("blank.pdf", lambda p: p.write_bytes(b"\n \n"), "empty file"),
        ("locked.pdf", letters.write_encrypted, "encrypted PDF: it opens only with a password"),
        ("scan.pdf", letters.write_scanned, "PDF without a text layer (a scan?): run OCR on it first"),
        ("cut.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog"), "not a readable PDF ("),
    ],
)
def test_a_bad_pdf_is_one_line_naming_the_file_and_the_others_are_still_read(tmp_path, name, write, problem):
    folder = tmp_path / "brieven"
    folder.mkdir()
    write(folder / name)
    (folder / "z.txt").write_text("De NAVO.", encoding="utf-8")
    docs, problems = read(folder)
    assert [d.id for d in docs] == ["z"]
    assert len(problems) == 1 and problems[0].startswith(f"{folder / name}: {problem}"), problems
    assert "\n" not in problems[0]


def test_a_pdf_protected_only_against_changes_is_read(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "rechten.pdf"
    canvas = Canvas(str(path), encrypt=StandardEncryption("", ownerPassword="eigenaar", canModify=0))
    canvas.drawString(72, 720, "Den Haag, 8 januari 2021")
    canvas.save()
    assert only_text(path) == "Den Haag, 8 januari 2021"


# --- HTML -----------------------------------------------------------------------------------------

OB_PAGE = (EXAMPLES / "voorbeeld-pagina.html").read_text(encoding="utf-8")

OB_TEXT = [
    "28 676",
    "NAVO",
    "Nr. 325 BRIEF VAN DE MINISTER VAN DEFENSIE",
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
    "Den Haag, 30 oktober 2019",
    "Met deze brief informeer ik uw Kamer over de NAVO-top & de inzet van Defensie.",
    "Ik zal uw Kamer voor 1 juni 2020 informeren.",
    "Inzet",
    "eerste punt",
    "tweede punt",
    "Jaar\tBedrag",
    "2019\t\u20ac 10 mln",
    "De Minister van Defensie,",
    "A.Th.B. Bijleveld-Schouten",
]


def test_an_officielebekendmakingen_page_gives_the_letter_without_the_site(tmp_path):
    path = tmp_path / "kst-28676-325.html"
    path.write_text(OB_PAGE, encoding="utf-8")
    text = only_text(path)
    assert lines(text) == OB_TEXT
    assert text.startswith("28 676\nNAVO\n\nNr. 325") and text.endswith("Bijleveld-Schouten")
    # paragraphs stand apart (a blank line), so a heading never runs into the sentence below it
    assert "Den Haag, 30 oktober 2019\n\nMet deze brief" in text
    assert "Defensie.\nIk zal" in text  # <br>: a line break inside the paragraph
    for site in ("Home", "Uitgebreid zoeken", "Ga direct", "Downloads", "Privacy", "cookies", "Zoek", "track"):
        assert site not in text


TK_PAGE = """<html><body>
<div class="c-header"><ul class="c-menu"><li>Kamerleden</li><li>Debat en vergadering</li></ul></div>
<header><p>Tweede Kamer der Staten-Generaal</p></header>
<nav aria-label="kruimelpad"><a>Home</a> / <a>Kamerstukken</a></nav>
<div class="u-content">
<h2>Brief regering : Contouren Strategisch Vastgoedplan 2022</h2>
<div class="m-document"><p>34 919 Defensienota</p><p>Nr. 89</p>
<p>Uw Kamer is geïnformeerd over de vastgoedproblematiek bij Defensie.</p></div>
</div>
<div role="contentinfo"><p>Contact</p></div>
<footer><p>Volg de Kamer</p></footer>
</body></html>"""


def test_a_page_without_main_content_is_read_from_the_body_without_its_frame(tmp_path):
    path = tmp_path / "brief.htm"
    path.write_text(TK_PAGE, encoding="utf-8")
    assert lines(only_text(path)) == [
        "Brief regering : Contouren Strategisch Vastgoedplan 2022",
        "34 919 Defensienota",
        "Nr. 89",
        "Uw Kamer is geïnformeerd over de vastgoedproblematiek bij Defensie.",
    ]


def test_an_article_keeps_its_own_header(tmp_path):
    path = tmp_path / "brief.html"
    path.write_text(
        "<body><header>Site</header><article><header><h1>Kamerbrief over de NAVO</h1></header>"
        "<p>De NAVO.</p><footer>Naar boven</footer></article><footer>Site</footer></body>",
        encoding="utf-8",
    )
    assert lines(only_text(path)) == ["Kamerbrief over de NAVO", "De NAVO.", "Naar boven"]


def test_entities_are_decoded_and_broken_html_is_tolerated(tmp_path):
    path = tmp_path / "kapot.html"
    path.write_text(
        "<html><body><div><p>Financi&euml;n &amp; Defensie: 28&nbsp;676"
        "<p>Caf&eacute; &lt;b&gt; &#8211; &#x201C;zo&#x201D;</div></span><p>Laatste <b>alinea <i>zonder</b> einde",
        encoding="utf-8",
    )
    assert lines(only_text(path)) == [
        "Financiën & Defensie: 28 676",
        "Café <b> – “zo”",
        "Laatste alinea zonder einde",
    ]


def test_the_charset_a_page_declares_is_used_and_an_undeclared_one_is_utf8(tmp_path):
    declared = tmp_path / "oud.html"
    declared.write_bytes(
        b'<html><head><meta charset="windows-1252"></head><body><p>Financi\xebn \x96 EU</p></body></html>'
    )
    assert only_text(declared) == "Financiën – EU"
    undeclared = tmp_path / "kaal.html"
    undeclared.write_bytes("<p>Financiën</p>".encode())
    assert only_text(undeclared) == "Financiën"
    garbled = tmp_path / "fout.html"
    garbled.write_bytes(b"<p>Financi\xebn</p>")
    _, problems = read(garbled)
    assert problems == [
        f"{garbled}: not valid utf-8 (byte 0xeb at offset 10); "
        "if it is cp1252 or latin-1 (older Dutch archives), pass --encoding cp1252"
    ]
    docs, _ = read(garbled, encoding="cp1252")
    assert docs[0].text == "Financiën"


def test_a_page_with_only_a_menu_is_refused_in_one_line(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text("<html><body><nav><a>Home</a></nav><script>x()</script></body></html>", encoding="utf-8")
    assert read(path)[1] == [f"{path}: no text in the HTML page (only menus, scripts or markup)"]


# --- XML ------------------------------------------------------------------------------------------

OB_XML = (EXAMPLES / "voorbeeld-kamerstuk.xml").read_text(encoding="utf-8")


def test_an_officielebekendmakingen_xml_gives_paragraphs_lists_and_footnotes_as_lines(tmp_path):
    path = tmp_path / "kst-28676-325.xml"
    path.write_text(OB_XML, encoding="utf-8")
    docs, problems = read(path)
    assert problems == [] and docs[0].source_format == "xml"
    assert lines(docs[0].text) == [
        "28 676",
        "NAVO",
        "Nr. 325",
        "BRIEF VAN DE MINISTER VAN DEFENSIE",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "Den Haag, 30 oktober 2019",
        "Met deze brief kom ik de toezegging1 uit het algemeen overleg na.",  # the number stays, as in print
        "Inzet",
        "a. de eerste maatregel;",
        "b. de tweede maatregel.",
        "De Minister van Defensie,",
        "A.Th.B. Bijleveld-Schouten",
        "1 Kamerstuk 28 676, nr. 300",  # the footnote, at the end
    ]
    assert "DC.title" not in docs[0].text and "Vergaderjaar" not in docs[0].text


@pytest.mark.parametrize(
    ("xml", "problem"),
    [
        (
            "<kamerstuk>\n<al>Een alinea</b>\n</kamerstuk>",
            "not well-formed XML (line 2: Opening and ending tag mismatch",
        ),
        ("<kamerstuk><al>28&nbsp;676</al></kamerstuk>", "not well-formed XML (line 1: Entity 'nbsp' not defined"),
        ("<kamerstuk><al>Afgebroken", "not well-formed XML (line 1: "),
        ("<kamerstuk><metadata><meta name='x'/></metadata></kamerstuk>", "no text in the XML document"),
    ],
)
def test_a_bad_xml_is_one_line_naming_the_file(tmp_path, xml, problem):
    path = tmp_path / "brief.xml"
    path.write_text(xml, encoding="utf-8")
    _, problems = read(path)
    assert len(problems) == 1 and problems[0].startswith(f"{path}: {problem}"), problems
    assert "\n" not in problems[0]


def test_an_xml_never_reads_an_external_entity(tmp_path):
    secret = tmp_path / "geheim.txt"
    secret.write_text("wachtwoord", encoding="utf-8")
    path = tmp_path / "xxe.xml"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE al [<!ENTITY x SYSTEM "file://{secret}">]><al>Tekst &x; einde</al>',
        encoding="utf-8",
    )
    docs, problems = read(path)
    assert "wachtwoord" not in " ".join(d.text for d in docs) + " ".join(problems)


def test_xhtml_saved_as_xml_is_read_with_the_html_rules(tmp_path):
    path = tmp_path / "pagina.xml"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body>'
        "<nav><a>Home</a></nav><main><h1>Kamerbrief</h1><p>De NAVO.</p></main></body></html>",
        encoding="utf-8",
    )
    assert lines(only_text(path)) == ["Kamerbrief", "De NAVO."]


# --- extensions, folders, extract -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("brief.TxT", b"De NAVO.", "txt"),
        ("brief.Html", b"<p>De NAVO.</p>", "html"),
        ("brief.HTM", b"<p>De NAVO.</p>", "html"),
        ("brief.XML", b"<al>De NAVO.</al>", "xml"),
    ],
)
def test_extensions_match_in_any_case_given_directly_or_in_a_folder(tmp_path, name, content, kind):
    (tmp_path / "map").mkdir()
    (tmp_path / "map" / name).write_bytes(content)
    for given in (tmp_path / "map", tmp_path / "map" / name):
        docs, problems = read(given)
        assert problems == [] and [(d.id, d.text, d.source_format, d.file_name) for d in docs] == [
            ("brief", "De NAVO.", kind, name)
        ]


def test_extract_reads_a_folder_of_mixed_formats_and_reports_the_bad_files(tmp_path, pdf_letters):
    letter, pdf = next((item, path) for item, path in pdf_letters if item.name == "defensie-onderzeeboten")
    folder = tmp_path / "brieven"
    folder.mkdir()
    (folder / "brief.PDF").write_bytes(pdf.read_bytes())
    (folder / "pagina.Html").write_text(OB_PAGE, encoding="utf-8")
    (folder / "stuk.xml").write_text(OB_XML, encoding="utf-8")
    (folder / "tekst.txt").write_text("De Minister van Defensie schrijft aan de NAVO.", encoding="utf-8")
    letters.write_scanned(folder / "scan.pdf")
    (folder / "kapot.xml").write_text("<al>open", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", str(folder), "-o", str(out), "--base", "blank:nl"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1  # bad inputs make the run fail at the end, after the others are written
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped: ")]
    assert [line.split(": ")[1] for line in skipped] == [str(folder / "kapot.xml"), str(folder / "scan.pdf")]
    records = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert {i: (r["meta"]["source_format"], r["meta"]["file_name"]) for i, r in records.items()} == {
        "brief": ("pdf", "brief.PDF"),
        "pagina": ("html", "pagina.Html"),
        "stuk": ("xml", "stuk.xml"),
        "tekst": ("txt", "tekst.txt"),
    }
    for record in records.values():
        for span in record["spans"]:
            assert record["text"][span["start"] : span["end"]] == span["text"]
    from pipeline.io.formats.pdf import pdf_text

    brief = records["brief"]
    assert brief["text"] == pdf_text(pdf.read_bytes())
    commitments = [s["text"] for s in brief["spans"] if s["label"] == "TOEZEGGING"]
    assert any(c.startswith("Ik zal uw Kamer voor 1 juni 2020 informeren") for c in commitments), commitments
    assert ("MINISTER", "Minister van Defensie") in {(s["label"], s["text"]) for s in brief["spans"]}
    page = records["pagina"]
    assert "Ik zal uw Kamer voor 1 juni 2020 informeren." in [s["text"] for s in page["spans"]]


def test_an_entity_the_xml_declares_itself_is_expanded_and_one_of_an_unloaded_dtd_is_refused(tmp_path):
    own = tmp_path / "eigen.xml"
    own.write_text(
        '<?xml version="1.0"?><!DOCTYPE k [<!ENTITY min "Minister van Defensie">]>'
        "<kamerstuk><al>De &min; schrijft.</al></kamerstuk>",
        encoding="utf-8",
    )
    assert "De Minister van Defensie schrijft." in only_text(own)  # was "De  schrijft.": text silently lost
    external = tmp_path / "extern.xml"
    external.write_text(
        '<?xml version="1.0"?><!DOCTYPE k SYSTEM "kamerstuk.dtd">'
        "<kamerstuk><al>de &eacute;&eacute;n brief</al></kamerstuk>",
        encoding="utf-8",
    )
    docs, problems = read(external)
    assert docs == [] and len(problems) == 1 and "eacute" in problems[0], problems


@pytest.mark.parametrize("charset", ["hex", "base64", "rot13", "utf-16", "UTF-32"])
def test_a_declared_charset_that_cannot_be_the_pages_is_not_used(tmp_path, charset):
    # a bytes-to-bytes codec crashed the run; a page read as bytes that declares UTF-16 is UTF-8 (as in browsers)
    page = tmp_path / "brief.html"
    page.write_bytes(
        f'<html><head><meta charset="{charset}"></head>'.encode()
        + b"<body><p>De Minister van Defensie schrijft.</p></body></html>"
    )
    assert only_text(page).strip() == "De Minister van Defensie schrijft."


def test_an_encoding_that_is_no_text_encoding_is_refused_before_the_model_loads(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", "seeds/kst-28676-325.txt", "-o", str(tmp_path / "o.jsonl")]
        + ["--encoding", "rot13"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0 and done.stderr.strip().splitlines() == [
        "error: --encoding 'rot13' is not a text encoding (for example utf-8, cp1252 or latin-1)"
    ]
