"""The letter in an HTML page (officielebekendmakingen.nl, tweedekamer.nl, a saved web page), read with lxml.

lxml's HTML parser repairs broken markup the way browsers do (unclosed tags, stray end tags) and decodes
entities (&amp;, &nbsp;). Which part of the page is the letter, and what is site: ``markup.py``.
"""

import codecs
import re
from typing import Optional

from pipeline.io.encodings import is_text_encoding
from pipeline.io.formats.markup import tree_text

# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">
META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")  # XHTML: lxml refuses a declared encoding in a str


def declared_charset(data: bytes) -> Optional[str]:
    """The encoding a page declares in its first 4 KB (browsers look no further), if Python knows it."""
    found = META_CHARSET.search(data[:4096])
    if not found:
        return None
    try:
        info = codecs.lookup(found.group(1).decode("ascii"))
    except LookupError:
        return None
    if not is_text_encoding(info):
        return None
    if info.name.startswith(("utf-16", "utf-32")):
        return "utf-8"  # a page read as bytes and declaring UTF-16 is UTF-8 (the WHATWG prescan); a BOM still wins
    return info.name


def html_text(markup: str) -> str:
    """The text of a decoded HTML page; ValueError when nothing is left after the site parts are dropped."""
    import lxml.html
    from lxml import etree

    markup = XML_DECLARATION.sub("", markup)
    if not markup.strip():
        raise ValueError("empty HTML page")
    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as err:  # only markup with no element at all gets here
        raise ValueError(f"not readable as HTML ({err})") from None
    text = tree_text(root, "html")
    if not text.strip():
        raise ValueError("no text in the HTML page (only menus, scripts or markup)")
    return text
