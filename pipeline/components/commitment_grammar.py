"""Commitments found by grammar: a future or intended delivery to the Kamer, from lemma lists and the parse.

``toezegging_grammar.jsonl`` holds two kinds of rows:

* features: what a sentence contains. A ``pattern`` is a spaCy Matcher token pattern, a ``dep_pattern`` a
  DependencyMatcher pattern (it needs the base model's parser), ``regex`` a regular expression with macros
  over the sentence's norms, and ``separable`` names a verb list whose separable verbs ("toe|zenden") are
  matched split ("zend ... toe"). "@verbforms:delivery_verbs" stands for every written form of the listed
  lemmas (knowledge/verb_forms.py), so a rule names lemmas and a new inflection costs nothing.
* rules: a status when ``all`` features are present, at least one of ``any``, and none of ``none``.

Without the base model (the blank fallback) ``dep_pattern`` features and patterns on POS, MORPH, TAG, LEMMA
or DEP are never present: docs/generalisation.md measures what that costs. A span found here records the
rule's id, like every other span.
"""

import re
from typing import Any, Dict, FrozenSet, Iterable, List, Optional, Set, Tuple

from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from pipeline.knowledge.macros import compile_pattern, expand_refs
from pipeline.knowledge.resource_files import Located, ResourceError
from pipeline.knowledge.verb_forms import split_forms

# token attributes set by the statistical base model: without it (blank fallback) no pattern on them can match
MODEL_ATTRS = {"POS", "TAG", "MORPH", "LEMMA", "DEP"}


# "any tokens" inside a pattern, but never past the start of the next sentence
ANY_IN_SENTENCE = {"IS_SENT_START": False, "OP": "*"}


def within_sentence(element: dict) -> dict:
    """A bare wildcard ({"OP": "*"}) becomes one that stops at a sentence start."""
    return dict(ANY_IN_SENTENCE) if element == {"OP": "*"} else element


def row_kind(row: dict) -> str:
    return "toezegging_grammar_rule" if "status" in row else "toezegging_feature"


