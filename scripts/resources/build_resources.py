#!/usr/bin/env python3
"""Generate the tagger resources that come from third-party data in ../shared (`make resources`).

    python scripts/resources/build_resources.py [--shared ../shared] [--resources DIR] [--check]

Runs one builder per source and writes their files (committed, never edited by hand):

* build_tooi.py -> pipeline/resources/gazetteers/tooi_organisations.jsonl, from the
  TOOI registers of Dutch government organisations (<shared>/data/gazetteers/tooi);
  <shared>/data/ud tells which words are ordinary Dutch words.
* build_bewindspersonen.py -> pipeline/resources/bewindspersonen.tsv, from the
  EveryPolitician / Wikidata extract (<shared>/data/gazetteers/everypolitician_nl)
  and, after 2022-08-03, the project's tables/bewindspersonen_additions.tsv.

The domain knowledge they apply is data in scripts/resources/tables. Output is
deterministic (sorted rows, UTF-8, "\\n" line ends) and written via a temporary
file and a rename, only after every builder succeeded. --check writes nothing and
exits 1 when a committed file differs from what the sources give.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import build_bewindspersonen
import build_tooi
from buildlib import run

BUILDERS = (build_tooi.build, build_bewindspersonen.build)


def main(argv: Sequence[str] | None = None) -> int:
    return run(BUILDERS, argv, __doc__)


if __name__ == "__main__":
    sys.exit(main())
