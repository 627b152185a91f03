"""figures.save writes every format, self-contained and byte-stable."""
import altair as alt
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis import figures  # noqa: E402

DATA = pd.DataFrame({"outlet": ["BBC News", "Press TV"], "n_words": [394, 315]})


@pytest.fixture(autouse=True)
def house_style():
    figures.use_house_style()


def bar_chart():
    return alt.Chart(DATA).mark_bar().encode(x="n_words:Q", y="outlet:N", tooltip=["outlet", "n_words"])


def test_altair_chart_is_saved_in_four_formats(tmp_path):
    paths = figures.save(bar_chart(), "00_test", figures_dir=tmp_path)
    assert sorted(p.name for p in paths) == ["00_test.csv", "00_test.html", "00_test.png", "00_test.svg"]
    assert (tmp_path / "00_test.png").read_bytes()[:4] == b"\x89PNG"
    assert "<svg" in (tmp_path / "00_test.svg").read_text()
    assert pd.read_csv(tmp_path / "00_test.csv").equals(DATA)


def test_html_export_loads_nothing_from_the_internet(tmp_path):
    figures.save(bar_chart(), "00_test", figures_dir=tmp_path)
    html = (tmp_path / "00_test.html").read_text()
    assert "<script src=" not in html.replace(" ", "")
    assert "cdn.jsdelivr" not in html and "vega-embed" in html


def test_matplotlib_figure_needs_and_saves_its_data(tmp_path):
    fig, ax = plt.subplots()
    ax.barh(DATA["outlet"], DATA["n_words"])
    with pytest.raises(ValueError, match="pass data="):
        figures.save(fig, "00_mpl", figures_dir=tmp_path)
    paths = figures.save(fig, "00_mpl", data=DATA, figures_dir=tmp_path)
    assert sorted(p.suffix for p in paths) == [".csv", ".png", ".svg"]
    plt.close(fig)


def test_saving_twice_writes_the_same_bytes(tmp_path):
    first = {p.name: p.read_bytes() for p in figures.save(bar_chart(), "00_test", figures_dir=tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in figures.save(bar_chart(), "00_test", figures_dir=tmp_path / "b")}
    assert first == second
    fig, ax = plt.subplots()
    ax.plot([1, 2], [3, 4])
    one = [p.read_bytes() for p in figures.save(fig, "m", data=DATA, figures_dir=tmp_path / "c")]
    two = [p.read_bytes() for p in figures.save(fig, "m", data=DATA, figures_dir=tmp_path / "d")]
    assert one == two
    plt.close(fig)


def test_outlet_colours_are_fixed_by_name():
    scale = figures.outlet_scale(["Press TV", "BBC News", "Press TV"])
    assert scale.domain == ["BBC News", "Press TV"] and scale.range == figures.PALETTE[:2]
