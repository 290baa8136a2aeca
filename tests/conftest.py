import os
from pathlib import Path

import pytest

import pipeline

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SHARED = Path(os.environ.get("KAMER_SHARED", REPO.parent / "shared"))


def seed_text(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def shared_path(relative: str) -> Path:
    """A file from ../shared; skipped when it is absent, failed in CI (KAMER_REQUIRE_CORPUS=1)."""
    path = SHARED / relative
    if not path.exists():
        message = f"needs the shared corpus: {path} is missing"
        if os.environ.get("KAMER_REQUIRE_CORPUS"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def nlp():
    """The pipeline on its default base (the bundled model when present)."""
    return pipeline.load()


@pytest.fixture(scope="session")
def blank_nlp():
    return pipeline.load("blank:nl")


def ents(doc, label=None):
    return [(e.text, e.label_) for e in doc.ents if label is None or e.label_ == label]
