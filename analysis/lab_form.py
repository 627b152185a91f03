"""Executed notebooks stored the way JupyterLab stores them, so opening one changes nothing.

JupyterLab 4.6 marks a notebook modified, and its autosave rewrites the file, when on opening

* a Vega-Lite output has no ``image/png``: its renderer draws the chart and then adds a PNG
  of it to the output. It leaves an existing PNG as it is, so ``add_chart_pngs`` adds one,
  drawn by vl-convert from the same spec at the same scale (1 CSS pixel per pixel), offline
  and with the same bytes on every run (re-compressed losslessly by Pillow);
* the kernelspec in the metadata is not the one of the kernel it starts: it writes that
  kernel's ``name``, ``display_name`` ("Python 3 (ipykernel)") and ``language``.
  ``set_kernelspec`` writes them from the same installed kernelspec.

And a save from JupyterLab sends every number through JavaScript, which has no integers: a
float with no fractional part (``93000.0``, as pandas gives altair) comes back as ``93000``.
``javascript_numbers`` writes every number as that round trip leaves it, so a save writes
the same bytes.

Known limits: only ``application/vnd.vegalite.v5+json`` gets a PNG (what altair 5.5's
``mimetype`` renderer emits; older Vega-Lite and plain Vega outputs would still be changed);
NaN, infinities and integers too large for a float are left as they are (JSON has no
such numbers; altair writes null).
"""
from __future__ import annotations

import base64
import io
import math
from decimal import Decimal

from jupyter_client.kernelspec import KernelSpecManager

from .report import VEGALITE_MIME

PNG_MIME = "image/png"
# JavaScript writes integral numbers below 1e21 without exponent or decimal point, and
# holds integers exactly only up to 2**53
FIXED_NOTATION_LIMIT = 1e21
EXACT_INTEGER_LIMIT = 2**53


def store_as_jupyterlab(nb, kernel_name: str) -> None:
    """Give an executed notebook, in place, the form JupyterLab would save it in."""
    add_chart_pngs(nb)
    set_kernelspec(nb, kernel_name)
    javascript_numbers(nb)


def add_chart_pngs(nb) -> None:
    """Add a PNG of the chart to each Vega-Lite output that has none."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if VEGALITE_MIME in data and PNG_MIME not in data:
                data[PNG_MIME] = chart_png(data[VEGALITE_MIME])


def chart_png(spec: dict) -> str:
    """A Vega-Lite spec drawn as PNG, base64-encoded as notebooks hold images."""
    import vl_convert as vlc
    from altair.utils._importers import vl_version_for_vl_convert
    from PIL import Image

    drawn = vlc.vegalite_to_png(spec, vl_version=vl_version_for_vl_convert(), scale=1)
    # the same pixels, compressed harder: vl-convert's PNGs are three to four times larger
    png = io.BytesIO()
    Image.open(io.BytesIO(drawn)).save(png, format="PNG", optimize=True)
    return base64.b64encode(png.getvalue()).decode("ascii")


def set_kernelspec(nb, kernel_name: str) -> None:
    """Write the installed kernel's name, display name and language into the metadata."""
    spec = KernelSpecManager().get_kernel_spec(kernel_name)
    nb.metadata["kernelspec"] = {"display_name": spec.display_name, "language": spec.language,
                                 "name": kernel_name}


def javascript_numbers(node):
    """Turn, in place, every number into what JSON through JavaScript and back gives."""
    if isinstance(node, dict):
        for key, value in node.items():
            node[key] = javascript_numbers(value)
    elif isinstance(node, list):
        node[:] = [javascript_numbers(value) for value in node]
    elif isinstance(node, (int, float)) and not isinstance(node, bool):
        return javascript_number(node)
    return node


def javascript_number(value: int | float) -> int | float:
    """``json.loads(JSON.stringify(JSON.parse(json.dumps(value))))``, without a browser."""
    if isinstance(value, int):
        if abs(value) <= EXACT_INTEGER_LIMIT:
            return value
        try:
            value = float(value)
        except OverflowError:
            return value
    if math.isfinite(value) and value.is_integer() and abs(value) < FIXED_NOTATION_LIMIT:
        # JavaScript prints the shortest digits that round-trip, then zeros: repr's digits
        return int(Decimal(repr(value)))
    return value
