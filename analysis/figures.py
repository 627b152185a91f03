"""One house style, one palette, one table of display names and one way to save a figure.

``use_house_style()`` is called once in every notebook's setup cell. It registers and
enables the altair theme ``analysis``, selects altair's ``mimetype`` renderer (altair 5.5
emits ``application/vnd.vegalite.v5+json``, which JupyterLab renders offline and whose
JSON is the same on every run, so nbval can compare it) and sets matplotlib's rcParams.

``save(chart, name, title=..., description=..., source=..., size=...)`` writes

* ``name.pdf``  vector, fonts embedded, Title and Subject in its metadata;
* ``name.png``  300 ppi, never wider than 7.5 in;
* ``name.svg``  vector, ``<title>``/``<desc>``/alt text, the font embedded;
* ``name.html`` (altair) interactive and self-contained, alt text and a link to the CSV;
* ``name.csv``  the tidy data the chart plots, with the evidence its tooltips show;
* ``name.json`` what the figure is: title, description, alt text, source, size. The
  figures index (``figures/README.md``, ``analysis.report``) is written from these.

Every image carries the title, a one-sentence description (the finding, or what the
chart shows) and a footer with the source line (``source_line()``) and the CSV's name.

House sizes (rules ``analysis.export`` applies):

* ``size="column"`` is 3.5 in wide, ``size="full"`` 7 in. An altair chart is drawn at
  96 Vega pixels per inch (336 or 672 px; its views' widths are scaled to fill that
  exactly, see ``analysis.layout``), so F px of text prints at 0.75 × F pt. The theme's
  smallest text is 11 px = 8.25 pt. A chart that cannot be fitted and is wider than its
  house width is shrunk to it, but never below 7 pt text: it then stays up to half an
  inch wider (7.5 in at most for full width), and ``save`` refuses anything wider.
* PNGs are 300 ppi: 1,050 px (column) or 2,100 px (full) wide, never over 2,250.

Colour: ``PALETTE`` is the house's categorical palette. Its first five colours (one per
outlet of the corpus) stay at least ΔE00 20 apart with normal vision and as seen with
deuteranopia, protanopia and tritanopia (Machado et al. 2009, simulated in
``analysis.colour``; measured 23.4 in each), and all eight at least 12 (13.8). The five
were found by searching the sRGB grid near the hues of Okabe and Ito's palette for the
set whose smallest difference in any of the four visions is largest, with lightness kept
between L* 30 and 70 so that points and thin lines stand out on white; the three others
were then added one at a time, each the colour farthest from those before it, from white,
black and ``NEUTRAL``. Wherever outlets are told apart by colour, give them a second
channel: ``outlet_shape_scale`` for points, ``outlet_dash_scale`` for lines
(``outlet_encodings`` gives all three titled alike, so Vega-Lite draws one legend).

Labels: ``label(name)`` turns a column name or a coded value into words from
``analysis/data/display_names.csv``; unknown names fall back to a readable form.

Known limits: matplotlib figures get the same sizes, text and metadata but no HTML;
their SVG text is drawn as paths.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import altair as alt
import pandas as pd
from altair import TopLevelMixin, VConcatChart

from . import export, layout
from .paths import FIGURES_DIR, data_file
from .report import chart_page
from .writing import write_csv

FONT = export.FONT_FAMILY
SIZES = {"column": 3.5, "full": 7.0}  # inches
PX_PER_IN = 96
PNG_PPI = export.PNG_PPI
MAX_PNG_IN = 7.5
MIN_TEXT_PT = 7.0
OVERRUN_IN = 0.5  # how much wider than its house width a figure may be to keep its text at 7 pt
TEXT_PX, SUBTITLE_PX, TITLE_PX = 11, 12, 14
INK, MUTED = "#222222", "#555555"
FOOTER_STYLE = {"fontSize": TEXT_PX, "fontWeight": "normal", "color": MUTED, "offset": 10}
PALETTE = ["#234b69", "#e19614", "#a0410f", "#739182", "#9b78c3", "#5fbe82", "#0f7878", "#693c41"]
NEUTRAL = "#bdbdbd"  # "no colour": body text, uncredited figures
NEUTRAL_DARK = "#595959"  # a ninth category, after PALETTE
OUTLET_SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "triangle-left", "triangle-right"]
OUTLET_DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [1, 3], [10, 4], [4, 2, 1, 2, 1, 2], [12, 2]]
SVG_HASH_SALT = "analysis"
FRAME_GID = "analysis-figure-footer"


# ---------------------------------------------------------------- style

def theme() -> dict:
    """The altair theme: one font, text never under 11 px (8.25 pt printed), the house palette."""
    axis = {"labelFontSize": TEXT_PX, "titleFontSize": TEXT_PX, "titleFontWeight": "normal", "labelColor": INK,
            "titleColor": INK, "gridColor": "#e6e6e6", "domainColor": "#888888", "tickColor": "#888888"}
    return {
        "config": {
            "font": FONT,
            "background": "white",
            "view": {"continuousWidth": 300, "continuousHeight": 200, "stroke": None},
            "axis": axis,
            "header": {"labelFontSize": TEXT_PX, "titleFontSize": TEXT_PX, "labelColor": INK, "titleColor": INK},
            "legend": {"labelFontSize": TEXT_PX, "titleFontSize": TEXT_PX, "labelColor": INK, "titleColor": INK,
                       "labelLimit": 260},
            "title": {"fontSize": TITLE_PX, "subtitleFontSize": SUBTITLE_PX, "color": INK, "subtitleColor": INK,
                      "anchor": "start", "frame": "bounds", "offset": 10, "subtitlePadding": 4},
            "text": {"fontSize": TEXT_PX},
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
        "font.size": 8.25,
        "figure.figsize": (SIZES["full"], 3.5),
        "figure.dpi": 100,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.prop_cycle": mpl.cycler(color=PALETTE),
        "svg.hashsalt": SVG_HASH_SALT,
        "svg.fonttype": "path",
        "pdf.fonttype": 42,
    })


def _domain(values) -> list[str]:
    return sorted(pd.Series(values, dtype="string").dropna().unique())


def _cycle(items: list, n: int) -> list:
    return [items[i % len(items)] for i in range(n)]


def outlet_scale(outlets) -> alt.Scale:
    """A colour scale giving each outlet (in alphabetical order) the same house colour in every chart."""
    domain = _domain(outlets)
    return alt.Scale(domain=domain, range=_cycle(PALETTE, len(domain)))


def outlet_shape_scale(outlets) -> alt.Scale:
    """The second channel for points: one shape per outlet, in the order of ``outlet_scale``."""
    domain = _domain(outlets)
    return alt.Scale(domain=domain, range=_cycle(OUTLET_SHAPES, len(domain)))


def outlet_dash_scale(outlets) -> alt.Scale:
    """The second channel for lines and rules: one dash pattern per outlet (the first is solid)."""
    domain = _domain(outlets)
    return alt.Scale(domain=domain, range=_cycle(OUTLET_DASHES, len(domain)))


def outlet_encodings(outlets, field: str = "outlet", *, legend: bool = True) -> dict:
    """``color``, ``shape`` and ``strokeDash`` for outlets, titled alike so Vega-Lite draws one legend.

    Use ``color`` and ``shape`` for points, ``color`` and ``strokeDash`` for lines::

        enc = figures.outlet_encodings(articles["outlet"])
        chart.mark_point().encode(x=..., y=..., color=enc["color"], shape=enc["shape"])
    """
    title = label(field)
    options = {} if legend else {"legend": None}
    return {
        "color": alt.Color(f"{field}:N", title=title, scale=outlet_scale(outlets), **options),
        "shape": alt.Shape(f"{field}:N", title=title, scale=outlet_shape_scale(outlets), **options),
        "strokeDash": alt.StrokeDash(f"{field}:N", title=title, scale=outlet_dash_scale(outlets), **options),
    }


def category_scale(categories, *, neutral: str | None = None) -> alt.Scale:
    """House colours for any categories, in the order given; ``neutral`` (e.g. "nobody cited") is grey."""
    domain = [c for c in categories if c != neutral]
    colours = [*PALETTE, NEUTRAL_DARK]
    if len(domain) > len(colours):
        raise ValueError(f"{len(domain)} categories but the house palette has {len(colours)} colours; "
                         "group the smallest ones or use a second channel")
    rng = colours[:len(domain)]
    if neutral is not None:
        domain, rng = [*domain, neutral], [*rng, NEUTRAL]
    return alt.Scale(domain=domain, range=rng)


def kind_scale(kinds) -> alt.Scale:
    """Colours for paragraph kinds: body in neutral grey, furniture in the house colours."""
    furniture = [k for k in kinds if k != "body"]
    scale = category_scale(furniture)
    return alt.Scale(domain=["body", *scale.domain], range=[NEUTRAL, *scale.range])


# ---------------------------------------------------------------- labels

@lru_cache(maxsize=1)
def display_names() -> dict[str, str]:
    """``analysis/data/display_names.csv`` as {name: label}."""
    table = pd.read_csv(data_file("display_names.csv"), dtype="string", keep_default_na=False)
    return dict(zip(table["name"], table["label"]))


def label(name: str) -> str:
    """The words for a column name or coded value; unknown names read as words ("n_rest" -> "N rest")."""
    known = display_names().get(name)
    if known:
        return known
    words = re.sub(r"[_\s]+", " ", str(name)).strip()
    return words[:1].upper() + words[1:]


def label_expr(names) -> str:
    """A Vega ``labelExpr`` that shows coded values (e.g. event types) as their labels."""
    mapping = {n: label(n) for n in sorted(set(names), key=str)}
    return f"({json.dumps(mapping, ensure_ascii=False)})[datum.label] || datum.label"


def tooltips(*fields) -> list:
    """Tooltip channels titled with display names: ``tooltips("outlet", alt.Tooltip("z:Q", format=".2f"))``."""
    out = []
    for field in fields:
        if isinstance(field, alt.Tooltip):
            if field.to_dict().get("title") is None:
                field = field.copy()
                field.title = label(field.to_dict()["field"])
            out.append(field)
        else:
            out.append(alt.Tooltip(field, title=label(field.split(":")[0])))
    return out


def source_line(corpus_label: str, n_articles: int, notebook: str | Path) -> str:
    """``Source: <corpus>, n articles; analysis: <notebook>`` for a figure's footer."""
    noun = "article" if n_articles == 1 else "articles"
    return f"Source: {corpus_label}, {n_articles:,} {noun}; analysis: {Path(notebook).name}"


