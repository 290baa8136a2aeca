"""Throughput and memory of the tokenizer, the base model and the full pipeline (make bench).

Text: the dev corpus, the PDF extractions and the UD Dutch test sentences from
../shared, repeated until the requested number of words. Each configuration
runs in a fresh subprocess, so its peak memory (largest single process, as the
operating system accounts it) is its own.

Also one very long letter (the seed letters repeated to --long-mb million
characters) through `python -m pipeline extract --max-chars 0`: its peak
memory (ru_maxrss of that process, from wait4) and time.

Also `--letters` whole letters (the PDF extractions repeated, a file each) through `extract` in one process:
its resident memory each time another tenth is written, to show that memory does not grow with the archive.

Configurations: tokenizer; base (the base model alone); full (every sentence parsed); selective (the default
pipeline); extract (the default pipeline as `extract` runs it: JSON records, with --n-process from forked
workers). Each with one and two processes.

    python scripts/bench.py [--words 1000000] [--shared ../shared] [--out docs/performance.md] [--long-mb 20]
    python scripts/bench.py --only-long [--long-mb 20] [--out docs/performance.md]
    python scripts/bench.py --only-letters [--letters 1000] [--out docs/performance.md]
"""

import argparse
import glob
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def corpus(shared: Path, words: int) -> list:
    texts = [Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob(str(shared / "corpus/dev/*.txt")))]
    texts += [Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob(str(shared / "corpus/pdf/*.txt")))]
    sentences = []
    for path in sorted(glob.glob(str(shared / "data/ud/*test*.conllu"))):
        sentences += [
            ln[len("# text = ") :]
            for ln in Path(path).read_text(encoding="utf-8").splitlines()
            if ln.startswith("# text = ")
        ]
    texts += [" ".join(sentences[i : i + 25]) for i in range(0, len(sentences), 25)]  # letter-sized documents
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
    elif config == "extract":
        # what `extract --n-process N` does: records (JSON lines) from forked workers, not Docs sent back
        from pipeline.io.readers import InputDoc
        from pipeline.run.extraction import annotate

        nlp = pipeline.load()
        items = [InputDoc(f"doc{i}", text, f"bench:{i}") for i, text in enumerate(texts)]
        start = time.perf_counter()
        annotate(nlp, items, write=lambda line: None, on_problem=print, n_process=n_process)
    else:
        # "full": every sentence through the base model; "selective": only those that may hold a commitment
        full = pipeline.load(parse="selective" if config == "selective" else "all")
        if config == "base":
            info = full.meta["kamer_base"]
            nlp = (
                spacy.load(REPO / "models" / "nl_ud_base", exclude=["senter"])
                if info["kind"] == "bundled"
                else spacy.load(info["name"])
                if info["kind"] == "package"
                else spacy.blank("nl")
            )
        else:
            nlp = full
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32, n_process=n_process):
            pass
    seconds = time.perf_counter() - start
    peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return {
        "config": config,
        "n_process": n_process,
        "words": n_words,
        "docs": len(texts),
        "seconds": seconds,
        "words_per_s": n_words / seconds,
        "docs_per_s": len(texts) / seconds,
        "peak_mb": peak / 1024,
    }


