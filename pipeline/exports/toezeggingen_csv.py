"""The toezeggingen of annotated documents as a spreadsheet-friendly CSV (UTF-8 with BOM).

Input goes through the validating loader, so gold (stand-off lines, spans
without `text` or `rule`) works as well as pipeline output, and odd hand-made
values are shown as text instead of crashing.

A cell that a spreadsheet would run as a formula (it starts with =, +, -, @,
tab or CR: a bulleted sentence does) gets a leading single quote, as OWASP
advises against CSV injection. The sentence column drops list bullets; `start`
and `end` still give the span as annotated.
"""

import csv
import re
from typing import Iterable, Iterator, List

from pipeline.evaluation.annotations import Document, as_text
from pipeline.schema import TOEZEGGING_ATTRIBUTES

COLUMNS = ["document", "kamerstuk", "datum", "status", *TOEZEGGING_ATTRIBUTES, "zin", "start", "end", "rule"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# "•", "-", "–", "*" ...; "a)", "b.", "1.", "12)", "(3)", "iv."; nested ("- a) ") too. A capital
# with a dot is left alone: "A.G. Koenders zal ..." starts with initials, not a list item.
BULLETS = re.compile(
    r"^(?:[•◦▪▫●○■□‣⁃∙·*\-–—]\s*"  # a bullet sign
    r"|\(?(?:\d{1,3}|[a-z]|[ivx]{2,4})[.)]\s+"  # 1. 12) (3) a) b. iv.
    r"|\(?[A-Z]\)\s+)+"  # A) (B)
)


def rows(docs: Iterable[Document]) -> Iterator[List[str]]:
    for doc in docs:
        for span in doc.toezeggingen:
            attrs = span.attrs
            cells = [
                doc.id,
                doc.kamerstuk,
                as_text(doc.meta.get("datum")),
                span.status or "",
                *(_attribute(name, attrs.get(name)) for name in TOEZEGGING_ATTRIBUTES),
                sentence(doc.text[span.start : span.end]),
                str(span.start),
                str(span.end),
                as_text(span.rule),
            ]
            yield [neutralised(cell) for cell in cells]


def _attribute(name: str, value) -> str:
    return _herkomst(value) if name == "herkomst" else as_text(value)


def _herkomst(value) -> str:
    if isinstance(value, dict):
        return " ".join(t for t in (as_text(value.get("type")), as_text(value.get("datum"))) if t)
    return as_text(value)


def sentence(text: str) -> str:
    # one line per cell: line breaks of the PDF text would only confuse a spreadsheet
    return BULLETS.sub("", as_text(text))


def neutralised(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def write_csv(docs: Iterable[Document], handle) -> int:
    writer = csv.writer(handle, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0
    for row in rows(docs):
        writer.writerow(row)
        count += 1
    return count