# ---------------------------------------------------------------- saving

@dataclass(frozen=True)
class FigureText:
    """What a figure says of itself, drawn in and stored as metadata."""

    title: str
    description: str
    source: str
    alt: str
    key: str = ""  # how to read the marks: the chart's own title and subtitle, when save replaced them

    def footer(self, name: str) -> list[str]:
        """The footer's paragraphs: the source line, then where the data is."""
        return [p for p in (self.source, f"Data behind this figure: {name}.csv") if p]


def house_width_px(size: str) -> int:
    if size not in SIZES:
        raise ValueError(f"size must be one of {', '.join(SIZES)}, not {size!r}")
    return round(SIZES[size] * PX_PER_IN)


def _own_title(chart) -> tuple[str, str]:
    """The title and subtitle a chart sets itself (used when ``save`` is not given them)."""
    spec_title = getattr(chart, "title", alt.Undefined)
    if spec_title is alt.Undefined and isinstance(chart, alt.TopLevelMixin):
        spec_title = chart.to_dict().get("title", "")
    if isinstance(spec_title, alt.TitleParams):
        spec_title = spec_title.to_dict()
    if isinstance(spec_title, dict):
        text, subtitle = spec_title.get("text", ""), spec_title.get("subtitle", "")
    else:
        text, subtitle = spec_title, ""
    join = lambda v: " ".join(v) if isinstance(v, list) else ("" if v is alt.Undefined else str(v or ""))  # noqa: E731
    return join(text), join(subtitle)


