"""Links: each MINISTER span to a person, office and country; each TOEZEGGING to who, what, when.

Definitions are in docs/annotation.md ("Attributes"); unknown stays None.
Runs last: it needs the entities, the toezeggingen and doc._.kamer_letter.
"""

import re
from datetime import date
from typing import List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.components import extensions  # noqa: F401
from pipeline.components.candidates import next_content
from pipeline.components.doc_text import text_of
from pipeline.components.entities import built_like_nationality
from pipeline.components.metadata import canonical_title, title_authors
from pipeline.components.pdf_repair import original_words, visible_doc_with_spans
from pipeline.components.scorers import ScoredComponent
from pipeline.components.serialize import DataBackedComponent
from pipeline.components.signatures import pairs
from pipeline.knowledge.resource_files import read_tsv
from pipeline.knowledge.termijnen import TermijnFinder, read_termijn_knowledge
from pipeline.schema import DEFAULT_SPANS_KEY, MINISTER, MINISTER_ATTRIBUTES, TOEZEGGING_ATTRIBUTES, extension

# the Kamer is who is promised to, and "de toezegging om X" promises X
NOT_THE_SUBJECT_MATTER = {"kamer", "kamers", "u", "toezegging", "toezeggingen"}
BACK_CHARS = 1200  # how far back a herkomst back-reference ("in dat overleg") may look
QUOTED = ("termijn", "onderwerp")  # attributes whose value is words of the span itself
OPEN_PART = re.compile(r"\b(?:zal|zullen)\b", re.I)
PROMISE_OF = re.compile(r"\btoezegging(?:en)?\s+(?:van|door)\s+(?:de\s+)?$", re.I)
# a sentence opening with an office as its subject ("De Staatssecretaris van EZ zal ..."), tagged or not
TITLE_SUBJECT = re.compile(
    r"^\s*[Dd]e\s+((?:[Mm]inister|[Ss]taatssecretaris)\s+(?:van|voor)\s+[A-Z][\w-]*(?:,?\s+(?:en\s+)?[A-Z][\w-]*)*)"
)
SPEAKER = re.compile(r"\b(?:ik|wij|we|mij|ons|het kabinet|de regering)\b", re.I)
ONDERWERP = re.compile(r"\b(?:over|om|inzake|aangaande|betreffende|met betrekking tot)\s+(?P<what>[^,;:.?!()]+)", re.I)


@Language.factory(
    "kamer_linking",
    default_config={
        "people_file": "bewindspersonen.tsv",
        "nationalities_file": "nationalities.tsv",
        "ministries_file": "portfolio_ministries.tsv",
        "termijn_file": "termijn_phrases.jsonl",
        "herkomst_file": "herkomst_patterns.jsonl",
        "people_known_until": "2026-02-23",
        "spans_key": DEFAULT_SPANS_KEY,
        "resources_dir": None,
        # attribute accuracies for nlp.evaluate (components/scorers.py)
        "scorer": {"@scorers": "kamer_linking_scorer.v1"},
    },
    requires=["doc.ents", "doc.spans", "doc._.kamer_letter"],
    assigns=[f"span._.{extension(name)}" for name in MINISTER_ATTRIBUTES + TOEZEGGING_ATTRIBUTES],
)
def make_linking(
    nlp,
    name,
    people_file,
    nationalities_file,
    ministries_file,
    termijn_file,
    herkomst_file,
    people_known_until,
    spans_key,
    resources_dir,
    scorer,
):
    data = {
        "spans_key": spans_key,
        # the bewindspersonen data is a snapshot: an open term is only known to run until then
        "people_known_until": people_known_until,
        "people": read_tsv(people_file, resources_dir),
        "nationalities": {
            r["adjectief"].lower(): r["land"] or None for r in read_tsv(nationalities_file, resources_dir)
        },
        "ministries": {r["portefeuille"].lower(): r["ministerie"] for r in read_tsv(ministries_file, resources_dir)},
        # deadline phrases, occasions and the macros they use, checked when they load
        **read_termijn_knowledge(termijn_file, herkomst_file, resources_dir),
    }
    linker = Linker(name, data)
    linker.scorer = scorer
    return linker


