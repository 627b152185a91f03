"""Writing tables to disk, byte for byte the same on every run and machine.

CSV: UTF-8, LF line ends, no index, dates as ISO days (``YYYY-MM-DD``), pandas' own
formatting of every other value. Kept apart from ``figures`` so that writing a table
does not import the charting libraries (which take a second or two to import, in every
worker process).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd


def write_csv(table: pd.DataFrame, path: Path, *, header: bool = True) -> None:
    """Write a tidy table as UTF-8 CSV with LF line ends and ISO dates (byte-stable)."""
    table.to_csv(path, index=False, header=header, lineterminator="\n", date_format="%Y-%m-%d")
