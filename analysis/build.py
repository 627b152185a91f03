"""Execute every notebook, each in a fresh kernel, then export what they made.

For the project's own corpus (``make figures``) the notebooks are executed in place,
figures go to ``figures/`` (with a generated ``figures/README.md``), one HTML report per
notebook to ``reports/`` and the tidy tables, as CSV and Parquet, to ``reports/tables/``.
For another corpus (``--corpus DIR --out OUT``) the parameters are injected after the
cell tagged ``parameters`` (as papermill does), every Markdown cell tagged
``interpretation`` (prose written about the seed corpus) gets a note saying so, and
everything goes under ``OUT`` (``notebooks/``, ``figures/``, ``reports/``, ``tables/``,
and ``build.json`` naming the corpus); the committed files are not touched. ``OUT`` is
built in a fresh folder beside it and then put in its place, so it never mixes two
builds, and an ``OUT`` that holds another corpus's build is refused.

A notebook is written only when every cell ran, through a temporary file, so a failure
midway leaves the committed notebook as it was. No timing is recorded in the notebook,
so executing twice writes the same bytes. It is written as JupyterLab would save it (a PNG
beside each chart, the installed kernel's name, numbers as JavaScript writes them; see
``analysis.lab_form``), so opening it in JupyterLab does not modify it.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from tqdm import tqdm

from .errors import CorpusError
from .lab_form import store_as_jupyterlab
from .paths import FIGURES_DIR, NOTEBOOKS_DIR, REPORTS_DIR, SEEDS_DIR

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


INTERPRETATION_NOTE = ("> **Written about the seed corpus.** This build ran on `{corpus}`: the paragraph below "
                       "interprets the five seed articles and may not hold here; the headings and tables are "
                       "computed from this corpus.\n\n")


def mark_interpretation(nb: nbformat.NotebookNode, corpus: str) -> None:
    """Put a note before every Markdown cell tagged ``interpretation``: its words were written
    about the seed corpus, not computed from the corpus being built."""
    for cell in nb.cells:
        if cell.cell_type == "markdown" and "interpretation" in cell.get("metadata", {}).get("tags", []):
            cell.source = INTERPRETATION_NOTE.format(corpus=corpus) + cell.source


def execute(path: Path, target: Path, parameters: dict | None = None, *, bar_position: int = 0) -> str | None:
    """Execute one notebook into ``target``; return None, or a one-line account of the failure."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        # timings from an editor's run would differ on every run
        cell.metadata.pop("execution", None)
    if parameters:
        inject_parameters(nb, parameters)
        if Path(parameters["corpus_dir"]).resolve() != SEEDS_DIR.resolve():
            mark_interpretation(nb, parameters["corpus_dir"])
    code_cells = sum(1 for c in nb.cells if c.cell_type == "code")
    started = time.monotonic()
    # the kernel talks over Unix sockets in a folder of its own (not TCP on localhost, which
    # ipykernel warns about on every start)
    with tqdm(total=code_cells, desc=path.name, unit="cell", file=sys.stderr, position=bar_position,
              bar_format="{desc:<28} {bar:20} {n_fmt}/{total_fmt} cells [{elapsed}]") as bar, \
            tempfile.TemporaryDirectory(prefix="analysis-kernel-") as sockets:
        km = KernelManager(kernel_name=KERNEL, transport="ipc", ip=str(Path(sockets) / "kernel"))
        # the kernel works in the folder the notebook is written to
        target.parent.mkdir(parents=True, exist_ok=True)
        client = NotebookClient(nb, km=km, timeout=CELL_TIMEOUT, kernel_name=KERNEL, record_timing=False,
                                resources={"metadata": {"path": str(target.parent)}})
        client.on_cell_executed = lambda **_: bar.update()
        try:
            client.execute()
        except CellExecutionError as err:
            return f"{path.name}: {_failed_cell(nb, err)}"
        except (RuntimeError, TimeoutError, OSError) as err:
            # the kernel did not start or died: no cell is to blame
            return f"{path.name}: the kernel failed: {type(err).__name__}: {_plain(str(err))}"
        finally:
            if km.has_kernel:
                km.shutdown_kernel(now=True)
    store_as_jupyterlab(nb, KERNEL)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".ipynb.tmp")
    nbformat.write(nb, tmp)
    tmp.replace(target)
    print(f"{path.name}: ok in {time.monotonic() - started:.0f}s", file=sys.stderr)
    return None


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _plain(text: str) -> str:
    """Text without terminal colour codes (tracebacks from the kernel carry them)."""
    return _ANSI.sub("", text)


