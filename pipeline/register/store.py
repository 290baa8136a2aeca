"""The SQLite file: tables made from the schema by sqlite-utils, rows written inside one transaction.

sqlite-utils creates the tables and indexes; rows go through the connection's executemany so that a
whole load (every file, then the relinking) is one transaction whatever sqlite-utils version commits
inside its own helpers.
"""

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Sequence, Union

import sqlite_utils

from pipeline.register.schema import Register, Table

INDEXES = {
    "toezeggingen": [["letter"], ["status"], ["ministerie"]],
    "citing_sentences": [["letter"]],
    "letters": [["datum"]],
    "links": [["settled"]],
}


def connect(path: Union[str, Path], schema: Register) -> sqlite_utils.Database:
    """The register in this file, its tables made when missing; a file of another version is refused
    (sqlite3.DatabaseError): the register is built anew from the JSONL in seconds."""
    db = sqlite_utils.Database(sqlite3.connect(str(path)))
    for table in schema.tables.values():
        if db[table.name].exists() and tuple(db.table(table.name).columns_dict) != table.columns:
            raise sqlite3.DatabaseError(f"table {table.name} has other columns than this version's: build it anew")
    for table in schema.tables.values():
        if not db[table.name].exists():
            db.table(table.name).create(table.types, pk=table.pk)
            for columns in INDEXES.get(table.name, []):
                db.table(table.name).create_index(columns)
    return db


def open_existing(path: Union[str, Path], schema: Register) -> sqlite_utils.Database:
    """A register to read, opened read-only: report and serve never create or change tables; a file without the
    register's tables (another program's database, an empty file) is refused (sqlite3.DatabaseError)."""
    db = sqlite_utils.Database(sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True))
    for table in schema.tables.values():
        if not db[table.name].exists():
            raise sqlite3.DatabaseError(f"no table {table.name}: not made by register build")
        if tuple(db.table(table.name).columns_dict) != table.columns:
            raise sqlite3.DatabaseError(f"table {table.name} has other columns than this version's: build it anew")
    return db


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite3.Connection]:
    """All or nothing: an error anywhere inside leaves the file as it was."""
    conn = db.conn
    conn.execute("BEGIN")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def replace_rows(conn: sqlite3.Connection, table: Table, rows: Iterable[Dict[str, object]]) -> None:
    columns = ", ".join(f"[{c}]" for c in table.columns)
    marks = ", ".join("?" for _ in table.columns)
    conn.executemany(
        f"INSERT OR REPLACE INTO [{table.name}] ({columns}) VALUES ({marks})",
        ([row.get(c) for c in table.columns] for row in rows),
    )


def delete_where_in(conn: sqlite3.Connection, table: str, column: str, values: Sequence[str]) -> None:
    chunk = 500  # below SQLite's limit on bound parameters
    for n in range(0, len(values), chunk):
        part: List[str] = list(values[n : n + chunk])
        conn.execute(f"DELETE FROM [{table}] WHERE [{column}] IN ({', '.join('?' for _ in part)})", part)


def dump(db: sqlite_utils.Database) -> List[str]:
    """Every table's rows as SQL, ordered by primary key: equal dumps, equal databases."""
    lines: List[str] = []
    for name in sorted(db.table_names()):
        pks = ", ".join(f"[{c}]" for c in db.table(name).pks)
        for row in db.conn.execute(f"SELECT * FROM [{name}] ORDER BY {pks}"):
            lines.append(f"{name}: {row!r}")
    return lines
