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


# ---------------------------------------------------------------- who: entities and their aliases

def entities() -> pd.DataFrame:
    """``entities.csv``: entity (canonical name), kind (person, government, organisation, group,
    news agency), affiliation (US, Russia, UN, Syrian government, opposition, other), note.
    Their order is the order in which ``events`` lists the actors of a sentence."""
    return table("entities.csv")


@cached
def aliases() -> pd.DataFrame:
    """``aliases.csv`` joined with the entities: alias, entity, match_case (bool), kind,
    affiliation. Every name the texts use for a speaker, an authority or an actor."""
    t = table("aliases.csv")
    facts = entities().set_index("entity")
    unknown = sorted(set(t["entity"]) - set(facts.index))
    if unknown:
        raise ValueError(f"aliases.csv names entities that entities.csv lacks: {', '.join(unknown)}; add their rows")
    return t.assign(match_case=_flag(t["match_case"]), kind=t["entity"].map(facts["kind"]),
                    affiliation=t["entity"].map(facts["affiliation"]))


# ---------------------------------------------------------------- how speech is reported

@cached
def reporting_verbs() -> pd.DataFrame:
    """``reporting_verbs.csv``: verb, tense (past, present, none), speech (bool: introduces
    speech, for quotations), figure_source (bool: credits a casualty figure to its source), note."""
    t = table("reporting_verbs.csv")
    return t.assign(speech=_flag(t["speech"]), figure_source=_flag(t["figure_source"]))


@cached
def speech_verbs() -> tuple[str, ...]:
    """The reporting verbs that introduce speech, longest first (for a regex)."""
    verbs = reporting_verbs()
    return tuple(sorted(verbs.loc[verbs["speech"], "verb"], key=lambda v: (-len(v), v)))


def reporting_fillers() -> pd.DataFrame:
    """``reporting_fillers.csv``: pattern, note; what may stand between a speaker and the verb."""
    return table("reporting_fillers.csv")


SPEAKER_CUE_KINDS = ("title", "body", "speech_noun", "characterising_verb", "state", "state_voice", "office_word",
                     "not_holder", "document")


@cached
def speaker_cues() -> pd.DataFrame:
    """``speaker_cues.csv``: word, kind (:data:`SPEAKER_CUE_KINDS`), sense, note; the words that
    tell who is speaking (titles and their senses, body words, nouns of speech, characterising
    verbs, states and the words that speak for them, words of office descriptions)."""
    t = table("speaker_cues.csv")
    unknown = sorted(set(t["kind"]) - set(SPEAKER_CUE_KINDS))
    if unknown:
        raise ValueError(f"speaker_cues.csv: unknown kind {', '.join(unknown)}; "
                         f"use one of {', '.join(SPEAKER_CUE_KINDS)}")
    states = t[t["kind"] == "state"]
    if (states["sense"] == "").any():
        raise ValueError("speaker_cues.csv: a state row needs the government it names in sense")
    return t


@cached
def offices() -> pd.DataFrame:
    """``offices.csv``: office, body (an entity of ``entities.csv``), titles (the senses of
    ``speaker_cues.csv`` titles that name it, space-separated), portfolio (words a description
    of it has, ``|`` between alternatives; empty for a body's one office of that title), bare
    (the titles as written that name it with no body, ``|`` between them), note."""
    t = table("offices.csv")
    unknown = sorted(set(t["body"]) - set(entities()["entity"]))
    if unknown:
        raise ValueError(f"offices.csv names bodies that entities.csv lacks: {', '.join(unknown)}; add their rows")
    cues = speaker_cues()
    senses = set(cues.loc[cues["kind"] == "title", "sense"])
    bad = sorted({s for titles in t["titles"] for s in titles.split()} - senses)
    if bad:
        raise ValueError(f"offices.csv: titles {', '.join(bad)} are no sense of a title in speaker_cues.csv")
    return t


@cached
def office_holders() -> pd.DataFrame:
    """``office_holders.csv``: office (a row of ``offices.csv``), holder, start, end (ISO dates,
    both days in office; an empty end: still in office), note."""
    t = table("office_holders.csv")
    unknown = sorted(set(t["office"]) - set(offices()["office"]))
    if unknown:
        raise ValueError(f"office_holders.csv names offices that offices.csv lacks: {', '.join(unknown)}")
    iso = r"\d{4}-\d{2}-\d{2}"
    bad = t[~t["start"].str.fullmatch(iso) | ~(t["end"].str.fullmatch(iso) | t["end"].eq(""))
            | (t["end"].ne("") & (t["end"] < t["start"]))]
    if len(bad):
        raise ValueError(f"office_holders.csv: {', '.join(bad['holder'])}: start and end must be dates "
                         "written YYYY-MM-DD, the end empty or not before the start")
    return t


# ---------------------------------------------------------------- timeline

def tense_cues() -> pd.DataFrame:
    """``timeline_tense_cues.csv``: cue (a regex fragment), direction (past, future, later,
    nearest), kind (auxiliary, modal, plan, target, verb, present, preposition, adverb,
    adjective), scope (clause, adjacent, group, head), reported (the direction in a reported
    clause, or empty), note; the words that decide which way a date without a year lies."""
    return table("timeline_tense_cues.csv")


