"""Reports and exported figures in a real browser: they draw, log no error, fetch nothing, run no injected script.

Needs Chromium (Debian's ``chromium`` package, which ``.ci/run`` installs) driven by
Playwright. Locally the test skips, saying so, only when no Chromium is installed; in CI
(``CI`` set) a missing Chromium is a failure.
"""

import pytest

from analysis.paths import FIGURES_DIR

from browsers import ARGS, chromium_or_skip

CHROMIUM = chromium_or_skip("the browser tests")

from playwright.sync_api import sync_playwright  # noqa: E402

pytestmark = pytest.mark.slow

LOCAL = ("file:", "data:", "blob:", "about:")


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def visit(browser, path):
    """Open a local page; return what it logged, fetched and drew."""
    page = browser.new_page()
    seen = {"errors": [], "requests": [], "dialogs": []}
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("request", lambda r: r.url.startswith(LOCAL) or seen["requests"].append(r.url))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    charts = page.locator(".chart").count()
    if charts:
        page.wait_for_function(
            "() => [...document.querySelectorAll('.chart')].every(c => c.querySelector('svg g[class*=\"mark-\"]'))",
            timeout=20000)
    seen["charts"] = charts
    seen["drawn"] = page.evaluate(
        "() => [...document.querySelectorAll('.chart')].map(c => c.querySelectorAll('svg g[class*=\"mark-\"] > *').length)")
    seen["injected"] = page.evaluate("() => document.querySelectorAll('img[src=\"x\"], b[onmouseover]').length")
    page.close()
    return seen


def test_exported_figure_draws_offline(browser):
    path = sorted(FIGURES_DIR.glob("*.html"))[0]
    seen = visit(browser, path)
    assert seen["errors"] == [] and seen["requests"] == []
    assert seen["charts"] == 1 and seen["drawn"][0] > 0


def test_reports_draw_every_chart_offline_and_run_no_article_script(browser, other_build):
    reports = sorted((other_build["out"] / "reports").glob("*.html"))
    assert reports
    for path in reports:
        seen = visit(browser, path)
        assert seen["errors"] == [], path.name
        assert seen["requests"] == [], path.name
        assert seen["dialogs"] == [], path.name
        assert seen["injected"] == 0, path.name
        assert seen["charts"] > 0 and all(n > 0 for n in seen["drawn"]), path.name


def test_report_text_is_escaped(other_build):
    html = (other_build["out"] / "reports" / "00_corpus_overview.html").read_text()
    assert "<script>alert" not in html and "<img src=x" not in html and "<b onmouseover" not in html
    assert "&lt;script&gt;alert" in html or "\\u003cscript\\u003ealert" in html
