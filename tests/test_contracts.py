"""The contracts between the rooms (issue 12): one schema, the spans key end to end, one pairing,
declared data flow between the components, and evaluation without spaCy."""

import ast
import json
import subprocess
import sys

import pytest
from conftest import REPO

from pipeline.evaluation.annotations import Annotation, Document, load_documents
from pipeline.evaluation.pairing import match_one_to_one, pair_label, strict_accept
from pipeline.evaluation.scoring import score
from pipeline.schema import DEFAULT_SPANS_KEY, LABELS, TOEZEGGING

PACKAGE = REPO / "pipeline"
# the names only pipeline/schema.py may define
SCHEMA_NAMES = {
    "ENTITY_LABELS",
    "LABELS",
    "TOEZEGGING",
    "STATUSES",
    "SPANS_KEY",
    "DEFAULT_SPANS_KEY",
    "MINISTER_ATTRIBUTES",
    "TOEZEGGING_ATTRIBUTES",
    "LETTER_FIELDS",
    "RULE_ROLES",
}
# invented; the soft hyphen in "infor-meren" makes linking and metadata work on a clean view of the doc,
# which carries the span group along by its key
LETTER = (
    "Tweede Kamer der Staten-Generaal\n\nGeachte Voorzitter,\n\n"
    "Ik zal uw Kamer voor 1 juli 2021 infor\u00admeren over de voortgang van de missie in Mali. "
    "De NAVO en het Ministerie van Defensie werken daarbij samen.\n\n"
    "De Minister van Defensie,\n\nA.Th.B. Bijleveld-Schouten\n"
)


def python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=300)


# -- one schema ---------------------------------------------------------------
def test_only_the_schema_defines_labels_statuses_and_keys():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "schema.py" and path.parent == PACKAGE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, ast.AnnAssign)
                else []
            )
            offenders += [
                f"{path.relative_to(REPO)}:{node.lineno} {t.id}"
                for t in targets
                if isinstance(t, ast.Name) and t.id in SCHEMA_NAMES
            ]
    assert offenders == []


