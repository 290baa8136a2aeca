"""Annotate a stream of documents into JSONL: bounded memory, long texts in pieces, resumable.

Memory of the base model grows with the length of the text it is given at
once (about 3.7 GB per million characters for the bundled model), so a long
document is cut into pieces of at most PIECE_CHARS characters and each piece
goes through the pipeline on its own, never batched with the others. Short
documents, the usual case, are batched with nlp.pipe as before.
"""

import itertools
import re
from typing import AbstractSet, Callable, Generator, Iterable, Iterator, List, Optional, Tuple

from spacy.language import Language

from pipeline.io.readers import InputDoc, InputProblem
from pipeline.io.writers import dump_json_line
from pipeline.records import doc_to_record, spans_key_of
from pipeline.run.limits import DEFAULT_MAX_CHARS, PIECE_CHARS
from pipeline.run.workers import Pool
from pipeline.span_ids import span_id

BREAKS = [re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+")]


def iter_pieces(text: str, max_len: int) -> Iterator[Tuple[int, str]]:
    """Cut a text longer than max_len at paragraph, line, sentence or word breaks: (offset, piece), lazily."""
    start = 0
    while len(text) - start > max_len:
        window = text[start : start + max_len]
        cut = None
        for pattern in BREAKS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() > max_len // 2]
            if ends:
                cut = ends[-1]
                break
        cut = cut or max_len
        yield start, window[:cut]
        start += cut
    yield start, text[start:]


def merge(records: Iterable[Tuple[int, dict]], text: str) -> dict:
    """One record from the (offset, record) of a text's pieces, offsets shifted back into the whole text.

    Consumes the records one by one and keeps only their spans and meta, so a long text is held once.
    """
    merged: Optional[dict] = None
    count = 0
    for offset, record in records:
        spans = [shifted(span, offset, record["id"]) for span in record["spans"]]
        if merged is None:
            merged = {**record, "text": text, "spans": spans, "meta": dict(record["meta"])}
        else:
            merged["spans"] += spans
            meta = merged["meta"]
            for key, value in record["meta"].items():
                if meta.get(key) in (None, []) and value not in (None, []):
                    meta[key] = value  # e.g. the signature, found in the last piece
        count += 1
    if merged is None:
        raise ValueError("merge() needs the record of at least one piece")
    merged["meta"]["pieces"] = count
    return merged


def shifted(span: dict, offset: int, doc_id: str) -> dict:
    """A piece's span moved by ``offset`` into the whole text, with the id of its new offsets."""
    start, end = span["start"] + offset, span["end"] + offset
    return {**span, "id": span_id(doc_id, start, end, span["label"]), "start": start, "end": end}


def accepted(
    items: Iterable,
    on_problem: Callable[[InputProblem], None],
    skip: AbstractSet[str] = frozenset(),
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[InputDoc]:
    """The documents to annotate: problems and texts longer than max_chars (0: no limit) go to on_problem."""
    for item in items:
        if isinstance(item, InputProblem):
            on_problem(item)
        elif item.id in skip:
            continue
        elif max_chars and len(item.text) > max_chars:
            on_problem(
                InputProblem(
                    item.source,
                    f"{len(item.text):,} characters, more than --max-chars "
                    f"{max_chars:,} (pass --max-chars 0 for no limit)",
                )
            )
        else:
            yield item


def annotated_lines(nlp: Language, docs: Iterable[InputDoc], batch_size: int = 16) -> Generator[str, None, None]:
    """One JSON line per document, in input order: runs of short documents batched, long ones piece by piece."""
    base = nlp.meta["kamer_base"]
    key = spans_key_of(nlp)
    size = min(nlp.max_length, PIECE_CHARS)
    for long, run in itertools.groupby(docs, key=lambda doc: len(doc.text) > size):
        if long:
            for item in run:
                parts = (
                    (offset, doc_to_record(nlp(piece), item.id, item.source, base, key))
                    for offset, piece in iter_pieces(item.text, size)
                )
                yield dump_json_line(with_origin(merge(parts, item.text), item))
        else:
            for doc, item in nlp.pipe(((d.text, d) for d in run), as_tuples=True, batch_size=batch_size):
                yield dump_json_line(with_origin(doc_to_record(doc, item.id, item.source, base, key), item))


def with_origin(record: dict, item: InputDoc) -> dict:
    """The record's meta says what the text was extracted from: its format (txt, pdf, html, xml, jsonl) and file."""
    record["meta"].update(source_format=item.source_format, file_name=item.file_name)
    return record


def annotate(
    nlp: Language,
    items: Iterable,
    write: Callable[[str], None],
    on_problem: Callable[[InputProblem], None],
    skip: AbstractSet[str] = frozenset(),
    batch_size: int = 16,
    n_process: int = 1,
    progress: Optional[Callable[[str], None]] = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> int:
    """Annotate documents in input order; `write` gets one JSON line per document (ids in `skip` are done).

    ``progress`` hears each line after it is written (pipeline.run.progress counts documents, words and spans).

    With n_process > 1 the documents go in batches to forked worker processes (pipeline.run.workers); a dead
    worker raises WorkerDied, and the lines written so far stay written.
    """
    docs = accepted(items, on_problem, skip, max_chars)
    lines = _in_workers(nlp, docs, batch_size, n_process) if n_process > 1 else annotated_lines(nlp, docs, batch_size)
    written = 0
    try:
        for line in lines:
            write(line)
            written += 1
            if progress:
                progress(line)
    finally:
        lines.close()  # now, not when garbage collected: an interrupted run stops its workers at once
    return written


def _in_workers(nlp: Language, docs: Iterable[InputDoc], batch_size: int, n_process: int) -> Generator[str, None, None]:
    """The lines of annotated_lines(), computed by forked workers (which inherit nlp), a batch per task."""

    def work(batch: List[InputDoc]) -> List[str]:
        return list(annotated_lines(nlp, batch, batch_size))

    with Pool(n_process, work) as pool:
        for lines in pool.imap(batches(docs, batch_size)):
            yield from lines


def batches(items: Iterable, size: int) -> Iterator[list]:
    """Lists of `size` consecutive items (the last one shorter)."""
    iterator = iter(items)
    while True:
        batch = list(itertools.islice(iterator, size))
        if not batch:
            return
        yield batch
