"""Temporal expressions resolved onto one calendar, the events they date, and the Geneva conference's expected date.

Rules this module implements, and their known limits.

What is a temporal expression (see also ``tests/gold/dates_guideline.md``)
    A phrase that names a calendar date, week, month, part of a year or year, or a window
    of them. Durations ("two years", "12-day tour", "several weeks", "more than one
    month") are never matched: no rule reads a bare count of units. Deictic adverbs
    ("now", "currently", "soon", "later", "previously") and anaphora ("thereafter") are
    left out: they name no calendar position without an antecedent. Prepositions that
    only locate ("on", "in", "by", "since", "until") are not part of the span (TIMEX3
    practice); "after" and "before" directly before a date are, and so is a following
    "or later"/"or earlier", because they turn the date into an open window.
    Expressions are found in every paragraph kind; ``kind`` says which (body, headline,
    caption, dateline ...).

Values (TIMEX3-style; ``date_start``/``date_end`` give the covered interval)
    ``YYYY-MM-DD`` day · ``YYYY-Www`` ISO week · ``YYYY-MM`` month ·
    ``YYYY-MM-EARLY|MID|LATE`` days 1–10, 11–20, 21–end of a month ·
    ``YYYY-SP|SU|FA|WI`` season (Mar–May, Jun–Aug, Sep–Nov, Dec–Feb) ·
    ``YYYY-H1|H2`` half year · ``YYYY-EARLY|MID|LATE`` Jan–Apr, May–Aug, Sep–Dec ·
    ``YYYY`` year · ``A/B`` a closed window of days (ISO 8601 interval) ·
    open windows ``>X`` after X (starts the day after X ends), ``>=X`` X or later,
    ``<X`` before X (ends the day before X starts), ``<=X`` by the end of X; the open end
    has no date (``NaT``).

Resolution rules (``rule`` column; each is tested on its own in tests/test_timeline.py)
    ``date_dmy``, ``date_mdy``: "30 June 2012", "2 July, 2013", "June 30, 2012" -> the day.
    ``month_year``: "March 2011" -> the month. ``year``: "in 2012" (a preposition must
    precede a bare year, so counts like "2000 people" are not years).
    ``part_year``: "mid-2014" -> ``2014-MID``; ``half``: "the first half of 2014" -> H1;
    ``season``: "summer 2013", "this summer" (a bare "summer" is left out).
    The rules below need the anchor, the article's ``published`` date (``relative`` is
    True, ``anchor`` is that date); without a publication date their value is empty.
    ``date_md``: "September 27" (no year), ``month``: "November", "Sept.",
    ``part_month``: "mid-November", ``week_of_month``: "the second week of November",
    ``end_of`` with a month name: the year is chosen by tense —
    past: the latest such month/day on or before the anchor; future: the earliest on or
    after it; neither: the nearest to the anchor (a tie goes to the anchor's year).
    ``weekday``: "Monday" -> past or no tense: the latest such day on or before the anchor
    (published on a Tuesday, "said Tuesday" is the publication day); future: the next such
    day strictly after the anchor; "last"/"next" before the weekday override the tense.
    ``relative_unit``: "last/this/next week|month|year" -> the ISO week, month or year
    before, of, or after the anchor's. ``deictic_day``: today, tonight, yesterday,
    tomorrow. ``ago``: "two weeks ago" -> that week. ``end_of``: "the end of the month"
    -> ``YYYY-MM-LATE``, "the end of the year" -> ``YYYY-LATE``; "before the end of X" is
    ``<=X`` (by the end of X). ``next_days``: "the next couple of days" -> the two days
    after the anchor (couple = 2, a number as written); "the next days", "the next few
    days" -> ``>anchor``, open (a vague count fixes no end). "the past N days" mirrors it.
    ``week_of_month``: the nth week of a month is the ISO week whose Monday is the month's
    nth Monday ("last" = its last Monday).

Tense (``tense`` column)
    The cue words of ``data/timeline_tense_cues.csv`` (past: said, told, met, was ...;
    future: will, would, might, must ...; neutral: called for, planned for). The cue
    nearest before the expression in the same sentence decides; without one, the first
    cue after it; without any, ``none``. Cue words inside a date span ("May") never count.
    Limit: one sentence can hold several clauses; the nearest cue is usually, not always,
    the expression's own verb.

Events (:func:`events`)
    Every temporal expression gets the event type of the nearest trigger in its sentence
    (``data/timeline_event_triggers.csv``, by character distance, ties to the earlier;
    a reporting verb, type ``statement``, counts ``STATEMENT_PENALTY`` characters farther,
    so "might not take place until August or later, he added" is about the conference)
    and the actors named anywhere in the sentence (``data/timeline_actors.csv``).
    ``unclassified`` when the sentence has no trigger. Limit: the nearest trigger is a
    proxy for syntax.

Conference expectations (:func:`conference_expectations`)
    Every sentence that mentions the planned peace conference (a ``conference`` or
    ``conference_delayed`` trigger, not a news or press conference, not Geneva I) gives
    one row per date whose nearest trigger is a conference trigger, or one row with an
    empty window when it states no such date ("has been delayed repeatedly"). ``negated``
    marks a window ruled out: a "not"/"n't"/"never" in the 30 characters before the date
    ("could not happen this month"), except "not until X" (which is "X or later").

Scoring (:func:`score_dates`, :func:`date_errors`)
    Span precision, recall and F1 on exact (article_id, start, end) matches and on
    overlapping spans; value accuracy on exactly matched spans. Only articles present in
    the gold are scored.

Scale
    A sentence is searched only with the patterns (date rules, tense cues, triggers,
    actors) whose literal words it contains, read off each parsed pattern (see
    :class:`Prefilter`), and what a sentence yields without the anchor is memoised by its
    text (bounded ``lru_cache``), so a reprinted wire story is searched once. Dates and
    events of 1,000 synthetic articles take about 1 s together.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from re import _constants, _parser

import pandas as pd

from .corpus import PARAGRAPH_KINDS, sentences
from .paths import GOLD_DIR, data_file

MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december"]
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                       "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "couple of": 2, "a couple of": 2}
SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9), "winter": ("WI", 12)}
PARTS = {"early": "EARLY", "mid": "MID", "late": "LATE", "beginning": "EARLY", "start": "EARLY",
         "middle": "MID", "end": "LATE"}

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.)")
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d|,\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# (rule, pattern); the span is the group "x" when there is one, else the whole match.
# Case matters for month and weekday names (the modal "may" is not May).
RULES: list[tuple[str, re.Pattern]] = [(name, re.compile(p)) for name, p in [
    ("date_dmy", rf"\b{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH}),?\s+{_YEAR}"),
    ("date_mdy", rf"\b(?P<month>{_MONTH})\s+{_DAY},?\s+{_YEAR}"),
    ("date_md", rf"\b(?P<month>{_MONTH})\s+{_DAY}\b(?!\d)"),
    ("date_md", rf"\b{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH})(?![\w])"),
    ("month_year", rf"\b(?P<month>{_MONTH}),?\s+(?:of\s+)?{_YEAR}"),
    ("month", rf"(?<![\w-])(?P<month>{_MONTH})(?![\w-])"),
    ("part_month", rf"(?i:\b(?P<part>early|mid|late)[- ])(?P<month>{_MONTH})(?:,?\s+{_YEAR})?"),
    ("part_year", rf"(?i:\b(?P<part>early|mid|late)[- ]){_YEAR}"),
    ("half", rf"(?i:\bthe\s+(?P<ord>first|second)\s+half\s+of\s+){_YEAR}"),
    ("season", rf"(?i:\b(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?){_YEAR}"),
    ("season_rel", r"(?i:\b(?P<rel>this|last|next)\s+(?P<season>spring|summer|autumn|fall|winter)\b)"),
    ("week_of_month", rf"(?i:\bthe\s+(?P<ord>first|second|third|fourth|fifth|last)\s+week\s+of\s+)"
                      rf"(?P<month>{_MONTH})(?:\s+{_YEAR})?"),
    ("relative_unit", r"(?i:\b(?P<rel>last|next|this)\s+(?P<unit>week|month|year)\b)"),
    ("end_of", rf"(?i:\bthe\s+(?P<part>end|beginning|start|middle)\s+of\s+)"
               rf"(?:(?i:(?:the|this)\s+(?P<unit>week|month|year)\b)|(?P<month>{_MONTH})|{_YEAR})"),
    ("deictic_day", r"(?i:\b(?P<word>today|tonight|yesterday|tomorrow)\b)"),
    ("weekday", rf"(?:(?i:\b(?P<rel>last|next|this)\s+))?(?P<weekday>{_WEEKDAY})\b"),
    ("ago", r"(?i:\b(?P<count>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
            r"(?P<unit>day|week|month|year)s?\s+ago\b)"),
    ("next_days", r"(?i:\bthe\s+(?P<rel>next|coming|past|last)\s+"
                  r"(?:(?P<count>a\s+couple\s+of|couple\s+of|few|several|two|three|four|five|six|seven|\d+)\s+)?"
                  r"(?P<unit>days|weeks)\b)"),
    ("year", rf"(?i:\b(?:in|since|by|until|from|during|before|after|through)\s+)(?P<x>(?:19|20)\d{{2}})(?!\d|,\d)"),
]]
RULE_ORDER = {name: i for i, (name, _) in enumerate(RULES)}
OPEN_BEFORE = re.compile(r"(?i:\b(?P<op>after|before)\s+)$")
OPEN_AFTER = re.compile(r"^\s+or\s+(?P<op>later|after|earlier|before)\b")

COLUMNS = {
    "article_id": "string", "sentence_id": "int64", "kind": "string", "start": "int64", "end": "int64",
    "surface": "string", "value": "string", "granularity": "string", "date_start": "datetime64[ns]",
    "date_end": "datetime64[ns]", "relative": "boolean", "anchor": "datetime64[ns]", "tense": "string",
    "rule": "string", "sentence": "string",
}


# ---------------------------------------------------------------- knowledge files

@lru_cache(maxsize=None)
def tense_cues() -> tuple[tuple[str, re.Pattern], ...]:
    """One (tense, compiled alternation) per tense of ``data/timeline_tense_cues.csv``."""
    table = pd.read_csv(data_file("timeline_tense_cues.csv"), dtype="string", keep_default_na=False)
    return tuple(
        (tense, re.compile(r"(?i)(?<![\w'])(?:" + "|".join(group["cue"]) + r")(?![\w'])"))
        for tense, group in table.groupby("tense", sort=True)
    )


@lru_cache(maxsize=None)
def event_triggers() -> tuple[tuple[str, re.Pattern], ...]:
    """The rows of ``data/timeline_event_triggers.csv`` as (event_type, pattern)."""
    table = pd.read_csv(data_file("timeline_event_triggers.csv"), dtype="string", keep_default_na=False)
    return tuple((r.event_type, re.compile(r.pattern)) for r in table.itertuples())


@lru_cache(maxsize=None)
def actor_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """The rows of ``data/timeline_actors.csv`` as (actor, pattern)."""
    table = pd.read_csv(data_file("timeline_actors.csv"), dtype="string", keep_default_na=False)
    return tuple((r.actor, re.compile(r.pattern)) for r in table.itertuples())


# ---------------------------------------------------------------- calendar helpers

@dataclass
class Resolved:
    value: str | None
    granularity: str
    start: date | None
    end: date | None
    relative: bool


def month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTH_NAMES.index(key) + 1 if key in MONTH_NAMES else MONTH_ABBREVIATIONS[key]


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1


def month_value(year: int, month: int) -> Resolved:
    return Resolved(f"{year:04d}-{month:02d}", "month", date(year, month, 1), month_end(year, month), False)


def week_value(day: date) -> Resolved:
    iso = day.isocalendar()
    monday = day - timedelta(days=day.weekday())
    return Resolved(f"{iso[0]:04d}-W{iso[1]:02d}", "week", monday, monday + timedelta(days=6), False)


def day_value(day: date) -> Resolved:
    return Resolved(day.isoformat(), "day", day, day, False)


def year_value(year: int) -> Resolved:
    return Resolved(f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31), False)


def choose_year(month: int, day: int, anchor: date, tense: str) -> int:
    """The year of a month (and day) stated without one, by tense (see the module docstring)."""
    candidates = [anchor.year - 1, anchor.year, anchor.year + 1]

    def when(year: int) -> date:
        return date(year, month, min(day, calendar.monthrange(year, month)[1]))

    if tense == "past":
        return max(y for y in candidates if when(y) <= anchor or (day == 1 and (y, month) <= (anchor.year, anchor.month)))
    if tense == "future":
        return min(y for y in candidates if when(y) >= anchor or (day == 1 and (y, month) >= (anchor.year, anchor.month)))
    # nearest; a tie goes to the anchor's year
    return min(candidates, key=lambda y: (abs((when(y) - anchor).days), y != anchor.year))


def choose_month_year(month: int, anchor: date, tense: str) -> int:
    """The year of a bare month: compare months, not days (June is 'on or before' 2 June)."""
    candidates = [anchor.year - 1, anchor.year, anchor.year + 1]
    here = anchor.year * 12 + anchor.month
    if tense == "past":
        return max(y for y in candidates if y * 12 + month <= here)
    if tense == "future":
        return min(y for y in candidates if y * 12 + month >= here)
    return min(candidates, key=lambda y: (abs(y * 12 + month - here), y != anchor.year))


def nth_monday(year: int, month: int, n: int) -> date:
    mondays = [d for d in (date(year, month, i) for i in range(1, month_end(year, month).day + 1)) if d.weekday() == 0]
    return mondays[n - 1] if n > 0 else mondays[-1]


def count_of(word: str | None) -> int | None:
    if word is None:
        return None
    word = re.sub(r"\s+", " ", word.lower())
    if word.isdigit():
        return int(word)
    return COUNTS.get(word)


# ---------------------------------------------------------------- resolution

def resolve(rule: str, m: re.Match, anchor: date | None, tense: str) -> Resolved:
    """Resolve one match of ``rule``; a relative rule without anchor gets no value."""
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else None
    month = month_number(g["month"]) if g.get("month") else None
    if rule in ("date_dmy", "date_mdy"):
        return day_value(date(year, month, int(g["day"])))
    if rule == "month_year":
        return month_value(year, month)
    if rule == "year":
        return year_value(int(g["x"]))
    if rule == "part_year":
        return part_of_year(year, PARTS[g["part"].lower()])
    if rule == "half":
        half = 1 if g["ord"].lower() == "first" else 2
        return Resolved(f"{year:04d}-H{half}", "year_part", date(year, 6 * half - 5, 1),
                        month_end(year, 6 * half), False)
    if rule == "season":
        return season_value(g["season"], year)
    if rule == "end_of" and g.get("unit") is None and month is None:
        return part_of_year(year, PARTS[g["part"].lower()])
    if rule in ("part_month", "week_of_month") and year is not None:
        return resolve_relative(rule, g, date(year, 1, 1), "none", year, month)
    relative = Resolved(None, granularity_of(rule, g), None, None, True)
    if anchor is None:
        return relative
    out = resolve_relative(rule, g, anchor, tense, year, month)
    out.relative = True
    return out


def granularity_of(rule: str, g: dict) -> str:
    if rule in ("date_md", "weekday", "deictic_day", "next_days"):
        return "day"
    if rule == "week_of_month":
        return "week"
    if rule in ("relative_unit", "ago"):
        return g["unit"].lower()
    if rule == "end_of":
        return {"week": "week", "year": "year_part"}.get((g.get("unit") or "month").lower(), "month_part")
    if rule == "season_rel":
        return "season"
    if rule == "part_month":
        return "month_part"
    return "month"


def part_of_year(year: int, part: str) -> Resolved:
    first = {"EARLY": 1, "MID": 5, "LATE": 9}[part]
    return Resolved(f"{year:04d}-{part}", "year_part", date(year, first, 1), month_end(year, first + 3), False)


def part_of_month(year: int, month: int, part: str) -> Resolved:
    first, last = {"EARLY": (1, 10), "MID": (11, 20), "LATE": (21, month_end(year, month).day)}[part]
    return Resolved(f"{year:04d}-{month:02d}-{part}", "month_part", date(year, month, first), date(year, month, last), False)


def season_value(name: str, year: int) -> Resolved:
    code, first = SEASONS[name.lower()]
    end_year, end_month = add_months(year, first, 2)
    return Resolved(f"{year:04d}-{code}", "season", date(year, first, 1), month_end(end_year, end_month), False)


def resolve_relative(rule: str, g: dict, anchor: date, tense: str, year: int | None, month: int | None) -> Resolved:
    if rule == "date_md":
        day = int(g["day"])
        return day_value(date(choose_year(month, day, anchor, tense), month, day))
    if rule == "month":
        return month_value(choose_month_year(month, anchor, tense), month)
    if rule == "part_month":
        return part_of_month(year or choose_month_year(month, anchor, tense), month, PARTS[g["part"].lower()])
    if rule == "week_of_month":
        y = year or choose_month_year(month, anchor, tense)
        return week_value(nth_monday(y, month, ORDINALS[g["ord"].lower()]))
    if rule == "season_rel":
        shift = {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
        return season_value(g["season"], anchor.year + shift)
    if rule == "relative_unit":
        shift = {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        return shift_unit(anchor, g["unit"].lower(), shift)
    if rule == "ago":
        return shift_unit(anchor, g["unit"].lower(), -count_of(g["count"]))
    if rule == "end_of":
        part = PARTS[g["part"].lower()]
        if month is not None:
            return part_of_month(choose_month_year(month, anchor, tense), month, part)
        unit = g["unit"].lower()
        if unit == "month":
            return part_of_month(anchor.year, anchor.month, part)
        if unit == "year":
            return part_of_year(anchor.year, part)
        return week_value(anchor)
    if rule == "deictic_day":
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[g["word"].lower()]
        return day_value(anchor + timedelta(days=shift))
    if rule == "weekday":
        target = WEEKDAYS.index(g["weekday"].lower())
        direction = {"last": "past", "next": "future"}.get((g.get("rel") or "").lower(), tense)
        if direction == "future":
            return day_value(anchor + timedelta(days=(target - anchor.weekday() - 1) % 7 + 1))
        return day_value(anchor - timedelta(days=(anchor.weekday() - target) % 7))
    if rule == "next_days":
        n = count_of(g.get("count"))
        unit = 7 if g["unit"].lower() == "weeks" else 1
        forward = g["rel"].lower() in ("next", "coming")
        if n is None:
            if forward:
                return Resolved(f">{anchor.isoformat()}", "day", anchor + timedelta(days=1), None, True)
            return Resolved(f"<{anchor.isoformat()}", "day", None, anchor - timedelta(days=1), True)
        if forward:
            first, last = anchor + timedelta(days=1), anchor + timedelta(days=n * unit)
        else:
            first, last = anchor - timedelta(days=n * unit), anchor - timedelta(days=1)
        return Resolved(f"{first.isoformat()}/{last.isoformat()}", "day", first, last, True)
    raise ValueError(f"no relative resolution for rule {rule!r}")


def shift_unit(anchor: date, unit: str, shift: int) -> Resolved:
    if unit == "week":
        return week_value(anchor + timedelta(weeks=shift))
    if unit == "month":
        return month_value(*add_months(anchor.year, anchor.month, shift))
    if unit == "day":
        return day_value(anchor + timedelta(days=shift))
    return year_value(anchor.year + shift)


def open_window(r: Resolved, op: str) -> Resolved:
    """Turn a resolved date into the open window of ``op`` (>, >=, <, <=)."""
    if r.value is None:
        return r
    start = {">": r.end + timedelta(days=1) if r.end else None, ">=": r.start}.get(op)
    end = {"<": r.start - timedelta(days=1) if r.start else None, "<=": r.end}.get(op)
    return Resolved(f"{op}{r.value}", r.granularity, start, end, r.relative)


# ---------------------------------------------------------------- cheap tests before a search

# re tries a pattern at every position of a text, and most patterns match in few
# sentences. So each pattern is read (parsed) once for the words its matches need: sets
# of words such that every match contains a word of each set ("the", one of "end",
# "beginning", "start", "middle", and "of" for "the end of"). A text is searched with a
# pattern only when it has a word of each of its sets. Words are compared lower-cased,
# which covers (?i) too, except for three letters that re's case folding reads as i or s
# and str.lower does not: a text with one of them is searched with every pattern.
_FOLDED_APART = re.compile("[\u0130\u0131\u017f]")  # İ ı ſ
MAX_WORDS = 64  # a part of a pattern that matches more strings than this is read piece by piece
_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)


def required_words(pattern: re.Pattern) -> tuple[tuple[str, ...], ...]:
    """Sets of ASCII words, lower-cased, such that every match of ``pattern`` contains a word
    of each set; none when the pattern cannot be read."""
    return _required_words(pattern.pattern, pattern.flags)


@lru_cache(maxsize=None)
def _required_words(source: str, flags: int) -> tuple[tuple[str, ...], ...]:
    # keyed by the source, not the compiled pattern, whose hash reads all of its code
    try:
        options = _required(_parser.parse(source, flags))
    except Exception:  # re's parser is private: should it change, search with every pattern
        return ()
    # a text with "meet" is searched anyway, so "meeting" need not be looked for
    return tuple(tuple(sorted(w for w in words if not any(v in w for v in words - {w}))) for words in options)


def _required(items) -> list[set[str]]:
    """Sets of words such that every match of a parsed sequence contains a word of each set."""
    options, run = [], {""}
    for item in [*items, (None, None)]:
        exact = _exact([item])
        if exact is not None and len(run) * len(exact) <= MAX_WORDS:
            run = {s + t for s in run for t in exact}
            continue
        if "" not in run and all(s.isascii() for s in run):
            options.append({s.lower() for s in run})
        run, (op, av) = {""}, item
        if op is _constants.SUBPATTERN:
            options += _required(av[-1])
        elif op is _constants.ATOMIC_GROUP:
            options += _required(av)
        elif op in _REPEATS and av[0] >= 1:
            options += _required(av[2])
        elif op is _constants.BRANCH:
            branches = [_required(branch) for branch in av[1]]
            if all(branches):
                options.append(set().union(*(max(b, key=_telling) for b in branches)))
    return options


def _telling(words: set[str]) -> tuple[int, int]:
    return min(map(len, words)), -len(words)


def _exact(items) -> set[str] | None:
    """Every string a parsed sequence can match, when they are few and it has no classes or loops.

    Assertions (\\b, lookarounds) match the empty string: they consume nothing.
    """
    strings = {""}
    for op, av in items:
        if op is _constants.LITERAL:
            part = {chr(av)}
        elif op is _constants.IN and all(o is _constants.LITERAL for o, _ in av):
            part = {chr(c) for _, c in av}
        elif op in (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT):
            part = {""}
        elif op is _constants.SUBPATTERN:
            part = _exact(av[-1])
        elif op is _constants.BRANCH:
            parts = [_exact(branch) for branch in av[1]]
            part = None if None in parts else set().union(*parts)
        elif op in _REPEATS and av[:2] == (0, 1):
            part = _exact(av[2])
            part = None if part is None else part | {""}
        else:
            part = None
        if part is None or len(strings) * len(part) > MAX_WORDS:
            return None
        strings = {s + t for s in strings for t in part}
    return strings


class Prefilter:
    """(label, pattern) pairs, each with the words its matches need (see above)."""

    def __init__(self, patterns):
        sets = {}  # each distinct set of words, numbered
        self.patterns = tuple((label, pattern, frozenset(sets.setdefault(words, len(sets))
                                                         for words in required_words(pattern)))
                              for label, pattern in patterns)
        self.sets_with = {}  # word -> the numbers of the sets it is in
        for words, number in sets.items():
            for word in words:
                self.sets_with.setdefault(word, set()).add(number)

    def worth_searching(self, text: str) -> list[tuple[str, re.Pattern]]:
        """The pairs whose pattern can match in ``text``, in their order."""
        if not text.isascii() and _FOLDED_APART.search(text):
            return [(label, pattern) for label, pattern, _ in self.patterns]
        low = text.lower()
        met = set().union(*(sets for word, sets in self.sets_with.items() if word in low))
        return [(label, pattern) for label, pattern, needs in self.patterns if needs <= met]


@lru_cache(maxsize=None)
def prefilter(load) -> Prefilter:
    """The :class:`Prefilter` of the patterns of a knowledge file, given the function that loads them."""
    return Prefilter(load())


# ---------------------------------------------------------------- extraction

RULE_FILTER = Prefilter(RULES)


def find_spans(text: str) -> list[tuple[int, int, str, re.Match]]:
    """Non-overlapping candidate spans in one sentence: leftmost, then longest, then rule order."""
    found = []
    for name, pattern in RULE_FILTER.worth_searching(text):
        for m in pattern.finditer(text):
            s, e = m.span("x") if "x" in pattern.groupindex else m.span()
            if name in ("date_md", "date_dmy", "date_mdy") and not 1 <= int(m["day"]) <= 31:
                continue
            found.append((s, e, name, m))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), RULE_ORDER[f[2]]))
    return leftmost_first(found)


def leftmost_first(spans: list[tuple]) -> list[tuple]:
    """Keep spans (start, end, ...) in the given order, dropping any that overlap one kept before."""
    kept, last_end = [], -1
    for f in spans:
        if f[0] >= last_end:
            kept.append(f)
            last_end = f[1]
    return kept


def tense_at(text: str, start: int, end: int, masked: list[tuple[int, int]]) -> str:
    """The tense of the cue nearest before [start, end), else the first after, else 'none'."""
    return nearest_tense(cues_outside(text, masked), start, end)


def cues_outside(text: str, masked: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """The tense cues of a text as (start, end, tense), less those overlapping a masked span."""
    return [(m.start(), m.end(), tense) for tense, pattern in prefilter(tense_cues).worth_searching(text)
            for m in pattern.finditer(text)
            if not any(m.start() < e and s < m.end() for s, e in masked)]


def nearest_tense(cues: list[tuple[int, int, str]], start: int, end: int) -> str:
    """:func:`tense_at` of cues already found: ties go to the cue found first."""
    before, after = None, None
    for s, e, tense in cues:
        if e <= start and (before is None or e > before[0]):
            before = (e, tense)
        elif s >= end and (after is None or s < after[0]):
            after = (s, tense)
    return (before or after or (0, "none"))[1]


def open_operator(text: str, s: int, e: int, name: str) -> tuple[int, int, str | None]:
    """Extend a span over "after"/"before" before it or "or later"/"or earlier" after it."""
    m = OPEN_BEFORE.search(text, 0, s)
    if m:
        op = ">" if m["op"].lower() == "after" else ("<=" if name == "end_of" and "end" in text[s:e].lower() else "<")
        return m.start(), e, op
    m = OPEN_AFTER.match(text[e:])
    if m:
        return s, e + m.end(), ">=" if m["op"].lower() in ("later", "after") else "<="
    return s, e, None


def end_of_as_month(r: Resolved, op: str | None) -> Resolved:
    """'before the end of the month' is '<= the month': drop the LATE part before opening."""
    if op == "<=" and r.value and r.value.endswith("-LATE"):
        base = r.value[: -len("-LATE")]
        if len(base) == 7:
            y, mth = int(base[:4]), int(base[5:])
            return Resolved(base, "month", date(y, mth, 1), month_end(y, mth), r.relative)
        return Resolved(base, "year", date(int(base), 1, 1), date(int(base), 12, 31), r.relative)
    return r


def temporal_expressions(articles: pd.DataFrame, *, kinds: tuple[str, ...] = tuple(PARAGRAPH_KINDS)) -> pd.DataFrame:
    """One row per temporal expression, resolved against the article's publication date."""
    return expressions_in(sentences(articles, kinds=kinds), articles)


