"""The text of an XML publication (officielebekendmakingen.nl: <kamerstuk>, <al>, <tussenkop>, ...) with lxml.

XML must be well-formed: a broken file is refused with the parser's first error and its line, never half
read. The parser loads no DTD, expands only entities the document declares itself, resolves no external
entity and reaches no network; a reference to an entity of an unloaded DTD is refused, not dropped. An XHTML document
(root <html>) is read with the HTML rules.
"""

from pipeline.io.formats.markup import tree_text


def xml_text(data: bytes) -> str:
    """The text of an XML file given as bytes (its declaration says the encoding); ValueError in one line."""
    from lxml import etree

    # entities declared in the document itself are expanded (lxml still refuses an exponential expansion);
    # external ones are never fetched
    parser = etree.XMLParser(resolve_entities="internal", no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as err:
        message = " ".join(str(err.msg or err).split())
        raise ValueError(f"not well-formed XML (line {err.lineno}: {message})") from None
    if root is None:
        raise ValueError("empty XML document")
    for entity in root.iter(etree.Entity):  # left unexpanded: its text would silently go missing
        raise ValueError(f"entity &{entity.name}; is defined in a DTD that is never loaded (line {entity.sourceline})")
    kind = "html" if etree.QName(root).localname.lower() == "html" else "xml"
    text = tree_text(root, kind)
    if not text.strip():
        raise ValueError("no text in the XML document (only metadata or markup)")
    return text
