"""Scores through spaCy: the components' scorers, the gold DocBin, and `spacy evaluate` against our `evaluate`."""

import json
import subprocess
import sys

import pytest
import spacy
from conftest import REPO
from spacy.tokens import DocBin
from spacy.training import Example

from pipeline.assemble import CONFIG_PATH
from pipeline.components.scorers import score_entities, score_linking, score_toezeggingen
from pipeline.evaluation.annotations import Annotation, Document
from pipeline.gold_docs import gold_doc
from pipeline.schema import DEFAULT_SPANS_KEY, TOEZEGGING

TEXT = "Minister Blok sprak in Brussel met de NAVO-partners. Ik zal uw Kamer voor 1 juni informeren over de missie."
SENTENCE = (TEXT.index("Ik zal"), len(TEXT))
NAVO = (TEXT.index("NAVO"), TEXT.index("NAVO") + 4)  # inside the token "NAVO-partners"
GOLD = [
    Annotation(0, 13, "MINISTER", attrs={"functie": "Minister van Buitenlandse Zaken"}),
    Annotation(*NAVO, "ORGANISATIE"),
    Annotation(*SENTENCE, TOEZEGGING, status="nieuw", attrs={"termijn": "voor 1 juni"}),
]


def example(predicted, key=DEFAULT_SPANS_KEY) -> Example:
    nlp = spacy.blank("nl")
    return Example(gold_doc(Document("p", TEXT, predicted), nlp, key), gold_doc(Document("g", TEXT, GOLD), nlp, key))


@pytest.mark.unit
def test_a_gold_doc_keeps_every_offset_status_and_attribute_through_a_docbin():
    doc = gold_doc(Document("g", TEXT, GOLD), spacy.blank("nl"), "beloften")
    docbin = DocBin(store_user_data=True)
    docbin.add(doc)
    (back,) = DocBin().from_bytes(docbin.to_bytes()).get_docs(spacy.blank("nl").vocab)
    assert back.text == TEXT
    assert [(e.start_char, e.end_char, e.label_) for e in back.ents] == [(0, 13, "MINISTER"), (*NAVO, "ORGANISATIE")]
    assert back.ents[0]._.kamer_functie == "Minister van Buitenlandse Zaken"
    (span,) = back.spans["beloften"]
    assert (span.start_char, span.end_char, span.label_) == (*SENTENCE, TOEZEGGING)
    assert (span._.kamer_status, span._.kamer_termijn) == ("nieuw", "voor 1 juni")


@pytest.mark.unit
def test_a_gold_span_may_start_at_a_space_or_end_just_after_one():
    text = "met de NAVO en de EU"
    spans = [Annotation(6, 12, "ORGANISATIE"), Annotation(17, 20, "ORGANISATIE")]  # " NAVO ", " EU"
    doc = gold_doc(Document("g", text, spans), spacy.blank("nl"), DEFAULT_SPANS_KEY)
    assert doc.text == text
    assert [e.text for e in doc.ents] == [" NAVO ", " EU"]


@pytest.mark.unit
def test_entities_score_strictly_by_offsets_and_partially_by_overlap():
    scores = score_entities([example([Annotation(9, 13, "MINISTER"), Annotation(*NAVO, "ORGANISATIE")])])
    assert scores["ents_per_type"]["MINISTER"] == {"p": 0.0, "r": 0.0, "f": 0.0}  # "Blok" is not "Minister Blok"
    assert scores["ents_partial_per_type"]["MINISTER"] == {"p": 1.0, "r": 1.0, "f": 1.0}
    assert scores["ents_per_type"]["ORGANISATIE"] == {"p": 1.0, "r": 1.0, "f": 1.0}
    assert scores["ents_per_type"]["OPERATIE"] == {"p": None, "r": None, "f": None}  # nothing to count
    assert (scores["ents_p"], scores["ents_r"]) == (0.5, 0.5)


