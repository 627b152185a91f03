"""One house style for altair and matplotlib, and one way to save a figure.

``use_house_style()`` is called once in every notebook's setup cell. It

* registers and enables the altair theme ``analysis``;
* selects altair's ``mimetype`` renderer. With altair 5.5 that emits
  ``application/vnd.vegalite.v5+json``, which JupyterLab 4 renders natively and offline
  (no CDN script), and whose JSON is the same on every run, so nbval can compare it;
* sets matplotlib's rcParams (and a fixed SVG hash salt, so SVG ids do not change).

``save(chart, name)`` writes ``<name>.png`` (print resolution), ``<name>.svg``,
``<name>.html`` for altair charts (self-contained: Vega's scripts are inlined from
vl-convert's bundle, nothing loads from the internet; see ``analysis.report``) and ``<name>.csv``, the tidy data the chart
plots. Names follow ``<notebook number>_<what>``, e.g. ``00_publication_dates``.
"""
from __future__ import annotations

from pathlib import Path

import altair as alt
import pandas as pd

from .paths import FIGURES_DIR
from .report import chart_page
from .writing import write_csv

FONT = "DejaVu Sans"
PALETTE = ["#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf9000", "#2e75b6", "#a9376b", "#5f5f5f"]
PNG_PPI = 300
PNG_SCALE = 1  # vl-convert scales by ppi/72 already
SVG_HASH_SALT = "analysis"


def theme() -> dict:
    """The altair theme: quiet axes, one font, the house palette."""
    return {
        "config": {
            "font": FONT,
            "view": {"continuousWidth": 560, "continuousHeight": 300, "stroke": None},
            "axis": {"labelFontSize": 11, "titleFontSize": 12, "gridColor": "#e6e6e6", "domainColor": "#888"},
            "legend": {"labelFontSize": 11, "titleFontSize": 12, "orient": "right"},
            "title": {"fontSize": 14, "anchor": "start", "subtitleColor": "#555"},
            "range": {"category": PALETTE},
        }
    }


def use_house_style() -> None:
    """Apply the house style to altair and matplotlib (call once per notebook)."""
    import matplotlib as mpl

    alt.theme.register("analysis", enable=True)(theme)
    alt.renderers.enable("mimetype")
    alt.data_transformers.disable_max_rows()
    mpl.rcParams.update({
        "font.family": FONT,
        "figure.figsize": (7, 3.5),
        "figure.dpi": 100,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.prop_cycle": mpl.cycler(color=PALETTE),
        "svg.hashsalt": SVG_HASH_SALT,
        "svg.fonttype": "path",
    })


def outlet_scale(outlets) -> alt.Scale:
    """A colour scale giving each outlet the same colour in every chart of a notebook."""
    domain = sorted(pd.Series(outlets, dtype="string").dropna().unique())
    return alt.Scale(domain=domain, range=[PALETTE[i % len(PALETTE)] for i in range(len(domain))])


def kind_scale(kinds) -> alt.Scale:
    """Colours for paragraph kinds: body in neutral grey, furniture in distinct colours."""
    furniture = [k for k in kinds if k != "body"]
    colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#bcbd22", "#17becf"]
    domain = ["body", *furniture]
    return alt.Scale(domain=domain, range=["#bfbfbf", *(colours[i % len(colours)] for i in range(len(furniture)))])


def save(chart, name: str, *, data: pd.DataFrame | None = None, figures_dir: str | Path | None = None) -> list[Path]:
    """Write ``name`` as PNG, SVG, (altair) self-contained HTML and the CSV of its data.

    ``data`` is the tidy table the chart plots; altair charts built on one DataFrame
    supply their own. Returns the paths written.
    """
    out = Path(figures_dir) if figures_dir is not None else FIGURES_DIR
    out.mkdir(parents=True, exist_ok=True)
    if data is None and isinstance(chart, alt.TopLevelMixin) and isinstance(chart.data, pd.DataFrame):
        data = chart.data
    if data is None:
        raise ValueError(f"save({name!r}): pass data=, the table this chart plots, so it is saved beside the figure")
    paths = [out / f"{name}.{ext}" for ext in ("png", "svg")]
    if isinstance(chart, alt.TopLevelMixin):
        chart.save(paths[0], scale_factor=PNG_SCALE, ppi=PNG_PPI)
        chart.save(paths[1])
        paths.append(out / f"{name}.html")
        # not chart.save(inline=True): its page puts the spec's JSON in a script unescaped
        paths[2].write_text(chart_page(chart.to_dict(), name), encoding="utf-8")
    else:
        figure = getattr(chart, "figure", chart)
        figure.savefig(paths[0], dpi=PNG_PPI, metadata={"Software": None}, bbox_inches="tight")
        figure.savefig(paths[1], metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    paths.append(out / f"{name}.csv")
    write_csv(data, paths[-1])
    return paths
