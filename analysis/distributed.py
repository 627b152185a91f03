"""The tables on a Dask cluster: ``python -m analysis tables CORPUS --out DIR --dask ADDRESS``.

The same tables as :func:`analysis.tables.write_tables`, byte for byte, with the work
done by the workers of a ``dask.distributed`` cluster and the shared-passage table made
the distributed way, so that no step holds the whole corpus in one process.

Where it runs
    ``--dask local:N`` starts a ``LocalCluster`` of N worker processes (one thread each)
    on this machine (``local``: one per core); any other address (``tcp://host:8786``)
    connects to a running scheduler. Every worker needs this package installed, in the
    same version (``pip install -r requirements.txt`` and the project), since the tasks
    call its functions. The process that runs the command (the client) writes the
    tables: workers need no shared disk, and send back what they make.

The corpus
    A folder of ``.txt`` files (and ``metadata.csv``), read by the workers themselves:
    on a cluster of several machines it must be at the same path on every worker (a
    shared file system). Or Parquet files of articles: a path or URL that Dask can read
    (``s3://...``, ``gs://...``, ``https://...`` with the matching fsspec package on the
    workers), so that nothing needs a shared disk. :func:`write_articles_parquet`
    (``python -m analysis pack CORPUS_DIR --out DIR``) writes a folder as such files.

Parquet articles (the layout)
    One row per article file, the rows in increasing order of ``file`` (checked before
    any work; ``pack`` writes them so). Each row group is one partition (``pack`` writes
    500 articles per file, in one row group); write other files with row groups of a few
    thousand articles, not millions. Columns:

    * ``file`` (string, required): the article's file name, ending in ``.txt``; its stem
      is the ``article_id``, as in a folder;
    * ``text`` (string, required): the article's text, decoded (what a folder's file
      holds, as UTF-8); CRLF or CR line ends become LF, as when a file is read;
    * ``sha256`` (string, optional): the SHA-256 of the original file's bytes, for the
      articles table; where missing, that of ``text`` as UTF-8;
    * ``metadata_inferred`` (bool, optional, false where missing): true for an article
      that had no row in ``metadata.csv`` (its headline and date are inferred from the
      text, as the loader does for such a file);
    * every other column is a column of ``metadata.csv`` (``outlet``, ``published`` as
      YYYY-MM-DD or a date, ``url``, ``author``, ``headline``, ``date_basis`` and any
      extra ones), its values strings, empty or null where the row has none.

    Each partition's articles are loaded by :func:`analysis.load_articles` itself: they
    are written, as UTF-8 files with a ``metadata.csv`` of their rows, into a temporary
    folder on the worker, so that every rule of the loader (layout, inferred headline and
    date, the checks and their errors) applies unchanged and the tables equal a folder
    run's. An error names the Parquet file, the row group and the article's file.

How the tables are made
    1. *Articles.* Each partition (``batch`` files of a folder, or one partition of the
       Parquet files) is loaded on a worker, its per-article tables made there
       (:func:`analysis.tables.article_tables`) and sent back as parts (pickle and CSV
       bytes), which the client writes to disk as they arrive. From the same load, each
       partition also keeps in the cluster its *postings* (fingerprint hash, article),
       the winnowed fingerprints of :mod:`analysis.reuse`, and its *texts* with their
       shingles (made once, as the one-machine run saves them once).
    2. *Candidate pairs, as shuffles* (:func:`candidate_pairs`): the postings are
       shuffled by hash, so that each fingerprint's holders meet in one partition;
       fingerprints held by one article or by more than ``max_df`` are dropped and each
       partition counts, for each ordered pair of holders (x, y), the fingerprints they
       share there. A second shuffle, by x, brings all of an article's counts together:
       summed, they give the fingerprints it shares with each partner, and it keeps its
       ``max_partners`` partners sharing the most (ties: the earlier article id); a last
       shuffle by pair drops the pairs chosen by both sides. This is
       :func:`analysis.reuse.candidate_index`'s rule, pair for pair.
    3. *Passages, per partition* (:func:`passages_in_order`): the pairs are joined to the
       texts twice (hash joins on a, then b), and each partition compares its pairs with
       :func:`analysis.reuse.pair_passages`. The passages are then range-partitioned by
       ``article_a`` (boundaries from a sample of the article ids, one in
       ``SAMPLE_EVERY``, taken in step 1) and each range sorted by (article_a,
       article_b, start_a, start_b): the order of the one-machine table. The client
       writes the ranges in order, as they arrive.
    4. The client joins each table's parts as :func:`analysis.tables.write_tables`
       does (CSV byte for byte, Parquet in fixed row groups).

What the client holds
    The task graph, the list of the folder's file names (as ``--jobs`` does) or of the
    Parquet row groups, each part's categories, the id sample (about one id in 64),
    and one part at a time on its way to disk. Fingerprints, pairs, texts and passages
    stay in the cluster (spilled to disk by Dask when memory runs short).

Failures
    A worker lost mid-run is replaced by its nanny and its tasks run again by Dask from
    their inputs (a lost load is read again); a task that kills three workers is given
    up (Dask's ``distributed.scheduler.allowed-failures``). The shuffles use Dask's
    peer-to-peer method, which restarts a shuffle that lost a worker. The texts compared
    are checked, partition by partition, against those whose tables were written: a
    corpus edited during the run raises ``CorpusError``.

Known limits
    A folder on a cluster of several machines must be mounted at the same path on every
    worker. Two Parquet rows whose file names differ only in the case of ``.txt`` give
    one article id twice, which a folder refuses and this does not check. Progress is
    Dask's text progress bar (on a terminal) and the dashboard's link (when the
    scheduler serves one).
"""
from __future__ import annotations