class Linker(ScoredComponent, DataBackedComponent):
    def _build(self) -> None:
        self.finder = TermijnFinder(self.data["termijn"], self.data["herkomst"], self.data["macros"])
        until = self.data["people_known_until"]
        self.people = [{**r, "end": r["end"] or until} for r in self.data["people"]]
        self.spans_key = self.data["spans_key"]

    def __call__(self, doc: Doc) -> Doc:
        # names and titles are read as they read: invisible characters and decomposed accents
        # in the input must not leak into persoon, functie or ministerie
        view = visible_doc_with_spans(doc, self.spans_key)
        self._link(view)
        if view is not doc:
            _copy_links(view, doc, self.spans_key)
        return doc

    def _link(self, doc: Doc) -> None:
        letter = doc._.kamer_letter or {}
        ref = _date(letter.get("datum"))
        # without a date line, the turn of the year of the vergaderjaar dates people and occasions
        # (not deadlines: those need the real date)
        # (a web copy's own date line comes first: it is the day the letter was published)
        approx = ref or _date(letter.get("webdatum")) or _middle_of(letter.get("vergaderjaar"))
        signers = letter.get("ondertekenaars") or []
        ministers = [e for e in doc.ents if e.label_ == MINISTER]
        partners = pairs(doc)  # name -> (title, signed under it), computed once per letter
        for ent in ministers:
            self._link_minister(doc, ent, approx, signers, partners)
        for span in doc.spans.get(self.spans_key, []):
            self._describe_toezegging(span, ref, approx, signers, letter, ministers)

    # -- MINISTER --------------------------------------------------------------
    def _link_minister(self, doc: Doc, ent: Span, ref: Optional[date], signers: List[dict], partners) -> None:
        role = ent._.kamer_role
        first = ent[0].lower_
        if role == "portfolio_title_name":
            self._link_title_with_name(ent, ref)
            return
        if first in self.data["nationalities"]:
            ent._.kamer_land = self.data["nationalities"][first]
            ent._.kamer_functie = canonical_title(ent[1:].text)
            return
        if role == "name":
            row = self._person_by_name(ent.text, ref)
            title, signed = partners.get((ent.start, ent.end), (None, False))
            signed_under = title if signed else None
            ent._.kamer_persoon = row["persoon"] if row else _clean(ent.text)
            ent._.kamer_functie = (
                canonical_title(title.text) if title is not None else (row["functie"] if row else None)
            )
            # a letter's signer is Dutch; a name in apposition only when the data knows it
            ent._.kamer_land = "NL" if row or signed_under is not None else None
            return
        if role == "title_name":
            # "Minister Blok": the name decides
            row = self._person_by_name(ent.text, ref)
            ent._.kamer_persoon = row["persoon"] if row else _clean(" ".join(t.text for t in ent[1:]))
            ent._.kamer_functie = row["functie"] if row else None
            ent._.kamer_land = "NL" if row else None
            return
        bare = role == "bare_title"
        functie = self._bare_title_office(doc, ent, signers) if bare else canonical_title(ent.text)
        ent._.kamer_functie = functie
        name = next((doc[s:e] for (s, e), (t, _) in partners.items() if t == ent), None)
        named = self._person_by_name(name.text, ref) if name is not None else None
        dutch = bare or name is None or named is not None
        ent._.kamer_land = "NL" if dutch else None
        signer = next((x for x in signers if functie and x["functie"].lower() == functie.lower()), None)
        if named is not None:
            ent._.kamer_persoon = named["persoon"]  # the name next to the title
        elif name is None and signer is not None:
            # the letter's own signature beats the data
            known = self._person_by_name(signer["naam"], ref)
            ent._.kamer_persoon = known["persoon"] if known else signer["naam"]
        else:
            ent._.kamer_persoon = self._person_by_office(functie, ref) if functie and dutch else None

    def _link_title_with_name(self, ent: Span, ref: Optional[date]) -> None:
        """'de Duitse minister van Financiën Jansen': the title gives the office, the name the person."""
        doc = ent.doc
        title, name = doc[ent.start : ent._.kamer_person_start], doc[ent._.kamer_person_start : ent.end]
        land = self.data["nationalities"].get(title[0].lower_) if len(title) > 1 else None
        if land is not None or (len(title) > 1 and built_like_nationality(title[0])):
            title = title[1:]  # a nationality adjective ("Karistaanse"), listed or not
        row = self._person_by_name(name.text, ref) if land is None else None
        ent._.kamer_functie = canonical_title(title.text)
        ent._.kamer_persoon = row["persoon"] if row else _clean(name.text)
        ent._.kamer_land = land or ("NL" if row else None)

    def _bare_title_office(self, doc: Doc, ent: Span, signers: List[dict]) -> Optional[str]:
        word = re.sub(r"^minister\s+president\b", "minister-president", ent.text.lower()).split()[0]
        if word in {"minister-president", "premier"}:
            return "Minister-President"
        # "DE MINISTER EN STAATSSECRETARIS VAN FINANCIËN": both titles share the portfolio
        joiner = next_content(doc, ent.end - 1)
        partner = next(
            (e for e in doc.ents if joiner is not None and joiner.lower_ == "en" and e.start == joiner.i + 1), None
        )
        if partner is not None and partner.label_ == MINISTER:
            m = re.search(r"\s((?:van|voor)\s.+)$", canonical_title(partner.text))
            if m:
                return canonical_title(word) + " " + m.group(1)
        same = {s["functie"] for s in signers if s["functie"].lower().startswith(word)}
        return same.pop() if len(same) == 1 else None

    def _person_by_name(self, text: str, ref: Optional[date]) -> Optional[dict]:
        clean = _clean(text).casefold()
        rows = [
            r for r in self.people if clean == r["persoon"].casefold() or _has_word(clean, r["achternaam"].casefold())
        ]
        longest = max((len(r["achternaam"]) for r in rows), default=0)
        rows = [r for r in rows if len(r["achternaam"]) == longest]  # "Bruins Slot", not "Bruins"
        found = _active(rows, ref)
        if found is None and ref is not None:
            # a former bewindspersoon ("de heer Teeven" after his resignation): the last office before the letter
            found = _active([r for r in rows if r["start"] <= ref.isoformat()], None, latest=True)
        return found

    def _person_by_office(self, functie: str, ref: Optional[date]) -> Optional[str]:
        if ref is None:
            return None
        rows = [r for r in self.people if r["functie"].lower() == functie.lower()]
        row = _active(rows, ref)
        return row["persoon"] if row else None

    # -- TOEZEGGING ------------------------------------------------------------
    def _describe_toezegging(self, span: Span, ref, approx, signers, letter, ministers) -> None:
        functie = self._committer(span, signers, letter, ministers)
        span._.kamer_bewindspersoon = functie
        span._.kamer_ministerie = self._ministry(functie)
        found = moment = self.finder.termijn(span.text, ref)
        if found is not None and span._.kamer_status == "nagekomen" and not OPEN_PART.search(span.text):
            found = None  # a settled promise has no deadline left, unless part of it stays open
        span._.kamer_termijn = found.text if found else None
        span._.kamer_termijn_datum = found.iso if found else None
        span._.kamer_onderwerp = object_phrase(span, found) or onderwerp(span.text, found.text if found else None)
        nagekomen = span._.kamer_status == "nagekomen"
        before = text_of(span.doc)[max(0, span.start_char - BACK_CHARS) : span.start_char]
        span._.kamer_herkomst = self.finder.herkomst(span.text, approx, moment, before) if nagekomen else None

    def _committer(self, span: Span, signers, letter, ministers) -> Optional[str]:
        # the signatories in order; without a signature (a truncated copy) the authors in the title
        authors = [s["functie"] for s in signers] or title_authors(letter.get("titel"))
        inside = [(m, m._.kamer_functie or _author_for(m, authors)) for m in ministers if span.start <= m.start]
        inside = [(m, functie) for m, functie in inside if m.end <= span.end and functie]
        for m, functie in inside:
            # "de toezeggingen van de Minister-President": the settled promise was theirs
            if PROMISE_OF.search(text_of(span.doc)[span.start_char : m.start_char]):
                return functie
        if inside and not SPEAKER.search(span.text):
            return inside[0][1]  # "de staatssecretaris zal u ...": the office the sentence names
        subject = TITLE_SUBJECT.match(span.text)
        if subject and not inside and not SPEAKER.search(span.text):
            office = re.sub(r"\s+", " ", subject.group(1))
            return office[0].upper() + office[1:]  # the portfolio as written ("EZK", not "Ezk")
        # "ik", "wij", "het kabinet", a passive: the first author
        return authors[0] if authors else None

    def _ministry(self, functie: Optional[str]) -> Optional[str]:
        if not functie:
            return None
        if functie.lower() in self.data["ministries"]:
            return self.data["ministries"][functie.lower()]
        m = re.match(r"(?:Minister|Staatssecretaris)\s+(?:van|voor)\s+(.+)", functie, re.I)
        if not m:
            return None
        portfolio = m.group(1)
        return self.data["ministries"].get(portfolio.lower(), portfolio)


