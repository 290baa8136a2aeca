"""Letter metadata read from the text: Kamerstuk, dossier title, letter title, date, signatories.

Written to ``doc._.kamer_letter`` (and by records.py into each record's meta).
Patterns are data (resources/metadata_patterns.jsonl); signatories come from
the MINISTER spans of the signature block, so this runs after kamer_entities.
"""

import os
import re
from datetime import date
from typing import Dict, List, Optional

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.doc_text import text_of
from pipeline.components.extensions import is_furniture
from pipeline.components.pdf_repair import visible_doc_with_spans
from pipeline.components.serialize import DataBackedComponent
from pipeline.components.signatures import is_signature, pairs
from pipeline.knowledge.macros import compile_pattern, macro_table, read_macros
from pipeline.knowledge.resource_files import read_rule_file
from pipeline.knowledge.termijnen import month_number
from pipeline.schema import DEFAULT_SPANS_KEY


@Language.factory(
    "kamer_metadata",
    default_config={"patterns_file": "metadata_patterns.jsonl", "spans_key": DEFAULT_SPANS_KEY, "resources_dir": None},
    requires=["doc.ents"],
    assigns=["doc._.kamer_letter"],
)
def make_metadata(nlp, name, patterns_file, spans_key, resources_dir):
    rows = read_rule_file(patterns_file, resources_dir, "metadata_pattern")
    macros = macro_table(read_macros(resources_dir))
    for where, row in rows:
        compile_pattern(row["pattern"], macros, where)  # a broken row stops the pipeline here
    return LetterMetadata(name, {"rows": [r.row for r in rows], "macros": macros, "spans_key": spans_key})


class LetterMetadata(DataBackedComponent):
    def _build(self) -> None:
        self.patterns: Dict[str, List[re.Pattern]] = {}
        for row in self.data["rows"]:
            self.patterns.setdefault(row["field"], []).append(compile_pattern(row["pattern"], self.data["macros"]))

    def __call__(self, doc: Doc) -> Doc:
        # read as the letter reads: a soft hyphen or decomposed accent must not hide a date or a name
        view = visible_doc_with_spans(doc, self.data["spans_key"])
        raw = text_of(view)
        text = content_text(view, raw)
        doc._.kamer_letter = {
            "kamerstuk": self._kamerstuk(text, furniture_text(view, raw)),
            "dossier_titel": self._first(text, "dossier", "titel"),
            "titel": _clean(self._first(text, "titel", "titel")),
            "datum": self._date(text),
            "ondertekenaars": signatories(view, raw),
            "vergaderjaar": self._vergaderjaar(raw),
            # not a record field (schema.LETTER_FIELDS): only dates "jl." and people when "datum" is null
            "webdatum": self._date(raw, "webdatum"),
        }
        return doc

    def _vergaderjaar(self, text: str) -> Optional[str]:
        for pattern in self.patterns.get("vergaderjaar", []):
            m = pattern.search(text)
            if m and int(m.group("end")) == int(m.group("start")) + 1:
                return f"{m.group('start')}-{m.group('end')}"
        return None

    def _first(self, text: str, field: str, group: str) -> Optional[str]:
        """The first match in the text; at one position the earlier row ("30 196" below "29 826 X" is not it)."""
        found = [(m.start(), n, m) for n, p in enumerate(self.patterns.get(field, [])) for m in [p.search(text)] if m]
        return min(found, key=lambda f: f[:2])[2].group(group).strip() if found else None

    def _kamerstuk(self, text: str, furniture: str) -> Optional[dict]:
        dossier = self._first(text, "dossier", "dossier")
        nummer = self._first(text, "nummer", "nummer")
        if dossier and nummer:
            return {"dossier": _dossier(dossier), "nummer": nummer}
        # else the running footer or the web page's metadata; never a Kamerstuk cited in the text
        for pattern in self.patterns.get("kamerstuk", []):
            found = list(pattern.finditer(furniture))
            if found:
                dossier = found[0].group("dossier")
                numbers = [m.group("nummer") for m in found if _dossier(m.group("dossier")) == _dossier(dossier)]
                return {"dossier": _dossier(dossier), "nummer": _without_page(numbers)}
        return None

    def _date(self, text: str, field: str = "datum") -> Optional[str]:
        for pattern in self.patterns.get(field, []):
            m = pattern.search(text)
            if m:
                month = m.group("month")
                try:
                    number = int(month) if month.isdigit() else month_number(month)
                    return date(int(m.group("year")), number, int(m.group("day"))).isoformat()
                except ValueError:
                    continue
        return None


def content_text(doc: Doc, raw: str) -> str:
    """doc.text with page and web furniture blanked out (offsets unchanged)."""
    return _blank(doc, raw, is_furniture)


def furniture_text(doc: Doc, raw: str) -> str:
    """Only the furniture (running headers, web metadata), the rest blanked out."""
    return _blank(doc, raw, lambda tok: not is_furniture(tok) and not tok.is_space)


