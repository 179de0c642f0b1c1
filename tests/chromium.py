"""Real headless Chromium for the page tests: Debian's `chromium` driven by Playwright.

No browser is downloaded: Playwright launches the system binary through `executable_path`.
Under CI=true a missing chromium fails the test; elsewhere it skips with the install command.
Tests take the `chromium` fixture, a session-wide Playwright `Browser` (tests/conftest.py marks
them `browser`).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

__all__ = ["HEADLESS_FLAGS", "chromium", "chromium_binary"]

HEADLESS_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
"""Flags for a headless Chromium in a container: no sandbox (root), software drawing, and no
calls home for updates, sync or field trials."""


def chromium_binary() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is missing; install it with apt-get install -y chromium")
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    return found


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless, for the whole session."""
    binary = chromium_binary()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=binary, headless=True, args=HEADLESS_FLAGS
        )
        yield browser
        browser.close()