def _failed_cell(nb: nbformat.NotebookNode, err: CellExecutionError) -> str:
    """Which cell failed, numbered as in the notebook file (an injected parameters cell not
    counted), with its first line, and the error's last line."""
    summary = _plain(str(err)).strip().splitlines()[-1] if str(err).strip() else type(err).__name__
    cells = [c for c in nb.cells if c.get("id") != "injected-parameters"]
    index = next((i for i, c in enumerate(cells) for o in c.get("outputs", []) if o.get("output_type") == "error"), None)
    if index is None:
        return f"a cell failed: {summary}"
    first = next(iter(cells[index].source.strip().splitlines()), "")
    return f"cell {index} ({first[:60]!r}) failed: {summary}"


MANIFEST = "build.json"


def build(*, corpus_dir: Path | None = None, out: Path | None = None) -> int:
    """Execute every notebook, then write the figures index, reports and tables.

    Without ``out`` the project's own corpus is built in place (``make figures``). With
    ``out`` the corpus (default: the seeds) is built into a fresh folder beside ``out``
    that replaces it only when the build is done, so ``out`` never mixes two builds; an
    ``out`` holding another corpus's build, or anything else, is refused.
    Returns the exit status: 0 when every notebook ran, 1 otherwise (the others still run).
    """
    if out is None:
        if corpus_dir is not None:
            raise CorpusError(f"{corpus_dir}: --corpus needs --out, so the committed notebooks stay as they are")
        return _build_into(None, NOTEBOOKS_DIR, FIGURES_DIR, REPORTS_DIR, REPORTS_DIR / "tables", None)
    corpus = (corpus_dir if corpus_dir is not None else SEEDS_DIR).resolve()
    out = out.resolve()
    _check_out(out, corpus)
    try:
        fresh = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    except OSError as err:
        raise CorpusError(f"{out.parent}: cannot write there ({err.strerror}); pass an --out in a folder you can write to") from None
    try:
        # the figures folder relative to the notebooks' (the kernel's working folder), so the
        # notebooks read the same wherever the build ends up
        parameters = {"corpus_dir": str(corpus), "figures_dir": "../figures"}
        status = _build_into(corpus, fresh / "notebooks", fresh / "figures", fresh / "reports", fresh / "tables",
                             parameters)
        (fresh / MANIFEST).write_text(json.dumps({"corpus": str(corpus)}, indent=1) + "\n", encoding="utf-8")
        _replace(out, fresh)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
    return status


def _check_out(out: Path, corpus: Path) -> None:
    """Refuse an ``out`` that is a file, or a folder holding anything but a build of ``corpus``."""
    if out.exists() and not out.is_dir():
        raise CorpusError(f"{out}: is a file, not a folder; pass a folder for --out")
    if not out.exists() or not any(out.iterdir()):
        return
    manifest = out / MANIFEST
    if not manifest.is_file():
        raise CorpusError(f"{out}: the folder is not empty and holds no build of this tool; pass a new --out")
    built = json.loads(manifest.read_text(encoding="utf-8")).get("corpus")
    if built != str(corpus):
        raise CorpusError(f"{out}: holds the build of another corpus ({built}); pass a new --out, or remove it first")


def _replace(out: Path, fresh: Path) -> None:
    """Put the finished build in place of ``out`` (the figures' HTML pages name the final folder)."""
    old = out.with_name(f".{out.name}.old")
    if out.exists():
        shutil.rmtree(old, ignore_errors=True)
        out.rename(old)
    fresh.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def _build_into(corpus: Path | None, notebooks_out: Path, figures_dir: Path, reports_dir: Path, tables_dir: Path,
                parameters: dict | None) -> int:
    from .report import write_figures_index, write_reports
    from .tables import write_tables

    # the tables come first: a corpus that cannot be read fails here, with its one-line error
    write_tables(corpus, tables_dir)
    # the notebooks read only the tables and write figures of their own names, so they run
    # side by side, each in its own kernel process (one per core, at most two: the kernels
    # take much memory and the cell outputs do not depend on the order)
    paths = notebook_paths()
    jobs = max(1, min(2, os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(lambda item: execute(item[1], notebooks_out / item[1].name, parameters,
                                                     bar_position=item[0] % jobs), enumerate(paths)))
    failures = [failure for failure in results if failure]
    executed = [notebooks_out / p.name for p in notebook_paths() if (notebooks_out / p.name).exists()]
    write_figures_index(executed, figures_dir)
    write_reports(executed, reports_dir)
    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)
    return 1 if failures else 0
