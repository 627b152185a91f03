"""The command line: tables for a corpus, and one-line errors with exit status 2."""
import subprocess
import sys

import pandas as pd
import pytest

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


def one_line_error(args: list[str]) -> tuple[int, str]:
    run = subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True)
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 or (run.returncode == 2 and lines[0].startswith("usage:")), run.stderr
    return run.returncode, run.stderr


@pytest.mark.parametrize("out, message", [
    ("README.md", "is a file, not a folder"),
    ("README.md/tables", "cannot write there"),
])
def test_tables_into_a_place_it_cannot_write_is_one_line(out, message):
    status, err = one_line_error(["tables", str(PROJECT_DIR / "seeds"), "--out", str(PROJECT_DIR / out)])
    assert status == 2 and message in err


def test_jobs_must_be_at_least_one(tmp_path):
    status, err = one_line_error(["tables", str(PROJECT_DIR / "seeds"), "--out", str(tmp_path), "--jobs", "0"])
    assert status == 2 and "at least 1" in err and not any(tmp_path.iterdir())
