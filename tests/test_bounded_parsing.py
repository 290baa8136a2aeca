"""A parser under a time and memory limit (io/formats/bounded.py): one hostile file costs its limit and one line,
never the run. Limits are set tiny here; nothing is timed."""

import time
import zlib

import pytest

from pipeline.io.formats import pdf
from pipeline.io.formats.bounded import run_bounded
from pipeline.io.readers import InputProblem, read_file


def slow(data: bytes) -> str:
    time.sleep(30)
    return "never"


def greedy(data: bytes) -> str:
    hoard = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GB
    return str(len(hoard))


def refuses(data: bytes) -> str:
    raise ValueError("not a readable PDF (broken xref)")


@pytest.mark.unit
def test_the_answer_or_the_parsers_own_error_comes_back():
    assert run_bounded(lambda data: data.decode() + "!", b"brief", 10, 256, "reading") == "brief!"
    with pytest.raises(ValueError, match=r"^not a readable PDF \(broken xref\)$"):
        run_bounded(refuses, b"", 10, 256, "reading")


@pytest.mark.unit
def test_a_parser_that_takes_too_long_is_stopped_with_one_line():
    with pytest.raises(ValueError, match=r"^reading this PDF takes longer than 0.5 s"):
        run_bounded(slow, b"", 0.5, 256, "reading this PDF")


@pytest.mark.unit
def test_a_parser_that_wants_too_much_memory_is_stopped_with_one_line():
    with pytest.raises(ValueError, match="more than 100 MB"):
        run_bounded(greedy, b"", 60, 100, "reading this PDF")


def one_page_pdf(content: bytes) -> bytes:
    stream = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_a_kilobyte_pdf_of_overlapping_lines_is_one_line_not_a_stalled_run(tmp_path, monkeypatch):
    # 5,000 text lines on top of each other: pdfminer's layout analysis needed 132 s and 3.6 GB for them
    monkeypatch.setattr(pdf, "PDF_SECONDS", 2.0)
    hostile = tmp_path / "vijandig.pdf"
    hostile.write_bytes(one_page_pdf(b"BT /F1 12 Tf 72 700 Td " + b"(Tekst van de brief) Tj 0 -1 Td " * 5000 + b"ET"))
    assert len(hostile.read_bytes()) < 2000
    found = read_file(hostile)
    assert isinstance(found, InputProblem) and "reading this PDF takes longer than 2 s" in found.message
    ordinary = tmp_path / "brief.pdf"
    ordinary.write_bytes(one_page_pdf(b"BT /F1 12 Tf 72 700 Td (Ik zal uw Kamer informeren.) Tj ET"))
    assert read_file(ordinary).text.strip() == "Ik zal uw Kamer informeren."


def test_a_text_file_too_large_for_max_chars_is_refused_unread(tmp_path):
    from pipeline.io.readers import iter_inputs

    big = tmp_path / "dump.txt"
    with big.open("wb") as out:  # sparse: 40 MB on paper, nothing on disk, and never read
        out.truncate(40_000_000)
    (problem,) = list(iter_inputs([big], max_chars=1_000_000))
    assert isinstance(problem, InputProblem)
    assert (
        problem.message
        == "40,000,000 bytes, more than --max-chars 1,000,000 characters can take (pass --max-chars 0 for no limit)"
    )
    small = tmp_path / "brief.txt"
    small.write_text("é" * 1000, encoding="utf-8")  # 2,000 bytes, 1,000 characters: within the limit
    (doc,) = list(iter_inputs([small], max_chars=1000))
    assert doc.text == "é" * 1000
