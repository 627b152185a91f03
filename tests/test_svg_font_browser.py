"""An exported SVG looks the same in a browser that lacks its font: the embedded subset draws it.

The test renames the font family in a saved SVG to one no machine has, in the @font-face
rule and in the text alike, and compares Chromium's screenshots: the renamed SVG must
match the original pixel for pixel, and the same SVG without its @font-face rule must not
(the browser then falls back to another font, so the comparison can fail). Needs Chromium
(see test_browser.py); locally the test skips only when no Chromium is installed, in CI
(``CI`` set) a missing Chromium is a failure.
"""
import re

import altair as alt
import pandas as pd

from analysis import figures

from browsers import ARGS, chromium_or_skip

CHROMIUM = chromium_or_skip("the SVG font test")

from playwright.sync_api import sync_playwright  # noqa: E402

MISSING_FONT = "Nowhere Installed Sans"


def screenshot(browser, path):
    page = browser.new_page(viewport={"width": 700, "height": 260})
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready")
    shot = page.screenshot()
    page.close()
    return shot


def test_embedded_font_draws_the_text_where_the_font_is_missing(tmp_path):
    figures.use_house_style()
    data = pd.DataFrame({"outlet": ["BBC News", "Press TV"], "n_words": [394, 315]})
    chart = alt.Chart(data).mark_bar().encode(x="n_words:Q", y="outlet:N")
    figures.save(chart, "00_font", title="Bold title", description="Regular words, 0123456789.",
                 source="Source: test", size="full", figures_dir=tmp_path)
    svg = (tmp_path / "00_font.svg").read_text(encoding="utf-8")
    renamed = svg.replace(figures.FONT, MISSING_FONT)
    (tmp_path / "original.svg").write_text(svg, encoding="utf-8")
    (tmp_path / "renamed.svg").write_text(renamed, encoding="utf-8")
    (tmp_path / "bare.svg").write_text(re.sub(r"<defs><style>.*?</style></defs>", "", renamed, flags=re.S),
                                       encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        shots = {name: screenshot(browser, tmp_path / f"{name}.svg") for name in ("original", "renamed", "bare")}
        browser.close()
    assert shots["renamed"] == shots["original"]
    assert shots["bare"] != shots["original"]
