"""What the resource builders share: the paths, the tables, atomic writes and the command line.

A builder is a function ``build(shared) -> Built``: it reads one source under
``<shared>/data`` and returns the text of one generated file below
pipeline/resources with a summary of what it kept and dropped. ``run`` gives a
list of builders one command line (``--shared``, ``--resources``, ``--check``).
Standard library only, so ``make resources`` needs no installed package.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RESOURCES = REPO / "pipeline" / "resources"
# Domain knowledge the builders apply (position titles, kind words, ...), as data.
TABLES = Path(__file__).resolve().parent / "tables"


class SourceError(Exception):
    """An input file is missing or malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class Built:
    """One generated file: its path below pipeline/resources, its text, and what the build did."""

    path: Path
    text: str
    summary: str


Builder = Callable[[Path], Built]


# -- tables (scripts/resources/tables): '#' lines are comments ------------------------


def _table_lines(name: str) -> list[tuple[int, str]]:
    path = TABLES / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise SourceError(f"{path}: cannot read ({err.strerror})") from None
    return [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]


@cache
def read_words(name: str) -> tuple[str, ...]:
    """A word list, one entry a line, in file order."""
    return tuple(line.strip() for _, line in _table_lines(name))


def _check_values(name: str, n: int, row: dict, choices: dict[str, tuple[str, ...]]) -> None:
    for key, allowed in choices.items():
        if key in row and row[key] not in allowed:
            raise SourceError(f"{TABLES / name}:{n}: {key} {row[key]!r} is none of {', '.join(allowed)}")


@cache
def read_table(name: str, **choices: tuple[str, ...]) -> tuple[dict[str, str], ...]:
    """Tab-separated rows under a header line; an empty cell is ''. ``choices``: the values a column may hold."""
    return tuple(row for _, row in read_numbered_table(name, **choices))


@cache
def read_numbered_table(name: str, **choices: tuple[str, ...]) -> tuple[tuple[int, dict[str, str]], ...]:
    """The rows of ``read_table`` with the line each stands on, for messages about a row."""
    numbered = _table_lines(name)
    if not numbered:
        raise SourceError(f"{TABLES / name}: no header line")
    header, rows = numbered[0][1].split("\t"), []
    for n, line in numbered[1:]:
        cells = line.split("\t")
        if len(cells) != len(header):
            raise SourceError(f"{TABLES / name}:{n}: {len(cells)} cells, the header has {len(header)}")
        rows.append((n, dict(zip(header, cells))))
        _check_values(name, n, rows[-1][1], choices)
    return tuple(rows)


@cache
def read_records(
    name: str, required: frozenset[str], optional: frozenset[str] = frozenset(), **choices: tuple[str, ...]
) -> tuple[dict, ...]:
    """One JSON object a line, each with all ``required`` keys and no keys beyond ``optional``;
    ``choices``: the values a key may hold."""
    records = []
    for n, line in _table_lines(name):
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise SourceError(f"{TABLES / name}:{n}: invalid JSON ({err.msg})") from None
        if not isinstance(record, dict):
            raise SourceError(f"{TABLES / name}:{n}: not a JSON object")
        missing, unknown = required - set(record), set(record) - required - optional
        if missing or unknown:
            problem = f"missing {sorted(missing)}" if missing else f"unknown key(s) {sorted(unknown)}"
            raise SourceError(f"{TABLES / name}:{n}: {problem}")
        _check_values(name, n, record, choices)
        records.append(record)
    return tuple(records)


# -- sources ----------------------------------------------------------------------


def read_csv(path: Path) -> list[dict[str, str]]:
    """A CSV file with a header, every cell stripped."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]
    except OSError as err:
        raise SourceError(f"{path}: cannot read ({err.strerror})") from None
    except (csv.Error, UnicodeDecodeError) as err:
        raise SourceError(f"{path}: not a UTF-8 CSV file ({err})") from None


def default_shared() -> Path:
    env = os.environ.get("KAMER_SHARED")  # the same override the test suite honours
    return Path(env) if env else REPO.parent / "shared"


# -- writing and the command line ----------------------------------------------------


def write_atomic(path: Path, text: str) -> bool:
    """Write text via a temporary file in the same folder and a rename, so readers
    never see a partial file. Returns whether the content changed."""
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return True


def run(builders: Sequence[Builder], argv: Sequence[str] | None, doc: str | None) -> int:
    """Build every file, print the summaries, then write the files (or with --check, compare them).

    Nothing is written unless every builder succeeded."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=default_shared(), help="the shared folder (default: ../shared)")
    parser.add_argument(
        "--resources", type=Path, default=RESOURCES, help="where to write (default: pipeline/resources)"
    )
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a file is out of date")
    args = parser.parse_args(argv)

    if not (args.shared / "data" / "gazetteers").is_dir():
        print(f"error: {args.shared}/data/gazetteers not found (use --shared)", file=sys.stderr)
        return 2
    try:
        built = [build(args.shared) for build in builders]
    except SourceError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print("".join(b.summary for b in built), end="")
    outputs = {args.resources / b.path: b.text for b in built}

    if args.check:
        stale = [p for p, text in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        for p in stale:
            print(f"out of date: {p}", file=sys.stderr)
        return 1 if stale else 0
    for path, text in outputs.items():
        changed = write_atomic(path, text)
        print(f"{'wrote' if changed else 'unchanged'}: {path}")
    return 0
