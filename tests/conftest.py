import json
import os
from pathlib import Path

import pytest
import spacy

import pipeline
import pipeline.components.entities  # noqa: F401  (registers the factory)
from pipeline.knowledge.resource_files import RESOURCES, read_rule_file

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


RULE_COMPONENTS = ("kamer_pdf_repair", "kamer_sentences", "kamer_entities")


def rules_pipeline(resources_dir=None):
    """A blank Dutch model with the components up to kamer_entities, on the real resources or on `resources_dir`."""
    config = {} if resources_dir is None else {"resources_dir": str(resources_dir)}
    nlp = spacy.blank("nl")
    for name in RULE_COMPONENTS:
        nlp.add_pipe(name, config=config)
    return nlp


@pytest.fixture(scope="session")
def rules_nlp():
    """The entity rules on the real resources and a blank model: what the rules and lists do, without a model."""
    return rules_pipeline()


def ents(doc, label=None):
    return [(e.text, e.label_) for e in doc.ents if label is None or e.label_ == label]


def gazetteer_rows(name: str) -> list:
    """The rows of one file in resources/gazetteers, checked against the gazetteer schema, defaults filled in."""
    return [located.row for located in read_rule_file(name, RESOURCES / "gazetteers", "gazetteer")]


def labelled(doc, label):
    """The texts of the entities with this label, in order."""
    return [e.text for e in doc.ents if e.label_ == label]


def write_jsonl(path: Path, rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


def write_tsv(path: Path, header: str, *rows: str) -> None:
    path.write_text("\n".join(["\t".join(header.split()), *rows]) + "\n", encoding="utf-8")


@pytest.fixture
def resources_dir(tmp_path: Path) -> Path:
    """A tiny, complete set of resource files: every component builds from it (factory setting `resources_dir`).

    Unit tests of a component's mechanism use these few rows instead of the real knowledge, so what they assert
    follows from the rows below and not from the state of pipeline/resources.
    """
    root = tmp_path / "resources"
    write_jsonl(
        root / "macros.jsonl",
        [
            {"macro": "MONTH", "words": ["januari", "februari", "maart"]},
            {"macro": "KAMER", "pattern": "\\b(?:uw kamer|de kamer)\\b"},
        ],
    )
    # kamer_pdf_repair
    write_jsonl(root / "page_furniture.jsonl", [{"id": "furniture:footer", "pattern": "Kamerstuk \\d+, nr\\. \\d+"}])
    (root / "hyphen_no_join.txt").write_text("en\n", encoding="utf-8")
    # kamer_sentences
    write_tsv(root / "abbreviations.tsv", "abbreviation can_end_sentence meaning", "bijv.\tno\tbijvoorbeeld")
    write_jsonl(
        root / "sentence_breaks.jsonl",
        [
            {"id": "break:date_line", "pattern": "\\bDen Haag, \\d{1,2} [a-z]+ \\d{4}"},
        ],
    )
    # kamer_entities
    write_jsonl(
        root / "entity_rules.jsonl",
        [
            {
                "id": "minister:title_surname",
                "label": "MINISTER",
                "role": "title_name",
                "pattern": [{"LOWER": {"IN": "@lower:minister_titles"}}, {"IS_TITLE": True}],
            },
        ],
    )
    write_jsonl(
        root / "compositions.jsonl",
        [
            {
                "id": "minister:title_portfolio",
                "label": "MINISTER",
                "role": "portfolio_title",
                "parts": ["@minister_titles", ["van"], "@portfolios"],
                "case": "insensitive",
            },
        ],
    )
    write_jsonl(
        root / "gazetteers" / "organisations.jsonl",
        [
            {"label": "ORGANISATIE", "pattern": "NAVO", "id": "gazetteer:international_org"},
            {"label": "OPERATIE", "pattern": "Resolute Support", "id": "gazetteer:operation"},
        ],
    )
    (root / "lists").mkdir()
    (root / "lists" / "minister_titles.txt").write_text("Minister\n", encoding="utf-8")
    (root / "lists" / "portfolios.txt").write_text("Defensie\n", encoding="utf-8")
    write_tsv(
        root / "bewindspersonen.tsv",
        "persoon achternaam functie start end",
        "Ank Bijleveld\tBijleveld\tMinister van Defensie\t2017-10-26\t",
    )
    write_tsv(root / "nationalities.tsv", "adjectief land", "Afghaanse\tAF")
    # kamer_toezeggingen
    write_jsonl(
        root / "toezegging_rules.jsonl",
        [
            {"id": "nieuw:informeren", "status": "nieuw", "strength": 2, "pattern": "{KAMER} (?:\\w+ )*informeren"},
            {"id": "block:deze_brief", "blocks": ["nieuw"], "pattern": "in deze brief"},
        ],
    )
    (root / "lists" / "delivery_verbs.txt").write_text("toe|zenden\n", encoding="utf-8")
    write_jsonl(
        root / "toezegging_grammar.jsonl",
        [
            {"feature": "DELIVERY", "pattern": [{"NORM": {"IN": "@verbforms:delivery_verbs"}}]},
            {"feature": "DELIVERY", "separable": "delivery_verbs"},
            {"feature": "FUTURE", "pattern": [{"NORM": "zal"}]},
            {"id": "nieuw:grammar", "status": "nieuw", "strength": 2, "all": ["FUTURE", "DELIVERY"]},
        ],
    )
    # kamer_metadata
    write_jsonl(
        root / "metadata_patterns.jsonl",
        [
            {
                "field": "datum",
                "pattern": "Den\\s+Haag,?\\s+(?P<day>\\d{1,2})\\s+(?P<month>{MONTH})\\s+(?P<year>\\d{4})",
            },
        ],
    )
    # kamer_linking
    write_tsv(root / "portfolio_ministries.tsv", "portefeuille ministerie", "Defensie\tDefensie")
    write_jsonl(
        root / "termijn_phrases.jsonl",
        [
            {"id": "termijn:date", "kind": "date", "pattern": "voor (?P<day>\\d+) (?P<month>{MONTH})"},
        ],
    )
    write_jsonl(root / "herkomst_patterns.jsonl", [{"id": "herkomst:debat", "pattern": "tijdens het (?P<type>debat)"}])
    return root
