"""The register on the real pairs of ../shared/corpus/pairs, annotated with dev and dev2 (docs/register.md).

Each pair whose B letter names A by date or Kamerstuk (PAIRS.tsv, evidence "date + kamerstuk") is linked
when the pipeline found A's commitment and a nagekomen sentence in B, or B names A in a sentence that
delivers A's topic (a citing letter: P10); the others are reported unlinked; no link touches a pairs letter
unless PAIRS.tsv pairs the two letters.
"""

import csv
import json

import pytest
from conftest import REPO, SHARED, shared_path

from pipeline.io.readers import iter_inputs
from pipeline.register.load import load, read_files
from pipeline.register.schema import register_schema
from pipeline.register.store import connect
from pipeline.run.extraction import accepted, annotated_lines

pytestmark = pytest.mark.corpus
SCHEMA = register_schema()


def pairs():
    with shared_path("corpus/pairs/PAIRS.tsv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def names_a(pair) -> bool:
    return pair["evidence"].startswith("date + kamerstuk")


@pytest.fixture(scope="module")
def register(nlp, tmp_path_factory):
    texts = shared_path("corpus/pairs/texts")
    inputs = [texts, REPO / "data/gold/dev.jsonl", REPO / "data/gold/dev2.jsonl"]

    def refuse(problem):
        raise AssertionError(f"input problem: {problem}")

    path = tmp_path_factory.mktemp("register") / "annotations.jsonl"
    path.write_text("".join(annotated_lines(nlp, accepted(iter_inputs(inputs, SHARED), refuse))), encoding="utf-8")
    db = connect(path.with_suffix(".db"), SCHEMA)
    load(db, read_files([path], SHARED), SCHEMA)
    return db


def commitment_at(db, letter, start, end, status):
    """The register's commitment of this status in the letter whose sentence overlaps [start, end)."""
    rows = db.conn.execute(
        'SELECT nummer FROM toezeggingen WHERE letter = ? AND status = ? AND start < ? AND "end" > ?',
        [letter, status, end, start],
    ).fetchall()
    return rows[0][0] if rows else None


def promise_of(db, pair):
    """The register's nieuw commitment at the A sentence of the pair, None when the pipeline did not find it."""
    return commitment_at(
        db, pair["a_id"], int(pair["a_sentence_offset_start"]), int(pair["a_sentence_offset_end"]), "nieuw"
    )


def nagekomen_in(db, letter) -> int:
    return db.conn.execute(
        "SELECT count(*) FROM toezeggingen WHERE letter = ? AND status = 'nagekomen'", [letter]
    ).fetchone()[0]


def settled_by(db, nummer, kind="%"):
    """The letters whose links (of this kind) settle the commitment."""
    return {
        row[0] for row in db.conn.execute("SELECT brief FROM links WHERE settled = ? AND kind LIKE ?", [nummer, kind])
    }


def test_each_pair_whose_b_names_a_is_linked_when_both_commitments_were_found(register):
    checked = 0
    for pair in filter(names_a, pairs()):
        a = promise_of(register, pair)
        b_settles = nagekomen_in(register, pair["b_id"])
        if a is None or not b_settles:
            continue  # the pipeline missed a side: the next test wants it reported unlinked
        checked += 1
        assert pair["b_id"] in settled_by(register, a), f"{pair['pair_id']}: {a} not settled by {pair['b_id']}"
    assert checked >= 3


def test_a_b_letter_without_a_nagekomen_sentence_settles_a_when_it_delivers_it_naming_a(register):
    checked = 0
    for pair in filter(names_a, pairs()):
        a = promise_of(register, pair)
        delivering = register.conn.execute(
            "SELECT count(*) FROM citing_sentences WHERE letter = ? AND start < ? AND [end] > ?",
            [pair["b_id"], int(pair["b_sentence_offset_end"]), int(pair["b_sentence_offset_start"])],
        ).fetchone()[0]
        b_settles = nagekomen_in(register, pair["b_id"])
        if a is None or not delivering or b_settles:
            continue  # with a nagekomen sentence in B that link wins (P06); the first test checks it
        checked += 1
        assert pair["b_id"] in settled_by(register, a, "citing_letter"), f"{pair['pair_id']}: {a} not settled"
    assert checked >= 1  # P10: "Hierbij ontvangt u mijn reactie op het advies ... (Kamerstuk 28 286, nr. 970)"


def test_a_pair_the_register_cannot_link_is_reported_unlinked(register):
    for pair in pairs():
        a = promise_of(register, pair)
        if a is not None and pair["b_id"] in settled_by(register, a):
            continue
        for (nummer,) in register.conn.execute(
            "SELECT nummer FROM toezeggingen WHERE letter = ? AND status = 'nagekomen'", [pair["b_id"]]
        ):
            linked = register.conn.execute("SELECT settled FROM links WHERE settling = ?", [nummer]).fetchone()
            if linked is None:
                reason = register.conn.execute("SELECT reason FROM unlinked WHERE settling = ?", [nummer]).fetchone()
                assert reason is not None, f"{nummer}: neither linked nor reported unlinked"


def test_no_link_touches_a_pairs_letter_without_a_pair_behind_it(register):
    paired = {(p["a_id"], p["b_id"]) for p in pairs()}
    pair_letters = {letter for pair in paired for letter in pair}
    links = register.conn.execute(
        "SELECT a.letter, l.brief, l.evidence FROM links l JOIN toezeggingen a ON a.nummer = l.settled"
    ).fetchall()
    for settled, settling, evidence in links:
        anchors = {item["soort"] for item in json.loads(evidence)} & set(SCHEMA.linking.anchors)
        assert anchors, f"{settling} -> {settled}: a link without an anchor"
        if settled in pair_letters or settling in pair_letters:
            assert (settled, settling) in paired, f"unsupported link {settling} -> {settled}"
