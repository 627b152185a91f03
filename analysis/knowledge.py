"""Knowledge: every data file of ``analysis/data``, read in one place, and :func:`reload`.

Each function below returns one knowledge file as a table (strings; empty cells are empty
strings, never NaN) and says what a row means; ``analysis/data/README.md`` documents the
files for a reader who edits them. A file is read the first time a function needs it,
never at import.

Caches
    Reading and compiling knowledge takes time, and so does what extractors derive from
    it sentence by sentence, so the results are kept. Every such function, here or in an
    extractor, is decorated with :func:`cached`, which registers its cache. After editing
    a CSV file in a live kernel, call ``analysis.knowledge.reload()``: every registered
    cache is emptied, and the next call reads the files again. Nothing else holds
    knowledge between calls.
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .paths import data_file

_CACHES: list = []


def cached(function=None, *, maxsize: int | None = None):
    """``functools.lru_cache``, registered so that :func:`reload` empties it.

    Use as ``@cached`` for knowledge (kept whole) or ``@cached(maxsize=N)`` for results
    derived per text or sentence (bounded).
    """
    def wrap(f):
        memo = lru_cache(maxsize=maxsize)(f)
        _CACHES.append(memo)
        return memo
    return wrap(function) if function is not None else wrap


def reload() -> None:
    """Forget every knowledge file read and everything derived from one: the next call reads
    the files again (for a researcher editing a CSV file in a live kernel)."""
    for memo in _CACHES:
        memo.cache_clear()


@cached
def table(name: str) -> pd.DataFrame:
    """The knowledge file ``analysis/data/<name>`` as strings (empty cells stay empty strings)."""
    return pd.read_csv(data_file(name), dtype="string", keep_default_na=False)


def _flag(column: pd.Series) -> pd.Series:
    return column.str.lower().eq("true")


# ---------------------------------------------------------------- corpus layout

def furniture() -> pd.DataFrame:
    """``furniture.csv``: kind, zone (top, header, any), pattern, note; the first matching row wins."""
    return table("furniture.csv")


@cached
def abbreviations() -> frozenset[str]:
    """``abbreviations.csv``: words after which a full stop does not end a sentence."""
    return frozenset(table("abbreviations.csv")["abbreviation"])


# ---------------------------------------------------------------- actors and speech

@cached
def actors() -> pd.DataFrame:
    """``actors.csv``: alias, name, affiliation, kind (person/body), match_case (bool), note."""
    t = table("actors.csv")
    return t.assign(match_case=_flag(t["match_case"]))


def authorities() -> pd.DataFrame:
    """``authorities.csv``: alias, authority, kind, affiliation, note (authorities cited for tolls)."""
    return table("authorities.csv")


def timeline_actors() -> pd.DataFrame:
    """``timeline_actors.csv``: actor, kind, pattern, note (actors named near a date)."""
    return table("timeline_actors.csv")


@cached
def reporting_verbs() -> tuple[str, ...]:
    """``reporting_verbs.csv``: verbs that introduce speech, longest first (for a regex)."""
    return tuple(sorted(table("reporting_verbs.csv")["verb"], key=lambda v: (-len(v), v)))


# ---------------------------------------------------------------- timeline

def tense_cues() -> pd.DataFrame:
    """``timeline_tense_cues.csv``: cue (a regex fragment), tense (past, future, neutral), note."""
    return table("timeline_tense_cues.csv")


def event_triggers() -> pd.DataFrame:
    """``timeline_event_triggers.csv``: event_type, pattern, note; in order."""
    return table("timeline_event_triggers.csv")


# ---------------------------------------------------------------- casualties

def casualty_units() -> pd.DataFrame:
    """``casualty_units.csv``: phrase, kind (lead, scale, vague), value, high, note."""
    return table("casualty_units.csv")


def casualty_qualifiers() -> pd.DataFrame:
    """``casualty_qualifiers.csv``: phrase, qualifier, low_factor, high_factor, note."""
    return table("casualty_qualifiers.csv")


def casualty_populations() -> pd.DataFrame:
    """``casualty_populations.csv``: word, population, category (implied, or empty), note."""
    return table("casualty_populations.csv")


def casualty_categories() -> pd.DataFrame:
    """``casualty_categories.csv``: pattern, category, note; the trigger words of each category."""
    return table("casualty_categories.csv")


def casualty_exclusions() -> pd.DataFrame:
    """``casualty_exclusions.csv``: side (after, before, year_before), pattern, note."""
    return table("casualty_exclusions.csv")


def casualty_reporting() -> pd.DataFrame:
    """``casualty_reporting.csv``: pattern, kind (verb, according, pronoun), note."""
    return table("casualty_reporting.csv")


@cached
def reference_tolls() -> pd.DataFrame:
    """``reference_tolls.csv``: published reference figures, one row per figure, typed."""
    t = table("reference_tolls.csv").astype({"value": "int64"})
    return t.assign(date=pd.to_datetime(t["date"], format="ISO8601").astype("datetime64[ns]"))


# ---------------------------------------------------------------- framing

@cached
def labels() -> pd.DataFrame:
    """``labels.csv``: phrase, actor (empty: a blocker row), label, match_case (bool), note."""
    t = table("labels.csv")
    return t.assign(match_case=_flag(t["match_case"]))


@cached
def stance_markers() -> pd.DataFrame:
    """``stance_markers.csv``: phrase, category (empty: a blocker row), match_case (bool), note."""
    t = table("stance_markers.csv")
    return t.assign(match_case=_flag(t["match_case"]))


@cached
def stopwords() -> frozenset[str]:
    """``stopwords.csv``, lower case."""
    return frozenset(table("stopwords.csv")["word"].str.lower())
