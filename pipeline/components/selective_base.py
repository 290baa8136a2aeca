"""Pay for the statistical model only where it changes an answer (issue 15).

Two declared stages replace the base model's components in the pipeline when ``parse = "selective"``:

* ``kamer_commitment_candidates`` (tokens and rules only) marks the sentences that may hold a commitment: a
  string rule of ``toezegging_rules.jsonl`` fires, or a rule of ``toezegging_grammar.jsonl`` could hold once
  the model has run (its word features are there; a word feature ``"stands_for"`` a model feature, such as a
  verb of arriving for a deliverable as subject). They go to ``doc.spans["kamer_parse"]``.
* ``kamer_selective_base`` runs the base model's components (tagger/morphologizer, lemmatizer, parser) on
  those sentences only, all sentences of a document in one batch, and writes their annotations back into the
  letter's Doc: part of speech, morphology and lemma per token, and the parse as one tree per sentence. A
  sentence that was not parsed gets a flat tree (its first token the root, label "dep"), so the letter keeps
  exactly the sentence boundaries of ``kamer_sentences``.

Entities, metadata and signatures never read the model; the commitment finder and the attributes read it
only in candidate sentences. ``parse = "all"`` runs the model on every sentence, as before.
"""

from pathlib import Path
from typing import Any, Iterable, List, Set, Tuple, Union

import numpy
import srsly
from spacy.attrs import DEP, HEAD, LOWER, NORM
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from pipeline.components.toezeggingen import (
    ToezeggingDetector,
    read_toezegging_knowledge,
    sentence_norm,
    trim,
)
from pipeline.schema import DEFAULT_SPANS_KEY, PARSE_SPANS_KEY

FLAT_DEP = "dep"  # the relation of every token of a sentence that was not parsed


@Language.factory(
    "kamer_commitment_candidates",
    default_config={
        "rules_file": "toezegging_rules.jsonl",
        "grammar_file": "toezegging_grammar.jsonl",
        "lists_dir": "lists",
        "resources_dir": None,
    },
    requires=["token.norm", "token.is_sent_start"],
    assigns=["doc.spans"],  # doc.spans[PARSE_SPANS_KEY]
)
def make_commitment_candidates(nlp, name, rules_file, grammar_file, lists_dir, resources_dir):
    data = read_toezegging_knowledge(nlp, rules_file, grammar_file, lists_dir, DEFAULT_SPANS_KEY, resources_dir)
    return CommitmentCandidates(name, data, nlp.vocab)


class CommitmentCandidates(ToezeggingDetector):
    """The sentences a commitment rule could fire on, found with words only."""

    def __call__(self, doc: Doc) -> Doc:
        words = doc.to_array([NORM, LOWER])  # token -> hashes of its NORM and LOWER
        found, regex_found, undecided = [], {}, []
        regex_names = self.grammar.regex_feature_names
        for sent in doc.sents:
            span = trim(sent)
            if span is None:
                continue
            norm = sentence_norm(span)
            if self.classify(norm) is not None:
                found.append(sent)
                continue
            # the Matcher only where a rule could hold even if every word pattern whose words are there matched
            # (and, before the regexes run, every regex feature)
            hashes: Set[int] = {int(h) for h in words[sent.start : sent.end].ravel()}
            possible = self.grammar.possible_word_features(hashes)
            if not self.grammar.could_hold(possible | regex_names):
                continue
            regex_found[sent.start] = self.grammar.regex_features(norm)
            if self.grammar.could_hold(possible | regex_found[sent.start]):
                undecided.append(sent)
        features = self.grammar.features_by_sentence(doc, undecided)  # word patterns; the model's are not run yet
        for sent in undecided:
            if self.grammar.could_hold(features.get(sent.start, set()) | regex_found[sent.start]):
                found.append(sent)
        doc.spans[PARSE_SPANS_KEY] = sorted((doc[s.start : s.end] for s in found), key=lambda s: s.start)
        return doc


