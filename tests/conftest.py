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


# An article with nothing to find: no date, no toll, no quotation, no label.
QUIET_ARTICLE = "A quiet afternoon\n\nThe committee read its minutes aloud. Members agreed with little fuss.\n"


def write_other_corpus(folder: Path) -> Path:
    """Three seed files under new names, one of them without a metadata row; one hostile
    article; one article with nothing to find and no row; and a saved web page added with
    ``python -m analysis add`` (so the build runs on a corpus grown from pages)."""
    from analysis import ingest
    from test_ingest import news_page

    folder.mkdir(parents=True)
    for new, old in [("a.txt", "000_30b7748dbb551f5a.txt"), ("b.txt", "002_8f6a14d29b873dc6.txt"),
                     ("c.txt", "004_0add3480a9489aa8.txt")]:
        shutil.copyfile(SEEDS_DIR / old, folder / new)
    (folder / "metadata.csv").write_text(
        "file,outlet,published\na.txt,Outlet A,2013-07-02\nb.txt,Outlet B,2013-10-07\n"
        "d.txt,<b onmouseover=alert(4)>Outlet D</b>,2014-01-06\n",
        encoding="utf-8",
    )
    (folder / "d.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (folder / "e.txt").write_text(QUIET_ARTICLE, encoding="utf-8")
    page = folder.parent / "page.html"
    page.write_text(news_page(), encoding="utf-8")
    assert [o.action for o in ingest.add([page], folder)] == ["added"]
    return folder


@pytest.fixture
def other_corpus(tmp_path) -> Path:
    """A second corpus in the seeds' layout (see write_other_corpus)."""
    return write_other_corpus(tmp_path / "other")


def built(corpus: Path, out: Path) -> tuple[int, dict]:
    """``python -m analysis build --corpus CORPUS --out OUT``: its status and the files it wrote."""
    from analysis.build import build

    status = build(corpus_dir=corpus, out=out)
    return status, {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def other_build(tmp_path_factory) -> dict:
    """The build of the other corpus (see write_other_corpus), run twice into the same --out."""
    root = tmp_path_factory.mktemp("build")
    corpus = write_other_corpus(root / "corpus")
    out = root / "out"
    with pytest.warns(analysis.MetadataWarning):
        runs = [built(corpus, out) for _ in range(2)]
    return {"out": out, "corpus": corpus, "runs": runs}


@pytest.fixture(scope="session")
def bare_build(tmp_path_factory) -> dict:
    """The build of a corpus of one article, without metadata.csv, with nothing to find."""
    root = tmp_path_factory.mktemp("bare")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "only.txt").write_text(QUIET_ARTICLE, encoding="utf-8")
    out = root / "out"
    with pytest.warns(analysis.MetadataWarning):
        status, files = built(corpus, out)
    return {"out": out, "corpus": corpus, "status": status, "files": files}
