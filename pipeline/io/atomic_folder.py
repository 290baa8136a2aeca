"""A folder written whole or not at all (`save`): built beside its target, then swapped in.

spaCy's to_disk creates only the last folder of its path (so `build/pipeline`
failed on a fresh checkout without `build/`) and writes into an existing
folder file by file, so an interrupted save left a mixture of two pipelines.
"""

import shutil
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from pipeline.io.guards import GuardError, check_writable


def check_replaceable(target: Path, markers: Iterable[str]) -> None:
    """Before any work: the target is new, empty, or an earlier output of the same kind (holds every marker file).

    A folder of other files is never replaced: `save .` must not delete the checkout.
    """
    target = Path(target)
    if target.exists():
        if not target.is_dir():
            raise GuardError(f"output {target} is a file; give a folder")
        if any(target.iterdir()) and not all((target / name).is_file() for name in markers):
            raise GuardError(
                f"output {target} is a folder that holds other files (not a saved pipeline); give a new or empty folder"
            )
    check_writable(target.parent)


@contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """Yield a new folder beside target (made with normal permissions); on success it replaces target."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    building = _unique(target, "tmp")
    building.mkdir()
    try:
        yield building
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    _swap(building, target)


def _swap(new: Path, target: Path) -> None:
    """Put `new` in the place of `target`; should that fail, the old target is put back."""
    old = None
    if target.exists():
        old = _unique(target, "old")
        target.rename(old)
    try:
        new.rename(target)
    except BaseException:
        if old is not None:
            old.rename(target)
        shutil.rmtree(new, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old)


def _unique(target: Path, kind: str) -> Path:
    return target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.{kind}")
