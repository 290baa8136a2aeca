"""Read the knowledge files under pipeline/resources/ (the only place components read from)."""

from pathlib import Path
from typing import Dict, List, Union

import srsly

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


class ResourceError(ValueError):
    """A resource file is missing or malformed."""


def resource_path(name: str, root: Union[str, Path, None] = None) -> Path:
    base = Path(root) if root else RESOURCES
    path = base / name
    if not path.exists():
        raise ResourceError(f"{path}: resource file not found")
    return path


def read_jsonl(name: str, root=None) -> List[dict]:
    path = resource_path(name, root)
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                rows.append(srsly.json_loads(line))
            except ValueError as err:
                raise ResourceError(f"{path}:{n}: invalid JSON ({err})") from None
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
    rows = [ln.rstrip("\r\n") for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    if not rows:
        return []
    header = rows[0].split("\t")
    out = []
    for n, row in enumerate(rows[1:], 2):
        cells = row.split("\t")
        if len(cells) != len(header):
            raise ResourceError(f"{name}:{n}: expected {len(header)} columns, got {len(cells)}")
        out.append(dict(zip(header, cells)))
    return out
