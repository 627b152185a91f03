"""The whole build on other corpora: every notebook runs, says only what its corpus shows, exports land under
--out, twice the same; a corpus of one article without metadata or anything to find builds too."""
from pathlib import Path

import nbformat
import pandas as pd
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


SEED_OUTLETS = {"BBC News", "Your Middle East", "Israel National News", "Al Jazeera English", "Press TV"}


def headings_and_findings(out: Path) -> list[str]:
    """Every heading of the built notebooks and every finding they computed, less the prose
    marked as written about the seed corpus."""
    found = []
    for path in sorted((out / "notebooks").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if "interpretation" in cell.metadata.get("tags", []):
                continue
            if cell.cell_type == "markdown":
                found += [line for line in cell.source.splitlines() if line.startswith("#")]
            for output in cell.get("outputs", []):
                found.append(output.get("data", {}).get("text/markdown", ""))
    return [f for f in found if f]


@pytest.mark.parametrize("fixture", ["other_build", "bare_build"])
def test_every_notebook_runs_and_states_only_what_its_corpus_holds(request, fixture):
    build_result = request.getfixturevalue(fixture)
    status = build_result["runs"][0][0] if "runs" in build_result else build_result["status"]
    assert status == 0
    out = build_result["out"]
    assert sorted(p.name for p in (out / "notebooks").glob("*.ipynb")) == [p.name for p in build.notebook_paths()]
    texts = headings_and_findings(out)
    assert len(texts) > 20
    assert not [t for t in texts if any(outlet in t for outlet in SEED_OUTLETS)]


@pytest.mark.parametrize("fixture", ["other_build", "bare_build"])
def test_every_chart_drew_or_says_why_not(request, fixture):
    out = request.getfixturevalue(fixture)["out"]
    records = sorted((out / "figures").glob("*.json"))
    assert len(records) == 14
    for record in records:
        data = pd.read_csv(record.with_suffix(".csv"), dtype=str, keep_default_na=False)
        assert len(data) > 0, record.stem  # points to draw, or the sentence saying why there are none
        if list(data.columns) == ["why", "shown"]:
            assert data["why"].iloc[0].endswith("."), record.stem


def test_the_bare_corpus_says_there_is_nothing_to_find(bare_build):
    texts = " ".join(headings_and_findings(bare_build["out"]))
    for said in ("No story has a publication date", "No dates found in this corpus",
                 "No casualty figures found in this corpus", "No direct quotations in this corpus"):
        assert said in texts


def test_prose_about_the_seeds_is_marked_on_another_corpus(other_build):
    nb = nbformat.read(other_build["out"] / "notebooks" / "02_casualty_counts.ipynb", as_version=4)
    marked = [c for c in nb.cells if "interpretation" in c.metadata.get("tags", [])]
    assert marked and all(c.source.startswith("> **Written about the seed corpus.**") for c in marked)


def test_a_build_of_another_corpus_into_the_same_out_is_refused(other_build, tmp_path):
    from analysis import CorpusError

    with pytest.raises(CorpusError, match="holds the build of another corpus"):
        build.build(corpus_dir=tmp_path, out=other_build["out"])


def test_the_corpus_grown_by_add_is_built(other_build):
    articles = pd.read_csv(other_build["out"] / "tables" / "articles.csv")
    added = articles[articles["outlet"] == "The Harbour Courier"]
    assert len(added) == 1 and added["date_basis"].notna().all()
