"""Rule, gazetteer and macro files are checked when they load: one line naming the file, the line and the problem.

Each test writes a tiny, valid set of resource files (``resources_dir``), breaks one row, and
asserts the message the factory raises; the valid set itself must build and tag.
"""

import json
import re
from pathlib import Path

import pytest
import spacy

import pipeline.components.entities  # noqa: F401  (registers the factories)
import pipeline.components.linking  # noqa: F401
import pipeline.components.toezeggingen  # noqa: F401
from pipeline.knowledge.resource_files import ResourceError
from pipeline.knowledge.termijnen import month_number

pytestmark = pytest.mark.unit  # tiny rule files written in the test: part of make test-fast

TITLE_RULE = {
    "id": "minister:title_surname",
    "label": "MINISTER",
    "role": "title_name",
    "pattern": [{"LOWER": {"IN": "@lower:minister_titles"}}, {"IS_TITLE": True}],
}
ORG_RULE = {
    "id": "org:anti_coalition",
    "label": "ORGANISATIE",
    "role": "entity",
    "pattern": [{"LOWER": {"REGEX": "^anti-\\w"}}, {"LOWER": "coalitie"}],
}
COMPOSITION = {
    "id": "minister:title_portfolio",
    "label": "MINISTER",
    "role": "portfolio_title",
    "parts": ["@minister_titles", ["van"], "@portfolios"],
    "case": "insensitive",
}
GAZETTEER = {"label": "ORGANISATIE", "pattern": "NAVO", "id": "gazetteer:international_org"}
MACROS = [
    {"macro": "MONTH", "words": ["januari", "februari"]},
    {"macro": "KAMER", "pattern": "\\b(?:uw kamer|de kamer)\\b"},
]
TOEZEGGING = {"id": "nieuw:informeren", "status": "nieuw", "strength": 2, "pattern": "{KAMER} informeren"}
BLOCKER = {"id": "block:deze_brief", "blocks": ["nieuw"], "pattern": "in deze brief"}
TERMIJN = {"id": "termijn:date", "kind": "date", "pattern": "voor (?P<day>\\d+) (?P<month>{MONTH})"}
HERKOMST = {"id": "herkomst:occasion", "pattern": "tijdens het (?P<type>debat)"}


def write_jsonl(path: Path, rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


GRAMMAR_FEATURE = {"feature": "FUTURE", "pattern": [{"NORM": "zal"}]}
GRAMMAR_RULE = {"id": "nieuw:grammar", "status": "nieuw", "strength": 2, "all": ["FUTURE"]}


@pytest.fixture
def resources(tmp_path: Path) -> Path:
    """The smallest set of resource files all three components accept."""
    write_jsonl(tmp_path / "entity_rules.jsonl", [TITLE_RULE, ORG_RULE])
    write_jsonl(tmp_path / "compositions.jsonl", [COMPOSITION])
    write_jsonl(tmp_path / "gazetteers" / "international.jsonl", [GAZETTEER])
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "minister_titles.txt").write_text("Minister\n", encoding="utf-8")
    (tmp_path / "lists" / "portfolios.txt").write_text("Defensie\n", encoding="utf-8")
    (tmp_path / "bewindspersonen.tsv").write_text(
        "persoon\tachternaam\tfunctie\tstart\tend\nAnk Bijleveld\tBijleveld\tMinister van Defensie\t2017-10-26\t\n",
        encoding="utf-8",
    )
    (tmp_path / "nationalities.tsv").write_text("adjectief\tland\nAfghaanse\tAF\n", encoding="utf-8")
    (tmp_path / "portfolio_ministries.tsv").write_text(
        "portefeuille\tministerie\nDefensie\tDefensie\n", encoding="utf-8"
    )
    write_jsonl(tmp_path / "macros.jsonl", MACROS)
    write_jsonl(tmp_path / "toezegging_rules.jsonl", [TOEZEGGING, BLOCKER])
    write_jsonl(tmp_path / "toezegging_grammar.jsonl", [GRAMMAR_FEATURE, GRAMMAR_RULE])
    write_jsonl(tmp_path / "termijn_phrases.jsonl", [TERMIJN])
    write_jsonl(tmp_path / "herkomst_patterns.jsonl", [HERKOMST])
    return tmp_path


