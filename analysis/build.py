"""Execute every notebook in order, each in a fresh kernel, then export what they made.

For the project's own corpus (``make figures``) the notebooks are executed in place,
figures go to ``figures/`` (with a generated ``figures/README.md``), one HTML report per
notebook to ``reports/`` and the tidy tables, as CSV and Parquet, to ``reports/tables/``.
For another corpus (``--corpus DIR --out OUT``) the parameters are injected after the
cell tagged ``parameters`` (as papermill does) and everything goes under ``OUT``
(``notebooks/``, ``figures/``, ``reports/``, ``tables/``); the committed files are not
touched.

A notebook is written only when every cell ran, through a temporary file, so a failure
midway leaves the committed notebook as it was. No timing is recorded in the notebook,
so executing twice writes the same bytes. It is written as JupyterLab would save it (a PNG
beside each chart, the installed kernel's name, numbers as JavaScript writes them; see
``analysis.lab_form``), so opening it in JupyterLab does not modify it.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from tqdm import tqdm

from .errors import CorpusError
from .lab_form import store_as_jupyterlab
from .paths import FIGURES_DIR, NOTEBOOKS_DIR, REPORTS_DIR

CELL_TIMEOUT = 600
KERNEL = "python3"


def notebook_paths(notebooks_dir: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The ``NN_topic.ipynb`` notebooks, in order."""
    return sorted(p for p in notebooks_dir.glob("[0-9][0-9]_*.ipynb"))


def inject_parameters(nb: nbformat.NotebookNode, parameters: dict) -> None:
    """Insert an ``injected-parameters`` cell after the cell tagged ``parameters``."""
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])]
    if not tagged:
        raise CorpusError("the notebook has no cell tagged 'parameters'; tag one so it can run on another corpus")
    source = "\n".join(f"{name} = {value!r}" for name, value in parameters.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    cell.id = "injected-parameters"
    nb.cells.insert(tagged[0] + 1, cell)


def execute(path: Path, target: Path, parameters: dict | None = None) -> str | None:
    """Execute one notebook into ``target``; return None, or a one-line account of the failure."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        # timings from an editor's run would differ on every run
        cell.metadata.pop("execution", None)
    if parameters:
        inject_parameters(nb, parameters)
    code_cells = sum(1 for c in nb.cells if c.cell_type == "code")
    started = time.monotonic()
    with tqdm(total=code_cells, desc=path.name, unit="cell", file=sys.stderr,
              bar_format="{desc:<28} {bar:20} {n_fmt}/{total_fmt} cells [{elapsed}]") as bar:
        client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name=KERNEL, record_timing=False,
                                resources={"metadata": {"path": str(path.parent)}})
        client.on_cell_executed = lambda **_: bar.update()
        try:
            client.execute()
        except CellExecutionError as err:
            index = next((i for i, c in enumerate(nb.cells) for o in c.get("outputs", []) if o.get("output_type") == "error"), None)
            summary = str(err).strip().splitlines()[-1] if str(err).strip() else type(err).__name__
            return f"{path.name}: cell {index} failed: {summary}"
        except (RuntimeError, TimeoutError, OSError) as err:
            # the kernel did not start or died: no cell is to blame
            return f"{path.name}: the kernel failed: {type(err).__name__}: {err}"
    store_as_jupyterlab(nb, KERNEL)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".ipynb.tmp")
    nbformat.write(nb, tmp)
    tmp.replace(target)
    print(f"{path.name}: ok in {time.monotonic() - started:.0f}s", file=sys.stderr)
    return None


def build(*, corpus_dir: Path | None = None, out: Path | None = None) -> int:
    """Execute every notebook, then write the figures index, reports and tables.

    Returns the exit status: 0 when every notebook ran, 1 otherwise (the others still run).
    """
    from .report import write_figures_index, write_reports
    from .tables import write_tables

    if corpus_dir is not None and out is None:
        raise CorpusError(f"{corpus_dir}: --corpus needs --out, so the committed notebooks stay as they are")
    parameters = None
    if out is None:
        notebooks_out, figures_dir, reports_dir = NOTEBOOKS_DIR, FIGURES_DIR, REPORTS_DIR
        tables_dir = REPORTS_DIR / "tables"
    else:
        out = out.resolve()
        notebooks_out, figures_dir, reports_dir = out / "notebooks", out / "figures", out / "reports"
        tables_dir = out / "tables"
        corpus = corpus_dir.resolve() if corpus_dir is not None else None
        parameters = {"corpus_dir": str(corpus) if corpus else None, "figures_dir": str(figures_dir)}
    # the tables come first: a corpus that cannot be read fails here, with its one-line error
    write_tables(corpus_dir, tables_dir)
    failures = []
    for path in notebook_paths():
        failure = execute(path, notebooks_out / path.name, parameters)
        if failure:
            failures.append(failure)
    executed = [notebooks_out / p.name for p in notebook_paths() if (notebooks_out / p.name).exists()]
    write_figures_index(executed, figures_dir)
    write_reports(executed, reports_dir)
    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)
    return 1 if failures else 0
