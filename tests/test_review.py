import json
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.evaluation.annotations import Annotation, AnnotationError, document_from_record, load_documents
from pipeline.evaluation.attributes import mismatches
from pipeline.exports.labelstudio import from_export, to_tasks
from pipeline.exports.review import write_report
from pipeline.exports.review_index import SCRIPT
from pipeline.exports.review_text import Mark, marked_text
from pipeline.schema import MINISTER_ATTRIBUTES, TOEZEGGING_ATTRIBUTES

EVIL = (
    'De Minister van Defensie schreef <script>alert("x")</script> en "><img src=x onerror=alert(1)>. '
    "Ik zal uw Kamer voor de zomer informeren."
)


def record(text, spans, doc_id='evil"<id>'):
    return {"id": doc_id, "text": text, "spans": spans, "meta": {"base_model": {"name": "<b>base</b>"}}}


def evil_docs(tmp_path):
    path = tmp_path / "pred.jsonl"
    spans = [
        {"start": 3, "end": 24, "label": "MINISTER", "text": EVIL[3:24], "rule": "r<1>", "functie": "<i>x</i>"},
        {
            "start": 96,
            "end": 137,
            "label": "TOEZEGGING",
            "text": EVIL[96:137],
            "status": "nieuw",
            "rule": "nieuw:x",
            "termijn": "voor de zomer",
        },
    ]
    path.write_text(json.dumps(record(EVIL, spans), ensure_ascii=False) + "\n", encoding="utf-8")
    return load_documents(path)


def test_everything_from_a_document_is_escaped(tmp_path):
    docs = evil_docs(tmp_path)
    index = write_report(docs, tmp_path / "report")
    pages = [index.read_text()] + [p.read_text() for p in (tmp_path / "report" / "docs").iterdir()]
    assert pages[0].count(f"<script>{SCRIPT}</script>") == 1  # the index's own sorting and filtering
    pages[0] = pages[0].replace(f"<script>{SCRIPT}</script>", "")
    for page in pages:
        assert "<script>" not in page and "<img" not in page and "<b>base" not in page and "<i>x" not in page
    page = pages[1]
    assert "&lt;script&gt;" in page and "onerror=alert(1)&gt;" in page
    assert "r&lt;1&gt;" in page  # the rule, shown beside the span
    assert 'href="docs/evil_id_-' in pages[0]  # a safe file name for a hostile id


def test_gold_view_marks_correct_missed_and_spurious(tmp_path):
    pred = evil_docs(tmp_path)
    gold_path = tmp_path / "gold.jsonl"
    gold_spans = [
        {"start": 3, "end": 24, "label": "MINISTER", "text": EVIL[3:24]},
        {"start": 96, "end": 137, "label": "TOEZEGGING", "text": EVIL[96:137], "status": "nieuw"},
        {"start": 0, "end": 2, "label": "ORGANISATIE", "text": "De"},
    ]
    gold_path.write_text(json.dumps(record(EVIL, gold_spans), ensure_ascii=False) + "\n", encoding="utf-8")
    index = write_report(pred, tmp_path / "report", load_documents(gold_path))
    page = next((tmp_path / "report" / "docs").iterdir()).read_text()
    assert page.count('<tr class="correct">') == 2 and page.count('<tr class="missed">') == 1
    assert "ORGANISATIE (missed)" in page
    assert "<td>1.00</td><td>0.67</td>" in index.read_text()  # precision, recall


LETTER = (
    "BRIEF VAN DE MINISTER VAN DEFENSIE\n\nDe Minister van Defensie heeft de NAVO gesproken. "
    "In het algemeen overleg van 16 oktober jl. heb ik toegezegd u voor 1 juni a.s. te informeren."
)


def at(phrase):
    return LETTER.index(phrase), LETTER.index(phrase) + len(phrase)