def _author_for(ent: Span, authors: List[str]) -> Optional[str]:
    """A bare title ("de staatssecretaris") in a letter of several authors: the one author with that title."""
    if ent._.kamer_role != "bare_title" or not ent.text.strip():
        return None
    word = ent.text.lower().split()[-1]
    kind = "staatssecretaris" if word.startswith("staatssecretaris") else "minister" if word == "minister" else None
    same = [a for a in authors if kind and a.lower().split()[0] == kind]
    return same[0] if len(same) == 1 else None


def _copy_links(view: Doc, doc: Doc, spans_key: str) -> None:
    """Attributes computed on the clean view back onto the input's spans; quoted words as the input has them."""
    for clean, ent in zip(view.ents, doc.ents):
        for name in MINISTER_ATTRIBUTES:
            setattr(ent._, extension(name), getattr(clean._, extension(name)))
    for clean, span in zip(view.spans.get(spans_key, []), doc.spans.get(spans_key, [])):
        for name in TOEZEGGING_ATTRIBUTES:
            value = getattr(clean._, extension(name))
            setattr(span._, extension(name), original_words(clean, span, value) if name in QUOTED else value)


def object_phrase(span: Span, termijn) -> Optional[str]:
    """With a parse: the direct object of the sentence's promise ("de vragen", "de brief")."""
    doc = span.doc
    if not doc.has_annotation("DEP"):
        return None
    moment = (span.start_char + termijn.start, span.start_char + termijn.end) if termijn else (-1, -1)
    for tok in span:
        if tok.dep_ != "obj" or tok.pos_ not in ("NOUN", "PROPN") or tok.head.pos_ not in ("VERB", "AUX"):
            continue
        if tok.lower_ in NOT_THE_SUBJECT_MATTER or moment[0] <= tok.idx < moment[1]:
            continue  # the addressee, the word "toezegging", or a noun inside the deadline clause
        left, right = tok.left_edge.i, tok.right_edge.i + 1
        if span.start <= left and right <= span.end:
            text = doc[left:right].text
            if termijn and termijn.text in text:
                text = text[: text.index(termijn.text)]
            return text.strip(" ,") or None
    return None


