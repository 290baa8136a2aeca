"""Turn command-line inputs (files, folders, JSONL) into (id, text, source) documents.

A file is read by its extension, in any case (``SUFFIX_FORMATS``): .txt as text, .pdf, .html/.htm and .xml
through ``pipeline.io.formats``; a file whose bytes start with "%PDF-" is read as a PDF whatever its name.

Problems with one input never stop the others: they are yielded as
``InputProblem`` with a one-line message naming the file, and the caller
decides what to do (the CLI reports them and exits non-zero at the end).

Ids are unique within a run. A file found in a folder is named by its path
below that folder ("x/brief" for a/x/brief.txt given as "a"); a file given
directly keeps its stem. A document whose id was already used is a problem,
so two letters can never silently share one output record.
"""

import codecs
import hashlib
import json
import re
import stat
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, Iterator, NamedTuple, Optional, Tuple, Union

import jsonlines

from pipeline.io.formats.html import declared_charset, html_text
from pipeline.io.formats.pdf import PDF_MAGIC, pdf_text
from pipeline.io.formats.xml import xml_text

DEFAULT_CORPUS_ROOT = Path("../shared")
JSONL_SUFFIX = ".jsonl"
# extension (lower case) -> the format a file is read as; a folder reads these files and notes the others.
# A file given by name with another extension is read as text, as before.
SUFFIX_FORMATS = {".txt": "txt", ".pdf": "pdf", ".html": "html", ".htm": "html", ".xml": "xml"}
READ_SUFFIXES = ", ".join(SUFFIX_FORMATS)
# tab, line feed, carriage return and form feed occur in letters (the last as a page break in PDF text);
# any other C0 control or a lone surrogate means binary data or a broken conversion, and cannot be written
BAD_CHARACTER = re.compile("[\x00-\x08\x0b\x0e-\x1f\ud800-\udfff]")
# a byte-order mark declares its encoding, so honouring it is not guessing (UTF-32 first: it starts like UTF-16)
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
FILE_KINDS = (
    (stat.S_ISFIFO, "FIFO"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
)


@dataclass(frozen=True)
class InputDoc:
    id: str
    text: str
    source: str
    source_format: str = "txt"  # txt, pdf, html, xml, or jsonl for a line of a JSONL input
    file_name: str = ""  # the name of the file the text came from ("brief.PDF")


@dataclass(frozen=True)
class InputProblem:
    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


Item = Union[InputDoc, InputProblem]


def iter_inputs(
    paths: Iterable[Union[str, Path]],
    corpus_root: Union[str, Path, None] = None,
    encoding: str = "utf-8",
    on_note: Optional[Callable[[str], None]] = None,
    max_chars: int = 0,
) -> Iterator[Item]:
    """Documents from files, folders and JSONL (full lines, or stand-off lines read from corpus_root).

    ``on_note`` hears what a folder skips on purpose (files of other formats): worth a line, not a failure.
    ``max_chars`` (0: none): a text file too large to hold that few characters is refused before it is read.
    """
    root = Path(corpus_root) if corpus_root else DEFAULT_CORPUS_ROOT
    seen: Dict[str, str] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            items = read_folder(path, encoding, on_note, max_chars)
        elif path.suffix.lower() == JSONL_SUFFIX:
            items = read_jsonl_inputs(path, root)
        else:
            items = iter([read_file(path, encoding, max_chars=max_chars)])
        yield from _unique(items, seen)


def count_documents(paths: Iterable[Union[str, Path]]) -> int:
    """How many items iter_inputs(paths) will yield (documents and problems), found without decoding anything.

    A folder's files are listed, a JSONL file's non-blank lines counted, anything else is one item; a folder
    without documents yields one problem, and so does a JSONL path that is not a readable regular file.
    """
    total = 0
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            total += max(1, sum(1 for p in path.rglob("*") if not p.is_dir() and is_document_file(p)))
        elif path.suffix.lower() == JSONL_SUFFIX:
            total += _count_lines(path)
        else:
            total += 1
    return total


def _count_lines(path: Path) -> int:
    if not_regular(path):  # a FIFO would block the count
        return 1
    try:
        with path.open("rb") as handle:
            return sum(1 for raw in handle if raw.strip())  # blank lines are skipped when reading
    except OSError:
        return 1


def is_document_file(path: Path) -> bool:
    """A file a folder input reads as a document (any other file in the folder is noted and skipped)."""
    return path.suffix.lower() in SUFFIX_FORMATS


def _unique(items: Iterator[Item], seen: Dict[str, str]) -> Iterator[Item]:
    for item in items:
        if isinstance(item, InputDoc):
            if item.id in seen:
                item = InputProblem(item.source, f"duplicate id {item.id!r} (also {seen[item.id]}); skipped")
            else:
                seen[item.id] = item.source
        yield item


def read_folder(
    folder: Path, encoding: str = "utf-8", on_note: Optional[Callable[[str], None]] = None, max_chars: int = 0
) -> Iterator[Item]:
    """Every file of a known format (any case of extension) below folder, in path order; others are noted."""
    found, others = False, Counter[str]()
    for path in sorted(folder.rglob("*")):
        if path.is_dir():
            continue
        if not is_document_file(path):
            others[path.suffix.lower() or "no extension"] += 1
            continue
        found = True
        yield read_file(path, encoding, path.relative_to(folder).with_suffix("").as_posix(), max_chars)
    if others and on_note:
        skipped = f"skipped {sum(others.values())} file(s) that are not {READ_SUFFIXES}"
        on_note(f"{folder}: {skipped} ({', '.join(sorted(others))})")
    if not found:
        yield InputProblem(str(folder), f"directory contains no {READ_SUFFIXES} files")


def not_regular(path: Path) -> str:
    """Why path is not read as a file ('' for a regular file or a link to one); a FIFO would block forever."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "broken symbolic link" if path.is_symlink() else "no such file or directory"
    except OSError as err:
        return err.strerror or str(err)
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return "is a directory"
    kind = next((name for test, name in FILE_KINDS if test(mode)), "special file")
    return f"not a regular file (a {kind})"


def decode(data: bytes, encoding: str = "utf-8") -> str:
    """UTF-8 by default (a BOM is dropped); UTF-16/32 when a BOM says so; another encoding only when asked."""
    if data.startswith(PDF_MAGIC):  # a JSONL line or a stand-off source: files named .pdf are read by read_file
        raise ValueError("PDF data where text was expected; give the PDF file itself as an input")
    codec = next((name for bom, name in BOMS if data.startswith(bom)), None)
    wide = codec is not None or codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    if not wide and b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes), not text")
    if codec is None:
        codec = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        hint = "" if wide else "; if it is cp1252 or latin-1 (older Dutch archives), pass --encoding cp1252"
        raise ValueError(
            f"not valid {codec if wide else encoding} (byte {data[err.start]:#04x} at offset {err.start}){hint}"
        ) from None


def text_problem(text: str) -> str:
    """Why a text cannot be annotated ('' when it can): one rule for .txt files and JSONL lines."""
    bad = BAD_CHARACTER.search(text)
    if not bad:
        return ""
    kind = "lone surrogate" if "\ud800" <= bad.group() <= "\udfff" else "control character"
    line = text.count("\n", 0, bad.start()) + 1
    return f"{kind} U+{ord(bad.group()):04X} at offset {bad.start()} (line {line}), not plain text"


# a character takes at most 4 bytes in every encoding read here (UTF-32 too), plus a byte-order mark
MAX_BYTES_PER_CHAR, BOM_BYTES = 4, 4


def read_file(path: Path, encoding: str = "utf-8", doc_id: Optional[str] = None, max_chars: int = 0) -> Item:
    """One input file as a document, read by its format; a problem names the file in one line.

    ``max_chars`` (0: none): a text file of more bytes than that many characters can take is refused unread
    (a 3 GB file took 9 s and 3 GB of memory before --max-chars could refuse it).
    """
    problem = not_regular(path)
    if problem:
        return InputProblem(str(path), problem)
    try:
        size = path.stat().st_size
        text_file = SUFFIX_FORMATS.get(path.suffix.lower(), "txt") == "txt"
        if max_chars and text_file and size > max_chars * MAX_BYTES_PER_CHAR + BOM_BYTES:
            return InputProblem(
                str(path),
                f"{size:,} bytes, more than --max-chars {max_chars:,} characters can take "
                "(pass --max-chars 0 for no limit)",
            )
        data = path.read_bytes()
        if not data.strip():  # before any parser: an empty .pdf is empty, not a broken PDF
            return InputProblem(str(path), "empty file")
        text, kind = file_text(data, SUFFIX_FORMATS.get(path.suffix.lower(), "txt"), encoding)
    except (OSError, ValueError, LookupError) as err:  # LookupError: an encoding Python cannot decode text with
        return InputProblem(str(path), str(err))
    problem = "empty file" if not text.strip() else text_problem(text)
    if problem:
        return InputProblem(str(path), problem)
    return InputDoc(id=doc_id or path.stem, text=text, source=str(path), source_format=kind, file_name=path.name)


def file_text(data: bytes, kind: str, encoding: str = "utf-8") -> Tuple[str, str]:
    """(text, format) of a file's bytes; `encoding` is for text, and for HTML that declares no charset.

    A .txt whose bytes are a PDF is read as the PDF it is: a downloaded letter saved under the wrong name.
    """
    if kind == "pdf" or data.startswith(PDF_MAGIC):
        return pdf_text(data), "pdf"
    if kind == "html":
        return html_text(decode(data, declared_charset(data) or encoding)), kind
    if kind == "xml":
        return xml_text(data), kind
    return decode(data, encoding), kind


def resolve_standoff(source: str, digest: str, root: Path) -> str:
    """The text a stand-off line names, checked against its sha256 (docs/annotation.md).

    The source must lie inside the corpus root (links resolved): a gold file must not read /etc/passwd.
    """
    file = Path(root) / source
    resolved, root_dir = file.resolve(), Path(root).resolve()
    if not resolved.is_relative_to(root_dir):
        raise ValueError(f"source {source} is outside the corpus root {root}")
    try:
        data = file.read_bytes()
    except OSError:
        raise ValueError(f"source {file} not found (corpus root {root})") from None
    actual = hashlib.sha256(data).hexdigest()
    if actual != digest:
        raise ValueError(f"sha256 of {file} is {actual}, the line says {digest}")
    text = decode(data)
    problem = text_problem(text)
    if problem:
        raise ValueError(f"source {file}: {problem}")
    return text


class JsonLine(NamedTuple):
    number: int  # 1-based line number in the file
    raw: bytes  # the line as read, with its newline
    value: Any  # the decoded JSON (None when problem is set, or for a `null` line)
    problem: str  # '' or why the line is not JSON, in one line


class _Numbered:
    """The lines a jsonlines Reader consumes, remembering the number and bytes of the one it took last."""

    def __init__(self, lines: Iterable[bytes], skip_blank: bool):
        self.lines, self.skip_blank = lines, skip_blank
        self.number, self.raw = 0, b""

    def __iter__(self) -> Iterator[bytes]:
        for number, raw in enumerate(self.lines, 1):
            self.number, self.raw = number, raw
            if self.skip_blank and not raw.strip():
                continue
            yield raw


def _loads(text: Union[str, bytes]) -> Any:
    # the reader has decoded UTF-8; decode() adds the checks every input gets (NUL bytes, PDF) with their messages
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    return json.loads(decode(data))


def _line_problem(err: jsonlines.InvalidLineError) -> str:
    cause = err.__cause__
    if isinstance(cause, UnicodeDecodeError) and isinstance(err.line, bytes):
        try:  # our decoder says it better (the byte, its offset, the --encoding hint)
            decode(err.line)
        except ValueError as why:
            return str(why)
    return str(cause or err)


def read_json_lines(lines: Iterable[bytes], skip_blank: bool = True) -> Iterator[JsonLine]:
    """Each line of a JSONL source (a file opened "rb", or its lines) decoded, or the one-line reason it is not JSON.

    A bad line does not stop the reading, so callers can report `file:line: reason` and go on. Blank lines are
    skipped unless skip_blank is False (then they are problems: the journal counts bytes line by line).
    """
    numbered = _Numbered(lines, skip_blank)
    reader = jsonlines.Reader(numbered, loads=_loads)
    while True:
        try:
            value = reader.read(allow_none=True)
        except EOFError:
            return
        except jsonlines.InvalidLineError as err:
            yield JsonLine(numbered.number, numbered.raw, None, _line_problem(err))
            continue
        yield JsonLine(numbered.number, numbered.raw, value, "")


def read_jsonl_inputs(path: Path, corpus_root: Optional[Path] = None) -> Iterator[Item]:
    problem = not_regular(path)
    if problem:
        yield InputProblem(str(path), problem)
        return
    root = corpus_root if corpus_root is not None else DEFAULT_CORPUS_ROOT
    try:
        handle = path.open("rb")
    except OSError as err:
        yield InputProblem(str(path), err.strerror or str(err))
        return
    with handle:
        for line in read_json_lines(handle):
            where, obj = f"{path}:{line.number}", line.value
            if line.problem:
                yield InputProblem(where, f"invalid JSON line ({line.problem})")
                continue
            if isinstance(obj, dict) and "text" not in obj and "source" in obj:
                try:
                    obj = {**obj, "text": resolve_standoff(str(obj["source"]), str(obj.get("sha256")), root)}
                except ValueError as err:
                    yield InputProblem(where, f"document {obj.get('id')}: {err}")
                    continue
            problem = _check_record(obj)
            if problem:
                yield InputProblem(where, problem)
                continue
            yield InputDoc(id=obj["id"], text=obj["text"], source=where, source_format="jsonl", file_name=path.name)


def _check_record(obj: Any) -> str:
    if not isinstance(obj, dict):
        return "expected a JSON object with 'id' and 'text'"
    if not isinstance(obj.get("id"), str) or not obj["id"]:
        return "'id' missing or not a non-empty string"
    if not isinstance(obj.get("text"), str):
        return f"document {obj['id']}: 'text' missing or not a string"
    if not obj["text"].strip():
        return f"document {obj['id']}: empty text"
    problem = text_problem(obj["text"])
    return f"document {obj['id']}: {problem}" if problem else ""
