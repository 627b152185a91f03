"""figures.save: every format, house sizes, text drawn in, metadata, fonts, byte-stable files."""
import html
import json
import re

import altair as alt
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from fontTools.ttLib import TTFont  # noqa: E402

from analysis import export, figures, report  # noqa: E402

DATA = pd.DataFrame({
    "outlet": ["BBC News", "Press TV", "Al Jazeera English", "Israel National News", "Your Middle East"],
    "n_words": [394, 315, 502, 420, 611],
    "year": [2013, 2016, 2013, 2013, 2013],
})
TITLE = "Body length <by> outlet & more"
DESCRIPTION = "The longest story is nearly twice the shortest, which is Press TV's."
SOURCE = figures.source_line("Test corpus", 5, "notebooks/00_test.ipynb")


@pytest.fixture(autouse=True, scope="module")
def house_style():
    figures.use_house_style()


def bar_chart():
    return alt.Chart(DATA).mark_bar().encode(
        x=alt.X("n_words:Q", title=figures.label("n_words")), y=alt.Y("outlet:N", title=None),
        color=figures.outlet_encodings(DATA["outlet"])["color"], tooltip=figures.tooltips("outlet", "n_words"))


def facet_chart():
    enc = figures.outlet_encodings(DATA["outlet"])
    return alt.Chart(DATA).mark_point(filled=True, size=60).encode(
        x="n_words:Q", y=alt.Y("outlet:N", title=None), color=enc["color"], shape=enc["shape"],
        column=alt.Column("year:O", title=None)).properties(width=400)


@pytest.fixture(scope="module")
def column(tmp_path_factory):
    out = tmp_path_factory.mktemp("column")
    paths = figures.save(bar_chart(), "00_test", title=TITLE, description=DESCRIPTION, source=SOURCE,
                         size="column", figures_dir=out)
    return {p.suffix[1:]: p for p in paths}


@pytest.fixture(scope="module")
def full(tmp_path_factory):
    out = tmp_path_factory.mktemp("full")
    paths = figures.save(facet_chart(), "00_facet", title="Words by year", description="Two panels.",
                         source=SOURCE, size="full", figures_dir=out, alt="Dots for five outlets in two panels.")
    return {p.suffix[1:]: p for p in paths}


def drawn_text(svg_path) -> str:
    texts = export.TEXT_ELEMENT.findall(svg_path.read_text())
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", content)) for _, content in texts)


def test_altair_chart_is_saved_in_every_format(column):
    assert sorted(column) == ["csv", "html", "json", "pdf", "png", "svg"]
    assert column["png"].read_bytes()[:4] == b"\x89PNG"
    assert column["pdf"].read_bytes()[:5] == b"%PDF-"
    assert pd.read_csv(column["csv"]).equals(DATA)


@pytest.mark.parametrize("size, width_px", [("column", 1050), ("full", 2100)])
def test_house_widths(size, width_px, column, full):
    paths = column if size == "column" else full
    png = export.png_info(paths["png"])
    assert png["ppi"] == 300 and png["width"] == width_px
    assert png["width"] <= figures.MAX_PNG_IN * 300
    inches = figures.SIZES[size]
    assert export.pdf_info(paths["pdf"])["width_pt"] == pytest.approx(inches * 72)
    assert re.search(fr'<svg[^>]* width="{inches * 72:g}pt"', paths["svg"].read_text())
    record = json.loads(paths["json"].read_text())
    assert record["size"] == size and record["width_in"] == pytest.approx(inches)
    assert record["png_px"] == [png["width"], png["height"]]


def test_no_text_smaller_than_seven_points(column, full):
    for paths in (column, full):
        smallest = export.smallest_text_pt(paths["svg"])
        assert smallest >= figures.MIN_TEXT_PT
        assert json.loads(paths["json"].read_text())["smallest_text_pt"] == smallest


def test_small_text_widens_the_figure_at_most_half_an_inch(tmp_path):
    small = bar_chart().encode(x=alt.X("n_words:Q", axis=alt.Axis(labelFontSize=9)))  # 9 px = 6.75 pt
    paths = figures.save(small, "00_small", title="T", description="D.", source=SOURCE, size="full",
                         figures_dir=tmp_path)
    record = json.loads(paths[-1].read_text())
    assert record["smallest_text_pt"] == 7 and 7 < record["width_in"] <= 7.5
    assert export.smallest_text_pt(tmp_path / "00_small.svg") == 7
    tiny = bar_chart().encode(x=alt.X("n_words:Q", axis=alt.Axis(labelFontSize=7)))  # 7 px = 5.25 pt
    with pytest.raises(ValueError, match=r"smallest text 7 px.*would be 9.3\d in wide \(at most 7.5 in\)"):
        figures.save(tiny, "00_tiny", title="T", description="D.", source=SOURCE, size="full", figures_dir=tmp_path)


