"""Property tests: any text, however broken, gives valid spans and never crashes."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.records import doc_to_record

PIECES = st.sampled_from(
    [
        "Minister",
        "minister van",
        "Buitenlandse Zaken",
        "De Minister van Defensie,\n",
        "A.Th.B. ",
        "NAVO",
        "EU-",
        "(NRR)",
        "Noord-\nAtlantische Raad",
        "toesla- gen",
        "\u00ad",
        "\u00a0",
        "Ã©",
        "Œ",
        " jl. ",
        "a.s.",
        "Ik zal uw Kamer ",
        "voor de zomer",
        " informeren.",
        "\n\n",
        "\n",
        "-",
        " ",
        ".",
        ",",
        "Tweede Kamer, vergaderjaar 2019–2020, 28 676, nr. 325 3",
        "Den Haag, 16 december 2015",
        "(",
        ")",
        "1",
        "«",
        "»",
        "Zoals toegezegd",
        "?",
    ]
)
TEXTS = st.one_of(st.lists(PIECES, max_size=40).map("".join), st.text(max_size=300))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_any_text_gives_valid_non_overlapping_spans(nlp, text):
    doc = nlp(text)
    assert doc.text == text
    record = doc_to_record(doc, "x", "x", nlp.meta["kamer_base"])
    ents = []
    for span in record["spans"]:
        assert 0 <= span["start"] < span["end"] <= len(text)
        assert text[span["start"] : span["end"]] == span["text"]
        if span["label"] != "TOEZEGGING":
            ents.append((span["start"], span["end"]))
    ents.sort()
    assert all(a[1] <= b[0] for a, b in zip(ents, ents[1:]))
