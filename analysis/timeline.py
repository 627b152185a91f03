"""The events the dates name, and what each article says about when the Geneva conference will happen.

Rules this module implements, and their known limits.

Events (:func:`events`)
    Every temporal expression (``analysis.dates``) gets the event type of the nearest
    trigger in its sentence (``data/timeline_event_triggers.csv``, by character distance,
    ties to the earlier; a reporting verb, type ``statement``, counts
    ``STATEMENT_PENALTY`` characters farther, so "might not take place until August or
    later, he added" is about the conference) and the actors named anywhere in the
    sentence (the entities of ``data/entities.csv`` whose aliases, ``data/aliases.csv``,
    the sentence contains; the longest alias at a place wins, so "UN Security Council" is
    not also "UN"; a hyphen ends a name, so "US-Russian talks" names both). ``unclassified``
    when the sentence has no trigger. Where two triggers overlap, the longer one wins. Limit: the nearest trigger
    is a proxy for syntax.

Conference expectations (:func:`conference_expectations`)
    Every sentence that names the planned peace conference (a trigger row marked
    ``names_conference``: "peace conference", "Geneva"; not a news or press conference,
    not Geneva I) and has a ``conference`` or ``conference_delayed`` trigger gives
    one row per date whose nearest trigger is a conference trigger, or one row with an
    empty window when it states no such date ("has been delayed repeatedly"). ``negated``
    marks a window ruled out: a "not"/"n't"/"never" in the 30 characters before the date
    ("could not happen this month"), except "not until X" (which is "X or later").

Chart tables
    :func:`timeline_marks` and :func:`expectation_marks` shape these tables for the
    timeline and conference-date charts of notebook 01.

Scale
    A sentence is searched only with the triggers and actor patterns whose literal words
    it contains (``matches.Prefilter``), memoised by the sentence's text.
"""
from __future__ import annotations

import re
from typing import NamedTuple

import pandas as pd

from . import knowledge
from .corpus import PARAGRAPH_KINDS, require, sentences
from .dates import expressions_in
from .matches import Prefilter, alternation, first_char, phrase_pattern
from .text import leftmost_first


EVENT_COLUMNS = {
    "article_id": "string", "sentence_id": "int64", "kind": "string", "start": "int64", "end": "int64",
    "surface": "string", "value": "string", "date_start": "datetime64[ns]", "date_end": "datetime64[ns]",
    "event_type": "string", "trigger": "string", "trigger_start": "Int64", "trigger_end": "Int64",
    "actors": "string", "outlet": "string", "published": "datetime64[ns]", "sentence": "string",
}


class Trigger(NamedTuple):
    start: int
    end: int
    event_type: str
    names_conference: bool  # the trigger names the conference itself ("peace conference", "Geneva")


@knowledge.cached
def trigger_filter() -> Prefilter:
    """The rows of ``data/timeline_event_triggers.csv`` as ((event_type, names_conference), pattern), in order."""
    return Prefilter([((r.event_type, r.names_conference), re.compile(r.pattern))
                      for r in knowledge.event_triggers().itertuples()])


@knowledge.cached
def _actor_re() -> tuple[re.Pattern, dict[str, int], tuple[str, ...]]:
    """Every alias of ``data/aliases.csv`` as one pattern, longest first, each a group ``a<i>``
    that ``rank`` maps to its entity's place in ``data/entities.csv``; and those entities."""
    names = tuple(knowledge.entities()["entity"].tolist())
    order = {e: i for i, e in enumerate(names)}
    rows = sorted(knowledge.aliases().itertuples(index=False), key=lambda r: (-len(r.alias), r.alias))
    groups = [(first_char(r.alias), f"(?P<a{i}>{phrase_pattern(r.alias, r.match_case)})") for i, r in enumerate(rows)]
    # a hyphen ends a name here: "US-Russian talks" and "UN-backed talks" name their actors
    return (re.compile(r"(?<!\w)(?:" + alternation(groups) + r")(?!\w)"),
            {f"a{i}": order[r.entity] for i, r in enumerate(rows)}, names)


def find_triggers(text: str) -> list[Trigger]:
    """Every trigger in a text; longer matches hide shorter ones inside them."""
    found = sorted((Trigger(m.start(), m.end(), *label) for label, p in trigger_filter().worth_searching(text)
                    for m in p.finditer(text)),
                   key=lambda f: (f.start, -(f.end - f.start)))
    return leftmost_first(found)


def find_actors(text: str) -> str:
    """The entities a text names (each alias, the longest at a place), in the order of
    ``data/entities.csv``, joined by '; '."""
    pattern, rank, names = _actor_re()
    return "; ".join(names[i] for i in sorted({rank[m.lastgroup] for m in pattern.finditer(text)}))