def build(component: str, resources: Path):
    nlp = spacy.blank("nl")
    nlp.add_pipe(component, config={"resources_dir": str(resources)})
    return nlp


def load_error(component: str, resources: Path) -> str:
    with pytest.raises(ResourceError) as err:
        build(component, resources)
    message = str(err.value)
    assert "\n" not in message
    return message


def test_the_tiny_files_build_every_component_and_the_rows_carry_their_role(resources):
    nlp = build("kamer_entities", resources)
    doc = nlp("De Minister van Defensie en Minister Bijleveld spraken in de NAVO over de anti-ISIS coalitie.")
    found = {(e.text, e.label_, e._.kamer_rule, e._.kamer_role) for e in doc.ents}
    assert found == {
        ("Minister van Defensie", "MINISTER", "minister:title_portfolio", "portfolio_title"),
        ("Minister Bijleveld", "MINISTER", "minister:title_surname", "title_name"),
        ("NAVO", "ORGANISATIE", "gazetteer:international_org", "gazetteer"),  # the gazetteer kind's default
        ("anti-ISIS coalitie", "ORGANISATIE", "org:anti_coalition", "entity"),
    }
    build("kamer_toezeggingen", resources)
    build("kamer_linking", resources)


@pytest.mark.parametrize(
    "change, problem",
    [
        ({"prority": 5}, "unknown key 'prority'"),
        ({"role": None}, "missing field 'role'"),
        ({"label": "PERSOON"}, "unknown label 'PERSOON'"),
        ({"role": "titel"}, "unknown role 'titel'"),
        ({"context": "near_minister"}, "unknown context 'near_minister'"),
        ({"pattern": [{"LOWER": {"IN": "@titles"}}]}, "unknown word list @titles"),
        ({"pattern": [{"LOWER": {"IN": "@upper:minister_titles"}}]}, "unknown reference '@upper:minister_titles'"),
        ({"pattern": [{"LOWERR": "minister"}]}, "invalid token pattern"),  # spaCy's own validation
        ({"pattern": [{"LOWER": "minister", "OP": "++"}]}, "invalid token pattern"),
        ({"pattern": "minister"}, "a token pattern is a list of objects"),
    ],
)
def test_a_broken_entity_rule_names_file_line_and_problem(resources, change, problem):
    rule = {k: v for k, v in {**ORG_RULE, **change}.items() if v is not None}
    write_jsonl(resources / "entity_rules.jsonl", [TITLE_RULE, rule])
    message = load_error("kamer_entities", resources)
    assert message.startswith(f"{resources / 'entity_rules.jsonl'}:2: {problem}")


def test_a_comment_line_counts_in_the_line_number(resources):
    path = resources / "entity_rules.jsonl"
    path.write_text("// token rules\n\n" + json.dumps({**ORG_RULE, "label": "ORG"}) + "\n", encoding="utf-8")
    assert load_error("kamer_entities", resources).startswith(f"{path}:3: unknown label 'ORG'")


@pytest.mark.parametrize(
    "row, problem",
    [
        ({**GAZETTEER, "labal": "ORGANISATIE"}, "unknown key 'labal'"),
        ({"label": "ORGANISATIE", "id": "gazetteer:x"}, "missing field 'pattern'"),
        ({**GAZETTEER, "label": "ORGANISATION"}, "unknown label 'ORGANISATION'"),
        ({**GAZETTEER, "role": "organisation"}, "unknown role 'organisation'"),
        (["NAVO"], "a row must be a JSON object"),
    ],
)
def test_a_broken_gazetteer_row_names_file_line_and_problem(resources, row, problem):
    path = resources / "gazetteers" / "international.jsonl"
    write_jsonl(path, [GAZETTEER, row])
    assert load_error("kamer_entities", resources).startswith(f"{path}:2: {problem}")


def test_rows_sharing_an_id_share_their_role(resources):
    path = resources / "gazetteers" / "international.jsonl"
    write_jsonl(path, [GAZETTEER, {**GAZETTEER, "pattern": "NATO", "role": "entity"}])
    message = load_error("kamer_entities", resources)
    assert message == (
        f"{path}:2: role 'entity' for 'gazetteer:international_org', which has role 'gazetteer' at {path}:1"
    )


