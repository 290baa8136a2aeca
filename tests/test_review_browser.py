"""What a reader sees and does: the report opened in a real (headless) Chromium with a 1280 px window."""

import json

import pytest
from chromium import Chromium, browser

from pipeline.evaluation.annotations import load_documents
from pipeline.exports.review import page_name, write_report

WIDTH = 1280
TEXT = (
    "De Minister van Defensie schreef <script>document.title='pwned'</script> en "
    '"><img src=x onerror="document.title=\'pwned\'">. Ik zal uw Kamer voor de zomer informeren.'
)
PROMISE = "Ik zal uw Kamer voor de zomer informeren"  # the span stops before the full stop
START = TEXT.index(PROMISE)
# long values without a break: a table that cannot wrap them runs off a 1280 px window
LONG_RULE = "nieuw:" + "_".join(["ik_zal_kamer_informeren"] * 8)
LONG_ID = "kst-" + "9" * 150
OTHER = "De Minister van Financiën en de Minister-President spraken met de NAVO en de Verenigde Naties."


def span(text, start, end, label, **attrs):
    return {"start": start, "end": end, "label": label, "text": text[start:end], **attrs}


def promise(bewindspersoon):
    end = START + len(PROMISE)
    return span(TEXT, START, end, "TOEZEGGING", status="nieuw", termijn="voor de zomer", bewindspersoon=bewindspersoon)


