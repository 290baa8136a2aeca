"""Throughput and memory of the tokenizer, the base model and the full pipeline (make bench).

Text: the dev corpus, the PDF extractions and the UD Dutch test sentences from
../shared, repeated until the requested number of words. Each configuration
runs in a fresh subprocess, so its peak memory (largest single process, as the
operating system accounts it) is its own.

    python scripts/bench.py [--words 1000000] [--shared ../shared] [--out docs/performance.md]
"""

import argparse
import glob
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def corpus(shared: Path, words: int) -> list:
    texts = [Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob(str(shared / "corpus/dev/*.txt")))]
    texts += [Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob(str(shared / "corpus/pdf/*.txt")))]
    sentences = []
    for path in sorted(glob.glob(str(shared / "data/ud/*test*.conllu"))):
        sentences += [ln[len("# text = "):] for ln in Path(path).read_text(encoding="utf-8").splitlines()
                      if ln.startswith("# text = ")]
    texts += [" ".join(sentences[i: i + 25]) for i in range(0, len(sentences), 25)]  # letter-sized documents
    out, count = [], 0
    while count < words:
        for text in texts:
            out.append(text)
            count += len(text.split())
            if count >= words:
                break
    return out


def run_one(config: str, n_process: int, words: int, shared: Path) -> dict:
    """Inside the subprocess: time one configuration."""
    sys.path.insert(0, str(REPO))
    import spacy

    import pipeline

    texts = corpus(shared, words)
    n_words = sum(len(t.split()) for t in texts)
    if config == "tokenizer":
        nlp = spacy.blank("nl")
        start = time.perf_counter()
        for _ in nlp.tokenizer.pipe(texts, batch_size=64):
            pass
    else:
        full = pipeline.load()
        if config == "base":
            info = full.meta["kamer_base"]
            nlp = spacy.load(REPO / "models" / "nl_ud_base", exclude=["senter"]) if info["kind"] == "bundled" \
                else spacy.load(info["name"]) if info["kind"] == "package" else spacy.blank("nl")
        else:
            nlp = full
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32, n_process=n_process):
            pass
    seconds = time.perf_counter() - start
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {"config": config, "n_process": n_process, "words": n_words, "docs": len(texts), "seconds": seconds,
            "words_per_s": n_words / seconds, "docs_per_s": len(texts) / seconds, "peak_mb": peak / 1024}


def measure(config, n_process, words, shared) -> dict:
    cmd = [sys.executable, __file__, "--one", config, "--n-process", str(n_process), "--words", str(words),
           "--shared", str(shared)]
    result = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--one", default=None)
    parser.add_argument("--n-process", type=int, default=1)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.n_process, args.words, args.shared)))
        return
    rows = [measure(c, n, args.words, args.shared) for c in ("tokenizer", "base", "full") for n in (1, 2)]
    small = measure("full", 1, args.words // 10, args.shared)  # streaming: a tenth of the input
    by = {(r["config"], r["n_process"]): r for r in rows}
    lines = [
        f"Command: `python scripts/bench.py --words {args.words}` ({time.strftime('%Y-%m-%d')}, 2 cores)",
        "",
        "| configuration | processes | words | docs | seconds | words/s | docs/s | peak MB |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows + [small]:
        lines.append(f"| {r['config']} | {r['n_process']} | {r['words']:,} | {r['docs']:,} | {r['seconds']:.1f} | "
                     f"{r['words_per_s']:,.0f} | {r['docs_per_s']:,.1f} | {r['peak_mb']:,.0f} |")
    ratio = lambda a, b: a["words_per_s"] / b["words_per_s"]  # noqa: E731
    lines += [
        "",
        f"- full / base (1 process): {ratio(by['full', 1], by['base', 1]):.2f} (target ≥ 0.85)",
        f"- full / tokenizer (1 process): {ratio(by['full', 1], by['tokenizer', 1]):.3f}",
        f"- 2 processes / 1 process: tokenizer {ratio(by['tokenizer', 2], by['tokenizer', 1]):.2f}, "
        f"base {ratio(by['base', 2], by['base', 1]):.2f}, full {ratio(by['full', 2], by['full', 1]):.2f} (target ≥ 1.6)",
        f"- peak memory, full pipeline, 10× the input: {by['full', 1]['peak_mb']:,.0f} MB vs "
        f"{small['peak_mb']:,.0f} MB ({by['full', 1]['peak_mb'] / small['peak_mb'] - 1:+.1%}; target within 10%)",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(args.out.read_text(encoding="utf-8").split("<!-- bench -->")[0] + "<!-- bench -->\n" + text
                            if args.out.exists() else text, encoding="utf-8")


if __name__ == "__main__":
    main()
