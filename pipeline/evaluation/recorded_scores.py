"""The latest measured scores, kept in git (data/scores.json) for the pipeline's own meta.

`evaluate --record NAME` stores the numbers of a run under the name of its
gold set and the base model that made the predictions; pipeline.package_meta
puts those of the pipeline's base into meta.json. Only numbers are kept (no
span text, no document ids), so letters whose text may not be committed
never reach the file.
"""

import datetime
import json
from pathlib import Path
from typing import Any, Dict, Iterable, Union

from pipeline.io.writers import atomic_writer

SCORES_FILE = Path(__file__).resolve().parents[2] / "data" / "scores.json"
# the parts of `evaluate --json` worth keeping: per label, micro-average, commitments, attributes
KEPT = ("entities", "entities_micro", "TOEZEGGING", "attributes")
_LEFT_OUT = object()


class ScoresFileError(ValueError):
    """The scores file is not what `evaluate --record` writes; the message is one line."""


def read_recorded(path: Union[str, Path] = SCORES_FILE) -> Dict[str, Dict[str, dict]]:
    """{gold set: {base model: record}}; empty when nothing was recorded yet (or the package is installed alone)."""
    path = Path(path)
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ScoresFileError(f"{path}: not readable as JSON ({err})") from None
    shape = "expected {gold set: {base model: {..., 'scores': {...}}}}"
    if not isinstance(data, dict):
        raise ScoresFileError(f"{path}: {shape}")
    for name, bases in data.items():
        for base, record in bases.items() if isinstance(bases, dict) else [(None, None)]:
            if not isinstance(record, dict) or not isinstance(record.get("scores"), dict):
                raise ScoresFileError(f"{path}: {name}: {base or 'the value'}: {shape}")
    return data


def record_scores(
    path: Union[str, Path],
    name: str,
    base: str,
    gold: Union[str, Path],
    documents: int,
    numbers: dict,
    today: Union[datetime.date, None] = None,
) -> dict:
    """Store (replace) the record of gold set `name` on `base`; the other records stay. Returns the record."""
    data = read_recorded(path)
    record = {
        "date": (today or datetime.date.today()).isoformat(),
        "gold": Path(gold).as_posix(),
        "documents": documents,
        "scores": numbers_only({key: numbers[key] for key in KEPT if key in numbers}),
    }
    data.setdefault(name, {})[base] = record
    with atomic_writer(path) as out:
        out.write(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return record


def numbers_only(value: Any) -> Any:
    """`value` with everything but numbers and null ratios left out (text, lists), nested dicts kept."""
    kept = _numbers(value)
    return {} if kept is _LEFT_OUT else kept


def _numbers(value: Any) -> Any:
    if isinstance(value, dict):
        items: Iterable = ((str(k), _numbers(v)) for k, v in value.items())
        return {k: v for k, v in items if v is not _LEFT_OUT}
    if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return value
    return _LEFT_OUT
