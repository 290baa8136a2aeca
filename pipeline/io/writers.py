"""Atomic output: write a temp file beside the target, rename only when complete. JSONL lines in one format."""

import functools
import io
import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterator, Optional, TextIO, Union

import jsonlines

# stable: same input -> byte-identical output (", " and ": " separators, text kept as UTF-8, not \u-escaped)
_dumps = functools.partial(json.dumps, ensure_ascii=False, separators=(", ", ": "))


def normal_mode() -> int:
    """The mode a plain open() would give a new file: 0o666 less the umask."""
    try:  # Linux: read without changing it (os.umask would race other threads)
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def atomic_writer(path: Union[str, Path], encoding: str = "utf-8") -> Iterator[TextIO]:
    """Yield a text handle; the target appears (or is replaced) only on success, with normal permissions."""
    with _atomic_file(path, "w", encoding) as handle:
        yield handle


def write_bytes_atomically(path: Union[str, Path], data: bytes) -> None:
    """``data`` as the whole file ``path``, which appears (or is replaced) only once it is complete."""
    with _atomic_file(path, "wb", None) as handle:
        handle.write(data)


@contextmanager
def _atomic_file(path: Union[str, Path], mode: str, encoding: Optional[str]) -> Iterator[Any]:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, normal_mode())  # mkstemp makes 0600, which would hide CSV and HTML from colleagues
        with os.fdopen(fd, mode, encoding=encoding, newline=None if "b" in mode else "") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def json_lines_writer(handle: IO[str]) -> jsonlines.Writer:
    """A jsonlines Writer over an open text handle (e.g. from atomic_writer) that writes our line format."""
    return jsonlines.Writer(handle, dumps=_dumps)


def dump_json_line(obj: Any) -> str:
    """One JSONL line for obj, newline included, exactly as json_lines_writer writes it.

    Extraction workers hand finished lines (strings) to the journal, so the line is made here, not on a file.
    """
    buffer = io.StringIO()
    with json_lines_writer(buffer) as writer:
        writer.write(obj)
    return buffer.getvalue()
