"""The charts of the notebooks, built in one place in the house style (``analysis.figures``).

Each function takes the tidy table it draws (as the notebook made it) and returns an Altair
chart; a notebook shows it and saves it with ``figures.save``. Outlets get the same
colour in every chart (``figures.outlet_scale``), and the tooltips carry the evidence: the
sentence, the surface as written, the source.

The shapes that recur: :func:`outlet_bars` (one bar per outlet, optionally one panel per
measure or category), :func:`stacked_bars` (each outlet's bar split by a category) and
:func:`heatmap` (outlets against a second key). The others draw one chart each.

A chart with nothing to draw (no publication dates, no figures, one article where a
comparison needs two) is :func:`nothing_to_draw`: its title and a sentence saying why,
so an exported figure is never a blank frame.
"""
from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from . import figures
from .corpus import PARAGRAPH_KINDS

BAR_HEIGHT = 180  # the height of a chart with one bar per outlet


def nothing_to_draw(title: str, why: str) -> alt.Chart:
    """A chart saying in words why there is nothing to draw (its data: the sentence),
    narrow enough for a column (the sentence broken into lines)."""
    lines = textwrap.wrap(why, 42)
    return (alt.Chart(pd.DataFrame({"why": [why], "shown": ["\n".join(lines)]}), title=title)
            .mark_text(align="left", baseline="top", fontSize=12, lineBreak="\n", x=0, y=0)
            .encode(text="shown:N")
            .properties(width=280, height=16 * len(lines)))


def outlet_bars(data: pd.DataFrame, x: str, *, title: str, x_title: str | None, tooltip: list,
                outlets: alt.Scale | None = None, sort: str | None = None, axis: alt.Axis | None = None,
                column: alt.Column | None = None, opacity: alt.Opacity | None = None,
                width: int | None = None, independent_x: bool = False) -> alt.Chart:
    """One bar per outlet (coloured by outlet, no legend); ``column`` splits it into panels."""
    x_kwargs = {"title": x_title} if axis is None else {"title": x_title, "axis": axis}
    encoding = {
        "x": alt.X(x, **x_kwargs),
        "y": alt.Y("outlet:N", title=None, **({"sort": sort} if sort else {})),
        "color": alt.Color("outlet:N", scale=outlets if outlets is not None else figures.outlet_scale(data["outlet"]),
                           legend=None),
    }
    if opacity is not None:
        encoding["opacity"] = opacity
    if column is not None:
        encoding["column"] = column
    encoding["tooltip"] = figures.tooltips(*tooltip)
    chart = alt.Chart(data, title=title).mark_bar().encode(**encoding)
    chart = chart.properties(width=width, height=BAR_HEIGHT) if width is not None else chart.properties(height=BAR_HEIGHT)
    return chart.resolve_scale(x="independent") if independent_x else chart


def stacked_bars(data: pd.DataFrame, x: alt.X, category: str, *, title: str, scale: alt.Scale, tooltip: list,
                 legend_title: str | None, legend: alt.Legend | None = None) -> alt.Chart:
    """Each outlet's bar split by ``category`` (a nominal field), in the category's order."""
    colour = (alt.Color(f"{category}:N", title=legend_title, scale=scale) if legend is None
              else alt.Color(f"{category}:N", title=legend_title, scale=scale, legend=legend))
    return (
        alt.Chart(data, title=title)
        .mark_bar()
        .encode(x=x, y=alt.Y("outlet:N", title=None), color=colour, order=alt.Order(f"{category}:N"),
                tooltip=figures.tooltips(*tooltip))
        .properties(height=BAR_HEIGHT)
    )


def heatmap(data: pd.DataFrame, x: str, y: alt.Y, colour, *, title: str, tooltip: list, width: int,
            height) -> alt.Chart:
    """Rectangles of ``x`` (outlets, labels at an angle) against ``y``, coloured by ``colour``."""
    return (
        alt.Chart(data, title=title)
        .mark_rect()
        .encode(x=alt.X(x, title=None, axis=alt.Axis(labelAngle=-30)), y=y, color=colour,
                tooltip=figures.tooltips(*tooltip))
        .properties(width=width, height=height)
    )


