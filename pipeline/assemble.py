"""Build the nlp object: choose a base model, then add our components from config.cfg."""

import os
import re
from pathlib import Path
from typing import Any, Optional, Tuple

import spacy
from spacy.language import Language
from spacy.util import load_config

import pipeline.components  # noqa: F401  (registers the factories)
from pipeline import __version__
from pipeline.package_meta import package_meta
from pipeline.records import spans_key_of

PACKAGE_DIR = Path(__file__).parent
REPO_ROOT = PACKAGE_DIR.parent
CONFIG_PATH = PACKAGE_DIR / "config.cfg"
BLANK = "blank:nl"


PARSE_MODES = ("selective", "all")


def load(base: Optional[str] = None, config_path: Path = CONFIG_PATH, parse: Optional[str] = None) -> Language:
    """The full pipeline. ``base``: a package name, a model directory or "blank:nl".

    Without ``base`` (or $KAMER_BASE_MODEL) the first available candidate in
    config.cfg is used, falling back to blank Dutch. ``parse``: "selective" runs
    the base model only on sentences that may hold a commitment, "all" on every
    sentence (config.cfg ``[pipeline] parse`` when not given).
    """
    cfg = load_config(config_path, interpolate=True)
    parse = check_parse(parse, config_path)
    base = base or os.environ.get("KAMER_BASE_MODEL")
    nlp, info = load_base(base, list(cfg["base"]["candidates"]), list(cfg["base"]["exclude"]))
    customise_tokenizer(nlp, cfg["tokenizer"]["token_match"], cfg["tokenizer"]["footnote_suffix"])
    statistical = [name for name in nlp.pipe_names if nlp.get_pipe_meta(name).factory != "lemmatizer"]
    for name in reversed(cfg["pipeline"]["before_base"]):
        nlp.add_pipe(_factory(cfg, name), name=name, first=True, config=_settings(cfg, name))
    if parse == "selective" and statistical:
        wrap_base(nlp, cfg, statistical)
    for name in cfg["pipeline"]["after_base"]:
        nlp.add_pipe(_factory(cfg, name), name=name, config=_settings(cfg, name))
    nlp.meta["kamer_base"] = info
    nlp.meta["kamer_parse"] = parse if statistical else "none"
    nlp.meta["kamer_pipeline_version"] = __version__
    nlp.meta.update(package_meta(nlp.meta, info, spans_key_of(nlp)))  # its own name, sources, scores
    return nlp


def check_parse(parse: Optional[str] = None, config_path: Path = CONFIG_PATH) -> str:
    """The parse mode load(parse=...) would use; ValueError in one line when it is unknown."""
    parse = parse or load_config(config_path, interpolate=True)["pipeline"].get("parse", "all")
    if parse not in PARSE_MODES:
        raise ValueError(f"--parse must be one of {', '.join(PARSE_MODES)} (got {parse!r})")
    return parse


def wrap_base(nlp: Language, cfg, names) -> None:
    """Move the base model's components into kamer_selective_base, after a candidate stage (issue 15)."""
    from pipeline.components.selective_base import SelectiveBase

    components = nlp.config.interpolate()["components"]  # ${...} references resolved, so each stands alone
    specs = [
        {
            "name": n,
            "factory": nlp.get_pipe_meta(n).factory,
            "config": {k: v for k, v in components[n].items() if k != "factory"},
        }
        for n in names
    ]
    procs = [(n, nlp.get_pipe(n)) for n in names]
    first = nlp.pipe_names.index(names[0])
    for n in names:
        nlp.remove_pipe(n)
    nlp.add_pipe(
        "kamer_commitment_candidates",
        before=nlp.pipe_names[first] if first < len(nlp.pipe_names) else None,
        config=_settings(cfg, "kamer_commitment_candidates"),
    )
    wrapper = nlp.add_pipe("kamer_selective_base", after="kamer_commitment_candidates")
    assert isinstance(wrapper, SelectiveBase)
    wrapper.components = specs
    wrapper.procs = procs


def _factory(cfg, name: str) -> str:
    return cfg["components"][name]["factory"]


def _settings(cfg, name: str) -> dict:
    return {k: v for k, v in cfg["components"][name].items() if k != "factory"}


def load_base(base: Optional[str], candidates, exclude) -> Tuple[Language, dict]:
    if base:
        return _load_named(base, exclude)
    for name in candidates:
        if _available(name):
            return _load_named(name, exclude)
    return _load_named(BLANK, exclude)


def _resolve_path(name: str) -> Optional[Path]:
    if name.startswith("models/") and os.environ.get("KAMER_MODELS_DIR"):
        return Path(os.environ["KAMER_MODELS_DIR"]) / name[len("models/") :]
    for root in (Path.cwd(), REPO_ROOT):
        path = root / name
        if (path / "config.cfg").exists():
            return path
    path = Path(name)
    return path if (path / "config.cfg").exists() else None


def _available(name: str) -> bool:
    if name == BLANK:
        return True
    if spacy.util.is_package(name):
        return True
    return _resolve_path(name) is not None


def check_base(base: Optional[str] = None, config_path: Path = CONFIG_PATH) -> str:
    """The name of the base load(base) would use, found without loading it; ValueError in one line if absent."""
    base = base or os.environ.get("KAMER_BASE_MODEL")
    if not base:
        candidates = load_config(config_path, interpolate=True)["base"]["candidates"]
        return next((name for name in candidates if _available(name)), BLANK)
    if not _available(base):
        raise ValueError(f"base model {base!r} is neither {BLANK}, an installed package nor a model directory")
    return base


def _load_named(name: str, exclude) -> Tuple[Language, dict]:
    if name == BLANK:
        nlp = spacy.blank("nl")
        # lookup lemmas from spacy-lookups-data: no POS needed
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
        return nlp, {"name": BLANK, "version": spacy.__version__, "kind": "blank"}
    path = _resolve_path(name)
    target = str(path) if path is not None else name
    if path is None and not spacy.util.is_package(name):
        raise OSError(f"base model {name!r} is neither an installed package nor a model directory")
    nlp = spacy.load(target, exclude=list(exclude))
    kind = "bundled" if path is not None else "package"
    info = {
        "name": f"{nlp.meta.get('lang', 'nl')}_{nlp.meta.get('name', name)}",
        "version": nlp.meta.get("version", "?"),
        "kind": kind,
    }
    return nlp, info


def customise_tokenizer(nlp: Language, token_match: str, footnote_suffix: str) -> None:
    """Keep initials ("A.Th.B.") together, split glued footnote numbers; to_disk() keeps both."""
    tokenizer: Any = nlp.tokenizer  # typed as any callable; here always spaCy's Tokenizer
    suffixes = [footnote_suffix] + list(nlp.Defaults.suffixes or [])
    tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    existing = tokenizer.token_match
    pattern = token_match
    if existing is not None and hasattr(existing, "__self__"):
        pattern = f"(?:{token_match})|(?:{existing.__self__.pattern})"
    tokenizer.token_match = re.compile(pattern).match
