"""The value of each column of the toezeggingen register for one commitment (docs/toezeggingen_csv.md).

Which columns are written, in which order and under which register name is data
(resources/toezeggingen_columns.jsonl); what each column holds is here, one function per column.
Values are plain text; hand-made records with odd values (numbers, lists) give text, never a crash.
"""

from dataclasses import dataclass
from typing import Callable, Dict, List

from pipeline.evaluation.annotations import Annotation, Document, as_text, kamerstuk_text
from pipeline.schema import MINISTER
from pipeline.span_ids import span_id

NAGEKOMEN = "nagekomen"


def _unchanged(text: str) -> str:
    return text


@dataclass(frozen=True)
class Commitment:
    """One row: a TOEZEGGING of a letter, its number in the file, its sentence as shown, a Kamerstuk it cites.

    ``readable`` shows words copied from the letter (onderwerp, termijn) as the sentence is shown: on one line,
    PDF damage repaired.
    """

    nummer: int
    doc: Document
    span: Annotation
    tekst: str
    cited_kamerstuk: str = ""
    readable: Callable[[str], str] = _unchanged

    @property
    def settled(self) -> bool:
        return self.span.status == NAGEKOMEN

    def attr(self, name: str) -> str:
        return as_text(self.span.attrs.get(name))

    def words(self, name: str) -> str:
        """An attribute that quotes the letter (onderwerp, termijn), shown as the sentence is."""
        value = self.span.attrs.get(name)
        return self.readable(value) if isinstance(value, str) else as_text(value)

    def letter(self, name: str) -> str:
        return as_text(self.doc.meta.get(name))


def _herkomst(c: Commitment, key: str) -> str:
    herkomst = c.span.attrs.get("herkomst")
    if isinstance(herkomst, dict):
        return kamerstuk_text(herkomst.get(key))
    return as_text(herkomst) if key == "type" else ""  # a hand-made herkomst: "brief"


def _herkomst_kamerstuk(c: Commitment) -> str:
    return _herkomst(c, "kamerstuk") or (c.cited_kamerstuk if c.settled else "")


def _same(a: object, b: object) -> bool:
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def person_of(doc: Document, functie: object) -> str:
    """The name behind an office in this letter: "Minister van Defensie" -> "Ank Bijleveld".

    First the person the MINISTER span of the signatory of that office resolved to, then the one person all
    MINISTER spans of that office resolve to, then the signatory's name as signed; else nothing (a letter that
    names two holders of one office does not say which one committed).
    """
    if not isinstance(functie, str) or not functie.strip():
        return ""
    ministers = [s for s in doc.entities if s.label == MINISTER and _same(s.attrs.get("functie"), functie)]
    signers = [s for s in _signatories(doc) if _same(s.get("functie"), functie) and as_text(s.get("naam"))]
    for signer in signers:
        name = as_text(signer.get("naam"))
        for span in ministers:
            if _same(" ".join(doc.text[span.start : span.end].split()), name) and span.attrs.get("persoon"):
                return as_text(span.attrs["persoon"])
    people = {as_text(s.attrs.get("persoon")) for s in ministers} - {""}
    if len(people) == 1:
        return people.pop()
    return as_text(signers[0].get("naam")) if signers else ""


def _signatories(doc: Document) -> List[dict]:
    signers = doc.meta.get("ondertekenaars")
    return [s for s in signers if isinstance(s, dict)] if isinstance(signers, list) else []


def _datum_nakoming(c: Commitment) -> str:
    return c.letter("datum") if c.settled else c.attr("termijn_datum")


Field = Callable[[Commitment], str]

FIELDS: Dict[str, Field] = {
    "nummer": lambda c: str(c.nummer),
    "tekst": lambda c: c.tekst,
    "status": lambda c: as_text(c.span.status),
    "soort": lambda c: as_text(c.span.status),
    "bewindspersoon": lambda c: person_of(c.doc, c.span.attrs.get("bewindspersoon")),
    "functie": lambda c: c.attr("bewindspersoon"),
    "ministerie": lambda c: c.attr("ministerie"),
    "onderwerp": lambda c: c.words("onderwerp"),
    "termijn": lambda c: c.words("termijn"),
    "termijn_datum": lambda c: c.attr("termijn_datum"),
    "datumNakoming": _datum_nakoming,
    "kamerbriefNakoming": lambda c: c.doc.kamerstuk if c.settled else "",
    "herkomst_type": lambda c: _herkomst(c, "type"),
    "herkomst_datum": lambda c: _herkomst(c, "datum"),
    "herkomst_kamerstuk": _herkomst_kamerstuk,
    "kamerstuk": lambda c: c.doc.kamerstuk,
    "datum": lambda c: c.letter("datum"),
    "document": lambda c: c.doc.id,
    "bron": lambda c: c.letter("source"),
    "id": lambda c: span_id(c.doc.id, c.span.start, c.span.end, c.span.label),
    "rule": lambda c: as_text(c.span.rule),
}
