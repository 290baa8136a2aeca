"""Which earlier `nieuw` commitment a `nagekomen` one settles, on evidence; never a guess.

A candidate must be anchored: the settling sentence or its letter names the earlier letter's Kamerstuk,
or the herkomst is a letter ("brief") of that letter's date. Among the `nieuw` commitments of the
anchored letters, each piece of evidence adds its weight (resources/register.json): the anchors, the same
dossier, ministerie and bewindspersoon, and the word overlap of the two sentences. The best candidate is
linked when its confidence reaches the threshold and no other comes within the margin; otherwise the
nagekomen commitment stays unlinked with its reason (no_candidate, weak, ambiguous).
Linking is recomputed over the whole register after every load: the result depends only on the rows.
"""

import json
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from typing import Dict, FrozenSet, List, Optional, Set, Tuple

from pipeline.register.citations import Key, cited, dossier_key
from pipeline.register.schema import Linking, Register
from pipeline.register.store import replace_rows

WORD = re.compile(r"\w+")


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


def words(text: str, rules: Linking) -> Set[str]:
    """The content words of a sentence: lower case, not too short, no stop word."""
    return {w for w in WORD.findall(text.lower()) if len(w) >= rules.min_token_chars and w not in rules.stop_words}


def overlap(a: Set[str], b: Set[str]) -> float:
    """Share of the shorter sentence's content words found in the other (0 when either has none)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


class Linker:
    def __init__(self, letters: List[Letter], commitments: List[Commitment], schema: Register) -> None:
        self.rules: Linking = schema.linking
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

    def words_of(self, c: Commitment) -> Set[str]:
        if c.nummer not in self._words:
            self._words[c.nummer] = words(c.tekst, self.rules)
        return self._words[c.nummer]

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
        scored = []
        anchored = self.anchored_letters(n)
        for letter, anchors in sorted(anchored.items()):
            for c in self.nieuw.get(letter, []):
                items = self.evidence(n, c, anchors)
                scored.append((round(sum(i["gewicht"] for i in items), 3), c.nummer, items))
        scored.sort(key=lambda s: (-s[0], s[1]))
        shown = [{"nummer": nummer, "zekerheid": score} for score, nummer, _ in scored[:3]]
        if not scored:
            reason = "no_candidate" if not anchored else "no_commitment_in_named_letter"
            return None, {"settling": n.nummer, "reason": reason, "candidates": json.dumps(sorted(anchored))}
        best, items = scored[0][0], scored[0][2]
        if best < self.rules.threshold:
            return None, {"settling": n.nummer, "reason": "weak", "candidates": json.dumps(shown)}
        if len(scored) > 1 and best - scored[1][0] < self.rules.margin:
            return None, {"settling": n.nummer, "reason": "ambiguous", "candidates": json.dumps(shown)}
        link = {
            "settling": n.nummer,
            "settled": scored[0][1],
            "confidence": min(best, 1.0),
            "evidence": json.dumps(items, ensure_ascii=False, sort_keys=True),
        }
        return link, None


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
            "SELECT nummer, letter, tekst, status, ministerie, bewindspersoon, herkomst_type, herkomst_datum "
            "FROM toezeggingen ORDER BY nummer"
        )
    ]
    linker = Linker(letters, commitments, schema)
    links, unlinked = [], []
    for n in commitments:
        if n.status == "nagekomen":
            link, miss = linker.decide(n)
            if link:
                links.append(link)
            if miss:
                unlinked.append(miss)
    conn.execute("DELETE FROM links")
    conn.execute("DELETE FROM unlinked")
    replace_rows(conn, schema.tables["links"], links)
    replace_rows(conn, schema.tables["unlinked"], unlinked)
    return len(links), len(unlinked)


def _own_key(kamerstuk: Optional[str], schema: Register) -> Optional[Key]:
    """The letter's own Kamerstuk ('34 775 X, nr. 66') as a citation key."""
    keys = cited(kamerstuk, schema.citations) if kamerstuk else set()
    return next(iter(keys)) if len(keys) == 1 else None
