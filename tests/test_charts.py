"""Each chart builder on small literal tables: the spec validates, draws what it says, carries its evidence."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import charts, figures

OUTLETS = ["BBC News", "Press TV"]


def spec(chart) -> dict:
    return chart.to_dict()  # validates against the Vega-Lite schema


def encodings(s: dict) -> dict:
    """The encoding of a single view, faceted or not."""
    return s.get("spec", s)["encoding"]


def tooltip_fields(enc: dict) -> list[str]:
    return [t["field"] for t in enc["tooltip"]]


@pytest.fixture
def articles() -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": ["a", "b"], "outlet": pd.Series(OUTLETS, dtype="category"),
        "published": pd.to_datetime(["2013-07-02", "2016-08-22"]), "headline": ["H1", "H2"],
        "date_basis": ["stamp", "URL"], "url": ["u1", "u2"], "n_words": [500, 300],
        "flesch_reading_ease": [50.0, 60.0], "flesch_kincaid_grade": [11.0, 9.0], "gunning_fog": [13.0, 11.0],
    })


def test_outlet_bars_colour_each_outlet_the_same_way(articles):
    s = spec(charts.body_length(articles))
    enc = encodings(s)
    assert s["mark"]["type"] == "bar" and enc["y"]["field"] == "outlet" and enc["y"]["sort"] == "-x"
    assert enc["color"]["scale"] == figures.outlet_scale(articles["outlet"]).to_dict()
    assert "legend" in enc["color"] and enc["color"]["legend"] is None


def test_publication_dates_show_how_each_date_is_known(articles):
    enc = encodings(spec(charts.publication_dates(articles)))
    assert enc["x"]["field"] == "published" and {"date_basis", "url", "headline"} <= set(tooltip_fields(enc))


def test_readability_panels_one_per_measure(articles):
    chart = charts.readability_panels(articles)
    assert sorted(chart.data["measure"].unique()) == ["Flesch reading ease", "Flesch–Kincaid grade", "Gunning fog index"]
    s = spec(chart)
    assert s["encoding"]["column"]["field"] == "measure" and s["resolve"]["scale"]["x"] == "independent"


def test_furniture_shares_stack_by_paragraph_kind():
    furniture = pd.DataFrame({"article_id": ["a", "a"], "outlet": ["BBC News"] * 2, "kind": ["body", "caption"],
                              "chars": [900, 100], "share": [0.9, 0.1]})
    enc = encodings(spec(charts.furniture_shares(furniture)))
    assert enc["x"]["stack"] == "normalize" and enc["color"]["field"] == "kind"
    assert enc["color"]["scale"]["domain"][0] == "body"


def test_event_timeline_layers_a_window_and_a_mark():
    marks = pd.DataFrame({"outlet": OUTLETS, "surface": ["May", "Monday"], "value": ["2013-05", "2016-08-22"],
                          "event_type": ["talks", "statement"], "trigger": ["met", "said"], "actors": ["", ""],
                          "published": pd.to_datetime(["2013-07-02", "2016-08-22"]),
                          "sentence": ["They met in May.", "He said on Monday."],
                          "when_from": pd.to_datetime(["2013-05-01", "2016-08-22"]),
                          "when_to": pd.to_datetime(["2013-05-31", "2016-08-22"]), "shape": ["circle", "circle"]})
    s = spec(charts.event_timeline(marks, pd.Series(OUTLETS)))
    assert [layer["mark"]["type"] for layer in s["layer"]] == ["rule", "point"]
    assert "sentence" in tooltip_fields(s["layer"][0]["encoding"]) or "sentence" in tooltip_fields(s["encoding"])


def test_conference_dates_put_undated_statements_below():
    conf = pd.DataFrame({
        "article_id": ["a", "a"], "outlet": ["BBC News"] * 2, "published": pd.to_datetime(["2013-07-02"] * 2),
        "column": ["2013-07-02 · BBC News"] * 2, "statement": [1, 2], "surface": ["after August", None],
        "value": [">2013-08", None], "status": ["open-ended", "no date stated"], "sentence": ["s1", "s2"],
        "y_from": pd.to_datetime(["2013-09-01", None]), "y_to": pd.to_datetime(["2013-10-31", None]),
        "arrow_at": pd.to_datetime(["2013-10-31", None]), "open_end": [True, False]})
    s = spec(charts.conference_dates(conf, pd.Series(["BBC News"])))
    assert len(s["vconcat"]) == 2 and s["vconcat"][1]["title"] == "No date stated"


def test_death_tolls_one_panel_per_year():
    tolls = pd.DataFrame({
        "series": ["outlet", "reference"], "outlet": ["BBC News", "OHCHR"], "published": pd.to_datetime(["2013-07-02"] * 2),
        "slot": [0.0, 0.0], "value": [93000, 92901], "qualifier": ["more than", "at least"],
        "interval": ["open above", "reference"], "low_drawn": [93000.0, 92901.0], "high_drawn": [148800.0, 92901.0],
        "cited": ["United Nations", "OHCHR"], "surface": ["more than 93,000", "at least 92,901"], "period": ["", ""],
        "evidence": ["The UN says ...", "OHCHR release"], "year": [2013, 2013]})
    s = spec(charts.death_tolls(tolls, pd.Series(["BBC News"])))
    assert s["facet"]["column"]["field"] == "year" and len(s["spec"]["layer"]) == 3
    points = s["spec"]["layer"][1]["encoding"]
    # colour and shape both name the outlet, so the chart reads without colour
    assert points["shape"]["field"] == points["color"]["field"] == "outlet"


def test_toll_sources_put_nobody_cited_last_in_grey():
    cites = pd.DataFrame({"outlet": ["BBC News", "Press TV"], "category": ["killed"] * 2,
                          "cited": ["nobody cited", "United Nations"], "figures": [1, 2], "surfaces": ["x", "y"]})
    scale = encodings(spec(charts.toll_sources(cites)))["color"]["scale"]
    assert scale["domain"] == ["United Nations", "nobody cited"] and scale["range"][-1] == figures.NEUTRAL


def test_label_heatmap_greys_labels_never_used():
    rates = pd.DataFrame({"outlet": OUTLETS, "actor": ["Syrian government"] * 2, "label": ["regime"] * 2,
                          "n": [2, 0], "n_words": [500, 300], "per_1000_words": [4.0, 0.0],
                          "surfaces": ["regime", None], "example": ["The regime said.", None]})
    chart = charts.label_heatmap(rates)
    assert chart.data["actor_label"].tolist() == ["Syrian government: regime"] * 2
    enc = encodings(spec(chart))
    assert enc["color"]["condition"]["test"] == "(datum.n === 0)" and "example" in tooltip_fields(enc)


def test_voices_stack_by_affiliation():
    voices = pd.DataFrame({"outlet": OUTLETS, "affiliation": ["US", "UN"], "quote_kind": ["direct"] * 2,
                           "quotations": [3, 1], "words": [40, 10], "speakers": ["John Kerry", "Ban Ki-moon"],
                           "example": ["x", "y"]})
    enc = encodings(spec(charts.voices_by_affiliation(voices, ["US", "UN"])))
    assert enc["color"]["field"] == "affiliation" and enc["order"]["field"] == "affiliation"


def test_quote_share_and_stance_panels_reuse_the_outlet_scale():
    outlets = figures.outlet_scale(pd.Series(OUTLETS))
    share = pd.DataFrame({"outlet": OUTLETS, "quotations": [2, 3], "quoted_words": [20, 60], "n_words": [500, 300],
                          "quote_share": [0.04, 0.2]})
    assert encodings(spec(charts.quote_share(share, outlets)))["color"]["scale"] == outlets.to_dict()
    stance = pd.DataFrame({"outlet": OUTLETS, "category": ["hedge"] * 2, "voice": ["outlet's own words"] * 2,
                           "n": [1, 2], "per_1000_words": [2.0, 6.7], "surfaces": ["might", "likely"],
                           "example": ["a", "b"]})
    s = spec(charts.stance_panels(stance, outlets, ["hedge", "certainty"]))
    assert s["encoding"]["column"]["sort"] == ["hedge", "certainty"] and s["encoding"]["opacity"]["field"] == "voice"


def test_distinctive_words_one_row_per_outlet():
    words = pd.DataFrame({"outlet": OUTLETS, "word": ["regime", "likely"], "n_outlet": [3, 4], "n_rest": [0, 1],
                          "z": [2.1, 1.9], "surface": ["regime", "likely"], "sentence": ["a", "b"]})
    s = spec(charts.distinctive_words(words, figures.outlet_scale(pd.Series(OUTLETS))))
    assert s["encoding"]["row"]["field"] == "outlet" and s["resolve"]["scale"]["y"] == "independent"


def test_overlap_heatmap_reads_row_in_column():
    overlap = pd.DataFrame({"outlet_a": OUTLETS, "outlet_b": OUTLETS[::-1], "shared": [5, 5], "shingles_a": [100, 50],
                            "share_a_in_b": [0.05, 0.1]})
    enc = encodings(spec(charts.overlap_heatmap(overlap)))
    assert (enc["x"]["field"], enc["y"]["field"], enc["color"]["field"]) == ("outlet_b", "outlet_a", "share_a_in_b")


def test_tooltips_and_labels_use_display_names(articles):
    enc = encodings(spec(charts.body_length(articles)))
    assert [t.get("title") for t in enc["tooltip"]] == ["Outlet", "Article", "Words in the body"]
    column = spec(charts.readability_panels(articles))["encoding"]["column"]
    assert column["sort"] == ["Flesch reading ease", "Flesch–Kincaid grade", "Gunning fog index"]


def test_a_chart_with_nothing_to_draw_says_why(articles):
    undated = articles.assign(published=pd.NaT)
    s = spec(charts.publication_dates(undated))
    assert s["mark"]["type"] == "text" and "No article has a publication date" in s["datasets"][s["data"]["name"]][0]["why"]
