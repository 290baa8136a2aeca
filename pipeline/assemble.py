"""Build the nlp object from config.cfg, with the same two steps as ``python -m spacy assemble``.

The config names the tokenizer, our components and the base model (pipeline/components/base_model.py places
it when the pipeline is initialised); this module only turns ``load()``'s arguments into config overrides.
"""

from pathlib import Path
from typing import Dict, Optional

import spacy
from spacy.language import Language
from spacy.util import load_config, load_model_from_config

import pipeline.components  # noqa: F401  (registers the factories and the config's functions)
from pipeline.components.base_model import check_parse_mode, chosen_base
from pipeline.records import TOEZEGGINGEN_PIPE

PACKAGE_DIR = Path(__file__).parent
CONFIG_PATH = PACKAGE_DIR / "config.cfg"
# where load()'s arguments go in config.cfg (also the names of spacy assemble's --paths.base, --pipeline.parse)
BASE_SETTING, PARSE_SETTING = "paths.base", "pipeline.parse"
BASE_STEP = ("initialize", "after_init")  # the section of the kamer_base_model.v1 callback


def load(base: Optional[str] = None, config_path: Path = CONFIG_PATH, parse: Optional[str] = None) -> Language:
    """The full pipeline. ``base``: a package name, a model directory or "blank:nl".

    Without ``base`` (or $KAMER_BASE_MODEL) the first available candidate in
    config.cfg is used, falling back to blank Dutch. ``parse``: "selective" runs
    the base model only on sentences that may hold a commitment, "all" on every
    sentence (config.cfg ``[pipeline] parse`` when not given).
    """
    overrides: Dict[str, str] = {PARSE_SETTING: check_parse(parse, config_path)}
    if base:
        overrides[BASE_SETTING] = base
    config = load_config(config_path, overrides=overrides, interpolate=False)
    nlp = load_model_from_config(config, auto_fill=True)
    nlp.initialize()  # the base model is placed here ([initialize.after_init])
    return nlp


def check_parse(parse: Optional[str] = None, config_path: Path = CONFIG_PATH) -> str:
    """The parse mode load(parse=...) would use; ValueError in one line when it is unknown."""
    return check_parse_mode(parse or load_config(config_path, interpolate=True)["pipeline"].get("parse", "all"))


def check_base(base: Optional[str] = None, config_path: Path = CONFIG_PATH) -> str:
    """The name of the base load(base) would use, found without loading it; ValueError in one line if absent."""
    section, key = BASE_STEP
    step = load_config(config_path, interpolate=True)[section][key]
    return chosen_base(base or step["base"], step["candidates"])


def tokenizer_only(config_path: Path = CONFIG_PATH) -> Language:
    """Blank Dutch with the config's tokenizer: cuts text into the tokens the pipeline starts from, in no time."""
    tokenizer = load_config(config_path, interpolate=True)["nlp"]["tokenizer"]
    return spacy.blank("nl", config={"nlp": {"tokenizer": tokenizer}})


def configured_spans_key(config_path: Path = CONFIG_PATH) -> str:
    """The span group of the toezeggingen, as config.cfg sets it (records.spans_key_of reads it from a pipeline)."""
    return load_config(config_path, interpolate=True)["components"][TOEZEGGINGEN_PIPE]["spans_key"]
