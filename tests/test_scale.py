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
