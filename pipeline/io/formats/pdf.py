"""The text layer of a PDF, read with pdfminer.six.

pdfminer.six was chosen over pypdf by measuring both on PDFs made in the tests (docs/input_formats.md):
on lines set word by word, as many typesetters write them, pypdf gives one word per line, which breaks
sentences; pdfminer.six keeps the lines. The text keeps what the pipeline repairs itself: words hyphenated
at a line end ("verantwoorde-\\nlijkheid"), running headers and footers on their own lines (marked as
page furniture by kamer_pdf_repair) and a form feed after each page.
"""

import logging
import re
from io import BytesIO

from pipeline.io.formats.bounded import run_bounded

PDF_MAGIC = b"%PDF-"
# pdfminer.six inserts a space for a wide gap and keeps the space character too: one is enough (the
# rules match single spaces, "Den Haag, 8 januari 2021")
SPACE_RUN = re.compile(r"(?<=\S) {2,}(?=\S)")
# typographic ligatures some typesetters write as one glyph: the letters they stand for
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"})

# pdfminer.six logs a warning for every oddity of a PDF it can still read: not the user's business
logging.getLogger("pdfminer").setLevel(logging.ERROR)


# a letter of a few hundred pages reads in seconds (about 0.03 s a page); far beyond is a hostile file
PDF_SECONDS = 120.0
PDF_MEMORY_MB = 2048


def pdf_text(data: bytes) -> str:
    """The text of every page, pages separated by a form feed; ValueError (one line) when there is none,
    or when reading takes longer than PDF_SECONDS or more than PDF_MEMORY_MB (io/formats/bounded.py)."""
    return run_bounded(read_pdf, data, PDF_SECONDS, PDF_MEMORY_MB, "reading this PDF")


def read_pdf(data: bytes) -> str:
    """pdf_text without the limits."""
    from pdfminer.high_level import extract_text
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        text = extract_text(BytesIO(data))
    except PDFPasswordIncorrect:
        raise ValueError("encrypted PDF: it opens only with a password; save an unprotected copy") from None
    except Exception as err:  # noqa: BLE001  a damaged file can fail anywhere inside the parser
        reason = " ".join(str(err).split()) or type(err).__name__
        raise ValueError(f"not a readable PDF ({reason})") from None
    text = tidy(text)
    if not text.replace("\f", "").strip():
        raise ValueError("PDF without a text layer (a scan?): run OCR on it first, then give the text")
    return text


def tidy(text: str) -> str:
    """One space where pdfminer.six wrote two, ligatures as letters, no form feed or space at the end."""
    return SPACE_RUN.sub(" ", text.translate(LIGATURES)).rstrip()