def clause_words() -> pd.DataFrame:
    """``timeline_clause_words.csv``: pattern, kind (boundary, conditional, filler,
    attributive), note; where a date's clause begins and ends, and how a verb group reads."""
    return table("timeline_clause_words.csv")


def not_dates() -> pd.DataFrame:
    """``timeline_not_dates.csv``: pattern, kind (set, name, verb), note; month and weekday
    words that are not dates ("every Friday", "the Sunday Times", "May I")."""
    return table("timeline_not_dates.csv")


def holidays() -> pd.DataFrame:
    """``timeline_holidays.csv``: name, month, day, note; holidays on a fixed day of the
    year ("Christmas" is 25 December), as written, case kept."""
    return table("timeline_holidays.csv")


def movable_holidays() -> pd.DataFrame:
    """``timeline_movable_holidays.csv``: name, year, month, day, note; feasts whose day
    changes every year (Eid al-Adha, Eid al-Fitr, Easter), one row per year."""
    return table("timeline_movable_holidays.csv")


def ordinal_nouns() -> pd.DataFrame:
    """``timeline_ordinal_nouns.csv``: word (plain text), note; nouns a numbered ordinal
    counts ("the 21st century", "the 3rd time"), so "the 21st" before them is no day."""
    return table("timeline_ordinal_nouns.csv")


def year_heads() -> pd.DataFrame:
    """``timeline_year_heads.csv``: word (a regex fragment), note; nouns a bare year may
    modify ("the 2012 communique")."""
    return table("timeline_year_heads.csv")


@cached
def event_triggers() -> pd.DataFrame:
    """``timeline_event_triggers.csv``: event_type, pattern, names_conference (bool), note; in
    order. ``{speech verbs}`` in a pattern stands for the speech verbs of ``reporting_verbs.csv``."""
    t = table("timeline_event_triggers.csv")
    verbs = "|".join(speech_verbs())
    return t.assign(pattern=t["pattern"].str.replace("{speech verbs}", verbs, regex=False),
                    names_conference=_flag(t["names_conference"]))


# ---------------------------------------------------------------- casualties

def numbers() -> pd.DataFrame:
    """``numbers.csv``: phrase, kind (lead, scale, vague, count), value, high, note; how
    numbers are written (casualty figures read lead, scale and vague rows; dates read lead
    and count rows)."""
    return table("numbers.csv")


def casualty_qualifiers() -> pd.DataFrame:
    """``casualty_qualifiers.csv``: phrase, qualifier, low_factor, high_factor, note."""
    return table("casualty_qualifiers.csv")


def casualty_populations() -> pd.DataFrame:
    """``casualty_populations.csv``: word, population, category (implied, or empty), note."""
    return table("casualty_populations.csv")


def casualty_categories() -> pd.DataFrame:
    """``casualty_categories.csv``: pattern, category, reach (word: next to the number; clause:
    anywhere before it in its clause, for a bare number), not_for (populations, space-separated,
    the trigger does not apply to), note."""
    return table("casualty_categories.csv")


def casualty_scope() -> pd.DataFrame:
    """``casualty_scope.csv``: scope (event, period, war), pattern, note; each row a cue (the
    nearest decides, the earlier row on a tie: see ``casualties._scope``)."""
    return table("casualty_scope.csv")


def casualty_exclusions() -> pd.DataFrame:
    """``casualty_exclusions.csv``: side (after, before, year_before), pattern, note."""
    return table("casualty_exclusions.csv")


def casualty_reporting() -> pd.DataFrame:
    """``casualty_reporting.csv``: pattern, kind (according, pronoun, verb), note; the
    frames of a figure's source besides ``reporting_verbs.csv``."""
    return table("casualty_reporting.csv")


@cached
def casualty_sources() -> dict[str, frozenset[str]]:
    """``casualty_sources.csv`` (word, kind, note) as lower-cased word -> its kinds (group,
    institution, descriptor, title, anaphor, document): how the noun phrase that reports a
    casualty figure names its source."""
    t = table("casualty_sources.csv")
    kinds: dict[str, set[str]] = {}
    for word, kind in zip(t["word"].str.lower(), t["kind"]):
        kinds.setdefault(word, set()).add(kind)
    return {word: frozenset(k) for word, k in kinds.items()}


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
def label_contexts() -> pd.DataFrame:
    """``label_contexts.csv``: words, side (before, after), reading (place, title), note."""
    t = table("label_contexts.csv")
    bad = t[~t["side"].isin(["before", "after"]) | ~t["reading"].isin(["place", "title"])]
    if len(bad):
        raise ValueError(f"label_contexts.csv, row {bad.index[0] + 2}: side must be before or after and "
                         "reading place or title")
    return t


@cached
def stance_negators() -> frozenset[str]:
    """``stance_negators.csv``: the words that deny a stance marker after them, lower case."""
    return frozenset(table("stance_negators.csv")["word"].str.lower())


@cached
def stance_markers() -> pd.DataFrame:
    """``stance_markers.csv``: phrase, category (empty: a blocker row), match_case (bool), note."""
    t = table("stance_markers.csv")
    return t.assign(match_case=_flag(t["match_case"]))


@cached
def stopwords() -> frozenset[str]:
    """``stopwords.csv``, lower case."""
    return frozenset(table("stopwords.csv")["word"].str.lower())
