"""Fixtures: small corpora written to a temporary folder from literal texts."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.paths import SEEDS_DIR


@pytest.fixture(scope="session")
def seeds() -> pd.DataFrame:
    return analysis.load_articles()


@pytest.fixture
def write_corpus(tmp_path):
    """Write {file name: text or bytes} (and optional metadata CSV text) into a folder."""

    def write(files: dict[str, str | bytes], metadata: str | None = None) -> Path:
        folder = tmp_path / "corpus"
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            (folder / name).write_bytes(data)
        if metadata is not None:
            (folder / "metadata.csv").write_text(metadata, encoding="utf-8")
        return folder

    return write


@pytest.fixture
def other_corpus(tmp_path) -> Path:
    """A second corpus in the seeds' layout: three seed files under new names, partial metadata."""
    folder = tmp_path / "other"
    folder.mkdir()
    for new, old in [("a.txt", "000_30b7748dbb551f5a.txt"), ("b.txt", "002_8f6a14d29b873dc6.txt"),
                     ("c.txt", "004_0add3480a9489aa8.txt")]:
        shutil.copyfile(SEEDS_DIR / old, folder / new)
    (folder / "metadata.csv").write_text(
        "file,outlet,published\na.txt,Outlet A,2013-07-02\nb.txt,Outlet B,2013-10-07\nc.txt,Outlet C,2016-08-22\n",
        encoding="utf-8",
    )
    return folder
