"""Footnote numbers glued into a sentence ("Kamer.3", "stikstof1"), removed where a person reads the sentence.

The patterns are data (resources/footnote_markers.jsonl), checked when they load: a broken
regular expression stops with "path:line: problem".
"""

import re
from typing import List, Sequence

from pipeline.knowledge.macros import compile_pattern, macro_table, read_macros
from pipeline.knowledge.resource_files import read_rule_file

FOOTNOTES_FILE = "footnote_markers.jsonl"


def read_footnote_markers(name: str = FOOTNOTES_FILE, root=None) -> List[re.Pattern]:
    macros = macro_table(read_macros(root))
    rows = read_rule_file(name, root, "footnote_marker")
    return [compile_pattern(row["pattern"], macros, where) for where, row in rows]


def without_footnotes(sentence: str, markers: Sequence[re.Pattern]) -> str:
    """``sentence`` (on one line) without its footnote numbers: "de Kamer.3 Ik" -> "de Kamer. Ik"."""
    for marker in markers:
        sentence = marker.sub("", sentence)
    return sentence
