"""The same tables whatever runs them: one process, several (--jobs), or Dask partitions."""
import dask
import dask.dataframe as dd
import pandas as pd
import pytest

from analysis import cli
from analysis.paths import SEEDS_DIR


@pytest.fixture(scope="module")
def single() -> dict[str, pd.DataFrame]:
    return cli.make_tables(SEEDS_DIR)


def test_jobs_give_identical_tables(single):
    parallel = cli.make_tables(SEEDS_DIR, jobs=2)
    assert single.keys() == parallel.keys()
    for name in single:
        pd.testing.assert_frame_equal(single[name], parallel[name], obj=name)


@pytest.mark.parametrize("name", sorted(cli.TABLES))
def test_dask_partitions_give_identical_tables(seeds, single, name):
    make = cli.TABLES[name]
    with dask.config.set({"dataframe.convert-string": False, "scheduler": "processes", "num_workers": 2}):
        parts = dd.from_pandas(seeds, npartitions=3, sort=False)
        table = parts.map_partitions(make, meta=make(seeds.head(0))).compute()
    pd.testing.assert_frame_equal(table.reset_index(drop=True), single[name], obj=name)


def test_jobs_write_the_same_bytes(tmp_path):
    one = {p.name: p.read_bytes() for p in cli.write_tables(SEEDS_DIR, tmp_path / "one")}
    two = {p.name: p.read_bytes() for p in cli.write_tables(SEEDS_DIR, tmp_path / "two", jobs=2)}
    assert one == two and any(name.endswith(".parquet") for name in one)
