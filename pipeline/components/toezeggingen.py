"""TOEZEGGING: sentences that make (nieuw) or settle (nagekomen) a commitment to the Kamer.

Rules are regular expressions in ``toezegging_rules.jsonl``, matched against
the sentence as lower-cased, PDF-repaired token NORMs joined by single spaces
(so line breaks and "Ameri-\\nkaanse" never matter). Macros ("{KAMER}", defined
in ``macros.jsonl``) keep the rules readable. A rule may name ``requires`` patterns that must also
occur in the sentence, and blockers veto rules of one status ("in deze brief"
is what this letter does, not a promise).

When several rules fire the strongest wins: naming or settling an earlier
commitment (3) beats a new promise (2) beats a bare mention of toezeggingen
(1). Each span records its rule and status.
"""

import re
from pathlib import Path
from typing import Dict, FrozenSet, List, Optional, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from pipeline.components import extensions  # noqa: F401
from pipeline.components.commitment_grammar import CommitmentGrammar
from pipeline.components.commitment_grammar import row_kind as grammar_row_kind
from pipeline.components.pdf_repair import content_tokens, is_skippable
from pipeline.components.scorers import ScoredComponent
from pipeline.components.serialize import DataBackedComponent
from pipeline.knowledge.macros import compile_pattern, macro_table, read_macros
from pipeline.knowledge.resource_files import RESOURCES, Located, read_list, read_rule_file
from pipeline.schema import DEFAULT_SPANS_KEY, PARSE_SPANS_KEY, TOEZEGGING


@Language.factory(
    "kamer_toezeggingen",
    default_config={
        "rules_file": "toezegging_rules.jsonl",
        "grammar_file": "toezegging_grammar.jsonl",
        "lists_dir": "lists",
        "spans_key": DEFAULT_SPANS_KEY,
        "resources_dir": None,
        # TOEZEGGING P/R/F (overlap) and status accuracy for nlp.evaluate and spacy evaluate (components/scorers.py)
        "scorer": {"@scorers": "kamer_toezeggingen_scorer.v1"},
    },
    # the grammar rules read the parse where there is one (token.dep); without it they use words only
    requires=["token.norm", "token.is_sent_start"],
    assigns=["doc.spans", "span._.kamer_rule", "span._.kamer_status"],
)
def make_toezeggingen(nlp, name, rules_file, grammar_file, lists_dir, spans_key, resources_dir, scorer):
    data = read_toezegging_knowledge(nlp, rules_file, grammar_file, lists_dir, spans_key, resources_dir)
    detector = ToezeggingDetector(name, data, nlp.vocab)
    detector.scorer = scorer
    return detector


def read_toezegging_knowledge(nlp, rules_file, grammar_file, lists_dir, spans_key, resources_dir) -> dict:
    """The string rules, the grammar and its word lists, checked (a broken row stops here, naming its line)."""
    rows = read_rule_file(rules_file, resources_dir, row_kind)
    macros = macro_table(read_macros(resources_dir))
    compile_rules(rows, macros)  # a broken pattern or unknown macro stops here, naming its line
    grammar = read_rule_file(grammar_file, resources_dir, grammar_row_kind) if grammar_file else []
    root = Path(RESOURCES if resources_dir is None else resources_dir)
    lists = {p.stem: read_list(p.name, root / lists_dir) for p in sorted((root / lists_dir).glob("*.txt"))}
    CommitmentGrammar(nlp.vocab, grammar, lists, macros)  # checked here, naming the line of a broken row
    return {
        "rows": [r.row for r in rows],
        "grammar": [r.row for r in grammar],
        "lists": lists,
        "macros": macros,
        "spans_key": spans_key,
    }


def row_kind(row: dict) -> str:
    return "toezegging_blocker" if "blocks" in row else "toezegging_rule"


Rule = Tuple[dict, "re.Pattern[str]", List["re.Pattern[str]"]]
Blocker = Tuple[dict, "re.Pattern[str]"]


def compile_rules(rows: List[Located], macros: Dict[str, str]) -> Tuple[List[Rule], List[Blocker]]:
    rules: List[Rule] = []
    blockers: List[Blocker] = []
    for where, row in rows:
        pattern = compile_pattern(row["pattern"], macros, where)
        if row_kind(row) == "toezegging_blocker":
            blockers.append((row, pattern))
        else:
            requires = [compile_pattern(r, macros, where) for r in row.get("requires", [])]
            rules.append((row, pattern, requires))
    return rules, blockers


class ToezeggingDetector(ScoredComponent, DataBackedComponent):
    def __init__(self, name: str, data: dict, vocab: Optional[Vocab] = None):
        self.vocab = vocab if vocab is not None else Vocab()  # the grammar's matchers need the pipeline's vocab
        super().__init__(name, data)

    def _build(self) -> None:
        rows = [Located(f"{self.name} rule {n}", row) for n, row in enumerate(self.data["rows"], 1)]
        self.rules, self.blockers = compile_rules(rows, self.data["macros"])
        grammar = [Located(f"{self.name} grammar {n}", row) for n, row in enumerate(self.data.get("grammar", []), 1)]
        self.grammar = CommitmentGrammar(self.vocab, grammar, self.data.get("lists", {}), self.data["macros"])
        self.spans_key = self.data["spans_key"]

    def __call__(self, doc: Doc) -> Doc:
        found = []
        # selective parsing marked the only sentences a rule can fire on (components/selective_base.py)
        sentences = list(doc.spans[PARSE_SPANS_KEY]) if PARSE_SPANS_KEY in doc.spans else list(doc.sents)
        features = self.grammar.features_by_sentence(doc, sentences)
        for sent in sentences:
            span = trim(sent)
            if span is None:
                continue
            norm = sentence_norm(span)
            verdict = self.classify(norm)
            if verdict is None:
                # no string rule fired: the grammar of the sentence may still make it a commitment
                verdict = self.grammar.classify(features.get(sent.start, set()), norm, self.blocked(norm))
            if verdict is None:
                continue
            rule, status = verdict
            out = Span(doc, span.start, span.end, label=TOEZEGGING)
            out._.kamer_rule = rule
            out._.kamer_status = status
            found.append(out)
        doc.spans[self.spans_key] = found
        return doc

    def blocked(self, text: str) -> FrozenSet[str]:
        """The statuses the sentence's blockers veto ("in deze brief": no new promise)."""
        return frozenset(s for row, pat in self.blockers if pat.search(text) for s in row["blocks"])

    def classify(self, text: str) -> Optional[Tuple[str, str]]:
        """(rule id, status) of the strongest rule that fires and is not blocked."""
        blocked: Optional[FrozenSet[str]] = None  # the blockers run only once a rule has fired (most sentences: none)
        best = None
        for row, pattern, requires in self.rules:
            if not pattern.search(text):
                continue
            if blocked is None:
                blocked = self.blocked(text)
            if row["status"] in blocked:
                continue
            if not all(r.search(text) for r in requires):
                continue
            if best is None or row["strength"] > best["strength"]:
                best = row
        return (best["id"], best["status"]) if best else None


def trim(sent: Span) -> Optional[Span]:
    """The sentence without leading/trailing whitespace and page furniture."""
    start, end = sent.start, sent.end
    doc = sent.doc
    while start < end and is_skippable(doc[start]):
        start += 1
    while end > start and is_skippable(doc[end - 1]):
        end -= 1
    return doc[start:end] if end > start else None


def sentence_norm(span: Span) -> str:
    return " ".join(t.norm_ for t in content_tokens(span))