def _blank(doc: Doc, raw: str, hide) -> str:
    chars = list(raw)
    for tok in doc:
        if hide(tok):
            chars[tok.idx : tok.idx + len(tok.text)] = " " * len(tok.text)
    return "".join(chars)


def signatories(doc: Doc, text: str) -> List[dict]:
    """Signers: names under a title that opens its line ('De Minister van Defensie,\\nA.Th.B. ...')."""
    return [
        {"functie": canonical_title(title.text), "naam": _clean(doc[start:end].text)}
        for (start, end), (title, signed_under) in pairs(doc).items()
        if signed_under and is_signature(text, title)
    ]


# a title word that opens an author in the "BRIEF VAN ..." line; a portfolio opens with VAN or VOOR
_ROLE = r"(?:MINISTER-PRESIDENT|MINISTERS?|STAATSSECRETARIS(?:SEN)?)\b"
_NEXT_ROLE = re.compile(r"(,\s*|\s+EN\s+)(?:DE\s+)?(?=" + _ROLE + ")")
_NEXT_PORTFOLIO = re.compile(r"(?:,\s*|\s+EN\s+)(?=(?:VAN|VOOR)\s)")
_AUTHORS = re.compile(r"BRIEF\s+VAN\s+(?:DE\s+)?(?P<rest>" + _ROLE + r".*)$", re.S)


def title_authors(titel: Optional[str]) -> List[str]:
    """The offices in the letter's title, in order.

    'BRIEF VAN DE MINISTERS VAN X, VAN Y EN VOOR Z' -> Minister van X, Minister van Y, Minister voor Z;
    'BRIEF VAN DE MINISTER EN STAATSSECRETARIS VAN X' -> Minister van X, Staatssecretaris van X;
    'BRIEF VAN DE MINISTER-PRESIDENT, MINISTER VAN ALGEMENE ZAKEN' -> Minister-President (an apposition
    after a comma is the same person). A portfolio may hold EN and commas itself ("VOLKSGEZONDHEID,
    WELZIJN EN SPORT"): only a VAN/VOOR or a title after them opens the next one.
    """
    m = _AUTHORS.search(re.sub(r"\s+", " ", (titel or "").upper().replace("\u00a0", " ")).strip())
    if not m:
        return []
    parts = _NEXT_ROLE.split(m.group("rest"))  # [chunk, joiner, chunk, joiner, ...]
    chunks = [parts[0]] + [c for j, c in zip(parts[1::2], parts[2::2]) if "," not in j]
    authors: List[tuple] = []
    for chunk in chunks:
        role, _, portfolio = chunk.partition(" ")
        role = {"MINISTERS": "MINISTER", "STAATSSECRETARISSEN": "STAATSSECRETARIS"}.get(role, role)
        portfolios = [p.strip() for p in _NEXT_PORTFOLIO.split(portfolio) if p.strip()]
        authors += [(role, p) for p in portfolios] or [(role, "")]
    # "DE MINISTER EN STAATSSECRETARIS VAN X": a title without portfolio shares the next one's
    for n in range(len(authors) - 2, -1, -1):
        role, portfolio = authors[n]
        if not portfolio and role != "MINISTER-PRESIDENT" and authors[n + 1][1]:
            authors[n] = (role, authors[n + 1][1])
    return [canonical_title(f"{role} {portfolio}".strip()) for role, portfolio in authors]


def canonical_title(text: str) -> str:
    """'MINISTER VAN BUITENLANDSE\\nZAKEN' -> 'Minister van Buitenlandse Zaken'."""
    words = (_clean(re.sub(r"-\s+(?=[a-zà-ÿ])", "", text)) or "").split(" ")
    small = {"van", "voor", "en", "de", "het"}
    out = []
    for n, word in enumerate(words):
        lower = word.lower()
        if n and lower in small:
            out.append(lower)
        elif lower == "minister-president":
            out.append("Minister-President")
        elif word.isupper() or n == 0:
            out.append(word[:1].upper() + word[1:].lower() if word.isupper() else word[:1].upper() + word[1:])
        else:
            out.append(word)
    return " ".join(out)


def _dossier(value: str) -> str:
    """The dossier as the title block writes it: '34300-VII' -> '34 300 VII'; '21 501-02' stays."""
    value = re.sub(r"^(\d{2})(\d{3})\b", r"\1 \2", re.sub(r"\s+", " ", value).strip())
    return re.sub(r"-(?=[A-Z])", " ", value)


def _without_page(numbers: List[str]) -> str:
    """A PDF footer glues the page number to the Kamerstuk number ('nr. 491', 'nr. 492'): the part all pages share."""
    if len(set(numbers)) < 2:
        return numbers[0]
    shared = os.path.commonprefix(numbers)
    return shared if shared and all(n[len(shared) :].isdigit() for n in numbers) else numbers[0]


def _clean(value: Optional[str]) -> Optional[str]:
    return re.sub(r"\s+", " ", value).strip() if value else value