import contextlib
import csv
import datetime
import hashlib
import io
import logging
import os
import pickle
import sys
import tempfile
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from . import tables
from .corpus import article_files, load_articles, read_metadata, read_text
from .errors import CorpusError
from .paths import SEEDS_DIR
from .reuse import (DEFAULT_MAX_DF, DEFAULT_MAX_PARTNERS, PASSAGE_COLUMNS, _ranks, article_shingles, fingerprint,
                    pair_passages, passage_table)
from .writing import write_csv

SAMPLE_EVERY = 64  # one article id in this many goes to the client, for the ranges of the reuse table
# Parquet columns that are not metadata.csv columns
ARTICLE_FIELDS = ["file", "text", "sha256", "metadata_inferred"]
# the dtypes of the frames passed between the stages
POSTINGS = {"hash": "uint64", "article": "string"}
TEXTS = {"article": "string", "text": "string", "sha256": "string", "shingles": "object"}
WAYS = {"x": "string", "y": "string", "shared": "int64"}
PAIRS = {"a": "string", "b": "string"}


def _empty(dtypes: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in dtypes.items()})


# ---------------------------------------------------------------- the cluster

def parse_address(value: str) -> str:
    """``local``, ``local:N`` (N >= 1) or a scheduler address, as given; an
    ``argparse``-style ValueError otherwise."""
    if value.startswith("local:"):
        n = value.split(":", 1)[1]
        if not n.isdigit() or int(n) < 1:
            raise ValueError(f"{value!r}: write local:N with N a whole number of at least 1")
    elif value != "local" and "://" not in value and ":" not in value:
        raise ValueError(f"{value!r} is not local, local:N or a scheduler address such as tcp://host:8786")
    return value


@contextlib.contextmanager
def connect(address: str, *, dashboard: bool = True):
    """A ``distributed.Client``: on a new ``LocalCluster`` for ``local[:N]``, else connected
    to the scheduler at ``address`` (a CorpusError, saying what to do, when none answers)."""
    from distributed import Client, LocalCluster

    if address == "local" or address.startswith("local:"):
        n = int(address.split(":", 1)[1]) if ":" in address else None
        _quiet_shuffle_notes()
        # the scheduler serves HTTP (the dashboard, if bokeh is there) on a free port, since
        # another run may hold 8787
        with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0",
                          scheduler_kwargs={"dashboard": dashboard and _has_bokeh()}) as cluster, \
                Client(cluster) as client:
            yield client
        return
    try:
        client = Client(address, timeout="20s")
    except OSError as err:
        raise CorpusError(f"{address}: no Dask scheduler answered ({err}); start one (dask scheduler) "
                          "or pass --dask local:N to use this machine") from None
    with client:
        yield client


class _ShuffleNotes(logging.Filter):
    """Drops the two notes the peer-to-peer shuffle logs at WARNING level for every shuffle
    it starts and ends (nothing is wrong); its other messages pass."""
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(("Shuffle %s initialized by task", "Shuffle %s deactivated due to"))


