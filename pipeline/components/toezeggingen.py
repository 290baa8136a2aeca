"""TOEZEGGING: sentences that make (nieuw) or settle (nagekomen) a commitment to the Kamer.

Rules are regular expressions in ``toezegging_rules.jsonl``, matched against
the sentence as lower-cased, PDF-repaired token NORMs joined by single spaces
(so line breaks and "Ameri-\\nkaanse" never matter). Macros ("{KAMER}") keep
the rules readable. A rule may name ``requires`` patterns that must also
occur in the sentence, and blockers veto rules of one status ("in deze brief"
is what this letter does, not a promise).

When several rules fire the strongest wins: naming or settling an earlier
commitment (3) beats a new promise (2) beats a bare mention of toezeggingen
(1). Each span records its rule and status.
"""

import re
from typing import Dict, List, Optional, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.components import extensions  # noqa: F401
from pipeline.knowledge.resource_files import read_jsonl
from pipeline.components.pdf_repair import content_tokens, is_skippable
from pipeline.components.serialize import DataBackedComponent

SPANS_KEY = "toezeggingen"
MACRO = re.compile(r"\{([A-Z_]+)\}")


@Language.factory(
    "kamer_toezeggingen",
    default_config={"rules_file": "toezegging_rules.jsonl", "spans_key": SPANS_KEY, "resources_dir": None},
)
def make_toezeggingen(nlp, name, rules_file, spans_key, resources_dir):
    return ToezeggingDetector(name, {"rows": read_jsonl(rules_file, resources_dir), "spans_key": spans_key})


class ToezeggingDetector(DataBackedComponent):
    def _build(self) -> None:
        rows = self.data["rows"]
        macros: Dict[str, str] = {}
        for row in rows:
            if "macro" in row:
                macros[row["macro"]] = expand(row["pattern"], macros)
        self.rules: List[Tuple[dict, re.Pattern, List[re.Pattern]]] = []
        self.blockers: List[Tuple[dict, re.Pattern]] = []
        for row in rows:
            if "macro" in row:
                continue
            pattern = re.compile(expand(row["pattern"], macros))
            if "blocks" in row:
                self.blockers.append((row, pattern))
            else:
                requires = [re.compile(expand(r, macros)) for r in row.get("requires", [])]
                self.rules.append((row, pattern, requires))
        self.spans_key = self.data["spans_key"]

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for sent in doc.sents:
            span = trim(sent)
            if span is None:
                continue
            verdict = self.classify(sentence_norm(span))
            if verdict is None:
                continue
            rule, status = verdict
            out = Span(doc, span.start, span.end, label="TOEZEGGING")
            out._.rule = rule
            out._.status = status
            found.append(out)
        doc.spans[self.spans_key] = found
        return doc

    def classify(self, text: str) -> Optional[Tuple[str, str]]:
        """(rule id, status) of the strongest rule that fires and is not blocked."""
        blocked = {s for row, pat in self.blockers if pat.search(text) for s in row["blocks"]}
        best = None
        for row, pattern, requires in self.rules:
            if row["status"] in blocked or not pattern.search(text):
                continue
            if not all(r.search(text) for r in requires):
                continue
            if best is None or row["strength"] > best["strength"]:
                best = row
        return (best["id"], best["status"]) if best else None


def expand(pattern: str, macros: Dict[str, str]) -> str:
    return MACRO.sub(lambda m: "(?:" + macros[m.group(1)] + ")", pattern)


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
