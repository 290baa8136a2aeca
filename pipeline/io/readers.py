"""Turn command-line inputs (files, folders, JSONL) into (id, text, source) documents.

Problems with one input never stop the others: they are yielded as
``InputProblem`` with a one-line message naming the file, and the caller
decides what to do (the CLI reports them and exits non-zero at the end).
"""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Union


DEFAULT_CORPUS_ROOT = Path("../shared")


@dataclass(frozen=True)
class InputDoc:
    id: str
    text: str
    source: str


@dataclass(frozen=True)
class InputProblem:
    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


Item = Union[InputDoc, InputProblem]


def iter_inputs(
    paths: Iterable[Union[str, Path]], corpus_root: Union[str, Path, None] = None, encoding: str = "utf-8"
) -> Iterator[Item]:
    """Documents from files, folders and JSONL (full lines, or stand-off lines read from corpus_root)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not files:
                yield InputProblem(str(path), "directory contains no .txt files")
            for file in files:
                yield read_text_file(file, encoding)
        elif path.suffix == ".jsonl":
            yield from read_jsonl_inputs(path, Path(corpus_root) if corpus_root else DEFAULT_CORPUS_ROOT)
        elif path.is_file():
            yield read_text_file(path, encoding)
        else:
            yield InputProblem(str(path), "no such file or directory")


def decode(data: bytes, encoding: str = "utf-8") -> str:
    """UTF-8 by default (a BOM is dropped); another encoding only when asked. Never guessed."""
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes), not text")
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise ValueError(
            f"not valid {encoding} (byte {data[err.start]:#04x} at offset {err.start}); "
            "if it is cp1252 or latin-1 (older Dutch archives), pass --encoding cp1252"
        ) from None


def read_text_file(path: Path, encoding: str = "utf-8") -> Item:
    try:
        text = decode(path.read_bytes(), encoding)
    except (OSError, ValueError) as err:
        return InputProblem(str(path), str(err))
    if not text.strip():
        return InputProblem(str(path), "empty file")
    return InputDoc(id=path.stem, text=text, source=str(path))


def resolve_standoff(source: str, digest: str, root: Path) -> str:
    """The text a stand-off line names, checked against its sha256 (docs/annotation.md)."""
    file = root / source
    try:
        data = file.read_bytes()
    except OSError:
        raise ValueError(f"source {file} not found (corpus root {root})") from None
    actual = hashlib.sha256(data).hexdigest()
    if actual != digest:
        raise ValueError(f"sha256 of {file} is {actual}, the line says {digest}")
    return decode(data)


def read_jsonl_inputs(path: Path, corpus_root: Path = None) -> Iterator[Item]:
    try:
        handle = path.open("rb")
    except OSError as err:
        yield InputProblem(str(path), str(err))
        return
    seen = set()
    with handle:
        for n, raw in enumerate(handle, 1):
            where = f"{path}:{n}"
            if not raw.strip():
                continue
            try:
                obj = json.loads(decode(raw))
            except ValueError as err:
                yield InputProblem(where, f"invalid JSON line ({err})")
                continue
            if isinstance(obj, dict) and "text" not in obj and "source" in obj:
                try:
                    obj = {**obj, "text": resolve_standoff(obj["source"], str(obj.get("sha256")), corpus_root)}
                except ValueError as err:
                    yield InputProblem(where, f"document {obj.get('id')}: {err}")
                    continue
            problem = _check_record(obj, seen)
            if problem:
                yield InputProblem(where, problem)
                continue
            seen.add(obj["id"])
            yield InputDoc(id=obj["id"], text=obj["text"], source=where)


def _check_record(obj, seen) -> str:
    if not isinstance(obj, dict):
        return "expected a JSON object with 'id' and 'text'"
    if not isinstance(obj.get("id"), str) or not obj["id"]:
        return "'id' missing or not a non-empty string"
    if not isinstance(obj.get("text"), str):
        return f"document {obj['id']}: 'text' missing or not a string"
    if obj["id"] in seen:
        return f"duplicate id {obj['id']!r}"
    if not obj["text"].strip():
        return f"document {obj['id']}: empty text"
    return ""