@knowledge.cached(maxsize=65536)
def triggers_and_actors(text: str) -> tuple[tuple[Trigger, ...], str]:
    """:func:`find_triggers` and :func:`find_actors` of one sentence, memoised by its text."""
    return tuple(find_triggers(text)), find_actors(text)


STATEMENT_PENALTY = 10


def nearest_trigger(triggers: list[Trigger], start: int, end: int) -> Trigger | None:
    """The trigger closest to [start, end) by character gap; ties go to the earlier one.

    A reporting verb ("said", "he added") sits next to many dates that belong to what was
    said, so a statement trigger counts ``STATEMENT_PENALTY`` characters farther away.
    """
    def gap(t: Trigger) -> tuple[int, int]:
        return (max(t.start - end, start - t.end, 0) + (STATEMENT_PENALTY if t.event_type == "statement" else 0), t.start)
    return min(triggers, key=gap) if triggers else None


def events(articles: pd.DataFrame, *, dates: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per dated expression with the event type of its nearest trigger and the sentence's actors."""
    require(articles, ("article_id", "text", "published", "outlet"), "events")
    sents = sentences(articles, kinds=tuple(PARAGRAPH_KINDS))
    return events_in(expressions_in(sents, articles) if dates is None else dates, sents, articles)


def events_in(dates: pd.DataFrame, sents: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """:func:`events` of expressions already found in ``sents``."""
    outlets = dict(zip(articles["article_id"], articles["outlet"].astype("string")))
    published = dict(zip(articles["article_id"], articles["published"]))
    sent_start = dict(zip(zip(sents["article_id"].tolist(), sents["sentence_id"].tolist()), sents["start"].tolist()))
    rows = []
    # plain lists, not itertuples: stepping through Arrow-backed columns value by value is slow
    columns = ["article_id", "sentence_id", "kind", "start", "end", "surface", "value", "date_start", "date_end",
               "sentence"]
    for aid, sid, kind, start, end, surface, value, date_start, date_end, sentence in zip(
            *(dates[c].tolist() for c in columns)):
        triggers, actors = triggers_and_actors(sentence)
        s0 = sent_start[(aid, sid)]
        t = nearest_trigger(triggers, start - s0, end - s0)
        rows.append((aid, sid, kind, start, end, surface, value, date_start, date_end,
                     t.event_type if t else "unclassified", sentence[t.start:t.end] if t else None,
                     s0 + t.start if t else None, s0 + t.end if t else None, actors,
                     outlets.get(aid), published.get(aid), sentence))
    table = pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
    for col in ("date_start", "date_end", "published"):
        table[col] = pd.to_datetime(table[col])
    return table.astype(EVENT_COLUMNS).sort_values(["article_id", "start"], ignore_index=True)


CONFERENCE_TYPES = ("conference", "conference_delayed")
EXPECTATION_COLUMNS = {
    "article_id": "string", "outlet": "string", "published": "datetime64[ns]", "sentence_id": "int64",
    "kind": "string", "start": "Int64", "end": "Int64", "surface": "string", "value": "string",
    "date_start": "datetime64[ns]", "date_end": "datetime64[ns]", "open_start": "boolean", "open_end": "boolean",
    "delayed": "boolean", "negated": "boolean", "sentence": "string",
}
NEGATION = re.compile(r"(?i)\b(?:not|never|cannot)\b|n't\b")
UNTIL = re.compile(r"(?i)\buntil\s+$")
NEGATION_WINDOW = 30


def negated_at(sentence: str, start: int) -> bool:
    """A negation in the ``NEGATION_WINDOW`` characters before a date ("could not happen this
    month") rules the window out; "not until August" is a window (August or later), not a negation."""
    before = sentence[max(0, start - NEGATION_WINDOW):start]
    return bool(NEGATION.search(before)) and not UNTIL.search(before)


def conference_expectations(articles: pd.DataFrame) -> pd.DataFrame:
    """What each article says about when the peace conference will happen, one row per statement.

    A dated statement gives its window (``date_start``..``date_end``; ``open_end`` for
    "after August"); a conference sentence with no such date ("delayed repeatedly") gives
    one row with an empty window. ``delayed`` marks sentences with a delay trigger.
    """
    require(articles, ("article_id", "text", "published", "outlet"), "conference_expectations")
    sents = sentences(articles, kinds=tuple(PARAGRAPH_KINDS))
    ev = events_in(expressions_in(sents, articles), sents, articles)
    outlets = dict(zip(articles["article_id"], articles["outlet"].astype("string")))
    published = dict(zip(articles["article_id"], articles["published"]))
    dated = ev[ev["event_type"].isin(CONFERENCE_TYPES)]
    dated_keys = set(zip(dated["article_id"], dated["sentence_id"]))
    sent_start = dict(zip(zip(sents["article_id"], sents["sentence_id"]), sents["start"]))
    rows = []
    for r in dated.itertuples(index=False):
        delayed = any(t.event_type == "conference_delayed" for t in find_triggers(r.sentence))
        rows.append((r.article_id, r.outlet, r.published, r.sentence_id, r.kind, r.start, r.end, r.surface, r.value,
                     r.date_start, r.date_end, isinstance(r.value, str) and r.value.startswith("<"),
                     isinstance(r.value, str) and r.value.startswith(">"), delayed,
                     negated_at(r.sentence, r.start - sent_start[(r.article_id, r.sentence_id)]), r.sentence))
    for aid, sid, kind, text in zip(sents["article_id"], sents["sentence_id"], sents["kind"], sents["text"]):
        if (aid, sid) in dated_keys:
            continue
        triggers = find_triggers(text)
        types = {t.event_type for t in triggers}
        # the sentence must name the conference (not only "happen" or "take place")
        if (not any(t.names_conference for t in triggers) or "past_conference" in types
                or not types & {"conference", "conference_delayed"}):
            continue
        rows.append((aid, outlets.get(aid), published.get(aid), sid, str(kind), None, None, None, None, None, None,
                     False, False, "conference_delayed" in types, False, text))
    table = pd.DataFrame(rows, columns=list(EXPECTATION_COLUMNS))
    for col in ("date_start", "date_end", "published"):
        table[col] = pd.to_datetime(table[col])
    return (table.astype(EXPECTATION_COLUMNS)
            .sort_values(["published", "article_id", "sentence_id", "start"], ignore_index=True))


# ---------------------------------------------------------------- chart tables

def timeline_marks(table: pd.DataFrame) -> pd.DataFrame:
    """Events (or dates) ready for a timeline: ``when_from``..``when_to`` and the shape of the mark.

    A closed window spans its interval; an open window is drawn at its known bound with a
    triangle pointing to the open side ("after August" points right). Rows without a value
    (no anchor) are dropped.
    """
    out = table[table["value"].notna()].copy()
    out["when_from"] = out["date_start"].fillna(out["date_end"])
    out["when_to"] = out["date_end"].fillna(out["date_start"])
    opens = out["value"].str[:1]
    out["shape"] = opens.map({">": "triangle-right", "<": "triangle-left"}).fillna("circle").astype("string")
    out["window"] = opens.map({">": "open after", "<": "open before"}).fillna("closed").astype("string")
    return out.reset_index(drop=True)


def expectation_marks(expectations: pd.DataFrame, *, pad_days: int = 60) -> pd.DataFrame:
    """:func:`conference_expectations` ready for the conference-date chart.

    ``column`` labels each article by publication date and outlet; ``statement`` numbers its
    statements; ``y_from``..``y_to`` is the window with an open end drawn to the chart's edge
    (``pad_days`` beyond the latest date or publication date); ``arrow_at`` is that edge for
    open windows; ``status`` is window, open-ended, past plan (a window that ended before
    publication: "originally planned for June"), ruled out or no date stated.
    """
    out = expectations.copy()
    out["column"] = (out["published"].dt.strftime("%Y-%m-%d").fillna("undated") + " · "
                     + out["outlet"].fillna(out["article_id"])).astype("string")
    out["statement"] = out.groupby("article_id").cumcount() + 1
    dates = pd.concat([out["date_start"], out["date_end"], out["published"]]).dropna()
    pad = pd.Timedelta(days=pad_days)
    low, high = (dates.min() - pad, dates.max() + pad) if len(dates) else (pd.NaT, pd.NaT)
    out["y_from"] = out["date_start"].where(out["date_start"].notna() | out["date_end"].isna(), low)
    out["y_to"] = out["date_end"].where(out["date_end"].notna() | out["date_start"].isna(), high)
    out["arrow_at"] = pd.Series(pd.NaT, index=out.index, dtype="datetime64[ns]")
    out.loc[out["open_end"], "arrow_at"] = high
    out.loc[out["open_start"], "arrow_at"] = low
    status = pd.Series("window", index=out.index, dtype="string")
    status[out["open_end"] | out["open_start"]] = "open-ended"
    status[(out["date_end"] < out["published"]) & ~out["open_start"]] = "past plan"
    status[out["negated"]] = "ruled out"
    status[out["value"].isna()] = "no date stated"
    out["status"] = status
    return out