def figure_text(chart, name, title, description, source, alt_text) -> FigureText:
    own_title, own_subtitle = _own_title(chart)
    # the chart's own words say how to read it: kept as its key when the saved ones replace them
    key = [own_title if title and own_title and own_title != title and own_subtitle else "",
           own_subtitle if description is not None and own_subtitle and own_subtitle != description else ""]
    if title and own_title and own_title != title and not own_subtitle:
        key[0] = own_title
    key_text = " ".join(f"{part.rstrip('.')}." for part in key if part)
    title = title or own_title or name
    description = description if description is not None else own_subtitle
    if alt_text is None:
        alt_text = " ".join(f"{part.rstrip('.')}." for part in (title, description, key_text) if part)
    return FigureText(title=title, description=description, source=source or "", alt=alt_text, key=key_text)


def _merged(base: dict, override: dict) -> dict:
    out = dict(base)
    for key, value in override.items():
        out[key] = _merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def render_svg(spec: dict) -> str:
    """The Vega SVG of a Vega-Lite spec, drawn by vl-convert offline."""
    import vl_convert as vlc
    from altair.utils._importers import vl_version_for_vl_convert

    export.font_dir()
    return vlc.vegalite_to_svg(spec, vl_version=vl_version_for_vl_convert())


def framed_spec(chart, name: str, text: FigureText, size: str) -> dict:
    """The Vega-Lite spec ``save`` draws: the chart fitted to its house width, title, description and footer."""
    spec = chart.to_dict()
    spec["config"] = _merged(theme()["config"], spec.get("config", {}))
    try:
        return layout.framed(spec, title=text.title, description=text.description, key=text.key,
                             footer=text.footer(name),
                             alt=text.alt, width_px=house_width_px(size), measure=layout.measure_svg(render_svg),
                             footer_style=FOOTER_STYLE)
    except layout.FitError as err:
        raise ValueError(f"save({name!r}): the chart does not fit size={size!r}: {err}; "
                         "use size='full', shorten its labels or move its legend below") from None


