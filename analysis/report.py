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


def chart_page(spec: dict, title: str) -> str:
    """A self-contained page showing one chart."""
    return page(title, chart_snippet(spec, "chart"))


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


SAVE_CALL = re.compile(r"figures\.save\(\s*\w+\s*,\s*[\"'](?P<name>[^\"']+)[\"']")


def figure_entries(nb_path: Path) -> list[dict]:
    """For each figure a notebook saves: its name, title, caption (the heading above it), notebook."""
    nb = nbformat.read(nb_path, as_version=4)
    entries, heading = [], ""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            found = [line.lstrip("#").strip() for line in cell.source.splitlines() if line.startswith("#")]
            heading = found[-1] if found else heading
            continue
        for match in SAVE_CALL.finditer(cell.source):
            spec = next((o["data"][VEGALITE_MIME] for o in cell.get("outputs", []) if VEGALITE_MIME in o.get("data", {})), {})
            title = spec.get("title", "")
            title = title.get("text", "") if isinstance(title, dict) else title
            entries.append({"name": match["name"], "title": title or match["name"], "caption": heading,
                            "notebook": nb_path.name})
    return entries


def write_figures_index(notebooks: list[Path], figures_dir: Path) -> Path:
    """``figures/README.md``: every figure with its title, caption and notebook."""
    lines = [
        "# Figures",
        "",
        "Generated by `python -m analysis build` (`make figures`); do not edit by hand.",
        "Each figure is saved as `.png` (300 ppi), `.svg`, `.html` (interactive, self-contained; altair charts)",
        "and `.csv` (the tidy data it plots). The caption is the finding stated above it in its notebook.",
        "",
        "| figure | title | caption | notebook |",
        "|---|---|---|---|",
    ]
    for nb_path in notebooks:
        for e in figure_entries(nb_path):
            cells = [f"`{e['name']}`", e["title"], e["caption"], f"`{e['notebook']}`"]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    figures_dir.mkdir(parents=True, exist_ok=True)
    path = figures_dir / "README.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