class CommitmentGrammar:
    def __init__(self, vocab: Vocab, rows: Iterable[Located], lists: Dict[str, List[str]], macros: Dict[str, str]):
        self.vocab = vocab
        self.matcher = Matcher(vocab, validate=True)
        # patterns that read the base model's tags (POS, MORPH ...) run only on docs that have them
        self.model_matcher = Matcher(vocab, validate=True)
        self.dep_matcher = DependencyMatcher(vocab, validate=True)
        # separable verbs written apart ("zend ... toe", "toe te zenden"): feature -> its (verb form, particle) pairs
        self.separable_matcher = Matcher(vocab, validate=True)
        self._separable_pairs: Dict[str, Set[Tuple[str, str]]] = {}
        # feature -> for each of its word patterns the word sets it needs a word of each of (none: any sentence);
        # a cheap test of which sentences are worth the Matcher (possible_word_features)
        self._anchors: Dict[str, List[List[FrozenSet[int]]]] = {}
        self.regexes: List[Tuple[str, re.Pattern[str]]] = []
        self.regex_feature_names: Set[str] = set()  # what regex_features can return
        self.rules: List[dict] = []
        self._stands_for: Dict[str, str] = {}
        for where, row in rows:
            if row_kind(row) == "toezegging_grammar_rule":
                self.rules.append(row)
                continue
            try:
                self._add_feature(where, row, lists, macros)
            except (ValueError, TypeError, KeyError) as err:
                problem = " ".join(str(err).split())
                raise ResourceError(f"{where}: invalid feature pattern ({problem})") from None
        self._model_only_none: Set[str] = set()  # (no rule needs a model feature in "all" without a stand-in)
        known = {row["feature"] for _, row in rows if row_kind(row) == "toezegging_feature"}
        for rule in self.rules:
            unknown = sorted(set(rule.get("all", []) + rule.get("any", []) + rule.get("none", [])) - known)
            if unknown:
                raise ResourceError(f"grammar rule {rule['id']!r}: unknown feature {unknown[0]!r}")

    def _add_feature(self, where: str, row: dict, lists: Dict[str, List[str]], macros: Dict[str, str]) -> None:
        name = row["feature"]
        if row.get("stands_for"):
            self._stands_for[name] = row["stands_for"]
        if "pattern" in row:
            pattern = [within_sentence(expand_refs(el, lists, where)) for el in row["pattern"]]
            reads_model = any(MODEL_ATTRS & set(el) for el in pattern)
            (self.model_matcher if reads_model else self.matcher).add(name, [pattern])
            if not reads_model:
                self._anchors.setdefault(name, []).append(anchor_words(pattern, self.vocab))
        elif "dep_pattern" in row:
            pattern = [
                {k: expand_refs(v, lists, where) if k == "RIGHT_ATTRS" else v for k, v in node.items()}
                for node in row["dep_pattern"]
            ]
            self.dep_matcher.add(name, [pattern])
        elif "regex" in row:
            self.regexes.append((name, compile_pattern(row["regex"], macros, where)))
            self.regex_feature_names.add(name)
        else:  # separable verbs written apart: "zend ... toe" and "toe te zenden"
            # one pattern for all verbs of the list, the verb and its own particle checked after matching
            # (separable_found): a pattern per verb made the Matcher test a set per verb on every token
            entries = expand_refs("@" + row["separable"], lists, where)
            pairs = self._separable_pairs.setdefault(name, set())
            for forms, particle in split_forms(entries):
                pairs.update((form, particle) for form in forms)
            verbs = sorted({form for form, _ in pairs})
            particles = sorted({particle for _, particle in pairs})
            split: List[Dict[str, Any]] = [{"NORM": {"IN": verbs}}, dict(ANY_IN_SENTENCE), {"NORM": {"IN": particles}}]
            te_infinitive: List[Dict[str, Any]] = [{"NORM": {"IN": particles}}, {"NORM": "te"}, {"NORM": {"IN": verbs}}]
            self.separable_matcher.add(name, [split, te_infinitive])
            self._anchors.setdefault(name, []).append(anchor_words(split, self.vocab))

    def features_by_sentence(self, doc: Doc, sentences: Optional[Iterable[Span]] = None) -> Dict[int, Set[str]]:
        """Sentence start -> the token features found in it (matches never cross a sentence).

        ``sentences``: only these (the candidate sentences of selective parsing); all sentences when None.
        """
        found: Dict[int, Set[str]] = {}
        strings = doc.vocab.strings
        with_model = len(self.model_matcher) and doc.has_annotation("POS") and doc.has_annotation("MORPH")
        with_parse = len(self.dep_matcher) and doc.has_annotation("DEP")
        chosen = list(doc.sents) if sentences is None else list(sentences)
        # a "*" never runs past a sentence start (ANY_IN_SENTENCE), so the whole letter is matched at once when all
        # its sentences are wanted, and sentence by sentence when only a few are
        all_sents = list(doc.sents)
        whole = sentences is None or len(chosen) * 4 > len(all_sents)
        sentence_of = [0] * len(doc)  # token -> the start of its sentence
        for sent in all_sents:
            sentence_of[sent.start : sent.end] = [sent.start] * len(sent)
        starts = {sent.start for sent in chosen}
        for part in [doc[:]] if whole else chosen:
            matches = (list(self.matcher(part)) if len(self.matcher) else []) + self.separable_found(part)
            if with_model:
                matches += self.model_matcher(part)
            for key, start, _ in matches:
                sent_start = sentence_of[part.start + start]
                if sent_start in starts:
                    found.setdefault(sent_start, set()).add(strings[key])
        if with_parse:
            # the DependencyMatcher first runs its token patterns over all it is given: only the wanted sentences
            for part in [doc[:]] if whole else chosen:
                for key, token_ids in self.dep_matcher(doc if whole else part):
                    start = sentence_of[part.start + token_ids[0]]
                    if start in starts and all(sentence_of[part.start + i] == start for i in token_ids):
                        found.setdefault(start, set()).add(strings[key])
        return found

    def possible_word_features(self, words: Set[int]) -> Set[str]:
        """The word features a sentence may have, given the hashes of its NORMs and LOWERs (a superset, no Matcher)."""
        return {
            name
            for name, anchors in self._anchors.items()
            if any(all(not needed.isdisjoint(words) for needed in anchor) for anchor in anchors)
        }

    def separable_found(self, part: Span) -> List[Tuple[int, int, int]]:
        """Matches of a verb and its own particle (the shared pattern also pairs a verb with another's particle)."""
        if not len(self.separable_matcher):
            return []
        strings = part.doc.vocab.strings
        found = []
        for key, start, end in self.separable_matcher(part):
            first, last = part[start].norm_, part[end - 1].norm_
            pairs = self._separable_pairs[strings[key]]
            te_infinitive = end - start == 3 and part[start + 1].norm_ == "te" and (last, first) in pairs
            if (first, last) in pairs or te_infinitive:
                found.append((key, start, end))
        return found

    def could_hold(self, present: Set[str]) -> bool:
        """Could a rule hold once the model has run? Model features count as present when a word stands for them.

        A feature row ``"stands_for": "X"`` (a word feature) makes X possible (the parse may find a deliverable as
        subject where a verb of arriving stands); "none" is ignored: only the model can rule a sentence out.
        """
        possible = present | {self._stands_for[f] for f in present if f in self._stands_for} | self._model_only_none
        return any(
            all(f in possible for f in rule.get("all", []))
            and (not rule.get("any") or any(f in possible for f in rule["any"]))
            for rule in self.rules
        )

    def regex_features(self, norm: str) -> Set[str]:
        return {name for name, regex in self.regexes if regex.search(norm)}

    def classify(self, features: Set[str], norm: str, blocked: FrozenSet[str]) -> Optional[Tuple[str, str]]:
        """(rule id, status) of the strongest grammar rule that holds for the sentence, if any."""
        present = set(features) | self.regex_features(norm)
        best = None
        for rule in self.rules:
            if rule["status"] in blocked or not holds(rule, present):
                continue
            if best is None or rule["strength"] > best["strength"]:
                best = rule
        return (best["id"], best["status"]) if best else None


