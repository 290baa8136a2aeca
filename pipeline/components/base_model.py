"""The base model's place in the pipeline, chosen when the pipeline is initialised.

config.cfg lists our components only, with the two stages of selective parsing where the base model goes
(``kamer_commitment_candidates``, ``kamer_selective_base``). Its ``[initialize.after_init]`` callback,
registered here as ``kamer_base_model.v1``, then loads the base model: the one ``[paths] base`` names
(``--paths.base``, ``pipeline.load(base=...)``), else ``$KAMER_BASE_MODEL``, else the first of ``candidates``
that is present, else blank Dutch with the lookup lemmatizer of spacy-lookups-data. Its components go

* with ``parse = "selective"``: the statistical ones into ``kamer_selective_base`` (the rest after it);
* with ``parse = "all"``, or when the base has no statistical component: in place of the two stages.

After initialisation, because spaCy's initialisation would reset trained components; a pipeline read from
disk is never initialised, so there the base model's components are simply loaded with the rest.
"""

import os
from pathlib import Path
from typing import Any, Callable, List, Optional, Sequence, Tuple

import spacy
from spacy.language import Language
from spacy.util import registry

from pipeline import __version__
from pipeline.components.selective_base import SelectiveBase
from pipeline.package_meta import package_meta
from pipeline.records import spans_key_of

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
BLANK = "blank:nl"
PARSE_MODES = ("selective", "all")
# the components of the selective stages, in config.cfg's [nlp] pipeline where the base model goes
CANDIDATES_PIPE = "kamer_commitment_candidates"
SELECTIVE_PIPE = "kamer_selective_base"
# nlp.meta keys: what the pipeline was built with (records carry kamer_base)
META_BASE, META_PARSE, META_VERSION = "kamer_base", "kamer_parse", "kamer_pipeline_version"


@registry.callbacks("kamer_base_model.v1")
def make_base_model_step(
    base: Optional[str], candidates: List[str], exclude: List[str], parse: str
) -> Callable[[Language], Language]:
    """``base``: package, model directory or "blank:nl" (null: the first present of ``candidates``)."""
    check_parse_mode(parse)

    def place_base_model(nlp: Language) -> Language:
        if META_BASE in nlp.meta:  # placed already (initialising a pipeline read from disk)
            return nlp
        name = chosen_base(base, candidates)
        base_nlp, info = load_base(name, nlp, exclude)
        statistical = place(nlp, base_nlp, parse)
        nlp.meta[META_BASE] = info
        nlp.meta[META_PARSE] = parse if statistical else "none"
        nlp.meta[META_VERSION] = __version__
        # the pipeline's own name, sources and recorded scores (spacy assemble and load() alike)
        nlp.meta.update(package_meta(base_nlp.meta if base_nlp is not None else {}, info, spans_key_of(nlp)))
        return nlp

    return place_base_model


def check_parse_mode(parse: str) -> str:
    if parse not in PARSE_MODES:
        raise ValueError(f"--parse must be one of {', '.join(PARSE_MODES)} (got {parse!r})")
    return parse


def chosen_base(base: Optional[str], candidates: Sequence[str]) -> str:
    """The base that will be loaded, found without loading it; ValueError in one line when a named one is absent."""
    origin = "" if base else " (from $KAMER_BASE_MODEL)"
    base = base or os.environ.get("KAMER_BASE_MODEL")
    if not base:
        return next((name for name in candidates if available(name)), BLANK)
    if not available(base):
        raise ValueError(f"base model {base!r}{origin} is neither {BLANK}, an installed package nor a model directory")
    return base


def resolve_path(name: str) -> Optional[Path]:
    """A model directory: relative to the working directory or the repository root ($KAMER_MODELS_DIR for models/)."""
    if name.startswith("models/") and os.environ.get("KAMER_MODELS_DIR"):
        return Path(os.environ["KAMER_MODELS_DIR"]) / name[len("models/") :]
    for root in (Path.cwd(), REPO_ROOT):
        path = root / name
        if (path / "config.cfg").exists():
            return path
    path = Path(name)
    return path if (path / "config.cfg").exists() else None


def available(name: str) -> bool:
    return name == BLANK or spacy.util.is_package(name) or resolve_path(name) is not None


def load_base(name: str, nlp: Language, exclude: Sequence[str]) -> Tuple[Optional[Language], dict]:
    """The base model on the pipeline's vocab (as spaCy loads a ``source``), and what it is; None for blank."""
    if name == BLANK:
        return None, {"name": BLANK, "version": spacy.__version__, "kind": "blank"}
    path = resolve_path(name)
    base = spacy.load(str(path) if path is not None else name, vocab=nlp.vocab, exclude=list(exclude))
    info = {
        "name": f"{base.meta.get('lang', 'nl')}_{base.meta.get('name', name)}",
        "version": base.meta.get("version", "?"),
        "kind": "bundled" if path is not None else "package",
    }
    return base, info


def place(nlp: Language, base: Optional[Language], parse: str) -> List[str]:
    """Put the base model's components where the selective stages are; returns the statistical ones."""
    if CANDIDATES_PIPE not in nlp.pipe_names or SELECTIVE_PIPE not in nlp.pipe_names:
        raise ValueError(
            f"config.cfg: [nlp] pipeline needs {CANDIDATES_PIPE} and {SELECTIVE_PIPE} (the base goes there)"
        )
    names = base.pipe_names if base is not None else []
    statistical = [n for n in names if base is not None and base.get_pipe_meta(n).factory != "lemmatizer"]
    if parse == "selective" and statistical:
        assert base is not None
        wrapper = nlp.get_pipe(SELECTIVE_PIPE)
        assert isinstance(wrapper, SelectiveBase)
        wrapper.components = [component_spec(base, n) for n in statistical]
        wrapper.procs = [(n, base.get_pipe(n)) for n in statistical]
        _insert(nlp, base, [n for n in names if n not in statistical], before=_after(nlp, SELECTIVE_PIPE))
        return statistical
    before = _after(nlp, SELECTIVE_PIPE)
    nlp.remove_pipe(CANDIDATES_PIPE)
    nlp.remove_pipe(SELECTIVE_PIPE)
    if base is None:
        # lookup lemmas from spacy-lookups-data: no part of speech needed
        lemmatizer: Any = nlp.add_pipe("lemmatizer", config={"mode": "lookup"}, before=before)
        lemmatizer.initialize()
    _insert(nlp, base, names, before=before)
    return statistical


def component_spec(base: Language, name: str) -> dict:
    """Enough to rebuild a base component when a saved pipeline loads (its ${...} references resolved)."""
    config = base.config.interpolate()["components"][name]
    return {
        "name": name,
        "factory": base.get_pipe_meta(name).factory,
        "config": {k: v for k, v in config.items() if k != "factory"},
    }


def _after(nlp: Language, name: str) -> Optional[str]:
    names = nlp.pipe_names
    i = names.index(name)
    return names[i + 1] if i + 1 < len(names) else None


def _insert(nlp: Language, base: Optional[Language], names: Sequence[str], before: Optional[str]) -> None:
    for name in names:
        assert base is not None
        nlp.add_pipe(name, source=base, before=before)
