"""The toezeggingen of annotated documents as a register a clerk can work with: a CSV, UTF-8 with BOM.

One row per commitment, numbered; the columns, their meaning and their names in the Tweede Kamer's
register are data (resources/toezeggingen_columns.jsonl, docs/toezeggingen_csv.md).

* A letter read twice (the same text under two ids or from two files) gives its commitments once:
  a row is known by the fingerprint of its letter's text and its offsets.
* The sentence (`tekst`) is shown as it reads: words broken at a line end joined, line breaks as
  spaces (knowledge/text_repair.py, the rules kamer_pdf_repair applies to tokens), footnote numbers
  removed (resources/footnote_markers.jsonl) and list bullets dropped. The row's span `id` still
  gives the sentence as annotated.
* A cell that a spreadsheet would run as a formula (it starts with =, +, -, @, tab or CR: a bulleted
  sentence does) gets a leading single quote, as OWASP advises against CSV injection.

Input goes through the validating loader, so gold (stand-off lines, spans without `text` or `rule`)
works as well as pipeline output, and odd hand-made values are shown as text instead of crashing.
"""

import csv
import re
from typing import Callable, Dict, Iterable, Iterator, List, Optional, Set, Tuple

from pipeline.evaluation.annotations import Document
from pipeline.exports.register_columns import Column, read_columns
from pipeline.exports.register_fields import FIELDS, Commitment
from pipeline.io.fingerprint import text_fingerprint
from pipeline.knowledge.footnotes import read_footnote_markers, without_footnotes
from pipeline.knowledge.macros import compile_pattern, macro_table, read_macros
from pipeline.knowledge.resource_files import read_list, read_rule_file
from pipeline.knowledge.text_repair import one_line

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# "•", "-", "–", "*" ...; "a)", "b.", "1.", "12)", "(3)", "iv."; nested ("- a) ") too. A capital
# with a dot is left alone: "A.G. Koenders zal ..." starts with initials, not a list item.
BULLETS = re.compile(
    r"^(?:[•◦▪▫●○■□‣⁃∙·*\-–—]\s*"  # a bullet sign
    r"|\(?(?:\d{1,3}|[a-z]|[ivx]{2,4})[.)]\s+"  # 1. 12) (3) a) b. iv.
    r"|\(?[A-Z]\)\s+)+"  # A) (B)
)


class Register:
    """What the register needs to know, read once: columns, footnote markers, elided-word list, Kamerstuk forms."""

    def __init__(self, resources_dir=None):
        self.columns: List[Column] = read_columns(root=resources_dir)
        self.footnotes = read_footnote_markers(root=resources_dir)
        self.no_join = {word.lower() for word in read_list("hyphen_no_join.txt", resources_dir)}
        macros = macro_table(read_macros(resources_dir))
        # the letter metadata's Kamerstuk forms ("28 676, nr. 325", "Kamerstuk 34300-VII-60") find one cited
        self.kamerstukken = [
            compile_pattern(row["pattern"], macros, where)
            for where, row in read_rule_file("metadata_patterns.jsonl", resources_dir, "metadata_pattern")
            if row["field"] == "kamerstuk"
        ]

    @property
    def header(self) -> List[str]:
        return [column.name for column in self.columns]

    def readable(self, text: str) -> str:
        """Words of the letter as a person reads them: on one line, repaired, without footnote numbers."""
        return without_footnotes(one_line(text, self.no_join), self.footnotes)

    def sentence(self, text: str) -> str:
        """A sentence as the register shows it: readable, and without a list bullet in front."""
        return BULLETS.sub("", self.readable(text))

    def cited_kamerstuk(self, tekst: str) -> str:
        for pattern in self.kamerstukken:
            m = pattern.search(tekst)
            if m:
                return f"{' '.join(m.group('dossier').split())}, nr. {m.group('nummer')}"
        return ""

    def commitments(self, docs: Iterable[Document], repeated: Callable[[str, str], None]) -> Iterator[Commitment]:
        """Each commitment once, numbered 1, 2, ...; ``repeated(doc id, id of the earlier copy)`` for a letter
        whose commitments were all written already under another id."""
        seen: Set[Tuple[str, int, int]] = set()
        first_id: Dict[str, str] = {}
        nummer = 0
        for doc in docs:
            fingerprint = text_fingerprint(doc.text)
            first_id.setdefault(fingerprint, doc.id)
            copies = 0
            for span in sorted(doc.toezeggingen, key=lambda s: (s.start, s.end)):
                key = (fingerprint, span.start, span.end)
                if key in seen:
                    copies += 1
                    continue
                seen.add(key)
                nummer += 1
                tekst = self.sentence(doc.text[span.start : span.end])
                yield Commitment(nummer, doc, span, tekst, self.cited_kamerstuk(tekst), self.readable)
            if copies and first_id[fingerprint] != doc.id:
                repeated(doc.id, first_id[fingerprint])

    def rows(self, docs: Iterable[Document], repeated: Callable[[str, str], None]) -> Iterator[List[str]]:
        for commitment in self.commitments(docs, repeated):
            yield [neutralised(column.shown(FIELDS[column.name](commitment))) for column in self.columns]


def neutralised(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def write_csv(
    docs: Iterable[Document],
    handle,
    note: Callable[[str], None] = lambda message: None,
    register: Optional[Register] = None,
) -> int:
    """Header and one row per commitment; ``note`` hears which letters were read twice. Returns the rows written."""
    register = register or Register()
    writer = csv.writer(handle, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(register.header)
    repeats: List[str] = []
    count = 0
    for row in register.rows(docs, lambda doc_id, first: repeats.append(f"{doc_id} (= {first})")):
        writer.writerow(row)
        count += 1
    if repeats:
        note(f"{len(repeats)} letter(s) read twice, their toezeggingen written once: {', '.join(repeats)}")
    return count
