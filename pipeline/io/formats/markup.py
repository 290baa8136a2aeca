"""A parsed HTML or XML tree as plain text: blocks become lines, the site around the letter is dropped.

What is a paragraph, a line, a table cell, what is dropped and where the content is: per format in
``resources/markup_text.json`` (checked when first used). A paragraph (p, h1-h6, li, div; al, tussenkop
in officielebekendmakingen XML) stands on its own line with a blank line before and after, the way
officielebekendmakingen.nl text copies read, so a heading never runs into the sentence below it; a
<br> or a table row ends a line; cells of a row are separated by a tab. Runs of white space inside a
paragraph become one space, a no-break space a plain space (the rules match "28 676").
"""

import copy
import functools
import re
from dataclasses import dataclass
from typing import Dict, FrozenSet, Iterable, List, Optional, Tuple, Union

import srsly
from lxml import etree

from pipeline.knowledge.resource_files import ResourceError, resource_path

RULES_FILE = "markup_text.json"
LIST_KEYS = ("drop", "drop_roles", "content", "page_frame", "paragraphs", "lines", "cells", "markers")
WHITE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
PARAGRAPH, LINE, CELL, GLUE = "\n\n", "\n", "\t", " "
DOUBLE_SPACE = re.compile(" {2,}")
SPACE_AT_BREAK = re.compile(r" *([\n\t]) *")
STRENGTH = {GLUE: 0, CELL: 1, LINE: 2, PARAGRAPH: 3}


class Break(str):
    """A separator between two pieces of text, written only when text follows it and text came before."""


@dataclass(frozen=True)
class TextRules:
    drop: FrozenSet[str]  # elements dropped with everything in them
    drop_roles: FrozenSet[str]  # ARIA roles of site parts (navigation, banner, ...)
    drop_class_or_id: Optional["re.Pattern[str]"]  # a class or id of a site part ("breadcrumb", "main-nav")
    content: Tuple[etree.XPath, ...]  # where the letter is: the first that holds text wins
    page_frame: FrozenSet[str]  # header and footer: dropped unless inside the content found
    paragraphs: FrozenSet[str]
    lines: FrozenSet[str]
    cells: FrozenSet[str]
    markers: FrozenSet[str]  # a list number: stays on the line of the item it numbers
    footnotes: Dict[str, str]  # footnote element -> the element of its number


@functools.cache
def rules(kind: str) -> TextRules:
    """The rules for "html" or "xml"; a malformed resource file is a ResourceError naming the file and key."""
    path = resource_path(RULES_FILE)
    try:
        table = srsly.read_json(path)
    except ValueError as err:
        raise ResourceError(f"{path}: invalid JSON ({err})") from None
    if not isinstance(table, dict) or not isinstance(table.get(kind), dict):
        raise ResourceError(f"{path}: needs an object {kind!r}")
    row = table[kind]
    where = f"{path}: {kind}"
    lists = {key: _names(row.get(key), f"{where}.{key}") for key in LIST_KEYS}
    footnotes = row.get("footnotes", {})
    if not (isinstance(footnotes, dict) and all(isinstance(v, str) for v in [*footnotes, *footnotes.values()])):
        raise ResourceError(f"{where}.footnotes: needs an object of element names")
    try:
        pattern = re.compile(row["drop_class_or_id"]) if row.get("drop_class_or_id") else None
        content = tuple(etree.XPath(expression) for expression in lists["content"])
    except (re.error, etree.XPathSyntaxError, KeyError) as err:
        raise ResourceError(f"{where}: bad drop_class_or_id or content ({err})") from None
    return TextRules(
        drop=frozenset(lists["drop"]),
        drop_roles=frozenset(lists["drop_roles"]),
        drop_class_or_id=pattern,
        content=content,
        page_frame=frozenset(lists["page_frame"]),
        paragraphs=frozenset(lists["paragraphs"]),
        lines=frozenset(lists["lines"]),
        cells=frozenset(lists["cells"]),
        markers=frozenset(lists["markers"]),
        footnotes=dict(footnotes),
    )


