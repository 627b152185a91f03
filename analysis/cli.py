"""Command line: ``python -m analysis tables | build | evaluate | challenge | add`` (``--help`` for each).

Bad input exits with status 2 and one line on stderr naming the file and what to do.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import ingest
from .errors import CorpusError


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of at least 1")
    return number


def _address(value: str) -> str:
    from .distributed import parse_address

    try:
        return parse_address(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    tables = sub.add_parser("tables", help="write the tidy tables of a corpus as CSV files")
    tables.add_argument("corpus_dir", help="folder of .txt articles (and optionally metadata.csv); with --dask, "
                                           "also Parquet articles: a file, folder or URL (see python -m analysis pack)")
    tables.add_argument("--out", type=Path, required=True, help="folder to write the CSV files into")
    where = tables.add_mutually_exclusive_group()
    where.add_argument("--jobs", type=_positive, default=None, help="processes to use (default 1)")
    where.add_argument("--dask", type=_address, default=None, metavar="ADDRESS",
                       help="run on a Dask cluster: local or local:N (N worker processes on this machine), "
                            "or a scheduler's address such as tcp://host:8786")
    tables.add_argument("--no-parquet", action="store_true", help="write CSV only")
    pack = sub.add_parser("pack", help="write a folder corpus as Parquet articles, for tables --dask")
    pack.add_argument("corpus_dir", type=Path, help="folder of .txt articles (and optionally metadata.csv)")
    pack.add_argument("--out", type=Path, required=True, help="folder to write articles-NNNNN.parquet into")
    build = sub.add_parser("build", help="execute every notebook (two at a time) and export its figures")
    build.add_argument("--corpus", type=Path, default=None, help="another corpus folder (default: the project's seeds, in place)")
    build.add_argument("--out", type=Path, default=None,
                       help="a new folder to write the notebooks, figures, reports and tables into (default: in place)")
    evaluate = sub.add_parser("evaluate", help="score the extractors against hand annotations of a corpus")
    evaluate.add_argument("corpus_dir", type=Path, help="folder of .txt articles (and optionally metadata.csv)")
    evaluate.add_argument("gold_dir", type=Path, help="folder with dates.csv, casualties.csv and/or quotes.csv")
    evaluate.add_argument("--out", type=Path, default=None, help="folder to write scores.csv and errors.csv into")
    challenge = sub.add_parser("challenge", help="run challenge sets of short cases and report the pass rate per phenomenon")
    challenge.add_argument("cases_dir", type=Path, help="folder with dates.csv, casualties.csv and/or quotes.csv of cases")
    challenge.add_argument("--out", type=Path, default=None, help="Markdown file to write the report into")
    ingest.add_arguments(sub)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        if args.command == "tables":
            return _tables(args)
        if args.command == "pack":
            from .distributed import write_articles_parquet

            for path in write_articles_parquet(args.corpus_dir, args.out):
                print(path)
            return 0
        if args.command == "evaluate":
            return _evaluate(args.corpus_dir, args.gold_dir, args.out)
        if args.command == "challenge":
            return _challenge(args.cases_dir, args.out)
        if args.command == "add":
            return ingest.run(args)
        from .build import build

        return build(corpus_dir=args.corpus, out=args.out)
    except CorpusError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


def _tables(args: argparse.Namespace) -> int:
    from . import distributed
    from .tables import write_tables

    if args.dask is None and distributed.is_parquet(args.corpus_dir):
        raise CorpusError(f"{args.corpus_dir}: Parquet articles are read on a Dask cluster; add --dask local:N "
                          "(N processes on this machine) or --dask with a scheduler's address")
    if args.dask is None:
        paths = write_tables(Path(args.corpus_dir), args.out, jobs=args.jobs or 1, parquet=not args.no_parquet)
    else:
        with distributed.connect(args.dask) as client:
            if client.dashboard_link:
                print(f"Dask dashboard: {client.dashboard_link}", file=sys.stderr, flush=True)
            paths = distributed.write_tables(args.corpus_dir, args.out, client, parquet=not args.no_parquet)
    for path in paths:
        print(path)
    return 0


def _evaluate(corpus_dir: Path, gold_dir: Path, out: Path | None) -> int:
    from . import evaluate
    from .corpus import load_articles

    gold = evaluate.read_gold(gold_dir)
    scores, errors = evaluate.evaluate(load_articles(corpus_dir), gold)
    print(evaluate.summary(scores))
    if out is not None:
        for path in evaluate.write(scores, errors, out):
            print(path)
    return 0


def _challenge(cases_dir: Path, out: Path | None) -> int:
    import tempfile

    from . import evaluate

    with tempfile.TemporaryDirectory(prefix="analysis-challenge-") as tmp:
        results, scores = evaluate.run_challenges(cases_dir, tmp)
    report = evaluate.challenge_report(results, scores)
    if out is None:
        print(report, end="")
    else:
        out.write_text(report, encoding="utf-8")
        print(evaluate.summary(scores))
        print(out)
    return 0
