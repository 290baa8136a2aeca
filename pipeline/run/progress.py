"""What a long `extract` run tells its user while it works, and at the end.

On a terminal a tqdm bar with the total, the time left and the words per
second; in a log file (stderr not a terminal) a plain line every few seconds,
since a bar's carriage returns make an unreadable log and silence makes a
stuck run look like a busy one. At the end a summary of this run: documents,
words, spans per label, errors, elapsed time and words per second.

Counts come from the JSON lines as they are written, so every engine (one
process, worker processes, Dask) reports the same way.
"""

import json
import time
from collections import Counter
from typing import Callable, List, Optional, TextIO

from tqdm import tqdm

from pipeline.schema import LABELS, STATUSES, TOEZEGGING

DEFAULT_EVERY_SECONDS = 5.0
# the first documents carry the warming up, and from worker processes they arrive a batch at once: an estimate
# from fewer than this many (or a tenth of a small run) says "35 min left" for a run of two
MIN_DONE_FOR_ESTIMATE = 10


class Tally:
    """Documents, words (whitespace-separated, as in scripts/bench.py) and spans of the lines written."""

    def __init__(self) -> None:
        self.documents = 0
        self.words = 0
        self.labels: Counter[str] = Counter()
        self.statuses: Counter[str] = Counter()

    def add(self, line: str) -> None:
        record = json.loads(line)
        self.documents += 1
        self.words += len(record["text"].split())
        for span in record["spans"]:
            self.labels[span["label"]] += 1
            if span.get("status"):
                self.statuses[span["status"]] += 1

    def spans(self) -> str:
        """'MINISTER 25, ORGANISATIE 49, OPERATIE 0, TOEZEGGING 7 (nieuw 3, nagekomen 4)': every label, also at 0."""
        parts = []
        for label in [*LABELS, *sorted(set(self.labels) - set(LABELS))]:
            part = f"{label} {self.labels[label]:,}"
            if label == TOEZEGGING and self.labels[label]:
                statuses = [*STATUSES, *sorted(set(self.statuses) - set(STATUSES))]
                part += " (" + ", ".join(f"{status} {self.statuses[status]:,}" for status in statuses) + ")"
            parts.append(part)
        return ", ".join(parts)


class Progress:
    """Counts a run's documents and shows how far it is; `written` per JSON line, `skipped` per bad input.

    ``total``: the items the inputs hold (readers.count_documents), ``resumed``: those an earlier run wrote.
    ``terminal``: a tqdm bar; otherwise a line at most every ``every`` seconds (0: after each document).
    """

    def __init__(
        self,
        total: int,
        stream: TextIO,
        terminal: bool,
        resumed: int = 0,
        every: float = DEFAULT_EVERY_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total, self.resumed, self.stream, self.every, self.clock = total, resumed, stream, every, clock
        self.tally = Tally()
        self.skipped_inputs = 0
        self.started = clock()
        self.next_line = self.started + every
        self.bar: Optional[tqdm] = None
        if terminal:
            self.bar = tqdm(total=total, initial=resumed, unit="doc", desc="extract", file=stream, dynamic_ncols=True)
        else:
            done = f" ({resumed:,} written by the earlier run)" if resumed else ""
            self.echo(f"extract: {total:,} document(s) in the inputs{done}")

    @property
    def position(self) -> int:
        return self.resumed + self.tally.documents + self.skipped_inputs

    def written(self, line: str) -> None:
        self.tally.add(line)
        self._advance()

    def skipped(self) -> None:
        self.skipped_inputs += 1
        self._advance()

    def echo(self, message: str) -> None:
        """A line on stderr that does not tear the bar."""
        if self.bar is not None:
            self.bar.write(message, file=self.stream)
        else:
            print(message, file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def _advance(self) -> None:
        now = self.clock()
        if self.bar is not None:
            self.bar.set_postfix_str(f"{self.tally.words:,} words, {self._words_per_second(now):,.0f} words/s", False)
            self.bar.update(1)
        elif now >= self.next_line:
            self.echo(self.line(now))
            self.next_line = now + self.every

    def line(self, now: float) -> str:
        """'extract: 120/400 documents, 35,000 words, 1,200 words/s, about 3 min left'."""
        text = (
            f"extract: {self.position:,}/{self.total:,} documents, {self.tally.words:,} words, "
            f"{self._words_per_second(now):,.0f} words/s"
        )
        left = self.seconds_left(now)
        return text if left is None else f"{text}, about {rough(left)} left"

    def seconds_left(self, now: float) -> Optional[float]:
        """From this run's pace in documents; None when nothing is left or too little done yet to judge by."""
        done = self.tally.documents + self.skipped_inputs
        remaining = self.total - self.position
        if remaining <= 0 or done < min(MIN_DONE_FOR_ESTIMATE, max(1, self.total // 10)):
            return None
        return remaining * (now - self.started) / done

    def summary(self, errors: int) -> List[str]:
        """The closing lines of a run (or of the part an interruption let it do)."""
        now = self.clock()
        earlier = f" (and {self.resumed:,} written by the earlier run)" if self.resumed else ""
        return [
            f"summary: {self.tally.documents:,} document(s){earlier}, {self.tally.words:,} words "
            f"in {exact(now - self.started)}, {self._words_per_second(now):,.0f} words/s",
            f"summary: spans {self.tally.spans()}",
            f"summary: errors {errors:,}" + (" (skipped inputs, listed above)" if errors else ""),
        ]

    def _words_per_second(self, now: float) -> float:
        elapsed = now - self.started
        return self.tally.words / elapsed if elapsed > 0 else 0.0


def rough(seconds: float) -> str:
    """An estimate as a person says it: '40 s', '3 min', '2 h 5 min'."""
    if seconds < 60:
        return f"{max(1, round(seconds))} s"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60} min"


def exact(seconds: float) -> str:
    """A measured time: '12.3 s', '3 min 05 s', '1 h 02 min'."""
    if seconds < 60:
        return f"{seconds:.1f} s"
    whole = round(seconds)
    if whole < 3600:
        return f"{whole // 60} min {whole % 60:02d} s"
    return f"{whole // 3600} h {whole % 3600 // 60:02d} min"