def test_a_chart_that_cannot_fit_a_column_says_so(tmp_path):
    wide = alt.hconcat(*[bar_chart() for _ in range(3)])
    with pytest.raises(ValueError, match="does not fit size='column'.*size='full'"):
        figures.save(wide, "00_wide", data=DATA, title="T", description="D.", source=SOURCE, size="column",
                     figures_dir=tmp_path)
    with pytest.raises(ValueError, match="size must be one of column, full"):
        figures.save(bar_chart(), "00_x", size="a4", figures_dir=tmp_path)


def test_title_description_and_source_are_drawn_in(column):
    text = drawn_text(column["svg"])
    for words in ("Body length <by> outlet & more", "nearly twice the shortest", "Source: Test corpus, 5 articles;",
                  "analysis: 00_test.ipynb", "Data behind this figure: 00_test.csv", "Words in the body"):
        assert words in text
    assert "n_words" not in text


def test_svg_title_desc_and_alt_text(column, full):
    svg = column["svg"].read_text()
    root_end = re.search(r"<svg\b[^>]*>", svg).end()
    assert svg[root_end:].startswith('<title id="00_test-title">Body length &lt;by&gt; outlet &amp; more</title>'
                                     f'<desc id="00_test-desc">{html.escape(DESCRIPTION, quote=False)}</desc>')
    assert export.svg_metadata(column["svg"]) == {
        "title": TITLE, "description": DESCRIPTION, "alt": f"Body length <by> outlet & more. {DESCRIPTION}"}
    assert 'role="img"' in svg[:root_end]
    assert export.svg_metadata(full["svg"])["alt"] == "Dots for five outlets in two panels."


def test_svg_embeds_the_glyphs_it_uses(column, tmp_path):
    svg = column["svg"].read_text()
    faces = re.findall(r"font-weight:(\d+);font-style:normal;src:url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\)", svg)
    assert {weight for weight, _ in faces} == {"400", "700"}
    import base64

    used = {"400": set(), "700": set()}
    for attributes, content in export.TEXT_ELEMENT.findall(svg):
        weight = "700" if 'font-weight="bold"' in attributes else "400"
        used[weight] |= set(html.unescape(re.sub(r"<[^>]+>", "", content)))
    for weight, data in faces:
        (tmp_path / "f.woff").write_bytes(base64.b64decode(data))
        font = TTFont(tmp_path / "f.woff")
        assert font.flavor == "woff" and font["name"].getDebugName(1) == "DejaVu Sans"
        assert {ord(c) for c in used[weight]} <= set(font.getBestCmap())


def test_pdf_metadata_and_embedded_fonts(column):
    info = export.pdf_info(column["pdf"])
    assert info["title"] == TITLE and info["subject"] == DESCRIPTION
    assert info["pages"] == 1 and not info["has_dates"] and info["lang"] == "en"
    assert info["fonts"] and all("DejaVuSans" in f for f in info["fonts"])
    data = column["pdf"].read_bytes()
    assert data.count(b"/FontFile2 ") == len(info["fonts"])  # every font's program is in the file
    assert b"/DisplayDocTitle true" in data and b"/ID" not in data


def test_pdf_cross_references_point_at_their_objects(column):
    # _objects checks every offset of the rewritten table against the object found there
    _, objects, refs = export._objects(column["pdf"].read_bytes())
    assert {"Root", "Info"} <= set(refs) and len(objects) > 5


def test_html_page_has_title_alt_text_and_data_link(column):
    page = column["html"].read_text()
    assert "<title>Body length &lt;by&gt; outlet &amp; more</title>" in page
    alt_text = html.escape(f"Body length <by> outlet & more. {DESCRIPTION}")
    assert f'<div class="chart" id="chart" role="img" aria-label="{alt_text}">' in page
    assert 'Data behind this figure: <a href="00_test.csv">00_test.csv</a>' in page
    assert "<script src=" not in page.replace(" ", "") and "cdn.jsdelivr" not in page


def test_facet_panels_are_fitted_to_the_full_width(full):
    assert export.svg_size(full["svg"].read_text())[0] == pytest.approx(figures.house_width_px("full"), abs=2)


def test_saving_twice_writes_the_same_bytes(tmp_path, column):
    again = figures.save(bar_chart(), "00_test", title=TITLE, description=DESCRIPTION, source=SOURCE,
                         size="column", figures_dir=tmp_path)
    assert {p.name: p.read_bytes() for p in again} == {p.name: p.read_bytes() for p in column.values()}


def test_old_call_keeps_the_charts_own_title(tmp_path):
    chart = bar_chart().properties(title=alt.TitleParams("Its own title", subtitle=["Its own subtitle."]))
    paths = figures.save(chart, "00_old", figures_dir=tmp_path)
    record = json.loads(paths[-1].read_text())
    assert record["title"] == "Its own title" and record["description"] == "Its own subtitle."
    assert record["size"] == "full" and record["source"] == ""