def expressions_in(sents: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """:func:`temporal_expressions` of already split sentences (so callers split only once)."""
    anchors = {aid: None if pd.isna(stamp) else pd.Timestamp(stamp).date()
               for aid, stamp in zip(articles["article_id"], articles["published"])}
    rows = []
    for aid, sid, kind, s0, text in zip(sents["article_id"].tolist(), sents["sentence_id"].tolist(),
                                        sents["kind"].tolist(), sents["start"].tolist(), sents["text"].tolist()):
        found = expressions_of(text)
        if not found:
            continue
        anchor = anchors.get(aid)
        for s, e, name, m, tense, op in found:
            r = resolve(name, m, anchor, tense)
            if op:
                r = open_window(end_of_as_month(r, op), op)
            rows.append((aid, sid, str(kind), s0 + s, s0 + e, text[s:e], r.value, r.granularity,
                         r.start, r.end, r.relative, anchor if r.relative else None, tense, name, text))
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    for col in ("date_start", "date_end", "anchor"):
        table[col] = pd.to_datetime(table[col])
    return table.astype(COLUMNS).sort_values(["article_id", "start"], ignore_index=True)


@lru_cache(maxsize=65536)
def expressions_of(text: str) -> tuple[tuple[int, int, str, re.Match, str, str | None], ...]:
    """What the anchor does not change of one sentence's expressions: (start, end, rule, match,
    tense, open operator), the span widened over its operator. Memoised like the sentence splits:
    a wire story reprinted by several outlets is searched once."""
    spans = find_spans(text)
    if not spans:
        return ()
    cues = cues_outside(text, [(s, e) for s, e, _, _ in spans])
    found = []
    for s, e, name, m in spans:
        s2, e2, op = open_operator(text, s, e, name)
        found.append((s2, e2, name, m, nearest_tense(cues, s, e), op))
    return tuple(found)


# ---------------------------------------------------------------- events

EVENT_COLUMNS = {
    "article_id": "string", "sentence_id": "int64", "kind": "string", "start": "int64", "end": "int64",
    "surface": "string", "value": "string", "date_start": "datetime64[ns]", "date_end": "datetime64[ns]",
    "event_type": "string", "trigger": "string", "trigger_start": "Int64", "trigger_end": "Int64",
    "actors": "string", "outlet": "string", "published": "datetime64[ns]", "sentence": "string",
}


def find_triggers(text: str) -> list[tuple[int, int, str]]:
    """Every trigger match in a text as (start, end, event_type); longer matches hide shorter ones inside them."""
    found = sorted(((m.start(), m.end(), t) for t, p in prefilter(event_triggers).worth_searching(text)
                    for m in p.finditer(text)),
                   key=lambda f: (f[0], -(f[1] - f[0])))
    return leftmost_first(found)


def find_actors(text: str) -> str:
    """The actors named in a text, in the order of the actors file, joined by '; '."""
    return "; ".join(actor for actor, p in prefilter(actor_patterns).worth_searching(text) if p.search(text))


@lru_cache(maxsize=65536)
def triggers_and_actors(text: str) -> tuple[tuple[tuple[int, int, str], ...], str]:
    """:func:`find_triggers` and :func:`find_actors` of one sentence, memoised by its text."""
    return tuple(find_triggers(text)), find_actors(text)


STATEMENT_PENALTY = 10


def nearest_trigger(triggers: list[tuple[int, int, str]], start: int, end: int) -> tuple[int, int, str] | None:
    """The trigger closest to [start, end) by character gap; ties go to the earlier one.

    A reporting verb ("said", "he added") sits next to many dates that belong to what was
    said, so a statement trigger counts ``STATEMENT_PENALTY`` characters farther away.
    """
    def gap(t):
        return (max(t[0] - end, start - t[1], 0) + (STATEMENT_PENALTY if t[2] == "statement" else 0), t[0])
    return min(triggers, key=gap) if triggers else None


def events(articles: pd.DataFrame, *, dates: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per dated expression with the event type of its nearest trigger and the sentence's actors."""
    sents = sentences(articles, kinds=tuple(PARAGRAPH_KINDS))
    return events_in(expressions_in(sents, articles) if dates is None else dates, sents, articles)


def events_in(dates: pd.DataFrame, sents: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """:func:`events` of expressions already found in ``sents``."""
    outlets = dict(zip(articles["article_id"], articles["outlet"].astype("string")))
    published = dict(zip(articles["article_id"], articles["published"]))
    sent_start = dict(zip(zip(sents["article_id"].tolist(), sents["sentence_id"].tolist()), sents["start"].tolist()))
    rows = []
    for r in dates.itertuples(index=False):
        triggers, actors = triggers_and_actors(r.sentence)
        s0 = sent_start[(r.article_id, r.sentence_id)]
        t = nearest_trigger(triggers, r.start - s0, r.end - s0)
        rows.append((r.article_id, r.sentence_id, r.kind, r.start, r.end, r.surface, r.value, r.date_start,
                     r.date_end, t[2] if t else "unclassified", r.sentence[t[0]:t[1]] if t else None,
                     s0 + t[0] if t else None, s0 + t[1] if t else None, actors,
                     outlets.get(r.article_id), published.get(r.article_id), r.sentence))
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
    sents = sentences(articles, kinds=tuple(PARAGRAPH_KINDS))
    ev = events_in(expressions_in(sents, articles), sents, articles)
    outlets = dict(zip(articles["article_id"], articles["outlet"].astype("string")))
    published = dict(zip(articles["article_id"], articles["published"]))
    dated = ev[ev["event_type"].isin(CONFERENCE_TYPES)]
    dated_keys = set(zip(dated["article_id"], dated["sentence_id"]))
    sent_start = dict(zip(zip(sents["article_id"], sents["sentence_id"]), sents["start"]))
    rows = []
    for r in dated.itertuples(index=False):
        delayed = any(t == "conference_delayed" for _, _, t in find_triggers(r.sentence))
        rows.append((r.article_id, r.outlet, r.published, r.sentence_id, r.kind, r.start, r.end, r.surface, r.value,
                     r.date_start, r.date_end, r.value is not None and r.value.startswith("<"),
                     r.value is not None and r.value.startswith(">"), delayed,
                     negated_at(r.sentence, r.start - sent_start[(r.article_id, r.sentence_id)]), r.sentence))
    for aid, sid, kind, text in zip(sents["article_id"], sents["sentence_id"], sents["kind"], sents["text"]):
        if (aid, sid) in dated_keys or not CONFERENCE_MENTION.search(text):
            continue
        types = {t for _, _, t in find_triggers(text)}
        if "past_conference" in types or not types & {"conference", "conference_delayed"}:
            continue
        rows.append((aid, outlets.get(aid), published.get(aid), sid, str(kind), None, None, None, None, None, None,
                     False, False, "conference_delayed" in types, False, text))
    table = pd.DataFrame(rows, columns=list(EXPECTATION_COLUMNS))
    for col in ("date_start", "date_end", "published"):
        table[col] = pd.to_datetime(table[col])
    return (table.astype(EXPECTATION_COLUMNS)
            .sort_values(["published", "article_id", "sentence_id", "start"], ignore_index=True))


# a conference sentence must name the conference (not only "happen" or "take place")
CONFERENCE_MENTION = re.compile(r"(?<!news )(?<!press )\b(?:[Pp]eace [Cc]onference|[Cc]onference|Geneva)\b")


# ---------------------------------------------------------------- scoring

def read_gold(path: str | Path | None = None) -> pd.DataFrame:
    """The gold temporal expressions (``tests/gold/dates.csv``)."""
    path = Path(path) if path is not None else GOLD_DIR / "dates.csv"
    return pd.read_csv(path, dtype={"article_id": "string", "start": "int64", "end": "int64",
                                    "surface": "string", "value": "string", "kind": "string"},
                       keep_default_na=False)


def score_dates(predicted: pd.DataFrame, gold: pd.DataFrame) -> dict[str, float]:
    """Span precision/recall/F1 (exact and overlap) and value accuracy on exact matches."""
    pred = predicted[predicted["article_id"].isin(set(gold["article_id"]))]
    p_key = {(a, s, e): v for a, s, e, v in zip(pred["article_id"], pred["start"], pred["end"], pred["value"])}
    g_key = {(a, s, e): v for a, s, e, v in zip(gold["article_id"], gold["start"], gold["end"], gold["value"])}
    exact = set(p_key) & set(g_key)

    def overlaps(keys, others):
        by_article = {}
        for a, s, e in others:
            by_article.setdefault(a, []).append((s, e))
        return sum(any(s < e2 and s2 < e for s2, e2 in by_article.get(a, [])) for a, s, e in keys)

    def prf(tp_p, tp_g):
        p = tp_p / len(p_key) if p_key else 0.0
        r = tp_g / len(g_key) if g_key else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    p, r, f = prf(len(exact), len(exact))
    op, orr, of = prf(overlaps(p_key, g_key), overlaps(g_key, p_key))
    correct = sum(str(p_key[k]) == str(g_key[k]) for k in exact)
    return {"predicted": len(p_key), "gold": len(g_key), "exact_matches": len(exact),
            "precision": p, "recall": r, "f1": f,
            "overlap_precision": op, "overlap_recall": orr, "overlap_f1": of,
            "value_accuracy": correct / len(exact) if exact else 0.0}


def date_errors(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Every disagreement with the gold: spurious, missed, or wrong value."""
    pred = predicted[predicted["article_id"].isin(set(gold["article_id"]))][["article_id", "start", "end", "surface", "value"]]
    merged = pred.merge(gold[["article_id", "start", "end", "surface", "value"]], on=["article_id", "start", "end"],
                        how="outer", suffixes=("_predicted", "_gold"), indicator=True)
    merged["error"] = merged["_merge"].map({"left_only": "spurious", "right_only": "missed", "both": "wrong value"}).astype("string")
    merged = merged[(merged["_merge"] != "both") | (merged["value_predicted"] != merged["value_gold"])]
    return merged.drop(columns="_merge").sort_values(["article_id", "start"], ignore_index=True)


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