# ---------------------------------------------------------------- 00 corpus overview

def publication_dates(articles: pd.DataFrame) -> alt.Chart:
    """One mark per article at its publication date, on its outlet's row."""
    dates = articles[["article_id", "outlet", "published", "headline", "date_basis", "url"]]
    if dates["published"].isna().all():
        return nothing_to_draw("Publication date by outlet", "No article has a publication date: add metadata.csv "
                               "with a published column (YYYY-MM-DD).")
    return (
        alt.Chart(dates, title="Publication date by outlet")
        .mark_point(filled=True, size=120)
        .encode(
            x=alt.X("published:T", title="Published"),
            y=alt.Y("outlet:N", title=None),
            color=alt.Color("outlet:N", scale=figures.outlet_scale(dates["outlet"]), legend=None),
            tooltip=figures.tooltips("outlet", alt.Tooltip("published:T", format="%d %B %Y"), "headline", "date_basis",
                                     "url"),
        )
        .properties(height=BAR_HEIGHT)
    )


def body_length(lengths: pd.DataFrame) -> alt.Chart:
    """Words in body paragraphs, one bar per outlet, longest first."""
    return outlet_bars(lengths, "n_words:Q", title="Body length (words)", x_title="Words in body paragraphs",
                       sort="-x", tooltip=["outlet", "article_id", "n_words"])


def readability_panels(lengths: pd.DataFrame) -> alt.Chart:
    """The three readability scores, one panel each, one bar per outlet."""
    measures = ["flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog"]
    scores = lengths.melt(id_vars=["article_id", "outlet"], value_vars=measures, var_name="measure", value_name="score")
    # the panels are titled with the measures' names in words (the data says which, in words too)
    scores["measure"] = scores["measure"].map(figures.label).astype("string")
    return outlet_bars(scores, "score:Q", title="Readability of the body text", x_title=None,
                       column=alt.Column("measure:N", title=None, sort=[figures.label(m) for m in measures]),
                       tooltip=["outlet", "measure", alt.Tooltip("score:Q", format=".1f")], width=170,
                       independent_x=True)


def furniture_shares(furniture: pd.DataFrame) -> alt.Chart:
    """Each file's characters split by paragraph kind."""
    return stacked_bars(
        furniture, alt.X("share:Q", stack="normalize", axis=alt.Axis(format="%"), title=None), "kind",
        title="Share of each file's characters, by paragraph kind", legend_title="Paragraph kind",
        scale=figures.kind_scale(PARAGRAPH_KINDS),
        tooltip=["outlet", "kind", "chars", alt.Tooltip("share:Q", format=".1%")])


# ---------------------------------------------------------------- 01 timeline

def event_timeline(marks: pd.DataFrame, outlets: pd.Series) -> alt.LayerChart:
    """Every dated event: a rule over its window and a mark at its start, one row per event
    type, coloured by outlet (click the legend to pick an outlet)."""
    if marks.empty:
        return nothing_to_draw("Every dated event in the coverage", "No date could be placed on the calendar: "
                               "relative dates need each article's publication date.")
    outlet = figures.outlet_encodings(outlets)
    pick = alt.selection_point(name="outlet_pick", fields=["outlet"], bind="legend")
    tooltip = figures.tooltips("outlet", "surface", "value", "event_type", "trigger", "actors",
                               alt.Tooltip("published:T", format="%d %B %Y"), "sentence")
    event_types = sorted(marks["event_type"].dropna().unique())
    base = alt.Chart().encode(
        y=alt.Y("event_type:N", title=None, axis=alt.Axis(labelExpr=figures.label_expr(event_types))),
        yOffset="outlet:N", color=outlet["color"],
        opacity=alt.condition(pick, alt.value(0.9), alt.value(0.1)), tooltip=tooltip,
    )
    x = alt.X("when_from:T", title="Date named", scale=alt.Scale(padding=12), axis=alt.Axis(format="%b %Y", labelAngle=-30))
    # colour and dash tell the outlets apart; the mark's shape is the kind of window
    return (
        alt.layer(
            base.mark_rule(strokeWidth=3).encode(x=x, x2="when_to:T", strokeDash=outlet["strokeDash"]),
            base.mark_point(filled=True, size=70).encode(x="when_from:T", shape=alt.Shape("shape:N", scale=None)),
            data=marks,  # at the top, so the chart carries the table it draws
        )
        .add_params(pick)
        .properties(title="Every dated event in the coverage", width=620, height=380)
        .interactive(bind_y=False)
    )


