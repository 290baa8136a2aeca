"""Macros: named pieces of patterns, defined once in resources/macros.jsonl and expanded here.

Two kinds of reference, one table each:

* ``{NAME}`` in a regular expression (toezegging rules, deadline phrases) stands for the macro
  NAME of macros.jsonl: its ``pattern`` (which may use earlier macros) or its ``words``
  (escaped and joined by "|").
* ``"@name"`` in a token pattern or a composition stands for the word list ``lists/name.txt``;
  ``"@lower:name"`` for its lower-cased words and ``"@suffix:name"`` for a REGEX matching a
  word that ends in one of them.

A reference to something undefined is a ResourceError naming the file and line.
"""

import re
from typing import Any, Dict, List, Mapping, Union

from pipeline.knowledge.resource_files import Located, ResourceError, read_rule_file

MACROS_FILE = "macros.jsonl"
REFERENCE = re.compile(r"\{([A-Z_]+)\}")


class UnknownMacro(ResourceError):
    """A pattern names a macro or word list that is not defined."""


def read_macros(root=None) -> Dict[str, Located]:
    """The rows of macros.jsonl by name."""
    macros = {}
    for located in read_rule_file(MACROS_FILE, root, "macro"):
        name = located.row["macro"]
        if ("pattern" in located.row) == ("words" in located.row):
            raise ResourceError(f"{located.where}: a macro has either 'pattern' or 'words'")
        if name in macros:
            raise ResourceError(f"{located.where}: macro {name!r} is defined twice")
        macros[name] = located
    return macros


def macro_table(macros: Mapping[str, Located]) -> Dict[str, str]:
    """Each macro as a regular expression; a macro may use the macros defined before it."""
    table: Dict[str, str] = {}
    for name, (where, row) in macros.items():
        if "words" in row:
            table[name] = "|".join(re.escape(w) for w in row["words"])
        else:
            table[name] = expand(row["pattern"], table, where)
    return table


def macro_words(name: str, root=None) -> List[str]:
    """The ``words`` of one macro ("MONTH")."""
    return list(read_macros(root)[name].row["words"])


def expand(pattern: str, table: Mapping[str, str], where: str = "") -> str:
    """``{NAME}`` -> ``(?:...)`` of that macro."""

    def one(m: "re.Match[str]") -> str:
        if m.group(1) not in table:
            raise UnknownMacro(f"{where}: unknown macro {{{m.group(1)}}}")
        return "(?:" + table[m.group(1)] + ")"

    return REFERENCE.sub(one, pattern)


def compile_pattern(pattern: str, table: Mapping[str, str], where: str = "", flags: int = 0) -> "re.Pattern[str]":
    """``expand`` then compile; a broken expression is a ResourceError at ``where``."""
    try:
        return re.compile(expand(pattern, table, where), flags)
    except re.error as err:
        raise ResourceError(f"{where}: invalid regular expression ({err})") from None


def expand_refs(value: Any, lists: Mapping[str, List[str]], where: str = "") -> Any:
    """Replace "@name", "@lower:name", "@suffix:name", "@verbforms:name" and "@particles:name" in a pattern element."""
    if isinstance(value, dict):
        return {k: expand_refs(v, lists, where) for k, v in value.items()}
    if not (isinstance(value, str) and value.startswith("@")):
        return value
    kind, _, name = value[1:].rpartition(":")
    words = word_list(name, lists, where)
    if kind == "suffix":
        return "(?:" + "|".join(re.escape(w.lower()) for w in words) + ")$"
    if kind == "lower":
        return sorted({w.lower() for w in words})
    if kind == "particles":
        # the particles of the listed separable verbs ("terug|komen" -> "terug")
        return sorted({w.rpartition("|")[0] for w in words if "|" in w})
    if kind == "verbforms":
        # every written form of the listed verb lemmas ("toe|zenden" -> "toegezonden", ...)
        from pipeline.knowledge.verb_forms import joined_forms

        return joined_forms(words)
    if kind:
        raise UnknownMacro(
            f"{where}: unknown reference {value!r} "
            "(use @name, @lower:name, @suffix:name, @verbforms:name or @particles:name)"
        )
    return words


def word_list(name: str, lists: Mapping[str, List[str]], where: str = "") -> List[str]:
    if name not in lists:
        raise UnknownMacro(f"{where}: unknown word list @{name} (lists: {', '.join(sorted(lists))})")
    return lists[name]


def resolve_part(value: Union[str, List[str]], lists: Mapping[str, List[str]], where: str = "") -> List[str]:
    """A composition part: "@name" (a word list), a word, or a list of words."""
    if isinstance(value, str) and value.startswith("@"):
        return word_list(value[1:], lists, where)
    return [value] if isinstance(value, str) else list(value)
