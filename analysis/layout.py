"""Frame a Vega-Lite chart for print: title, description and source drawn in, width fitted.

``framed(spec, ...)`` takes a chart's Vega-Lite dict and returns a new one:

* the chart inside two one-view ``vconcat`` wrappers: the inner one's title is the
  figure's title (bold) with the description as subtitle, the outer one's bottom title is
  the footer (source line and the name of the CSV). Both are anchored to the left edge of
  everything drawn (``frame: bounds``) and wrapped to the house width with DejaVu Sans's
  own metrics. (On the chart itself a title wider than the plot would push the legend out.)
* the widths of its views scaled by one factor so that the whole figure, axes and
  legends included, is as wide as the house width. Every view keeps its share of the
  width; a view sized by ``{"step": n}`` is left alone. Width is nearly linear in the
  factor, so two drawings (vl-convert) give a first guess and up to three more refine it;
* the keys only a top-level spec may hold (``$schema``, ``config``, ``datasets``, top-level
  ``params`` ...) moved to the new top level, and ``description`` (the alt text) set.

Known limits: a chart whose views are all sized by step, or whose width does not depend
on its views' widths (a legend placed beside a long title inside the chart), is not
fitted: it keeps its own width, and ``analysis.figures`` shrinks it when printed if it is
wider than the house width. Heights are kept as the chart sets them.
"""
from __future__ import annotations

import copy

from .export import svg_size, wrap

TOP_LEVEL_ONLY = ("$schema", "config", "datasets", "autosize", "background", "padding", "usermeta", "params")
COMPOSITIONS = ("vconcat", "hconcat", "concat")
PADDING = 5
DEFAULT_WIDTH = 300
MIN_VIEW_PX = 40
LEGEND_CHANNELS = ("color", "fill", "stroke", "opacity", "fillOpacity", "strokeOpacity", "shape", "size",
                   "strokeDash", "strokeWidth", "angle")
# a wrapper keeps the legends with the chart: shared, they move to the top and sit beside the titles
OWN_LEGENDS = {"legend": {channel: "independent" for channel in LEGEND_CHANNELS}}


class FitError(ValueError):
    """The chart cannot be drawn at the house width (its labels leave no room for the plot)."""


def _views(node: dict):
    """Every node whose ``width`` sizes a view: units, layers, and the inner spec of facets and repeats."""
    for key in COMPOSITIONS:
        if key in node:
            for child in node[key]:
                yield from _views(child)
            return
    if "spec" in node and ("facet" in node or "repeat" in node):
        yield from _views(node["spec"])
        return
    if "layer" in node or "mark" in node:
        yield node


def _base_width(view: dict, default: float) -> float | None:
    """The view's width before fitting; None when it is sized by step or by its container."""
    width = view.get("width")
    if width is None and "layer" in view:
        numeric = [layer["width"] for layer in view["layer"] if isinstance(layer.get("width"), (int, float))]
        width = max(numeric) if numeric else None
    if width is None:
        return default
    return float(width) if isinstance(width, (int, float)) else None


def scaled(spec: dict, factor: float, default: float = DEFAULT_WIDTH) -> dict:
    """A copy of ``spec`` with every view's width multiplied by ``factor`` (whole pixels)."""
    spec = copy.deepcopy(spec)
    for view in _views(spec):
        base = _base_width(view, default)
        if base is None:
            continue
        view["width"] = max(1.0, round(base * factor, 2))
        for layer in view.get("layer", []):
            if isinstance(layer.get("width"), (int, float)):
                del layer["width"]
    return spec


def smallest_view(spec: dict, factor: float, default: float = DEFAULT_WIDTH) -> float | None:
    widths = [b * factor for v in _views(spec) if (b := _base_width(v, default)) is not None]
    return min(widths) if widths else None


def split_top_level(spec: dict) -> tuple[dict, dict]:
    """(the keys a top-level spec alone may hold, the chart without them and without its title)."""
    spec = copy.deepcopy(spec)
    top = {key: spec.pop(key) for key in TOP_LEVEL_ONLY if key in spec}
    for key in ("title", "description"):
        spec.pop(key, None)
    return top, spec


def fit_factor(chart: dict, top: dict, width_px: float, measure, default: float = DEFAULT_WIDTH) -> float:
    """The factor for the views' widths that makes ``chart`` (framed by nothing) ``width_px`` wide.

    Width is nearly linear in the factor (axis labels that overhang the plot move a little as
    ticks change), so a straight line through two drawings gives the first guess and up to
    three secant steps correct it (Vega rounds some positions, so a width can be out of reach).
    """
    def width_at(factor):
        return measure({**top, "vconcat": [scaled(chart, factor, default)], "resolve": OWN_LEGENDS})

    first, second = width_at(1.0), width_at(1.5)
    slope = (second - first) / 0.5
    if slope <= 0:
        return 1.0
    tried = {1.0: first, 1.5: second}
    factor = 1.0 + (width_px - first) / slope
    for _ in range(3):
        narrowest = smallest_view(chart, factor, default)
        if narrowest is None or narrowest < MIN_VIEW_PX:
            raise FitError(f"at {width_px:.0f} px its plots would be {narrowest or 0:.0f} px wide (axes, labels "
                           f"and legends take {first - slope:.0f} px)")
        tried[factor] = width_at(factor)
        if width_px - 0.5 <= tried[factor] <= width_px * 1.02:
            break  # close enough: printed at most 2 % smaller, to exactly the house width
        factor += (width_px - tried[factor]) / slope
    # a drawing a little too wide is printed shrunk by under 2 % to exactly the house width;
    # one too narrow would stay narrower than the others
    over = [f for f, w in tried.items() if width_px <= w <= width_px * 1.02]
    if over:
        return min(over, key=tried.get)
    under = [f for f, w in tried.items() if w < width_px]
    return max(under, key=tried.get) if under else min(tried, key=tried.get)


def framed(spec: dict, *, title: str, description: str, footer: list[str], alt: str, width_px: float,
           measure, footer_style: dict, fit: bool = True, key: str = "") -> dict:
    """The chart framed and fitted (see the module docstring)."""
    top, chart = split_top_level(spec)
    config = top.get("config", {})
    default = config.get("view", {}).get("continuousWidth", DEFAULT_WIDTH)
    factor = fit_factor(chart, top, width_px, measure, default) if fit else 1.0
    chart = scaled(chart, factor, default) if factor != 1.0 else chart
    title_cfg = config.get("title", {})
    text_px = width_px - 2 * PADDING - 2
    # titles sit on wrappers, not on the chart: a legend is placed beside its view's title
    titled = {"vconcat": [chart], "resolve": OWN_LEGENDS, "title": {
        "text": wrap(title, text_px, title_cfg.get("fontSize", 13), bold=True),
        # the description (the finding), then the key (how to read the marks), each on its own lines
        "subtitle": [line for part in (description, key) if part
                     for line in wrap(part, text_px, title_cfg.get("subtitleFontSize", 12))] or "",
        "anchor": "start", "frame": "bounds",
    }}
    return {
        **top,
        "vconcat": [titled],
        "resolve": OWN_LEGENDS,
        "title": {"text": [line for part in footer for line in wrap(part, text_px, footer_style["fontSize"])],
                  "orient": "bottom",
                  "anchor": "start", "frame": "bounds", **footer_style},
        "description": alt,
    }


def measure_svg(render):
    """A ``measure`` function from an SVG renderer: the width of the drawn spec in Vega pixels."""
    return lambda spec: svg_size(render(spec))[0]