# elements a match cannot skip, and the attributes whose words possible_word_features compares
REQUIRED_OPS = {None, "1", "+"}
WORD_ATTRS = ("NORM", "LOWER", "ORTH", "TEXT")


def anchor_words(pattern: List[Dict[str, Any]], vocab: Vocab) -> List[FrozenSet[int]]:
    """For each required element of ``pattern`` that names its words: their hashes (lower-cased).

    Every match of the pattern holds a token whose NORM or LOWER is one of each set (an ORTH/TEXT value is
    compared lower-cased, which only widens the test). An element with a REGEX, NOT_IN or no word gives none.
    """
    anchors = []
    for element in pattern:
        if element.get("OP") not in REQUIRED_OPS:
            continue
        for attr in WORD_ATTRS:
            value = element.get(attr)
            if isinstance(value, str):
                anchors.append(frozenset([vocab.strings.add(value.lower())]))
            elif isinstance(value, dict) and list(value) == ["IN"]:
                anchors.append(frozenset(vocab.strings.add(w.lower()) for w in value["IN"]))
    return anchors


def holds(rule: dict, present: Set[str]) -> bool:
    return (
        all(f in present for f in rule.get("all", []))
        and (not rule.get("any") or any(f in present for f in rule["any"]))
        and not any(f in present for f in rule.get("none", []))
    )