def _quiet_shuffle_notes() -> None:
    log = logging.getLogger("distributed.shuffle._scheduler_plugin")
    if not any(isinstance(f, _ShuffleNotes) for f in log.filters):
        log.addFilter(_ShuffleNotes())


def _has_bokeh() -> bool:
    try:
        import bokeh  # noqa: F401
    except ImportError:
        return False
    return True


def is_parquet(corpus: str | Path) -> bool:
    """Whether ``corpus`` names Parquet articles (a URL, a ``.parquet`` file, or a folder of
    ``.parquet`` files without ``.txt`` files) rather than a folder of articles."""
    text = str(corpus)
    if "://" in text:
        return True
    path = Path(text)
    if path.is_file():
        return path.suffix.lower() == ".parquet"
    return path.is_dir() and any(path.glob("*.parquet")) and not any(p.suffix.lower() == ".txt" for p in path.iterdir())


# ---------------------------------------------------------------- the whole run

def write_tables(corpus: str | Path | None, out: str | Path, client, *, parquet: bool = True,
                 batch: int = tables.BATCH, row_group: int = tables.ROW_GROUP, max_df: int = DEFAULT_MAX_DF,
                 max_partners: int | None = DEFAULT_MAX_PARTNERS, clock: tables.Clock | None = None,
                 progress: bool | None = None) -> list[Path]:
    """Write every table of a corpus (a folder or Parquet articles) into ``out`` with the
    workers of ``client``, as :func:`analysis.tables.write_tables` writes them; return
    the paths written. ``progress``: Dask's progress bar on stderr (default: when
    stderr is a terminal). See the module docstring."""
    import dask

    corpus = corpus if corpus is not None else SEEDS_DIR
    out = tables.writable_folder(out)
    clock = clock if clock is not None else tables.Clock()
    show = sys.stderr.isatty() if progress is None else progress
    with tempfile.TemporaryDirectory(prefix=".parts-", dir=out) as tmp, \
            dask.config.set({"dataframe.convert-string": False}):
        tmp = Path(tmp)
        loads = _loads(corpus, batch, client)
        made, prints, texts = _first_pass(client, loads)
        categories, samples, digests = [{}] * len(loads), [], [""] * len(loads)
        with clock.timing("first pass"):
            for i, result in _arrivals(made, "articles and their tables", show):
                for name, (pkl, text) in result["parts"].items():
                    _write_bytes(tmp / name, i, pkl, text)
                categories[i], digests[i] = result["categories"], result["digest"]
                samples += result["sample"]
                for step, spent in result["seconds"].items():
                    clock.add(step, spent)
        with clock.timing("shared passages"):
            found = passages_in_order(_frame(prints, POSTINGS), _frame(texts, TEXTS), _boundaries(samples, len(loads)),
                                      max_df=max_df, max_partners=max_partners)
            parts = client.compute([dask.delayed(_serialized)(p) for p in found.to_delayed()])
            for i, (pkl, text) in _arrivals(parts, "shared passages", show):
                _write_bytes(tmp / "reuse", i, pkl, text)
            _check_texts(client, texts, digests)
        del prints, texts
        with clock.timing("assemble"):
            return [path for info in tables.parts_on_disk(tmp, categories).values()
                    for path in tables._write_table(info, out, parquet, row_group)]


def _write_bytes(folder: Path, index: int, pkl: bytes, text: bytes) -> None:
    folder.mkdir(exist_ok=True)
    (folder / f"{index:06d}.pkl").write_bytes(pkl)
    (folder / f"{index:06d}.csv").write_bytes(text)


def _serialized(table: pd.DataFrame) -> tuple[bytes, bytes]:
    """A part as the one-machine run writes it: pickled (exact dtypes) and as CSV without header."""
    buffer = io.BytesIO()
    write_csv(table, buffer, header=False)
    return pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL), buffer.getvalue()


def _first_pass(client, loads: list) -> tuple[list, list, list]:
    """Futures of each partition's tables (for the client), postings and texts (kept in the cluster)."""
    import dask

    made = [dask.delayed(_article_part)(x) for x in loads]
    both = [dask.delayed(_reuse_inputs, nout=2)(x) for x in loads]
    prints, texts = [b[0] for b in both], [b[1] for b in both]
    futures = client.compute([*made, *prints, *texts])  # one graph: each load runs once
    n = len(loads)
    return futures[:n], futures[n:2 * n], futures[2 * n:]


