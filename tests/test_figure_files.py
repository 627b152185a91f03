"""Every figure in figures/ is ready to paste: five formats, house size, legible text, title, description, alt text.

These read the committed files, so they hold once every notebook saves its figures with
``figures.save(..., title=, description=, source=, size=)``.
"""
import html
import re

import pandas as pd
import pytest

from analysis import export, figures
from analysis.paths import FIGURES_DIR, data_file

RECORDS = sorted(FIGURES_DIR.glob("*.json"))
NAMES = [p.stem for p in RECORDS]
FORMATS = ("pdf", "png", "svg", "html", "csv")


def drawn_text(svg: str) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>", " ", content)).strip() for _, content in export.TEXT_ELEMENT.findall(svg)]


def test_every_figure_has_a_record():
    saved = {p.stem for p in FIGURES_DIR.glob("*.png")}
    assert len(saved) >= 14
    assert saved == set(NAMES)


@pytest.fixture(params=NAMES)
def figure(request):
    name = request.param
    return {"name": name, "record": figures.read_record(FIGURES_DIR / f"{name}.json"),
            **{ext: FIGURES_DIR / f"{name}.{ext}" for ext in FORMATS}}


def test_all_five_formats(figure):
    for ext in FORMATS:
        assert figure[ext].exists(), figure[ext].name
    assert figure["pdf"].read_bytes()[:5] == b"%PDF-"


def test_house_size_at_300_ppi(figure):
    png = export.png_info(figure["png"])
    inches = figures.SIZES[figure["record"]["size"]]
    assert png["ppi"] == 300
    assert png["width"] <= figures.MAX_PNG_IN * 300
    assert png["width"] == pytest.approx(inches * 300, rel=0.01)
    assert export.pdf_info(figure["pdf"])["width_pt"] == pytest.approx(inches * 72, rel=0.01)


def test_no_text_under_seven_points(figure):
    assert export.smallest_text_pt(figure["svg"]) >= figures.MIN_TEXT_PT


def test_title_description_and_alt_text(figure):
    record, name = figure["record"], figure["name"]
    assert record["title"] and record["title"] != name and "_" not in record["title"]
    description = record["description"]
    assert description.endswith(".") and len(description) <= 300, description
    assert record["alt"] and record["alt"] != record["title"]
    assert export.svg_metadata(figure["svg"]) == {k: record[k] for k in ("title", "description", "alt")}
    page = figure["html"].read_text(encoding="utf-8")
    assert f"<title>{html.escape(record['title'])}</title>" in page
    assert f'role="img" aria-label="{html.escape(record["alt"])}"' in page
    assert f'<a href="{name}.csv">' in page
    info = export.pdf_info(figure["pdf"])
    assert (info["title"], info["subject"]) == (record["title"], description)


def test_source_line_and_data_file_are_drawn_in(figure):
    record = figure["record"]
    assert re.fullmatch(r"Source: .+, [\d,]+ articles?; analysis: \d\d_\w+\.ipynb", record["source"]), record["source"]
    text = " ".join(drawn_text(figure["svg"].read_text(encoding="utf-8")))
    assert record["title"].split()[0] in text
    assert "analysis:" in text and f"{figure['name']}.csv" in text


def test_fonts_are_embedded(figure):
    assert "src:url(data:font/woff;base64," in figure["svg"].read_text(encoding="utf-8")
    info = export.pdf_info(figure["pdf"])
    assert info["fonts"] and not info["has_dates"]
    assert figure["pdf"].read_bytes().count(b"/FontFile2 ") == len(info["fonts"])


def test_no_raw_field_names_on_the_figure(figure):
    names = set(pd.read_csv(data_file("display_names.csv"), dtype="string", keep_default_na=False)["name"])
    raw = {t for t in drawn_text(figure["svg"].read_text(encoding="utf-8")) if "_" in t and t in names}
    assert not raw, f"label these with figures.label: {sorted(raw)}"


def test_index_lists_every_figure_with_its_texts():
    index = (FIGURES_DIR / "README.md").read_text(encoding="utf-8")
    for path in RECORDS:
        record = figures.read_record(path)
        assert f"## `{record['name']}`: {record['title']}" in index
        assert record["description"] in index and f"**Alt text:** {record['alt']}" in index
