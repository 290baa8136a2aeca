"""The five whole PDF extractions in ../shared/corpus/pdf come out clean."""

import json

import pytest
from conftest import shared_path

from pipeline.records import doc_to_record

PDFS = [
    "bz_kst-22112-1600_pdftext",
    "fin_ah-tk-20112012-1035_pdftext",
    "ienm_kst-33037-49_pdftext",
    "vws_ah-tk-20112012-1013_pdftext",
    "vws_ah-tk-20112012-1211_pdftext",
]


@pytest.fixture(scope="module")
def records(nlp):
    out = {}
    for name in PDFS:
        text = shared_path(f"corpus/pdf/{name}.txt").read_text(encoding="utf-8")
        doc = nlp(text)
        out[name] = (text, doc, doc_to_record(doc, name, name, nlp.meta["kamer_base"]))
    return out


@pytest.mark.corpus
@pytest.mark.parametrize("name", PDFS)
def test_offsets_point_into_the_text_as_read(records, name):
    text, doc, record = records[name]
    assert doc.text == text and record["text"] == text
    json.dumps(record)  # serialisable
    for span in record["spans"]:
        assert text[span["start"] : span["end"]] == span["text"]
        assert not span["text"][0].isspace() and not span["text"][-1].isspace()


@pytest.mark.corpus
@pytest.mark.parametrize("name", PDFS)
def test_running_headers_are_skipped(records, name):
    text, doc, record = records[name]
    headers = [t for t in doc if t._.kamer_is_furniture]
    assert headers, "every extraction has at least one 'Tweede Kamer, vergaderjaar ...' header"
    assert all(doc.text[t.idx - 1 : t.idx] != "" for t in headers[:1])
    header_chars = {i for t in headers for i in range(t.idx, t.idx + len(t.text))}
    for span in record["spans"]:
        if span["label"] != "TOEZEGGING":
            assert header_chars.isdisjoint(range(span["start"], span["end"])), span


@pytest.mark.corpus
def test_hyphenation_with_a_space_is_repaired(records):
    text, doc, _ = records["fin_ah-tk-20112012-1035_pdftext"]
    norms = {t.text: t.norm_ for t in doc}
    assert norms["persberich- ten"] == "persberichten"
    assert norms["www.toesla- gen.nl"] == "www.toeslagen.nl"
    # "land- en tuinbouw"-style elisions stay apart wherever they occur
    assert not any(t.text.endswith("- en") for t in doc)


@pytest.mark.corpus
def test_signature_and_title_found_in_a_whole_letter(records):
    text, doc, record = records["ienm_kst-33037-49_pdftext"]
    ministers = [s["text"] for s in record["spans"] if s["label"] == "MINISTER"]
    assert "STAATSSECRETARIS VAN INFRASTRUCTUUR EN MILIEU" in ministers
    toezeggingen = [s for s in record["spans"] if s["label"] == "TOEZEGGING"]
    assert any(s["text"].startswith("Zoals toegezegd tijdens het Algemeen Overleg") for s in toezeggingen)
