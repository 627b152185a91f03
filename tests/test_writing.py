"""The Arrow CSV formatter writes exactly the bytes of pandas' to_csv, or hands over to it."""
import io

import numpy as np
import pandas as pd
import pytest

from analysis.writing import CSV_OPTIONS, arrow_csv, write_csv


def pandas_bytes(table: pd.DataFrame, header: bool = True) -> bytes:
    buffer = io.BytesIO()
    table.to_csv(buffer, header=header, **CSV_OPTIONS)
    return buffer.getvalue()


def awkward_table() -> pd.DataFrame:
    texts = ["plain", "with, comma", 'a "quote"', "two\nlines", "carriage\rreturn", "", None, "ünïcödé — “curly”"]
    n = len(texts)
    return pd.DataFrame({
        "text": pd.Series(texts, dtype="str"),
        "number": np.arange(n, dtype="int64") * -7,
        "maybe": pd.array([1, None, 3, 4, None, 6, 7, 8], dtype="Int64"),
        "ratio": [0.1, 1e16, 1.5e-7, np.nan, 100000.0, -0.0, 2.5, float("inf")],
        "flag": [True, False] * (n // 2),
        "known": pd.array([True, None, False, True, None, False, True, None], dtype="boolean"),
        "day": pd.to_datetime(format="ISO8601", arg=["2013-07-02", "2013-08-21 13:45", None, "1999-12-31", "2026-01-01", None,
                               "1700-06-01", "2262-04-01"]),
        "kind": pd.Categorical(["b", "a", "b", None, "a", "a", "c", "b"], categories=["b", "a", "c"]),
    })


@pytest.mark.parametrize("header", [True, False])
def test_arrow_csv_is_to_csv(header):
    table = awkward_table()
    assert arrow_csv(table, header=header) == pandas_bytes(table, header)


def test_arrow_csv_across_slices(monkeypatch):
    import analysis.writing as writing

    monkeypatch.setattr(writing, "ROWS_PER_SLICE", 3)
    table = pd.concat([awkward_table()] * 5, ignore_index=True)
    assert writing.arrow_csv(table) == pandas_bytes(table)


@pytest.mark.parametrize("table", [
    pd.DataFrame({"only": pd.Series(["", None, "x"], dtype="str")}),  # a lone empty field is written ""
    pd.DataFrame({"any": [{"a": 1}, [2]], "b": [1, 2]}),  # object column: only to_csv knows
    pd.DataFrame({"old": pd.to_datetime(["0999-01-02", None]).as_unit("us"), "b": [1, 2]}),  # year below 1000
    pd.DataFrame({"text": pd.Series([], dtype="str"), "b": pd.Series([], dtype="int64")}),  # header only
], ids=["one column", "objects", "old year", "empty"])
def test_write_csv_hands_over_to_pandas(table, tmp_path):
    write_csv(table, tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_bytes() == pandas_bytes(table)


def test_write_csv_to_a_path_and_a_buffer(tmp_path):
    table = awkward_table()
    write_csv(table, tmp_path / "t.csv", header=False)
    buffer = io.BytesIO()
    write_csv(table, buffer, header=False)
    assert (tmp_path / "t.csv").read_bytes() == buffer.getvalue() == pandas_bytes(table, header=False)
