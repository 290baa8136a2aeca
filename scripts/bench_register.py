"""How long `register build` takes for 10,000 letters: annotations repeated under new ids (docs/register.md).

    python scripts/bench_register.py data/annotations/dev.jsonl data/annotations/dev2.jsonl --letters 10000

Copy k of a letter gets the id "<id>~k", its own Kamerstuk number and its dates moved k days on (herkomst
included), so the copies are distinct letters that link among themselves as the originals do. Times the
reading (JSON lines, validation) and the load (rows, one transaction, relinking), then loads the same file
again and checks that the database content is unchanged.
"""

import argparse
import json
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from pipeline.register.load import load, read_files
from pipeline.register.schema import register_schema
from pipeline.register.store import connect, dump


def shifted(value, days: int):
    try:
        return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
    except (TypeError, ValueError):
        return value


def copy(record: dict, k: int) -> dict:
    meta = dict(record.get("meta") or {})
    if isinstance(meta.get("kamerstuk"), dict) and meta["kamerstuk"].get("nummer"):
        meta["kamerstuk"] = {**meta["kamerstuk"], "nummer": f"{meta['kamerstuk']['nummer']}{k:05d}"}
    meta["datum"] = shifted(meta.get("datum"), k)
    spans = []
    for span in record["spans"]:
        if isinstance(span.get("herkomst"), dict):
            span = {**span, "herkomst": {**span["herkomst"], "datum": shifted(span["herkomst"].get("datum"), k)}}
        spans.append(span)
    return {**record, "id": f"{record['id']}~{k}", "meta": meta, "spans": spans}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("annotations", nargs="+", type=Path, help="JSONL from `extract` (full records)")
    parser.add_argument("--letters", type=int, default=10000)
    args = parser.parse_args()
    originals = [json.loads(line) for path in args.annotations for line in path.open(encoding="utf-8") if line.strip()]
    schema = register_schema()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "letters.jsonl"
        with data.open("w", encoding="utf-8") as out:
            for n in range(args.letters):
                record = copy(originals[n % len(originals)], n // len(originals))
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        size = data.stat().st_size / 1e6
        db = connect(Path(tmp) / "register.db", schema)
        times = []
        for _ in range(2):
            start, cpu = time.perf_counter(), time.process_time()
            docs = read_files([data], None)
            read = time.perf_counter() - start
            letters, commitments = load(db, docs, schema)
            times.append((read, time.perf_counter() - start - read, time.process_time() - cpu))
            if len(times) == 1:
                first = dump(db)
        same = dump(db) == first
        links, unlinked = db["links"].count, db["unlinked"].count
    print(f"{letters} letters ({size:.0f} MB JSONL), {commitments} toezeggingen, {links} links, {unlinked} unlinked")
    for n, (read, write, cpu) in enumerate(times, 1):
        print(
            f"load {n}: read+validate {read:.2f} s, rows+relink {write:.2f} s, "
            f"total {read + write:.2f} s (CPU {cpu:.2f} s)"
        )
    print(f"second load of the same file leaves the same content: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
