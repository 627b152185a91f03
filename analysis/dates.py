"""Temporal expressions: every date in the coverage, resolved onto one calendar.

Rules this module implements, and their known limits.

What is a temporal expression (see also ``analysis/data/gold/dates_guideline.md``)
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

Rules (:data:`RULE_TABLE`, in order; the ``rule`` column names the one that matched; each is
tested on its own in tests/test_dates.py). A match is kept when no earlier-starting,
then longer, then earlier-listed match overlaps it.
    ``date_dmy``, ``date_mdy``: "30 June 2012", "2 July, 2013", "June 30, 2012" -> the day.
    ``month_year``: "March 2011" -> the month. ``year``: "in 2012" (a preposition must
    precede a bare year, so counts like "2000 people" are not years).
    ``part_year``: "mid-2014" -> ``2014-MID``; ``half``: "the first half of 2014" -> H1;
    ``season``: "summer 2013", "this summer" (a bare "summer" is left out).
    The rules below need the anchor, the article's ``published`` date (``relative`` is
    True, ``anchor`` is that date), unless the match states a year; without a
    publication date their value is empty.
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
    tomorrow. ``ago``: "two weeks ago" -> that week (counts: the number words of
    ``data/numbers.csv``). ``end_of``: "the end of the month"
    -> ``YYYY-MM-LATE``, "the end of the year" -> ``YYYY-LATE``; "before the end of X" is
    ``<=X`` (by the end of X). ``next_days``: "the next couple of days" -> the two days
    after the anchor (couple = 2, a number as written); "the next days", "the next few
    days" -> ``>anchor``, open (a vague count fixes no end). "the past N days" mirrors it.
    ``week_of_month``: the nth week of a month is the ISO week whose Monday is the month's
    nth Monday ("last" = its last Monday).

Tense (``tense`` column)
    The cue words of ``data/timeline_tense_cues.csv`` (past: met, was ...; future: will,
    would, might, must ...; neutral: called for, planned for) and the past-tense reporting
    verbs of ``data/reporting_verbs.csv`` (said, told ...). The cue
    nearest before the expression in the same sentence decides; without one, the first
    cue after it; without any, ``none``. Cue words inside a date span ("May") never count.
    Limit: one sentence can hold several clauses; the nearest cue is usually, not always,
    the expression's own verb.

Scale
    A sentence is searched only with the patterns (date rules, tense cues) whose literal
    words it contains (``matches.Prefilter``), and what a sentence yields without the
    anchor is memoised by its text, so a reprinted wire story is searched once.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import NamedTuple

import pandas as pd

from . import knowledge
from .corpus import PARAGRAPH_KINDS, sentences
from .matches import Prefilter
from .text import MONTH_OR_ABBREVIATION, leftmost_first, month_number

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9), "winter": ("WI", 12)}
PARTS = {"early": "EARLY", "mid": "MID", "late": "LATE", "beginning": "EARLY", "start": "EARLY",
         "middle": "MID", "end": "LATE"}

COLUMNS = {
    "article_id": "string", "sentence_id": "int64", "kind": "string", "start": "int64", "end": "int64",
    "surface": "string", "value": "string", "granularity": "string", "date_start": "datetime64[ns]",
    "date_end": "datetime64[ns]", "relative": "boolean", "anchor": "datetime64[ns]", "tense": "string",
    "rule": "string", "sentence": "string",
}


# ---------------------------------------------------------------- calendar values

@dataclass(frozen=True)
class Resolved:
    """A resolved value: TIMEX3-style ``value``, its granularity and the days it covers."""
    value: str | None
    granularity: str
    start: date | None
    end: date | None
    relative: bool


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1


def day_value(day: date) -> Resolved:
    return Resolved(day.isoformat(), "day", day, day, False)


def week_value(day: date) -> Resolved:
    iso = day.isocalendar()
    monday = day - timedelta(days=day.weekday())
    return Resolved(f"{iso[0]:04d}-W{iso[1]:02d}", "week", monday, monday + timedelta(days=6), False)


def month_value(year: int, month: int) -> Resolved:
    return Resolved(f"{year:04d}-{month:02d}", "month", date(year, month, 1), month_end(year, month), False)


def year_value(year: int) -> Resolved:
    return Resolved(f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31), False)


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


def shift_unit(anchor: date, unit: str, shift: int) -> Resolved:
    """The week, month, day or year ``shift`` units from the anchor's."""
    if unit == "week":
        return week_value(anchor + timedelta(weeks=shift))
    if unit == "month":
        return month_value(*add_months(anchor.year, anchor.month, shift))
    if unit == "day":
        return day_value(anchor + timedelta(days=shift))
    return year_value(anchor.year + shift)


