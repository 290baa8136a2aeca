"""What a reader sees: the report opened in a real (headless) Chromium."""

import json
import os
import shutil
import subprocess

import pytest

from pipeline.evaluation.annotations import load_documents
from pipeline.exports.review import write_report

TEXT = (
    "De Minister van Defensie schreef <script>document.title='pwned'</script> en "
    '"><img src=x onerror="document.title=\'pwned\'">. Ik zal uw Kamer voor de zomer informeren.'
)


def browser() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    if os.environ.get("CI") or os.environ.get("KAMER_REQUIRE_BROWSER"):
        pytest.fail("no Chromium found: .ci/run installs Debian's chromium for this test")
    pytest.skip("no Chromium on this machine (apt-get install chromium)")


def dump_dom(exe: str, page, profile) -> str:
    result = subprocess.run(
        [
            exe,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--virtual-time-budget=2000",
            "--dump-dom",
            page if isinstance(page, str) else page.as_uri(),  # a file, or a URL (the register's Datasette)
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("report")
    start = TEXT.index("Ik zal")
    spans = [
        {"start": 3, "end": 24, "label": "MINISTER", "text": TEXT[3:24], "rule": "minister:title_portfolio"},
        {
            "start": start,
            "end": len(TEXT),
            "label": "TOEZEGGING",
            "text": TEXT[start:],
            "status": "nieuw",
            "rule": "nieuw:ik_zal_kamer_informeren",
            "termijn": "voor de zomer",
        },
    ]
    path = tmp / "pred.jsonl"
    path.write_text(json.dumps({"id": "brief", "text": TEXT, "spans": spans, "meta": {}}, ensure_ascii=False) + "\n")
    write_report(load_documents(path), tmp / "out")
    return tmp / "out"


def test_reader_sees_legend_highlighted_minister_and_toezegging_row(report, tmp_path):
    exe = browser()
    dom = dump_dom(exe, next((report / "docs").iterdir()), tmp_path / "profile")
    assert "Legend:" in dom and "ORGANISATIE" in dom
    # the minister's words carry a MINISTER mark from displaCy
    assert dom.index("Minister") < dom.index("MINISTER", dom.index("<h2>Text</h2>"))
    assert "<td>Ik zal uw Kamer voor de zomer informeren.</td>" in dom
    assert "<td>voor de zomer</td>" in dom


def test_hostile_text_is_shown_not_run(report, tmp_path):
    exe = browser()
    dom = dump_dom(exe, next((report / "docs").iterdir()), tmp_path / "profile")
    assert "pwned" not in dom.split("</title>")[0]  # no script ran
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom  # shown as text
    assert "<img" not in dom
    index = dump_dom(exe, report / "index.html", tmp_path / "profile2")
    assert "<td>1</td>" in index and "brief" in index
