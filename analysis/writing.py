"""Writing tables to disk, byte for byte the same on every run and machine.

CSV: UTF-8, LF line ends, no index, dates as ISO days (``YYYY-MM-DD``), pandas' own
formatting of every other value. Kept apart from ``figures`` so that writing a table
does not import the charting libraries (which take a second or two to import, in every
worker process).

The tables pipeline writes tens of megabytes of CSV, and ``DataFrame.to_csv`` formats it
one Python value at a time. So the column types the tables use (strings, integers,
floats, booleans, timestamps, categoricals of strings) are formatted column by column
in Arrow instead, rendering each value exactly as ``to_csv`` does; a table with any
other column type is written by ``to_csv`` itself. The two give the same bytes
(``tests/test_writing.py``).
"""
from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

CSV_OPTIONS = {"index": False, "lineterminator": "\n", "date_format": "%Y-%m-%d"}
DAY = "%Y-%m-%d"
ROWS_PER_SLICE = 50_000  # rows formatted at once: keeps every joined string array far below 2 GB


def write_csv(table: pd.DataFrame, path, *, header: bool = True) -> None:
    """Write a tidy table as UTF-8 CSV with LF line ends and ISO dates (byte-stable).

    ``path``: a file path or a binary buffer."""
    text = arrow_csv(table, header=header) if _arrow_writable(table, path) else None
    if text is None:
        table.to_csv(path, header=header, **CSV_OPTIONS)
    elif isinstance(path, (str, Path)):
        Path(path).write_bytes(text)
    else:
        path.write(text)


def _arrow_writable(table: pd.DataFrame, path) -> bool:
    # one-column rows follow another csv rule (a lone empty field is written ""), and an
    # empty table is only its header: to_csv writes both cheaply
    return (isinstance(path, (str, Path, io.BufferedIOBase, io.BytesIO)) and len(table) > 0 and table.shape[1] > 1
            and all(isinstance(c, str) for c in table.columns) and all(_kind(t) for t in table.dtypes))


def _kind(dtype) -> str | None:
    """How a column of this dtype is rendered in Arrow, or None when only to_csv knows."""
    if isinstance(dtype, pd.CategoricalDtype):
        return "string" if isinstance(dtype.categories.dtype, pd.StringDtype) else None
    if isinstance(dtype, pd.StringDtype):
        return "string"
    if dtype == np.dtype("float64"):
        return "float"
    if dtype == np.dtype("bool") or isinstance(dtype, pd.BooleanDtype):
        return "bool"
    if (isinstance(dtype, np.dtype) and dtype.kind in "iu") or isinstance(dtype, (pd.Int64Dtype, pd.Int32Dtype)):
        return "integer"
    if isinstance(dtype, np.dtype) and dtype.kind == "M":  # naive timestamps only: no time zone
        return "day"
    return None


def arrow_csv(table: pd.DataFrame, *, header: bool = True) -> bytes | None:
    """The bytes ``table.to_csv`` writes (see :data:`CSV_OPTIONS`), or None when a value
    is outside what this formatter reproduces (the caller then uses to_csv)."""
    import pyarrow as pa

    try:
        arrow = pa.Table.from_pandas(table, preserve_index=False)
    except (pa.ArrowException, TypeError, ValueError):
        return None
    kinds = [_kind(t) for t in table.dtypes]
    chunks = [",".join(_quoted_names(table.columns)).encode() + b"\n"] if header else []
    for start in range(0, len(table), ROWS_PER_SLICE):
        end = min(start + ROWS_PER_SLICE, len(table))
        fields = [_render(arrow.column(i).slice(start, end - start).combine_chunks(), kind, table.iloc[start:end, i])
                  for i, kind in enumerate(kinds)]
        if any(f is None for f in fields):
            return None
        try:
            chunks.append(_lines(fields))
        except (pa.ArrowInvalid, pa.ArrowCapacityError):  # the slice's text passes 2 GB (offsets overflow): to_csv writes it
            return None
    return b"".join(chunks)


def _render(column, kind: str, values: pd.Series):
    """Each value of a column as to_csv writes it; nulls as empty fields."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if kind == "string":
        if pa.types.is_dictionary(column.type):
            column = column.cast(column.type.value_type)
        text = _quote(column.cast(pa.string()))
    elif kind == "integer":
        text = column.cast(pa.string())
    elif kind == "bool":
        text = pc.if_else(column, "True", "False")
    elif kind == "float":  # as pandas does: numpy's str of each value (shortest repr)
        numbers = values.to_numpy()
        text = pa.array(numbers.astype(str), type=pa.string(), mask=np.isnan(numbers))
    else:
        text = _days(column)
    return text.fill_null("") if text is not None else None


def _days(column):
    """Timestamps as ``YYYY-MM-DD``; None for years Arrow would pad differently from pandas."""
    import pyarrow.compute as pc

    years = pc.year(column)
    low, high = pc.min(years).as_py(), pc.max(years).as_py()
    if low is not None and not (1000 <= low and high <= 9999):
        return None
    return pc.strftime(column, format=DAY)


def _quote(strings):
    """csv's minimal quoting: a field holding a character that needs it is wrapped in
    quotes, its quotes doubled."""
    import pyarrow.compute as pc

    needs = pc.match_substring_regex(strings, _needs_quote())
    quoted = pc.binary_join_element_wise('"', pc.replace_substring(strings, '"', '""'), '"', "")
    return pc.if_else(needs, quoted, strings)


def _quoted_names(names) -> list[str]:
    import pyarrow as pa

    return _quote(pa.array(list(names), type=pa.string())).to_pylist()


@lru_cache(maxsize=1)
def _needs_quote() -> str:
    """The characters that make csv quote a field, asked of to_csv itself (the rule for a
    carriage return has changed between Python versions), as a regex class."""
    candidates = [",", '"', "\n", "\r"]
    found = []
    for char in candidates:
        buffer = io.StringIO()
        pd.DataFrame({"a": ["x" + char], "b": [1]}).to_csv(buffer, header=False, **CSV_OPTIONS)
        if buffer.getvalue().startswith('"'):
            found.append(char)
    return "[" + "".join({"\n": "\\n", "\r": "\\r", '"': '"', ",": ","}[c] for c in found) + "]"


def _lines(fields) -> bytes:
    """The rows of some rendered columns: fields joined by commas, each row ended by LF."""
    import pyarrow.compute as pc

    lines = pc.binary_join_element_wise(*fields, ",")
    lines = pc.binary_join_element_wise(lines, "\n", "")
    # the rows, one after another, are the value buffer of the joined array between its first and last offset
    offsets = np.frombuffer(lines.buffers()[1], dtype=np.int32)
    start, end = offsets[lines.offset], offsets[lines.offset + len(lines)]
    return lines.buffers()[2].slice(start, end - start).to_pybytes()
