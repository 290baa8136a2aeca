"""Resumable output: lines go to OUT.partial and become OUT only when the run completes.

An interrupted run leaves OUT untouched (no half-written output) and a journal
that `--resume` continues: complete lines are kept, a torn last line is cut
off, and documents already written are skipped, so the finished file equals
that of an uninterrupted run.

Beside the partial file (whose lines stay pure output records):
- OUT.partial.json, the header of the run (base, config hash, inputs, ...):
  `--resume` refuses a run that differs, since mixing would corrupt silently;
- OUT.lock, held for the whole run (see lock.py): two runs never share an output.
A fresh run refuses to empty a partial file holding finished work, and a run
that wrote nothing never replaces an existing OUT.
"""

import json
import os
from pathlib import Path
from typing import Iterable, Iterator, Optional, Set, Tuple

from pipeline.io.lock import OutputLock
from pipeline.io.readers import read_json_lines
from pipeline.io.writers import atomic_writer

RESTART_HINT = "start over with --restart (or delete it)"


class JournalError(ValueError):
    """The journal cannot be continued or committed as asked; the message is one line."""


class Journal:
    COMPANIONS = (".partial", ".partial.json", ".lock")  # files beside OUT, in the order used below

    def __init__(self, target: Path, resume: bool = False, header: Optional[dict] = None, restart: bool = False):
        self.target = Path(target)
        self.partial, self.sidecar, lock = (self.target.with_name(self.target.name + s) for s in self.COMPANIONS)
        self.done: Set[str] = set()
        self.lines = 0
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.lock = OutputLock(lock, self.target).acquire()
        try:
            self._start(resume, restart, header)
            self.handle = self.partial.open("a", encoding="utf-8", newline="")
        except BaseException:
            self.lock.release()
            raise

    def _start(self, resume: bool, restart: bool, header: Optional[dict]) -> None:
        if resume and self.partial.exists():
            if header is not None:
                self._check_header(header)
            self.done, keep = self._scan()
            with self.partial.open("r+b") as fh:
                fh.truncate(keep)  # a torn last line
            return
        finished = len(self._scan()[0])
        if finished and not restart:
            raise JournalError(
                f"{self.partial} holds {finished} finished document(s) of an interrupted run: "
                f"continue it with --resume, or {RESTART_HINT}"
            )
        self.partial.write_bytes(b"")
        with atomic_writer(self.sidecar) as out:
            out.write(json.dumps(header or {}, ensure_ascii=False, indent=1) + "\n")

    def _check_header(self, header: dict) -> None:
        try:
            recorded = json.loads(self.sidecar.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise JournalError(
                f"{self.partial}: no record of the run that wrote it ({self.sidecar.name} missing "
                f"or unreadable), so it cannot be continued safely; {RESTART_HINT}"
            ) from None
        for key, value in header.items():
            if not isinstance(recorded, dict) or recorded.get(key) != value:
                was = recorded.get(key) if isinstance(recorded, dict) else None
                raise JournalError(
                    f"{self.partial} was started with other {key} ({_short(was)}; now {_short(value)})"
                    f": resume with the arguments of that run, or {RESTART_HINT}"
                )

    def _scan(self) -> Tuple[Set[str], int]:
        """Ids of the complete records in the partial file, and their length in bytes."""
        ids: Set[str] = set()
        keep = 0
        if not self.partial.exists():
            return ids, keep
        with self.partial.open("rb") as fh:
            for line in read_json_lines(_whole_lines(fh), skip_blank=False):
                if line.problem or not isinstance(line.value, dict) or "id" not in line.value:
                    break
                ids.add(line.value["id"])
                keep += len(line.raw)
        return ids, keep

    def write(self, line: str) -> None:
        self.handle.write(line)
        self.handle.flush()
        self.lines += line.count("\n")

    def commit(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        if not self.done and not self.lines:
            self._remove(self.partial, self.sidecar)
            kept = " (the existing file is kept)" if self.target.exists() else ""
            raise JournalError(f"nothing to write: no document could be read, so {self.target} was not written{kept}")
        os.replace(self.partial, self.target)
        self._remove(self.sidecar)
        self.lock.release()

    def close(self) -> None:
        """End the run; an uncommitted partial file stays for --resume."""
        if not self.handle.closed:
            self.handle.close()
        self.lock.release()

    @staticmethod
    def _remove(*paths: Path) -> None:
        for path in paths:
            path.unlink(missing_ok=True)


def _whole_lines(lines: Iterable[bytes]) -> Iterator[bytes]:
    for raw in lines:
        if not raw.endswith(b"\n"):
            return  # torn by the interruption
        yield raw


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "..."