@pytest.mark.unit
def test_a_toezegging_matches_when_it_overlaps_half_of_the_longer_span():
    start, end = SENTENCE
    length = end - start
    half = Annotation(start, start + length // 2 + 1, TOEZEGGING, status="nagekomen")
    scores = score_toezeggingen([example([half])])
    assert scores["spans_toezeggingen_per_type"][TOEZEGGING] == {"p": 1.0, "r": 1.0, "f": 1.0}
    assert scores["spans_toezeggingen_status_acc"] == 0.0  # matched, with the wrong status
    assert scores["spans_toezeggingen_strict_f"] == 0.0  # but not at the exact offsets
    too_short = Annotation(start, start + length // 2 - 1, TOEZEGGING, status="nieuw")
    scores = score_toezeggingen([example([too_short])])
    assert (scores["spans_toezeggingen_p"], scores["spans_toezeggingen_r"]) == (0.0, 0.0)
    assert scores["spans_toezeggingen_status_acc"] is None


@pytest.mark.unit
def test_attributes_are_scored_over_matched_pairs():
    predicted = [
        Annotation(0, 13, "MINISTER", attrs={"functie": "Minister van Defensie"}),
        Annotation(*SENTENCE, TOEZEGGING, status="nieuw", attrs={"termijn": "voor 1 juni"}),
    ]
    accuracy = score_linking([example(predicted)])["attributes_acc_per_type"]
    assert accuracy["MINISTER functie"] == 0.0
    assert accuracy["TOEZEGGING termijn (exact)"] == 1.0


@pytest.mark.unit
def test_the_components_score_their_own_span_group(resources_dir):
    nlp = spacy.blank("nl")
    config = {"resources_dir": str(resources_dir), "spans_key": "beloften"}
    detector = nlp.add_pipe("kamer_toezeggingen", config=config)
    tagger = nlp.add_pipe("kamer_entities", config={"resources_dir": str(resources_dir)})
    predicted = [Annotation(*SENTENCE, TOEZEGGING, status="nieuw")]
    assert detector.score([example(predicted, "beloften")])["spans_beloften_f"] == 1.0
    assert tagger.score([example(predicted, "beloften")])["ents_r"] == 0.0


def run(*args, module="pipeline", cwd=REPO):
    command = [sys.executable, "-m", module, *map(str, args)]
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture(scope="module")
def harder_gold(tmp_path_factory):
    """The seeds' gold with every fourth span left out and one MINISTER cut short inside a word, so the
    pipeline's output has false positives, a strict miss and a partial hit to count."""
    rows = [json.loads(line) for line in (REPO / "data" / "gold" / "seeds.jsonl").read_text("utf-8").splitlines()]
    for row in rows:
        row["spans"] = [s for n, s in enumerate(row["spans"]) if n % 4 != 3]
    minister = next(s for s in rows[0]["spans"] if s["label"] == "MINISTER")
    minister["end"] -= 2
    minister["text"] = rows[0]["text"][minister["start"] : minister["end"]]
    path = tmp_path_factory.mktemp("gold") / "gold.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    docbin = path.with_suffix(".spacy")
    run("docbin", path, "-o", docbin)
    return path, docbin


@pytest.mark.parametrize("parse", ["selective", "all"])
def test_spacy_evaluate_on_the_gold_docbin_gives_the_numbers_of_evaluate(harder_gold, parse, tmp_path):
    gold, docbin = harder_gold
    run("extract", "seeds", "-o", tmp_path / "pred.jsonl", "--parse", parse)
    run("evaluate", gold, tmp_path / "pred.jsonl", "--json", tmp_path / "ours.json")
    ours = json.loads((tmp_path / "ours.json").read_text())
    run("assemble", CONFIG_PATH, tmp_path / "pipeline", "--pipeline.parse", parse, module="spacy")
    spacy_args = ("evaluate", tmp_path / "pipeline", docbin, "--spans-key", "toezeggingen", "--output")
    run(*spacy_args, tmp_path / "theirs.json", module="spacy")
    theirs = json.loads((tmp_path / "theirs.json").read_text())

    def same(counts, p, r, f):
        assert [counts["precision"], counts["recall"], counts["f1"]] == [
            None if v is None else round(v, 4) for v in (p, r, f)
        ]

    for label, modes in ours["entities"].items():
        for mode, key in (("strict", "ents_per_type"), ("partial", "ents_partial_per_type")):
            same(modes[mode], *theirs[key][label].values())
    same(ours["entities_micro"]["strict"], theirs["ents_p"], theirs["ents_r"], theirs["ents_f"])
    same(ours["TOEZEGGING"]["overlap"], *(theirs[f"spans_toezeggingen_{k}"] for k in "prf"))
    same(ours["TOEZEGGING"]["strict"], *(theirs[f"spans_toezeggingen_strict_{k}"] for k in "prf"))
    assert ours["TOEZEGGING"]["status_accuracy"] == round(theirs["spans_toezeggingen_status_acc"], 4)
    accuracies = {name: acc["accuracy"] for name, acc in ours["attributes"].items() if acc["scored"]}
    assert accuracies == {name: round(v, 4) for name, v in theirs["attributes_acc_per_type"].items()}
    assert ours["entities_micro"]["strict"]["precision"] < 1  # the comparison had errors to count
    assert ours["entities"]["MINISTER"]["partial"]["correct"] > ours["entities"]["MINISTER"]["strict"]["correct"]


def test_docbin_reports_a_bad_gold_file_in_one_line(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "Hallo", "spans": [{"start": 0, "end": 9, "label": "MINISTER"}]}\n')
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "docbin", str(gold), "-o", str(tmp_path / "gold.spacy")],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"error: {gold}:1: document a: span 0 (MINISTER 0-9): offsets outside the text (length 5)"
    ]
    assert not (tmp_path / "gold.spacy").exists()


def test_docbin_refuses_to_write_over_its_gold(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "Hallo", "spans": []}\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "docbin", str(gold), "-o", str(gold)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1 and done.stderr.startswith("error: ")
    assert gold.read_text(encoding="utf-8") == '{"id": "a", "text": "Hallo", "spans": []}\n'


@pytest.mark.unit
def test_bytes_are_written_atomically_with_normal_permissions(tmp_path):
    from pipeline.io.writers import normal_mode, write_bytes_atomically

    target = tmp_path / "out" / "gold.spacy"
    write_bytes_atomically(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert target.stat().st_mode & 0o777 == normal_mode()
    assert [p.name for p in target.parent.iterdir()] == ["gold.spacy"]  # no temporary file left
