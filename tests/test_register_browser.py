"""The register in Datasette, seen in a real (headless) Chromium: the canned query lists the overdue promises."""

import os
import socket
import subprocess
import time
import urllib.request
from datetime import date

import pytest
from chromium import Chromium, browser
from test_register import MAKES, SCHEMA, SETTLES, build, nummer

from pipeline.register import serve
from pipeline.register.state import states
from pipeline.register.store import connect

# make install brings Datasette (extra "register"); under CI a missing one fails the test instead of skipping it
pytestmark = pytest.mark.skipif(
    not serve.datasette_installed() and not (os.environ.get("CI") or os.environ.get("KAMER_REQUIRE_BROWSER")),
    reason="Datasette not installed (extra 'register')",
)


def page_dom(exe: str, url: str, profile) -> str:
    chrome = Chromium(exe, profile)
    try:
        chrome.open(url)
        return chrome.dom()
    finally:
        chrome.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture()
def datasette(tmp_path):
    db_path = tmp_path / "register.db"
    build(db_path, *MAKES, *SETTLES).conn.close()
    metadata = serve.write_metadata(SCHEMA, db_path, tmp_path / "metadata.json")
    port = free_port()
    process = subprocess.Popen(
        serve.command(db_path, metadata, "127.0.0.1", port), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1)
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"datasette stopped: {process.stderr.read().decode()[-2000:]}")
                time.sleep(0.1)
        yield base, db_path
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_overdue_query_shows_the_overdue_promises_and_no_other(datasette, tmp_path):
    exe = browser()
    base, db_path = datasette
    dom = page_dom(exe, f"{base}/{db_path.stem}/overdue?as_of=2020-12-01", tmp_path / "profile")
    overdue = [
        row["nummer"]
        for row in states(connect(db_path, SCHEMA).conn, SCHEMA, date(2020, 12, 1))
        if row["stand"] == "overdue"
    ]
    assert nummer("a2") in overdue
    for row in overdue:
        assert row in dom
    assert nummer("a1") not in dom  # settled in June
    assert nummer("a2", 1) not in dom  # still open


def test_the_toezeggingen_table_has_labelled_columns_and_facets(datasette, tmp_path):
    exe = browser()
    base, db_path = datasette
    dom = page_dom(exe, f"{base}/{db_path.stem}/toezeggingen", tmp_path / "profile")
    assert "facet-ministerie" in dom and "facet-status" in dom
    assert SCHEMA.tables["toezeggingen"].labels["termijn_datum"] in dom
