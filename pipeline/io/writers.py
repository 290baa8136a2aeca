"""Atomic output: write a temp file beside the target, rename only when complete."""

import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO, Union


@contextmanager
def atomic_writer(path: Union[str, Path], encoding: str = "utf-8") -> Iterator[TextIO]:
    """Yield a text handle; the target appears (or is replaced) only on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def dump_json_line(obj) -> str:
    # stable: same input -> byte-identical output
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": ")) + "\n"