def onderwerp(text: str, termijn: Optional[str]) -> Optional[str]:
    """Without a parse: the words after "over", "om", ... up to the next punctuation."""
    m = ONDERWERP.search(text)
    if not m:
        return None
    what = m.group("what")
    if termijn and termijn in what:
        what = what[: what.index(termijn)]
    what = what.strip()
    return what or None


def _active(rows: List[dict], ref: Optional[date], latest: bool = False) -> Optional[dict]:
    """The one person the rows name; without a letter date their office stays unknown."""
    if ref is not None:
        rows = [r for r in rows if r["start"] <= ref.isoformat() <= r["end"]]
    if len({r["persoon"] for r in rows}) != 1:
        return None
    rows = sorted(rows, key=lambda r: r["start"])
    offices = {r["functie"] for r in rows}
    return rows[-1] if latest or len(offices) == 1 else {**rows[-1], "functie": None}


def _has_word(text: str, surname: str) -> bool:
    """The surname stands in the name as whole words ("m.h. schultz van haegen-maas geesteranus")."""
    return re.search(r"(?:^|[\s.])" + re.escape(surname) + r"(?:$|[\s-])", text) is not None


def _middle_of(vergaderjaar: Optional[str]) -> Optional[date]:
    return date(int(vergaderjaar.split("-")[0]), 12, 31) if vergaderjaar else None


def _date(value: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"-\s*\n\s*", "-", text)).strip()
