"""The toezeggingen of annotated JSONL as a spreadsheet-friendly CSV (UTF-8 with BOM)."""

import csv
import json
from pathlib import Path
from typing import Iterable, Iterator, List

COLUMNS = [
    "document", "kamerstuk", "datum", "status", "bewindspersoon", "ministerie", "onderwerp",
    "termijn", "termijn_datum", "herkomst", "zin", "start", "end", "rule",
]


def rows_from_records(records: Iterable[dict]) -> Iterator[List[str]]:
    for record in records:
        meta = record.get("meta") or {}
        stuk = meta.get("kamerstuk") or {}
        kamerstuk = f"{stuk['dossier']}, nr. {stuk['nummer']}" if stuk else ""
        for span in record["spans"]:
            if span["label"] != "TOEZEGGING":
                continue
            herkomst = span.get("herkomst") or {}
            yield [
                record["id"], kamerstuk, meta.get("datum") or "", span.get("status") or "",
                span.get("bewindspersoon") or "", span.get("ministerie") or "", _flat(span.get("onderwerp")),
                _flat(span.get("termijn")), span.get("termijn_datum") or "",
                " ".join(v for v in (herkomst.get("type"), herkomst.get("datum")) if v),
                _flat(span["text"]), str(span["start"]), str(span["end"]), span.get("rule") or "",
            ]


def _flat(value) -> str:
    # one line per cell: line breaks of the PDF text would only confuse a spreadsheet
    return " ".join(str(value).split()) if value else ""


def read_records(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except ValueError as err:
                    raise ValueError(f"{path}:{n}: invalid JSON ({err})") from None


def write_csv(records: Iterable[dict], handle) -> int:
    writer = csv.writer(handle, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0
    for row in rows_from_records(records):
        writer.writerow(row)
        count += 1
    return count
