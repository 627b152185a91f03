"""Fixtures: small corpora written to a temporary folder from literal texts."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.paths import SEEDS_DIR


# 2 July 2013 was a Tuesday: the anchor of every literal text unless a test says otherwise.
PREAMBLE = "Test headline\n\nThe first paragraph is only filler. It has two sentences.\n\n"


@pytest.fixture(scope="session")
def seeds() -> pd.DataFrame:
    return analysis.load_articles()


@pytest.fixture
def extract(write_corpus):
    """Run an extractor on one article: a headline, a filler paragraph, then ``text``."""
    def run(text: str, published: str = "2013-07-02", fn=analysis.temporal_expressions) -> pd.DataFrame:
        folder = write_corpus({"a.txt": PREAMBLE + text + "\n"}, f"file,outlet,published\na.txt,Outlet A,{published}\n")
        return fn(analysis.load_articles(folder))
    return run


def only(table: pd.DataFrame) -> pd.Series:
    """The one row of a table (fails, showing the rows, when there are more or none)."""
    assert len(table) == 1, table[["surface"]]
    return table.iloc[0]


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


# An article that tries to run script wherever its text is shown: reports must escape it.
HOSTILE_ARTICLE = """<script>alert("headline")</script> Kerry and Lavrov meet again

Kerry said on Monday that <img src=x onerror=alert(1)> talks would resume after August.

The UN says more than 93,000 people have been killed since March 2011 </script><script>alert(2)</script>.

"We hope for progress <script>alert(3)</script>," Mr Kerry told reporters.
"""


def write_other_corpus(folder: Path) -> Path:
    """Three seed files under new names, partial metadata, and one hostile article."""
    folder.mkdir(parents=True)
    for new, old in [("a.txt", "000_30b7748dbb551f5a.txt"), ("b.txt", "002_8f6a14d29b873dc6.txt"),
                     ("c.txt", "004_0add3480a9489aa8.txt")]:
        shutil.copyfile(SEEDS_DIR / old, folder / new)
    (folder / "metadata.csv").write_text(
        "file,outlet,published\na.txt,Outlet A,2013-07-02\nb.txt,Outlet B,2013-10-07\nc.txt,Outlet C,2016-08-22\n"
        "d.txt,<b onmouseover=alert(4)>Outlet D</b>,2014-01-06\n",
        encoding="utf-8",
    )
    (folder / "d.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture
def other_corpus(tmp_path) -> Path:
    """A second corpus in the seeds' layout (see write_other_corpus)."""
    return write_other_corpus(tmp_path / "other")


@pytest.fixture(scope="session")
def other_build(tmp_path_factory) -> dict:
    """``python -m analysis build --corpus OTHER --out OUT`` run twice; the files of each run."""
    from analysis.build import build

    root = tmp_path_factory.mktemp("build")
    corpus = write_other_corpus(root / "corpus")
    out = root / "out"
    runs = []
    for _ in range(2):
        status = build(corpus_dir=corpus, out=out)
        runs.append((status, {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}))
    return {"out": out, "corpus": corpus, "runs": runs}
