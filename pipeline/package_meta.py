"""The pipeline's own meta (meta.json of a saved pipeline): name, version, description, sources, scores.

Without it a saved pipeline presents itself as its base model (nl_ud_base,
with that model's description and tagging scores). The words are data
(resources/package.json, checked here); the scores are the latest measured
ones (data/scores.json, written by `evaluate --record`); the base model
becomes one of the sources, its attribution kept in `notes`.
"""

import json
import re
from pathlib import Path
from typing import Any, Dict, List, Optional, Union

from pipeline import __version__
from pipeline.evaluation.recorded_scores import SCORES_FILE, read_recorded
from pipeline.knowledge.resource_files import RESOURCES, ResourceError

PACKAGE_FILE = RESOURCES / "package.json"
TEXT_KEYS = ("name", "description", "author", "email", "url", "license", "scores_from")
SOURCE_KEYS = ("name", "url", "license", "author", "note")
# spaCy builds the package name from lang + "_" + name (nl_kamerbrieven), so name is a Python identifier part
NAME = re.compile(r"[a-z][a-z0-9_]*\Z")


def package_meta(
    base_meta: Dict[str, Any],
    base_info: Dict[str, str],
    spans_key: str,
    package_file: Union[str, Path] = PACKAGE_FILE,
    scores_file: Union[str, Path] = SCORES_FILE,
) -> Dict[str, Any]:
    """The keys of nlp.meta that describe this pipeline, given the base model's meta and kamer_base info."""
    package = read_package(package_file)
    base = base_info["name"]
    records = {name: bases[base] for name, bases in read_recorded(scores_file).items() if base in bases}
    headline = records.get(package["scores_from"])
    base_licence = base_meta.get("license")
    base_source = {"name": base, "version": base_info["version"], "license": base_licence}
    about = base_meta.get("notes") or base_meta.get("description")
    notes = [f"Base model {base} {base_info['version']}" + (f": {about}" if about else ".")]
    if headline is None:
        notes.append(f"No scores recorded for base {base} on {package['scores_from']} (make evaluate).")
    return {
        "name": package["name"],
        "version": __version__,
        "description": package["description"],
        "author": package["author"],
        "email": package["email"],
        "url": package["url"],
        "license": package["license"] + (f"; base model {base}: {base_licence}" if base_licence else ""),
        "sources": [
            {k: v for k, v in base_source.items() if v},
            *base_meta.get("sources", []),
            *package["base_sources"].get(base, []),
            *package["sources"],
        ],
        "performance": performance(headline["scores"], spans_key) if headline else {},
        "kamer_scores": records,
        "notes": " ".join(notes),
    }


def performance(scores: Dict[str, Any], spans_key: str) -> Dict[str, Any]:
    """spaCy's names for the recorded numbers: ents_p/r/f (strict, micro), ents_per_type, spans_<key>_p/r/f."""
    result: Dict[str, Any] = {}
    micro = scores.get("entities_micro", {}).get("strict")
    if micro:
        result.update(ents_p=micro.get("precision"), ents_r=micro.get("recall"), ents_f=micro.get("f1"))
    per_type = {label: by_mode.get("strict") for label, by_mode in scores.get("entities", {}).items()}
    if per_type:
        result["ents_per_type"] = {
            label: {"p": c.get("precision"), "r": c.get("recall"), "f": c.get("f1")}
            for label, c in per_type.items()
            if c
        }
    commitments = scores.get("TOEZEGGING", {})
    overlap = commitments.get("overlap")
    if overlap:
        for short, key in (("p", "precision"), ("r", "recall"), ("f", "f1")):
            result[f"spans_{spans_key}_{short}"] = overlap.get(key)
    if "status_accuracy" in commitments:
        result["toezegging_status_acc"] = commitments["status_accuracy"]
    return result


def read_package(path: Union[str, Path] = PACKAGE_FILE) -> Dict[str, Any]:
    """package.json, checked: every text key, sources as lists of {name, url, license, author, note}."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ResourceError(f"{path}: not readable as JSON ({err})") from None
    if not isinstance(data, dict):
        raise ResourceError(f"{path}: expected a JSON object")
    unknown = set(data) - {*TEXT_KEYS, "sources", "base_sources"}
    if unknown:
        raise ResourceError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in TEXT_KEYS:
        if not isinstance(data.get(key), str):
            raise ResourceError(f"{path}: {key!r} missing or not a string")
    if not NAME.match(data["name"]):
        raise ResourceError(f"{path}: name {data['name']!r} must be lower-case letters, digits and _ (spaCy's rule)")
    _check_sources(data.get("sources"), f"{path}: sources")
    base_sources = data.get("base_sources", {})
    if not isinstance(base_sources, dict):
        raise ResourceError(f"{path}: base_sources must map a base model's name to its sources")
    for base, sources in base_sources.items():
        _check_sources(sources, f"{path}: base_sources: {base}")
    return {**data, "base_sources": base_sources}


def _check_sources(sources: Optional[List[Any]], where: str) -> None:
    if not isinstance(sources, list):
        raise ResourceError(f"{where}: expected a list of sources")
    for n, source in enumerate(sources, 1):
        if not isinstance(source, dict) or not isinstance(source.get("name"), str):
            raise ResourceError(f"{where}: source {n} must be an object with a 'name'")
        unknown = set(source) - set(SOURCE_KEYS)
        if unknown or not all(isinstance(v, str) for v in source.values()):
            raise ResourceError(f"{where}: source {n}: keys are {', '.join(SOURCE_KEYS)}, all strings")
