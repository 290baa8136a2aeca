"""Annotate a stream of documents into JSONL: bounded memory, long texts in pieces, resumable."""

import re
from typing import AbstractSet, Callable, Iterable, Iterator, List, Optional, Tuple

from spacy.language import Language

from .io.readers import InputProblem
from .io.writers import dump_json_line
from .records import doc_to_record

BREAKS = [re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+")]


def pieces(text: str, max_len: int) -> List[Tuple[int, str]]:
    """Cut a text longer than max_len at paragraph, line, sentence or word breaks: (offset, piece)."""
    out, start = [], 0
    while len(text) - start > max_len:
        window = text[start: start + max_len]
        cut = None
        for pattern in BREAKS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() > max_len // 2]
            if ends:
                cut = ends[-1]
                break
        cut = cut or max_len
        out.append((start, text[start: start + cut]))
        start += cut
    out.append((start, text[start:]))
    return out


def merge(records: List[dict], offsets: List[int], text: str) -> dict:
    """One record from the records of a text's pieces, offsets shifted back into the whole text."""
    merged = dict(records[0])
    merged["text"] = text
    merged["spans"] = [
        {**span, "start": span["start"] + off, "end": span["end"] + off} for rec, off in zip(records, offsets)
        for span in rec["spans"]
    ]
    meta = dict(records[0]["meta"])
    for rec in records[1:]:
        for key, value in rec["meta"].items():
            if meta.get(key) in (None, []) and value not in (None, []):
                meta[key] = value  # e.g. the signature, found in the last piece
    meta["pieces"] = len(records)
    merged["meta"] = meta
    return merged


def annotate(
    nlp: Language,
    items: Iterable,
    write: Callable[[str], None],
    on_problem: Callable[[InputProblem], None],
    skip: AbstractSet[str] = frozenset(),
    batch_size: int = 16,
    n_process: int = 1,
    progress: Optional[Callable[[], None]] = None,
) -> int:
    """Annotate documents in input order; `write` gets one JSON line per document (ids in `skip` are done)."""
    base = nlp.meta["kamer_base"]
    max_len = nlp.max_length

    def stream() -> Iterator[Tuple[str, tuple]]:
        for item in items:
            if isinstance(item, InputProblem):
                on_problem(item)
            elif item.id not in skip:
                parts = pieces(item.text, max_len)
                for k, (offset, piece) in enumerate(parts):
                    yield piece, (item, offset, k, len(parts))

    written = 0
    pending: List[dict] = []
    offsets: List[int] = []
    for doc, (item, offset, k, total) in nlp.pipe(stream(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        pending.append(doc_to_record(doc, item.id, item.source, base))
        offsets.append(offset)
        if k == total - 1:
            record = pending[0] if total == 1 else merge(pending, offsets, item.text)
            write(dump_json_line(record))
            pending, offsets = [], []
            written += 1
            if progress:
                progress()
    return written
