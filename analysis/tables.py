"""The tables pipeline: every table of a corpus, made part by part and written to disk.

The command line (``python -m analysis tables``) and the build (``make figures``) both
call :func:`write_tables`; :func:`make_tables` gives the same tables in memory.

How a large corpus is made
    The articles are read ``batch`` at a time (default 500). Each part's per-article
    tables (:data:`TABLES`) are made together, while its texts' layouts are still in
    ``corpus``'s memo, and written to disk at once, with the reuse fingerprints and
    shingles of its articles. Only the fingerprints (about a kilobyte per article) stay
    in memory. Then the candidate pairs of the shared-passage table are found
    (``reuse.candidate_index``) and compared ``pairs_per_part`` at a time, each part
    reading the shingles and texts it needs from the memory-mapped files of the first
    pass. The extractors of a batch share one sentence table
    (``corpus.shared_sentences``), and the garbage collector is tuned while tables are
    made (:func:`quiet_gc`).
    Finally each table's parts are joined: CSV parts byte for byte, Parquet in fixed row
    groups of ``row_group`` rows, each categorical column with its final categories.
    With ``jobs`` > 1 the parts are made in a pool of processes. The bytes written do not
    depend on ``jobs``, ``batch`` or ``pairs_per_part``.

Checks
    A broken ``metadata.csv`` fails once, before any work. A file edited between the two
    passes (its SHA-256 differs from the first pass's) raises ``CorpusError``: its
    offsets would no longer match. Each file is read again for this once, by the first
    part of the shared-passage table that names its article.
"""
from __future__ import annotations

import gc
import hashlib
import shutil
import tempfile
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .casualties import casualty_figures
from .corpus import article_files, load_articles, paragraphs, read_metadata, read_text, shared_sentences
from .dates import temporal_expressions
from .errors import CorpusError
from .framing import label_uses
from .paths import SEEDS_DIR
from .quotes import quotations
from .reuse import (DEFAULT_MAX_DF, DEFAULT_MAX_PARTNERS, article_shingles, block_passages, candidate_index,
                    fingerprint, join_shingles, join_texts, load_block, passage_table, save_shingles, save_texts,
                    shared_passages)
from .timeline import events
from .writing import write_csv


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
    "quotes": quotations,
    "labels": label_uses,
}
# tables that compare articles with each other, so need the whole corpus at once (made in
# parts, with the same result: see make_parts)
CORPUS_TABLES = {
    "reuse": shared_passages,
}
# a table that can be made faster from another one already made: name -> (source, function)
FROM_TABLE = {
    "events": ("dates", lambda articles, dates: events(articles, dates=dates)),
    "labels": ("quotes", lambda articles, quotes: label_uses(articles, quote_rows=quotes)),
}

BATCH = 500  # articles per part
PAIRS_PER_PART = 5_000  # pairs of articles compared per part of the shared-passage table
ROW_GROUP = 65_536  # rows per Parquet row group, fixed so that the bytes do not depend on the parts


@dataclass
class Clock:
    """Seconds spent on each step, summed over processes (for the benchmark): wall time,
    and the CPU time of the process that did the step (on a shared machine the two differ)."""
    seconds: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)

    def add(self, step: str, spent: float, cpu: float | None = None) -> None:
        self.seconds[step] = self.seconds.get(step, 0.0) + spent
        if cpu is not None:
            self.cpu[step] = self.cpu.get(step, 0.0) + cpu

    def merge(self, other: Clock) -> None:
        for step, spent in other.seconds.items():
            self.add(step, spent, other.cpu.get(step))

    @contextmanager
    def timing(self, step: str):
        started, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.add(step, time.perf_counter() - started, time.process_time() - cpu)


def make_tables(corpus_dir: str | Path | None, *, jobs: int = 1, batch: int = BATCH,
                pairs_per_part: int = PAIRS_PER_PART, clock: Clock | None = None) -> dict[str, pd.DataFrame]:
    """Every table of a corpus, in memory (for a corpus that fits; the command streams).

    The tables are the same, row for row, whatever ``jobs``, ``batch`` and ``pairs_per_part`` are.
    """
    with tempfile.TemporaryDirectory(prefix="analysis-parts-") as tmp, runner(jobs) as run:
        parts = make_parts(corpus_dir, Path(tmp), run, batch=batch, pairs_per_part=pairs_per_part, clock=clock)
        return {name: stack_parts(info) for name, info in parts.items()}


