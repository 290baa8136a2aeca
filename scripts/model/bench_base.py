#!/usr/bin/env python
"""Throughput of the base model alone (words/s, nlp.pipe, single process).

usage: bench_base.py [--model models/nl_ud_base] [--ud-test build/ud/test.conllu]
                     [--seeds ../shared/seeds] [--batch-size 256] [--repeat 3]

Texts: the raw "# text" of every sentence of the held-out UD test files (one doc
per sentence) plus the seed letters (one doc per file). Words = non-whitespace
tokens. Reports the best of --repeat timed passes after one warm-up pass.
"""

import argparse
import glob
import os
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def load_texts(ud_test, seeds_dir):
    texts = []
    if os.path.exists(ud_test):
        with open(ud_test, encoding="utf8") as fh:
            texts += [line.split("=", 1)[1].strip() for line in fh if line.startswith("# text =")]
    n_ud = len(texts)
    for path in sorted(glob.glob(os.path.join(seeds_dir, "*.txt"))):
        with open(path, encoding="utf8") as fh:
            texts.append(fh.read())
    return texts, n_ud, len(texts) - n_ud


def main():
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    import spacy

    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=os.path.join(REPO, "models", "nl_ud_base"))
    ap.add_argument("--ud-test", default=os.path.join(REPO, "build", "ud", "test.conllu"))
    ap.add_argument("--seeds", default=os.path.join(REPO, "..", "shared", "seeds"))
    ap.add_argument("--batch-size", type=int, default=256)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    nlp = spacy.load(args.model)
    texts, n_ud, n_seed = load_texts(args.ud_test, args.seeds)
    if not texts:
        raise SystemExit("no texts found")
    words = sum(1 for doc in nlp.tokenizer.pipe(texts) for t in doc if not t.is_space)
    list(nlp.pipe(texts[:200], batch_size=args.batch_size))  # warm-up
    best = None
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=args.batch_size):
            pass
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    print(f"model: {args.model}  pipeline: {nlp.pipe_names}")
    print(f"texts: {n_ud} UD test sentences + {n_seed} seed letters, {words} words")
    print(f"best of {args.repeat}: {best:.2f} s  ->  {words / best:,.0f} words/s")


if __name__ == "__main__":
    main()