def _names(value: object, where: str) -> List[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise ResourceError(f"{where}: needs a list of names")
    return value


def tree_text(root: etree._Element, kind: str) -> str:
    """The text of a parsed document (namespaces ignored), by the rules of `kind`; '' when it holds none."""
    rule = rules(kind)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):  # comments and processing instructions: only their tail is text
            _remove(element)
        elif "}" in element.tag:
            element.tag = etree.QName(element).localname
    for element in [e for e in root.iter() if _is_site_part(e, rule)]:
        _remove(element)
    body = _content(root, rule)
    if body is None:
        body = next(iter(root.iter("body")), root)
        for element in [e for e in body.iter() if e.tag in rule.page_frame]:
            _remove(element)
    notes = _take_footnotes(body, rule)
    pieces = list(_pieces(body, rule))
    for note in notes:
        pieces += [Break(PARAGRAPH), *_pieces(note, rule), Break(PARAGRAPH)]
    return _render(pieces)


def _is_site_part(element: etree._Element, rule: TextRules) -> bool:
    if element.tag in rule.drop or element.get("role") in rule.drop_roles:
        return True
    if rule.drop_class_or_id is None:
        return False
    names = [*element.get("class", "").split(), element.get("id", "")]
    return any(rule.drop_class_or_id.fullmatch(name) for name in names if name)


def _content(root: etree._Element, rule: TextRules) -> Optional[etree._Element]:
    """The first content element that holds text (a <main> that only loads a script does not count)."""
    for xpath in rule.content:
        for found in xpath(root):
            if isinstance(found, etree._Element) and "".join(found.itertext()).strip():
                return found
    return None


def _take_footnotes(body: etree._Element, rule: TextRules) -> List[etree._Element]:
    """Footnotes leave the sentence for the end of the text; their number stays where the reference was."""
    notes = []
    for element in [e for e in body.iter() if e.tag in rule.footnotes]:
        notes.append(copy.deepcopy(element))
        number = element.find(rule.footnotes[element.tag])
        tail = element.tail
        element.clear()  # also clears the tail: restored below
        element.tag, element.text, element.tail = "footnote-reference", _flat(number), tail
    return notes


def _flat(element: Optional[etree._Element]) -> str:
    return "" if element is None else "".join(element.itertext()).strip()


def _remove(element: etree._Element) -> None:
    """Take an element out of the tree, keeping the text that follows it (its tail) in place."""
    parent = element.getparent()
    if parent is None:
        return
    tail = f" {element.tail}" if element.tail else ""  # a dropped block was a word boundary
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _pieces(root: etree._Element, rule: TextRules) -> Iterable[Union[str, Break]]:
    """Text and separators in document order; iterwalk, not recursion: a deep page never overflows the stack."""
    for event, element in etree.iterwalk(root, events=("start", "end")):
        separator = _separator(element.tag, rule)
        if event == "start":
            if separator:
                yield Break(separator)
            if element.text:
                yield element.text
        else:
            if element.tag in rule.markers:
                yield Break(GLUE)
            elif separator and separator != CELL:
                yield Break(separator)
            if element.tail and element is not root:
                yield element.tail


def _separator(tag: str, rule: TextRules) -> str:
    if tag in rule.paragraphs:
        return PARAGRAPH
    if tag in rule.lines:
        return LINE
    return CELL if tag in rule.cells else ""


def _render(pieces: Iterable[Union[str, Break]]) -> str:
    """Join the pieces: white space collapsed; of the separators between two texts the strongest is written."""
    out: List[str] = []
    pending: Optional[Break] = None
    for piece in pieces:
        if isinstance(piece, Break):
            if out and pending != GLUE and (pending is None or STRENGTH[piece] > STRENGTH[pending]):
                pending = piece  # a list number's glue holds against the break of the item it numbers
            continue
        text = WHITE.sub(" ", piece)
        if not text.strip() and (pending is not None or not out):
            continue  # indentation before the first text or between two blocks
        if pending is not None:
            out.append(str(pending))
            pending = None
        out.append(text)
    return SPACE_AT_BREAK.sub(r"\1", DOUBLE_SPACE.sub(" ", "".join(out))).strip()
