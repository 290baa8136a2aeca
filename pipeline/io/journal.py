"""Resumable output: lines go to OUT.partial and become OUT only when the run completes.

An interrupted run leaves OUT untouched (no half-written output) and a journal
that `--resume` continues: complete lines are kept, a torn last line is cut
off, and documents already written are skipped, so the finished file equals
that of an uninterrupted run.
"""

import json
import os
from pathlib import Path
from typing import Set


class Journal:
    def __init__(self, target: Path, resume: bool = False):
        self.target = Path(target)
        self.partial = self.target.with_name(self.target.name + ".partial")
        self.done: Set[str] = set()
        self.target.parent.mkdir(parents=True, exist_ok=True)
        if resume and self.partial.exists():
            self._recover()
        else:
            self.partial.write_bytes(b"")
        self.handle = self.partial.open("a", encoding="utf-8", newline="")

    def _recover(self) -> None:
        keep = 0
        with self.partial.open("rb") as fh:
            for raw in fh:
                if not raw.endswith(b"\n"):
                    break  # torn by the interruption
                try:
                    self.done.add(json.loads(raw)["id"])
                except (ValueError, KeyError, TypeError):
                    break
                keep += len(raw)
        with self.partial.open("r+b") as fh:
            fh.truncate(keep)

    def write(self, line: str) -> None:
        self.handle.write(line)
        self.handle.flush()

    def commit(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        os.replace(self.partial, self.target)

    def close(self) -> None:
        if not self.handle.closed:
            self.handle.close()
