"""A headless Chromium driven over the DevTools protocol, for tests that click and type in a page.

Chromium speaks the protocol on file descriptors 3 (commands in) and 4 (replies out) when started
with --remote-debugging-pipe; messages are JSON ended by a NUL byte. Nothing but the standard
library and the browser is needed. .ci/run installs Debian's chromium; without it the tests skip
(and fail under CI or KAMER_REQUIRE_BROWSER=1).
"""

import json
import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Optional, Union

import pytest

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SWAP = "import os, sys; os.dup2(int(sys.argv[1]), 3); os.dup2(int(sys.argv[2]), 4); os.execv(sys.argv[3], sys.argv[3:])"
# a guard against a hung browser, not a speed check
REPLY_WAIT = 60.0


def browser() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI") or os.environ.get("KAMER_REQUIRE_BROWSER"):
        pytest.fail("no Chromium found: .ci/run installs Debian's chromium for this test")
    pytest.skip("no Chromium on this machine (apt-get install chromium)")


class Chromium:
    """One browser with one page of a fixed window width."""

    def __init__(self, exe: str, profile: Path, width: int = 1280, height: int = 900):
        commands_read, self._commands = os.pipe()
        self._replies, replies_write = os.pipe()
        # a small Python puts our two pipe ends on descriptors 3 and 4, where Chromium looks for them, and
        # becomes Chromium (a POSIX shell cannot name a descriptor above 9)
        args = [exe, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"]
        self._process = subprocess.Popen(
            [sys.executable, "-c", SWAP, str(commands_read), str(replies_write), *args],
            pass_fds=(commands_read, replies_write),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(commands_read)
        os.close(replies_write)
        self._buffer = b""
        self._last_id = 0
        target = self._call("Target.createTarget", url="about:blank")["targetId"]
        self._session = self._call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)

    def _call(self, method: str, session: Optional[str] = None, **params) -> dict:
        self._last_id += 1
        message: dict = {"id": self._last_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode("utf-8") + b"\0")
        deadline = time.monotonic() + REPLY_WAIT
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == self._last_id:  # anything else is an event we did not ask for
                    if "error" in reply:
                        raise RuntimeError(f"{method}: {reply['error']}")
                    return reply["result"]
            ready, _, _ = select.select([self._replies], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise TimeoutError(f"Chromium did not answer {method}")
            chunk = os.read(self._replies, 1 << 16)
            if not chunk:
                raise RuntimeError(f"Chromium closed the pipe during {method}")
            self._buffer += chunk

    def call(self, method: str, **params) -> dict:
        return self._call(method, self._session, **params)

    def open(self, page: Union[Path, str]) -> None:
        """Load a file, or a URL (the register's Datasette), and wait until it is complete."""
        url = page if isinstance(page, str) else page.as_uri()
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + REPLY_WAIT
        while self.evaluate("document.readyState + ' ' + location.href") != f"complete {url}":
            if time.monotonic() > deadline:
                raise TimeoutError(f"{page} did not load")
            time.sleep(0.05)

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, selector: str) -> None:
        """A real mouse click (press and release) at the middle of the first element matching `selector`."""
        box = self.evaluate(
            f"(function () {{ var e = document.querySelector({json.dumps(selector)}); e.scrollIntoView();"
            " var r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()"
        )
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    def type(self, selector: str, text: str) -> None:
        """Click into a field and type `text` as keyboard input."""
        self.click(selector)
        self.call("Input.insertText", text=text)

    def dom(self) -> str:
        return self.evaluate("document.documentElement.outerHTML")

    def close(self) -> None:
        try:
            self._call("Browser.close")
        except (RuntimeError, TimeoutError, OSError):
            pass  # already gone: the process is reaped below either way
        try:
            self._process.wait(timeout=REPLY_WAIT)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        os.close(self._commands)
        os.close(self._replies)
