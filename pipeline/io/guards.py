"""Checks made before any work starts: an output never replaces an input, and it can be written at all.

Paths are compared resolved (symbolic links followed), so a link to an input
or a path spelled differently is caught as well.
"""

import codecs
import tempfile
from pathlib import Path
from typing import Iterable, Optional

from pipeline.io.encodings import is_text_encoding


class GuardError(ValueError):
    """A run that must not start; the message is one line."""


def check_output(output: Path, inputs: Iterable[Optional[Path]], companions: Iterable[str] = ()) -> None:
    """An output file that is no input, not in an input folder, and writable.

    ``companions``: suffixes of files written beside it (OUT.partial, ...), checked the same way.
    """
    if output.is_dir():
        raise GuardError(f"output {output} is a directory; give a file name such as {output / 'out.jsonl'}")
    if output.exists() and not output.is_file():
        # /dev/stdout, a FIFO or a socket: the atomic rename would replace the device link itself
        raise GuardError(f"output {output} is not a regular file (a device, FIFO or socket); give a file name")
    refuse_overwriting_inputs(inputs, files=[output, *(output.with_name(output.name + s) for s in companions)])
    check_writable(output.parent)


def check_output_folder(
    folder: Path, inputs: Iterable[Optional[Path]], writes: Iterable[str] = (), subfolders: Iterable[str] = ()
) -> None:
    """An output folder: files ``writes`` and everything under ``subfolders`` inside it may be replaced."""
    if folder.exists() and not folder.is_dir():
        refuse_overwriting_inputs(inputs, files=[folder])
        raise GuardError(f"output {folder} is a file; give a folder")
    refuse_overwriting_inputs(
        inputs, files=[folder, *(folder / name for name in writes)], folders=[folder / name for name in subfolders]
    )
    check_writable(folder)


def refuse_overwriting_inputs(
    inputs: Iterable[Optional[Path]], files: Iterable[Path] = (), folders: Iterable[Path] = ()
) -> None:
    """Refuse when a file to be written is an input or lies in an input folder, or an input lies in ``folders``."""
    sources = [(Path(p), Path(p).resolve()) for p in inputs if p is not None]
    folders = list(folders)
    for out in [*files, *folders]:
        real = Path(out).resolve()
        for given, source in sources:
            if real == source:
                raise GuardError(f"{out} is also an input ({given}); choose another output")
            if source.is_dir() and real.is_relative_to(source):
                raise GuardError(f"{out} is inside the input folder {given}; choose an output outside it")
    for folder in folders:
        real = Path(folder).resolve()
        for given, source in sources:
            if source.is_relative_to(real):
                raise GuardError(
                    f"input {given} is inside {folder}, which this command writes over; choose another output"
                )


def check_writable(folder: Path) -> None:
    """Fail now, not after loading the model: the folder (or its nearest existing parent) must take a new file."""
    existing = Path(folder)
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise GuardError(f"cannot write to {folder}: {existing} is not a directory")
    try:
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as err:
        raise GuardError(f"cannot write to {folder}: {err.strerror or err}") from None


def check_encoding(encoding: str) -> None:
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise GuardError(f"unknown --encoding {encoding!r} (for example utf-8, cp1252 or latin-1)") from None
    if not is_text_encoding(info):
        raise GuardError(f"--encoding {encoding!r} is not a text encoding (for example utf-8, cp1252 or latin-1)")


def check_at_least_one(**options: int) -> None:
    """Counts such as --n-process: below 1 they would hang or fail deep inside spaCy or Dask."""
    for name, value in options.items():
        if value < 1:
            raise GuardError(f"--{name.replace('_', '-')} must be 1 or more (got {value})")
