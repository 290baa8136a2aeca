import hashlib
import json

import pytest

from pipeline.evaluation.annotations import AnnotationError, check_pairing, load_documents

TEXT = "De Minister van Defensie sprak met de NAVO."


def write(tmp_path, *records, name="gold.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def rec(spans, doc_id="d1", text=TEXT):
    return {"id": doc_id, "text": text, "spans": spans}


def span(start, end, label, **extra):
    return {"start": start, "end": end, "label": label, "text": TEXT[start:end], **extra}


def test_valid_file_loads(tmp_path):
    docs = load_documents(write(tmp_path, rec([span(3, 24, "MINISTER"), span(38, 42, "ORGANISATIE")])))
    assert [s.label for s in docs["d1"].spans] == ["MINISTER", "ORGANISATIE"]


@pytest.mark.parametrize(
    "bad, message",
    [
        ([span(3, 24, "PERSOON")], "unknown label 'PERSOON'"),
        ([{**span(3, 24, "MINISTER"), "text": "Minister van Financiën"}], "differs from text[start:end]"),
        ([span(3, 24, "MINISTER"), span(16, 24, "ORGANISATIE")], "entity spans overlap"),
        ([span(0, 43, "TOEZEGGING")], "status None"),
        ([span(30, 99, "ORGANISATIE")], "offsets outside the text"),
    ],
)
def test_bad_span_names_file_line_document_and_span(tmp_path, bad, message):
    path = write(tmp_path, rec([span(38, 42, "ORGANISATIE")], "ok"), rec(bad))
    with pytest.raises(AnnotationError) as err:
        load_documents(path)
    text = str(err.value)
    assert message in text and f"{path}:2: document d1" in text and "\n" not in text


def test_broken_json_line(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text('{"id": "a", "text": "x", "spans": []}\n{"id": "b", \n', encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"g\.jsonl:2: invalid JSON"):
        load_documents(path)


def test_standoff_line_reads_text_and_checks_hash(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "doc.txt").write_text(TEXT, encoding="utf-8")
    digest = hashlib.sha256(TEXT.encode()).hexdigest()
    line = {
        "id": "doc",
        "source": "corpus/doc.txt",
        "sha256": digest,
        "spans": [{"start": 38, "end": 42, "label": "ORGANISATIE"}],
    }
    docs = load_documents(write(tmp_path, line), corpus_root=tmp_path)
    assert docs["doc"].text[38:42] == "NAVO"
    with pytest.raises(AnnotationError, match="sha256 of .*doc.txt is"):
        load_documents(write(tmp_path, {**line, "sha256": "0" * 64}), corpus_root=tmp_path)
    with pytest.raises(AnnotationError, match="not found"):
        load_documents(write(tmp_path, {**line, "source": "corpus/missing.txt"}), corpus_root=tmp_path)


def test_pairing_requires_same_ids_and_same_text(tmp_path):
    gold = load_documents(write(tmp_path, rec([]), rec([], "d2")))
    with pytest.raises(AnnotationError, match="no prediction for gold document"):
        check_pairing(gold, load_documents(write(tmp_path, rec([]), name="p.jsonl")), "g", "p")
    other = load_documents(write(tmp_path, rec([]), rec([], "d2", TEXT + " "), name="p2.jsonl"))
    with pytest.raises(AnnotationError, match="document d2: text differs"):
        check_pairing(gold, other, "g", "p")
