"""The register's tables, columns and linking weights, read from resources/register.json and checked on load."""

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, FrozenSet, List, Pattern, Tuple

from pipeline.knowledge.resource_files import ResourceError, read_list, resource_path
from pipeline.knowledge.verb_forms import present_forms

RESOURCE = "register.json"
STOP_WORDS = "lists/register_stop_words.txt"
COLUMN_TYPES = {"text": str, "integer": int, "float": float}


@dataclass(frozen=True)
class Table:
    name: str
    label: str
    pk: str
    columns: Tuple[str, ...]
    types: Dict[str, type]
    labels: Dict[str, str]


@dataclass(frozen=True)
class Linking:
    weights: Dict[str, float]
    anchors: Tuple[str, ...]
    herkomst_types: Tuple[str, ...]
    threshold: float
    margin: float
    min_token_chars: int
    stop_words: FrozenSet[str]


@dataclass(frozen=True)
class Citing:
    """How a delivering sentence that names an earlier letter is found and weighed (register.json: citing_letter)."""

    markers: Tuple[str, ...]  # "hierbij", "met deze brief": the delivery happens now, in this letter
    verbs: Tuple[str, ...]  # lemma entries of lists/delivery_verbs.txt ("toe|zenden")
    receivers: FrozenSet[str]  # lists/kamer_receivers.txt
    frame: FrozenSet[str]  # words of a promise's frame, not its topic: "komen", "sturen", "uw", "Kamer"
    max_sentence_chars: int
    min_overlap: float  # share of the promise's topic words the sentence must have
    min_shared_words: int
    compound_head_min_chars: int  # "beleidsreactie" shares "reactie" (7 letters); "advies" no "ies"
    factor: float  # a citing-letter link's confidence is its evidence's sum times this (below a nagekomen link)


@dataclass(frozen=True)
class Register:
    tables: Dict[str, Table]
    register_columns: Tuple[str, ...]
    register_labels: Dict[str, str]
    kamer_status: Dict[str, str]
    citations: Tuple[Pattern[str], ...]
    linking: Linking
    citing: Citing


TABLES = ("letters", "toezeggingen", "citing_sentences", "links", "unlinked")
STATES = ("open", "settled", "overdue", "undated")


@lru_cache(maxsize=4)
def register_schema(root=None) -> Register:
    path = resource_path(RESOURCE, root)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        citing = data["citing_letter"]
        lists = {key: read_list(citing[key], root) for key in ("verbs", "receivers", "frame_verbs")}
        return _parse(data, frozenset(read_list(STOP_WORDS, root)), lists)
    except (ValueError, KeyError, TypeError, re.error) as err:
        raise ResourceError(f"{path}: {err}") from None


def _parse(data: dict, stop_words: FrozenSet[str], lists: Dict[str, List[str]]) -> Register:
    tables = {name: _table(name, data["tables"][name]) for name in TABLES}
    columns = data["register_columns"]
    linking = data["linking"]
    weights = {str(k): float(v) for k, v in linking["weights"].items()}
    anchors = tuple(linking["anchors"])
    unknown = [a for a in anchors if a not in weights]
    if unknown:
        raise ValueError(f"linking.anchors {unknown} have no weight")
    status = {str(k): str(v) for k, v in data["kamer_status"].items()}
    if sorted(status) != sorted(STATES):
        raise ValueError(f"kamer_status must name exactly the states {list(STATES)}")
    return Register(
        tables=tables,
        register_columns=tuple(c["name"] for c in columns),
        register_labels={c["name"]: c["label"] for c in columns},
        kamer_status=status,
        citations=tuple(re.compile(c["pattern"]) for c in data["citations"]),
        linking=Linking(
            weights=weights,
            anchors=anchors,
            herkomst_types=tuple(linking["herkomst_types"]),
            threshold=float(linking["threshold"]),
            margin=float(linking["margin"]),
            min_token_chars=int(linking["min_token_chars"]),
            stop_words=stop_words,
        ),
        citing=_citing(data["citing_letter"], lists),
    )


def _citing(spec: dict, lists: Dict[str, List[str]]) -> Citing:
    factor = float(spec["factor"])
    if not 0 < factor < 1:
        raise ValueError(f"citing_letter.factor {factor}: a citing-letter link must weigh less than a nagekomen one")
    if not spec["markers"]:
        raise ValueError("citing_letter.markers is empty")
    receivers = frozenset(w.lower() for w in lists["receivers"])
    frame_verbs = [entry.replace("|", "") for entry in lists["verbs"] + lists["frame_verbs"]]
    return Citing(
        markers=tuple(str(m).lower() for m in spec["markers"]),
        verbs=tuple(lists["verbs"]),
        receivers=receivers,
        frame=receivers | {form for verb in frame_verbs for form in present_forms(verb)},
        max_sentence_chars=int(spec["max_sentence_chars"]),
        min_overlap=float(spec["min_overlap"]),
        min_shared_words=int(spec["min_shared_words"]),
        compound_head_min_chars=int(spec["compound_head_min_chars"]),
        factor=factor,
    )


def _table(name: str, spec: dict) -> Table:
    columns: List[dict] = spec["columns"]
    types = {}
    for column in columns:
        if column["type"] not in COLUMN_TYPES:
            raise ValueError(f"table {name}, column {column['name']}: unknown type {column['type']!r}")
        types[column["name"]] = COLUMN_TYPES[column["type"]]
    if spec["pk"] not in types:
        raise ValueError(f"table {name}: primary key {spec['pk']!r} is not one of its columns")
    return Table(
        name=name,
        label=spec["label"],
        pk=spec["pk"],
        columns=tuple(types),
        types=types,
        labels={c["name"]: c["label"] for c in columns},
    )