def finished(chart, name: str, *, title: str, description: str, source: str, size: str = "full",
             alt: str | None = None) -> VConcatChart:
    """The chart as ``save`` draws it (fitted, titled, with its footer), to display in a notebook."""
    text = figure_text(chart, name, title, description, source, alt)
    return VConcatChart.from_dict(framed_spec(chart, name, text, size), validate=False)


def _text_px(svg: str) -> list[float]:
    return [float(s) for a, _ in export.TEXT_ELEMENT.findall(svg) for s in export.FONT_SIZE.findall(a)]


def print_scale(name: str, svg: str, size: str) -> float:
    """Points per Vega pixel for this figure (the rule in the module docstring); a ValueError if none fits.

    0.75 (96 px to the inch) when the figure is at most its house width; less, to shrink it
    to the house width, when it is wider; but never so little that text falls under 7 pt:
    then the figure stays wider than its house width, by at most ``OVERRUN_IN``.
    """
    width_px, _ = export.svg_size(svg)
    house_pt = SIZES[size] * 72
    scale = min(export.PT_PER_PX, house_pt / width_px)
    sizes = _text_px(svg)
    if sizes and min(sizes) * scale < MIN_TEXT_PT:
        scale = MIN_TEXT_PT / min(sizes)
        if width_px * scale > house_pt + OVERRUN_IN * 72 + 1e-6:
            raise ValueError(
                f"save({name!r}): it is {width_px:.0f} px wide and its smallest text {min(sizes):g} px; shrunk to the "
                f"{size} width ({house_width_px(size)} px = {SIZES[size]:g} in) that text would print under "
                f"{MIN_TEXT_PT:g} pt, and kept at {MIN_TEXT_PT:g} pt the figure would be {width_px * scale / 72:.2f} in "
                f"wide (at most {SIZES[size] + OVERRUN_IN:g} in); make it narrower, enlarge its text or use size='full'")
    return scale


def _save_altair(chart, name: str, text: FigureText, size: str, out: Path) -> tuple[list[Path], dict]:
    spec = framed_spec(chart, name, text, size)
    svg = render_svg(spec)
    width_px, height_px = export.svg_size(svg)
    pt_per_px = print_scale(name, svg, size)
    smallest = round(min(_text_px(svg)) * pt_per_px, 2) if _text_px(svg) else None
    for_rendering = export.sized_for_rendering(svg, pt_per_px)
    paths = {ext: out / f"{name}.{ext}" for ext in ("pdf", "png", "svg", "html")}
    paths["pdf"].write_bytes(export.pdf_bytes(for_rendering, title=text.title, subject=text.description))
    paths["png"].write_bytes(export.png_bytes(for_rendering))
    paths["svg"].write_text(export.svg_document(svg, pt_per_px=pt_per_px, name=name, title=text.title,
                                                description=text.description, alt=text.alt), encoding="utf-8")
    paths["html"].write_text(chart_page(spec, text.title, alt=text.alt, data_file=f"{name}.csv"), encoding="utf-8")
    facts = {"width_in": width_px * pt_per_px / 72, "height_in": height_px * pt_per_px / 72, "smallest_text_pt": smallest}
    return list(paths.values()), facts


