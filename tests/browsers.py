"""Chromium for the browser tests: where it is, the flags it runs with, and skip-or-fail when it is missing.

Debian's ``chromium`` package, which ``.ci/run`` installs, driven by Playwright. Locally a
test module skips, saying so, only when no Chromium is installed; in CI (``CI`` set) a
missing Chromium is a failure.
"""
import os
import shutil

import pytest

# As the machine's notes advise: no background traffic of Chromium's own.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_or_skip(what: str) -> str:
    """The path of Chromium; skips the calling test module (fails it in CI) when there is none."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is not installed; .ci/run should have installed Debian's chromium package",
                        pytrace=False)
        pytest.skip(f"Chromium is not installed (apt-get install chromium) so {what} cannot run",
                    allow_module_level=True)
    return found