def test_matplotlib_figure_needs_and_saves_its_data(tmp_path):
    fig, ax = plt.subplots()
    ax.barh(DATA["outlet"], DATA["n_words"])
    with pytest.raises(ValueError, match="pass data="):
        figures.save(fig, "00_mpl", figures_dir=tmp_path)
    paths = figures.save(fig, "00_mpl", data=DATA, title="Bars", description="Five bars.", source=SOURCE,
                         size="column", figures_dir=tmp_path)
    assert sorted(p.suffix for p in paths) == [".csv", ".json", ".pdf", ".png", ".svg"]
    info = export.pdf_info(tmp_path / "00_mpl.pdf")
    assert info["title"] == "Bars" and info["width_pt"] == pytest.approx(252) and not info["has_dates"]
    assert export.png_info(tmp_path / "00_mpl.png")["width"] == 1050
    assert export.svg_metadata(tmp_path / "00_mpl.svg")["title"] == "Bars"
    second = figures.save(fig, "00_mpl", data=DATA, title="Bars", description="Five bars.", source=SOURCE,
                          size="column", figures_dir=tmp_path / "again")
    assert [p.read_bytes() for p in paths] == [p.read_bytes() for p in second]
    plt.close(fig)


def test_source_line():
    assert figures.source_line("Syria diplomacy corpus", 1200, "nb/02_casualty_counts.ipynb") == (
        "Source: Syria diplomacy corpus, 1,200 articles; analysis: 02_casualty_counts.ipynb")
    assert "1 article;" in figures.source_line("C", 1, "x.ipynb")


def test_display_names():
    assert figures.label("flesch_kincaid_grade") == "Flesch–Kincaid grade"
    assert figures.label("conflict_start") == "Conflict start"
    assert figures.label("share_of_something_new") == "Share of something new"
    names = pd.read_csv("analysis/data/display_names.csv", dtype="string", keep_default_na=False)
    assert not names["name"].duplicated().any() and (names["label"] != "").all()


def test_label_expr_shows_labels_on_an_axis():
    events = pd.DataFrame({"event_type": ["conflict_start", "talks", "new_kind"], "n": [1, 2, 3]})
    chart = alt.Chart(events).mark_bar().encode(
        x="n:Q", y=alt.Y("event_type:N", axis=alt.Axis(labelExpr=figures.label_expr(events["event_type"]))))
    text = figures.render_svg(chart.to_dict())
    assert ">Conflict start<" in text and ">Talks<" in text and ">New kind<" in text and "conflict_start<" not in text


def test_outlet_colours_shapes_and_dashes_are_fixed_by_name():
    scale = figures.outlet_scale(["Press TV", "BBC News", "Press TV"])
    assert scale.domain == ["BBC News", "Press TV"] and scale.range == figures.PALETTE[:2]
    enc = figures.outlet_encodings(["Press TV", "BBC News"])
    spec = {channel: enc[channel].to_dict() for channel in enc}
    assert spec["shape"]["scale"]["range"] == figures.OUTLET_SHAPES[:2]
    assert spec["strokeDash"]["scale"]["range"] == figures.OUTLET_DASHES[:2]
    assert {s["title"] for s in spec.values()} == {"Outlet"}  # the same title: Vega-Lite draws one legend


def test_every_colour_comes_from_the_house_palette():
    kinds = figures.kind_scale(["section", "headline", "body", "caption"])
    assert kinds.domain[0] == "body" and kinds.range[0] == figures.NEUTRAL
    assert set(kinds.range[1:]) <= set(figures.PALETTE)
    cited = figures.category_scale(["UN", "SOHR", "nobody cited"], neutral="nobody cited")
    assert cited.domain[-1] == "nobody cited" and cited.range == [*figures.PALETTE[:2], figures.NEUTRAL]
    assert figures.theme()["config"]["range"]["category"] == figures.PALETTE
    with pytest.raises(ValueError, match="10 categories"):
        figures.category_scale([str(i) for i in range(10)])


def test_figures_index_lists_title_description_alt_text_and_files(column, tmp_path):
    out = column["json"].parent
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell('figures.save(chart, "00_test", title="...")')]
    nb_path = tmp_path / "00_test.ipynb"
    nbformat.write(nb, nb_path)
    index = report.write_figures_index([nb_path], out).read_text()
    assert "## `00_test`: Body length <by> outlet & more" in index
    assert DESCRIPTION in index and f"**Alt text:** Body length <by> outlet & more. {DESCRIPTION}" in index
    assert "single column, 3.50 ×" in index and "[PDF](00_test.pdf)" in index and "[CSV](00_test.csv)" in index
    assert "`00_test.ipynb`" in index


def test_a_charts_own_key_survives_a_new_title_and_description(tmp_path):
    keyed = bar_chart().properties(title=alt.TitleParams("Words per story", subtitle=["Bar: body words; grey: none."]))
    paths = figures.save(keyed, "00_keyed", title="T", description="The finding.", source=SOURCE, size="full",
                         figures_dir=tmp_path)
    record = json.loads(paths[-1].read_text())
    assert record["key"] == "Words per story. Bar: body words; grey: none."
    assert record["alt"] == "T. The finding. Words per story. Bar: body words; grey: none."
    assert "Bar: body words; grey: none." in drawn_text(tmp_path / "00_keyed.svg")
    # a chart whose own words are kept as they are has no separate key
    plain = figures.save(keyed, "00_plain", source=SOURCE, size="full", figures_dir=tmp_path)
    assert json.loads(plain[-1].read_text())["key"] == ""
