"""The tables on a Dask cluster: the same bytes as one process, from a folder or Parquet
articles, with a worker killed mid-run; candidate pairs by shuffles as by counting."""
import os
import signal
import subprocess
import sys

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pytest
from distributed.diagnostics.plugin import SchedulerPlugin
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import CorpusError, MetadataWarning, distributed, tables
from analysis.cli import main
from analysis.paths import PROJECT_DIR, SEEDS_DIR

from test_reuse import brute_force_pairs

SYNTHETIC = 500  # articles in the synthetic corpus (benchmarks/synth.py)


def written(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def client():
    with distributed.connect("local:2", dashboard=False) as client:
        yield client


@pytest.fixture(scope="module")
def seeds_tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("one")
    tables.write_tables(SEEDS_DIR, out)
    return written(out)


def synthetic_corpus(n: int, root) -> tuple:
    """A synthetic corpus of ``n`` articles and its tables written by one process."""
    subprocess.run([sys.executable, str(PROJECT_DIR / "benchmarks" / "synth.py"), str(n), str(root / "corpus")],
                   check=True)
    tables.write_tables(root / "corpus", root / "one")
    return root / "corpus", written(root / "one")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    return synthetic_corpus(SYNTHETIC, tmp_path_factory.mktemp("synthetic"))


@pytest.fixture(scope="module")
def small_synthetic(tmp_path_factory):
    return synthetic_corpus(200, tmp_path_factory.mktemp("small"))


@pytest.mark.slow
def test_seeds_on_a_cluster_are_the_same_bytes(client, seeds_tables, tmp_path):
    # parts of two articles, so that every shuffle mixes partitions
    distributed.write_tables(SEEDS_DIR, tmp_path, client, batch=2)
    assert written(tmp_path) == seeds_tables
    assert len(seeds_tables) == 16 and len(pd.read_csv(tmp_path / "reuse.csv")) > 0


@pytest.mark.slow
def test_seeds_from_parquet_are_the_same_bytes(client, seeds_tables, tmp_path):
    paths = distributed.write_articles_parquet(SEEDS_DIR, tmp_path / "articles", per_file=2)
    assert [p.name for p in paths] == ["articles-00000.parquet", "articles-00001.parquet", "articles-00002.parquet"]
    distributed.write_tables(tmp_path / "articles", tmp_path / "out", client)
    assert written(tmp_path / "out") == seeds_tables


@pytest.mark.slow
def test_synthetic_corpus_on_a_cluster_is_the_same_bytes(client, synthetic, tmp_path):
    corpus, one = synthetic
    distributed.write_tables(corpus, tmp_path, client, batch=100)
    assert written(tmp_path) == one
    assert len(pd.read_csv(tmp_path / "reuse.csv")) > SYNTHETIC / 10  # every tenth article is a copy


class KillOnce(SchedulerPlugin):
    """A scheduler plugin that kills, once, the worker process that has just finished the
    first task whose name starts with ``prefix`` (so its results are lost with it)."""

    def __init__(self, prefix: str, scheduler):
        self.prefix, self.scheduler, self.killed = prefix, scheduler, None

    def transition(self, key, start, finish, *args, **kwargs):
        name = key[0] if isinstance(key, tuple) else key
        if self.killed is None and finish == "memory" and str(name).startswith(self.prefix) and "worker" in kwargs:
            self.killed = (name, kwargs["worker"])
            os.kill(self.scheduler.workers[kwargs["worker"]].pid, signal.SIGKILL)


@pytest.mark.slow
@pytest.mark.parametrize("prefix", ["_article_part", "shuffle-transfer"])
def test_a_worker_killed_mid_run_changes_nothing(client, small_synthetic, tmp_path, prefix):
    # killed after its first table part, or in the middle of the first shuffle of the
    # candidate pairs (when it also holds postings and texts the later steps need)
    corpus, one = small_synthetic
    scheduler = client.cluster.scheduler  # a LocalCluster's scheduler runs in this process
    plugin = KillOnce(prefix, scheduler)
    scheduler.add_plugin(plugin, name="kill-once")
    try:
        distributed.write_tables(corpus, tmp_path, client, batch=50)
    finally:
        scheduler.remove_plugin(name="kill-once")
        client.wait_for_workers(2, timeout=60)  # the nanny has started a new worker
    assert plugin.killed is not None
    assert written(tmp_path) == one


@pytest.mark.slow
def test_parquet_articles_follow_the_loader(client, write_corpus, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = write_corpus({"a.txt": "Headline one\n\nLast updated: 2 July, 2013\n\nKerry spoke. He said more.\n",
                           "b.txt": "Headline two\n\nRain fell. Markets were calm.\n",
                           "c-d.txt": "Headline three\n\nCold winds blew. Schools closed.\n"},
                          metadata="file,outlet,published,desk\nb.txt,Outlet B,2014-01-06,World\n"
                                   "c-d.txt,Outlet C,,\n")
    with pytest.warns(MetadataWarning, match="no row for a.txt"):
        tables.write_tables(folder, tmp_path / "one")
    # one article per file: a partition whose only article has no metadata row still
    # gets the desk column; dates as Parquet dates; no sha256 column for one file
    rows = [{"file": "a.txt", "text": (folder / "a.txt").read_text(), "metadata_inferred": True},
            {"file": "b.txt", "text": (folder / "b.txt").read_text(), "outlet": "Outlet B",
             "published": pd.Timestamp("2014-01-06").date(), "desk": "World"},
            {"file": "c-d.txt", "text": (folder / "c-d.txt").read_text(), "outlet": "Outlet C"}]
    schema = pa.schema([("file", pa.string()), ("text", pa.string()), ("metadata_inferred", pa.bool_()),
                        ("outlet", pa.string()), ("published", pa.date32()), ("desk", pa.string())])
    (tmp_path / "in").mkdir()
    for i, row in enumerate(rows):
        pq.write_table(pa.Table.from_pylist([row], schema=schema), tmp_path / "in" / f"{i}.parquet")
    pq.write_table(pa.Table.from_pylist([], schema=schema), tmp_path / "in" / "3.parquet")  # no rows
    distributed.write_tables(tmp_path / "in", tmp_path / "dask", client)
    one, got = written(tmp_path / "one"), written(tmp_path / "dask")
    assert got == one
    articles = pd.read_csv(tmp_path / "dask" / "articles.csv")
    assert list(articles["metadata_inferred"]) == [True, False, False] and "desk" in articles


@pytest.mark.slow
@pytest.mark.parametrize("rows, message", [
    ([{"file": "b.txt", "text": "B"}, {"file": "a.txt", "text": "A"}], r"'a\.txt' comes after 'b\.txt'"),
    ([{"file": "a.txt", "text": "A"}, {"file": "a.txt", "text": "A"}], r"'a\.txt' comes after 'a\.txt'"),
    ([{"file": "x/a.txt", "text": "A"}], r"not the name of a \.txt file"),
    ([{"file": "a.txt", "text": "   "}], r"in\.parquet \(row group 0\), a\.txt: the file is empty"),
])
def test_bad_parquet_articles_name_the_source(client, tmp_path, rows, message):
    pd.DataFrame(rows).to_parquet(tmp_path / "in.parquet")
    with pytest.raises(CorpusError, match=message):
        distributed.write_tables(tmp_path / "in.parquet", tmp_path / "out", client)


def test_parquet_without_text_is_refused(tmp_path):
    pd.DataFrame({"file": ["a.txt"]}).to_parquet(tmp_path / "in.parquet")
    with pytest.raises(CorpusError, match="no text column"):
        distributed._loads(tmp_path / "in.parquet", 10, None)


@settings(max_examples=25, deadline=None, derandomize=True)
@given(st.dictionaries(st.sampled_from("abcdefghij"), st.lists(st.integers(0, 12), max_size=8), max_size=10),
       st.integers(2, 5), st.sampled_from([None, 1, 2, 3]), st.integers(1, 3))
def test_candidate_pairs_by_shuffles_are_those_of_a_brute_force_count(prints, max_df, max_partners, npartitions):
    postings = pd.DataFrame({"hash": np.array([h for hs in prints.values() for h in hs], dtype=np.uint64),
                             "article": pd.array([a for a, hs in prints.items() for _ in hs], dtype="string")})
    with dask.config.set({"scheduler": "sync", "dataframe.shuffle.method": "tasks",
                          "dataframe.convert-string": False}):
        pairs = distributed.candidate_pairs(dd.from_pandas(postings, npartitions=npartitions, sort=False),
                                            max_df=max_df, max_partners=max_partners).compute()
    assert len(pairs) == len(pairs.drop_duplicates())
    assert set(zip(pairs["a"], pairs["b"])) == brute_force_pairs(prints, max_df, max_partners)


@pytest.mark.parametrize("value", ["local", "local:2", "tcp://10.0.0.1:8786", "scheduler:8786"])
def test_addresses(value):
    assert distributed.parse_address(value) == value


@pytest.mark.parametrize("value", ["local:0", "local:two", "nowhere"])
def test_bad_addresses_are_one_line_errors(value, tmp_path):
    run = subprocess.run([sys.executable, "-m", "analysis", "tables", str(SEEDS_DIR), "--out", str(tmp_path),
                          "--dask", value], capture_output=True, text=True)
    assert run.returncode == 2 and "--dask" in run.stderr and not any(tmp_path.iterdir())


def test_jobs_and_dask_together_are_refused(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["tables", str(SEEDS_DIR), "--out", str(tmp_path), "--jobs", "2", "--dask", "local:2"])
    assert exit_.value.code == 2 and "not allowed with" in capsys.readouterr().err


def test_parquet_articles_need_dask(tmp_path, capsys):
    distributed.write_articles_parquet(SEEDS_DIR, tmp_path / "articles")
    assert main(["tables", str(tmp_path / "articles"), "--out", str(tmp_path / "out")]) == 2
    assert "--dask" in capsys.readouterr().err


@pytest.mark.slow
def test_command_line_on_a_local_cluster(tmp_path, seeds_tables):
    run = subprocess.run([sys.executable, "-m", "analysis", "pack", str(SEEDS_DIR), "--out", str(tmp_path / "in")],
                         capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout.strip().endswith("articles-00000.parquet")
    run = subprocess.run([sys.executable, "-m", "analysis", "tables", str(tmp_path / "in"), "--out",
                          str(tmp_path / "out"), "--dask", "local:2"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert sorted(run.stdout.split()) == sorted(str(tmp_path / "out" / name) for name in seeds_tables)
    assert written(tmp_path / "out") == seeds_tables
    assert "WARNING" not in run.stderr and "Completed" not in run.stderr  # no bar when stderr is not a terminal
