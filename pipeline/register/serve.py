"""The register in Datasette (the optional `register` extra): labelled columns, facets, canned queries."""

import importlib.util
import json
import os
import sys
from pathlib import Path
from typing import List, NoReturn

from pipeline.io.writers import atomic_writer
from pipeline.register.schema import STATES, Register
from pipeline.register.state import state_sql


def datasette_installed() -> bool:
    return importlib.util.find_spec("datasette") is not None


def metadata(schema: Register, database: str) -> dict:
    """Datasette metadata: the tables with their labels and facets, and one canned query per state."""
    tables = {
        table.name: {"description": table.label, "columns": dict(table.labels)} for table in schema.tables.values()
    }
    tables["toezeggingen"]["facets"] = ["ministerie", "status"]
    tables["letters"]["label_column"] = "kamerstuk"
    queries = {
        state: {
            "title": f"Toezeggingen: {state} (peildatum as_of, leeg = vandaag)",
            "sql": state_sql(f"stand = '{state}'"),
            "description": "; ".join(f"{name}: {label}" for name, label in schema.register_labels.items()),
        }
        for state in STATES
    }
    queries["register"] = {"title": "Alle toezeggingen met hun stand", "sql": state_sql()}
    return {
        "title": "Register van toezeggingen",
        "description": "Toezeggingen uit Kamerbrieven (python -m pipeline register build); docs/register.md",
        "databases": {database: {"tables": tables, "queries": queries}},
    }


def write_metadata(schema: Register, db_path: Path, target: Path) -> Path:
    with atomic_writer(target) as out:
        out.write(json.dumps(metadata(schema, db_path.stem), ensure_ascii=False, indent=1) + "\n")
    return target


def command(db_path: Path, metadata_path: Path, host: str, port: int) -> List[str]:
    return [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        str(db_path),
        "--metadata",
        str(metadata_path),
        "--host",
        host,
        "--port",
        str(port),
    ]


def serve(db_path: Path, metadata_path: Path, host: str, port: int) -> NoReturn:
    """Become Datasette (exec): Ctrl-C and a kill reach the server itself, no child is left running."""
    args = command(db_path, metadata_path, host, port)
    os.execv(args[0], args)
