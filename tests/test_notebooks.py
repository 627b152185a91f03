"""Every notebook also runs on another corpus in the seeds' layout, writing its figures there."""
import pytest

from analysis import build


@pytest.mark.parametrize("path", build.notebook_paths(), ids=lambda p: p.name)
def test_notebook_runs_on_another_corpus(path, other_corpus, tmp_path):
    figures_dir = tmp_path / "figures"
    failure = build.execute(path, tmp_path / path.name,
                            {"corpus_dir": str(other_corpus), "figures_dir": str(figures_dir)})
    assert failure is None
    assert any(figures_dir.glob(f"{path.name[:2]}_*.png"))
