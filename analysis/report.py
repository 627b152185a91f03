"""Readable, self-contained HTML: chart pages, notebook reports and the figures index.

Rules:

* Vega, Vega-Lite and vega-embed are inlined from vl-convert's bundle, once per page; no
  page loads anything from the network. Charts render as SVG and stay interactive
  (tooltips, selections).
* Article text reaches a page only escaped: tables through pandas' HTML (escaped), plain
  text through nbconvert (escaped), and chart specs as JSON in which ``<``, ``>`` and ``&``
  are written as ``\\u003c`` escapes, so a ``</script>`` inside an article cannot end
  the script that holds the spec. Tooltips are sanitised by vega-tooltip.
* A report hides the code and keeps the markdown, tables and charts, and ends with the
  versions of the packages that produced it.
* Everything written is deterministic: element ids come from cell positions.
"""
from __future__ import annotations

import html
import json
import platform
import re
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import nbformat

VEGALITE_MIME = "application/vnd.vegalite.v5+json"
EMBED_OPTIONS = {"renderer": "svg", "actions": {"export": True, "source": False, "compiled": False, "editor": False}}
VERSIONED_PACKAGES = ["pandas", "altair", "vl-convert-python", "textstat", "matplotlib", "nbconvert", "nbclient", "nbval"]
STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 980px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.5; }
table { border-collapse: collapse; font-size: 0.85em; margin: 1em 0; }
th, td { border: 1px solid #ddd; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
pre { background: #f8f8f8; padding: 0.5em; overflow-x: auto; font-size: 0.85em; white-space: pre-wrap; }
.chart { margin: 1em 0; overflow-x: auto; }
figure.figure { margin: 0; }
.data-link { font-size: 0.85em; color: #555; }
.versions { font-size: 0.8em; color: #555; border-top: 1px solid #ddd; margin-top: 3em; }
.jp-InputPrompt, .jp-OutputPrompt { display: none; }
"""


@lru_cache(maxsize=1)
def vega_bundle() -> str:
    """vega-embed with Vega and Vega-Lite, as one script (from vl-convert, offline)."""
    import vl_convert as vlc
    from altair.utils._importers import vl_version_for_vl_convert

    return vlc.javascript_bundle(vl_version=vl_version_for_vl_convert())


def safe_json(value) -> str:
    """JSON that can sit inside a <script> element whatever strings it holds."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def chart_snippet(spec: dict, element_id: str) -> str:
    """A div and the script that draws ``spec`` into it (needs the bundle on the page)."""
    return (
        f'<div class="chart" id="{element_id}"></div>\n'
        f'<script type="text/javascript">vegaEmbed("#{element_id}", {safe_json(spec)}, '
        f"{safe_json(EMBED_OPTIONS)}).catch(console.error);</script>"
    )


def page(title: str, body: str) -> str:
    """A whole HTML page with the inlined bundle and the house CSS."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n"
        f'<script type="text/javascript">{vega_bundle()}</script>\n</head>\n<body>\n{body}\n</body>\n</html>\n'
    )


def chart_snippet_described(spec: dict, element_id: str, alt: str) -> str:
    """``chart_snippet`` whose container is an image to assistive technology, labelled with ``alt``."""
    snippet = chart_snippet(spec, element_id)
    opening = f'<div class="chart" id="{element_id}">'
    return snippet.replace(opening, f'<div class="chart" id="{element_id}" role="img" aria-label="{html.escape(alt)}">', 1)


def chart_page(spec: dict, title: str, *, alt: str | None = None, data_file: str | None = None) -> str:
    """A self-contained page showing one chart: its title as the page's, the alt text, a link to its data."""
    chart = chart_snippet_described(spec, "chart", alt) if alt else chart_snippet(spec, "chart")
    if data_file:
        link = html.escape(data_file)
        caption = f'<figcaption class="data-link">Data behind this figure: <a href="{link}">{link}</a></figcaption>'
        chart = f'<figure class="figure">\n{chart}\n{caption}\n</figure>'
    return page(title, chart)


def versions_html() -> str:
    """The versions of Python and the main packages, as a small HTML table."""
    rows = [("python", platform.python_version())]
    for name in VERSIONED_PACKAGES:
        try:
            rows.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            continue
    cells = "".join(f"<tr><td>{html.escape(n)}</td><td>{html.escape(v)}</td></tr>" for n, v in rows)
    return f'<div class="versions"><p>Produced with:</p><table>{cells}</table></div>'


def notebook_html(nb_path: Path) -> str:
    """An executed notebook as a self-contained report page (code hidden)."""
    from nbconvert import HTMLExporter

    nb = nbformat.read(nb_path, as_version=4)
    for ci, cell in enumerate(nb.cells):
        for oi, output in enumerate(cell.get("outputs", [])):
            data = output.get("data", {})
            if VEGALITE_MIME in data:
                output["data"] = {"text/html": chart_snippet(data[VEGALITE_MIME], f"chart-{ci}-{oi}")}
    exporter = HTMLExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb)
    title = next((c.source.splitlines()[0].lstrip("# ") for c in nb.cells if c.cell_type == "markdown"), nb_path.stem)
    return page(title, body + versions_html())


def write_reports(notebooks: list[Path], out: Path) -> list[Path]:
    """One ``<notebook stem>.html`` report per executed notebook."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for nb_path in notebooks:
        target = out / f"{nb_path.stem}.html"
        target.write_text(notebook_html(nb_path), encoding="utf-8")
        written.append(target)
    return written


FIGURE_NAME = re.compile(r"[\"'](?P<name>\d\d_[A-Za-z0-9_]+)[\"']")
FORMAT_NAMES = [("pdf", "PDF"), ("png", "PNG"), ("svg", "SVG"), ("html", "HTML"), ("csv", "CSV")]


def figure_names(nb_path: Path, figures_dir: Path) -> list[str]:
    """The figures a notebook made, in the order its code names them, then any others with its number."""
    nb = nbformat.read(nb_path, as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    named = [m["name"] for m in FIGURE_NAME.finditer(code)]
    prefix = nb_path.name[:3]
    found = [n for n in dict.fromkeys(named) if (figures_dir / f"{n}.json").exists()]
    rest = sorted(p.stem for p in figures_dir.glob(f"{prefix}*.json") if p.stem not in found)
    return found + rest


def figure_entries(nb_path: Path, figures_dir: Path) -> list[dict]:
    """For each figure a notebook saved: the record ``figures.save`` wrote beside it, and the notebook."""
    entries = []
    for name in figure_names(nb_path, figures_dir):
        record = json.loads((figures_dir / f"{name}.json").read_text(encoding="utf-8"))
        entries.append({**record, "notebook": nb_path.name})
    return entries


def _index_entry(e: dict) -> list[str]:
    files = " · ".join(f"[{label}]({e['name']}.{ext})" for ext, label in FORMAT_NAMES
                       if f"{e['name']}.{ext}" in e.get("files", []))
    size = "single column" if e["size"] == "column" else "full width"
    return [
        f"## `{e['name']}`: {e['title']}",
        "",
        e["description"] or "*(no description given)*",
        "",
        *([f"*How to read it:* {e['key']}", ""] if e.get("key") else []),
        f"- **Alt text:** {e['alt']}",
        f"- **Source:** {e['source'] or '*(none given)*'}",
        f"- **Size:** {size}, {e['width_in']:.2f} × {e['height_in']:.2f} in; PNG {e['png_px'][0]:,} × "
        f"{e['png_px'][1]:,} px at 300 ppi; smallest text {e['smallest_text_pt']:g} pt",
        f"- **Files:** {files}",
        f"- **Notebook:** `{e['notebook']}`",
        "",
    ]


def write_figures_index(notebooks: list[Path], figures_dir: Path) -> Path:
    """``figures/README.md``: every figure with its title, description, alt text, size and files."""
    lines = [
        "# Figures",
        "",
        "Generated by `python -m analysis build` (`make figures`) from the record `figures.save` writes",
        "beside each figure (`<name>.json`); do not edit by hand.",
        "",
        "Each figure comes as `.pdf` (vector, fonts embedded: for LaTeX and layout programs), `.png`",
        "(300 ppi), `.svg` (vector, font embedded, with `<title>` and `<desc>`), `.html` (interactive,",
        "self-contained, opens offline; tooltips show the evidence) and `.csv` (the data plotted, with the",
        "evidence behind each mark). Single-column figures are 3.5 in wide, full-width ones 7 in: place",
        "them at that width and no text is smaller than 7 pt. Title, description and source line are",
        "drawn in every image; the alt text is in the SVG, the HTML and below.",
        "",
    ]
    for nb_path in notebooks:
        for e in figure_entries(nb_path, figures_dir):
            lines.extend(_index_entry(e))
    figures_dir.mkdir(parents=True, exist_ok=True)
    path = figures_dir / "README.md"
    path.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")
    return path
