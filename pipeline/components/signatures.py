"""Where a name and a MINISTER title belong together: signature blocks and apposition.

"De Minister van Defensie,\\nA.Th.B. Bijleveld-Schouten" (title, comma, name),
"De staatssecretaris van OCW, mede namens de Minister voor WWI,\\n\\nMarja ..."
(the signer is the first title), "Pavlo Klimkin, Minister van Buitenlandse Zaken"
(name, comma, title).
"""

import re
from typing import Dict, List, Optional, Tuple

from spacy.tokens import Doc, Span

from pipeline.components.candidates import next_content, previous_content

COURTESY = re.compile(r"^[A-Z][a-z]{0,3}\.$")  # "Drs.", "Mr.", "Dr."
SIGNATURE_LEAD = re.compile(r"(?:^|[.:;]\s*)(?:de\s*)?$", re.I)


def titles(doc: Doc) -> List[Span]:
    return [e for e in doc.ents if e.label_ == "MINISTER" and e._.kamer_role == "portfolio_title"]


def names(doc: Doc) -> List[Span]:
    return [e for e in doc.ents if e.label_ == "MINISTER" and e._.kamer_role == "name"]


def pairs(doc: Doc) -> Dict[Tuple[int, int], Tuple[Span, bool]]:
    """Every name with its title: (start, end) of the name -> (title, signed under it)."""
    known = titles(doc)
    out = {}
    for name in names(doc):
        before = title_before(doc, name, known)
        title = before or title_after(doc, name, known)
        if title is not None:
            out[(name.start, name.end)] = (title, before is not None)
    return out


def title_before(doc: Doc, name: Span, known: Optional[List[Span]] = None) -> Optional[Span]:
    """'Title,\\nDrs. Name': the title of a signature; past a 'mede namens' title to the signer."""
    comma = previous_content(doc, name.start)
    while comma is not None and COURTESY.match(comma.text):
        comma = previous_content(doc, comma.i)
    known = titles(doc) if known is None else known
    title = _title_ending_at(known, comma)
    while title is not None:
        before = previous_content(doc, title.start)
        if before is not None and before.lower_ == "de":
            before = previous_content(doc, before.i)
        mede = previous_content(doc, before.i) if before is not None and before.lower_ == "namens" else None
        comma = previous_content(doc, mede.i) if mede is not None and mede.lower_ == "mede" else None
        signer = _title_ending_at(known, comma)
        if signer is None:
            return title
        title = signer
    return None


def title_after(doc: Doc, name: Span, known: Optional[List[Span]] = None) -> Optional[Span]:
    """'Name, Title': apposition."""
    comma = next_content(doc, name.end - 1)
    if comma is None or comma.text != ",":
        return None
    start = next_content(doc, comma.i)
    known = titles(doc) if known is None else known
    return next((t for t in known if start is not None and t.start == start.i), None)


def _title_ending_at(known: List[Span], comma) -> Optional[Span]:
    if comma is None or comma.text != ",":
        return None
    return next((t for t in known if t.end == comma.i), None)


def is_signature(text: str, title: Span) -> bool:
    """The title opens its line (after 'De'), as in a signature block."""
    line_start = text.rfind("\n", 0, title.start_char) + 1
    return bool(SIGNATURE_LEAD.search(text[line_start : title.start_char].strip()))