def write_tables(corpus_dir: str | Path | None, out: str | Path, *, jobs: int = 1, parquet: bool = True,
                 batch: int = BATCH, pairs_per_part: int = PAIRS_PER_PART, row_group: int = ROW_GROUP,
                 clock: Clock | None = None) -> list[Path]:
    """Write every table of a corpus as ``<out>/<name>.csv`` (and ``.parquet``), made in parts
    (see the module docstring); return the paths written. ``clock``, when given, collects
    the time spent on each step."""
    out = writable_folder(out)
    clock = clock if clock is not None else Clock()
    with tempfile.TemporaryDirectory(prefix=".parts-", dir=out) as tmp, runner(jobs) as run:
        parts = make_parts(corpus_dir, Path(tmp), run, batch=batch, pairs_per_part=pairs_per_part, csv=True,
                           clock=clock)
        with clock.timing("assemble"):
            written = run(_write_table, [(info, out, parquet, row_group) for info in parts.values()])
    return [path for paths in written for path in paths]


def writable_folder(out: str | Path) -> Path:
    """``out`` as a folder that exists and can be written to; a CorpusError saying what to do otherwise."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise CorpusError(f"{out}: is a file, not a folder; pass a folder for --out")
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as err:
        raise CorpusError(f"{out}: cannot write there ({err.strerror}); pass an --out folder you can write to") from None
    return out


def _write_table(info: Parts, out: Path, parquet: bool, row_group: int) -> list[Path]:
    """Join one table's parts into ``<out>/<name>.csv`` (and ``.parquet``)."""
    paths = [out / f"{info.name}.csv"]
    join_csv(info, paths[0])
    if parquet:
        paths.append(out / f"{info.name}.parquet")
        write_parquet(read_parts(info), paths[1], info.schema(), row_group=row_group)
    return paths


@dataclass
class Parts:
    """One table written to disk in parts: pickles (exact dtypes) and, if asked, CSV
    without header; ``categories`` gives each categorical column its final categories."""
    name: str
    paths: list[Path]
    columns: list[str]
    categories: dict[str, list]

    def schema(self):
        import pyarrow as pa

        return pa.Schema.from_pandas(self.typed(pd.read_pickle(self.paths[0]).iloc[:0]), preserve_index=False)

    def typed(self, part: pd.DataFrame) -> pd.DataFrame:
        return part.astype({c: pd.CategoricalDtype(v) for c, v in self.categories.items()}) if self.categories else part


def make_parts(corpus_dir: str | Path | None, tmp: Path, run, *, batch: int = BATCH,
               pairs_per_part: int = PAIRS_PER_PART, csv: bool = False, clock: Clock | None = None) -> dict[str, Parts]:
    """Make every table of a corpus in parts under ``tmp``, the work done by ``run`` (see
    :func:`runner`); see the module docstring."""
    corpus_dir = Path(corpus_dir) if corpus_dir is not None else SEEDS_DIR
    clock = clock if clock is not None else Clock()
    names = [p.name for p in article_files(corpus_dir)]
    read_metadata(corpus_dir)  # a broken metadata.csv fails here, once, not in every worker
    chunks = [names[i:i + batch] for i in range(0, len(names), batch)]
    categories, prints, read = [], {}, {}
    for found, made, files, timing in run(_table_parts, [(corpus_dir, files, tmp, i, csv) for i, files in enumerate(chunks)]):
        categories.append(found)
        prints.update(made)
        read.update(files)
        clock.merge(timing)
    with clock.timing("candidates"):
        ids, a, b = candidate_index(prints, max_df=DEFAULT_MAX_DF, max_partners=DEFAULT_MAX_PARTNERS)
    del prints
    with clock.timing("reuse"):
        join_shingles([tmp / "shingles" / f"{i:06d}" for i in range(len(chunks))], tmp / "shingles" / "all")
        join_texts([tmp / "texts" / f"{i:06d}" for i in range(len(chunks))], tmp / "texts" / "all")
        # each article: its position in the joined shingles and texts (the order of the parts), its file, its digest
        place = {a: (i, *read[a]) for i, a in enumerate(read)}
        tasks, checked = [], set()
        for i in range(0, len(a), pairs_per_part):
            pairs = [(ids[x], ids[y]) for x, y in zip(a[i:i + pairs_per_part].tolist(), b[i:i + pairs_per_part].tolist())]
            involved = sorted({x for pair in pairs for x in pair})
            check = [x for x in involved if x not in checked]  # each file is read again once, by the first part naming it
            checked.update(check)
            tasks.append((corpus_dir, tmp, len(tasks), csv, pairs, {x: place[x] for x in involved}, check))
    for timing in run(_passage_parts, tasks or [(corpus_dir, tmp, 0, csv, [], {}, [])]):
        clock.merge(timing)
    return parts_on_disk(tmp, categories)