def conference_dates(conf: pd.DataFrame, outlets: pd.Series) -> alt.VConcatChart:
    """What each article says about when the conference will happen: one column per article,
    one bar per stated window, the publication date as a black tick; undated statements below."""
    if conf["value"].isna().all():
        why = ("No sentence names the peace conference." if conf.empty
               else "No sentence gives a date for the conference (see the table above for what they say).")
        return nothing_to_draw("When will the Geneva conference happen? What each article says", why)
    order = conf.sort_values(["published", "column"])["column"].unique().tolist()
    x = alt.X("column:N", sort=order, title="Article (publication date · outlet)", axis=alt.Axis(labelAngle=-30, labelLimit=300))
    colour = alt.Color("outlet:N", scale=figures.outlet_scale(outlets), title="Outlet")
    tooltip = figures.tooltips("outlet", alt.Tooltip("published:T", format="%d %B %Y"), "surface", "value", "status",
                               "sentence")
    # one table for the whole chart (the figure's CSV); each part filters what it draws
    dated = alt.Chart().transform_filter("isValid(datum.value)").encode(
        x=x, xOffset="statement:N", color=colour, tooltip=tooltip)
    dash = alt.StrokeDash("status:N", title="Statement", scale=alt.Scale(
        domain=["window", "open-ended", "past plan", "ruled out"], range=[[1, 0], [1, 0], [2, 2], [6, 3]]))
    windows = dated.mark_rule(strokeWidth=7).encode(
        y=alt.Y("y_from:T", title="Stated window for the conference"), y2="y_to:T", strokeDash=dash)
    arrows = dated.transform_filter("datum.open_end").mark_point(shape="triangle-up", filled=True, size=160).encode(y="arrow_at:T")
    published = (alt.Chart().transform_aggregate(published="min(published)", groupby=["column"])
                 .mark_tick(color="black", thickness=2, size=40)
                 .encode(x=x, y="published:T",
                         tooltip=[alt.Tooltip("published:T", format="%d %B %Y", title="Published")]))
    undated = alt.Chart().transform_filter("!isValid(datum.value)").mark_point(shape="cross", filled=True, size=80).encode(
        x=x, xOffset="statement:N", color=colour, tooltip=tooltip).properties(height=40, title="No date stated")
    return alt.vconcat(
        alt.layer(windows, arrows, published).properties(width=520, height=320),
        undated.properties(width=520),
        data=conf,
        title=alt.TitleParams("When will the Geneva conference happen? What each article says", subtitle=[
            "Bar: the window an article gives for the conference (dotted: already past when it was published; "
            "dashed: ruled out); triangle: no end stated. Black tick: the article's publication date."]),
    )


# ---------------------------------------------------------------- 02 casualty counts

SLOT_PX = 9  # marks of one day stand this many pixels apart, on their day