def choose_year(month: int, day: int, anchor: date, tense: str) -> int:
    """The year of a month and day stated without one, by tense (see the module docstring)."""
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


_VALUE = re.compile(r"(?P<year>\d{4})(?:-(?:W(?P<week>\d{2})|(?P<month>\d{2})(?:-(?P<day>\d{2})|-(?P<mpart>EARLY|MID|LATE))?"
                    r"|(?P<season>SP|SU|FA|WI)|H(?P<half>[12])|(?P<ypart>EARLY|MID|LATE)))?")
_SEASON_NAMES = {code: name for name, (code, _) in SEASONS.items()}


def interval_of(value: str) -> tuple[date, date] | None:
    """The first and last day a closed value covers ("2013-W46" -> 11 and 17 November 2013);
    None for an open window or a value that is not one of the forms above."""
    if "/" in value:
        first, _, last = value.partition("/")
        try:
            return date.fromisoformat(first), date.fromisoformat(last)
        except ValueError:
            return None
    m = _VALUE.fullmatch(value)
    if not m:
        return None
    year, g = int(m["year"]), m.groupdict()
    try:
        if g["week"]:
            r = week_value(date.fromisocalendar(year, int(g["week"]), 1))
        elif g["day"]:
            r = day_value(date(year, int(g["month"]), int(g["day"])))
        elif g["mpart"]:
            r = part_of_month(year, int(g["month"]), g["mpart"])
        elif g["month"]:
            r = month_value(year, int(g["month"]))
        elif g["season"]:
            r = season_value(_SEASON_NAMES[g["season"]], year)
        elif g["half"]:
            half = int(g["half"])
            return date(year, 6 * half - 5, 1), month_end(year, 6 * half)
        elif g["ypart"]:
            r = part_of_year(year, g["ypart"])
        else:
            r = year_value(year)
    except ValueError:  # no such day or week
        return None
    return r.start, r.end


@knowledge.cached
def counts() -> dict[str, int]:
    """Number words that count units of time: the whole ``lead`` and the ``count`` rows of
    ``data/numbers.csv`` ("a", "two", "couple of"), lower case, to their value."""
    table = knowledge.numbers()
    rows = table[table["kind"].isin(["lead", "count"])]
    values = pd.to_numeric(rows["value"])
    return {p.lower(): int(v) for p, v in zip(rows["phrase"], values) if v >= 1 and v == int(v)}


def _count_pattern(*, articles: bool) -> str:
    """An alternation of the count words, longest first; "couple of" may take "a" before it;
    ``articles`` says whether "a"/"an" alone count ("a week ago", not "the next a days")."""
    table = knowledge.numbers()
    phrases = sorted((p for p in counts() if articles or p not in ("a", "an")), key=lambda p: (-len(p), p))
    with_article = set(table.loc[table["kind"] == "count", "phrase"].str.lower())
    return "|".join((r"(?:an?\s+)?" if p in with_article else "") + r"\s+".join(map(re.escape, p.split()))
                    for p in phrases)


def count_of(word: str | None) -> int | None:
    """The value of a count ("two", "a couple of", "12"); None for none or a vague one ("few")."""
    if word is None:
        return None
    word = re.sub(r"\s+", " ", word.lower())
    if word.isdigit():
        return int(word)
    known = counts()
    return known.get(word, known.get(re.sub(r"^an? ", "", word)))


# ---------------------------------------------------------------- the rules

# Each resolver takes the match's groups, the anchor (None for a match that states its
# year) and the tense, and returns the value.

def _year_of(g: dict, month: int, anchor: date | None, tense: str) -> int:
    """The stated year, or the one chosen for the month by tense."""
    return int(g["year"]) if g.get("year") else choose_month_year(month, anchor, tense)


def _full_date(g, anchor, tense):
    return day_value(date(int(g["year"]), month_number(g["month"]), int(g["day"])))


def _month_day(g, anchor, tense):
    month, day = month_number(g["month"]), int(g["day"])
    return day_value(date(choose_year(month, day, anchor, tense), month, day))


def _month_of_year(g, anchor, tense):
    return month_value(int(g["year"]), month_number(g["month"]))


def _month(g, anchor, tense):
    month = month_number(g["month"])
    return month_value(choose_month_year(month, anchor, tense), month)


def _part_of_month(g, anchor, tense):
    month = month_number(g["month"])
    return part_of_month(_year_of(g, month, anchor, tense), month, PARTS[g["part"].lower()])


