#!/usr/bin/env python
"""Check sentence boundaries at hard line breaks in PDF-like text.

usage: check_linebreaks.py [--model models/nl_ud_base] [--senter] FILE...

For every single line break inside a paragraph (a whitespace token with one
"\\n"), look at the next word: if the model starts a sentence there although
the previous word is not sentence-final punctuation, the line break split a
sentence ("bad split"). Prints counts and examples.
"""

import argparse
import os

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FINAL = {".", "!", "?", ":", ";", "…"}


def analyse(nlp, text):
    doc = nlp(text)
    n_breaks = n_at_final = n_split_ok = n_bad = 0
    bad = []
    for tok in doc:
        if not tok.is_space or tok.text.count("\n") != 1:
            continue
        prev = next((t for t in reversed(doc[: tok.i]) if not t.is_space), None)
        nxt = next((t for t in doc[tok.i + 1 :] if not t.is_space), None)
        if prev is None or nxt is None:
            continue
        n_breaks += 1
        split_here = nxt.is_sent_start or tok.is_sent_start
        if prev.text in FINAL:
            n_at_final += 1
            n_split_ok += bool(split_here)
        elif split_here:
            n_bad += 1
            ctx = doc[max(prev.i - 6, 0) : min(nxt.i + 6, len(doc))].text.replace("\n", "⏎")
            bad.append(ctx)
    sents = list(doc.sents)
    return (
        {
            "sentences": len(sents),
            "line_breaks_in_paragraphs": n_breaks,
            "breaks_after_final_punct": n_at_final,
            "  ...of which split (expected)": n_split_ok,
            "bad_splits_inside_sentence": n_bad,
        },
        bad,
        sents,
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=os.path.join(REPO, "models", "nl_ud_base"))
    ap.add_argument("--senter", action="store_true", help="sentences from senter instead of parser")
    ap.add_argument("--show", type=int, default=8)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    import spacy

    if args.senter:
        nlp = spacy.load(args.model, exclude=["parser"])
        nlp.enable_pipe("senter")
    else:
        nlp = spacy.load(args.model)
    print("pipeline:", nlp.pipe_names)
    for path in args.files:
        with open(path, encoding="utf8") as fh:
            text = fh.read()
        stats, bad, sents = analyse(nlp, text)
        print(f"\n== {os.path.basename(path)}")
        for k, v in stats.items():
            print(f"  {k}: {v}")
        for ctx in bad[: args.show]:
            print("  BAD:", ctx)
        print("  first sentences:")
        for s in sents[: args.show]:
            print("   |", s.text.strip().replace("\n", "⏎"))


if __name__ == "__main__":
    main()