def death_tolls(tolls: pd.DataFrame, outlets: pd.Series) -> alt.FacetChart:
    """The outlets' tolls against publication date, one panel per year: a mark per toll
    (colour and shape: its outlet), a line over the interval the hedge implies (a dashed
    stub of one length when open-ended), short black bars for the reference tolls. Tolls
    published on one day stand a few pixels apart (``slot``), still on their day.
    ``tolls`` is ``casualties.toll_series`` with a ``year`` column."""
    if not (tolls["series"] == "outlet").any():
        return nothing_to_draw("Death tolls as printed, by outlet and publication date", "No death toll was found "
                               "in this corpus (the reference tolls are in the table above).")
    own, ref = alt.datum.series == "outlet", alt.datum.series == "reference"
    outlet = figures.outlet_encodings(outlets)
    tooltip = figures.tooltips("outlet", alt.Tooltip("published:T", format="%d %B %Y"), "surface", "qualifier",
                               "interval", "cited", "period", "evidence")
    y_scale = alt.Scale(zero=True)
    # padding: the marks set beside a toll at a panel's first or last day stay inside it
    x_date = alt.X("published:T", title=None, axis=alt.Axis(format="%b", tickCount="month"),
                   scale=alt.Scale(padding=3 * SLOT_PX))
    beside = alt.expr(f"datum.slot * {SLOT_PX}")
    return alt.layer(
        alt.Chart().transform_filter(own).mark_rule(strokeWidth=2, xOffset=beside).encode(
            x=x_date, y=alt.Y("low_drawn:Q", title="Reported death toll", scale=y_scale),
            y2="high_drawn:Q", color=outlet["color"],
            strokeDash=alt.condition("datum.interval == 'open above' || datum.interval == 'open below'",
                                     alt.value([4, 3]), alt.value([1, 0]))),
        alt.Chart().transform_filter(own).mark_point(filled=True, size=110, opacity=1, xOffset=beside).encode(
            x=x_date, y=alt.Y("value:Q", scale=y_scale), color=outlet["color"], shape=outlet["shape"], tooltip=tooltip),
        # reference tolls as short black bars: no outlet's shape
        alt.Chart().transform_filter(ref).mark_tick(color="black", thickness=3, size=16).encode(
            x=x_date, y=alt.Y("value:Q", scale=y_scale),
            tooltip=figures.tooltips("outlet", alt.Tooltip("published:T", format="%d %B %Y"), "surface", "period",
                                     "evidence")),
        data=tolls,
    ).properties(width=250, height=320).facet(
        column=alt.Column("year:O", title=None, header=alt.Header(labelFontWeight="bold")),
        title=alt.TitleParams("Death tolls as printed, by outlet and publication date",
                              subtitle=["Mark: a toll at its story's date (tolls of one day side by side). "
                                        "Solid line: the range its hedge implies (nearly, about). Dashed stub: "
                                        "open-ended (more than, over), no upper bound stated. Black bar: a "
                                        "reference toll at its announcement date. One panel per year. Tolls of one event or period "
                                        "are left out."]),
    ).resolve_scale(x="independent")


def toll_sources(cites: pd.DataFrame) -> alt.Chart:
    """Each outlet's death tolls split by the authority credited ("nobody cited" in grey)."""
    if cites.empty:
        return nothing_to_draw("Whom each outlet credits for its death tolls", "No death toll was found in this corpus.")
    domain = sorted(set(cites["cited"]) - {"nobody cited"}) + ["nobody cited"]
    scale = figures.category_scale(domain, neutral="nobody cited")
    return stacked_bars(
        cites, alt.X("sum(figures):Q", title="Death tolls printed", axis=alt.Axis(values=list(range(50)), format="d")),
        "cited", title="Whom each outlet credits for its death tolls", legend_title="Credited to", scale=scale,
        legend=alt.Legend(labelLimit=320), tooltip=["outlet", "cited", "figures", "surfaces"])


# ---------------------------------------------------------------- 03 source framing

def label_heatmap(rates: pd.DataFrame) -> alt.Chart:
    """Labels chosen per 1,000 body words: outlets against actor and label (grey: never used)."""
    if rates.empty:
        return nothing_to_draw("Labels chosen, per 1,000 body words", "No label of the lexicon is used in this corpus.")
    rates = rates.assign(actor_label=rates["actor"] + ": " + rates["label"])
    colour = alt.condition(alt.datum.n == 0, alt.value("#f2f2f2"),
                           alt.Color("per_1000_words:Q", title="per 1,000 words", scale=alt.Scale(scheme="blues")))
    return heatmap(rates, "outlet:N", alt.Y("actor_label:N", title=None, axis=alt.Axis(labelLimit=320)), colour,
                   title="Labels chosen, per 1,000 body words",
                   tooltip=["outlet", "actor", "label", "n", alt.Tooltip("per_1000_words:Q", format=".1f"), "surfaces",
                            "example"],
                   width=300, height=alt.Step(14))