def test_a_composition_naming_an_unknown_word_list_stops_the_pipeline(resources):
    path = resources / "compositions.jsonl"
    write_jsonl(path, [{**COMPOSITION, "parts": ["@minister_titles", ["van"], "@portefeuilles"]}])
    assert load_error("kamer_entities", resources).startswith(f"{path}:1: unknown word list @portefeuilles")


def test_a_short_table_row_names_its_line_in_the_file(resources):
    path = resources / "nationalities.tsv"
    path.write_text("# adjectives\nadjectief\tland\nAfghaanse\tAF\nIraakse\n", encoding="utf-8")
    assert load_error("kamer_entities", resources) == f"{path}:4: expected 2 columns, got 1"


def test_invalid_json_names_file_and_line(resources):
    path = resources / "entity_rules.jsonl"
    path.write_text(json.dumps(TITLE_RULE) + '\n{"id": "org:x",\n', encoding="utf-8")
    assert load_error("kamer_entities", resources).startswith(f"{path}:2: invalid JSON")


@pytest.mark.parametrize(
    "row, problem",
    [
        ({**TOEZEGGING, "pattern": "{KAMR} informeren"}, "unknown macro {KAMR}"),
        ({**TOEZEGGING, "requires": ["{TIJD}"]}, "unknown macro {TIJD}"),
        ({**TOEZEGGING, "status": "open"}, "unknown status 'open'"),
        ({**TOEZEGGING, "strenght": 2}, "unknown key 'strenght'"),
        ({k: v for k, v in TOEZEGGING.items() if k != "strength"}, "missing field 'strength'"),
        ({**BLOCKER, "blocks": ["nieuw", "oud"]}, "unknown status 'oud' in blocks"),
        ({**TOEZEGGING, "pattern": "{KAMER} (informeren"}, "invalid regular expression"),
    ],
)
def test_a_broken_toezegging_rule_names_file_line_and_problem(resources, row, problem):
    path = resources / "toezegging_rules.jsonl"
    write_jsonl(path, [TOEZEGGING, row])
    assert load_error("kamer_toezeggingen", resources).startswith(f"{path}:2: {problem}")


@pytest.mark.parametrize(
    "rows, line, problem",
    [
        ([MACROS[0], {"macro": "KAMER", "pattern": "{KAMERS}"}], 2, "unknown macro {KAMERS}"),
        ([MACROS[1], MACROS[1]], 2, "macro 'KAMER' is defined twice"),
        ([{"macro": "MONTH"}], 1, "a macro has either 'pattern' or 'words'"),
        ([{"macro": "MONTH", "word": ["mei"]}], 1, "unknown key 'word'"),
    ],
)
def test_a_broken_macro_file_names_its_line(resources, rows, line, problem):
    path = resources / "macros.jsonl"
    write_jsonl(path, rows)
    assert load_error("kamer_toezeggingen", resources).startswith(f"{path}:{line}: {problem}")


def test_a_missing_macro_file_is_named(resources):
    (resources / "macros.jsonl").unlink()
    message = load_error("kamer_toezeggingen", resources)
    assert message == f"{resources / 'macros.jsonl'}: resource file not found"


@pytest.mark.parametrize(
    "name, row, problem",
    [
        ("termijn_phrases.jsonl", {**TERMIJN, "pattern": "voor {MAAND}"}, "unknown macro {MAAND}"),
        ("termijn_phrases.jsonl", {k: v for k, v in TERMIJN.items() if k != "kind"}, "missing field 'kind'"),
        ("herkomst_patterns.jsonl", {**HERKOMST, "kind": "date"}, "unknown key 'kind'"),
        ("herkomst_patterns.jsonl", {**HERKOMST, "pattern": "(?P<type>debat"}, "invalid regular expression"),
    ],
)
def test_a_broken_deadline_or_occasion_pattern_stops_linking(resources, name, row, problem):
    write_jsonl(resources / name, [row])
    assert load_error("kamer_linking", resources).startswith(f"{resources / name}:1: {problem}")


