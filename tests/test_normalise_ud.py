"""scripts/model/normalise_ud.py on three tiny hand-made treebank files (never on ../shared)."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "model" / "normalise_ud.py"


def _load_script():
    spec = importlib.util.spec_from_file_location("normalise_ud", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


nu = _load_script()


def conllu(*sentences):
    """CoNLL-U text: each sentence is (comment lines, token rows of ten fields)."""
    blocks = []
    for comments, rows in sentences:
        blocks.append("\n".join(list(comments) + ["\t".join(r) for r in rows]))
    return "\n\n".join(blocks) + "\n\n"


def tok(i, form, lemma, upos, head, deprel, feats="_", deps="_", misc="_"):
    return (str(i), form, lemma, upos, "_", feats, str(head), deprel, deps, misc)


HIJ_LOOPT = [tok(1, "Hij", "hij", "PRON", 2, "nsubj"), tok(2, "loopt", "lopen", "VERB", 0, "root")]
DE_RAAD = [
    tok(1, "De", "de", "DET", 2, "det"),
    tok(2, "gemeenteraad", "gemeente_raad", "NOUN", 3, "nsubj"),
    tok(3, "besluit", "besluiten", "VERB", 0, "root"),
]
# 2017 scheme: flat:name, lower-case feature values, enhanced deps, no "# text", a
# multiword token range and an empty node (both dropped).
OLD_NAME = [
    tok(1, "Jan", "Jan", "PROPN", 3, "nsubj", feats="Abbr=yes", deps="3:nsubj"),
    tok(2, "Peeters", "Peeters", "PROPN", 1, "flat:name"),
    tok(3, "zingt", "zingen", "VERB", 0, "root"),
]


@pytest.fixture()
def ud(tmp_path):
    folder = tmp_path / "ud"
    folder.mkdir()
    (folder / "nl_alpino-ud-test.conllu").write_text(
        conllu((["# sent_id = wiki-1.p.1.s.1", "# text = Hij loopt"], HIJ_LOOPT)), encoding="utf-8"
    )
    (folder / "nl_alpino-ud-dev.conllu").write_text(
        conllu(
            (["# sent_id = wiki-2.p.1.s.1", "# text = De gemeenteraad besluit"], DE_RAAD),
            (["# sent_id = wiki-3.p.1.s.1", "# text = Hij loopt"], HIJ_LOOPT),  # also a test sentence
        ),
        encoding="utf-8",
    )
    old_rows = OLD_NAME[:1] + [("1-2", "Jan", "_", "_", "_", "_", "_", "_", "_", "_")] + OLD_NAME[1:]
    old_rows = old_rows + [("3.1", "x", "_", "_", "_", "_", "_", "_", "_", "_")]
    (folder / "nl_lassysmall-ud-train-2017.conllu").write_text(
        conllu(
            (["# wiki-9.p.1.s.1.xml"], old_rows),
            (["# wiki-9.p.1.s.2.xml"], HIJ_LOOPT),  # a test sentence again
            (["# wiki-9.p.1.s.3.xml"], DE_RAAD),  # the current dev sentence again
        ),
        encoding="utf-8",
    )
    return folder


@pytest.fixture()
def result(ud, tmp_path):
    out = tmp_path / "out"
    nu.main([str(ud), "--out", str(out), "--quiet"])
    text = (out / "train.conllu").read_text(encoding="utf-8") + (out / "dev.conllu").read_text(encoding="utf-8")
    return out, text, json.loads((out / "stats.json").read_text(encoding="utf-8"))


def columns(text):
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def test_leakage_into_test_and_duplicates_are_dropped(result):
    _out, text, summary = result
    stats = summary["stats"]
    assert stats["dropped_current_dev_overlapping_test"] == 1
    assert stats["dropped_2017_overlapping_test"] == 1
    assert stats["dropped_2017_duplicate_of_current_dev"] == 1
    assert "loopt" not in text  # the test sentence is never trained on
    assert summary["test_sents"] == 1


def test_lemmas_glued_features_fixed_names_flat_and_deps_blanked(result):
    _out, text, summary = result
    rows = columns(text)
    by_form = {r[nu.FORM]: r for r in rows}
    assert by_form["gemeenteraad"][nu.LEMMA] == "gemeenteraad"
    assert by_form["Peeters"][nu.DEPREL] == "flat"
    assert by_form["Jan"][nu.FEATS] == "Abbr=Yes"
    assert {r[nu.DEPS] for r in rows} == {"_"}
    assert all(r[nu.ID].isdigit() for r in rows)  # no multiword ranges, no empty nodes
    assert summary["stats"]["dropped_mwt_lines"] == 1 and summary["stats"]["dropped_empty_nodes"] == 1


def test_2017_sentences_get_an_id_and_a_reconstructed_text(result):
    _out, text, _summary = result
    assert "# sent_id = wiki-9.p.1.s.1\n# text = Jan Peeters zingt\n" in text


def test_test_files_are_written_per_treebank_and_together(result):
    out, _text, _summary = result
    alpino = (out / "test_alpino.conllu").read_text(encoding="utf-8")
    assert alpino == (out / "test.conllu").read_text(encoding="utf-8")
    assert [r[nu.FORM] for r in columns(alpino)] == ["Hij", "loopt"]


def test_a_folder_without_the_three_kinds_of_file_is_one_line(tmp_path):
    (tmp_path / "nl_alpino-ud-dev.conllu").write_text("", encoding="utf-8")
    with pytest.raises(SystemExit) as err:
        nu.main([str(tmp_path), "--out", str(tmp_path / "out"), "--quiet"])
    assert str(err.value) == f"expected *-2017*, *-dev and *-test .conllu files in {tmp_path}"
    assert not (tmp_path / "out").exists()
