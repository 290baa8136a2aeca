"""Annotated letters (JSONL from `extract`, or gold) into register rows, and a load of whole files.

Every file is read and checked before anything is written; one broken line names its file and line and
nothing is loaded. A letter loaded again replaces its own rows, so the same input twice leaves the same
database, and the links are worked out again over all letters after each load.
"""

import json
import re
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import sqlite_utils

from pipeline.evaluation.annotations import Document, load_documents
from pipeline.register.citations import cited
from pipeline.register.citing_sentences import CitingSentences
from pipeline.register.link import relink
from pipeline.register.schema import Register
from pipeline.register.store import delete_where_in, replace_rows, transaction

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def as_json(value) -> Optional[str]:
    """One spelling of a structured value, so that equal input gives equal cells."""
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def toezegging_id(letter: str, start: int, end: int) -> str:
    return f"{letter}#{start}-{end}"


def termijn_eind(termijn_datum) -> Optional[str]:
    """The last day of a termijn_datum ("2020-06-01" or "2020-03-01/2020-05-31")."""
    if not isinstance(termijn_datum, str):
        return None
    last = termijn_datum.split("/")[-1]
    return last if ISO_DATE.match(last) else None


def letter_row(doc: Document, schema: Register) -> Dict[str, object]:
    meta = doc.meta
    found = meta.get("kamerstuk")
    kamerstuk: dict = found if isinstance(found, dict) else {}
    dossier = kamerstuk.get("dossier")
    nummer = kamerstuk.get("nummer")
    return {
        "id": doc.id,
        "kamerstuk": f"{dossier}, nr. {nummer}" if dossier and nummer else dossier,
        "dossier": dossier,
        "datum": _text(meta.get("datum")),
        "titel": _text(meta.get("titel")),
        "dossier_titel": _text(meta.get("dossier_titel")),
        "ondertekenaars": as_json(meta.get("ondertekenaars") or []),
        "source": _text(meta.get("source")),
        "cites": as_json(sorted(cited(doc.text, schema.citations))),
    }


def toezegging_rows(doc: Document) -> List[Dict[str, object]]:
    rows = []
    for span in doc.toezeggingen:
        attrs = span.attrs
        herkomst = attrs.get("herkomst")
        herkomst = herkomst if isinstance(herkomst, dict) else None
        rows.append(
            {
                "nummer": toezegging_id(doc.id, span.start, span.end),
                "letter": doc.id,
                "start": span.start,
                "end": span.end,
                "tekst": doc.text[span.start : span.end],
                "status": span.status,
                "bewindspersoon": _text(attrs.get("bewindspersoon")),
                "ministerie": _text(attrs.get("ministerie")),
                "onderwerp": _text(attrs.get("onderwerp")),
                "termijn": _text(attrs.get("termijn")),
                "termijn_datum": _text(attrs.get("termijn_datum")),
                "termijn_eind": termijn_eind(attrs.get("termijn_datum")),
                "herkomst": as_json(herkomst),
                "herkomst_type": _text(herkomst.get("type")) if herkomst else None,
                "herkomst_datum": _text(herkomst.get("datum")) if herkomst else None,
                "rule": span.rule,
            }
        )
    return rows


def citing_rows(finder: CitingSentences, doc: Document, letter: Dict[str, object]) -> List[Dict[str, object]]:
    """The letter's delivering sentences that name a letter, outside its nagekomen toezeggingen."""
    nagekomen = [(span.start, span.end) for span in doc.toezeggingen if span.status == "nagekomen"]
    datum = letter["datum"]
    return finder.rows(doc.id, doc.text, datum if isinstance(datum, str) else None, nagekomen)


def _text(value) -> Optional[str]:
    return value if isinstance(value, str) and value else None


def read_files(paths: Sequence[Path], corpus_root: Optional[Path]) -> List[Document]:
    """The documents of every file, checked (AnnotationError names file and line); a later file's letter wins."""
    docs: Dict[str, Document] = {}
    for path in paths:
        docs.update(load_documents(path, corpus_root))
    return list(docs.values())


def load(db: sqlite_utils.Database, docs: Iterable[Document], schema: Register) -> Tuple[int, int]:
    """Replace these letters' rows and relink, in one transaction; (letters, toezeggingen) written."""
    docs = list(docs)
    letters = [letter_row(doc, schema) for doc in docs]
    toezeggingen = [row for doc in docs for row in toezegging_rows(doc)]
    finder = CitingSentences(schema)
    citing = [row for doc, letter in zip(docs, letters) for row in citing_rows(finder, doc, letter)]
    with transaction(db) as conn:
        for table in ("toezeggingen", "citing_sentences"):
            delete_where_in(conn, table, "letter", [doc.id for doc in docs])
        replace_rows(conn, schema.tables["letters"], letters)
        replace_rows(conn, schema.tables["toezeggingen"], toezeggingen)
        replace_rows(conn, schema.tables["citing_sentences"], citing)
        relink(conn, schema)
    return len(letters), len(toezeggingen)
