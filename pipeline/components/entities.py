"""MINISTER, ORGANISATIE and OPERATIE from gazetteers and token rules -> doc.ents.

Three sources of candidates, all data under resources/:

* gazetteers (``gazetteers/*.jsonl``, one name per line) and compositions
  (``compositions.jsonl``: "minister" x "van" x every portfolio, ...), matched
  on the repaired token NORMs, so "Noord-\\nAtlantische Raad" and "Europese
  \\nCommissie" match; a case check keeps "EU" from matching "eu".
* token rules (``entity_rules.jsonl``): spaCy Matcher patterns; "@name" in a
  pattern stands for a word list under ``lists/``; an element marked
  ``"_drop": true`` is matched but left out of the span ("operatie" in
  "operatie Desert Storm"); optional whitespace tokens are allowed between
  elements, so hard line breaks never stop a match.
* document rules: an acronym in brackets after a tagged name gets its label
  and so do its later uses; a name is a MINISTER when it stands next to a
  MINISTER title (signature block, apposition).

Overlaps resolve longest first; fallback rules only fill gaps that no other
rule touches. Every entity records its rule in ``span._.rule``.
"""

import itertools
import re
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .. import extensions  # noqa: F401
from ..resource_files import RESOURCES, read_jsonl, read_list
from .acronyms import apply_acronyms
from .candidates import Candidate, next_content, overlaps, previous_content, take_non_overlapping
from .pdf_repair import is_skippable
from .serialize import DataBackedComponent

SPACE_ELEMENT = {"IS_SPACE": True, "OP": "*"}
TRAILING_CONNECTORS = {"en", "of", ","}


@Language.factory(
    "kamer_entities",
    default_config={
        "gazetteers_dir": "gazetteers",
        "compositions_file": "compositions.jsonl",
        "rules_file": "entity_rules.jsonl",
        "lists_dir": "lists",
        "resources_dir": None,
    },
)
def make_entities(nlp, name, gazetteers_dir, compositions_file, rules_file, lists_dir, resources_dir):
    root = Path(RESOURCES if resources_dir is None else resources_dir)
    lists = {
        p.stem: read_list(p.name, root / lists_dir)
        for p in sorted((root / lists_dir).glob("*.txt"))
    }
    gazetteer = []
    for path in sorted((root / gazetteers_dir).glob("*.jsonl")):
        gazetteer.extend(read_jsonl(path.name, path.parent))
    data = {
        "lists": lists,
        "gazetteer": gazetteer,
        "compositions": read_jsonl(compositions_file, root),
        "rules": read_jsonl(rules_file, root),
    }
    return EntityTagger(nlp, name, data)