def extracted_record():
    """A record as `extract` writes it: every attribute of its label on each span, the letter's fields in meta."""
    minister, navo = at("Minister van Defensie heeft"), at("NAVO")
    promise = LETTER.index("In het algemeen"), len(LETTER) - 1
    spans = [
        {"start": minister[0], "end": minister[0] + 21, "label": "MINISTER", "rule": "minister:title_portfolio"},
        {"start": navo[0], "end": navo[1], "label": "ORGANISATIE", "rule": "gazetteer:nato_body"},
        {"start": promise[0], "end": promise[1], "label": "TOEZEGGING", "status": "nagekomen", "rule": "nagekomen:x"},
    ]
    spans[0].update(functie="Minister van Defensie", persoon="Kajsa Ollongren", land="NL")
    spans[2].update(
        bewindspersoon="Minister van Defensie",
        ministerie="Defensie",
        onderwerp=None,
        termijn="voor 1 juni a.s.",
        termijn_datum="2020-06-01",
        herkomst={"type": "algemeen overleg", "datum": "2019-10-16"},
    )
    meta = {
        "kamerstuk": {"dossier": "28 676", "nummer": "325"},
        "dossier_titel": "NAVO",
        "titel": "BRIEF VAN DE MINISTER VAN DEFENSIE",
        "datum": "2019-10-30",
        "ondertekenaars": [{"naam": "A.Th.B. Bijleveld-Schouten", "functie": "Minister van Defensie"}],
        "vergaderjaar": "2019-2020",
        "source": "corpus/dev/kst-28676-325.txt",
        "base_model": {"name": "nl_ud_base", "version": "1.0.0"},
    }
    for span in spans:
        span["text"] = LETTER[span["start"] : span["end"]]
    return {"id": "kst-28676-325", "meta": meta, "text": LETTER, "spans": spans, "split": "tune"}


def reviewed_unchanged(tasks):
    """What Label Studio exports when the reviewer accepts every prediction (through JSON, as a file would)."""
    tasks = json.loads(json.dumps(tasks))
    for task in tasks:
        task["annotations"] = [{"id": 1, "result": task.pop("predictions")[0]["result"]}]
    return tasks


def test_labelstudio_round_trip_keeps_spans_attributes_rules_and_meta(tmp_path):
    original = extracted_record()
    path = tmp_path / "pred.jsonl"
    path.write_text(json.dumps(original, ensure_ascii=False) + "\n", encoding="utf-8")
    before = load_documents(path)["kst-28676-325"]
    tasks = to_tasks([before])
    fields = {(r["id"], r["from_name"]): r["value"] for r in tasks[0]["predictions"][0]["result"]}
    assert fields[("r0", "persoon")]["text"] == ["Kajsa Ollongren"]  # shown to the reviewer, one field each
    assert json.loads(fields[("r2", "herkomst")]["text"][0]) == {"type": "algemeen overleg", "datum": "2019-10-16"}

    (record,) = from_export(reviewed_unchanged(tasks), "export.json")
    after = document_from_record(record)
    assert after.spans == before.spans  # offsets, labels, status and rule
    assert [s.attrs for s in after.spans] == [s.attrs for s in before.spans]
    assert after.spans[2].attrs["herkomst"] == {"type": "algemeen overleg", "datum": "2019-10-16"}
    assert (after.meta, after.split) == (original["meta"], "tune")
    assert {k: v for k, v in record.items() if k != "spans"} == {k: v for k, v in original.items() if k != "spans"}