@Language.factory(
    "kamer_selective_base",
    default_config={},
    assigns=["token.pos", "token.tag", "token.morph", "token.lemma", "token.dep", "token.head"],
)
def make_selective_base(nlp, name):
    # empty until the base-model step (components/base_model.py) hands it the base model's components, or
    # from_disk rebuilds them
    return SelectiveBase(nlp, name)


class SelectiveBase:
    """The base model's components, run on the candidate sentences of a letter only."""

    def __init__(self, nlp: Language, name: str):
        self.nlp = nlp
        self.name = name
        # [{"name", "factory", "config"}]: enough to rebuild the components when a saved pipeline loads
        self.components: List[dict] = []
        self.procs: List[Tuple[str, Any]] = []  # (name, component), the base model's own objects

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, stream: Iterable[Doc], batch_size: int = 64) -> Iterable[Doc]:
        """The candidate sentences of a whole batch of letters go through the model together (nlp.pipe)."""
        for batch in minibatch(stream, batch_size):
            sentences = [[s for s in doc.spans.get(PARSE_SPANS_KEY, []) if len(s)] for doc in batch]
            flat = [sentence_doc(s) for doc_sentences in sentences for s in doc_sentences]
            parsed = iter(list(self._run(flat)) if self.procs and flat else [])
            for doc, doc_sentences in zip(batch, sentences):
                self._write_back(doc, doc_sentences, [next(parsed) for _ in doc_sentences])
                yield doc

    def _write_back(self, doc: Doc, sentences: List[Span], parsed: List[Doc]) -> None:
        heads, deps = flat_trees(doc)
        for span, sub in zip(sentences, parsed):
            for tok, src in zip(span, sub):
                tok.pos = src.pos
                tok.tag = src.tag
                tok.morph = src.morph
                tok.lemma = src.lemma
                if sub.has_annotation("DEP"):
                    heads[tok.i] = src.head.i - src.i
                    deps[tok.i] = src.dep
        array = numpy.zeros((len(doc), 2), dtype="uint64")
        array[:, 0] = heads.astype("uint64")  # relative heads, negative ones wrapped as spaCy stores them
        array[:, 1] = deps  # string hashes: never through a float
        doc.from_array([HEAD, DEP], array)  # type: ignore[arg-type]

    def _run(self, docs: Iterable[Doc]) -> Iterable[Doc]:
        for _, proc in self.procs:
            docs = proc.pipe(docs) if hasattr(proc, "pipe") else (proc(d) for d in docs)
        return docs

    def to_disk(self, path, exclude=tuple()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "components.json", self.components)
        for name, proc in self.procs:
            if hasattr(proc, "to_disk"):
                proc.to_disk(path / name, exclude=exclude)

    def from_disk(self, path, exclude=tuple()):
        path = Path(path)
        self.components = srsly.read_json(path / "components.json")
        self.procs = []
        for spec in self.components:
            proc = self.nlp.create_pipe(spec["factory"], name=spec["name"], config=spec["config"])
            if hasattr(proc, "from_disk"):
                proc.from_disk(path / spec["name"], exclude=exclude)
            self.procs.append((spec["name"], proc))
        return self


def sentence_doc(span: Span) -> Doc:
    """The sentence as a Doc of its own, one sentence long (the parser keeps preset boundaries)."""
    words = [t.text for t in span]
    spaces = [bool(t.whitespace_) for t in span]
    starts: List[Union[bool, int, None]] = [True]
    starts += [False] * (len(words) - 1)
    return Doc(span.doc.vocab, words=words, spaces=spaces, sent_starts=starts)


def flat_trees(doc: Doc) -> Tuple[numpy.ndarray, numpy.ndarray]:
    """Relative heads and relation ids making each sentence one flat tree rooted in its first token."""
    heads = numpy.zeros(len(doc), dtype="int64")
    deps = numpy.full(len(doc), doc.vocab.strings.add(FLAT_DEP), dtype="uint64")
    root = doc.vocab.strings.add("ROOT")
    for sent in doc.sents:
        heads[sent.start : sent.end] = sent.start - numpy.arange(sent.start, sent.end)
        deps[sent.start] = root
    return heads, deps