class EntityTagger(DataBackedComponent):
    def __init__(self, nlp: Language, name: str, data: dict):
        self.nlp = nlp  # the tokenizer turns gazetteer names into token sequences
        super().__init__(name, data)

    # -- building matchers from data ------------------------------------------
    def _build(self) -> None:
        vocab = self.nlp.vocab
        self.lists = {k: list(v) for k, v in self.data["lists"].items()}
        self.phrase_matcher = PhraseMatcher(vocab, attr="ORTH")
        self.phrases: Dict[str, dict] = {}
        for row in self._phrase_rows():
            words = [t.norm_ for t in self.nlp.make_doc(row["pattern"]) if not t.is_space]
            key = f"{row['label']}|{row['id']}|{row.get('priority', 30)}"
            self.phrases[key] = row
            self.phrase_matcher.add(key, [Doc(vocab, words=words)])
        # original-case token texts per phrase for the case check (None: any case)
        self.phrase_forms: Dict[Tuple[str, Tuple[str, ...]], List[Optional[Tuple[str, ...]]]] = {}
        for row in self._phrase_rows():
            toks = tuple(t.text for t in self.nlp.make_doc(row["pattern"]) if not t.is_space)
            norms = tuple(t.lower() for t in toks)
            form = None if row.get("case") == "insensitive" else toks
            self.phrase_forms.setdefault((row["label"], norms), []).append(form)
        self.matcher = Matcher(vocab)
        self.rule_meta: Dict[str, Tuple[dict, set, set]] = {}
        for n, rule in enumerate(self.data["rules"]):
            pattern, dropped, spaces = self._expand_pattern(rule["pattern"])
            key = f"{rule['id']}#{n}"
            self.rule_meta[key] = (rule, dropped, spaces)
            self.matcher.add(key, [pattern], greedy="LONGEST")
        self.nationalities = {w.lower() for w in self.lists.get("nationality_adjectives", [])}
        self.courtesy = {w.lower() for w in self.lists.get("courtesy_titles", [])}
        self.org_heads = tuple(w.lower() for w in self.lists.get("org_name_heads", []))

    def _phrase_rows(self) -> Iterable[dict]:
        yield from self.data["gazetteer"]
        for comp in self.data["compositions"]:
            parts = [self._resolve_list(p) for p in comp["parts"]]
            for combo in itertools.product(*parts):
                yield {
                    "label": comp["label"],
                    "pattern": " ".join(combo),
                    "id": comp["id"],
                    "priority": comp.get("priority", 30),
                    "case": comp.get("case", "as_written"),
                }

    def _resolve_list(self, value) -> List[str]:
        if isinstance(value, str) and value.startswith("@"):
            return self.lists[value[1:]]
        return [value] if isinstance(value, str) else list(value)

    def _expand_pattern(self, elements: Sequence[dict]):
        """Resolve @lists, drop markers, and allow whitespace tokens between elements."""
        pattern, dropped, spaces = [], set(), set()
        for n, element in enumerate(elements):
            element = dict(element)
            # "_tight": no line break allowed before this element (a surname's second word)
            if n and not element.pop("_tight", False):
                spaces.add(len(pattern))
                pattern.append(dict(SPACE_ELEMENT))
            if element.pop("_drop", False):
                dropped.add(len(pattern))
            pattern.append(self._resolve_refs(element))
        return pattern, dropped, spaces

    def _resolve_refs(self, element):
        if isinstance(element, dict):
            return {k: self._resolve_refs(v) for k, v in element.items()}
        if isinstance(element, str) and element.startswith("@suffix:"):
            words = self.lists[element[len("@suffix:"):]]
            return "(?:" + "|".join(re.escape(w.lower()) for w in words) + ")$"
        if isinstance(element, str) and element.startswith("@lower:"):
            return sorted({w.lower() for w in self.lists[element[len("@lower:"):]]})
        if isinstance(element, str) and element.startswith("@"):
            return self.lists[element[1:]]
        return element

    # -- running ---------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        candidates = list(self._phrase_candidates(doc)) + list(self._rule_candidates(doc))
        chosen = self._resolve([c for c in candidates if c.context is None])
        chosen = self._extend_nationality(doc, chosen)
        chosen = self._add_context_names(doc, chosen, [c for c in candidates if c.context])
        chosen = apply_acronyms(doc, chosen, self.org_heads)
        spans = []
        for c in sorted(chosen, key=lambda c: c.start):
            span = Span(doc, c.start, c.end, label=c.label)
            span._.rule = c.rule
            spans.append(span)
        doc.ents = spans
        return doc

    def _phrase_candidates(self, doc: Doc) -> Iterable[Candidate]:
        content = [t for t in doc if not is_skippable(t)]
        if not content:
            return
        compact = Doc(doc.vocab, words=[t.norm_ for t in content])
        for key, start, end in self.phrase_matcher(compact):
            label, rule, priority = self.nlp.vocab.strings[key].split("|")
            tokens = content[start:end]
            if not self._case_ok(label, tokens):
                continue
            yield Candidate(tokens[0].i, tokens[-1].i + 1, label, rule, int(priority))

    def _case_ok(self, label: str, tokens: Sequence[Token]) -> bool:
        surface = tuple(repaired_surface(t) for t in tokens)
        forms = self.phrase_forms.get((label, tuple(s.lower() for s in surface)), [])
        return any(form is None or case_compatible(surface, form) for form in forms)

    def _rule_candidates(self, doc: Doc) -> Iterable[Candidate]:
        for key, start, end, alignment in self.matcher(doc, with_alignments=True):
            rule, dropped, spaces = self.rule_meta[self.nlp.vocab.strings[key]]
            kept = [start + k for k, el in enumerate(alignment) if el not in dropped and el not in spaces]
            if not kept:
                continue
            s, e = kept[0], kept[-1] + 1
            while e > s and (doc[e - 1].is_punct or doc[e - 1].lower_ in TRAILING_CONNECTORS):
                e -= 1  # a span never ends on punctuation or "en"
            if e == s:
                continue
            if any(t._.is_furniture for t in doc[s:e]) or self._after_excluded(doc, s, rule):
                continue
            yield Candidate(
                s, e, rule["label"], rule["id"], int(rule.get("priority", 20)),
                bool(rule.get("fallback", False)), rule.get("context"),
            )

    @staticmethod
    def _after_excluded(doc: Doc, start: int, rule: dict) -> bool:
        """The rule's "not_after" words stand right before the match ("Ministers van Defensie")."""
        if not rule.get("not_after"):
            return False
        words, tok = [], previous_content(doc, start)
        while tok is not None and len(words) < 2:
            words.insert(0, tok.lower_)
            tok = previous_content(doc, tok.i)
        before = " ".join(words)
        return any(before.endswith(phrase) for phrase in rule["not_after"])

    @staticmethod
    def _resolve(candidates: List[Candidate]) -> List[Candidate]:
        firm = [c for c in candidates if not c.fallback]
        ordered = sorted(firm, key=lambda c: (-c.length, -c.priority, c.start))
        chosen = take_non_overlapping(ordered, [])
        # a fallback may only fill a gap: it must not touch any firm candidate
        gaps = [c for c in candidates if c.fallback and not any(overlaps(c, f) for f in firm)]
        gaps.sort(key=lambda c: (-c.length, -c.priority, c.start))
        return take_non_overlapping(gaps, chosen)

    def _extend_nationality(self, doc: Doc, chosen: List[Candidate]) -> List[Candidate]:
        """'de Afghaanse Minister van Buitenlandse Zaken': the adjective joins the span."""
        out = []
        for c in chosen:
            prev = previous_content(doc, c.start)
            if c.label == "MINISTER" and prev is not None and prev.lower_ in self.nationalities:
                if not any(o.start <= prev.i < o.end for o in chosen):
                    c = Candidate(prev.i, c.end, c.label, c.rule + "+nationality", c.priority)
            out.append(c)
        return out

    def _add_context_names(self, doc, chosen, context_cands) -> List[Candidate]:
        ministers = [c for c in chosen if c.label == "MINISTER"]
        accepted = [
            c for c in context_cands
            if c.context == "next_to_minister" and self._next_to_minister(doc, c, ministers)
        ]
        accepted.sort(key=lambda c: (-c.length, -c.priority, c.start))
        return take_non_overlapping(accepted, chosen)

    def _next_to_minister(self, doc: Doc, cand: Candidate, ministers: List[Candidate]) -> bool:
        """Name directly after 'Title,' (signature) or directly before ', Title' (apposition)."""
        before = previous_content(doc, cand.start)
        while before is not None and before.lower_ in self.courtesy:
            before = previous_content(doc, before.i)  # "De Minister van BZ,\nDrs. M.J.M. Verhagen"
        if before is not None and before.text == ",":
            title = previous_content(doc, before.i)
            if title is not None and any(m.end == title.i + 1 for m in ministers):
                return True
        after = next_content(doc, cand.end - 1)
        if after is not None and after.text == ",":
            title = next_content(doc, after.i)
            if title is not None and any(m.start == title.i for m in ministers):
                return True
        return False



def repaired_surface(token: Token) -> str:
    """The token as it would be written without the PDF line break ('Noord-Atlantische')."""
    text = token.text
    if not any(ch.isspace() for ch in text):
        return text
    with_hyphen = re.sub(r"-\s+", "-", text)
    if with_hyphen.lower() == token.norm_:
        return with_hyphen
    return re.sub(r"-\s+", "", text)


def case_compatible(surface: Sequence[str], form: Sequence[str]) -> bool:
    """Exact, ALL CAPS (headings), or differing only in the first letter's case."""
    if tuple(surface) == tuple(form):
        return True
    if all(s == f.upper() for s, f in zip(surface, form)):
        return True
    first_s, first_f = surface[0], form[0]
    return (
        tuple(surface[1:]) == tuple(form[1:])
        and first_s[1:] == first_f[1:]
        and first_s[:1].lower() == first_f[:1].lower()
    )
