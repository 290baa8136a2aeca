"""The register at a date: an overview per ministerie (printed) and every commitment as CSV.

The CSV uses the register's field names (resources/register.json, the Kamer's where one exists) and the
project's spreadsheet safety: formula-looking cells get a leading quote (exports/toezeggingen_csv.py).
"""

import csv
from collections import Counter
from typing import Dict, List, TextIO

from pipeline.evaluation.annotations import as_text
from pipeline.exports.toezeggingen_csv import neutralised
from pipeline.register.schema import STATES

UNKNOWN = "(onbekend)"


def overview(rows: List[Dict[str, object]]) -> List[List[str]]:
    """Per ministerie: how many commitments are open, settled, overdue, undated; a total row last."""
    counts: Dict[str, Counter] = {}
    for row in rows:
        counts.setdefault(as_text(row["ministerie"]) or UNKNOWN, Counter())[str(row["stand"])] += 1
    table = [["ministerie", *STATES, "totaal"]]
    total: Counter = Counter()
    for ministerie in sorted(counts):
        total.update(counts[ministerie])
        table.append(_counts(ministerie, counts[ministerie]))
    table.append(_counts("totaal", total))
    return table


def _counts(name: str, counts: Counter) -> List[str]:
    return [name, *(str(counts[s]) for s in STATES), str(sum(counts.values()))]


def format_table(table: List[List[str]]) -> str:
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    lines = []
    for row in table:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(w) for cell, w in zip(row[1:], widths[1:])]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def write_csv(rows: List[Dict[str, object]], columns: List[str], handle: TextIO) -> int:
    writer = csv.writer(handle, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralised(as_text(row.get(c))) for c in columns])
    return len(rows)
