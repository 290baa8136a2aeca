"""The text of an XML publication (officielebekendmakingen.nl: <kamerstuk>, <al>, <tussenkop>, ...) with lxml.

XML must be well-formed: a broken file is refused with the parser's first error and its line, never half
read. The parser loads no DTD, resolves no external entities and reaches no network. An XHTML document
(root <html>) is read with the HTML rules.
"""

from pipeline.io.formats.markup import tree_text


def xml_text(data: bytes) -> str:
    """The text of an XML file given as bytes (its declaration says the encoding); ValueError in one line."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as err:
        message = " ".join(str(err.msg or err).split())
        raise ValueError(f"not well-formed XML (line {err.lineno}: {message})") from None
    if root is None:
        raise ValueError("empty XML document")
    kind = "html" if etree.QName(root).localname.lower() == "html" else "xml"
    text = tree_text(root, kind)
    if not text.strip():
        raise ValueError("no text in the XML document (only metadata or markup)")
    return text