def _part_of_year(g, anchor, tense):
    return part_of_year(int(g["year"]), PARTS[g["part"].lower()])


def _half(g, anchor, tense):
    year, half = int(g["year"]), 1 if g["ord"].lower() == "first" else 2
    return Resolved(f"{year:04d}-H{half}", "year_part", date(year, 6 * half - 5, 1), month_end(year, 6 * half), False)


def _season(g, anchor, tense):
    return season_value(g["season"], int(g["year"]))


def _season_relative(g, anchor, tense):
    return season_value(g["season"], anchor.year + {"last": -1, "next": 1}.get(g["rel"].lower(), 0))


def _week_of_month(g, anchor, tense):
    month = month_number(g["month"])
    return week_value(nth_monday(_year_of(g, month, anchor, tense), month, ORDINALS[g["ord"].lower()]))


def _relative_unit(g, anchor, tense):
    return shift_unit(anchor, g["unit"].lower(), {"last": -1, "this": 0, "next": 1}[g["rel"].lower()])


def _end_of(g, anchor, tense):
    part = PARTS[g["part"].lower()]
    if g.get("year"):
        return part_of_year(int(g["year"]), part)
    if g.get("month"):
        month = month_number(g["month"])
        return part_of_month(choose_month_year(month, anchor, tense), month, part)
    unit = g["unit"].lower()
    if unit == "month":
        return part_of_month(anchor.year, anchor.month, part)
    if unit == "year":
        return part_of_year(anchor.year, part)
    return week_value(anchor)


