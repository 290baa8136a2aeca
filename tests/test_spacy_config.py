"""pipeline/config.cfg is a spaCy config: `python -m spacy assemble` builds from it what pipeline.load() builds."""

import subprocess
import sys

import pytest
import spacy
from conftest import seed_text

from pipeline.assemble import CONFIG_PATH, load, tokenizer_only
from pipeline.components.base_model import BLANK, chosen_base
from pipeline.records import doc_to_record

META = ("kamer_base", "kamer_parse", "kamer_pipeline_version")


def annotations(doc) -> tuple:
    """What a record holds (spans with rules, statuses, attributes; the letter's meta) and the tokens' analysis."""
    record = doc_to_record(doc, "brief", "brief.txt", {})
    return record, [(t.text, t.pos_, t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.mark.parametrize(
    "options, arguments",
    [([], {}), (["--pipeline.parse", "all"], {"parse": "all"}), (["--paths.base", BLANK], {"base": BLANK})],
    ids=["selective", "all", "blank"],
)
def test_spacy_assemble_builds_what_pipeline_load_builds(options, arguments, tmp_path):
    # run outside the repository: spaCy finds our functions through entry points, the bundled model by its path
    command = [sys.executable, "-m", "spacy", "assemble", str(CONFIG_PATH), str(tmp_path / "assembled"), *options]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assembled = spacy.load(tmp_path / "assembled")
    ours = load(**arguments)
    assert assembled.pipe_names == ours.pipe_names
    assert [assembled.meta[key] for key in META] == [ours.meta[key] for key in META]
    text = seed_text("kst-28676-325")
    assert annotations(assembled(text)) == annotations(ours(text))


@pytest.mark.unit
def test_the_configured_tokenizer_keeps_initials_and_splits_footnote_numbers():
    words = [t.text for t in tokenizer_only()("Getekend A.Th.B. Bijleveld (CDA)1 en de Commissie.1 Daarna")]
    assert words == [
        "Getekend",
        "A.Th.B.",
        "Bijleveld",
        "(",
        "CDA",
        ")",
        "1",
        "en",
        "de",
        "Commissie",
        ".",
        "1",
        "Daarna",
    ]


@pytest.mark.unit
def test_a_saved_config_reads_back_unchanged(tmp_path):
    # a "$" in a pattern would be escaped once more on every save
    tokenizer_only().to_disk(tmp_path / "first")
    reloaded = spacy.load(tmp_path / "first")
    reloaded.to_disk(tmp_path / "second")
    assert (tmp_path / "second" / "config.cfg").read_text() == (tmp_path / "first" / "config.cfg").read_text()
    assert [t.text for t in reloaded("J.P. Blok (VVD)2")] == ["J.P.", "Blok", "(", "VVD", ")", "2"]


@pytest.mark.unit
def test_the_first_present_candidate_wins_and_blank_is_the_last_resort(monkeypatch):
    monkeypatch.delenv("KAMER_BASE_MODEL", raising=False)
    assert chosen_base(None, ["no_such_model_package", BLANK]) == BLANK
    assert chosen_base(None, ["no_such_model_package"]) == BLANK
    assert chosen_base(None, ["no_such_model_package", "models/nl_ud_base"]) == "models/nl_ud_base"
    monkeypatch.setenv("KAMER_BASE_MODEL", BLANK)
    assert chosen_base(None, ["models/nl_ud_base"]) == BLANK
    with pytest.raises(ValueError, match="base model 'no_such_model_package' is neither"):
        chosen_base("no_such_model_package", [])
    monkeypatch.setenv("KAMER_BASE_MODEL", "nl_missing")
    with pytest.raises(ValueError, match=r"'nl_missing' \(from \$KAMER_BASE_MODEL\) is neither"):
        chosen_base(None, [BLANK])  # the user did not type the name: say where it came from
