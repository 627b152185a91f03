"""The same tables whatever runs them: one process, several (--jobs), or Dask partitions."""
import dask
import dask.dataframe as dd
import pandas as pd
import pytest

from analysis import CorpusError, tables
from analysis.paths import SEEDS_DIR
from analysis.reuse import shared_passages

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def single() -> dict[str, pd.DataFrame]:
    return tables.make_tables(SEEDS_DIR)


def test_jobs_give_identical_tables(single):
    # parts of two articles, so the tables are stacked from parts whose categories differ
    parallel = tables.make_tables(SEEDS_DIR, jobs=2, batch=2)
    assert single.keys() == parallel.keys()
    for name in single:
        pd.testing.assert_frame_equal(single[name], parallel[name], obj=name)


@pytest.mark.parametrize("name", sorted(tables.TABLES))
def test_dask_partitions_give_identical_tables(seeds, single, name):
    make = tables.TABLES[name]
    with dask.config.set({"dataframe.convert-string": False, "scheduler": "processes", "num_workers": 2}):
        parts = dd.from_pandas(seeds, npartitions=3, sort=False)
        table = parts.map_partitions(make, meta=make(seeds.head(0))).compute()
    pd.testing.assert_frame_equal(table.reset_index(drop=True), single[name], obj=name)


def test_jobs_write_the_same_bytes(tmp_path):
    one = {p.name: p.read_bytes() for p in tables.write_tables(SEEDS_DIR, tmp_path / "one")}
    two = {p.name: p.read_bytes() for p in tables.write_tables(SEEDS_DIR, tmp_path / "two", jobs=2, batch=2)}
    assert one == two and any(name.endswith(".parquet") for name in one)
    assert sorted(p.name for p in (tmp_path / "two").iterdir()) == sorted(two)  # no parts left behind


def test_tables_written_in_parts_are_the_tables(tmp_path, single):
    # tiny row groups, so the Parquet files are written across several parts
    tables.write_tables(SEEDS_DIR, tmp_path, batch=2, row_group=7)
    for name, table in single.items():
        tables.write_csv(table, tmp_path / "whole.csv")
        assert (tmp_path / f"{name}.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes(), name
        back = pd.read_parquet(tmp_path / f"{name}.parquet")
        pd.testing.assert_frame_equal(back, table, check_categorical=False, obj=name)


def test_reuse_in_parts_is_shared_passages(single, seeds):
    parted = tables.make_tables(SEEDS_DIR, batch=1, pairs_per_part=1)["reuse"]
    pd.testing.assert_frame_equal(parted, shared_passages(seeds))
    pd.testing.assert_frame_equal(parted, single["reuse"])


def test_a_file_changed_between_the_two_passes_is_an_error(write_corpus, tmp_path):
    wire = ("Kerry said that Washington and Moscow were committed to holding a peace conference on Syria "
            "but that it would likely take place after August.")
    folder = write_corpus({"a.txt": "Headline one\n\nRain fell. Markets were calm.\n\n" + wire,
                           "b.txt": "Headline two\n\nCold winds blew. Schools closed.\n\n" + wire},
                          metadata="file,outlet\na.txt,A\nb.txt,B\n")

    def run(function, tasks):
        if function is tables._passage_parts:  # between the passes: someone edits an article
            (folder / "a.txt").write_text("Headline one\n\nEdited. " + wire, encoding="utf-8")
        return [function(*task) for task in tasks]

    with pytest.raises(CorpusError, match=r"a\.txt: the file changed while its tables were being made"):
        tables.make_parts(folder, tmp_path, run)