def _deictic_day(g, anchor, tense):
    return day_value(anchor + timedelta(days={"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[g["word"].lower()]))


def _weekday(g, anchor, tense):
    target = WEEKDAYS.index(g["weekday"].lower())
    direction = {"last": "past", "next": "future"}.get((g.get("rel") or "").lower(), tense)
    if direction == "future":
        return day_value(anchor + timedelta(days=(target - anchor.weekday() - 1) % 7 + 1))
    return day_value(anchor - timedelta(days=(anchor.weekday() - target) % 7))


def _ago(g, anchor, tense):
    return shift_unit(anchor, g["unit"].lower(), -count_of(g["count"]))


def _next_days(g, anchor, tense):
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


class Rule(NamedTuple):
    """One rule: its name, pattern (the span is group ``x`` when there is one, else the whole
    match) and resolver; ``granularity`` is set for a rule that needs the anchor unless the
    match states a year, and gives the granularity of a value it cannot resolve without one."""
    name: str
    pattern: re.Pattern
    resolve: Callable[[dict, date | None, str], Resolved]
    granularity: Callable[[dict], str] | None = None


def _fixed(name: str) -> Callable[[dict], str]:
    return lambda g: name


def _end_of_granularity(g: dict) -> str:
    return {"week": "week", "year": "year_part"}.get((g.get("unit") or "month").lower(), "month_part")


_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d|,\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_M = MONTH_OR_ABBREVIATION

# (name, pattern, resolver, granularity), in order; {count} stands for the count words of
# data/numbers.csv. Case matters for month and weekday names (the modal "may" is not May).
RULE_TABLE = [
    ("date_dmy", rf"\b{_DAY}\s+(?:of\s+)?(?P<month>{_M}),?\s+{_YEAR}", _full_date, None),
    ("date_mdy", rf"\b(?P<month>{_M})\s+{_DAY},?\s+{_YEAR}", _full_date, None),
    ("date_md", rf"\b(?P<month>{_M})\s+{_DAY}\b(?!\d)", _month_day, _fixed("day")),
    ("date_md", rf"\b{_DAY}\s+(?:of\s+)?(?P<month>{_M})(?![\w])", _month_day, _fixed("day")),
    ("month_year", rf"\b(?P<month>{_M}),?\s+(?:of\s+)?{_YEAR}", _month_of_year, None),
    ("month", rf"(?<![\w-])(?P<month>{_M})(?![\w-])", _month, _fixed("month")),
    ("part_month", rf"(?i:\b(?P<part>early|mid|late)[- ])(?P<month>{_M})(?:,?\s+{_YEAR})?", _part_of_month,
     _fixed("month_part")),
    ("part_year", rf"(?i:\b(?P<part>early|mid|late)[- ]){_YEAR}", _part_of_year, None),
    ("half", rf"(?i:\bthe\s+(?P<ord>first|second)\s+half\s+of\s+){_YEAR}", _half, None),
    ("season", rf"(?i:\b(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?){_YEAR}", _season, None),
    ("season_rel", r"(?i:\b(?P<rel>this|last|next)\s+(?P<season>spring|summer|autumn|fall|winter)\b)",
     _season_relative, _fixed("season")),
    ("week_of_month", rf"(?i:\bthe\s+(?P<ord>first|second|third|fourth|fifth|last)\s+week\s+of\s+)"
                      rf"(?P<month>{_M})(?:\s+{_YEAR})?", _week_of_month, _fixed("week")),
    ("relative_unit", r"(?i:\b(?P<rel>last|next|this)\s+(?P<unit>week|month|year)\b)", _relative_unit,
     lambda g: g["unit"].lower()),
    ("end_of", rf"(?i:\bthe\s+(?P<part>end|beginning|start|middle)\s+of\s+)"
               rf"(?:(?i:(?:the|this)\s+(?P<unit>week|month|year)\b)|(?P<month>{_M})|{_YEAR})", _end_of,
     _end_of_granularity),
    ("deictic_day", r"(?i:\b(?P<word>today|tonight|yesterday|tomorrow)\b)", _deictic_day, _fixed("day")),
    ("weekday", rf"(?:(?i:\b(?P<rel>last|next|this)\s+))?(?P<weekday>{_WEEKDAY})\b", _weekday, _fixed("day")),
    ("ago", r"(?i:\b(?P<count>{count}|\d+)\s+(?P<unit>day|week|month|year)s?\s+ago\b)", _ago,
     lambda g: g["unit"].lower()),
    ("next_days", r"(?i:\bthe\s+(?P<rel>next|coming|past|last)\s+(?:(?P<count>{count_noun}|few|several|\d+)\s+)?"
                  r"(?P<unit>days|weeks)\b)", _next_days, _fixed("day")),
    ("year", r"(?i:\b(?:in|since|by|until|from|during|before|after|through)\s+)(?P<x>(?:19|20)\d{2})(?!\d|,\d)",
     lambda g, anchor, tense: year_value(int(g["x"])), None),
]


@knowledge.cached
def rules() -> list[Rule]:
    """:data:`RULE_TABLE` compiled, with the count words of ``data/numbers.csv``."""
    words = {"{count}": _count_pattern(articles=True), "{count_noun}": _count_pattern(articles=False)}
    compiled = []
    for name, pattern, resolver, granularity in RULE_TABLE:
        for key, value in words.items():
            pattern = pattern.replace(key, value)
        compiled.append(Rule(name, re.compile(pattern), resolver, granularity))
    return compiled
# the order of the rules by name (a name listed twice takes its later place)
RULE_ORDER = {name: i for i, (name, *_) in enumerate(RULE_TABLE)}
OPEN_BEFORE = re.compile(r"(?i:\b(?P<op>after|before)\s+)$")
OPEN_AFTER = re.compile(r"^\s+or\s+(?P<op>later|after|earlier|before)\b")


def resolve(rule: Rule, m: re.Match, anchor: date | None, tense: str) -> Resolved:
    """The value of one match of ``rule``; a relative one without an anchor gets no value."""
    g = m.groupdict()
    if rule.granularity is None or g.get("year"):
        return rule.resolve(g, None, tense)
    if anchor is None:
        return Resolved(None, rule.granularity(g), None, None, True)
    return replace(rule.resolve(g, anchor, tense), relative=True)


def open_window(r: Resolved, op: str) -> Resolved:
    """Turn a resolved date into the open window of ``op`` (>, >=, <, <=)."""
    if r.value is None:
        return r
    start = {">": r.end + timedelta(days=1) if r.end else None, ">=": r.start}.get(op)
    end = {"<": r.start - timedelta(days=1) if r.start else None, "<=": r.end}.get(op)
    return Resolved(f"{op}{r.value}", r.granularity, start, end, r.relative)


def end_of_as_month(r: Resolved, op: str | None) -> Resolved:
    """'before the end of the month' is '<= the month': drop the LATE part before opening."""
    if op == "<=" and r.value and r.value.endswith("-LATE"):
        base = r.value[: -len("-LATE")]
        if len(base) == 7:
            return replace(month_value(int(base[:4]), int(base[5:])), relative=r.relative)
        return replace(year_value(int(base)), relative=r.relative)
    return r


# ---------------------------------------------------------------- finding spans

@knowledge.cached
def rule_filter() -> Prefilter:
    return Prefilter([(rule, rule.pattern) for rule in rules()])


@knowledge.cached
def tense_filter() -> Prefilter:
    """One (tense, compiled alternation) per tense of the cues: ``data/timeline_tense_cues.csv``
    and the past-tense verbs of ``data/reporting_verbs.csv``."""
    verbs = knowledge.reporting_verbs()
    table = pd.concat([knowledge.tense_cues()[["cue", "tense"]],
                       verbs.loc[verbs["tense"] == "past", ["verb", "tense"]].rename(columns={"verb": "cue"})])
    return Prefilter([
        (tense, re.compile(r"(?i)(?<![\w'])(?:" + "|".join(group["cue"]) + r")(?![\w'])"))
        for tense, group in table.groupby("tense", sort=True)
    ])


def find_spans(text: str) -> list[tuple[int, int, Rule, re.Match]]:
    """Non-overlapping candidate spans in one sentence: leftmost, then longest, then rule order."""
    found = []
    for rule, pattern in rule_filter().worth_searching(text):
        for m in pattern.finditer(text):
            if m.groupdict().get("day") and not 1 <= int(m["day"]) <= 31:
                continue
            s, e = m.span("x") if "x" in pattern.groupindex else m.span()
            found.append((s, e, rule, m))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), RULE_ORDER[f[2].name]))
    return leftmost_first(found)