def other_span(text, phrase, label, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return span(text, start, start + len(phrase), label)


NAVO = OTHER.index("NAVO")
PRED = {
    "brief": [
        span(TEXT, 3, 24, "MINISTER", rule="minister:title_portfolio", functie="Minister van Defensie"),
        {**promise("Minister van Defensie"), "rule": LONG_RULE},
    ],
    "brief-a": [
        other_span(OTHER, "Minister van Financiën", "MINISTER"),
        other_span(OTHER, "Minister-President", "MINISTER"),
    ],
    # a prediction that crosses a gold span: both are shown, the later one cut where the other ends
    LONG_ID: [span(OTHER, NAVO + 2, NAVO + 10, "ORGANISATIE")],
}
GOLD = {
    "brief": [span(TEXT, 3, 24, "MINISTER"), promise("Minister van Financiën")],
    "brief-a": [other_span(OTHER, "Minister van Financiën", "MINISTER")],
    LONG_ID: [span(OTHER, NAVO, NAVO + 4, "ORGANISATIE"), other_span(OTHER, "Verenigde Naties", "ORGANISATIE")],
}


def jsonl(path, docs):
    texts = {"brief": TEXT}
    lines = [
        json.dumps({"id": d, "text": texts.get(d, OTHER), "spans": spans, "meta": {}}, ensure_ascii=False)
        for d, spans in docs.items()
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_documents(path)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("report")
    write_report(jsonl(tmp / "pred.jsonl", PRED), tmp / "out", jsonl(tmp / "gold.jsonl", GOLD))
    return tmp / "out"


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    page = Chromium(browser(), tmp_path_factory.mktemp("profile"), width=WIDTH)
    yield page
    page.close()


def doc_page(report, doc_id):
    return report / "docs" / page_name(doc_id)


def shown_rows(chromium):
    return chromium.evaluate(
        "Array.prototype.filter.call(document.querySelector('#documents tbody').rows, function (r) {"
        " return !r.hidden; }).map(function (r) { return Array.prototype.map.call(r.cells,"
        " function (c) { return c.textContent; }); })"
    )


def column(chromium, name):
    heads = chromium.evaluate(
        "Array.prototype.map.call(document.querySelectorAll('#documents th'), h => h.textContent)"
    )
    return heads.index(name)


def totals(chromium):
    return chromium.evaluate(
        "Array.prototype.map.call(document.querySelector('#documents tfoot tr').cells, c => c.textContent)"
    )


def test_each_highlight_covers_exactly_its_span_and_shows_both_ends(report, chromium):
    for doc_id, text in (("brief", TEXT), (LONG_ID, OTHER)):
        chromium.open(doc_page(report, doc_id))
        # the pieces of one span (a crossed span has two) joined in reading order
        marked = chromium.evaluate(
            "(function () { var out = {}; document.querySelectorAll('.text mark').forEach(function (m) {"
            " var k = m.dataset.span; out[k] = out[k] || {start: +m.dataset.start, end: +m.dataset.end, text: ''};"
            " out[k].text += m.textContent; }); return Object.values(out); })()"
        )
        expected = {(s["start"], s["end"], s["text"]) for s in PRED[doc_id] + GOLD[doc_id]}
        assert {(m["start"], m["end"], m["text"]) for m in marked} == expected
        assert all(m["text"] == text[m["start"] : m["end"]] for m in marked)
    chromium.open(doc_page(report, "brief"))
    promise_mark = "document.querySelector('.text mark.l-TOEZEGGING')"
    assert chromium.evaluate(f"{promise_mark}.textContent") == PROMISE
    assert chromium.evaluate(f"{promise_mark}.nextSibling.textContent") == "."  # the full stop is outside
    # a bar at each end: where the span starts and where it stops is visible
    borders = chromium.evaluate(
        f"(function (s) {{ return [s.borderLeftWidth, s.borderRightWidth]; }})(getComputedStyle({promise_mark}))"
    )
    assert borders == ["2px", "2px"]
    # the label is drawn beside the span, not inside it
    assert chromium.evaluate(f"getComputedStyle({promise_mark}.previousSibling, '::before').content") == (
        '"TOEZEGGING nieuw ≠"'
    )


def test_a_crossing_span_is_cut_with_its_start_and_end_bars_on_the_right_pieces(report, chromium):
    chromium.open(doc_page(report, LONG_ID))
    pieces = chromium.evaluate(
        "Array.prototype.map.call(document.querySelectorAll('.text mark'), function (m) {"
        " return [m.textContent, m.classList.contains('head'), m.classList.contains('tail')]; })"
    )
    assert [p for p in pieces if p[0] in ("NAVO", "VO", " en de")] == [
        ["NAVO", True, True],  # the gold span (missed), whole
        ["VO", True, False],  # the prediction's first piece, inside it: the start bar, no end bar
        [" en de", False, True],  # the rest of the prediction after the gold span ends: the end bar
    ]


def test_an_attribute_mismatch_shows_gold_and_predicted_value(report, chromium):
    chromium.open(doc_page(report, "brief"))
    cells = chromium.evaluate(
        "Array.prototype.map.call(document.querySelectorAll('td.mismatch'), function (c) {"
        " return [c.querySelector('.pred').textContent, c.querySelector('.gold').textContent]; })"
    )
    assert cells == [["Minister van Defensie", "gold: Minister van Financiën"]]
    assert "bewindspersoon (gold: Minister van Financiën; predicted: Minister van Defensie)" in chromium.evaluate(
        "document.querySelector('.text mark.l-TOEZEGGING').title"
    )


def test_no_table_runs_off_a_1280_px_window(report, chromium):
    for page in [report / "index.html", *sorted((report / "docs").iterdir())]:
        chromium.open(page)
        assert chromium.evaluate("innerWidth") == WIDTH
        page_width = chromium.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert page_width[0] <= page_width[1], page
        overflowing = chromium.evaluate(
            "Array.prototype.filter.call(document.querySelectorAll('table'), function (t) {"
            " return t.getBoundingClientRect().right > document.body.getBoundingClientRect().right + 0.5"
            " || t.scrollWidth > t.parentElement.clientWidth; }).length"
        )
        assert overflowing == 0, page


def test_index_counts_predictions_sums_them_and_sorts_and_filters(report, chromium):
    chromium.open(report / "index.html")
    assert "not gold" in chromium.evaluate("document.querySelector('#documents caption').textContent")
    rows = shown_rows(chromium)
    minister = column(chromium, "MINISTER")
    counts = {row[0]: int(row[minister]) for row in rows}
    assert counts == {"brief": 1, "brief-a": 2, LONG_ID: 0}  # predicted spans: gold has one MINISTER in brief-a
    organisatie = column(chromium, "ORGANISATIE")
    assert totals(chromium)[0] == "total (3 of 3 documents)"
    assert [int(totals(chromium)[c]) for c in (minister, organisatie)] == [3, 1]
    assert totals(chromium)[column(chromium, "precision")] == "0.60"  # 3 of the 5 predictions are right

    chromium.click(f"#documents th:nth-child({minister + 1})")
    assert [row[minister] for row in shown_rows(chromium)] == ["0", "1", "2"]
    chromium.click(f"#documents th:nth-child({minister + 1})")
    assert [row[minister] for row in shown_rows(chromium)] == ["2", "1", "0"]
    chromium.click("#documents th:nth-child(1)")
    assert [row[0] for row in shown_rows(chromium)] == ["brief", "brief-a", LONG_ID]

    chromium.type("#filter", "BRIEF-")
    assert [row[0] for row in shown_rows(chromium)] == ["brief-a"]
    assert totals(chromium)[0] == "total (1 of 3 documents)"
    assert int(totals(chromium)[minister]) == 2
    assert totals(chromium)[column(chromium, "precision")] == "0.50"  # brief-a alone: 1 of 2


def test_hostile_text_is_shown_not_run(report, chromium):
    chromium.open(doc_page(report, "brief"))
    assert chromium.evaluate("document.title") == "brief"  # no script ran
    dom = chromium.dom()
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom  # shown as text
    assert "<img" not in dom
    chromium.open(report / "index.html")
    assert chromium.evaluate("document.title") == "Annotations"


def test_the_page_policy_stops_a_script_that_escaping_would_have_missed(report, chromium, tmp_path):
    # as if a value had reached the page unescaped: the Content-Security-Policy still runs nothing of it
    for page in (doc_page(report, "brief"), report / "index.html"):
        slipped = tmp_path / page.name
        html = page.read_text(encoding="utf-8")
        slipped.write_text(html.replace("</body>", "<script>document.title='ran'</script></body>"), encoding="utf-8")
        chromium.open(slipped)
        assert chromium.evaluate("document.title") != "ran", page
    # ...while the index's own script (pinned by its hash) runs: a click on a header sorts
    chromium.click("#documents th:nth-child(1)")
    assert chromium.evaluate("document.querySelector('#documents th').getAttribute('aria-sort')") == "ascending"
