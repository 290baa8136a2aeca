"""Run extraction on a Dask cluster: partitions of documents, one pipeline per worker.

Each partition is annotated on a worker (the pipeline is loaded once per
worker process and kept), written there as a JSONL part file atomically, and
the parts are merged into the journal in input order, so the result is the
same file, byte for byte, as a single-process run. Part files live in a
folder beside the output, so workers and client must share that filesystem
(a laptop, or a cluster with a shared disk).
"""

import itertools
import shutil
from pathlib import Path
from typing import Callable, Iterable, List, Optional

from .io.journal import Journal
from .io.readers import InputDoc, InputProblem
from .io.writers import atomic_writer

_PIPELINES = {}  # per worker process: base -> nlp


def _pipeline(base: Optional[str]):
    if base not in _PIPELINES:
        from .load import load

        _PIPELINES[base] = load(base)
    return _PIPELINES[base]


def annotate_partition(docs: List[InputDoc], base: Optional[str], part: str) -> str:
    """Runs on a worker: annotate one partition into its part file."""
    from .extraction import annotate

    with atomic_writer(part) as handle:
        annotate(_pipeline(base), docs, handle.write, on_problem=lambda p: None)
    return part


def run_dask(
    scheduler: str,
    items: Iterable,
    journal: Journal,
    on_problem: Callable[[InputProblem], None],
    base: Optional[str],
    partition_size: int = 32,
) -> int:
    from distributed import Client

    parts_dir = journal.target.with_name(journal.target.name + ".parts")
    parts_dir.mkdir(exist_ok=True)
    docs = (i for i in _accepted(items, on_problem) if i.id not in journal.done)
    written = 0
    with Client(scheduler) as client:
        in_flight = max(2, 2 * len(client.scheduler_info().get("workers", {})))
        futures = []
        for n, batch in enumerate(_batches(docs, partition_size)):
            part = str(parts_dir / f"part-{n:06d}.jsonl")
            futures.append((client.submit(annotate_partition, batch, base, part, pure=False), len(batch)))
            if len(futures) >= in_flight:
                written += _drain(futures.pop(0), journal)
        for future in futures:
            written += _drain(future, journal)
    shutil.rmtree(parts_dir, ignore_errors=True)
    return written


def _drain(entry, journal: Journal) -> int:
    future, size = entry
    part = Path(future.result())  # in input order: the oldest partition first
    journal.write(part.read_text(encoding="utf-8"))
    part.unlink()
    return size


def _accepted(items, on_problem):
    for item in items:
        if isinstance(item, InputProblem):
            on_problem(item)
        else:
            yield item


def _batches(iterable, size):
    iterator = iter(iterable)
    while True:
        batch = list(itertools.islice(iterator, size))
        if not batch:
            return
        yield batch