def _frame(futures: list, dtypes: dict[str, str]):
    import dask.dataframe as dd

    return dd.from_delayed(futures, meta=_empty(dtypes), verify_meta=False)


def _arrivals(futures: list, label: str, show: bool) -> Iterator[tuple[int, object]]:
    """(position, result) of each future as it completes, each released once read, so that
    the cluster forgets it; Dask's progress bar on stderr meanwhile when ``show``."""
    from distributed import as_completed

    position = {f.key: i for i, f in enumerate(futures)}
    bar = threading.Thread(target=_progress_bar, args=(list(futures), label), daemon=True) if show else None
    if bar:
        bar.start()
    for future, result in as_completed(futures, with_results=True):
        yield position[future.key], result
        future.release()
    if bar:
        bar.join(timeout=5)


def _progress_bar(futures: list, label: str) -> None:
    from distributed import progress

    print(label, file=sys.stderr, flush=True)
    with contextlib.redirect_stdout(sys.stderr):  # stdout lists the files written
        progress(futures, notebook=False)
    print(file=sys.stderr, flush=True)


def _check_texts(client, texts: list, digests: list[str]) -> None:
    """The texts the pairs were compared on are those whose tables were written (a text
    read again after a lost worker could have changed in between)."""
    import dask

    now = client.compute([dask.delayed(_texts_digest)(t) for t in texts], sync=True)
    for i, (was, is_now) in enumerate(zip(digests, now)):
        if was != is_now:
            raise CorpusError(f"partition {i} of the corpus changed while its tables were being made; "
                              "run the command again on a corpus that is not being edited")


# ---------------------------------------------------------------- step 1: articles

def _loads(corpus: str | Path, batch: int, client) -> list:
    """One delayed articles frame per partition of the corpus, checked as far as can be
    without loading it (a broken metadata.csv, Parquet without file or text columns,
    rows out of order fail here, once)."""
    import dask

    if not is_parquet(corpus):
        folder = Path(corpus)
        names = [p.name for p in article_files(folder)]
        read_metadata(folder)
        return [dask.delayed(_load_folder)(folder, names[i:i + batch]) for i in range(0, len(names), batch)]
    source = str(corpus)
    groups = _row_groups(source)
    _check_order(source, groups, client)
    return [dask.delayed(_load_parquet)(fs, path, group) for fs, path, group in groups]


def _row_groups(source: str) -> list[tuple]:
    """(file system, path, row group) of every row group with rows, in the order of the
    files' names; a CorpusError when there are none or they lack file or text."""
    import fsspec
    import pyarrow.parquet as pq

    try:
        fs, path = fsspec.core.url_to_fs(source)
        files = sorted(fs.glob(path.rstrip("/") + "/*.parquet")) if fs.isdir(path) else [path]
        groups, missing = [], []
        for name in files:
            with fs.open(name, "rb") as f:
                meta = pq.ParquetFile(f).metadata
            missing += [c for c in ("file", "text") if c not in meta.schema.names and c not in missing]
            groups += [(fs, name, i) for i in range(meta.num_row_groups) if meta.row_group(i).num_rows]
    except (OSError, ValueError) as err:
        raise CorpusError(f"{source}: cannot read it as Parquet articles ({err}); pass a folder of .txt articles, "
                          "or Parquet files written by python -m analysis pack") from None
    if missing:
        raise CorpusError(f"{source}: no {' and no '.join(missing)} column; Parquet articles need file and text "
                          "(write a folder as such files with python -m analysis pack)")
    if not groups:
        raise CorpusError(f"{source}: no articles in these Parquet files")
    return groups


def _row_group(fs, path: str, group: int, columns: list[str] | None = None) -> pd.DataFrame:
    import pyarrow.parquet as pq

    with fs.open(path, "rb") as f:
        return pq.ParquetFile(f).read_row_group(group, columns=columns).to_pandas()


def _check_order(source: str, groups: list[tuple], client) -> None:
    """Every file name valid, and the rows in strictly increasing order of file name (so
    that the tables come out in a folder's order, and no name comes twice); read by the
    workers, one row group each."""
    import dask

    ranges = client.compute([dask.delayed(_name_range)(fs, path, group) for fs, path, group in groups], sync=True)
    last = None
    for first, final, problem in ranges:
        if problem is not None:
            raise CorpusError(f"{source}: {problem}")
        if last is not None and first <= last:
            raise CorpusError(f"{source}: {first!r} comes after {last!r}; the rows must be in increasing order of "
                              "file name, each name once (python -m analysis pack writes them so)")
        last = final


