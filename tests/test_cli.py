"""The command line: tables for a corpus, and one-line errors with exit status 2."""
import subprocess
import sys

import pandas as pd

from analysis.cli import main
from analysis.paths import PROJECT_DIR

from test_corpus import PROVENANCE


def test_tables_writes_articles_and_paragraphs(tmp_path):
    assert main(["tables", str(PROJECT_DIR / "seeds"), "--out", str(tmp_path)]) == 0
    articles = pd.read_csv(tmp_path / "articles.csv")
    assert len(articles) == 5 and "text" not in articles and "body" not in articles
    assert {r.article_id: (r.outlet, r.published) for r in articles.itertuples()} == PROVENANCE
    paragraphs = pd.read_csv(tmp_path / "paragraphs.csv")
    assert {"article_id", "paragraph_id", "start", "end", "kind", "text"} <= set(paragraphs)


def test_bad_corpus_exits_2_with_one_line_naming_the_file(write_corpus, tmp_path):
    folder = write_corpus({"broken.txt": b"Caf\xe9"})
    run = subprocess.run([sys.executable, "-m", "analysis", "tables", str(folder), "--out", str(tmp_path / "out")],
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1
    assert "broken.txt" in run.stderr and "UTF-8" in run.stderr


def test_build_for_another_corpus_needs_an_out_folder(tmp_path, capsys):
    assert main(["build", "--corpus", str(tmp_path)]) == 2
    assert "--corpus needs --out" in capsys.readouterr().err