def _literal_span_keys(tree: ast.AST):
    """String constants used as a key of doc.spans: doc.spans["x"], doc.spans.get("x")."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "spans":
            key = node.slice
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and isinstance(node.func.value, ast.Attribute)
            and node.func.value.attr == "spans"
            and node.args
        ):
            key = node.args[0]
        else:
            continue
        if isinstance(key, ast.Constant):
            yield node.lineno, key.value


def test_no_module_hard_codes_the_spans_key():
    # the key is configuration (spans_key in config.cfg), passed to whoever reads the span group
    offenders = [
        f"{path.relative_to(REPO)}:{line} {key!r}"
        for path in PACKAGE.rglob("*.py")
        for line, key in _literal_span_keys(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert offenders == []


def test_schema_and_evaluation_import_no_spacy():
    done = python(
        "import pipeline, pipeline.schema, pipeline.evaluation, pipeline.evaluation.scoring, "
        "pipeline.evaluation.annotations, pipeline.evaluation.attributes, pipeline.evaluation.pairing, "
        "pipeline.exports.toezeggingen_csv, pipeline.exports.labelstudio, pipeline.cli, pipeline.evaluation.errors, "
        "pipeline.span_ids; import sys; "
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')); print(loaded); "
        "assert not loaded"
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_evaluate_on_the_command_line_never_imports_spacy(tmp_path):
    # a prediction: the seeds' gold with every other span left out
    gold = REPO / "data" / "gold" / "seeds.jsonl"
    pred = tmp_path / "pred.jsonl"
    lines = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    pred.write_text("".join(json.dumps({**r, "spans": r["spans"][::2]}) + "\n" for r in lines), encoding="utf-8")
    # importing spaCy (or thinc) at all makes the run fail, wherever the import hides
    blocker = (
        "import sys, runpy\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('spacy', 'thinc'):\n"
        "            raise ImportError('evaluate imported ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"sys.argv = ['pipeline', 'evaluate', {str(gold)!r}, {str(pred)!r}, '--corpus-root', {str(REPO)!r}, "
        f"'--errors', '--json', {str(tmp_path / 'scores.json')!r}]\n"
        "runpy.run_module('pipeline', run_name='__main__', alter_sys=True)\n"
    )
    done = python(blocker)
    assert done.returncode == 0, done.stderr
    assert "TOEZEGGING status accuracy" in done.stdout and "\nFN " in done.stdout  # the errors were listed
    assert json.loads((tmp_path / "scores.json").read_text(encoding="utf-8"))["errors"]["false_negatives"]


# -- the spans key, end to end --------------------------------------------------
@pytest.fixture(scope="module")
def beloften(tmp_path_factory):
    """The pipeline built from a config.cfg whose toezeggingen go to doc.spans["beloften"]."""
    from pipeline.assemble import CONFIG_PATH, load

    text = CONFIG_PATH.read_text(encoding="utf-8")
    line = f'spans_key = "{DEFAULT_SPANS_KEY}"'
    assert text.count(line) == 1, "config.cfg names the key once; the other components refer to it"
    config = tmp_path_factory.mktemp("config") / "config.cfg"
    config.write_text(text.replace(line, 'spans_key = "beloften"'), encoding="utf-8")
    return load("blank:nl", config_path=config)


def test_a_non_default_spans_key_reaches_every_component(beloften):
    doc = beloften(LETTER)
    assert list(doc.spans) == ["beloften"]
    (span,) = doc.spans["beloften"]
    assert span.text.startswith("Ik zal uw Kamer")
    # linking described the span under the configured key: who and when
    assert span._.kamer_bewindspersoon == "Minister van Defensie"
    assert span._.kamer_termijn == "voor 1 juli 2021"
    # the others refer to kamer_toezeggingen's setting (kept as a reference, as spacy assemble keeps it)
    components = beloften.config.interpolate()["components"]
    for name in ("kamer_toezeggingen", "kamer_metadata", "kamer_linking"):
        assert components[name]["spans_key"] == "beloften"


def test_a_non_default_spans_key_reaches_the_record_and_every_export(beloften, tmp_path):
    from pipeline.exports.labelstudio import to_tasks
    from pipeline.exports.review import write_report
    from pipeline.exports.toezeggingen_csv import write_csv
    from pipeline.io.writers import dump_json_line
    from pipeline.records import doc_to_record, spans_key_of

    assert spans_key_of(beloften) == "beloften"
    record = doc_to_record(
        beloften(LETTER), "brief-1", "brief-1.txt", beloften.meta["kamer_base"], spans_key=spans_key_of(beloften)
    )
    toezeggingen = [s for s in record["spans"] if s["label"] == TOEZEGGING]
    assert [(s["status"], s["bewindspersoon"], s["termijn"]) for s in toezeggingen] == [
        ("nieuw", "Minister van Defensie", "voor 1 juli 2021")
    ]
    path = tmp_path / "brief.jsonl"
    path.write_text(dump_json_line(record), encoding="utf-8")
    docs = load_documents(path)

    out = tmp_path / "toezeggingen.csv"
    with out.open("w", encoding="utf-8", newline="") as handle:
        assert write_csv(docs.values(), handle) == 1
    assert "Minister van Defensie" in out.read_text(encoding="utf-8")

    index = write_report(docs, tmp_path / "review")
    assert "<td>1</td>" in index.read_text(encoding="utf-8").split("</tr>")[1]  # the toezeggingen column
    page = next((tmp_path / "review" / "docs").iterdir()).read_text(encoding="utf-8")
    assert "voor 1 juli 2021" in page

    (task,) = to_tasks(docs.values())
    labels = [r["value"].get("labels", r["value"].get("choices")) for r in task["predictions"][0]["result"]]
    assert [TOEZEGGING] in labels and ["nieuw"] in labels


# -- one pairing ----------------------------------------------------------------
def _doc(*spans: Annotation) -> Document:
    return Document("d", "x" * 200, list(spans))


def test_pairing_names_the_unpaired_on_both_sides():
    gold = [Annotation(0, 5, "MINISTER"), Annotation(10, 15, "MINISTER")]
    pred = [Annotation(0, 5, "MINISTER"), Annotation(10, 14, "MINISTER")]
    paired = match_one_to_one(gold, pred, strict_accept)
    assert paired.matched == [(gold[0], pred[0])]
    assert (paired.missed, paired.spurious) == ([gold[1]], [pred[1]])


def test_review_judges_exactly_what_scoring_counts():
    from pipeline.exports.review import judge

    gold = _doc(
        Annotation(0, 100, TOEZEGGING, "nieuw"), Annotation(120, 130, "MINISTER"), Annotation(140, 150, "OPERATIE")
    )
    pred = _doc(
        Annotation(20, 100, TOEZEGGING, "nieuw"),
        Annotation(120, 131, "MINISTER"),
        Annotation(140, 150, "OPERATIE"),
        Annotation(160, 170, "ORGANISATIE"),
    )
    verdicts = [(j.span.label, j.verdict) for j in judge(pred, gold)]
    report = score({"d": gold}, {"d": pred})
    for label in LABELS:
        pairs = pair_label(gold.spans, pred.spans, label)
        assert verdicts.count((label, "correct")) == len(pairs.matched)
        assert verdicts.count((label, "missed")) == len(pairs.missed)
        assert verdicts.count((label, "spurious")) == len(pairs.spurious)
        counts = report.toezegging if label == TOEZEGGING else report.strict[label]
        assert counts.correct == len(pairs.matched)
    assert verdicts.count((TOEZEGGING, "correct")) == 1  # 80 of 100 characters overlap


# -- declared data flow ---------------------------------------------------------
def test_analyze_pipes_finds_no_problem_and_shows_the_flow(blank_nlp):
    analysis = blank_nlp.analyze_pipes(pretty=False)
    assert analysis["problems"] == {name: [] for name in blank_nlp.pipe_names}
    summary = analysis["summary"]
    assert summary["kamer_pdf_repair"]["retokenizes"] is True
    assert "doc.ents" in summary["kamer_entities"]["assigns"]
    assert "doc.spans" in summary["kamer_toezeggingen"]["assigns"]
    assert "doc._.kamer_letter" in summary["kamer_metadata"]["assigns"]
    assert {"doc.ents", "doc.spans", "doc._.kamer_letter"} <= set(summary["kamer_linking"]["requires"])
    assert "span._.kamer_persoon" in summary["kamer_linking"]["assigns"]


def test_a_component_out_of_order_is_reported():
    import spacy

    from pipeline import components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("nl")
    nlp.add_pipe("kamer_linking")
    nlp.add_pipe("kamer_entities")
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert "doc.ents" in problems["kamer_linking"]


def test_schema_is_plain_python():
    tree = ast.parse((PACKAGE / "schema.py").read_text(encoding="utf-8"))
    modules = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    modules |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert modules <= {"typing"}


def test_extract_writes_the_toezeggingen_of_a_non_default_spans_key(beloften):
    from pipeline.io.readers import InputDoc
    from pipeline.run.extraction import annotate

    lines: list = []
    annotate(beloften, [InputDoc("brief-1", LETTER, "brief-1.txt")], lines.append, on_problem=print)
    record = json.loads(lines[0])
    assert [s["status"] for s in record["spans"] if s["label"] == TOEZEGGING] == ["nieuw"]
