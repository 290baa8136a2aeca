"""Which earlier `nieuw` commitment a `nagekomen` one, or a letter citing it, settles, on evidence; never a guess.

A candidate must be anchored: the settling sentence or its letter names the earlier letter's Kamerstuk,
or the herkomst is a letter ("brief") of that letter's date. Among the `nieuw` commitments of the
anchored letters, each piece of evidence adds its weight (resources/register.json): the anchors, the same
dossier, ministerie and bewindspersoon, and the word overlap of the two sentences. The best candidate is
linked when its confidence reaches the threshold and no other comes within the margin; otherwise the
nagekomen commitment stays unlinked with its reason (no_candidate, weak, ambiguous).

A delivering sentence that names an earlier letter (table citing_sentences, citing_sentences.py) is
weighed the same way, anchored only by what the sentence itself names (the Kamerstuk, or "mijn brief van
<datum>" in the same dossier), and must share the promise's topic (its onderwerp, else its sentence):
enough of those words, else `weak`. Its link is of kind `citing_letter` with the confidence times a factor
below one; a promise a nagekomen link already settles keeps that link (`settled_by_nagekomen`). A citing
sentence whose named letters hold no promise is not recorded: most letters cite letters that promised
nothing.
Linking is recomputed over the whole register after every load: the result depends only on the rows.
"""

import json
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from typing import Dict, FrozenSet, List, Optional, Set, Tuple

from pipeline.register.citations import Key, cited, dossier_key
from pipeline.register.schema import Citing, Linking, Register
from pipeline.register.store import replace_rows

WORD = re.compile(r"\w+")
Scored = Tuple[float, str, List[dict]]  # (confidence, nummer of the candidate, evidence items)


@dataclass(frozen=True)
class Letter:
    id: str
    datum: Optional[str]
    dossier: Optional[str]
    key: Optional[Key]
    cites: FrozenSet[Key]


@dataclass(frozen=True)
class Commitment:
    nummer: str
    letter: str
    tekst: str
    status: str
    ministerie: Optional[str]
    bewindspersoon: Optional[str]
    herkomst_type: Optional[str]
    herkomst_datum: Optional[str]
    onderwerp: Optional[str]
    termijn: Optional[str]


@dataclass(frozen=True)
class CitingSentence:
    nummer: str
    letter: str
    start: int
    end: int
    tekst: str
    cites: FrozenSet[Key]
    brief_datum: Optional[str]


def words(text: str, rules: Linking) -> Set[str]:
    """The content words of a sentence: lower case, not too short, no stop word."""
    return {w for w in WORD.findall(text.lower()) if len(w) >= rules.min_token_chars and w not in rules.stop_words}