def _name_range(fs, path: str, group: int) -> tuple[str, str, str | None]:
    """The first and last file names of a row group, and what is wrong with its names."""
    names = _row_group(fs, path, group, ["file"])["file"].tolist()
    for i, name in enumerate(names):
        if not isinstance(name, str) or not name.lower().endswith(".txt") or "/" in name or "\\" in name:
            return "", "", f"file {name!r} is not the name of a .txt file (a name without folders, ending in .txt)"
        if i and name <= names[i - 1]:
            return "", "", (f"{name!r} comes after {names[i - 1]!r}; the rows must be in increasing order of file "
                            "name, each name once (python -m analysis pack writes them so)")
    return names[0], names[-1], None


def _load_folder(folder: Path, files: list[str]) -> pd.DataFrame:
    return load_articles(folder, files=files, metadata=tables._metadata(folder))


def _load_parquet(fs, path: str, group: int) -> pd.DataFrame:
    """Load one row group of Parquet articles with the loader itself (see the module docstring)."""
    part = _row_group(fs, path, group)
    names = part["file"].tolist()
    listed = [not bool(x) if x is not None and x is not pd.NA else True
              for x in (part["metadata_inferred"].tolist() if "metadata_inferred" in part else [False] * len(part))]
    header = ["file", *[c for c in part.columns if c not in ARTICLE_FIELDS]]
    where = f"{path} (row group {group})"
    with tempfile.TemporaryDirectory(prefix="analysis-articles-") as tmp:
        folder = Path(tmp)
        for name, text in zip(names, part["text"].tolist()):
            if not isinstance(text, str):
                raise CorpusError(f"{where}, {name}: no text; give every row the article's text")
            (folder / name).write_bytes(text.encode("utf-8"))
        with open(folder / "metadata.csv", "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(header)
            for row, keep in zip(part[header].itertuples(index=False, name=None), listed):
                if keep:
                    writer.writerow([_as_text(v) for v in row])
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                rows = read_metadata(folder)
                # a row for no file, so that a partition whose articles all lack a row
                # still gets the corpus's metadata columns, as in a folder run
                rows[""] = dict.fromkeys(header, "")
                articles = load_articles(folder, files=names, metadata=rows)
        except CorpusError as err:
            raise CorpusError(_named(str(err), folder, where)) from None
    for w in caught:
        warnings.warn_explicit(_named(str(w.message), folder, where), w.category, filename="analysis", lineno=0,
                               module="analysis")
    if "sha256" in part:
        given = pd.array([x if isinstance(x, str) and x else None for x in part["sha256"].tolist()], dtype="string")
        articles["sha256"] = given.fillna(articles["sha256"].array) if given.isna().any() else given
    return articles


def _named(message: str, folder: Path, where: str) -> str:
    """A loader's message about the temporary folder, naming the Parquet source instead."""
    for path, name in ((folder / "metadata.csv", where), (f"{folder}{os.sep}", f"{where}, "), (folder, where)):
        message = message.replace(str(path), name)
    return message


def _as_text(value) -> str:
    """A metadata value as metadata.csv would hold it (dates as YYYY-MM-DD)."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, (datetime.date, pd.Timestamp)):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _article_part(articles: pd.DataFrame) -> dict:
    """One partition's per-article tables as parts, their categories, the time per step,
    a sample of its article ids and a digest of its texts."""
    clock = tables.Clock()
    made = tables.article_tables(articles, clock)
    with clock.timing("write"):
        parts = {name: _serialized(table) for name, table in made.items()}
    ids = sorted(articles["article_id"].tolist())
    return {"parts": parts, "categories": {name: tables._categories(t) for name, t in made.items()},
            "seconds": clock.seconds, "sample": ids[::SAMPLE_EVERY] + ids[-1:],
            "digest": _texts_digest(articles.rename(columns={"article_id": "article"}))}


def _reuse_inputs(articles: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What the shared-passage table needs of a partition: its postings, (fingerprint
    hash, article) once for each fingerprint an article holds, and its texts with their
    :class:`~analysis.reuse.Shingles` (pickled), made here once, while the texts' layouts
    are still memoised, as the one-machine run saves them once."""
    shingles = [article_shingles(text) for text in articles["text"].tolist()]
    hashes = [np.unique(fingerprint(sh.hashes)) for sh in shingles]
    ids = np.repeat(np.array(articles["article_id"].tolist(), dtype=object), [len(h) for h in hashes])
    postings = pd.DataFrame({"hash": np.concatenate([np.zeros(0, np.uint64), *hashes]).astype(np.uint64),
                             "article": pd.array(ids, dtype="string")})
    texts = pd.DataFrame({"article": articles["article_id"].astype("string").array,
                          "text": articles["text"].astype("string").array,
                          "sha256": articles["sha256"].astype("string").array,
                          "shingles": pd.Series([pickle.dumps(sh, protocol=pickle.HIGHEST_PROTOCOL) for sh in shingles],
                                                dtype="object")})
    return postings, texts


def _texts_digest(texts: pd.DataFrame) -> str:
    return hashlib.sha256("\n".join(f"{a}\t{s}" for a, s in zip(texts["article"], texts["sha256"])).encode()).hexdigest()


def _boundaries(samples: list[str], parts: int) -> list[str]:
    """``parts - 1`` increasing article ids that split the sample into ranges of about
    equal size (fewer when ids repeat)."""
    ids = sorted(set(samples))
    cuts = [ids[len(ids) * i // parts] for i in range(1, parts)] if ids else []
    return sorted(set(cuts) - {ids[0]}) if ids else []


# ---------------------------------------------------------------- step 2: candidate pairs

def candidate_pairs(postings, *, max_df: int = DEFAULT_MAX_DF, max_partners: int | None = DEFAULT_MAX_PARTNERS):
    """The candidate pairs (a < b) of :func:`analysis.reuse.candidate_pairs`, from a Dask
    DataFrame of postings (hash, article), made by shuffles (see the module docstring)."""
    ways = postings.shuffle(on="hash").map_partitions(_shared_counts, max_df, meta=_empty(WAYS))
    chosen = ways.shuffle(on="x").map_partitions(_partners, max_partners, meta=_empty(PAIRS))
    if max_partners is None:
        return chosen  # each pair once: from its earlier article's partition
    return chosen.shuffle(on=["a", "b"]).map_partitions(_unique_pairs, meta=_empty(PAIRS))


def _shared_counts(postings: pd.DataFrame, max_df: int) -> pd.DataFrame:
    """For the fingerprints of one partition (each fingerprint's holders all here): each
    ordered pair of holders (x, y), and the number of the fingerprints held by 2 to
    ``max_df`` articles that they share here."""
    codes, names = pd.factorize(postings["article"], sort=True)
    h, c = postings["hash"].to_numpy(dtype=np.uint64), codes.astype(np.int64)
    order = np.lexsort((c, h))
    h, c = h[order], c[order]
    once = np.r_[True, (h[1:] != h[:-1]) | (c[1:] != c[:-1])] if len(h) else np.zeros(0, bool)
    h, c = h[once], c[once]
    starts = np.flatnonzero(np.r_[True, h[1:] != h[:-1]]) if len(h) else np.zeros(0, np.int64)
    sizes = np.diff(np.r_[starts, len(h)])
    useful = (sizes >= 2) & (sizes <= max_df)
    starts, sizes = starts[useful], sizes[useful]
    # each holder of each useful fingerprint, then each holder with every holder of it
    member = np.repeat(starts, sizes) + _ranks(sizes)
    size_of, start_of = np.repeat(sizes, sizes), np.repeat(starts, sizes)
    x = np.repeat(c[member], size_of)
    y = c[np.repeat(start_of, size_of) + _ranks(size_of)]
    n = max(len(names), 1)
    pairs, shared = np.unique((x * n + y)[x != y], return_counts=True)
    names = np.asarray(names, dtype=object)
    return pd.DataFrame({"x": pd.array(names[pairs // n], dtype="string"),
                         "y": pd.array(names[pairs % n], dtype="string"), "shared": shared.astype(np.int64)})


def _partners(ways: pd.DataFrame, max_partners: int | None) -> pd.DataFrame:
    """From every (x, y, shared here) of the articles x of one partition: the pairs (a < b)
    sharing a fingerprint, or, with ``max_partners``, each x's ``max_partners`` partners
    sharing the most fingerprints (ties: the earlier article id), as pairs (a < b)."""
    summed = ways.groupby(["x", "y"], sort=False, as_index=False)["shared"].sum()
    if max_partners is None:
        kept = summed[summed["x"] < summed["y"]]
        return pd.DataFrame({"a": kept["x"].array, "b": kept["y"].array}).astype(PAIRS)
    top = summed.sort_values(["x", "shared", "y"], ascending=[True, False, True]).groupby("x", sort=False).head(max_partners)
    first = top["x"] < top["y"]
    return pd.DataFrame({"a": top["x"].where(first, top["y"]).array, "b": top["y"].where(first, top["x"]).array}).astype(PAIRS)


def _unique_pairs(pairs: pd.DataFrame) -> pd.DataFrame:
    return pairs.drop_duplicates(ignore_index=True)


# ---------------------------------------------------------------- step 3: passages

def passages_in_order(postings, texts, boundaries: list[str], *, max_df: int = DEFAULT_MAX_DF,
                      max_partners: int | None = DEFAULT_MAX_PARTNERS):
    """The shared-passage table as a Dask DataFrame whose partitions, in order, are the
    table of :func:`analysis.reuse.shared_passages` row for row: partition r holds the
    pairs whose article_a lies between ``boundaries[r - 1]`` and ``boundaries[r]``."""
    pairs = candidate_pairs(postings, max_df=max_df, max_partners=max_partners)
    text_a = texts[["article", "text", "shingles"]].rename(columns={"article": "a", "text": "text_a", "shingles": "sh_a"})
    text_b = texts[["article", "text", "shingles"]].rename(columns={"article": "b", "text": "text_b", "shingles": "sh_b"})
    joined = pairs.merge(text_a, on="a").merge(text_b, on="b")
    found = joined.map_partitions(_compared, boundaries, meta=passage_table([]).assign(range=pd.Series(dtype="int64")))
    ranged = found.set_index("range", divisions=list(range(len(boundaries) + 2)))
    return ranged.map_partitions(_sorted_passages, meta=passage_table([]))


def _compared(pairs: pd.DataFrame, boundaries: list[str]) -> pd.DataFrame:
    """The passages of one partition's pairs, each with the number of its range."""
    rows, where = [], {}
    for a, text_a, sh_a, b, text_b, sh_b in zip(*(pairs[c].tolist() for c in ("a", "text_a", "sh_a", "b", "text_b", "sh_b"))):
        rows += pair_passages(a, text_a, pickle.loads(sh_a), b, text_b, pickle.loads(sh_b), where)
    table = passage_table(rows)
    cut = np.searchsorted(np.array(boundaries, dtype=object), np.array(table["article_a"].tolist(), dtype=object),
                          side="right")
    return table.assign(range=cut.astype(np.int64))


def _sorted_passages(ranged: pd.DataFrame) -> pd.DataFrame:
    """One range of passages in the table's order: pair by pair, each pair's in A's text order."""
    ordered = ranged.reset_index(drop=True).sort_values(["article_a", "article_b", "start_a", "start_b"])
    return passage_table(list(ordered[PASSAGE_COLUMNS].itertuples(index=False, name=None)))


# ---------------------------------------------------------------- Parquet articles from a folder

def write_articles_parquet(corpus_dir: str | Path, out: str | Path, *, per_file: int = tables.BATCH) -> list[Path]:
    """Write a folder corpus as Parquet articles (the layout of the module docstring):
    ``<out>/articles-00000.parquet`` ... with ``per_file`` articles each, in file-name
    order; return the paths. ``out`` must not hold Parquet files already."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    corpus_dir = Path(corpus_dir)
    names = [p.name for p in article_files(corpus_dir)]
    metadata = read_metadata(corpus_dir)
    columns = [c for c in next(iter(metadata.values()), {}) if c != "file"]
    out = tables.writable_folder(out)
    if any(out.glob("*.parquet")):
        raise CorpusError(f"{out}: already holds Parquet files; pass an empty or new folder for --out")
    schema = pa.schema([("file", pa.string()), ("text", pa.string()), ("sha256", pa.string()),
                        ("metadata_inferred", pa.bool_()), *[(c, pa.string()) for c in columns]])
    paths = []
    for i in range(0, len(names), per_file):
        rows = []
        for name in names[i:i + per_file]:
            text, digest = read_text(corpus_dir / name)
            row = metadata.get(name)
            rows.append({"file": name, "text": text, "sha256": digest, "metadata_inferred": row is None,
                         **{c: (row.get(c) if row is not None else None) for c in columns}})
        paths.append(out / f"articles-{i // per_file:05d}.parquet")
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), paths[-1])
    return paths
