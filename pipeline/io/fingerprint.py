"""Fingerprints: what the output of an extract run depends on (so --resume can refuse a different run),
and of a letter's text (so a letter read twice is known as one)."""

import codecs
import hashlib
from pathlib import Path
from typing import Iterable, Optional, Union

from pipeline import __version__
from pipeline.knowledge.resource_files import RESOURCES


def text_fingerprint(text: str) -> str:
    """sha256 of the text's UTF-8 bytes: the same letter, however often or under whatever id it is read.

    The same digest a stand-off gold line gives as `sha256` of its source file."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def config_hash(config: Optional[Path] = None, resources: Path = RESOURCES) -> str:
    """sha256 over config.cfg and every resource file the components may read (Markdown notes excluded)."""
    if config is None:  # imported here: assemble imports spaCy, which the exports that fingerprint texts do not need
        from pipeline.assemble import CONFIG_PATH

        config = CONFIG_PATH
    digest = hashlib.sha256(Path(config).read_bytes())
    for path in sorted(p for p in Path(resources).rglob("*") if p.is_file() and p.suffix != ".md"):
        digest.update(b"\0" + path.relative_to(resources).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def run_header(
    base: str, inputs: Iterable[Union[str, Path]], encoding: str = "utf-8", corpus_root: Optional[Path] = None
) -> dict:
    """The journal header of an extract run: base model, configuration, inputs in order, how they are read."""
    return {
        "base": base,
        "config": config_hash(),
        "pipeline_version": __version__,
        "inputs": [str(Path(p).resolve()) for p in inputs],
        "encoding": codecs.lookup(encoding).name,
        "corpus_root": str(Path(corpus_root).resolve()) if corpus_root is not None else None,
    }
