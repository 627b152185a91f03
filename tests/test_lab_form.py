"""Notebooks in JupyterLab's stored form: a PNG beside each chart, the installed kernelspec, JavaScript's numbers."""
import base64
import io
import json

import altair as alt
import nbformat
import pandas as pd
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from PIL import Image

from analysis import lab_form
from analysis.report import VEGALITE_MIME


def chart_notebook(spec: dict) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    cell = nbformat.v4.new_code_cell("chart")
    cell.outputs = [nbformat.v4.new_output("execute_result", {VEGALITE_MIME: spec, "text/plain": "alt.Chart(...)"},
                                           execution_count=1)]
    nb.cells.append(cell)
    return nb


def bar_spec() -> dict:
    data = pd.DataFrame({"outlet": ["A", "B"], "toll": [93000.0, 120000.5]})
    return alt.Chart(data).mark_bar().encode(x="toll", y="outlet").properties(width=200, height=60).to_dict()


@pytest.mark.parametrize("value, stored", [
    (93000.0, 93000), (-0.0, 0), (0.5, 0.5), (1e-07, 1e-07), (1e16, 10**16),
    (1.2345678901234568e+20, 123456789012345680000), (1e21, 1e21), (2**53 + 1, 2**53), (7, 7),
])
def test_numbers_are_stored_as_javascript_writes_them(value, stored):
    result = lab_form.javascript_number(value)
    assert result == stored and type(result) is type(stored)
    assert lab_form.javascript_number(result) == result


def test_booleans_and_strings_are_not_numbers():
    node = {"a": [True, "93000.0", None, 2.0], "b": {"c": False}}
    assert lab_form.javascript_numbers(node) == {"a": [True, "93000.0", None, 2], "b": {"c": False}}
    assert json.dumps(node) == '{"a": [true, "93000.0", null, 2], "b": {"c": false}}'


def test_each_chart_gets_a_png_of_itself_the_same_every_time():
    spec = bar_spec()
    first, second = chart_notebook(spec), chart_notebook(spec)
    lab_form.add_chart_pngs(first)
    lab_form.add_chart_pngs(second)
    data = first.cells[0].outputs[0].data
    assert data["image/png"] == second.cells[0].outputs[0].data["image/png"]
    image = Image.open(io.BytesIO(base64.b64decode(data["image/png"])))
    assert image.format == "PNG"
    # the chart's own size (200 x 60 plot area plus axes), not a print resolution
    assert 200 < image.width < 400 and 60 < image.height < 150
    # something is drawn: more than one colour
    assert len(image.convert("RGB").getcolors(maxcolors=100000)) > 1


def test_an_existing_png_is_kept():
    nb = chart_notebook(bar_spec())
    nb.cells[0].outputs[0].data["image/png"] = "kept"
    lab_form.add_chart_pngs(nb)
    assert nb.cells[0].outputs[0].data["image/png"] == "kept"


def test_kernelspec_is_the_installed_one():
    nb = chart_notebook(bar_spec())
    lab_form.set_kernelspec(nb, "python3")
    installed = KernelSpecManager().get_kernel_spec("python3")
    assert nb.metadata.kernelspec == {"name": "python3", "display_name": installed.display_name,
                                      "language": "python"}


def test_the_stored_form_has_all_three():
    nb = chart_notebook(bar_spec())
    lab_form.store_as_jupyterlab(nb, "python3")
    text = nbformat.writes(nb)
    assert '"toll": 93000\n' in text and '"toll": 120000.5\n' in text and "93000.0" not in text
    assert '"image/png": "iVBOR' in text and "(ipykernel)" in nb.metadata.kernelspec.display_name
