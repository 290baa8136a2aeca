"""The register of commitments: build, report, serve.

`python -m pipeline register build | report | serve` (docs/register.md).
"""

import sqlite3
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, List, NoReturn, Optional

import typer

if TYPE_CHECKING:  # imported by the commands themselves: `python -m pipeline --help` stays light
    import sqlite_utils

    from pipeline.register.schema import Register

app = typer.Typer(add_completion=False, help=__doc__, no_args_is_help=True)

DB_OPTION = typer.Option(Path("register.db"), "--db", help="the register's SQLite file")


def _fail(message: str) -> NoReturn:
    from pipeline.cli import fail  # one error style for every command (imported late: pipeline.cli imports us)

    fail(message)


def _as_of(value: Optional[str]) -> date:
    try:
        return date.fromisoformat(value) if value else date.today()
    except ValueError:
        _fail(f"--as-of {value!r}: expected a date as YYYY-MM-DD")


def _existing(db: Path, schema: "Register") -> "sqlite_utils.Database":
    """The register in ``db``, opened read-only (report, serve); one line when there is none."""
    from pipeline.register.store import open_existing

    if not db.is_file():
        _fail(f"{db}: no register here (make one with: python -m pipeline register build ANNOTATIONS.jsonl --db {db})")
    try:
        return open_existing(db, schema)
    except sqlite3.DatabaseError as err:
        _fail(f"{db}: not a register database ({err})")


@app.command()
def build(
    annotations: List[Path] = typer.Argument(..., help="annotated JSONL from 'extract' (or gold), one or more"),
    db: Path = DB_OPTION,
    corpus_root: Path = typer.Option(Path("../shared"), help="root for stand-off lines ('source' + 'sha256')"),
):
    """Load letters into the register (again: replaced, not doubled) and relink all commitments."""
    from pipeline.cli import guard
    from pipeline.evaluation.annotations import AnnotationError
    from pipeline.register.load import load, read_files
    from pipeline.register.schema import register_schema
    from pipeline.register.store import connect

    guard(db, *annotations)
    db.parent.mkdir(parents=True, exist_ok=True)  # like every output: missing folders are made
    schema = register_schema()
    try:  # every file checked before the database is touched
        docs = read_files(annotations, corpus_root)
    except AnnotationError as err:
        _fail(f"{err}; nothing loaded")
    try:
        database = connect(db, schema)
        letters, commitments = load(database, docs, schema)
    except sqlite3.DatabaseError as err:
        _fail(f"{db}: not a register database ({err}); nothing loaded")
    linked = database["links"].count
    citing = database["links"].count_where("kind = 'citing_letter'")
    unlinked = database["unlinked"].count
    typer.echo(
        f"loaded {letters} letter(s), {commitments} toezegging(en) into {db}; register: "
        f"{database['letters'].count} letters, {linked} link(s) ({citing} by a citing letter), {unlinked} unlinked",
        err=True,
    )


@app.command()
def report(
    db: Path = DB_OPTION,
    as_of: Optional[str] = typer.Option(None, "--as-of", help="the date of the state, YYYY-MM-DD (default: today)"),
    csv_out: Optional[Path] = typer.Option(None, "--csv", help="also write every commitment as CSV"),
):
    """Per ministerie: open, settled, overdue, undated commitments; --csv writes them all."""
    from pipeline.cli import guard
    from pipeline.io.writers import atomic_writer
    from pipeline.register.report import format_table, overview, write_csv
    from pipeline.register.schema import register_schema
    from pipeline.register.state import states

    guard(csv_out, db)
    day = _as_of(as_of)
    schema = register_schema()
    rows = states(_existing(db, schema).conn, schema, day)
    typer.echo(f"register {db}, state at {day.isoformat()}")
    typer.echo(format_table(overview(rows)))
    if csv_out:
        with atomic_writer(csv_out, encoding="utf-8-sig") as out:
            count = write_csv(rows, list(schema.register_columns), out)
        typer.echo(f"wrote {count} toezegging(en) to {csv_out}", err=True)


@app.command()
def serve(
    db: Path = DB_OPTION,
    host: str = typer.Option("127.0.0.1", help="address to listen on"),
    port: int = typer.Option(8001, help="port to listen on"),
):
    """Open the register in Datasette (pip install '.[register]'): facets, labels, canned queries per state."""
    from pipeline.register import serve as datasette
    from pipeline.register.schema import register_schema

    if not datasette.datasette_installed():
        _fail("Datasette is not installed: pip install -e '.[register]'")
    schema = register_schema()
    _existing(db, schema).conn.close()  # only checked here: Datasette opens the file itself
    metadata = datasette.write_metadata(schema, db, db.with_suffix(".metadata.json"))
    typer.echo(f"metadata: {metadata}; open http://{host}:{port}/{db.stem}", err=True)
    datasette.serve(db, metadata, host, port)
