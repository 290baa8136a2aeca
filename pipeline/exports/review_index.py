"""The review index: one row per document with its predicted counts, a totals row, sorting and a filter.

The counts are what the annotations file predicts, never gold; with gold the row adds precision,
recall and the number of attribute values that differ from gold. The totals row is written here (so
the page is right without scripts) and recomputed by the inline script over the rows a filter leaves.
The script builds nothing from markup: it moves existing rows and sets textContent.
"""

from dataclasses import dataclass
from typing import Dict, List, Optional

from pipeline.evaluation.scoring import UNDEFINED, Counts
from pipeline.exports.review_page import esc, legend, wrap
from pipeline.schema import ENTITY_LABELS, TOEZEGGING


@dataclass
class IndexRow:
    doc_id: str
    page: str  # file name under docs/
    predicted: Dict[str, int]  # label -> predicted spans
    base_model: str
    judged: Optional[Counts] = None  # with gold: spans correct, predicted and in gold
    mismatches: int = 0  # with gold: attribute values of matched pairs that differ

    def worst(self) -> float:
        # a document with nothing to get right or wrong sorts with the perfect ones
        pr = (self.judged.precision, self.judged.recall) if self.judged else ()
        return min((v for v in pr if v is not None), default=1.0)


COUNTED = list(ENTITY_LABELS) + [TOEZEGGING]

SCRIPT = """
(function () {
  var table = document.getElementById("documents"), body = table.tBodies[0];
  var filter = document.getElementById("filter"), foot = table.tFoot.rows[0];
  var heads = table.tHead.rows[0].cells, order = {column: -1, up: true};
  function number(cell) {
    var v = parseFloat(cell.textContent);
    return isNaN(v) ? null : v;
  }
  function ratio(part, whole) { return whole ? (part / whole).toFixed(2) : "\\u2013"; }
  function totals() {
    var shown = Array.prototype.filter.call(body.rows, function (r) { return !r.hidden; });
    var sums = {correct: 0, predicted: 0, gold: 0};
    for (var c = 1; c < heads.length; c++) {
      var sum = heads[c].dataset.sum;
      if (sum === "count") {
        foot.cells[c].textContent = String(shown.reduce(function (s, r) { return s + number(r.cells[c]); }, 0));
      }
    }
    shown.forEach(function (r) { for (var k in sums) { sums[k] += Number(r.dataset[k] || 0); } });
    for (var c = 1; c < heads.length; c++) {
      if (heads[c].dataset.sum === "precision") { foot.cells[c].textContent = ratio(sums.correct, sums.predicted); }
      if (heads[c].dataset.sum === "recall") { foot.cells[c].textContent = ratio(sums.correct, sums.gold); }
    }
    foot.cells[0].textContent = "total (" + shown.length + " of " + body.rows.length + " documents)";
  }
  function sortBy(column) {
    order.up = order.column === column ? !order.up : true;
    order.column = column;
    var rows = Array.prototype.slice.call(body.rows), sign = order.up ? 1 : -1;
    rows.sort(function (a, b) {
      var x = number(a.cells[column]), y = number(b.cells[column]);
      if (column === 0 || (x === null && y === null)) {
        return sign * a.cells[column].textContent.localeCompare(b.cells[column].textContent);
      }
      if (x === null || y === null) { return x === null ? 1 : -1; }  // "\\u2013" (undefined) last either way
      return sign * (x - y);
    });
    rows.forEach(function (r) { body.appendChild(r); });
    for (var c = 0; c < heads.length; c++) {
      heads[c].setAttribute("aria-sort", c === column ? (order.up ? "ascending" : "descending") : "none");
    }
  }
  Array.prototype.forEach.call(heads, function (th, c) {
    th.addEventListener("click", function () { sortBy(c); });
  });
  filter.addEventListener("input", function () {
    var q = filter.value.trim().toLowerCase();
    Array.prototype.forEach.call(body.rows, function (r) {
      r.hidden = q !== "" && r.cells[0].textContent.toLowerCase().indexOf(q) < 0;
    });
    totals();
  });
  totals();
})();
"""


def _ratio(value: Optional[float]) -> str:
    return UNDEFINED if value is None else f"{value:.2f}"


def _heads(with_gold: bool) -> str:
    cells = ['<th aria-sort="none">document</th>']
    cells += [
        f'<th aria-sort="none" data-sum="count" title="predicted {esc(label)} spans">{esc(label)}</th>'
        for label in COUNTED
    ]
    if with_gold:
        cells += [
            '<th aria-sort="none" data-sum="precision">precision</th>',
            '<th aria-sort="none" data-sum="recall">recall</th>',
            '<th aria-sort="none" data-sum="count" title="attribute values of matched spans that differ from gold">'
            "attribute mismatches</th>",
        ]
    return "<thead><tr>" + "".join(cells) + "</tr></thead>"


def _row(row: IndexRow) -> str:
    cells = [f'<a href="docs/{esc(row.page)}">{esc(row.doc_id)}</a>'] + [str(row.predicted[x]) for x in COUNTED]
    data = ""
    if row.judged is not None:
        j = row.judged
        cells += [_ratio(j.precision), _ratio(j.recall), str(row.mismatches)]
        data = f' data-correct="{j.correct}" data-predicted="{j.pred}" data-gold="{j.gold}"'
    return f"<tr{data}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _totals(rows: List[IndexRow], with_gold: bool) -> str:
    cells = [f"total ({len(rows)} of {len(rows)} documents)"]
    cells += [str(sum(r.predicted[x] for r in rows)) for x in COUNTED]
    if with_gold:
        all_docs = Counts()
        for r in rows:
            if r.judged is not None:
                all_docs.add(r.judged)
        cells += [_ratio(all_docs.precision), _ratio(all_docs.recall), str(sum(r.mismatches for r in rows))]
    return "<tfoot><tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr></tfoot>"


def index_page(rows: List[IndexRow], with_gold: bool) -> str:
    bases = sorted({r.base_model or "?" for r in rows})
    order = " · ordered worst first by the lower of precision and recall" if with_gold else ""
    caption = (
        "Counts are the spans the annotations file predicts per document, not gold"
        + ("; precision and recall compare them with the gold file (the total over all spans)" if with_gold else "")
        + ". Click a column header to sort; type to filter by document."
    )
    body = (
        f'<h1>Annotations: {len(rows)} documents</h1><p class="meta">base model: {esc(", ".join(bases))}{order}</p>'
        + legend(with_gold)
        + '<p><label>Filter documents: <input type="search" id="filter" autocomplete="off"></label></p>'
        + f'<table id="documents"><caption>{esc(caption)}</caption>'
        + _heads(with_gold)
        + "<tbody>"
        + "".join(_row(r) for r in rows)
        + "</tbody>"
        + _totals(rows, with_gold)
        + "</table>"
    )
    return wrap("Annotations", body, SCRIPT)
