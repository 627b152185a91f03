"""The notebooks open clean in JupyterLab, and JupyterLab asks the internet for nothing.

JupyterLab is started from .venv with the project's config (``jupyter_config/``, as
``make lab`` does) on a byte-for-byte copy of the notebooks in a temporary folder, so a
failure cannot dirty the repository; the user's own Jupyter config and settings are kept
out of it. Each notebook is opened in headless Chromium, its kernel started and every chart
drawn. Then no notebook may be marked modified, the news prompt must not have appeared, no
request may have gone to the news or update endpoints or off the machine, and saving each
notebook from JupyterLab must write the same bytes (so an autosave, or a user's Ctrl+S,
changes nothing either).

Needs Chromium, as tests/test_browser.py does: locally the test skips, saying so, only when
no Chromium is installed; in CI (``CI`` set) a missing Chromium is a failure.
"""
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from analysis.build import notebook_paths
from analysis.paths import PROJECT_DIR
from analysis.report import VEGALITE_MIME

from browsers import ARGS, chromium_or_skip

CHROMIUM = chromium_or_skip("the JupyterLab test")

from playwright.sync_api import sync_playwright  # noqa: E402

LAB_CONFIG_DIR = PROJECT_DIR / "jupyter_config"
LOCAL = ("data:", "blob:", "about:")
FETCHING_ENDPOINTS = ("/lab/api/news", "/lab/api/update")
NEWS_PROMPT = "official Jupyter news"
STARTUP_TIMEOUT = 60
# after the last chart is drawn JupyterLab would add its PNG and kernel metadata within milliseconds
SETTLE_SECONDS = 2

# all at once, so their kernels start side by side
OPEN_NOTEBOOKS = """(paths) => Promise.all(paths.map(async (path) => {
  const widget = await window.jupyterapp.commands.execute('docmanager:open', {path, factory: 'Notebook'});
  (window.opened = window.opened || {})[path] = widget;
  await widget.context.ready;
  await widget.sessionContext.ready;
  const kernel = widget.sessionContext.session && widget.sessionContext.session.kernel;
  if (kernel) { await kernel.info; }
  return kernel ? kernel.name : null;
}))"""
DRAWN_CHARTS = """(path) => window.opened[path].node.querySelectorAll(
  '.jp-RenderedVegaCommon5 canvas.marks, .jp-RenderedVegaCommon5 svg.marks').length"""
DIRTY = """() => Object.entries(window.opened).filter(([, w]) => w.context.model.dirty).map(([p]) => p)"""
DIRTY_TABS = """() => [...document.querySelectorAll('.lm-TabBar-tab.jp-mod-dirty')].map(t => t.textContent)"""
PAGE_CONFIG = """() => JSON.parse(document.getElementById('jupyter-config-data').textContent)"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def chart_count(path: Path) -> int:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return sum(VEGALITE_MIME in o.get("data", {}) for c in nb["cells"] for o in c.get("outputs", []))


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on a copy of the notebooks, and a browser: URL, token, folder, browser."""
    root = tmp_path_factory.mktemp("lab")
    folder = root / "notebooks"
    folder.mkdir()
    for path in notebook_paths():
        shutil.copyfile(path, folder / path.name)
    home = root / "home"
    env = {**os.environ,
           "JUPYTER_CONFIG_PATH": str(LAB_CONFIG_DIR),
           # the user's own config, settings, workspaces and kernels stay out of it
           "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_DATA_DIR": str(home / "data"),
           "JUPYTER_RUNTIME_DIR": str(home / "runtime"), "IPYTHONDIR": str(home / "ipython")}
    for name in ("JUPYTERLAB_SETTINGS_DIR", "JUPYTERLAB_WORKSPACES_DIR"):
        env.pop(name, None)
    port, token = free_port(), secrets.token_hex(16)
    log_path = root / "lab.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [str(Path(sys.executable).with_name("jupyter")), "lab", str(folder), "--no-browser",
             "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
             f"--IdentityProvider.token={token}", "--LabApp.expose_app_in_browser=True"],
            env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            # Chromium starts while the server does
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                try:
                    url = f"http://127.0.0.1:{port}"
                    wait_for_server(server, url, token, log_path)
                    yield {"url": url, "token": token, "folder": folder, "browser": browser}
                finally:
                    browser.close()
        finally:
            # SIGTERM: the server shuts its kernels down before it exits
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()


def wait_for_server(server, url, token, log):
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"JupyterLab exited with status {server.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"JupyterLab did not answer within {STARTUP_TIMEOUT}s:\n{log.read_text()}")


@pytest.mark.slow
def test_notebooks_open_clean_and_nothing_is_fetched(lab):
    folder = lab["folder"]
    committed = {p.name: p.read_bytes() for p in notebook_paths()}
    assert {p.name: p.read_bytes() for p in sorted(folder.glob("*.ipynb"))} == committed
    requests = []
    page = lab["browser"].new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{lab['url']}/lab?token={lab['token']}")
    page.wait_for_function("() => window.jupyterapp", timeout=30000)
    page.evaluate("() => window.jupyterapp.restored")
    config = page.evaluate(PAGE_CONFIG)
    kernels = page.evaluate(OPEN_NOTEBOOKS, list(committed))
    for name in committed:
        expected = chart_count(folder / name)
        page.wait_for_function(f"(path) => ({DRAWN_CHARTS})(path) === {expected}", arg=name, timeout=30000)
    time.sleep(SETTLE_SECONDS)
    dirty, dirty_tabs = page.evaluate(DIRTY), page.evaluate(DIRTY_TABS)
    prompts = page.get_by_text(NEWS_PROMPT).count()
    on_disk = {name: (folder / name).read_bytes() for name in committed}
    for name in committed:
        page.evaluate("(path) => window.opened[path].context.save()", name)
    saved = {name: (folder / name).read_bytes() for name in committed}
    page.close()
    # each kernel ran, so JupyterLab had its chance to rewrite the kernelspec
    assert kernels == ["python3"] * len(committed)
    assert dirty == [] and dirty_tabs == [], f"marked modified on opening: {dirty} {dirty_tabs}"
    assert prompts == 0, "JupyterLab asked whether to fetch Jupyter news"
    assert [n for n in committed if on_disk[n] != committed[n]] == [], "a notebook changed on disk while open"
    assert [n for n in committed if saved[n] != committed[n]] == [], "saving from JupyterLab rewrote a notebook"
    assert [u for u in requests if any(e in u for e in FETCHING_ENDPOINTS)] == []
    assert [u for u in requests if not u.startswith((lab["url"] + "/", *LOCAL))] == []
    # the server side of the config: no news feed, no PyPI listings
    assert config["news"] == {"disabled": True}
    assert config["extensionManager"]["name"] == "read-only"
