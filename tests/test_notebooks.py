"""The whole build on another corpus: every notebook runs, exports land under --out, twice the same."""
import nbformat
import pytest

from analysis import build
from analysis.paths import FIGURES_DIR, NOTEBOOKS_DIR

pytestmark = pytest.mark.slow


def test_every_notebook_runs_on_another_corpus(other_build):
    status, files = other_build["runs"][0]
    assert status == 0
    for path in build.notebook_paths():
        nb = nbformat.read(other_build["out"] / "notebooks" / path.name, as_version=4)
        injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert len(injected) == 1 and str(other_build["corpus"]) in injected[0].source
        assert any(str(f).startswith(f"figures/{path.name[:2]}_") and f.suffix == ".png" for f in files)
        assert f"reports/{path.stem}.html" in {str(f) for f in files}


def test_build_writes_tables_as_csv_and_parquet(other_build):
    files = {str(f) for f in other_build["runs"][0][1]}
    assert {"tables/articles.csv", "tables/articles.parquet", "tables/paragraphs.csv"} <= files
    assert "figures/README.md" in files


def test_second_build_changes_no_file(other_build):
    (_, first), (_, second) = other_build["runs"]
    assert first.keys() == second.keys()
    changed = [str(name) for name in first if first[name] != second[name]]
    assert changed == []


def test_committed_notebooks_and_figures_untouched(other_build):
    for path in build.notebook_paths(NOTEBOOKS_DIR):
        assert "injected-parameters" not in path.read_text()
    assert not any("Outlet D" in p.read_text() for p in FIGURES_DIR.glob("*.csv"))
