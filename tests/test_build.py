"""The notebook runner: parameters injected, failures reported by cell, nothing half-written."""
import nbformat
import pytest

from analysis import CorpusError, build
from analysis.paths import SEEDS_DIR


def notebook(*sources, tag_first=True):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    for i, src in enumerate(sources):
        cell = nbformat.v4.new_code_cell(src)
        cell.id = f"c{i}"
        if i == 0 and tag_first:
            cell.metadata["tags"] = ["parameters"]
        nb.cells.append(cell)
    return nb


def test_parameters_are_injected_after_the_parameters_cell():
    nb = notebook("corpus_dir = None", "print(corpus_dir)")
    build.inject_parameters(nb, {"corpus_dir": "/data/x"})
    assert nb.cells[1].source == "corpus_dir = '/data/x'"
    assert nb.cells[1].metadata["tags"] == ["injected-parameters"]


def test_a_notebook_without_parameters_cell_cannot_take_parameters():
    with pytest.raises(build.CorpusError, match="parameters"):
        build.inject_parameters(notebook("x = 1", tag_first=False), {"x": 2})


@pytest.mark.slow
def test_failure_names_the_cell_and_leaves_the_notebook_as_it_was(tmp_path):
    path = tmp_path / "01_fails.ipynb"
    nbformat.write(notebook("x = 1", "y = x + 1", "raise RuntimeError('boom')"), path)
    before = path.read_bytes()
    failure = build.execute(path, path)
    assert failure == """01_fails.ipynb: cell 2 ("raise RuntimeError('boom')") failed: RuntimeError: boom"""
    assert "\x1b[" not in failure
    assert path.read_bytes() == before


@pytest.mark.slow
def test_execution_is_deterministic(tmp_path):
    path = tmp_path / "02_ok.ipynb"
    nbformat.write(notebook("x = 41", "x + 1"), path)
    assert build.execute(path, tmp_path / "a.ipynb") is None
    assert build.execute(tmp_path / "a.ipynb", tmp_path / "b.ipynb") is None
    assert (tmp_path / "a.ipynb").read_bytes() == (tmp_path / "b.ipynb").read_bytes()
    assert nbformat.read(tmp_path / "a.ipynb", as_version=4).cells[1].outputs[0]["data"]["text/plain"] == "42"


def test_a_kernel_that_fails_is_reported_not_raised(tmp_path, monkeypatch):
    path = tmp_path / "03_kernel.ipynb"
    nbformat.write(notebook("x = 1"), path)

    def no_kernel(self, **_):
        raise RuntimeError("Kernel didn't respond in 60 seconds")

    monkeypatch.setattr(build.NotebookClient, "execute", no_kernel)
    failure = build.execute(path, path)
    assert failure == "03_kernel.ipynb: the kernel failed: RuntimeError: Kernel didn't respond in 60 seconds"


def test_an_out_folder_holding_another_corpus_build_is_refused(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / build.MANIFEST).write_text('{"corpus": "/somewhere/else"}', encoding="utf-8")
    with pytest.raises(CorpusError, match="holds the build of another corpus"):
        build.build(corpus_dir=tmp_path, out=out)
    (out / build.MANIFEST).unlink()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(CorpusError, match="not empty and holds no build of this tool"):
        build.build(corpus_dir=tmp_path, out=out)
    with pytest.raises(CorpusError, match="is a file, not a folder"):
        build.build(corpus_dir=tmp_path, out=out / "notes.txt")


def test_out_without_a_corpus_builds_the_seeds_into_a_fresh_folder(tmp_path, monkeypatch):
    calls = []

    def fake(corpus, notebooks_out, *_, parameters):
        calls.append((corpus, notebooks_out, parameters))
        notebooks_out.mkdir(parents=True)
        return 0

    monkeypatch.setattr(build, "_build_into", lambda corpus, nb, fig, rep, tab, params: fake(corpus, nb, parameters=params))
    assert build.build(out=tmp_path / "out") == 0
    corpus, notebooks_out, parameters = calls[0]
    assert corpus == SEEDS_DIR.resolve() and parameters == {"corpus_dir": str(SEEDS_DIR.resolve()), "figures_dir": "../figures"}
    assert notebooks_out.parent != tmp_path / "out"  # built beside, then moved into place
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["build.json", "notebooks"]
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # nothing left beside it


def test_interpretation_is_marked_as_written_about_the_seeds():
    nb = notebook("x = 1")
    nb.cells.append(nbformat.v4.new_markdown_cell("The BBC quotes the UN most.", metadata={"tags": ["interpretation"]}))
    nb.cells.append(nbformat.v4.new_markdown_cell("## A computed heading"))
    build.mark_interpretation(nb, "/my/corpus")
    assert nb.cells[1].source.startswith("> **Written about the seed corpus.** This build ran on `/my/corpus`")
    assert nb.cells[2].source == "## A computed heading"
