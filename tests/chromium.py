"""Real headless Chromium for the page tests: a page dump, and a small DevTools driver.

`dump_dom` runs `chromium --dump-dom`. `DevTools` drives one page over the Chrome DevTools
Protocol through `--remote-debugging-pipe` (file descriptors 3 and 4, NUL-separated JSON), so no
WebSocket library and no downloaded browser build are needed: only Debian's `chromium`.
Under CI=true a missing chromium fails the test; elsewhere it skips with the install command.
Tests take the `chromium` fixture (which marks them `browser`, see tests/conftest.py).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

__all__ = ["FLAGS", "Chromium", "DevTools", "chromium", "chromium_binary", "dump_dom"]

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_binary() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is missing; install it with apt-get install -y chromium")
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    return found


def dump_dom(url: str, budget_ms: int = 15000) -> str:
    """The DOM of `url` after the page has run for `budget_ms` of virtual time."""
    with tempfile.TemporaryDirectory(prefix="kizuna-chromium-") as profile:
        done = subprocess.run(
            [
                chromium_binary(),
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--virtual-time-budget={budget_ms}",
                "--dump-dom",
                url,
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class DevTools:
    """One headless Chromium page, driven over the DevTools protocol pipe."""

    def __init__(self) -> None:
        self._profile = tempfile.mkdtemp(prefix="kizuna-chromium-")
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()

        def wire_pipes() -> None:  # in the child, before exec: the pipes become fds 3 and 4
            a, b = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(a, 3)
            os.dup2(b, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        self._log = open(Path(self._profile) / "chromium.log", "w")  # noqa: SIM115
        self._proc = subprocess.Popen(
            [
                chromium_binary(),
                *FLAGS,
                f"--user-data-dir={self._profile}",
                "--remote-debugging-pipe",
                "--window-size=1400,1000",
                "about:blank",
            ],
            close_fds=False,
            preexec_fn=wire_pipes,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=self._log,
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self._writer = os.fdopen(to_child_w, "wb", buffering=0)
        self._reader = os.fdopen(from_child_r, "rb", buffering=0)
        self._buffer = b""
        self._next_id = 0
        self._session: str | None = None

    def _receive(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = self._reader.read(1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        decoded: dict[str, Any] = json.loads(message)
        return decoded

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if self._session and not method.startswith(("Target.", "Browser.")):
            message["sessionId"] = self._session
        self._writer.write(json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result

    def open(self, url: str) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        attached = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
        self._session = attached["sessionId"]
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Page.navigate", {"url": url})

    def js(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 60) -> Any:
        """Poll until `expression` is truthy; its value. A page that never gets there fails."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.js(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"the page never satisfied: {expression}")
            time.sleep(0.25)

    def screenshot(self, path: Path) -> None:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, OSError):
            self.send("Browser.close")
        try:
            self._proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(timeout=30)
        self._writer.close()
        self._reader.close()
        self._log.close()
        shutil.rmtree(self._profile, ignore_errors=True)


class Chromium:
    """The helpers of this module, for a test that took the `chromium` fixture."""

    binary: str

    def __init__(self, binary: str) -> None:
        self.binary = binary

    def dump_dom(self, url: str, budget_ms: int = 15000) -> str:
        return dump_dom(url, budget_ms)

    def page(self) -> DevTools:
        """A new page; the caller closes it."""
        return DevTools()


@pytest.fixture(scope="session")
def chromium() -> Chromium:
    """Headless Chromium (fails under CI=true when it is missing, else skips)."""
    return Chromium(chromium_binary())
