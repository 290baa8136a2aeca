"""Every written form of a Dutch verb given by its lemma, so that rules can list lemmas only.

A lemma list entry is "zenden" or, for a separable verb, "toe|zenden". The forms come from two sources that
need no statistical model (so the blank fallback has them too):

* spaCy's Dutch lemma lookup table (spacy-lookups-data): every inflected form whose lemma is the entry
  ("toegezonden" -> "toezenden", "verstuurd" -> "versturen");
* Dutch present-tense morphology for the forms the table leaves out: the stem and stem + t ("stuur",
  "stuurt" for "sturen"; "blijf" for "blijven"; "zend", "zendt" for "zenden").

A separable verb is matched joined ("toezenden", "toegezonden", "toe te zenden" is two words and matched as
split) and split ("zend ... toe"): ``split_forms`` gives the forms of its verb part and its particle.
"""

from functools import lru_cache
from typing import Dict, FrozenSet, Iterable, List, Set, Tuple

VOWELS = "aeiouy"


@lru_cache(maxsize=1)
def _lemma_table() -> Dict[str, str]:
    """form -> lemma: the lookup table and the verb exceptions of spacy-lookups-data (a declared dependency)."""
    try:
        import spacy_lookups_data  # type: ignore[import-untyped]
        import srsly

        table: Dict[str, str] = dict(srsly.read_gzip_json(spacy_lookups_data.get_file("nl_lemma_lookup.json.gz")))
        exceptions = srsly.read_gzip_json(spacy_lookups_data.get_file("nl_lemma_exc.json.gz")).get("verb", {})
    except (ImportError, OSError, ValueError):
        return {}  # without the package only the morphology below remains
    for form, lemmas in exceptions.items():
        for lemma in lemmas:
            table.setdefault(form, lemma)
    return table


@lru_cache(maxsize=1)
def _forms_by_lemma() -> Dict[str, FrozenSet[str]]:
    out: Dict[str, Set[str]] = {}
    for form, lemma in _lemma_table().items():
        out.setdefault(lemma, set()).add(form)
    return {lemma: frozenset(forms) for lemma, forms in out.items()}


def present_stem(infinitive: str) -> str:
    """'sturen' -> 'stuur', 'zenden' -> 'zend', 'blijven' -> 'blijf', 'lezen' -> 'lees', 'gaan' -> 'ga'."""
    if not infinitive.endswith("en") or len(infinitive) < 5:
        # gaan, staan -> ga, sta; zien, doen -> zie, doe
        short = infinitive[:-1] if infinitive.endswith("n") else infinitive
        return short[:-1] if short.endswith("aa") else short
    stem = infinitive[:-2]
    if stem[-1] == stem[-2] and stem[-1] not in VOWELS:
        return stem[:-1]  # kennen -> ken, verstrekken -> verstrek
    stem = stem[:-1] + {"v": "f", "z": "s"}.get(stem[-1], stem[-1])
    # a long vowel in an open syllable is written double when the syllable closes: stu-ren -> stuur
    open_syllable = stem[-2] in "aeou" and stem[-1] not in VOWELS and stem[-3] not in VOWELS
    if open_syllable and not infinitive.endswith("komen"):  # "komen" -> "kom" is the one common exception
        stem = stem[:-1] + stem[-2] + stem[-1]
    return stem


def present_forms(infinitive: str) -> Set[str]:
    """Infinitive, stem ('ik stuur') and stem + t ('hij stuurt'; no second t after t: 'licht')."""
    stem = present_stem(infinitive)
    return {infinitive, stem, stem if stem.endswith("t") else stem + "t"}


def forms_of(lemma: str) -> Set[str]:
    """All written forms of one (joined) lemma, without present participles ('volgende' is an adjective)."""
    forms = set(_forms_by_lemma().get(lemma, ())) | present_forms(lemma)
    return {f for f in forms if f == lemma or not f.endswith(("end", "ende", "enden"))}


def parse_entry(entry: str) -> Tuple[str, str]:
    """'toe|zenden' -> ('toe', 'zenden'); 'zenden' -> ('', 'zenden')."""
    particle, _, verb = entry.rpartition("|")
    return particle, verb


def joined_forms(entries: Iterable[str]) -> List[str]:
    """Forms of the entries written as one word ('toezenden', 'toegezonden', 'stuurt')."""
    out: Set[str] = set()
    for entry in entries:
        particle, verb = parse_entry(entry)
        out |= forms_of(particle + verb)
    return sorted(out)


def split_forms(entries: Iterable[str]) -> List[Tuple[List[str], str]]:
    """For each separable entry: the forms of its verb part and its particle ('zend', 'zendt', ...; 'toe')."""
    out = []
    for entry in entries:
        particle, verb = parse_entry(entry)
        if particle:
            out.append((sorted(forms_of(verb)), particle))
    return out
