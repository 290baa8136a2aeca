"""Invented Dutch letters written as PDF the way Kamerstukken are laid out, to test and measure PDF reading.

Each letter (``invented_letters.json`` beside this file, text written for the tests) is set in a narrow
justified column on A5 pages, so it runs over several pages: long words are hyphenated at line ends
("verantwoordelijkheids-" / "verdeling"), pages after the first carry the running header of the Tweede
Kamer with the page number at the right margin, and every page has a footer "Pagina N van M". The
generator returns what it wrote (the words broken at line ends, the page count), so tests and
``measure_extractors.py`` can compare an extraction with the source.

Also bad PDFs for the error paths: encrypted, and without a text layer (a drawing, like a scan).
"""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Tuple

from reportlab.lib.pagesizes import A5
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

LETTERS_FILE = Path(__file__).with_name("invented_letters.json")
FONT, SIZE, LEADING = "Helvetica", 11, 14
LEFT, RIGHT, TOP, BOTTOM = 60.0, 70.0, 60.0, 55.0
WIDTH = A5[0] - LEFT - RIGHT
MIN_PART = 3  # a hyphenated word keeps at least this many letters on each line


@dataclass
class Letter:
    name: str
    running_header: str
    head: List[str]
    paragraphs: List[str]
    closing: List[str]
    # how justified lines are set: "word_spacing" (one string per line, the Tw operator widens the spaces) or
    # "word_positions" (each word placed on its own, no space characters: what many typesetters write)
    justify: str = "word_spacing"
    pages: int = 0
    hyphenated: List[str] = field(default_factory=list)  # words set as "part-" / "rest" across two lines
    lines: List[str] = field(default_factory=list)  # the body's lines as set, without header and footer

    @property
    def body(self) -> str:
        """The letter as written, one paragraph per line: what a perfect extraction would hold (no furniture)."""
        return "\n".join(self.head + self.paragraphs + self.closing)

    def footer(self, page: int) -> str:
        return f"Pagina {page} van {self.pages}"


def invented_letters() -> List[Letter]:
    return [Letter(**row) for row in json.loads(LETTERS_FILE.read_text(encoding="utf-8"))]


def wrap(paragraph: str, width: float = WIDTH) -> Tuple[List[str], List[str]]:
    """Lines of at most `width` points; a long word that does not fit is hyphenated. Returns (lines, broken words)."""
    lines: List[str] = []
    broken: List[str] = []
    line = ""
    for word in paragraph.split():
        candidate = f"{line} {word}" if line else word
        if stringWidth(candidate, FONT, SIZE) <= width:
            line = candidate
            continue
        cut = _hyphen_cut(line, word, width)
        if cut:
            lines.append(f"{line} {word[:cut]}-" if line else f"{word[:cut]}-")
            broken.append(word)
            line = word[cut:]
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines, broken


def _hyphen_cut(line: str, word: str, width: float) -> int:
    """Where to break `word` so that its first part and a hyphen still fit on `line` (0: do not break)."""
    letters = word.rstrip(".,;:")  # "verbeteren." breaks as "verbe-" / "teren."
    if not letters.isalpha() or len(letters) < 2 * MIN_PART + 2:
        return 0
    for cut in range(len(letters) - MIN_PART, MIN_PART - 1, -1):
        if stringWidth(f"{line} {word[:cut]}-", FONT, SIZE) <= width:
            return cut
    return 0


def write_letter(letter: Letter, path: Path) -> Letter:
    """Lay out and write `letter` as a PDF at `path`; fills in its page count and hyphenated words."""
    blocks: List[Tuple[List[str], bool]] = [([line], False) for line in letter.head]  # (lines, justified)
    letter.hyphenated = []
    for paragraph in letter.paragraphs:
        lines, broken = wrap(paragraph)
        letter.hyphenated += broken
        blocks.append((lines, True))
    blocks += [([line], False) for line in letter.closing]
    pages = _paginate(blocks)
    letter.pages = len(pages)
    letter.lines = [text for page in pages for text, _ in page if text]
    canvas = Canvas(str(path), pagesize=A5, invariant=1)
    for number, page in enumerate(pages, 1):
        _draw_page(canvas, letter, number, page)
    canvas.save()
    return letter


def _paginate(blocks: List[Tuple[List[str], bool]]) -> List[List[Tuple[str, bool]]]:
    """Lines per page as (text, justify); a paragraph may run over a page break (as in real letters)."""
    per_page = int((A5[1] - TOP - BOTTOM) // LEADING)
    pages: List[List[Tuple[str, bool]]] = [[]]
    for lines, justified in blocks:
        for i, text in enumerate(lines):
            if len(pages[-1]) >= per_page:
                pages.append([])
            pages[-1].append((text, justified and i < len(lines) - 1))
        if len(pages[-1]) < per_page:
            pages[-1].append(("", False))  # space between paragraphs
    return pages


def _draw_page(canvas: Canvas, letter: Letter, number: int, lines: List[Tuple[str, bool]]) -> None:
    top = A5[1] - TOP
    if number > 1:  # the running header, with the page number at the right margin
        canvas.setFont(FONT, 8)
        canvas.drawString(LEFT, top + 25, letter.running_header)
        canvas.drawRightString(A5[0] - RIGHT, top + 25, str(number))
    canvas.setFont(FONT, SIZE)
    for row, (text, justify) in enumerate(lines):
        y = top - row * LEADING
        gaps = text.count(" ")
        extra = (WIDTH - stringWidth(text, FONT, SIZE)) / gaps if justify and gaps else 0.0
        if letter.justify == "word_positions":
            _draw_words(canvas, text, y, extra)
        else:
            body = canvas.beginText(LEFT, y)
            body.setWordSpace(extra)
            body.textLine(text)
            canvas.drawText(body)
    canvas.setFont(FONT, 8)
    canvas.drawCentredString(A5[0] / 2, BOTTOM - 30, letter.footer(number))
    canvas.showPage()


def _draw_words(canvas: Canvas, text: str, y: float, extra: float) -> None:
    """Each word at its own position: the space between words is a gap, not a character."""
    x = LEFT
    space = stringWidth(" ", FONT, SIZE) + extra
    for word in text.split(" "):
        canvas.drawString(x, y, word)
        x += stringWidth(word, FONT, SIZE) + space


def write_encrypted(path: Path, password: str = "geheim") -> None:
    """A one-page letter that opens only with a password."""
    canvas = Canvas(str(path), pagesize=A5, encrypt=password, invariant=1)
    canvas.drawString(LEFT, A5[1] - TOP, "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal")
    canvas.save()


def write_scanned(path: Path) -> None:
    """Two pages with only drawn shapes: a PDF without a text layer, as a scan without OCR is."""
    canvas = Canvas(str(path), pagesize=A5, invariant=1)
    for _ in range(2):
        for row in range(20):
            canvas.rect(LEFT, A5[1] - TOP - row * LEADING, WIDTH * (0.6 + 0.02 * row), 6, fill=1)
        canvas.showPage()
    canvas.save()


if __name__ == "__main__":  # write the invented letters into a folder to look at them
    import sys

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "build/pdf-letters")
    out.mkdir(parents=True, exist_ok=True)
    for item in invented_letters():
        done = write_letter(item, out / f"{item.name}.pdf")
        print(f"{out / item.name}.pdf: {done.pages} pages, {len(done.hyphenated)} words hyphenated")