def _save_matplotlib(figure, name: str, text: FigureText, size: str, out: Path) -> tuple[list[Path], dict]:
    from matplotlib.text import Text

    fig = getattr(figure, "figure", figure)
    for previous in [t for t in fig.texts if t.get_gid() == FRAME_GID]:
        previous.remove()  # saved before: draw the frame afresh
    width_in = SIZES[size]
    w, h = fig.get_size_inches()
    fig.set_size_inches(width_in, h * width_in / w)
    text_px = width_in * 72 - 12  # matplotlib's sizes are in pt
    heading = export.wrap(text.title, text_px, 10.5, bold=True)
    lines = [line for part in (text.description, text.key) if part for line in export.wrap(part, text_px, 9)]
    fig.suptitle("\n".join([*heading, *lines]), x=0.01, ha="left", fontsize=9)
    footer = [line for part in text.footer(name) for line in export.wrap(part, text_px, 8.25)]
    footer_in = (len(footer) * 8.25 * 1.3 + 6) / 72
    fig.text(0.01, 0.01, "\n".join(footer), ha="left", va="bottom", fontsize=8.25, color=MUTED, gid=FRAME_GID)
    height = fig.get_size_inches()[1]
    fig.set_layout_engine("constrained", rect=(0, footer_in / height, 1, 1 - footer_in / height))
    paths = {ext: out / f"{name}.{ext}" for ext in ("pdf", "png", "svg")}
    fig.savefig(paths["pdf"], metadata={"Title": text.title, "Subject": text.description, "Creator": "analysis.figures.save",
                                        "Producer": None, "CreationDate": None, "ModDate": None})
    fig.savefig(paths["png"], dpi=PNG_PPI, metadata={"Software": None})
    fig.savefig(paths["svg"], metadata={"Date": None, "Creator": None})
    svg = paths["svg"].read_text(encoding="utf-8")
    paths["svg"].write_text(export.described_svg(svg, name=name, title=text.title, description=text.description,
                                                 alt=text.alt), encoding="utf-8")
    sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_text().strip() and t.get_visible()]
    w, h = fig.get_size_inches()
    return list(paths.values()), {"width_in": w, "height_in": h, "smallest_text_pt": round(min(sizes), 2)}


def save(chart, name: str, *, title: str | None = None, description: str | None = None, source: str | None = None,
         size: str = "full", data: pd.DataFrame | None = None, figures_dir: str | Path | None = None,
         alt: str | None = None) -> list[Path]:
    """Write ``name`` as PDF, PNG, SVG, HTML (altair), CSV and JSON; return the paths written.

    ``title``: a human title. ``description``: one sentence, the finding or what the chart
    shows (drawn as the subtitle). ``source``: the source line (``source_line()``).
    ``size``: "column" (3.5 in) or "full" (7 in). ``data``: the tidy table the chart plots
    (altair charts built on one DataFrame supply their own). ``alt``: alt text; by default
    the title and description. A chart saved without ``title`` keeps its own title, and
    without ``description`` its own subtitle.
    """
    house_width_px(size)
    out = Path(figures_dir) if figures_dir is not None else FIGURES_DIR
    out.mkdir(parents=True, exist_ok=True)
    if data is None and isinstance(chart, TopLevelMixin) and isinstance(chart.data, pd.DataFrame):
        data = chart.data
    if data is None:
        raise ValueError(f"save({name!r}): pass data=, the table this chart plots, so it is saved beside the figure")
    text = figure_text(chart, name, title, description, source, alt)
    if isinstance(chart, TopLevelMixin):
        paths, facts = _save_altair(chart, name, text, size, out)
    else:
        paths, facts = _save_matplotlib(chart, name, text, size, out)
    csv_path, json_path = out / f"{name}.csv", out / f"{name}.json"
    write_csv(data, csv_path)
    paths.append(csv_path)
    png = export.png_info(out / f"{name}.png")
    record = {"name": name, **asdict(text), "size": size, "width_in": round(facts["width_in"], 3),
              "height_in": round(facts["height_in"], 3), "png_px": [png["width"], png["height"]],
              "smallest_text_pt": facts["smallest_text_pt"], "files": [p.name for p in [*paths, json_path]]}
    json_path.write_text(json.dumps(record, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    paths.append(json_path)
    return paths


def read_record(path: Path) -> dict:
    """The JSON record ``save`` wrote beside a figure."""
    return json.loads(path.read_text(encoding="utf-8"))