def parts_on_disk(tmp: Path, categories: list[dict[str, dict[str, list]]]) -> dict[str, Parts]:
    """Every table's parts written under ``tmp/<name>/``, in the order of their file names;
    ``categories``: each part's categories of each per-article table, in the same order."""
    parts = {}
    for name in [*TABLES, *CORPUS_TABLES]:
        paths = sorted((tmp / name).glob("*.pkl"))
        first = pd.read_pickle(paths[0]).iloc[:0]
        found = [c[name] for c in categories] if name in TABLES else [_categories(first)]
        parts[name] = Parts(name, paths, list(first.columns), final_categories(found))
    return parts


@contextmanager
def runner(jobs: int):
    """``run(function, list of argument tuples)``: the results in order, in this process or
    in a pool of ``jobs`` processes."""
    if jobs <= 1:
        with quiet_gc():
            yield lambda function, tasks: [function(*task) for task in tasks]
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_quiet_gc_for_good) as pool:
        yield lambda function, tasks: list(pool.map(function, *zip(*tasks)))


# The cyclic garbage collector walks every tracked object of a generation when it runs:
# the hundreds of thousands that importing pandas and the extractors leaves, again and
# again while the tables make millions of short-lived rows (6% of the CPU time at 1,000
# articles). Frozen, those are never walked; with a larger first generation it runs a
# fifth as often. Nothing made after the freeze escapes collection.
GC_THRESHOLD = (50_000, 20, 20)


@contextmanager
def quiet_gc():
    """The collector tuned while tables are made in this process, and put back as it was
    afterwards (the process may be a notebook's kernel)."""
    before = gc.get_threshold()
    ours = gc.get_freeze_count() == 0  # nothing frozen before: unfreezing undoes only our freeze
    _quiet_gc_for_good()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        if ours:
            gc.unfreeze()


def _quiet_gc_for_good() -> None:
    """In a worker process (which only makes tables): freeze what is alive and collect less often."""
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


def _table_parts(corpus_dir: Path, files: list[str], tmp: Path, index: int, csv: bool):
    """Load some files and write each per-article table's part; return the categories of
    each table's categorical columns, the articles' fingerprints, their files and digests,
    and the time per step."""
    clock = Clock()
    with clock.timing("load"):
        articles = load_articles(corpus_dir, files=files, metadata=_metadata(corpus_dir))
    made = article_tables(articles, clock)
    categories = {name: _categories(table) for name, table in made.items()}
    with clock.timing("write"):
        for name, table in made.items():
            _write_part(table, tmp / name, index, csv)
    with clock.timing("reuse"):
        shingles = [article_shingles(text) for text in articles["text"]]
        prints = {a: fingerprint(sh.hashes) for a, sh in zip(articles["article_id"], shingles)}
        (tmp / "shingles").mkdir(exist_ok=True)
        save_shingles(shingles, tmp / "shingles" / f"{index:06d}")
        (tmp / "texts").mkdir(exist_ok=True)
        save_texts(articles["text"].tolist(), tmp / "texts" / f"{index:06d}")
    files = dict(zip(articles["article_id"], zip(articles["file"], articles["sha256"])))
    return categories, prints, files, clock


def article_tables(articles: pd.DataFrame, clock: Clock) -> dict[str, pd.DataFrame]:
    """Every per-article table (:data:`TABLES`) of some articles, the time of each added to ``clock``."""
    made = {}
    with shared_sentences(articles):
        for name, make in TABLES.items():
            with clock.timing(name):
                source, derive = FROM_TABLE.get(name, (None, None))
                made[name] = derive(articles, made[source]) if source in made else make(articles)
    return made