def overlap(a: Set[str], b: Set[str]) -> float:
    """Share of the shorter sentence's content words found in the other (0 when either has none)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


class Linker:
    def __init__(self, letters: List[Letter], commitments: List[Commitment], schema: Register) -> None:
        self.rules: Linking = schema.linking
        self.citing: Citing = schema.citing
        self.patterns = schema.citations
        self.letters = {letter.id: letter for letter in letters}
        self.by_key: Dict[Key, List[str]] = defaultdict(list)
        self.by_date: Dict[str, List[str]] = defaultdict(list)
        for letter in letters:
            if letter.key:
                self.by_key[letter.key].append(letter.id)
            if letter.datum:
                self.by_date[letter.datum].append(letter.id)
        self.nieuw: Dict[str, List[Commitment]] = defaultdict(list)
        for c in commitments:
            if c.status == "nieuw":
                self.nieuw[c.letter].append(c)
        self._words: Dict[str, Set[str]] = {}
        self._topics: Dict[str, Set[str]] = {}

    def words_of(self, c: Commitment) -> Set[str]:
        if c.nummer not in self._words:
            self._words[c.nummer] = words(c.tekst, self.rules)
        return self._words[c.nummer]

    def topic_of(self, c: Commitment) -> Set[str]:
        """The content words of what was promised: the onderwerp, else the sentence without its termijn and
        the frame of a promise ("zal uw Kamer ... informeren", "met mijn reactie komen")."""
        if c.nummer not in self._topics:
            topic = words(c.onderwerp or "", self.rules)
            if not topic:
                sentence = c.tekst.replace(c.termijn, " ", 1) if c.termijn else c.tekst
                topic = words(sentence, self.rules) - self.citing.frame
            self._topics[c.nummer] = topic
        return self._topics[c.nummer]

    def shared(self, topic: Set[str], sentence: Set[str]) -> Set[str]:
        """The topic words the sentence has, itself or as the head of a compound ("beleidsreactie": reactie)."""
        heads = {w for w in topic if len(w) >= self.citing.compound_head_min_chars}
        return (topic & sentence) | {w for w in heads if any(s.endswith(w) for s in sentence)}

    def anchored_letters(self, n: Commitment) -> Dict[str, Dict[str, str]]:
        """The letters the settling sentence or its letter points to, with the anchors that point there."""
        own = self.letters[n.letter]
        anchors: Dict[str, Dict[str, str]] = defaultdict(dict)
        in_sentence = cited(n.tekst, self.patterns)
        for key in in_sentence | own.cites:
            kind = "kamerstuk_in_zin" if key in in_sentence else "kamerstuk_in_brief"
            for letter in self.by_key.get(key, []):
                anchors[letter][kind] = f"{key[0]} nr. {key[1]}"
        if n.herkomst_type in self.rules.herkomst_types and n.herkomst_datum:
            for letter in self.by_date.get(n.herkomst_datum, []):
                anchors[letter]["herkomst_datum"] = f"{n.herkomst_type} van {n.herkomst_datum}"
        return self._earlier(anchors, own)

    def citing_anchors(self, s: CitingSentence) -> Dict[str, Dict[str, str]]:
        """The letters a citing sentence names: by Kamerstuk, or a letter of the named date in the same dossier."""
        own = self.letters[s.letter]
        anchors: Dict[str, Dict[str, str]] = defaultdict(dict)
        for key in s.cites:
            for letter in self.by_key.get(key, []):
                anchors[letter]["kamerstuk_in_zin"] = f"{key[0]} nr. {key[1]}"
        for letter in self.by_date.get(s.brief_datum or "", []):
            if own.dossier and self.letters[letter].dossier == own.dossier:
                anchors[letter]["brief_datum_in_zin"] = f"brief van {s.brief_datum}"
        return self._earlier(anchors, own)

    def _earlier(self, anchors: Dict[str, Dict[str, str]], own: Letter) -> Dict[str, Dict[str, str]]:
        """The anchored letters other than `own` and not dated after it."""
        return {
            letter: found
            for letter, found in anchors.items()
            if letter != own.id and not _later(self.letters[letter].datum, own.datum)
        }

    def evidence(self, n: Commitment, c: Commitment, anchors: Dict[str, str]) -> List[dict]:
        a, b = self.letters[c.letter], self.letters[n.letter]
        found = [(kind, detail) for kind, detail in anchors.items()]
        if a.dossier and a.dossier == b.dossier:
            found.append(("zelfde_dossier", a.dossier))
        if c.ministerie and c.ministerie == n.ministerie:
            found.append(("zelfde_ministerie", c.ministerie))
        if c.bewindspersoon and c.bewindspersoon == n.bewindspersoon:
            found.append(("zelfde_bewindspersoon", c.bewindspersoon))
        items = [{"soort": kind, "gewicht": self.rules.weights[kind], "detail": detail} for kind, detail in found]
        share = overlap(self.words_of(n), self.words_of(c))
        if share:
            weight = round(self.rules.weights["tekst_overlap"] * share, 3)
            items.append({"soort": "tekst_overlap", "gewicht": weight, "detail": f"{share:.2f}"})
        return items

    def decide(self, n: Commitment) -> Tuple[Optional[dict], Optional[dict]]:
        """(a links row, None) or (None, an unlinked row)."""
        scored: List[Scored] = []
        anchored = self.anchored_letters(n)
        for letter, anchors in sorted(anchored.items()):
            for c in self.nieuw.get(letter, []):
                items = self.evidence(n, c, anchors)
                scored.append((round(sum(i["gewicht"] for i in items), 3), c.nummer, items))
        if not scored:
            reason = "no_candidate" if not anchored else "no_commitment_in_named_letter"
            return None, _unlinked(n.nummer, "nagekomen", reason, sorted(anchored))
        return self._choose(n.nummer, n.letter, "nagekomen", scored)

    def decide_citing(self, s: CitingSentence, settled: Set[str]) -> Tuple[Optional[dict], Optional[dict]]:
        """Which promise of the letters the sentence names it settles: (link, None), (None, unlinked) or
        (None, None) when those letters promised nothing."""
        sentence = words(s.tekst, self.rules)
        scored: List[Scored] = []
        weak: List[Scored] = []
        for letter, anchors in sorted(self.citing_anchors(s).items()):
            for c in self.nieuw.get(letter, []):
                topic = self.topic_of(c)
                shared = self.shared(topic, sentence)
                share = len(shared) / len(topic) if topic else 0.0
                items = self.citing_evidence(s, c, anchors, share, shared)
                score = round(sum(i["gewicht"] for i in items), 3)
                if share < self.citing.min_overlap or len(shared) < self.citing.min_shared_words:
                    weak.append((score, c.nummer, items))
                else:
                    scored.append((score, c.nummer, items))
        if not scored:
            if not weak:
                return None, None
            return None, _unlinked(s.nummer, "citing_letter", "weak", _shown(sorted(weak, key=_order)))
        link, miss = self._choose(s.nummer, s.letter, "citing_letter", scored)
        if link is None:
            return None, miss
        if link["settled"] in settled:
            return None, _unlinked(s.nummer, "citing_letter", "settled_by_nagekomen", [link["settled"]])
        link["confidence"] = round(link["confidence"] * self.citing.factor, 3)
        return link, None

    def citing_evidence(
        self, s: CitingSentence, c: Commitment, anchors: Dict[str, str], share: float, shared: Set[str]
    ) -> List[dict]:
        a, b = self.letters[c.letter], self.letters[s.letter]
        found = list(anchors.items())
        if a.dossier and a.dossier == b.dossier:
            found.append(("zelfde_dossier", a.dossier))
        items = [{"soort": kind, "gewicht": self.rules.weights[kind], "detail": detail} for kind, detail in found]
        weight = round(self.rules.weights["onderwerp_overlap"] * share, 3)
        items.append(
            {"soort": "onderwerp_overlap", "gewicht": weight, "detail": f"{share:.2f}: {' '.join(sorted(shared))}"}
        )
        # the citing sentence itself, with its offsets in its letter: what a reader checks first
        items.append({"soort": "levering", "gewicht": 0.0, "detail": f"{s.start}-{s.end}: {s.tekst}"})
        return items

    def _choose(
        self, settling: str, brief: str, kind: str, scored: List[Scored]
    ) -> Tuple[Optional[dict], Optional[dict]]:
        """The best-scored candidate as a link, unless it is weak or another comes within the margin."""
        scored.sort(key=_order)
        best, items = scored[0][0], scored[0][2]
        if best < self.rules.threshold:
            return None, _unlinked(settling, kind, "weak", _shown(scored))
        if len(scored) > 1 and best - scored[1][0] < self.rules.margin:
            return None, _unlinked(settling, kind, "ambiguous", _shown(scored))
        link = {
            "settling": settling,
            "kind": kind,
            "brief": brief,
            "settled": scored[0][1],
            "confidence": min(best, 1.0),
            "evidence": json.dumps(items, ensure_ascii=False, sort_keys=True),
        }
        return link, None


def _order(scored: Scored) -> Tuple[float, str]:
    return (-scored[0], scored[1])


def _shown(scored: List[Scored]) -> List[dict]:
    return [{"nummer": nummer, "zekerheid": score} for score, nummer, _ in scored[:3]]


def _unlinked(settling: str, kind: str, reason: str, candidates: list) -> dict:
    return {"settling": settling, "kind": kind, "reason": reason, "candidates": json.dumps(candidates)}


def _later(a: Optional[str], b: Optional[str]) -> bool:
    return bool(a and b and a > b)


def relink(conn: sqlite3.Connection, schema: Register) -> Tuple[int, int]:
    """Replace the links and unlinked tables from the current letters and toezeggingen; (linked, unlinked)."""
    letters = [
        Letter(id, datum, dossier_key(dossier), _own_key(kamerstuk, schema), frozenset(map(tuple, json.loads(cites))))
        for id, datum, dossier, kamerstuk, cites in conn.execute(
            "SELECT id, datum, dossier, kamerstuk, cites FROM letters"
        )
    ]
    commitments = [
        Commitment(*row)
        for row in conn.execute(
            "SELECT nummer, letter, tekst, status, ministerie, bewindspersoon, herkomst_type, herkomst_datum, "
            "onderwerp, termijn FROM toezeggingen ORDER BY nummer"
        )
    ]
    citing = [
        CitingSentence(nummer, letter, start, end, tekst, frozenset(map(tuple, json.loads(cites))), brief_datum)
        for nummer, letter, start, end, tekst, cites, brief_datum in conn.execute(
            "SELECT nummer, letter, start, [end], tekst, cites, brief_datum FROM citing_sentences ORDER BY nummer"
        )
    ]
    linker = Linker(letters, commitments, schema)
    decided = [linker.decide(n) for n in commitments if n.status == "nagekomen"]
    settled = {link["settled"] for link, _ in decided if link}  # a nagekomen link wins over a citing letter
    decided += [linker.decide_citing(s, settled) for s in citing]
    links = [link for link, _ in decided if link]
    unlinked = [miss for _, miss in decided if miss]
    conn.execute("DELETE FROM links")
    conn.execute("DELETE FROM unlinked")
    replace_rows(conn, schema.tables["links"], links)
    replace_rows(conn, schema.tables["unlinked"], unlinked)
    return len(links), len(unlinked)


def _own_key(kamerstuk: Optional[str], schema: Register) -> Optional[Key]:
    """The letter's own Kamerstuk ('34 775 X, nr. 66') as a citation key."""
    keys = cited(kamerstuk, schema.citations) if kamerstuk else set()
    return next(iter(keys)) if len(keys) == 1 else None
