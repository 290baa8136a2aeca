"""Read the knowledge files under pipeline/resources/ (the only place components read from)."""

from pathlib import Path
from typing import Callable, Dict, List, NamedTuple, Union

import srsly

from pipeline.knowledge.rule_schemas import row_problem, with_defaults

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


class ResourceError(ValueError):
    """A resource file is missing or malformed."""


def resource_path(name: str, root: Union[str, Path, None] = None) -> Path:
    base = Path(root) if root else RESOURCES
    path = base / name
    if not path.exists():
        raise ResourceError(f"{path}: resource file not found")
    return path


class Located(NamedTuple):
    where: str  # "path:line", the start of every message about this row
    row: dict


def read_jsonl(name: str, root=None) -> List[dict]:
    return [located.row for located in read_located(name, root)]


def read_located(name: str, root=None) -> List[Located]:
    """The rows of a JSONL file with where each stands; '//' starts a comment line."""
    path = resource_path(name, root)
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                rows.append(Located(f"{path}:{n}", srsly.json_loads(line)))
            except ValueError as err:
                raise ResourceError(f"{path}:{n}: invalid JSON ({err})") from None
    return rows


def read_rule_file(name: str, root, kind: Union[str, Callable[[dict], str]]) -> List[Located]:
    """Rows checked against their kind's schema (rule_schemas.py), with the kind's defaults filled in.

    ``kind`` is a kind name, or a function that tells a row's kind (a blocker among toezegging rules).
    """
    rows = []
    for where, row in read_located(name, root):
        if not isinstance(row, dict):
            raise ResourceError(f"{where}: a row must be a JSON object")
        row_kind = kind(row) if callable(kind) else kind
        problem = row_problem(row, row_kind)
        if problem:
            raise ResourceError(f"{where}: {problem}")
        rows.append(Located(where, with_defaults(row, row_kind)))
    return rows


def read_list(name: str, root=None) -> List[str]:
    """One entry per line; '#' starts a comment line."""
    path = resource_path(name, root)
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def read_tsv(name: str, root=None) -> List[Dict[str, str]]:
    """Tab-separated with a header line; '#' lines are comments."""
    path = resource_path(name, root)
    lines = path.read_text(encoding="utf-8").splitlines()
    # trailing tabs are empty cells, so lines are not stripped
    rows = [(n, ln.rstrip("\r\n")) for n, ln in enumerate(lines, 1) if ln.strip() and not ln.lstrip().startswith("#")]
    if not rows:
        return []
    header = rows[0][1].split("\t")
    out = []
    for n, row in rows[1:]:  # n: the line in the file, comments counted
        cells = row.split("\t")
        if len(cells) != len(header):
            raise ResourceError(f"{path}:{n}: expected {len(header)} columns, got {len(cells)}")
        out.append(dict(zip(header, cells)))
    return out
