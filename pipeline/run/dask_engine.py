"""Run extraction on a Dask cluster: partitions of documents, one pipeline per worker.

Each partition is annotated on a worker (the pipeline is loaded once per
worker process and kept), written there as a JSONL part file atomically, and
the parts are merged into the journal in input order, so the result is the
same file, byte for byte, as a single-process run. Part files live in a
folder beside the output, so workers and client must share that filesystem
(a laptop, or a cluster with a shared disk).
"""

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Dict, Iterable, List, Optional, Tuple

from pipeline.io.journal import Journal
from pipeline.io.readers import InputDoc, InputProblem
from pipeline.io.writers import atomic_writer
from pipeline.run.extraction import accepted, annotated_lines, batches
from pipeline.run.limits import DEFAULT_MAX_CHARS

if TYPE_CHECKING:
    from spacy.language import Language

_PIPELINES: Dict[Tuple[Optional[str], Optional[str]], "Language"] = {}  # per worker process: (base, parse) -> nlp


class DaskError(RuntimeError):
    """The scheduler cannot be reached; the message is one line."""


def connect(scheduler: str):
    """A distributed.Client for the scheduler; checked before any file is made, so a typo leaves nothing behind.

    How long to keep trying is Dask's setting distributed.comm.timeouts.connect (30 s unless configured).
    """
    from distributed import Client

    try:
        return Client(scheduler)
    except (OSError, TimeoutError, ValueError, TypeError) as err:
        raise DaskError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None


def _pipeline(base: Optional[str], parse: Optional[str] = None):
    if (base, parse) not in _PIPELINES:
        from pipeline.assemble import load

        _PIPELINES[(base, parse)] = load(base, parse=parse)
    return _PIPELINES[(base, parse)]


def annotate_partition(docs: List[InputDoc], base: Optional[str], part: str, parse: Optional[str] = None) -> str:
    """Runs on a worker: annotate one partition into its part file."""
    with atomic_writer(part) as handle:
        handle.writelines(annotated_lines(_pipeline(base, parse), docs))
    return part


def run_dask(
    client,
    items: Iterable,
    journal: Journal,
    on_problem: Callable[[InputProblem], None],
    base: Optional[str],
    partition_size: int = 32,
    max_chars: int = DEFAULT_MAX_CHARS,
    parse: Optional[str] = None,
    progress: Optional[Callable[[str], None]] = None,
) -> int:
    """Annotate on the cluster of `client` (see connect()) into the journal; the client is closed at the end.

    ``progress`` hears each JSON line as it reaches the journal (a partition at a time, in input order).
    """
    # absolute: workers may run in another directory, or on another machine with the same shared disk
    parts_dir = journal.target.absolute().with_name(journal.target.name + ".parts")
    parts_dir.mkdir(exist_ok=True)
    docs = accepted(items, on_problem, journal.done, max_chars)
    written = 0
    futures: list = []
    with client:
        try:
            in_flight = max(2, 2 * len(client.scheduler_info().get("workers", {})))
            for n, batch in enumerate(batches(docs, partition_size)):
                part = str(parts_dir / f"part-{n:06d}.jsonl")
                futures.append((client.submit(annotate_partition, batch, base, part, parse, pure=False), len(batch)))
                if len(futures) >= in_flight:
                    written += _drain(futures.pop(0), journal, progress)
            while futures:
                written += _drain(futures.pop(0), journal, progress)
        finally:  # done or failed: part files are never the output, and --resume starts from the journal
            if futures:
                _cancel(client, futures)
            shutil.rmtree(parts_dir, ignore_errors=True)
    return written


def _drain(entry, journal: Journal, progress: Optional[Callable[[str], None]] = None) -> int:
    future, size = entry
    part = Path(future.result())  # in input order: the oldest partition first
    text = part.read_text(encoding="utf-8")
    journal.write(text)
    part.unlink()
    if progress:
        for line in text.splitlines(keepends=True):
            progress(line)
    return size


def _cancel(client, futures) -> None:
    """Best effort: stop partitions not yet started, so fewer part files appear after the folder is gone."""
    try:
        client.cancel([future for future, _ in futures])
    except Exception:  # noqa: BLE001  the connection is already gone: nothing more to do
        pass