def test_labelstudio_import_takes_the_reviewers_corrections(tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text(json.dumps(extracted_record(), ensure_ascii=False) + "\n", encoding="utf-8")
    (task,) = reviewed_unchanged(to_tasks(load_documents(path).values()))
    result = task["annotations"][0]["result"]
    for item in result:
        if item["id"] == "r0":  # the reviewer widened the MINISTER span by a word
            item["value"]["end"] += len(" heeft")
            if item["type"] == "labels":
                item["value"]["text"] = LETTER[item["value"]["start"] : item["value"]["end"]]
        if (item["id"], item["from_name"]) == ("r2", "termijn"):
            item["value"]["text"] = ["voor 1 juni"]
    # the reviewer emptied ministerie: Label Studio then exports no result for it
    task["annotations"][0]["result"] = [i for i in result if (i["id"], i["from_name"]) != ("r2", "ministerie")]
    minister, _, promise = from_export([task], "export.json")[0]["spans"]
    assert minister["end"] - minister["start"] == len("Minister van Defensie heeft")
    assert "rule" not in minister and minister["persoon"] == "Kajsa Ollongren"  # no rule made this span
    assert (promise["termijn"], promise["ministerie"], promise["rule"]) == ("voor 1 juni", None, "nagekomen:x")

    herkomst = next(i for i in task["annotations"][0]["result"] if i["from_name"] == "herkomst")
    herkomst["value"]["text"] = ["algemeen overleg"]
    with pytest.raises(AnnotationError, match="task 1: region r2: herkomst: 'algemeen overleg' is not a JSON object"):
        from_export([task], "export.json")


def test_labelstudio_import_validates(tmp_path):
    tasks = to_tasks(evil_docs(tmp_path).values())
    tasks[0]["annotations"] = [{"result": [r for r in tasks[0]["predictions"][0]["result"] if r["type"] == "labels"]}]
    with pytest.raises(AnnotationError, match="status None"):
        from_export(tasks, "export.json")  # a TOEZEGGING without its status
    tasks[0]["annotations"] = [
        {
            "result": [
                {
                    "id": "a",
                    "type": "labels",
                    "from_name": "label",
                    "value": {"start": 0, "end": 2, "text": "De", "labels": ["PERSOON"]},
                }
            ]
        }
    ]
    with pytest.raises(AnnotationError, match="unknown label 'PERSOON'"):
        from_export(tasks, "export.json")


def test_attribute_mismatches_name_each_differing_attribute_once():
    text = "Ik zal uw Kamer voor de zomer informeren."
    gold = Annotation(
        0, 40, "TOEZEGGING", "nieuw", attrs={"termijn": "voor de zomer", "bewindspersoon": "Minister van Defensie"}
    )
    pred = Annotation(
        0,
        40,
        "TOEZEGGING",
        "nagekomen",
        attrs={"termijn": None, "bewindspersoon": "minister  van defensie", "ministerie": "Defensie"},
    )
    # termijn fails its exact and its overlap check but is named once; the same office written differently
    # is no mismatch; ministerie is not in gold, so not judged
    assert mismatches(text, gold, pred) == [("status", "nieuw", "nagekomen"), ("termijn", "voor de zomer", None)]
    assert mismatches(text, gold, gold) == []


def test_index_totals_row_sums_the_predicted_counts(tmp_path):
    text = "De NAVO en de VN. De Minister van Defensie."
    records = [
        record(
            text,
            [{"start": 3, "end": 7, "label": "ORGANISATIE"}, {"start": 14, "end": 16, "label": "ORGANISATIE"}],
            "a",
        ),
        record(
            text, [{"start": 18, "end": 42, "label": "MINISTER"}, {"start": 3, "end": 7, "label": "ORGANISATIE"}], "b"
        ),
    ]
    path = tmp_path / "pred.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    index = write_report(load_documents(path), tmp_path / "report").read_text(encoding="utf-8")
    foot = index.split("<tfoot>")[1].split("</tfoot>")[0]
    # document, MINISTER, ORGANISATIE, OPERATIE, TOEZEGGING
    assert foot == "<tr><td>total (2 of 2 documents)</td><td>1</td><td>3</td><td>0</td><td>0</td></tr>"
    assert "not gold" in index


def test_labelstudio_config_has_a_field_for_every_attribute_of_its_label():
    root = ElementTree.parse(REPO / "docs" / "labelstudio.xml").getroot()
    fields = {
        view.get("whenLabelValue"): tuple(area.get("name") for area in view.iter("TextArea"))
        for view in root.iter("View")
        if view.get("whenLabelValue")
    }
    assert fields == {"MINISTER": MINISTER_ATTRIBUTES, "TOEZEGGING": TOEZEGGING_ATTRIBUTES}
    assert all(area.get("perRegion") == "true" for area in root.iter("TextArea"))


class MarkReader(HTMLParser):
    """The text under each mark number, and the head/tail pieces, read back from marked_text's HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open, self.text, self.plain = [], {}, []
        self.pieces = []

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            attrs = dict(attrs)
            self.open.append(int(attrs["data-span"]))
            self.pieces.append((int(attrs["data-span"]), set(attrs["class"].split())))

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open.pop()  # fails on a closing tag with nothing open: the HTML would not be well nested

    def handle_data(self, data):
        self.plain.append(data)
        for number in set(self.open):
            self.text[number] = self.text.get(number, "") + data


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 29), st.integers(1, 12)), max_size=8))
def test_marked_text_covers_each_span_exactly_however_spans_cross(bounds):
    text = "Ik zal <u>de</u> Kamer & jou informeren."[:30]
    marks = [
        Mark(k, start, min(start + length, len(text)), "l-MINISTER", "MINISTER", "")
        for k, (start, length) in enumerate(bounds)
        if start < len(text)
    ]
    reader = MarkReader()
    reader.feed(marked_text(text, marks))
    assert reader.open == [] and "".join(reader.plain) == text  # well nested; the text itself unchanged
    assert {k: reader.text.get(k) for k in range(len(marks))} == {m.number: text[m.start : m.end] for m in marks}
    for m in marks:  # exactly one piece starts the span and one ends it
        classes = [c for number, c in reader.pieces if number == m.number]
        assert sum("head" in c for c in classes) == 1 and sum("tail" in c for c in classes) == 1
        assert "head" in classes[0] and "tail" in classes[-1]
