"""Turn gold written with quoted text into stand-off gold with offsets (docs/annotation.md).

Labelling by hand is safer when a labeller quotes the text of a span instead of
counting characters. Each input line names a corpus file and quotes its spans:

    {"id": "x", "source": "corpus/dev2/x.txt",
     "spans": [{"quote": "Minister van Defensie", "n": 2, "label": "MINISTER", "functie": ...},
               {"quote": "Ik zal uw Kamer ... informeren.", "label": "TOEZEGGING", "status": "nieuw",
                "onderwerp": "de voortgang", "termijn": "voor de zomer", ...}],
     "meta": {"titel": "quoted title", "ondertekenaars": [{"functie": "...", "naam": "J. Bakker"}], ...}}

``n`` picks the n-th occurrence (1-based, default 1); ``after`` (a quote) makes
the search start after the first occurrence of that text, for repeated names.
``onderwerp``/``termijn`` are searched inside their span, ``titel``,
``dossier_titel`` and signatory names in the whole text, and become [start, end].
The output is validated with the same loader as every gold file.

    python scripts/gold/quotes_to_standoff.py quoted.jsonl -o data/gold/x.jsonl --corpus-root ../shared
"""

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from pipeline.evaluation.annotations import AnnotationError, load_documents  # noqa: E402
from pipeline.io.writers import atomic_writer, dump_json_line  # noqa: E402

SPAN_TEXT_ATTRS = ("onderwerp", "termijn")
META_TEXT_FIELDS = ("titel", "dossier_titel")


class QuoteError(ValueError):
    pass


def find(text: str, quote: str, n: int = 1, start: int = 0, end: Optional[int] = None, where: str = "") -> int:
    """Offset of the n-th occurrence of quote in text[start:end]."""
    pos = start - 1
    for _ in range(n):
        pos = text.find(quote, pos + 1, end if end is not None else len(text))
        if pos < 0:
            raise QuoteError(f"{where}: {quote!r} (occurrence {n}) not found")
    return pos


def convert_line(obj: dict, root: Path, where: str) -> dict:
    data = (root / obj["source"]).read_bytes()
    text = data.decode("utf-8-sig")
    spans = []
    for k, raw in enumerate(obj.get("spans", [])):
        span = dict(raw)
        here = f"{where}: span {k}"
        quote = span.pop("quote")
        after = span.pop("after", None)
        origin = find(text, after, 1, 0, None, here) + len(after) if after else 0
        start = find(text, quote, int(span.pop("n", 1)), origin, None, here)
        end = start + len(quote)
        for key in SPAN_TEXT_ATTRS:
            value = span.get(key)
            if isinstance(value, str):
                at = find(text, value, 1, start, end, f"{here} {key}")
                span[key] = [at, at + len(value)]
        spans.append({"start": start, "end": end, **span})
    spans.sort(key=lambda s: (s["start"], -s["end"], s["label"]))
    meta = dict(obj.get("meta") or {})
    for key in META_TEXT_FIELDS:
        if isinstance(meta.get(key), str):
            at = find(text, meta[key], 1, 0, None, f"{where}: meta {key}")
            meta[key] = [at, at + len(meta[key])]
    signers = []
    for signer in meta.get("ondertekenaars") or []:
        name = signer.get("naam")
        if isinstance(name, str):
            at = find(text, name, int(signer.get("n", 1)), 0, None, f"{where}: signatory")
            signer = {"functie": signer.get("functie"), "naam": [at, at + len(name)]}
        signers.append(signer)
    if "ondertekenaars" in meta:
        meta["ondertekenaars"] = signers
    line = {
        "id": obj["id"],
        "source": obj["source"],
        "sha256": hashlib.sha256(data).hexdigest(),
        "spans": spans,
        "meta": meta,
    }
    for key in ("split",):
        if key in obj:
            line[key] = obj[key]
    return line


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--corpus-root", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    lines = []
    try:
        for path in args.inputs:
            for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if raw.strip():
                    lines.append(convert_line(json.loads(raw), args.corpus_root, f"{path}:{n}"))
    except (QuoteError, KeyError, ValueError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    with atomic_writer(args.output) as out:
        for line in lines:
            out.write(dump_json_line(line))
    try:
        docs = load_documents(args.output, args.corpus_root)
    except AnnotationError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"wrote {len(docs)} document(s) to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
