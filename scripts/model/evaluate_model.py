#!/usr/bin/env python
"""Evaluate models/nl_ud_base on the held-out UD test corpora and write JSON.

usage: evaluate_model.py MODEL_DIR CORPUS_DIR OUT_JSON

CORPUS_DIR must hold test.spacy (both test files), test_alpino.spacy and
test_lassysmall.spacy (made by build_model.sh). Raw text is re-tokenised by the
model's tokenizer (gold_preproc=False), as in spaCy's own benchmarks.
"""

import json
import os
import sys
import time

import spacy
from spacy.training import Corpus

KEYS = {
    "pos": "pos_acc",
    "morph": "morph_acc",
    "las": "dep_las",
    "uas": "dep_uas",
    "sents_p": "sents_p",
    "sents_r": "sents_r",
    "sents_f": "sents_f",
    "lemma": "lemma_acc",
    "token_acc": "token_acc",
}


def score(nlp, path):
    examples = list(Corpus(path)(nlp))
    words = sum(len(eg.reference) for eg in examples)
    t0 = time.time()
    s = nlp.evaluate(examples)
    dt = time.time() - t0
    out = {k: round(float(s[v]), 4) for k, v in KEYS.items() if s.get(v) is not None}
    out["sents"] = sum(len(list(eg.reference.sents)) for eg in examples)
    out["words"] = words
    out["eval_words_per_sec"] = round(words / dt)
    return out, s


def dir_size(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


def main(model, corpus_dir, out_json):
    nlp = spacy.load(model)
    res = {
        "model": os.path.basename(os.path.normpath(model)),
        "pipeline": nlp.pipe_names,
        "disabled": list(nlp.disabled),
        "note": "held-out UD test files only (never trained on / used for model selection); "
        "sentence boundaries from the parser",
    }
    combined, raw = score(nlp, os.path.join(corpus_dir, "test.spacy"))
    res["test_combined"] = combined
    res["test_alpino"], _ = score(nlp, os.path.join(corpus_dir, "test_alpino.spacy"))
    res["test_lassysmall"], _ = score(nlp, os.path.join(corpus_dir, "test_lassysmall.spacy"))
    res["las_per_type_combined"] = {k: round(v["f"], 4) for k, v in sorted((raw.get("dep_las_per_type") or {}).items())}
    # senter alone (parser excluded): the fast sentence-splitting option
    nlp_s = spacy.load(model, exclude=["parser"])
    nlp_s.enable_pipe("senter")
    s_only, _ = score(nlp_s, os.path.join(corpus_dir, "test.spacy"))
    res["senter_only_combined"] = {k: s_only[k] for k in ("sents_p", "sents_r", "sents_f")}
    res["size_on_disk_bytes"] = dir_size(model)
    train_s = os.path.join(os.path.dirname(os.path.abspath(corpus_dir)), "train_seconds.txt")
    if os.path.exists(train_s):
        with open(train_s) as fh:
            res["train_wall_seconds"] = int(fh.read().strip())
    with open(out_json, "w") as fh:
        json.dump(res, fh, indent=2)
    print(
        json.dumps(
            {
                k: res[k]
                for k in (
                    "test_combined",
                    "test_alpino",
                    "test_lassysmall",
                    "senter_only_combined",
                    "size_on_disk_bytes",
                )
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
