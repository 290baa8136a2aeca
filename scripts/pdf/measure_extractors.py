"""Measure how well PDF text extractors read the invented letters of letters.py: the table in docs/input_formats.md.

    .venv/bin/pip install pypdf pdfminer.six reportlab   # both candidates; `make install` brings only the chosen one
    .venv/bin/python scripts/pdf/measure_extractors.py

For each extractor, over all letters (numbers summed, rates over the total):

* word recall: source words found in the extraction, after joining "part-\\n rest" the way kamer_pdf_repair does;
* hyphenations kept repairable: words set as "part-" / "rest" over two lines that come out as "part-" + line
  break + "rest" (or whole), so the pipeline can join them;
* stray tokens: words in the extraction that are neither in the letter nor in its header or footer (glued or
  split words);
* double spaces: runs of two or more spaces inside a line (the rules match single spaces);
* lines kept whole: lines of the letter as set that stand on one line of the extraction (a line broken
  after every word is read as a string of one-word paragraphs);
* running headers / footers on a line of their own (a header glued into a sentence cannot be skipped);
* running headers marked as furniture by kamer_pdf_repair (the rule of page_furniture.jsonl);
* reading order: difflib ratio of the body's words against the source's;
* seconds per page.
"""

import difflib
import re
import sys
import tempfile
import time
from collections import Counter
from io import BytesIO
from pathlib import Path
from typing import Callable, Dict, List, Tuple

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))
from letters import Letter, invented_letters, write_letter  # noqa: E402

import pipeline.components.pdf_repair  # noqa: E402,F401  (registers kamer_pdf_repair)
from pipeline.io.formats.pdf import pdf_text  # noqa: E402

WORD = re.compile(r"\w+(?:'\w+)?")
LINE_END_HYPHEN = re.compile(r"(\w)-[ \t]*\n[ \t]*(\w)")


def read_pypdf(data: bytes, mode: str = "plain") -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text(extraction_mode=mode) for page in PdfReader(BytesIO(data)).pages)


def read_pdfminer(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(BytesIO(data))


EXTRACTORS: Dict[str, Callable[[bytes], str]] = {
    "pypdf (plain)": read_pypdf,
    "pypdf (layout)": lambda data: read_pypdf(data, "layout"),
    "pdfminer.six (default LAParams)": read_pdfminer,
    "our reader (pdfminer.six, spaces and ligatures cleaned)": pdf_text,
}


def measure(letter: Letter, text: str, repair) -> Counter:
    source = WORD.findall(letter.body)
    joined = LINE_END_HYPHEN.sub(r"\1\2", text)
    found = Counter(WORD.findall(joined))
    furniture = " ".join([letter.running_header, *(letter.footer(n) for n in range(1, letter.pages + 1))])
    known = set(source) | set(WORD.findall(furniture))
    header = re.compile(rf"^[ \t\f]*{re.escape(letter.running_header)}[ \t]*\d*[ \t]*$", re.MULTILINE)
    footer = re.compile(r"^[ \t\f]*Pagina \d+ van \d+[ \t]*$", re.MULTILINE)
    doc = repair(text)
    marked = sum(
        all(t._.kamer_is_furniture for t in doc.char_span(m.start(), m.end(), alignment_mode="expand") or [])
        for m in re.finditer(re.escape(letter.running_header), text)
    )
    body = WORD.findall(footer.sub("", header.sub("", joined)))
    lines = {" ".join(line.split()) for line in text.splitlines()}
    return Counter(
        words=len(source),
        recalled=sum((Counter(source) & found).values()),
        hyphenated=len(letter.hyphenated),
        repairable=sum(bool(re.search(rf"\b{w.rstrip('.,;:')}\b", joined)) for w in letter.hyphenated),
        stray=sum(n for w, n in found.items() if w not in known),
        double_spaces=len(re.findall(r"\S  +\S", text)),
        lines_set=len(letter.lines),
        lines_whole=sum(line in lines for line in letter.lines),
        headers_expected=letter.pages - 1,
        header_lines=len(header.findall(text)),
        footers_expected=letter.pages,
        footer_lines=len(footer.findall(text)),
        headers_marked=marked,
        order_permille=round(1000 * difflib.SequenceMatcher(None, source, body, autojunk=False).ratio()),
    )


def main() -> None:
    repair = spacy.blank("nl")
    repair.add_pipe("kamer_pdf_repair")
    texts: Dict[Tuple[str, str], str] = {}
    seconds: Dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        letters = [write_letter(item, Path(tmp) / f"{item.name}.pdf") for item in invented_letters()]
        data = {item.name: (Path(tmp) / f"{item.name}.pdf").read_bytes() for item in letters}
    for name, extract in EXTRACTORS.items():
        extract(data[letters[0].name])  # imports the library: not part of the time
        started = time.perf_counter()
        for item in letters:
            texts[(name, item.name)] = extract(data[item.name])
        seconds[name] = (time.perf_counter() - started) / sum(item.pages for item in letters)
    for title, group in [("all letters", letters), *_by_layout(letters)]:
        pages = sum(item.pages for item in group)
        words = sum(len(WORD.findall(item.body)) for item in group)
        print(f"\n{title}: {len(group)} letter(s), {pages} pages, {words} words\n")
        print(
            "| extractor | word recall | hyphenations repairable | stray tokens | double spaces | lines kept whole "
            "| headers on own line | footers on own line | headers marked furniture | reading order | s/page |"
        )
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for name in EXTRACTORS:
            t = sum((measure(item, texts[(name, item.name)], repair) for item in group), Counter())
            print(
                f"| {name} | {t['recalled'] / t['words']:.3f} | {t['repairable']}/{t['hyphenated']} | {t['stray']} "
                f"| {t['double_spaces']} | {t['lines_whole']}/{t['lines_set']} "
                f"| {t['header_lines']}/{t['headers_expected']} | {t['footer_lines']}/{t['footers_expected']} "
                f"| {t['headers_marked']}/{t['headers_expected']} | {t['order_permille'] / len(group) / 1000:.3f} "
                f"| {seconds[name]:.3f} |"
            )


def _by_layout(letters: List[Letter]) -> List[Tuple[str, List[Letter]]]:
    layouts = sorted({item.justify for item in letters})
    return [(f"justified by {layout}", [item for item in letters if item.justify == layout]) for layout in layouts]


if __name__ == "__main__":
    main()
