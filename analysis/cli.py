"""Command line: ``python -m analysis tables CORPUS_DIR --out DIR`` and ``python -m analysis build``.

Bad input exits with status 2 and one line on stderr naming the file and what to do.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from .corpus import load_articles, paragraphs
from .errors import CorpusError
from .figures import write_csv


def articles_table(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles without their full text (the text stays in the corpus files)."""
    return articles.drop(columns=["text", "body"])


# name of the CSV -> function from the articles DataFrame to a tidy table
TABLES = {
    "articles": articles_table,
    "paragraphs": paragraphs,
}


def write_tables(corpus_dir: str | Path | None, out: str | Path, *, parquet: bool = True) -> list[Path]:
    """Write every table of ``TABLES`` for one corpus as ``<out>/<name>.csv`` (and ``.parquet``)."""
    articles = load_articles(corpus_dir)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in TABLES.items():
        table = make(articles)
        write_csv(table, out / f"{name}.csv")
        written.append(out / f"{name}.csv")
        if parquet:
            table.to_parquet(out / f"{name}.parquet", index=False)
            written.append(out / f"{name}.parquet")
    return written


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    tables = sub.add_parser("tables", help="write the tidy tables of a corpus as CSV files")
    tables.add_argument("corpus_dir", type=Path, help="folder of .txt articles (and optionally metadata.csv)")
    tables.add_argument("--out", type=Path, required=True, help="folder to write the CSV files into")
    build = sub.add_parser("build", help="execute every notebook in order and export its figures")
    build.add_argument("--corpus", type=Path, default=None, help="another corpus folder (default: the project's seeds, in place)")
    build.add_argument("--out", type=Path, default=None, help="where to write notebooks, figures and tables for --corpus")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        if args.command == "tables":
            for path in write_tables(args.corpus_dir, args.out):
                print(path)
            return 0
        from .build import build

        return build(corpus_dir=args.corpus, out=args.out)
    except CorpusError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