def measure(config, n_process, words, shared) -> dict:
    cmd = [
        sys.executable,
        __file__,
        "--one",
        config,
        "--n-process",
        str(n_process),
        "--words",
        str(words),
        "--shared",
        str(shared),
    ]
    result = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def long_letter(chars: int) -> str:
    """The seed letters, repeated to `chars` characters: paragraphs, sentences and names as in real letters."""
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))) + "\n\n"
    return (seeds * (chars // len(seeds) + 1))[:chars]


def measure_long(chars: int) -> dict:
    """One letter of `chars` characters through the command line, in a process of its own: peak RSS and time."""
    with tempfile.TemporaryDirectory() as tmp:
        letter, out, log = Path(tmp, "long.txt"), Path(tmp, "long.jsonl"), Path(tmp, "stderr.txt")
        letter.write_text(long_letter(chars), encoding="utf-8")
        cmd = [sys.executable, "-m", "pipeline", "extract", str(letter), "-o", str(out), "--max-chars", "0"]
        start = time.perf_counter()
        with log.open("w") as err:
            proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)  # the rusage of this one process, nothing else
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise SystemExit(f"long letter: extract failed ({proc.returncode}): {log.read_text()[-2000:]}")
        meta = json.loads(out.read_text(encoding="utf-8"))["meta"]
        return {
            "chars": chars,
            "bytes": letter.stat().st_size,
            "pieces": meta.get("pieces", 1),
            "base": meta["base_model"]["name"],
            "seconds": seconds,
            "peak_mb": usage.ru_maxrss / 1024,
        }


def rss_mb(pid: int) -> float:
    """Resident memory of a running process (Linux /proc), 0 when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def measure_letters(count: int, shared: Path) -> dict:
    """`count` whole letters (the PDF extractions repeated, each a file of its own) through `extract` in one
    process: its resident memory each time another tenth of the letters is written (the OUT.partial lines)."""
    letters = [Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob(str(shared / "corpus/pdf/*.txt")))]
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp, "letters"), Path(tmp, "out.jsonl")
        folder.mkdir()
        for i in range(count):
            Path(folder, f"letter{i:05d}.txt").write_text(letters[i % len(letters)], encoding="utf-8")
        cmd = [sys.executable, "-m", "pipeline", "extract", str(folder), "-o", str(out)]
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        partial, marks, step = Path(str(out) + ".partial"), [], max(count // 10, 1)
        while proc.poll() is None:
            done = sum(1 for _ in partial.open("rb")) if partial.exists() else 0
            while done >= (len(marks) + 1) * step:
                marks.append((done, rss_mb(proc.pid)))
            time.sleep(0.2)
        seconds = time.perf_counter() - start
        if proc.returncode != 0:
            raise SystemExit(f"letters: extract failed ({proc.returncode}): {proc.stderr.read()[-2000:]}")
        words = sum(len(letters[i % len(letters)].split()) for i in range(count))
    return {"count": count, "words": words, "seconds": seconds, "marks": marks}


def letters_section(count: int, shared: Path) -> str:
    r = measure_letters(count, shared)
    marks = [m for m in r["marks"] if m[1] > 0]
    first, last = marks[0][1], max(m[1] for m in marks)
    return "\n".join(
        [
            f"Command: `python scripts/bench.py --only-letters --letters {count}` ({time.strftime('%Y-%m-%d')}, "
            f"2 cores): {count:,} whole letters ({r['words']:,} words, the PDF extractions repeated, one file "
            f"each) through `python -m pipeline extract FOLDER -o OUT` in {r['seconds']:,.0f} s; resident memory "
            "of the process as the letters are written:",
            "",
            "| letters written | resident MB |",
            "| --- | --- |",
            *[f"| {done:,} | {mb:,.0f} |" for done, mb in marks],
            "",
            f"Growth from the first tenth to the highest later value: {last / first - 1:+.1%}.",
            "",
        ]
    )


def long_section(mb: int) -> str:
    r = measure_long(mb * 1_000_000)
    return "\n".join(
        [
            f"Command: `python scripts/bench.py --only-long --long-mb {mb}` ({time.strftime('%Y-%m-%d')}, 2 cores, "
            f"base {r['base']})",
            "",
            "| characters | bytes (UTF-8) | pieces | seconds | characters/s | peak MB |",
            "| --- | --- | --- | --- | --- | --- |",
            f"| {r['chars']:,} | {r['bytes']:,} | {r['pieces']:,} | {r['seconds']:,.0f} | "
            f"{r['chars'] / r['seconds']:,.0f} | {r['peak_mb']:,.0f} |",
            "",
        ]
    )


def write_between(path: Path, start: str, end: str, text: str) -> None:
    """Replace what lies between the markers start and end in path (end may be "": to the end of the file)."""
    old = path.read_text(encoding="utf-8") if path.exists() else start + "\n" + end
    head, _, rest = old.partition(start)
    tail = rest.partition(end)[2] if end else ""
    path.write_text(head + start + "\n" + text + end + tail, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--one", default=None)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--long-mb", type=int, default=20, help="million characters of the long letter (0: none)")
    parser.add_argument("--only-long", action="store_true", help="measure only the long letter")
    parser.add_argument("--letters", type=int, default=1000, help="whole letters for the memory run (0: none)")
    parser.add_argument("--only-letters", action="store_true", help="measure only the memory run over --letters")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.n_process, args.words, args.shared)))
        return
    if args.letters:
        letters = letters_section(args.letters, args.shared)
        print(letters)
        if args.out:
            write_between(args.out, "<!-- bench-letters -->", "<!-- /bench-letters -->", letters)
        if args.only_letters:
            return
    long = long_section(args.long_mb) if args.long_mb else ""
    print(long)
    if args.out and long:
        write_between(args.out, "<!-- bench-long -->", "<!-- /bench-long -->", long)
    if args.only_long:
        return
    configs = ("tokenizer", "base", "full", "selective", "extract")
    rows = [measure(c, n, args.words, args.shared) for c in configs for n in (1, 2)]
    small = measure("selective", 1, args.words // 10, args.shared)  # streaming: a tenth of the input
    by = {(r["config"], r["n_process"]): r for r in rows}
    lines = [
        f"Command: `python scripts/bench.py --words {args.words}` ({time.strftime('%Y-%m-%d')}, 2 cores)",
        "",
        "| configuration | processes | words | docs | seconds | words/s | docs/s | peak MB |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows + [small]:
        lines.append(
            f"| {r['config']} | {r['n_process']} | {r['words']:,} | {r['docs']:,} | {r['seconds']:.1f} | "
            f"{r['words_per_s']:,.0f} | {r['docs_per_s']:,.1f} | {r['peak_mb']:,.0f} |"
        )
    ratio = lambda a, b: a["words_per_s"] / b["words_per_s"]  # noqa: E731
    sel = by["selective", 1]
    lines += [
        "",
        f"- selective / base (1 process): {ratio(sel, by['base', 1]):.2f} (issue 15 target ≥ 3)",
        f"- selective / full with every sentence parsed (1 process): {ratio(sel, by['full', 1]):.2f} "
        "(issue 15 target ≥ 4 against the full pipeline before it)",
        f"- full / base (1 process): {ratio(by['full', 1], by['base', 1]):.2f}",
        f"- 2 processes / 1 process: tokenizer {ratio(by['tokenizer', 2], by['tokenizer', 1]):.2f}, "
        f"base {ratio(by['base', 2], by['base', 1]):.2f}, full {ratio(by['full', 2], by['full', 1]):.2f}, "
        f"selective {ratio(by['selective', 2], sel):.2f} (Docs sent back to the parent by spaCy), "
        f"extract {ratio(by['extract', 2], by['extract', 1]):.2f} (records from our forked workers, as "
        "`extract --n-process 2` runs; target ≥ 1.6)",
        f"- peak memory, selective pipeline, 10× the input: {sel['peak_mb']:,.0f} MB vs "
        f"{small['peak_mb']:,.0f} MB ({sel['peak_mb'] / small['peak_mb'] - 1:+.1%}; target within 10%)",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        write_between(args.out, "<!-- bench -->", "", text)


if __name__ == "__main__":
    main()