def voices_by_affiliation(voices: pd.DataFrame, affiliations: list[str]) -> alt.Chart:
    """Direct quotations per outlet, split by the speaker's affiliation."""
    if voices.empty:
        return nothing_to_draw("Direct quotations by the speaker's affiliation", "No direct quotation in this corpus.")
    return stacked_bars(
        voices, alt.X("quotations:Q", title="Quotations", axis=alt.Axis(tickMinStep=1, format="d")), "affiliation",
        title="Direct quotations by the speaker's affiliation", legend_title="Speaker's affiliation",
        scale=figures.category_scale(affiliations),
        tooltip=["outlet", "affiliation", "quotations", "words", "speakers", "example"])


def quote_share(share: pd.DataFrame, outlets: alt.Scale) -> alt.Chart:
    """The share of each outlet's body words inside direct quotations."""
    if share["quote_share"].isna().all():
        return nothing_to_draw("Share of body words inside direct quotations", "No article has body words to measure.")
    return outlet_bars(share, "quote_share:Q", title="Share of body words inside direct quotations", x_title=None,
                       axis=alt.Axis(format="%"), sort="-x", outlets=outlets,
                       tooltip=["outlet", "quotations", "quoted_words", "n_words",
                                alt.Tooltip("quote_share:Q", format=".1%")])


def stance_panels(stance: pd.DataFrame, outlets: alt.Scale, categories: list[str]) -> alt.Chart:
    """Stance markers per 1,000 body words, one panel per category; light bars are markers
    inside quotations."""
    if stance.empty:
        return nothing_to_draw("Stance markers per 1,000 body words", "No stance marker of the lexicon in this corpus.")
    opacity = alt.Opacity("voice:N", title="Where", scale=alt.Scale(domain=["outlet's own words", "inside quotations"],
                                                                    range=[1.0, 0.4]))
    return outlet_bars(stance, "per_1000_words:Q", title="Stance markers per 1,000 body words", x_title="per 1,000 words",
                       outlets=outlets, opacity=opacity, column=alt.Column("category:N", title=None, sort=categories),
                       tooltip=["outlet", "category", "voice", "n", alt.Tooltip("per_1000_words:Q", format=".1f"),
                                "surfaces", "example"], width=130)


def distinctive_words(words: pd.DataFrame, outlets: alt.Scale) -> alt.Chart:
    """Each outlet's most distinctive words by log-odds z-score, one row of panels per outlet."""
    if words.empty:
        return nothing_to_draw("Most distinctive words per outlet", "No words to compare: a comparison needs at "
                               "least two outlets.")
    return (
        alt.Chart(words, title="Most distinctive words per outlet (log-odds z-score against the other four)")
        .mark_bar()
        .encode(
            x=alt.X("z:Q", title="z-score"),
            y=alt.Y("word:N", title=None, sort=alt.EncodingSortField("z", order="descending")),
            color=alt.Color("outlet:N", scale=outlets, legend=None),
            row=alt.Row("outlet:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left")),
            tooltip=figures.tooltips("outlet", "word", "surface", "n_outlet", "n_rest", alt.Tooltip("z:Q", format=".2f"), "sentence"),
        )
        .properties(width=300, height=alt.Step(12))
        .resolve_scale(y="independent")
    )


def overlap_heatmap(overlap: pd.DataFrame) -> alt.Chart:
    """The share of the row outlet's shingles found in the column outlet."""
    if overlap.empty:
        return nothing_to_draw("Share of the row outlet's 8-word shingles found in the column outlet",
                               "No pair of articles to compare: the corpus has one article.")
    colour = alt.Color("share_a_in_b:Q", title="share", scale=alt.Scale(scheme="oranges"), legend=alt.Legend(format="%"))
    return heatmap(overlap, "outlet_b:N", alt.Y("outlet_a:N", title=None), colour,
                   title="Share of the row outlet's 8-word shingles found in the column outlet",
                   tooltip=["outlet_a", "outlet_b", "shared", "shingles_a", alt.Tooltip("share_a_in_b:Q", format=".1%")],
                   width=220, height=220)
