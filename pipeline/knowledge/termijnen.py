"""Deadline phrases ("voor de zomer", "voor 1 juni a.s.") and occasions, resolved against the letter date.

The phrases are data (resources/termijn_phrases.jsonl, herkomst_patterns.jsonl);
how each kind becomes a date is the table in docs/termijnen.md.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Dict, List, Optional, Tuple

from pipeline.knowledge.macros import compile_pattern, macro_table, macro_words, read_macros
from pipeline.knowledge.resource_files import read_rule_file

NUMBERS = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "twaalf": 12,
}
QUARTER_WORDS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4}
# days of the working week (Monday = 0) that "begin", "midden"/"medio" and "eind" of a week cover
WEEK_PARTS = {"begi": (0, 2), "midd": (1, 3), "medi": (1, 3), "eind": (3, 4)}
SEASONS = {"voorjaar": (3, 1, 5, 31), "zomer": (6, 1, 8, 31), "najaar": (9, 1, 11, 30)}


@dataclass(frozen=True)
class Found:
    start: int  # offsets into the searched text
    end: int
    text: str
    iso: Optional[str]


def read_termijn_knowledge(termijn_file: str, herkomst_file: str, root=None) -> Dict[str, Any]:
    """The phrase and occasion rows, checked, with the macros they use (TermijnFinder's arguments)."""
    phrases = read_rule_file(termijn_file, root, "termijn_phrase")
    occasions = read_rule_file(herkomst_file, root, "herkomst_pattern")
    macros = macro_table(read_macros(root))
    for where, row in phrases + occasions:
        compile_pattern(row["pattern"], macros, where, re.I)  # a broken row stops the pipeline here
    return {"termijn": [r.row for r in phrases], "herkomst": [r.row for r in occasions], "macros": macros}


class TermijnFinder:
    def __init__(self, phrase_rows: List[dict], herkomst_rows: List[dict], macros: Dict[str, str]):
        self.phrases = [(r["kind"], compile_pattern(r["pattern"], macros, flags=re.I)) for r in phrase_rows]
        # "zo snel mogelijk en in ieder geval voor de zomer": a soft and a hard part are one termijn
        self.join = compile_pattern("{TERMIJN_JOIN}", macros, flags=re.I) if "TERMIJN_JOIN" in macros else None
        compiled = [compile_pattern(r["pattern"], macros, flags=re.I) for r in herkomst_rows]
        # a row with a "back" group points to an occasion named before the sentence
        self.occasions = [p for p in compiled if "back" not in p.groupindex]
        self.back_references = [p for p in compiled if "back" in p.groupindex]

    def termijn(self, text: str, letter_date: Optional[date]) -> Optional[Found]:
        """The first deadline in the sentence; past dates ("16 oktober jl.") are no deadline."""
        hits = []
        for order, (kind, pattern) in enumerate(self.phrases):
            for m in pattern.finditer(text):
                if (m.groupdict().get("rel") or "").lower().startswith("j"):
                    continue
                iso = resolve(kind, m.groupdict(), letter_date)
                if iso is False:
                    continue
                hits.append((m.start(), order, -len(m.group(0)), m, iso))
        kinds = [k for k, _ in self.phrases]
        firm = [h for h in hits if kinds[h[1]] != "vague"]
        hits = firm or hits  # "nader", "spoedig" only when nothing else names a moment
        if not hits:
            return None
        # the first moment; at one start the longest phrase ("zo spoedig mogelijk na het reces"), then the row order
        start, _, _, m, iso = min(hits, key=lambda h: (h[0], h[2], h[1]))
        end = m.end()
        if iso is None and self.join is not None:
            joined = self.join.match(text, end)
            hard = [h for h in hits if joined and h[3].start() == joined.end() and h[4] is not None]
            if hard:
                _, _, _, m2, iso = min(hard, key=lambda h: h[1:3])
                end = m2.end()
        return Found(start, end, text[start:end], iso)

    def herkomst(
        self, text: str, letter_date: Optional[date], termijn: Optional[Found] = None, before: str = ""
    ) -> Optional[Dict[str, Optional[str]]]:
        """{"type", "datum"} of the occasion named in the sentence; the deadline itself is none.

        A back-reference ("in dat overleg", "in voornoemde brief", "daarin") takes the occasion named in
        the sentences before (``before``); "dat overleg" without one there is an "overleg" dated by the
        previous sentence's date ("Op 13 oktober heb ik gesproken met ... In dat overleg ...").
        """
        found = self._occasions(text, letter_date, termijn)
        if found:
            return _best(found)[1]
        back = next((m for p in self.back_references for m in p.finditer(text)), None)
        if back is None:
            return None
        noun = _occasion_type(back.group("back")) if back.group("back") else None
        sentences = SENTENCE_END.split(before.strip())[-BACK_SENTENCES if noun else -1 :]
        earlier = [
            (n, hit)
            for n, sentence in enumerate(sentences)
            for hit in self._occasions(sentence, letter_date, None)
            if noun is None or _same_kind(noun, hit[1]["type"])
        ]
        if earlier:
            return max(earlier, key=lambda e: (e[0], e[1][1]["datum"] is not None, e[1][0]))[1][1]
        if noun is None or not sentences:
            return None
        dates = list(PAST_DATE.finditer(sentences[-1]))
        when = _past(dates[-1].groupdict(), letter_date) if dates else None
        return {"type": noun, "datum": when}

    def _occasions(self, text: str, letter_date: Optional[date], termijn: Optional[Found]):
        """(start, {"type", "datum"}) of each occasion in the text, outside the deadline."""
        hits = []
        for pattern in self.occasions:
            for m in pattern.finditer(text):
                if termijn is not None and m.start() < termijn.end and termijn.start < m.end():
                    continue
                groups = m.groupdict()
                hits.append((m.start(), {"type": _occasion_type(groups["type"]), "datum": _past(groups, letter_date)}))
        return hits


# a back-reference looks this many sentences back for the occasion it names
BACK_SENTENCES = 4
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
PLURALS = {"brieven": "brief", "debatten": "debat", "overleggen": "overleg", "commissiedebatten": "commissiedebat"}
# the occasion types of docs/annotation.md ("herkomst"), as the text names them
KNOWN_TYPES = ("algemeen overleg", "commissiedebat", "wetgevingsoverleg", "plenair debat", "notaoverleg")
PAST_DATE = re.compile(r"\b(?P<day>\d{1,2})\s+(?P<month>[a-z]+)(?:\s+(?P<year>\d{4}))?\b", re.I)


def _occasion_type(word: str) -> str:
    """'AO' -> 'algemeen overleg', 'plenaire debat' -> 'plenair debat', 'brieven' and 'Prinsjesdagbrief' -> 'brief'."""
    kind = re.sub(r"\s+", " ", word.lower()).strip()
    kind = {"ao": "algemeen overleg"}.get(kind, kind)
    kind = re.sub(r"^plenaire ", "plenair ", kind)
    kind = " ".join(PLURALS.get(w, w) for w in kind.split(" "))
    if kind in KNOWN_TYPES:
        return kind
    if kind.endswith("brief"):
        return "brief"  # kamerbrief, voortgangsbrief
    return kind


def _same_kind(noun: str, kind: str) -> bool:
    """'overleg' points back to an 'algemeen overleg'; 'brief' to a 'brief'."""
    return kind == noun or kind.split(" ")[-1].endswith(noun)


def _past(groups: Dict[str, Optional[str]], letter_date: Optional[date]) -> Optional[str]:
    day, month = groups.get("day"), groups.get("month") or ""
    if not day or letter_date is None or month.lower() not in months():
        return None
    return past_date(int(day), month_number(month), groups.get("year"), letter_date)


def _best(hits):
    """The occasion that names a date, else the first one."""
    return min(hits, key=lambda h: (h[1]["datum"] is None, h[0]))


def month_number(name: str) -> int:
    return months().index(name.lower()) + 1


@lru_cache(maxsize=1)
def months() -> Tuple[str, ...]:
    """The month names of macros.jsonl, read once when first needed."""
    return tuple(macro_words("MONTH"))


def iso_range(a: date, b: date) -> str:
    return f"{a.isoformat()}/{b.isoformat()}"


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def next_occurrence(month: int, day: int, ref: date) -> date:
    candidate = date(ref.year, month, min(day, calendar.monthrange(ref.year, month)[1]))
    return candidate if candidate >= ref else date(ref.year + 1, month, day)


def past_date(day: int, month: int, year: Optional[str], ref: date) -> Optional[str]:
    try:
        if year:
            return date(int(year), month, day).isoformat()
        candidate = date(ref.year, month, day)
        return (candidate if candidate <= ref else date(ref.year - 1, month, day)).isoformat()
    except ValueError:
        return None


def resolve(kind: str, g: Dict[str, Optional[str]], ref: Optional[date]):
    """ISO date or range, None when the moment has no date, False when the match is no deadline."""
    if kind in ("undated", "vague") or g.get("anchor"):
        return None
    if ref is None:
        return None
    try:
        return _RESOLVERS[kind](g, ref)
    except ValueError:
        return None


def _date(g, ref):
    month, day = month_number(g["month"]), int(g["day"])
    when = date(int(g["year"]), month, day) if g.get("year") else next_occurrence(month, day, ref)
    return when.isoformat()


def _month(g, ref):
    month = month_number(g["month"])
    year = int(g["year"]) if g.get("year") else (ref.year if month >= ref.month else ref.year + 1)
    mod = (g.get("mod1") or g.get("mod2") or "").lower()
    last = month_end(year, month).day
    first_day, last_day = {"begin": (1, 10), "medio": (11, 20), "half": (11, 20), "halverwege": (11, 20)}.get(
        mod, (21, last) if mod.startswith("eind") else (1, last)
    )
    return iso_range(date(year, month, first_day), date(year, month, last_day))


def _before_summer(g, ref):
    year = int(g["year"]) if g.get("year") else (ref.year if ref.month < 7 else ref.year + 1)
    return iso_range(ref, date(year, 7, 1))


def _season(g, ref):
    season = g["season"].lower()
    if season == "winter":
        year = int(g["year"]) if g.get("year") else ref.year
        return iso_range(date(year, 12, 1), month_end(year + 1, 2))
    m1, d1, m2, d2 = SEASONS[season]
    year = int(g["year"]) if g.get("year") else (ref.year if ref.month <= m2 else ref.year + 1)
    return iso_range(date(year, m1, d1), date(year, m2, d2))


def _year_end(g, ref):
    return iso_range(ref, date(ref.year, 12, 31))


def _quarter(g, ref):
    q = int(g["q"]) if g.get("q") else QUARTER_WORDS[g["qword"].lower()]
    year = int(g["year"]) if g.get("year") else (ref.year if q >= (ref.month - 1) // 3 + 1 else ref.year + 1)
    first = 3 * (q - 1) + 1
    return iso_range(date(year, first, 1), month_end(year, first + 2))


def _year(g, ref):
    year, mod = int(g["year"]), (g.get("mod") or "in").lower()
    if year < ref.year:
        return False  # "in 2015" in a 2019 letter is history, not a deadline
    if mod.startswith("eind"):
        return iso_range(date(year, 10, 1), date(year, 12, 31))
    if mod == "begin":
        return iso_range(date(year, 1, 1), date(year, 3, 31))
    if mod in {"voor", "vóór", "uiterlijk"}:
        return iso_range(ref, date(year - 1, 12, 31)) if year > ref.year else False
    return iso_range(date(year, 1, 1), date(year, 12, 31))


def _within(g, ref):
    n = int(g["n"]) if g["n"].isdigit() else NUMBERS[g["n"].lower()]
    unit = g["unit"].lower()
    days = n if unit.startswith("dag") else 7 * n if unit.startswith("we") else 365 * n if unit == "jaar" else None
    end = ref + timedelta(days=days) if days else _add_months(ref, n)
    return iso_range(ref, end)


def _add_months(ref: date, n: int) -> date:
    month = ref.month - 1 + n
    year, month = ref.year + month // 12, month % 12 + 1
    return date(year, month, min(ref.day, calendar.monthrange(year, month)[1]))


def _turn_of_year(g, ref):
    year = int(g["year"]) if g.get("year") else (ref.year if ref.month >= 7 else ref.year - 1)
    return iso_range(date(year, 12, 1), date(year + 1, 1, 31))


def _next_year(g, ref):
    return _year({"year": str(ref.year + 1), "mod": g.get("mod")}, ref)


def _prinsjesdag(g, ref):
    """The third Tuesday of September: the first day of the parliamentary year."""
    year = int(g["year"]) if g.get("year") else ref.year
    day = _third_tuesday(year)
    if not g.get("year") and day < ref:
        day = _third_tuesday(year + 1)
    return iso_range(ref, day) if day > ref else day.isoformat()


def _week(g, ref):
    monday = ref - timedelta(days=ref.weekday()) + timedelta(days=0 if g["which"].lower() == "deze" else 7)
    first, last = WEEK_PARTS.get((g.get("mod") or "").lower()[:4], (0, 4))
    return iso_range(monday + timedelta(days=first), monday + timedelta(days=last))


def _third_tuesday(year: int) -> date:
    first = date(year, 9, 1)
    return first + timedelta(days=(1 - first.weekday()) % 7 + 14)


_RESOLVERS = {
    "date": _date,
    "month": _month,
    "before_summer": _before_summer,
    "season": _season,
    "year_end": _year_end,
    "quarter": _quarter,
    "year": _year,
    "within": _within,
    "turn_of_year": _turn_of_year,
    "next_year": _next_year,
    "prinsjesdag": _prinsjesdag,
    "week": _week,
}
