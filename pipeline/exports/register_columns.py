"""The columns of the toezeggingen CSV, read from resources/toezeggingen_columns.jsonl and checked on load."""

from dataclasses import dataclass, field
from typing import Dict, List, Optional

from pipeline.exports.register_fields import FIELDS
from pipeline.knowledge.resource_files import ResourceError, read_rule_file, resource_path

COLUMNS_FILE = "toezeggingen_columns.jsonl"


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str
    register: Optional[str] = None  # the field of the Kamer's register with this meaning
    values: Dict[str, str] = field(default_factory=dict)  # our value -> the register's word for it

    def shown(self, value: str) -> str:
        return self.values.get(value, value)


def read_columns(name: str = COLUMNS_FILE, root=None) -> List[Column]:
    """The columns in order; an unknown or repeated column, or values that are not text, stop with path:line."""
    columns: List[Column] = []
    for where, row in read_rule_file(name, root, "register_column"):
        column = row["column"]
        if column not in FIELDS:
            raise ResourceError(f"{where}: unknown column {column!r} (known: {', '.join(FIELDS)})")
        if any(c.name == column for c in columns):
            raise ResourceError(f"{where}: column {column!r} listed twice")
        values = row.get("values", {})
        if not isinstance(values, dict) or not all(isinstance(v, str) for v in [*values, *values.values()]):
            raise ResourceError(f"{where}: 'values' must map text to text")
        register = row.get("register")
        if register is not None and not isinstance(register, str):
            raise ResourceError(f"{where}: 'register' must be text")
        columns.append(Column(column, str(row["meaning"]), register, dict(values)))
    if not columns:
        raise ResourceError(f"{resource_path(name, root)}: no columns")
    return columns