def test_month_names_are_the_macro_file_s_month_list():
    from pipeline.knowledge.macros import macro_words

    months = macro_words("MONTH")
    assert len(months) == 12 and months[0] == "januari"
    assert [month_number(m.capitalize()) for m in months] == list(range(1, 13))


def test_no_module_or_rule_file_spells_out_the_months_again():
    """The month list lives in macros.jsonl only."""
    root = Path(pipeline.components.entities.__file__).resolve().parent.parent
    spelled = re.compile(r"januari\W+februari", re.I)
    found = [
        str(p.relative_to(root))
        for p in sorted(root.rglob("*"))
        if p.suffix in {".py", ".jsonl", ".tsv", ".txt"} and spelled.search(p.read_text(encoding="utf-8"))
    ]
    assert found == ["resources/macros.jsonl"]


def test_the_shipped_pipeline_does_not_start_with_a_broken_rule_file(resources, tmp_path_factory):
    from pipeline.assemble import load

    write_jsonl(resources / "entity_rules.jsonl", [{**TITLE_RULE, "role": "minister"}])
    config = (Path(pipeline.components.entities.__file__).resolve().parent.parent / "config.cfg").read_text()
    head, tail = config.split("[components.kamer_entities]")
    tail = tail.replace("resources_dir = null", f'resources_dir = "{resources}"', 1)
    patched = head + "[components.kamer_entities]" + tail
    path = tmp_path_factory.mktemp("config") / "config.cfg"
    path.write_text(patched, encoding="utf-8")
    with pytest.raises(ResourceError, match=re.escape(f"{resources / 'entity_rules.jsonl'}:1: unknown role")):
        load("blank:nl", config_path=path)


def test_components_follow_the_role_not_the_rule_id(resources):
    """Rules renamed at will keep their meaning: signatures pair and linking links by role."""
    write_jsonl(
        resources / "entity_rules.jsonl",
        [
            {**TITLE_RULE, "id": "eigen:titel_en_naam"},
            {
                "id": "eigen:naam_bij_titel",
                "label": "MINISTER",
                "role": "name",
                "context": "next_to_minister",
                "pattern": [{"IS_TITLE": True, "IS_STOP": False}, {"IS_TITLE": True, "IS_STOP": False}],
            },
        ],
    )
    write_jsonl(resources / "compositions.jsonl", [{**COMPOSITION, "id": "eigen:titel_met_portefeuille"}])
    nlp = build("kamer_entities", resources)
    nlp.add_pipe("kamer_linking", config={"resources_dir": str(resources)})
    doc = nlp("Pavlo Klimkin, Minister van Defensie, sprak met Minister Bijleveld.")
    found = {e.text: (e._.kamer_rule, e._.kamer_role, e._.kamer_persoon, e._.kamer_functie) for e in doc.ents}
    assert found == {
        "Pavlo Klimkin": ("eigen:naam_bij_titel", "name", "Pavlo Klimkin", "Minister van Defensie"),
        "Minister van Defensie": ("eigen:titel_met_portefeuille", "portfolio_title", None, "Minister van Defensie"),
        "Minister Bijleveld": ("eigen:titel_en_naam", "title_name", "Ank Bijleveld", "Minister van Defensie"),
    }


@pytest.mark.parametrize(
    "rows, problem",
    [
        ([GRAMMAR_FEATURE, {**GRAMMAR_RULE, "all": ["FUTUR"]}], "unknown feature 'FUTUR'"),
        ([{"feature": "X", "pattern": [{"NROM": "zal"}]}], "invalid feature pattern"),
        ([{"feature": "X"}], "invalid feature pattern"),
        ([{"feature": "X", "pattern": [{"NORM": {"IN": "@verbforms:nope"}}]}], "unknown word list @nope"),
        ([{**GRAMMAR_RULE, "status": "beloofd"}], "unknown status 'beloofd'"),
    ],
)
def test_a_broken_grammar_file_names_the_problem(resources, rows, problem):
    write_jsonl(resources / "toezegging_grammar.jsonl", rows)
    assert problem in load_error("kamer_toezeggingen", resources)