def cues_outside(text: str, masked: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """The tense cues of a text as (start, end, tense), less those overlapping a masked span."""
    return [(m.start(), m.end(), tense) for tense, pattern in tense_filter().worth_searching(text)
            for m in pattern.finditer(text)
            if not any(m.start() < e and s < m.end() for s, e in masked)]


def nearest_tense(cues: list[tuple[int, int, str]], start: int, end: int) -> str:
    """The tense of the cue nearest before [start, end), else the first after, else 'none'
    (ties go to the cue found first)."""
    before, after = None, None
    for s, e, tense in cues:
        if e <= start and (before is None or e > before[0]):
            before = (e, tense)
        elif s >= end and (after is None or s < after[0]):
            after = (s, tense)
    return (before or after or (0, "none"))[1]


def open_operator(text: str, s: int, e: int, rule: str) -> tuple[int, int, str | None]:
    """Extend a span over "after"/"before" before it or "or later"/"or earlier" after it."""
    m = OPEN_BEFORE.search(text, 0, s)
    if m:
        op = ">" if m["op"].lower() == "after" else ("<=" if rule == "end_of" and "end" in text[s:e].lower() else "<")
        return m.start(), e, op
    m = OPEN_AFTER.match(text[e:])
    if m:
        return s, e + m.end(), ">=" if m["op"].lower() in ("later", "after") else "<="
    return s, e, None


class Expression(NamedTuple):
    """What the anchor does not change of one expression in a sentence."""
    start: int  # the span, widened over its open-window operator
    end: int
    rule: Rule
    match: re.Match
    tense: str
    op: str | None  # >, >=, <, <= or None


@knowledge.cached(maxsize=65536)
def expressions_of(text: str) -> tuple[Expression, ...]:
    """The expressions of one sentence, memoised like the sentence splits: a wire story
    reprinted by several outlets is searched once."""
    spans = find_spans(text)
    if not spans:
        return ()
    cues = cues_outside(text, [(s, e) for s, e, _, _ in spans])
    found = []
    for s, e, rule, m in spans:
        s2, e2, op = open_operator(text, s, e, rule.name)
        found.append(Expression(s2, e2, rule, m, nearest_tense(cues, s, e), op))
    return tuple(found)


# ---------------------------------------------------------------- public API

def temporal_expressions(articles: pd.DataFrame, *, kinds: tuple[str, ...] = tuple(PARAGRAPH_KINDS)) -> pd.DataFrame:
    """One row per temporal expression, resolved against the article's publication date.

    Columns: article_id, sentence_id, kind (the paragraph kind), start, end, surface,
    value, granularity, date_start, date_end, relative, anchor, tense, rule, sentence.
    """
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
        for x in found:
            r = resolve(x.rule, x.match, anchor, x.tense)
            if x.op:
                r = open_window(end_of_as_month(r, x.op), x.op)
            rows.append((aid, sid, str(kind), s0 + x.start, s0 + x.end, text[x.start:x.end], r.value, r.granularity,
                         r.start, r.end, r.relative, anchor if r.relative else None, x.tense, x.rule.name, text))
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    for col in ("date_start", "date_end", "anchor"):
        table[col] = pd.to_datetime(table[col])
    return table.astype(COLUMNS).sort_values(["article_id", "start"], ignore_index=True)