def _passage_parts(corpus_dir: Path, tmp: Path, index: int, csv: bool, pairs: list[tuple[str, str]],
                   place: dict[str, tuple[int, str, str]], check: list[str]) -> Clock:
    """Compare some pairs of articles, all at once (``reuse.block_passages``), reading
    their shingles and texts where the first pass saved them, and write their passages as
    one part; return the time taken (step "passages").

    ``place``: article_id -> (position in the saved shingles and texts, file name, SHA-256
    read by the first pass). The files of ``check`` are read again and their digests
    compared with the first pass's: a file changed since then would no longer match its
    offsets (each file is checked by one part only, so none is read more than twice).
    """
    clock = Clock()
    with clock.timing("passages"):
        _compare_part(corpus_dir, tmp, index, csv, pairs, place, check)
    return clock


def _compare_part(corpus_dir: Path, tmp: Path, index: int, csv: bool, pairs: list[tuple[str, str]],
                  place: dict[str, tuple[int, str, str]], check: list[str]) -> None:
    for a in check:
        _, name, digest = place[a]
        if read_text(corpus_dir / name)[1] != digest:
            raise CorpusError(f"{corpus_dir / name}: the file changed while its tables were being made; "
                              "run the command again on a corpus that is not being edited")
    if pairs:
        ids = list(place)
        block = load_block(tmp / "shingles" / "all", tmp / "texts" / "all", ids, [place[a][0] for a in ids])
        number = {a: n for n, a in enumerate(ids)}
        table = block_passages(block, [number[a] for a, _ in pairs], [number[b] for _, b in pairs])
    else:
        table = passage_table([])
    _write_part(table, tmp / "reuse", index, csv)


def _write_part(table: pd.DataFrame, folder: Path, index: int, csv: bool) -> None:
    folder.mkdir(exist_ok=True)
    table.to_pickle(folder / f"{index:06d}.pkl")
    if csv:
        write_csv(table, folder / f"{index:06d}.csv", header=False)


@lru_cache(maxsize=4)  # keyed by the file's content: a pure function of the file
def _metadata_at(corpus_dir: Path, digest: str) -> dict[str, dict[str, str]]:
    return read_metadata(corpus_dir)


def _metadata(corpus_dir: Path) -> dict[str, dict[str, str]]:
    """The corpus's metadata, parsed once per process for each content of the file."""
    path = corpus_dir / "metadata.csv"
    return _metadata_at(corpus_dir, hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "")


def _categories(table: pd.DataFrame) -> dict[str, list]:
    return {c: list(table[c].cat.categories) for c in table.columns if isinstance(table[c].dtype, pd.CategoricalDtype)}


def final_categories(found: list[dict[str, list]]) -> dict[str, list]:
    """Each categorical column's categories over all parts: the parts' own if they all
    agree, otherwise the sorted union (as ``pd.concat`` followed by sorting would give)."""
    final = {}
    for column in found[0]:
        lists = [f[column] for f in found]
        final[column] = lists[0] if all(x == lists[0] for x in lists) else sorted(set().union(*lists))
    return final


def read_parts(info: Parts):
    """The parts of a table, in order, with their final dtypes."""
    for path in info.paths:
        yield info.typed(pd.read_pickle(path))


def stack_parts(info: Parts) -> pd.DataFrame:
    return pd.concat(list(read_parts(info)), ignore_index=True)


def join_csv(info: Parts, path: Path) -> None:
    """One CSV file from the parts' CSV files, with the header once."""
    write_csv(pd.DataFrame(columns=info.columns), path)
    with path.open("ab") as out:
        for part in info.paths:
            with part.with_suffix(".csv").open("rb") as f:
                shutil.copyfileobj(f, out)


def write_parquet(parts: Iterable[pd.DataFrame], path: Path, schema, *, row_group: int = ROW_GROUP) -> None:
    """Write a table's parts, in order, as Parquet in row groups of ``row_group`` rows, so
    that the bytes do not depend on how the table was split into parts."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    pending, rows = [], 0
    with pq.ParquetWriter(path, schema) as writer:
        for part in parts:
            pending.append(pa.Table.from_pandas(part, schema=schema, preserve_index=False))
            rows += len(part)
            while rows >= row_group:
                joined = pa.concat_tables(pending)
                writer.write_table(joined.slice(0, row_group).combine_chunks())
                pending, rows = [joined.slice(row_group)], rows - row_group
        if rows:
            writer.write_table(pa.concat_tables(pending).combine_chunks())
