"""Command line: ``python -m analysis tables CORPUS_DIR --out DIR`` and ``python -m analysis build``.

Bad input exits with status 2 and one line on stderr naming the file and what to do.
"""
from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from pathlib import Path

import pandas as pd

from .casualties import casualty_figures
from .corpus import article_files, load_articles, paragraphs, read_metadata
from .errors import CorpusError
from .figures import write_csv
from .paths import SEEDS_DIR
from .framing import label_uses
from .quotes import quotes
from .reuse import shared_passages
from .timeline import events, temporal_expressions


def articles_table(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles without their full text (the text stays in the corpus files)."""
    return articles.drop(columns=["text", "body"])


# name of the table -> function from the articles DataFrame to a tidy table, article by article
TABLES = {
    "articles": articles_table,
    "paragraphs": paragraphs,
    "dates": temporal_expressions,
    "events": events,
    "casualties": casualty_figures,
    "labels": label_uses,
    "quotes": quotes,
}
# tables that compare articles with each other, so need the whole corpus at once
CORPUS_TABLES = {
    "reuse": shared_passages,
}


# a table that can be made faster from another one already made: name -> (source, function)
FROM_TABLE = {
    "events": ("dates", lambda articles, dates: events(articles, dates=dates)),
}


# articles handled at a time: all tables of a batch are made while its texts' layouts are
# still in corpus.py's memo, and only the tables, not the texts, outlive the batch
BATCH = 500
# what the tables that compare articles need of them
CORPUS_COLUMNS = ["article_id", "file", "outlet", "published", "text"]


def _tables_of(corpus_dir: Path, files: list[str], keep_articles: bool, seconds: dict | None = None):
    """Load some files of a corpus and make their per-article tables (runs in a worker).

    ``seconds``, when given, collects the time spent loading and on each table.
    """
    kept, parts = [], {name: [] for name in TABLES}
    clock = seconds if seconds is not None else {}
    started = time.perf_counter()
    metadata = read_metadata(corpus_dir)
    clock["load"] = clock.get("load", 0.0) + time.perf_counter() - started
    for i in range(0, len(files), BATCH):
        started = time.perf_counter()
        articles = load_articles(corpus_dir, files=files[i:i + BATCH], metadata=metadata)
        clock["load"] = clock.get("load", 0.0) + time.perf_counter() - started
        tables: dict[str, pd.DataFrame] = {}
        for name, make in TABLES.items():
            started = time.perf_counter()
            source, derive = FROM_TABLE.get(name, (None, None))
            tables[name] = derive(articles, tables[source]) if source in tables else make(articles)
            parts[name].append(tables[name])
            clock[name] = clock.get(name, 0.0) + time.perf_counter() - started
        if keep_articles:
            kept.append(articles[CORPUS_COLUMNS])
    return (concat_tables(kept) if keep_articles else None), {name: concat_tables(p) for name, p in parts.items()}


def concat_tables(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Stack tables made from consecutive chunks of a corpus, keeping categorical columns."""
    table = pd.concat(parts, ignore_index=True)
    for column in parts[0].columns:
        if isinstance(parts[0][column].dtype, pd.CategoricalDtype) and not isinstance(table[column].dtype, pd.CategoricalDtype):
            categories = sorted(set().union(*(p[column].cat.categories for p in parts)))
            table[column] = table[column].astype(pd.CategoricalDtype(categories))
    return table


def make_tables(corpus_dir: str | Path | None, *, jobs: int = 1, seconds: dict | None = None) -> dict[str, pd.DataFrame]:
    """Every table of a corpus; with ``jobs`` > 1 the per-article work runs in that many processes.

    Files are split into consecutive chunks in name order, so the stacked tables are the
    same, row for row, whatever ``jobs`` is. ``seconds`` (one process only) collects the
    time spent on loading and on each table, for the benchmark.
    """
    corpus_dir = Path(corpus_dir) if corpus_dir is not None else SEEDS_DIR
    names = [p.name for p in article_files(corpus_dir)]
    read_metadata(corpus_dir)  # a broken metadata.csv fails here, once, not in every worker
    keep = bool(CORPUS_TABLES)
    if jobs <= 1:
        results = [_tables_of(corpus_dir, names, keep, seconds)]
    else:
        size = max(1, -(-len(names) // (jobs * 4)))
        chunks = [names[i:i + size] for i in range(0, len(names), size)]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(_tables_of, repeat(corpus_dir), chunks, repeat(keep)))
    tables = {name: concat_tables([r[1][name] for r in results]) for name in TABLES}
    if keep:
        articles = concat_tables([r[0] for r in results])
        for name, make in CORPUS_TABLES.items():
            started = time.perf_counter()
            tables[name] = make(articles)
            if seconds is not None:
                seconds[name] = time.perf_counter() - started
    return tables


def write_tables(corpus_dir: str | Path | None, out: str | Path, *, jobs: int = 1, parquet: bool = True,
                 seconds: dict | None = None) -> list[Path]:
    """Write every table of a corpus as ``<out>/<name>.csv`` (and ``.parquet``)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in make_tables(corpus_dir, jobs=jobs, seconds=seconds).items():
        write_csv(table, out / f"{name}.csv")
        written.append(out / f"{name}.csv")
        if parquet:
            write_parquet(table, out / f"{name}.parquet")
            written.append(out / f"{name}.parquet")
    return written


def write_parquet(table: pd.DataFrame, path: Path) -> None:
    """Write a table as Parquet with its columns in one chunk each, so the bytes do not
    depend on how the table was stacked from parts (``--jobs``)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pandas(table, preserve_index=False).combine_chunks(), path)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    tables = sub.add_parser("tables", help="write the tidy tables of a corpus as CSV files")
    tables.add_argument("corpus_dir", type=Path, help="folder of .txt articles (and optionally metadata.csv)")
    tables.add_argument("--out", type=Path, required=True, help="folder to write the CSV files into")
    tables.add_argument("--jobs", type=int, default=1, help="processes to use (default 1)")
    tables.add_argument("--no-parquet", action="store_true", help="write CSV only")
    build = sub.add_parser("build", help="execute every notebook in order and export its figures")
    build.add_argument("--corpus", type=Path, default=None, help="another corpus folder (default: the project's seeds, in place)")
    build.add_argument("--out", type=Path, default=None, help="where to write notebooks, figures and tables for --corpus")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        if args.command == "tables":
            for path in write_tables(args.corpus_dir, args.out, jobs=args.jobs, parquet=not args.no_parquet):
                print(path)
            return 0
        from .build import build

        return build(corpus_dir=args.corpus, out=args.out)
    except CorpusError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
