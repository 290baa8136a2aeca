"""What a row of each kind of rule file may hold: required and optional keys, allowed values, defaults.

Data, not code: ``resource_files.read_rows`` checks every row against its kind when the file
loads, so a typo in a key, a label or a role stops the pipeline with "file:line: problem"
instead of silently matching nothing.
"""

from typing import Dict, FrozenSet, Mapping, Tuple

from pipeline.schema import ENTITY_LABELS, RULE_ROLES, STATUSES

RowSchema = Mapping[str, object]

# kind -> {"required": keys, "optional": keys, "defaults": values a row takes when it omits the key}
ROW_SCHEMAS: Dict[str, RowSchema] = {
    # entity_rules.jsonl: a spaCy Matcher pattern ("@list" stands for a word list)
    "entity_rule": {
        "required": frozenset({"id", "label", "role", "pattern"}),
        "optional": frozenset({"priority", "fallback", "context", "not_after", "note"}),
    },
    # compositions.jsonl: every combination of the parts is a phrase
    "composition": {
        "required": frozenset({"id", "label", "role", "parts"}),
        "optional": frozenset({"priority", "case", "note"}),
    },
    # gazetteers/*.jsonl (generated): one name per row; a row is a gazetteer name unless it says otherwise
    "gazetteer": {
        "required": frozenset({"id", "label", "pattern"}),
        "optional": frozenset({"role", "priority", "context", "case", "valid_from", "valid_to", "note"}),
        "defaults": {"role": "gazetteer"},
    },
    # toezegging_rules.jsonl: a rule gives a status; a blocker (a row with "blocks") vetoes statuses
    "toezegging_rule": {
        "required": frozenset({"id", "status", "strength", "pattern"}),
        "optional": frozenset({"requires", "note"}),
    },
    "toezegging_blocker": {
        "required": frozenset({"id", "blocks", "pattern"}),
        "optional": frozenset({"note"}),
    },
    # toezegging_grammar.jsonl: a feature of a sentence (exactly one of pattern, dep_pattern, regex, separable)
    "toezegging_feature": {
        "required": frozenset({"feature"}),
        "optional": frozenset({"pattern", "dep_pattern", "regex", "separable", "stands_for", "note"}),
    },
    # toezegging_grammar.jsonl: a status when features are present (all, any) and absent (none)
    "toezegging_grammar_rule": {
        "required": frozenset({"id", "status", "strength"}),
        "optional": frozenset({"all", "any", "none", "note"}),
    },
    # termijn_phrases.jsonl and herkomst_patterns.jsonl: regular expressions with named groups
    "termijn_phrase": {
        "required": frozenset({"id", "kind", "pattern"}),
        "optional": frozenset({"note"}),
    },
    "herkomst_pattern": {
        "required": frozenset({"id", "pattern"}),
        "optional": frozenset({"note"}),
    },
    # metadata_patterns.jsonl: a regular expression whose named groups give a field of doc._.kamer_letter
    "metadata_pattern": {
        "required": frozenset({"field", "pattern"}),
        "optional": frozenset({"note"}),
    },
    # footnote_markers.jsonl: a regular expression whose matches are footnote numbers, deleted from a shown sentence
    "footnote_marker": {
        "required": frozenset({"id", "pattern"}),
        "optional": frozenset({"note"}),
    },
    # toezeggingen_columns.jsonl: a column of the toezeggingen CSV, its meaning, its name in the Kamer's register
    "register_column": {
        "required": frozenset({"column", "meaning"}),
        "optional": frozenset({"register", "values", "note"}),
    },
    # macros.jsonl: a named regular expression ({NAME} in a pattern) or a word list
    "macro": {
        "required": frozenset({"macro"}),
        "optional": frozenset({"pattern", "words", "note"}),
    },
}

# a key whose value must be one of these (the schema module is the one list)
ALLOWED_VALUES: Dict[str, Tuple[str, ...]] = {
    "label": ENTITY_LABELS,
    "role": RULE_ROLES,
    "status": STATUSES,
    # when a name is a MINISTER only in context (entities.py, EntityTagger._context_holds)
    "context": ("next_to_minister", "next_to_minister_or_known", "known_person", "after_honorific"),
    "case": ("insensitive", "as_written"),
}


def row_problem(row: dict, kind: str) -> str:
    """What is wrong with one row of this kind ("" when nothing is)."""
    schema = ROW_SCHEMAS[kind]
    required: FrozenSet[str] = schema["required"]  # type: ignore[assignment]
    optional: FrozenSet[str] = schema["optional"]  # type: ignore[assignment]
    unknown = sorted(set(row) - required - optional)
    if unknown:
        return f"unknown key {unknown[0]!r} (a {kind} row has {', '.join(sorted(required | optional))})"
    missing = sorted(required - set(row))
    if missing:
        return f"missing field {missing[0]!r}"
    for key, allowed in ALLOWED_VALUES.items():
        if key in row and row[key] not in allowed:
            return f"unknown {key} {row[key]!r} (one of {', '.join(allowed)})"
    for status in row.get("blocks", []):
        if status not in STATUSES:
            return f"unknown status {status!r} in blocks (one of {', '.join(STATUSES)})"
    return ""


def with_defaults(row: dict, kind: str) -> dict:
    defaults: Mapping[str, object] = ROW_SCHEMAS[kind].get("defaults", {})  # type: ignore[assignment]
    return {**row, **{k: v for k, v in defaults.items() if k not in row}}
