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
    "or later"/"or earlier", because they turn the date into an open window; so is a
    determiner of the phrase ("the 21st of August") and a weekday written with the date
    ("Saturday, Sept. 14, 2013" is one expression, valued as the day). Expressions are
    found in every paragraph kind; ``kind`` says which (body, headline, caption, dateline ...).
    Not dates (``data/timeline_not_dates.csv``): sets ("every Friday"), month and weekday
    words in names ("the March 14 alliance", "the Sunday Times", "Mail on Sunday", "Theresa
    May"), and a sentence that opens with the modal May or the verb March ("May I ...",
    "March with us"). A day the month does not have ("February 30", "June 31",
    "31/02/2013") is not a date: the month alone is taken when it stands as a word.

Values (TIMEX3-style; ``date_start``/``date_end`` give the covered interval)
    ``YYYY-MM-DD`` day · ``YYYY-Www`` ISO week · ``YYYY-MM`` month ·
    ``YYYY-MM-EARLY|MID|LATE`` days 1–10, 11–20, 21–end of a month ·
    ``YYYY-SP|SU|FA|WI`` season (Mar–May, Jun–Aug, Sep–Nov, Dec–Feb) ·
    ``YYYY-H1|H2`` half year · ``YYYY-EARLY|MID|LATE`` Jan–Apr, May–Aug, Sep–Dec ·
    ``YYYY`` year · ``YYY`` decade · ``A/B`` a closed window of days (ISO 8601 interval) ·
    open windows ``>X`` after X (starts the day after X ends), ``>=X`` X or later,
    ``<X`` before X (ends the day before X starts), ``<=X`` by the end of X; the open end
    has no date (``NaT``).

Rules (:data:`RULE_TABLE`, in order; the ``rule`` column names the one that matched; each is
tested on its own in tests/test_dates.py). A match is kept when no earlier-starting,
then longer, then earlier-listed match overlaps it.
    ``date_dmy``, ``date_mdy``: "30 June 2012", "2 July, 2013", "June 30, 2012", "June 30 ,
    2012", "Aug 26, 2016", "the 21st of August 2013" -> the day. A month beside a day or a
    year may be abbreviated without its full stop ("Oct 7", "7 Oct", "Sept 12", "Sept.15").
    ``date_iso``: "2013-10-23". ``date_slash``: "10/23/2013", "28/08/2013", "1/20/14" (a
    two-digit year is of this century), "23-02-2015" (with hyphens, a four-digit year). A
    first number above 12 is the day, a second above 12 the day; otherwise the article's
    convention decides: day first when one of its slash
    dates has a first number above 12 and none a second one, else month first (US order; so
    "03/04/2013" alone is 4 March). Known limit: a British article whose only slash dates
    are ambiguous is read month first.
    ``day_range``: "7 to 11 July", "Oct. 20-22", "May 2 to 4, 2014" -> the closed window of
    days (after a month, "to" needs punctuation or a year after the second day, so "July 7 to
    11 civilians" is the day July 7).
    ``month_year``: "March 2011", "Sept 2013" -> the month. ``holiday``: the fixed-day holidays
    of ``data/timeline_holidays.csv`` ("by Christmas") and the feasts of
    ``data/timeline_movable_holidays.csv`` ("from Eid al-Adha"), the year by direction; ``new_year``:
    "the new year" -> the coming year from October on, else the anchor's. ``year``: "in 2012" (a preposition
    must precede a bare year, so counts like "2000 people" are not years; after "of" only
    before punctuation or "than", "and", "when", "as", "until", "to": "the whole of 2014");
    ``year_modifier``: "the 2012 communique", "Syria's 2011 uprising", "the 2015 Vienna
    statements", "the 2013 chemical weapons deal": a year after a determiner or a possessive,
    before a noun of ``data/timeline_year_heads.csv`` (after at most two lower-case words, the
    first not ending in "s") or a capitalised word not ending in "s" (so "the 2000 refugees",
    "the 2000 Syrians" are counts).
    ``part_year``: "mid-2014" -> ``2014-MID``; ``half``: "the first half of 2014" -> H1, "the
    second half of last year", "the second half of the year" (the anchor's); ``quarter``:
    "the first quarter of 2016", "the last quarter of next year", a bare "the second quarter"
    (the anchor's year; not before "of": "the last quarter of a century") -> the window of
    days; ``season``: "summer 2013", "the spring of 2014"; ``season_rel``:
    "this summer", "last fall"; ``season_the``: "the summer" (a bare "summer" is left out,
    "the fall" too: "the fall of Aleppo"); ``decade``: "the 1950s" -> ``195``.
    The rules below need the anchor (``relative`` is True, ``anchor`` is the date resolved
    against) unless the match states a year; without an anchor their value is empty.
    ``date_md``: "September 27", "6 Oct", "January 22nd" (no year; "September 30 last year"
    takes the year before the anchor's), ``month``: "November",
    "Sept.", ``part_month``: "mid-November", ``week_of_month``: "the second week of
    November", ``end_of`` with a month name, ``season_the``: the year by direction (below).
    A weekday written with a month and day keeps the year in which the date falls on it.
    ``month_rel``: "last June" -> the latest June before the anchor's month, "next June" the
    first after it, "this June" the anchor's year's. ``month_of_rel``: "May of this year", "May last year".
    ``weekday``: "Monday", by direction; "last"/"next" before it override the direction;
    "this Monday" is the Monday of the anchor's week (Monday to Sunday), "Tuesday last week"
    the Tuesday of the week before it ("next week": after it).
    ``relative_unit``: "last/this/next week|month|year" -> the ISO week, month or year
    before, of, or after the anchor's. ``part_rel``: "late last year" -> ``YYYY-LATE``,
    "early next month" -> ``YYYY-MM-EARLY``, "early next week" -> the week. ``earlier_this``: "earlier this month" -> the
    days from the month's first to the day before the anchor; "later this year" -> from the
    day after the anchor to the year's end. ``deictic_day``: today, tonight, yesterday,
    tomorrow, last night (the day before), the day before yesterday, the day after tomorrow.
    ``weekend``: "the weekend", "last weekend", "next weekend" -> its Saturday and Sunday, by
    direction. ``numbered_day``: "the 25th" after a locating preposition or a weekday and
    its comma ("until the 25th", "the attack of the 21st", "Friday, the 30th") -> that day in
    the anchor's month or one either side, by direction (with none, the anchor's month); not
    before a capitalised word or a noun of ``data/timeline_ordinal_nouns.csv`` ("the 21st
    century"); "the week of the 9th" -> that day's ISO week. ``ago``: "two weeks ago", "a
    fortnight ago" -> that week; "five years ago today" -> that day (counts: the number words of
    ``data/numbers.csv``). ``end_of``: "the end of the month", "month's end" -> ``YYYY-MM-LATE``, "the end
    of next month", "the end of last year" -> ``YYYY-LATE``; "before the end of X" is
    ``<=X`` (by the end of X). ``next_days``: "the next couple of days" -> the two days
    after the anchor (couple = 2, a number as written); "the next days", "the coming weeks",
    "the coming months" -> ``>anchor``, open (a vague count fixes no end); "the past two
    months", "the past week" -> the window before the anchor ("the next week", "the next
    day" are left out: as often the week or day after an event told, not after publication). ``week_of_month``: the nth week of a month is
    the ISO week whose Monday is the month's nth Monday ("last" = its last Monday).

The anchor
    The article's publication date, or the date the article gives itself when it lies on
    or up to a week before publication (``OWN_DATE_DAYS``): a line among its first
    (``HEADER_LINES``) that is only a full date, optionally after a label ("Posted",
    "Filed") or names and places ("John Kerry, Secretary of State, New York City, December
    18, 2015": a transcript's header), or a wire dateline opening such a line ("GENEVA, Sept
    14 (Reuters) -"). "Today" in a transcript posted the next day is the day of the remarks.
    Without a publication date, a header date with its year is the anchor.

Direction (the ``tense`` column): which way a date without a year lies
    A month, a part of a month or a weekday without a year takes its year (or week) from
    the clause that governs it, read with ``data/timeline_tense_cues.csv`` (cue, direction,
    kind, scope, reported) and ``data/timeline_clause_words.csv`` (boundaries, fillers):

    =========  ===========================================  =====================================
    direction  a month, a day, a part of a month             a weekday
    =========  ===========================================  =====================================
    past       the latest on or before the anchor            the latest on or before it (the day itself)
    future     the earliest on or after the anchor (a day:   the earliest on or after it (the day
               up to a week before it: a deadline restated)  itself)
    later      the nearest                                   the earliest on or after it
    nearest    the nearest                                   the nearest (within three days)
    none       the nearest (a tie: the anchor's year)        the latest on or before it
    =========  ===========================================  =====================================

    (Months are compared as months: June is "on or before" 2 June.) A weekday with no cue
    is past because news reports days just gone ("said on Tuesday"). A weekday ahead may be
    the anchor's own day, as news names today by its weekday ("talks open on Tuesday" in
    Tuesday's paper); "next Tuesday" is strictly after it.

    Precedence, first that applies:
    1. The expression's own words: "last"/"next" (weekdays, months), "this", "ago",
       "earlier this", "coming" are fixed rules above.
    2. A date in a condition ("if"/"unless": "threatened to walk out if talks had not begun
       by Saturday"): its tenses are shifted, so the nearest modal or plan word outside the
       condition decides.
    3. The date as the subject of the verb right after it: "Monday is the test", "May would
       be critical", "the date of February 8 has been put back until ..." (the whole verb
       group after the date); not after a locating preposition ("the truce agreed on Friday
       will hold": there the date is an adjunct).
    4. The nearest cue before the date in its clause, else the first after it. The clause
       runs from the nearest boundary before the date to the nearest after it: "that",
       "which", "who", "when", "while", "because", "but" ..., semicolons, colons, dashes,
       brackets and quotation marks, a comma before "and"/"or", a comma before a participle
       ("..., saying"). A reporting verb (``reporting_verbs.csv``, speech) ends the clause on
       its side: before the date it governs it only as the nearest verb of all ("said on
       Tuesday"); after a comma it is a clause of its own ("..., Kerry said") and governs
       nothing, unless the date is in an adverbial opening the clause (a preposition first,
       no verb: "In May, Kerry announced ...", "After their meeting in July, Kerry said"). Cues of scope ``adjacent`` count only right before the date ("since July",
       "postponed until February 25", "gave them until noon on Friday": a time of day between
       is no gap); ``group`` ones only inside a verb group; ``head`` ones only right after the
       date, which modifies them ("a Nov. 1 deadline"), and then before any other rule but 1 and 2.
       A commitment told in the past after the date, on its own ("On Monday, the parties
       agreed to meet"; not "were due to"), makes it past: the day of the agreeing.
    5. A cue stands for its verb group: the first auxiliary, modal or plan word before it,
       over filler words ("will be sent", "had been expected to", "is believed to have
       struck") decides. An auxiliary or modal gives its direction, with these readings:
       present + plan word = future ("is set for Friday"); simple or past perfect + plan
       word = nearest (the planning is past, the planned date on either side: "was
       originally planned for June", "had been scheduled to begin on February 8"); a perfect
       ("have"/"has"/"to have") + event = past, + plan word = the plan as of now ("have
       suggested the last week of November"). A bare past participle up to four words after a
       plan word in its clause is that plan's ("wants the conference held at the end of
       November"), and so is one after "be" ("expects the programme to be finished by June
       30"); further on it is past ("under a resolution adopted on Dec. 18"). A verb
       right after a determiner or a preposition is an adjective or a noun ("the armed
       groups", "the end of") and no cue.
    6. Reported speech: in a clause a past-tense reporting verb introduces (right after it,
       or after the "that" it takes), past forms are the present moved back (sequence of
       tenses): each cue's ``reported`` direction applies ("said he expected the conference
       in early June" = ahead; "told the council that the conference was pencilled in for
       November" = ahead); a reported "was" alone sets nothing.
    7. No cue: ``none`` (the nearest; a weekday, the past).

    Negation does not change the direction ("will not take place before August" is ahead,
    "did not resume until March" past): the auxiliary that carries it decides.
    Known limits: clause boundaries are words and punctuation, not a parse: a relative
    clause ending without a comma can lend its verb to the main clause's date; a date right
    after a reporting verb is taken as the reporting clause's ("said the vote on Friday
    ..."); a plan read as "nearest" is wrong when the planned date is more than six months
    away; the past tense of "lie", "read" and similar ambiguous forms is not a cue; a month
    whose year is set by a year named earlier in the sentence ("took the province in early
    2014, expelling rival groups in January") takes its year from the anchor, not from that
    year. Not found at all: fiscal years ("fiscal 2017"), Ramadan (a month that moves), and a
    movable feast in a year ``timeline_movable_holidays.csv`` does not list (found, no value).

Scale
    A sentence is searched only with the date patterns whose literal words it contains
    (``matches.Prefilter``), its cues are found word by word (one-word cues from a
    dictionary, a few phrases by the letters they begin with), and what a sentence yields
    without the anchor is memoised by its text, so a reprinted wire story is read once.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import groupby
from typing import NamedTuple

import pandas as pd

from . import knowledge
from .corpus import PARAGRAPH_KINDS, require, sentences
from .matches import Prefilter, required_words
from .text import MONTH_OR_ABBREVIATION, MONTH_PATTERN, count_words, leftmost_first, month_number

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9), "winter": ("WI", 12)}
PARTS = {"early": "EARLY", "mid": "MID", "late": "LATE", "beginning": "EARLY", "start": "EARLY",
         "middle": "MID", "end": "LATE"}
SHIFTS = {"last": -1, "this": 0, "the": 0, "next": 1}
DIRECTIONS = ("past", "future", "later", "nearest", "none")

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


def half_of_year(year: int, half: int) -> Resolved:
    return Resolved(f"{year:04d}-H{half}", "year_part", date(year, 6 * half - 5, 1), month_end(year, 6 * half), False)


def part_of_month(year: int, month: int, part: str) -> Resolved:
    first, last = {"EARLY": (1, 10), "MID": (11, 20), "LATE": (21, month_end(year, month).day)}[part]
    return Resolved(f"{year:04d}-{month:02d}-{part}", "month_part", date(year, month, first), date(year, month, last), False)


def season_value(name: str, year: int) -> Resolved:
    code, first = SEASONS[name.lower()]
    end_year, end_month = add_months(year, first, 2)
    return Resolved(f"{year:04d}-{code}", "season", date(year, first, 1), month_end(end_year, end_month), False)


def window_value(first: date, last: date) -> Resolved:
    """A closed window of days (ISO 8601 interval)."""
    return Resolved(f"{first.isoformat()}/{last.isoformat()}", "day", first, last, False)


def quarter_value(year: int, q: int) -> Resolved:
    """The ``q``-th quarter of ``year``, as a window of days."""
    return window_value(date(year, 3 * q - 2, 1), month_end(year, 3 * q))


def shift_unit(anchor: date, unit: str, shift: int) -> Resolved:
    """The week, month, day or year ``shift`` units from the anchor's."""
    if unit == "week":
        return week_value(anchor + timedelta(weeks=shift))
    if unit == "month":
        return month_value(*add_months(anchor.year, anchor.month, shift))
    if unit == "day":
        return day_value(anchor + timedelta(days=shift))
    return year_value(anchor.year + shift)


def day_exists(year: int | None, month: int, day: int) -> bool:
    """Whether the month has that day (in some year when ``year`` is None: 29 February exists)."""
    return 1 <= day <= calendar.monthrange(2000 if year is None else year, month)[1]


FUTURE_GRACE_DAYS = 7  # how far before the anchor a day may lie and still be "the coming" one


def candidate_years(month: int, day: int, anchor: date) -> list[int]:
    """The years around the anchor that have the day: the anchor's and those either side, or,
    for 29 February, the leap years within four years."""
    years = [y for y in range(anchor.year - 1, anchor.year + 2) if day_exists(y, month, day)]
    return years or [y for y in range(anchor.year - 4, anchor.year + 5) if day_exists(y, month, day)]


def choose_day(days: list[date], anchor: date, tense: str) -> date:
    """One of ``days`` (in order), the candidates of a date stated without its year, by
    direction (see the module docstring)."""
    if tense == "past":
        before = [d for d in days if d <= anchor]
        return before[-1] if before else days[0]
    if tense == "future":
        # a text is often published (or dated) days after it was written: a deadline restated
        # a few days after it ("must be dismantled by November 1", published on 5 November) is that one
        after = [d for d in days if d >= anchor - timedelta(days=FUTURE_GRACE_DAYS)]
        return after[0] if after else days[-1]
    # nearest; a tie goes to the anchor's year
    return min(days, key=lambda d: (abs((d - anchor).days), d.year != anchor.year))


def choose_year(month: int, day: int, anchor: date, tense: str, weekday: int | None = None) -> int:
    """The year of a month and day stated without one, by direction (see the module docstring);
    a weekday written with the date keeps only the years in which the date falls on it."""
    years = candidate_years(month, day, anchor)
    if weekday is not None:
        years = [y for y in years if date(y, month, day).weekday() == weekday] or years
    return choose_day([date(y, month, day) for y in years], anchor, tense).year


def choose_month_year(month: int, anchor: date, tense: str, months: int = 1) -> int:
    """The year of a bare month: compare months, not days (June is 'on or before' 2 June). A
    span of ``months`` from ``month`` (a season: 3) is ahead while any of its months is: "after
    the summer" written in July is this summer; it is past once it began before the anchor's
    month: "had lost it in the spring" written in March is last spring."""
    candidates = [anchor.year - 1, anchor.year, anchor.year + 1]
    here = anchor.year * 12 + anchor.month
    if tense == "past":
        return max(y for y in candidates if y * 12 + month <= (here if months == 1 else here - 1))
    if tense == "future":
        return min(y for y in candidates if y * 12 + month + months - 1 >= here)
    return min(candidates, key=lambda y: (max(y * 12 + month - here, here - (y * 12 + month + months - 1), 0),
                                          y != anchor.year))


def weekday_date(target: int, anchor: date, tense: str) -> date:
    """The day of the week ``target`` (0 = Monday) by direction: past or none, the latest on or
    before the anchor; future or later, the earliest on or after it (news names the day itself
    by its weekday: "talks will open on Tuesday" in Tuesday's paper is that day); ``next``
    ("next Tuesday"), the next one strictly after it; nearest, the nearest (within three days)."""
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if tense == "next":
        return anchor + timedelta(days=ahead or 7)
    if tense in ("future", "later"):
        return anchor + timedelta(days=ahead)
    if tense == "nearest" and ahead < back:
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def nth_monday(year: int, month: int, n: int) -> date:
    mondays = [d for d in (date(year, month, i) for i in range(1, month_end(year, month).day + 1)) if d.weekday() == 0]
    return mondays[n - 1] if n > 0 else mondays[-1]


_VALUE = re.compile(r"(?P<year>\d{4})(?:-(?:W(?P<week>\d{2})(?P<weekend>-WE)?|(?P<month>\d{2})(?:-(?P<day>\d{2})"
                    r"|-(?P<mpart>EARLY|MID|LATE))?|(?P<season>SP|SU|FA|WI)|H(?P<half>[12])|Q(?P<quarter>[1-4])"
                    r"|(?P<ypart>EARLY|MID|LATE)))?|(?P<decade>\d{3})")
_SEASON_NAMES = {code: name for name, (code, _) in SEASONS.items()}


def interval_of(value: str) -> tuple[date, date] | None:
    """The first and last day a closed value covers ("2013-W46" -> 11 and 17 November 2013),
    for the forms above and the other TIMEX3 forms annotators write ("2015-Q4", a weekend
    "2016-W08-WE", a decade "195"); None for an open window or a value of no such form."""
    if "/" in value:
        first, _, last = value.partition("/")
        try:
            return date.fromisoformat(first), date.fromisoformat(last)
        except ValueError:
            return None
    m = _VALUE.fullmatch(value)
    if not m:
        return None
    if m["decade"]:  # "195": the 1950s
        return date(int(m["decade"]) * 10, 1, 1), date(int(m["decade"]) * 10 + 9, 12, 31)
    year, g = int(m["year"]), m.groupdict()
    try:
        if g["weekend"]:  # "2016-W08-WE": that week's Saturday and Sunday
            saturday = date.fromisocalendar(year, int(g["week"]), 6)
            r = window_value(saturday, saturday + timedelta(days=1))
        elif g["quarter"]:
            r = quarter_value(year, int(g["quarter"]))
        elif g["week"]:
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
            r = half_of_year(year, int(g["half"]))
        elif g["ypart"]:
            r = part_of_year(year, g["ypart"])
        else:
            r = year_value(year)
    except ValueError:  # no such day or week
        return None
    return r.start, r.end


def holiday_key(name: str) -> str:
    """A holiday's name as looked up: lower case, one space for spaces and hyphens, ' for ’."""
    return " ".join(name.replace("’", "'").replace("-", " ").lower().split())


@knowledge.cached
def holiday_days() -> dict[str, tuple[int, int]]:
    """The holidays of ``data/timeline_holidays.csv`` (fixed days only) by :func:`holiday_key`,
    to their (month, day)."""
    table = knowledge.holidays()
    return {holiday_key(n): (int(m), int(d)) for n, m, d in zip(table["name"], table["month"], table["day"])}


@knowledge.cached
def movable_days() -> dict[str, dict[int, date]]:
    """The feasts of ``data/timeline_movable_holidays.csv`` by :func:`holiday_key`, to their
    day in each year listed."""
    days: dict[str, dict[int, date]] = {}
    table = knowledge.movable_holidays()
    for n, y, m, d in zip(table["name"], table["year"], table["month"], table["day"]):
        days.setdefault(holiday_key(n), {})[int(y)] = date(int(y), int(m), int(d))
    return days


def holiday_names() -> list[str]:
    """Every holiday name of both tables, longest first (for the rule's alternation)."""
    names = set(knowledge.holidays()["name"]) | set(knowledge.movable_holidays()["name"])
    return sorted(names, key=lambda n: (-len(n), n))


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
# year) and the direction, and returns the value.

def _year_of(g: dict, month: int, anchor: date | None, tense: str) -> int:
    """The stated year, or the one chosen for the month by direction."""
    return int(g["year"]) if g.get("year") else choose_month_year(month, anchor, tense)


def _weekday_of(g: dict) -> int | None:
    return WEEKDAYS.index(g["wd"].lower()) if g.get("wd") else None


def _full_date(g, anchor, tense):
    return day_value(date(int(g["year"]), month_number(g["month"]), int(g["day"])))


def _iso_date(g, anchor, tense):
    return day_value(date(int(g["year"]), int(g["mnum"]), int(g["day"])))


def slash_order(a: int, b: int, day_first: bool) -> tuple[int, int]:
    """(month, day) of a numeric date "a/b/yyyy": a first number above 12 is the day, a second
    above 12 the day; otherwise ``day_first`` (the article's convention) decides."""
    if a > 12 or (b <= 12 and day_first):
        return b, a
    return a, b


def slash_year(year: str) -> int:
    """The year of a numeric date: a two-digit year is of this century ("10/23/13")."""
    return int(year) + (2000 if len(year) == 2 else 0)


def _slash_date(g, anchor, tense):
    month, day = slash_order(int(g["a"]), int(g["b"]), bool(g.get("day_first")))
    return day_value(date(slash_year(g["year"]), month, day))


def _month_day(g, anchor, tense):
    month, day = month_number(g["month"]), int(g["day"])
    if g.get("yrel"):
        year = anchor.year + SHIFTS[g["yrel"].lower()]
        if day_exists(year, month, day):
            return day_value(date(year, month, day))
    return day_value(date(choose_year(month, day, anchor, tense, _weekday_of(g)), month, day))


def _month_of_year(g, anchor, tense):
    return month_value(int(g["year"]), month_number(g["month"]))


def _month(g, anchor, tense):
    month = month_number(g["month"])
    return month_value(choose_month_year(month, anchor, tense), month)


def _month_relative(g, anchor, tense):
    """"last June": the latest June before the anchor's month; "next June" the first after it;
    "this June" the anchor's year's."""
    month, rel = month_number(g["month"]), g["rel"].lower()
    here = anchor.year * 12 + anchor.month
    if rel == "last":
        year = max(y for y in (anchor.year - 1, anchor.year) if y * 12 + month < here)
    elif rel == "next":
        year = min(y for y in (anchor.year, anchor.year + 1) if y * 12 + month > here)
    else:
        year = anchor.year
    return month_value(year, month)


def _month_of_relative_year(g, anchor, tense):
    return month_value(anchor.year + SHIFTS[g["rel"].lower()], month_number(g["month"]))


def _part_of_month(g, anchor, tense):
    month = month_number(g["month"])
    return part_of_month(_year_of(g, month, anchor, tense), month, PARTS[g["part"].lower()])


def _part_of_year(g, anchor, tense):
    return part_of_year(int(g["year"]), PARTS[g["part"].lower()])


def _part_relative(g, anchor, tense):
    """"late last year" -> ``YYYY-LATE``, "early next month" -> ``YYYY-MM-EARLY``, "early next
    week" -> the week (a week has no parts in these values)."""
    part, shift = PARTS[g["part"].lower()], SHIFTS[g["rel"].lower()]
    if g["unit"].lower() == "week":
        return week_value(anchor + timedelta(weeks=shift))
    if g["unit"].lower() == "year":
        return part_of_year(anchor.year + shift, part)
    return part_of_month(*add_months(anchor.year, anchor.month, shift), part)


def _half(g, anchor, tense):
    year = int(g["year"]) if g.get("year") else anchor.year + SHIFTS[g["rel"].lower()]
    return half_of_year(year, 1 if g["ord"].lower() == "first" else 2)


def _season(g, anchor, tense):
    return season_value(g["season"], int(g["year"]))


def _season_relative(g, anchor, tense):
    return season_value(g["season"], anchor.year + SHIFTS[g["rel"].lower()])


def _season_the(g, anchor, tense):
    return season_value(g["season"], choose_month_year(SEASONS[g["season"].lower()][1], anchor, tense, months=3))


def _week_of_month(g, anchor, tense):
    month = month_number(g["month"])
    return week_value(nth_monday(_year_of(g, month, anchor, tense), month, ORDINALS[g["ord"].lower()]))


def _earlier_later(g, anchor, tense):
    """"earlier this month": from the month's first day to the day before the anchor; "later
    this year": from the day after the anchor to the year's end (the whole period when the
    anchor is its first or last day)."""
    period = shift_unit(anchor, g["unit"].lower(), 0)
    if g["dir"].lower() == "earlier":
        first, last = period.start, anchor - timedelta(days=1)
    else:
        first, last = anchor + timedelta(days=1), period.end
    return window_value(first, last) if first <= last else period


def _relative_unit(g, anchor, tense):
    return shift_unit(anchor, g["unit"].lower(), SHIFTS[g["rel"].lower()])


def _end_of(g, anchor, tense):
    part = PARTS[g["part"].lower()]
    if g.get("year"):
        return part_of_year(int(g["year"]), part)
    if g.get("month"):
        month = month_number(g["month"])
        return part_of_month(choose_month_year(month, anchor, tense), month, part)
    unit, shift = g["unit"].lower(), SHIFTS[(g.get("urel") or "the").lower()]
    if unit == "month":
        return part_of_month(*add_months(anchor.year, anchor.month, shift), part)
    if unit == "year":
        return part_of_year(anchor.year + shift, part)
    return week_value(anchor + timedelta(weeks=shift))


DEICTIC_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
                "the day before yesterday": -2, "the day after tomorrow": 2,
                "this morning": 0, "this afternoon": 0, "this evening": 0}


def _deictic_day(g, anchor, tense):
    return day_value(anchor + timedelta(days=DEICTIC_DAYS[" ".join(g["word"].lower().split())]))


def _day_range(g, anchor, tense):
    """"7 to 11 July", "Oct. 20-22": the days from the first to the second, in the year
    stated or chosen for the first day by direction."""
    month, first, last = month_number(g["month"]), int(g["day1"]), int(g["day"])
    year = int(g["year"]) if g.get("year") else choose_year(month, first, anchor, tense)
    return window_value(date(year, month, first), date(year, month, last))


def month_days_near(day: int, anchor: date) -> list[date]:
    """The dates of a day of the month in the anchor's month and the months either side (those
    that have it)."""
    months = [add_months(anchor.year, anchor.month, n) for n in (-1, 0, 1)]
    return [date(y, m, day) for y, m in months if day_exists(y, m, day)]


def day_of_month_near(day: int, anchor: date, tense: str) -> date:
    """The date of a day of the month named without its month ("on the 23rd"), in the
    anchor's month or one either side, by direction (as a day with its month; with none,
    the anchor's month)."""
    days = month_days_near(day, anchor)
    if tense == "past":
        before = [d for d in days if d <= anchor]
        return max(before) if before else min(days)
    if tense in ("future", "later"):
        after = [d for d in days if d >= anchor - timedelta(days=FUTURE_GRACE_DAYS)]
        return min(after) if after else max(days)
    # with no direction, the anchor's own month: a writer names a day without its month
    # when the month is the current one
    return next((d for d in days if d.month == anchor.month), days[0])


def _numbered_day(g, anchor, tense):
    day = day_of_month_near(int(g["day"]), anchor, tense)
    if g.get("wd"):  # "Friday, the 30th": the nearest 30th that is a Friday, when one is near
        weekday = WEEKDAYS.index(g["wd"].lower())
        fits = [d for d in month_days_near(int(g["day"]), anchor) if d.weekday() == weekday]
        if fits:
            day = min(fits, key=lambda d: abs((d - anchor).days))
    return week_value(day) if g.get("week") else day_value(day)


QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4, "final": 4}


def _quarter(g, anchor, tense):
    """"the first quarter of 2016": January to March, as a window of days; "the second
    quarter" and "the second quarter of the year" are of the anchor's year."""
    year = int(g["year"]) if g.get("year") else anchor.year + SHIFTS[(g.get("rel") or "this").lower()]
    return quarter_value(year, QUARTERS[g["ord"].lower()])


def _weekend(g, anchor, tense):
    """A weekend: its Saturday and Sunday. "last"/"past" the latest before the anchor,
    "next" the coming one, "this"/"the" by direction (a Sunday anchor is in its own weekend)."""
    direction = {"last": "past", "past": "past", "next": "next"}.get(g["rel"].lower(), tense)
    ahead = direction in ("future", "later", "next")
    saturday = weekday_date(WEEKDAYS.index("saturday"), anchor,
                            "next" if direction == "next" else "future" if ahead else "past")
    if not ahead and g["rel"].lower() in ("last", "past") and anchor.weekday() >= 5:
        saturday -= timedelta(days=7)  # on a weekend, "last weekend" is the one before
    return window_value(saturday, saturday + timedelta(days=1))


def _fortnight_ago(g, anchor, tense):
    return shift_unit(anchor, "week", -2)


def _weekday(g, anchor, tense):
    target, rel = WEEKDAYS.index(g["weekday"].lower()), (g.get("rel") or "").lower()
    # "Tuesday last week": that day of the week before (after, or of) the anchor's, Monday to
    # Sunday; "this Sunday" said on a Friday: the day of the anchor's own week
    week = SHIFTS[g["wrel"].lower()] if g.get("wrel") else 0 if rel == "this" else None
    if week is not None:
        return day_value(anchor + timedelta(days=target - anchor.weekday() + 7 * week))
    direction = {"last": "past", "next": "next"}.get(rel, tense)
    return day_value(weekday_date(target, anchor, direction))


def _ago(g, anchor, tense):
    unit, n = g["unit"].lower(), count_of(g["count"])
    if g.get("today"):  # "five years ago today": that very day
        return day_value(shift_day(anchor, "months" if unit in ("month", "year") else unit + "s",
                                   -n * (12 if unit == "year" else 1)))
    return shift_unit(anchor, unit, -n)


def _holiday(g, anchor, tense):
    """A holiday of ``data/timeline_holidays.csv`` on its day, the year by direction; a feast of
    ``data/timeline_movable_holidays.csv`` on its day in the years around the anchor, chosen by
    direction the same way (no value when the table lists none of those years)."""
    name = holiday_key(g["holiday"])
    if name in holiday_days():
        month, day = holiday_days()[name]
        return day_value(date(choose_year(month, day, anchor, tense), month, day))
    days = [d for y, d in sorted(movable_days()[name].items()) if abs(y - anchor.year) <= 1]
    if not days:
        return Resolved(None, "day", None, None, True)
    return day_value(choose_day(days, anchor, tense))




def _new_year(g, anchor, tense):
    """"the new year": the coming year from October on, else the anchor's own."""
    return year_value(anchor.year + (anchor.month >= 10))


def shift_day(day: date, unit: str, n: int) -> date:
    """The day ``n`` days, weeks or months from ``day`` (a month shift keeps the day of the
    month, or the month's last day when it has fewer)."""
    if unit == "months":
        year, month = add_months(day.year, day.month, n)
        return date(year, month, min(day.day, month_end(year, month).day))
    return day + timedelta(days=n * (7 if unit == "weeks" else 1))


def _next_days(g, anchor, tense):
    unit = g["unit"].lower()
    n = 1 if not unit.endswith("s") else count_of(g.get("count"))  # "the past week": one
    unit = unit.rstrip("s") + "s"
    forward = g["rel"].lower() in ("next", "coming")
    if n is None:
        if forward:
            return Resolved(f">{anchor.isoformat()}", "day", anchor + timedelta(days=1), None, True)
        return Resolved(f"<{anchor.isoformat()}", "day", None, anchor - timedelta(days=1), True)
    if forward:
        return window_value(anchor + timedelta(days=1), shift_day(anchor, unit, n))
    return window_value(shift_day(anchor, unit, -n), anchor - timedelta(days=1))


def _bare_year(g, anchor, tense):
    return year_value(int(g["x"]))


def _decade(g, anchor, tense):
    first = int(g["decade"]) * 10
    return Resolved(g["decade"], "decade", date(first, 1, 1), date(first + 9, 12, 31), False)


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
_M = MONTH_OR_ABBREVIATION  # a month on its own: a full name, or an abbreviation with its full stop
_ABBREVIATION = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
_MD = rf"(?:{MONTH_PATTERN}|{_ABBREVIATION}\.?)"  # a month beside a day or a year: the stop may be left out
_TO_DAY = r"(?:(?<=\.)\s*|\s+)"  # month to day: a space, or none after a full stop ("Sept.15")
_TO_YEAR = r"(?:\s*,\s*|\s+)"  # day to year: a space or a comma, stray spaces allowed ("June 30 , 2012")

# (name, pattern, resolver, granularity), in order; {count} and {count_noun} stand for the
# count words of data/numbers.csv, {year_heads} for the nouns of data/timeline_year_heads.csv.
# Case matters for month and weekday names (the modal "may" is not May).
RULE_TABLE = [
    ("date_dmy", rf"\b{_DAY}\s+(?:of\s+)?(?P<month>{_MD}){_TO_YEAR}{_YEAR}", _full_date, None),
    ("date_mdy", rf"\b(?P<month>{_MD}){_TO_DAY}{_DAY}{_TO_YEAR}{_YEAR}", _full_date, None),
    ("date_iso", r"(?<![\w-])(?P<year>(?:19|20)\d{2})-(?P<mnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d-])",
     _iso_date, None),
    ("date_slash", r"(?<![\w/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)\d{2}|\d{2})(?![\d/])", _slash_date, None),
    # "23-02-2015" in a page's stamp: with hyphens only with a four-digit year
    ("date_slash", r"(?<![\w/.-])(?P<a>\d{1,2})-(?P<b>\d{1,2})-(?P<year>(?:19|20)\d{2})(?![\d-])", _slash_date, None),
    ("day_range", rf"\b(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*|\s+to\s+){_DAY}\s+(?:of\s+)?(?P<month>{_MD})(?!\w)"
                  rf"(?:{_TO_YEAR}{_YEAR})?", _day_range, _fixed("day")),
    # after a month, "to" needs a full stop, a comma or a year after the second day, so "July 7
    # to 11 civilians" is not a range
    ("day_range", rf"\b(?P<month>{_MD}){_TO_DAY}(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?"
                  rf"(?:\s*[-–]\s*|\s+to\s+(?=\d{{1,2}}(?:st|nd|rd|th)?\b(?:\s*[,.;:)]|\s*$|{_TO_YEAR}(?:19|20)\d\d)))"
                  rf"{_DAY}\b(?!\d)"
                  rf"(?:{_TO_YEAR}{_YEAR})?", _day_range, _fixed("day")),
    ("date_md", rf"\b(?P<month>{_MD}){_TO_DAY}{_DAY}\b(?!\d)", _month_day, _fixed("day")),
    ("date_md", rf"\b{_DAY}\s+(?:of\s+)?(?P<month>{_MD})(?!\w)", _month_day, _fixed("day")),
    ("month_year", rf"\b(?P<month>{_MD}),?\s+(?:of\s+)?{_YEAR}", _month_of_year, None),
    ("month_of_rel", rf"\b(?P<month>{_MD})\s+(?:of\s+)?(?i:(?P<rel>last|this|next)\s+year\b)", _month_of_relative_year,
     _fixed("month")),
    ("month_rel", rf"(?i:\b(?P<rel>last|next|this)\s+)(?P<month>{_M})(?![\w-])(?!\.?\s*\d)", _month_relative,
     _fixed("month")),
    ("month", rf"(?<![\w-])(?P<month>{_M})(?![\w-])", _month, _fixed("month")),
    ("part_month", rf"(?i:\b(?P<part>early|mid|late)[- ])(?P<month>{_M})(?:,?\s+{_YEAR})?", _part_of_month,
     _fixed("month_part")),
    ("part_rel", r"(?i:\b(?P<part>early|mid|late)[- ]+(?P<rel>last|this|next)\s+(?P<unit>week|month|year)\b)",
     _part_relative, lambda g: {"year": "year_part", "month": "month_part"}.get(g["unit"].lower(), "week")),
    ("part_year", rf"(?i:\b(?P<part>early|mid|late)[- ]){_YEAR}", _part_of_year, None),
    ("half", rf"(?i:\bthe\s+(?P<ord>first|second)\s+half\s+of\s+)(?:{_YEAR}|(?i:(?P<rel>last|this|next|the)\s+year\b))",
     _half, _fixed("year_part")),
    # a bare "the second quarter" is of the anchor's year; "the last quarter of a century" is no date
    ("quarter", rf"(?i:\bthe\s+(?P<ord>first|second|third|fourth|last|final)\s+quarter\b)"
                rf"(?:(?i:\s+of\s+)(?:{_YEAR}|(?i:(?P<rel>last|this|next|the)\s+year\b))|(?!\s+of\b))",
     _quarter, _fixed("day")),
    ("weekend", r"(?i:\b(?P<rel>the|this|last|next|past)\s+weekend\b)", _weekend, _fixed("day")),
    ("season", rf"(?i:\b(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?){_YEAR}", _season, None),
    ("season_rel", r"(?i:\b(?P<rel>this|last|next)\s+(?P<season>spring|summer|autumn|fall|winter)\b)",
     _season_relative, _fixed("season")),
    ("season_the", r"(?i:\bthe\s+)(?P<season>spring|summer|autumn|winter)\b(?!\s+of\b)", _season_the, _fixed("season")),
    ("week_of_month", rf"(?i:\bthe\s+(?P<ord>first|second|third|fourth|fifth|last)\s+week\s+of\s+)"
                      rf"(?P<month>{_M})(?:\s+{_YEAR})?", _week_of_month, _fixed("week")),
    ("earlier_this", r"(?i:\b(?P<dir>earlier|later)\s+this\s+(?P<unit>week|month|year)\b)", _earlier_later,
     _fixed("day")),
    ("relative_unit", r"(?i:\b(?P<rel>last|next|this)\s+(?P<unit>week|month|year)\b)", _relative_unit,
     lambda g: g["unit"].lower()),
    ("end_of", rf"(?i:\bthe\s+(?P<part>end|beginning|start|middle)\s+of\s+)"
               rf"(?:(?i:(?P<urel>the|this|last|next)\s+(?P<unit>week|month|year)\b)|(?P<month>{_M})|{_YEAR})", _end_of,
     _end_of_granularity),
    ("end_of", r"(?i:\b(?:(?P<urel>this|last|next)\s+)?(?P<unit>week|month|year)['’]s\s+(?P<part>end|beginning|start)\b)",
     _end_of, _end_of_granularity),
    ("holiday", r"\b(?P<holiday>{holidays})(?![\w'’])", _holiday, _fixed("day")),
    ("new_year", r"(?i:\bthe\s+new\s+year\b)", _new_year, _fixed("year")),
    # a day of the month without its month: after a locating preposition or a weekday and
    # its comma ("until the 25th", "the attack of the 21st", "Friday, the 30th"), not before a
    # name or a noun it numbers ("the 5th Division", "the 21st century": timeline_ordinal_nouns.csv)
    ("numbered_day", r"(?:(?<![\w-])(?i:on|until|till|by|from|since|before|after|than|of|through)\s+|"
                     rf"\b{_WEEKDAY},?\s+)"
                     r"(?P<x>(?i:the)\s+(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th))\b(?!-)"
                     r"(?!\s+(?:[A-Z]|(?i:{ordinal_nouns})\b))", _numbered_day, _fixed("day")),
    ("numbered_day", r"(?P<week>(?i:\bthe\s+week\s+of\s+the\s+))(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b",
     _numbered_day, _fixed("week")),
    ("deictic_day", r"(?i:\b(?P<word>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today|tonight|yesterday|"
                    r"tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b)", _deictic_day, _fixed("day")),
    ("weekday", rf"(?:(?i:\b(?P<rel>last|next|this)\s+))?\b(?P<weekday>{_WEEKDAY})\b"
                r"(?:(?i:\s+(?P<wrel>last|next|this)\s+week)\b)?", _weekday, _fixed("day")),
    ("ago", r"(?i:\b(?P<count>{count}|\d+)\s+(?P<unit>day|week|month|year)s?\s+ago(?P<today>\s+today)?\b)", _ago,
     lambda g: g["unit"].lower()),
    ("ago", r"(?i:\b(?:a|one)\s+fortnight\s+ago\b)", _fortnight_ago, _fixed("week")),
    ("next_days", r"(?i:\bthe\s+(?P<rel>next|coming|past|last)\s+(?:(?P<count>{count_noun}|few|several|\d+)\s+)?"
                  r"(?P<unit>days|weeks|months)\b)", _next_days, _fixed("day")),
    ("next_days", r"(?i:\bthe\s+(?P<rel>coming|past)\s+(?P<unit>week|month)\b)", _next_days, _fixed("day")),
    ("year", r"(?i:\b(?:in|into|since|by|until|from|during|before|after|through)\s+)(?P<x>(?:19|20)\d{2})(?!\d|,\d)",
     _bare_year, None),
    # after "of" only before punctuation or a word that ends the phrase ("the whole of 2014
    # than"), so "a total of 2000 people" stays a count
    ("year", r"(?i:\bof\s+)(?P<x>(?:19|20)\d{2})(?!\d|,\d)(?=\s*[,.;:)]|\s*$|\s+(?i:than|and|when|as|until|to)\b)",
     _bare_year, None),
    # "the 1950s", "since the 1990s" (TIMEX3 "195", "199"); not "1990s-era" (a modifier)
    ("decade", r"(?<![\w'’-])(?P<x>(?i:the\s+)?(?P<decade>(?:1[89]|20)\d)0s)\b(?!-)", _decade, None),
    ("year_modifier", r"(?:\b(?i:the|a|an|its|their|his|her|this)\s+|['’]s\s+)(?P<x>(?:19|20)\d{2})"
                      r"(?=\s+(?:(?:[a-z][\w-]*[^\Ws]\s+(?:[a-z][\w-]*\s+)?)?(?i:(?:{year_heads}))\b"
                      r"|[A-Z](?:[\w'’-]*[^\Ws])?\b))", _bare_year, None),
]


@knowledge.cached
def rules() -> list[Rule]:
    """:data:`RULE_TABLE` compiled, with the count words of ``data/numbers.csv`` and the nouns
    of ``data/timeline_year_heads.csv`` and ``data/timeline_ordinal_nouns.csv``."""
    words = {"{count}": _count_pattern(articles=True), "{count_noun}": _count_pattern(articles=False),
             "{year_heads}": "|".join(knowledge.year_heads()["word"]),
             "{ordinal_nouns}": "|".join(map(re.escape, knowledge.ordinal_nouns()["word"])),
             "{holidays}": "|".join(r"\s+".join(re.escape(w).replace("'", "['’]").replace(r"\-", r"[-\s]")
                                              for w in name.split()) for name in holiday_names())}
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


DAY_RULES = ("date_dmy", "date_mdy", "date_md", "numbered_day")
ORDINAL_OF = re.compile(r"\d{1,2}(?:st|nd|rd|th)\s+of\b")
THE_BEFORE = re.compile(r"(?i:\bthe)\s+$")  # "the 21st of August"
WEEKDAY_BEFORE = re.compile(rf"\b(?P<wd>{_WEEKDAY}),?\s+$")  # "Saturday, Sept. 14"
YEAR_AFTER = re.compile(r"\s+(?:of\s+)?(?i:(?P<yrel>last|this|next)\s+year)\b")  # "September 30 last year"


def widen_day(text: str, s: int, e: int, g: dict) -> tuple[int, int, dict]:
    """A day's span with the words written with it: "the" before "21st of August", a weekday
    before the date ("Saturday, Sept. 14, 2013" is one expression; ``wd`` is its weekday), and
    a year named relative to the anchor after it ("September 30 last year"; ``yrel``)."""
    if ORDINAL_OF.match(text, s) and (m := THE_BEFORE.search(text, max(0, s - 6), s)):
        s = m.start()
    if m := WEEKDAY_BEFORE.search(text, max(0, s - 12), s):
        s, g = m.start(), g | {"wd": m["wd"]}
    if not g.get("year") and (m := YEAR_AFTER.match(text, e)):
        e, g = m.end(), g | {"yrel": m["yrel"]}
    return s, e, g


def resolve(rule: Rule, g: dict, anchor: date | None, tense: str) -> Resolved:
    """The value of one match of ``rule`` (its groups ``g``); a relative one without an anchor
    gets no value."""
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
def not_date_patterns() -> tuple[tuple[re.Pattern, tuple[tuple[str, ...], ...]], ...]:
    """The patterns of ``data/timeline_not_dates.csv``, {weekday} and {month} filled in, each
    with the words its matches need (``matches.required_words``)."""
    fill = {"{weekday}": _WEEKDAY, "{month}": MONTH_PATTERN}
    compiled = []
    for pattern in knowledge.not_dates()["pattern"]:
        for key, value in fill.items():
            pattern = pattern.replace(key, value)
        compiled.append(re.compile(pattern))
    return tuple((c, required_words(c)) for c in compiled)


def not_dates_in(text: str) -> list[tuple[int, int]]:
    """The spans of the names, sets and verbs of ``data/timeline_not_dates.csv`` in a text (a
    pattern is searched only when the text has a word of each set its matches need)."""
    low = text.lower()
    return [m.span() for pattern, needs in not_date_patterns() if all(any(w in low for w in words) for words in needs)
            for m in pattern.finditer(text)]


def is_plausible(g: dict) -> bool:
    """A day that the month has (no "February 30"), in the stated year when there is one."""
    if g.get("a"):  # a numeric date: one of its two readings must be a day
        a, b, year = int(g["a"]), int(g["b"]), slash_year(g["year"])
        return any(1 <= mo <= 12 and day_exists(year, mo, d) for mo, d in ((a, b), (b, a)))
    if g.get("day1") and not int(g["day1"]) < int(g["day"]):
        return False  # a range runs forward: "20-22", not "22-20"
    if not g.get("day") or not (g.get("month") or g.get("mnum")):
        return True  # a day without its month ("the 23rd") is checked when it is resolved
    month = month_number(g["month"]) if g.get("month") else int(g["mnum"])
    return day_exists(int(g["year"]) if g.get("year") else None, month, int(g["day"]))


def find_spans(text: str) -> tuple[list[tuple[int, int, Rule, dict]], list[tuple[int, int]]]:
    """Non-overlapping candidate spans in one sentence: leftmost, then longest, then rule order;
    a candidate overlapping a name, a set or a verb of ``data/timeline_not_dates.csv`` is left
    out. Also the spans of those names (none searched when there is no candidate). Each span
    comes with the groups of its match."""
    found, blocked = [], []
    for rule, pattern in rule_filter().worth_searching(text):
        for m in pattern.finditer(text):
            g = m.groupdict()
            if not is_plausible(g):
                continue
            s, e = m.span("x") if "x" in pattern.groupindex else m.span()
            if rule.name in DAY_RULES:
                s, e, g = widen_day(text, s, e, g)
            found.append((s, e, rule, g))
    if found:
        blocked = not_dates_in(text)
        found = [f for f in found if not any(f[0] < b and a < f[1] for a, b in blocked)]
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), RULE_ORDER[f[2].name]))
    return leftmost_first(found), blocked


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


# ---------------------------------------------------------------- which way a date lies: cues and clauses

# the most words between a plan word and a participle that is its complement ("wants the conference held")
COMPLEMENT_WORDS = 4
# "be" right before a participle: a passive infinitive ("expects the programme to be finished by June 30")
PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being)\s+$", re.IGNORECASE)
# a commitment told in the past ("agreed to", "promised to"): a date before it is when it was made
PAST_ACT = re.compile(r"[A-Za-z]+ed\b")


class Cue(NamedTuple):
    """A word of ``data/timeline_tense_cues.csv`` (or a reporting verb) found in a sentence."""
    start: int
    end: int
    direction: str  # past, future, later, nearest, or "" (none: a present or untensed reporting verb)
    kind: str
    scope: str  # clause, adjacent, group, head
    reported: str  # the direction in a reported clause ("" = the same)
    row: int  # its row in the table


CHAIN_KINDS = frozenset({"auxiliary", "perfect", "modal", "plan", "verb", "present", "speech"})
FINITE_KINDS = frozenset({"auxiliary", "perfect", "modal", "present", "verb"})
HEAD_KINDS = frozenset({"auxiliary", "perfect", "modal", "plan"})
# a time of day between an adjacent cue and its date: "until noon on Friday", "from 6 a.m. local time on"
TIME_OF_DAY = re.compile(r"\s*(?:noon|midday|midnight|dawn|dusk|\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\b\.?|GMT|UTC|hours?)?)"
                         r"(?:\s+(?:local|[A-Z][a-z]+)\s+time)?\s+on\s+")
LOCATING = frozenset({"on", "in", "by", "since", "until", "till", "from", "at", "during", "before", "after", "through",
                      "for", "to", "into", "over", "around", "between"})  # prepositions that make a date an adjunct
FRONTING = LOCATING | {"also", "following"}  # words that open an adverbial before the main clause


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression ("a|(?:b|c)d" -> "a", "(?:b|c)d")."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif ch == "[":  # a class: skip to its end
            i = pattern.index("]", i + 2 if pattern[i + 1:i + 2] in ("]", "^") else i + 1)
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return parts + [pattern[start:]]


def literal_prefixes(pattern: str) -> frozenset[str]:
    """Lower-case strings one of which every match of ``pattern`` starts with ("" when unknown):
    "plans? to" -> {"plan"}, "(?:postpone[sd]?|delay(?:s|ed)?) until" -> {"postpone", "delay"}."""
    if pattern.startswith("(?:"):
        depth, i = 0, 0
        while True:  # the group's closing bracket
            if pattern[i] == "\\":
                i += 1
            elif pattern[i] == "(":
                depth += 1
            elif pattern[i] == ")":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        if pattern[i + 1:i + 2] in ("?", "*", "{"):
            return frozenset({""})
        return frozenset().union(*(literal_prefixes(alt) for alt in split_alternatives(pattern[3:i])))
    prefix = ""
    for i, ch in enumerate(pattern):
        if not (ch.isalpha() or ch in "'’") or pattern[i + 1:i + 2] in ("?", "*", "{"):
            break
        prefix += ch.lower()
    return frozenset({prefix})


class CueTable(NamedTuple):
    """``data/timeline_tense_cues.csv`` compiled (see :func:`cue_table`)."""
    words: dict[str, int]  # one-word literal branches, lower case: the first row with each
    word_patterns: tuple[tuple[int, re.Pattern], ...]  # the other one-word branches, in row order
    phrases: dict[str, tuple[tuple[int, tuple[str, ...], re.Pattern], ...]]  # by first letter, in row order
    labels: tuple[tuple[str, str, str, str], ...]  # each row's (direction, kind, scope, reported)


@knowledge.cached
def cue_table() -> CueTable:
    """``data/timeline_tense_cues.csv`` compiled for a search word by word: its one-word
    branches ("met", "wasn't", the pattern of regular past tenses), and the branches of several
    words ("set for", "could have") by the letters they can begin with and the strings they
    begin with. At a position the longest match wins (a phrase over the word it begins with);
    of one length, a listed word over a pattern, then the earlier row. ``{past speech verbs}`` and
    ``{present speech verbs}`` stand for the speech verbs of ``data/reporting_verbs.csv`` by
    tense (the participles "saying", "adding" count as past). (One alternation of every branch is slow: ``re`` enters each branch at each word.)"""
    table = knowledge.tense_cues()
    verbs = knowledge.reporting_verbs()
    speech = verbs[verbs["speech"]]

    def words(column) -> str:
        return "|".join(re.escape(v) for v in sorted(column, key=lambda v: (-len(v), v)))
    # a participle ("saying", "adding") shares the past of the narrative it continues
    fill = {"{past speech verbs}": words(speech.loc[speech["tense"] != "present", "verb"]),
            "{present speech verbs}": words(speech.loc[speech["tense"] == "present", "verb"])}
    literal, patterns, phrases = {}, [], {}
    for row, cue in enumerate(table["cue"]):
        for alt in split_alternatives(fill.get(cue, cue)):
            if re.fullmatch(r"[A-Za-z'’]+", alt):
                literal.setdefault(alt.lower(), row)
            elif " " not in alt and "\\s" not in alt:
                patterns.append((row, re.compile(rf"(?i){alt}")))
            else:
                prefixes = literal_prefixes(alt)
                branch = (row, tuple(sorted(prefixes)), re.compile(rf"(?i)(?:{alt})(?![\w'’-])"))
                for letter in ({p[0] for p in prefixes} if "" not in prefixes else "abcdefghijklmnopqrstuvwxyz"):
                    phrases.setdefault(letter, []).append(branch)
    labels = tuple(zip(table["direction"].replace("none", ""), table["kind"], table["scope"], table["reported"]))
    return CueTable(literal, tuple(patterns), {k: tuple(v) for k, v in phrases.items()}, labels)


@knowledge.cached(maxsize=65536)
def word_cues(word: str) -> tuple[int | None, tuple[tuple[int, re.Pattern], ...]]:
    """What a cue starting with ``word`` can be: the row of the one-word cue that is the whole
    word (a listed word, else the first pattern that matches it as written: the regular past
    tenses are lower case, so "Armed" is not one), and the phrases that begin with the word's
    letters ("set" -> "set for")."""
    table = cue_table()
    low = word.lower()
    row = table.words.get(low)
    if row is None:
        row = next((r for r, pattern in table.word_patterns if pattern.fullmatch(word)), None)
    phrases = tuple((r, pattern) for r, prefixes, pattern in table.phrases.get(low[0], ()) if low.startswith(prefixes))
    return row, phrases


WORD = re.compile(r"(?<![\w'’-])[A-Za-z][\w'’-]*")


@knowledge.cached
def clause_grammar() -> tuple[tuple[tuple[str, re.Pattern], ...], re.Pattern, re.Pattern]:
    """From ``data/timeline_clause_words.csv``: the (kind, pattern) of the clause boundaries
    and conditions, the filler words of a verb group, and the attributive words."""
    t = knowledge.clause_words()
    bounds = tuple((k, re.compile(p, re.IGNORECASE)) for p, k in zip(t["pattern"], t["kind"])
                   if k in ("boundary", "conditional"))

    def words(kind: str) -> re.Pattern:
        return re.compile("(?i)(?:" + "|".join(t.loc[t["kind"] == kind, "pattern"]) + ")")
    return bounds, words("filler"), words("attributive")


def word_before(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the word before ``pos``, skipping white space (empty when none)."""
    j = pos
    while j > 0 and text[j - 1].isspace():
        j -= 1
    i = j
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "'’-"):
        i -= 1
    return i, j


def cues_in(text: str, masked: list[tuple[int, int]]) -> list[Cue]:
    """The cues of a sentence, none inside a date span or a name, and no verb form after a
    determiner or a preposition ("the armed groups", "the end of"): an adjective or a noun there."""
    table = cue_table()
    attributive = clause_grammar()[2]
    kept, pos = [], 0
    for w in WORD.finditer(text):
        start = w.start()
        if start < pos:
            continue  # inside the cue found before
        row, phrases = word_cues(w.group())
        end = w.end()
        for r, pattern in phrases:  # the longest match wins: "could have" over "could"
            if (m := pattern.match(text, start)) and m.end() > end:
                row, end = r, m.end()
        if row is None:
            continue
        pos = end
        c = Cue(start, end, *table.labels[row], row)
        if any(c.start < e and s < c.end for s, e in masked):
            continue
        if c.kind in ("verb", "present"):
            i, j = word_before(text, c.start)
            before = text[i:j]
            if i < j and attributive.fullmatch(before) and not (c.kind == "present" and before.lower() == "to"):
                continue
        kept.append(c)
    return kept


class Clause(NamedTuple):
    """The clause of a date in its sentence (see the module docstring, Direction)."""
    start: int  # where the date's clause begins (a reporting verb that opens it is inside)
    end: int
    opened_by: int  # where the boundary that opens it begins (-1: the sentence start)
    conditional: bool  # opened by "if" / "unless"
    reported: bool  # reported by a past-tense reporting verb (its tenses are moved back)
    content: int  # where the reported content begins (after the reporting verb)


class Reading:
    """The cues and clause boundaries of one sentence, and the direction they give each date."""

    REPORTED_REACH = 60  # characters between a reporting verb and the "that" it takes ("told the council that")

    def __init__(self, text: str, masked: list[tuple[int, int]]):
        self.text = text
        self.cues = cues_in(text, masked)
        self.starts = {c.start: c for c in self.cues}  # cues never overlap: one per start, one per end
        self.ends = {c.end: c for c in self.cues}
        bounds, self.filler, _ = clause_grammar()
        found = [(m.start(), m.end(), kind) for kind, pattern in bounds for m in pattern.finditer(text)]
        self.bounds = [b for b in found if not any(b[0] < e and s < b[1] for s, e in masked)]

    # ---- clauses

    def clause(self, s: int, e: int) -> Clause:
        text, cues = self.text, self.cues
        left = [b for b in self.bounds if b[1] <= s]
        opener = max(left, key=lambda b: b[1]) if left else None
        start = opener[1] if opener else 0
        speech = [c for c in cues if c.kind == "speech" and start <= c.start and c.end <= s]
        verb = max(speech, key=lambda c: c.end) if speech else None
        reported = verb is not None and verb.direction == "past"
        if verb is not None:
            start = verb.start
        elif opener is not None and text[opener[0]:opener[1]].lower() == "that":
            reported = any(c.kind == "speech" and c.direction == "past" and c.end <= opener[0]
                           and opener[0] - c.end <= self.REPORTED_REACH
                           and not any(c.end <= b[0] and b[1] <= opener[0] for b in self.bounds) for c in cues)
        end = min((b[0] for b in self.bounds if b[0] >= e), default=len(text))
        after = [c for c in cues if c.kind == "speech" and c.start >= e and c.end <= end]
        if after:
            sp = after[0]
            comma = text.rfind(",", e, sp.start)
            # "..., Kerry said": a reporting clause after a comma is not the date's clause, unless
            # the date opens the sentence or clause ("In May, Kerry announced ..." dates the announcing)
            opening = WORD.search(text, start, s)
            fronted = (opening is not None and opening.group().lower() in FRONTING
                       and not any(start <= c.start and c.end <= s for c in cues))
            if comma >= 0 and not fronted and not any(c.kind != "speech" and comma < c.start < sp.start for c in cues):
                end = comma
            else:
                end = sp.end
        return Clause(start, end, opener[0] if opener else -1, bool(opener) and opener[2] == "conditional",
                      reported, verb.end if verb is not None else start)

    # ---- verb groups

    def head_before(self, pos: int) -> Cue | None:
        """The cue a verb group continues to the left of ``pos``, over filler words only: an
        auxiliary, a modal or a plan word, or a verb that takes an infinitive ("is believed to
        have struck")."""
        text, infinitive = self.text, False
        while True:
            i, j = word_before(text, pos)
            c = self.ends.get(j)
            if c is not None and c.start < pos and (c.kind in HEAD_KINDS or (infinitive and c.kind in CHAIN_KINDS)):
                return c
            if i == j or not self.filler.fullmatch(text[i:j]):
                return None
            infinitive = infinitive or text[i:j].lower() == "to"
            pos = i

    def group_end(self, c: Cue) -> Cue:
        """The last cue of the verb group that begins with ``c`` ("has been put back until")."""
        while True:
            pos = c.end
            while True:
                j = pos
                while j < len(self.text) and self.text[j].isspace():
                    j += 1
                nxt = self.starts.get(j)
                if nxt is not None:
                    break
                m = WORD.match(self.text, j)
                if m is None or not self.filler.fullmatch(m.group()):
                    return c
                pos = m.end()
            if self.head_before(nxt.start) is not c:
                return c
            c = nxt

    def chain(self, c: Cue) -> list[Cue]:
        """The verb group that ends in ``c``, head first ("are expected to begin")."""
        group = [c]
        if c.kind == "target":
            return group
        while (head := self.head_before(group[0].start)) is not None:
            group.insert(0, head)
        return group

    def group_direction(self, c: Cue, clause: Clause, follow: bool = True) -> str | None:
        """The direction of the verb group ending in cue ``c`` (see the module docstring);
        None when it sets none (a present reporting verb, a reported "was" on its own)."""
        group = self.chain(c)
        head = group[0]
        reported = clause.reported and head.start >= clause.content
        plan = next((x for x in reversed(group) if x.kind == "plan"), None)
        if head.kind == "target":
            return head.direction
        if head.kind == "perfect":
            if plan is None:
                return "past"  # "had struck", "has left"
            if head.scope == "group":
                return plan.reported or plan.direction  # "have suggested the last week of November": as of now
            return "nearest"  # "had been scheduled for February 8": a superseded plan, its date either side
        perfect = [k for k, x in enumerate(group) if x.kind == "perfect"]
        if perfect and not any(x.kind == "plan" for x in group[perfect[-1] + 1:]):
            return "past"  # "is believed to have struck"
        if head.kind in ("auxiliary", "modal"):
            d = head.reported if reported and head.reported else head.direction
            planned = plan is not None and plan is not head
            if d == "none":  # a reported "was": the present moved back
                return "future" if planned else ("past" if any(x.kind == "verb" for x in group) else None)
            if head.kind == "auxiliary" and planned:
                # "is set for Friday": ahead; "was set for March": the planning is past, the date either side
                return "future" if d == "later" else "nearest"
            return d
        if head.kind == "plan":
            return head.reported if reported and head.reported else head.direction
        if head.kind == "verb" and follow:
            # a bare participle after a plan word and its object is its complement: "wants the
            # conference held"; further on it describes a noun of its own ("hopes to convene talks
            # ... under a resolution adopted on Dec. 18")
            passive = PASSIVE_BEFORE.search(self.text, 0, head.start) is not None  # "to be finished": the plan's
            plans = [p for p in self.cues if p.kind == "plan" and clause.start <= p.start and p.end <= head.start
                     and (passive or count_words(self.text[p.end:head.start]) <= COMPLEMENT_WORDS)]
            return self.group_direction(plans[-1], clause, follow=False) if plans else "past"
        if head.kind == "verb":
            return "past"
        return head.direction or None

    # ---- the direction of a date

    def direction(self, s: int, e: int) -> str:
        """Which way the date at [s, e) lies: past, future, later, nearest, or none."""
        clause = self.clause(s, e)
        if clause.conditional:
            d = self.outside_condition(clause)
            if d:
                return d
        text, passed = self.text, False
        # a date that is the subject of the verb right after it: "Monday is the test", "said May would
        # be"; not one after a preposition ("the truce agreed on Friday will ...": an adjunct)
        i = e
        while i < len(text) and text[i].isspace():
            i += 1
        after = self.starts.get(i)
        # a date that modifies the noun right after it: "a Nov. 1 deadline" (scope head)
        if after is not None and after.scope == "head":
            return after.direction
        a, b = word_before(text, s)
        adjunct = text[a:b].lower() in LOCATING
        subject_of = after if after is not None and after.kind in FINITE_KINDS and not adjunct else None
        if subject_of is not None and (d := self.group_direction(self.group_end(subject_of), clause)):
            return d
        before = [c for c in self.cues if clause.start <= c.start and c.end <= s and c.scope not in ("group", "head")]
        for c in sorted(before, key=lambda c: -c.end):
            if c.scope == "adjacent" and text[c.end:s].strip() and not TIME_OF_DAY.fullmatch(text, c.end, s):
                continue
            if c.kind == "speech" and passed:
                continue  # the date is in what was reported, not in the reporting clause
            d = self.group_direction(c, clause)
            if d:
                return d
            passed = True
        for c in self.cues:
            if c.start >= e and c.end <= clause.end and c.scope == "clause":
                if c.kind == "plan" and c.direction == "later" and PAST_ACT.match(text, c.start) and self.chain(c) == [c]:
                    return "past"  # "On Monday, the parties agreed to meet": the day of the agreeing
                d = self.group_direction(c, clause)
                if d:
                    return d
        return "none"

    def outside_condition(self, clause: Clause) -> str | None:
        """The direction of the modal or plan word nearest a conditional clause, outside it."""
        outside = [(clause.opened_by - c.end if c.end <= clause.opened_by else c.start - clause.end, c)
                   for c in self.cues if c.kind in ("modal", "plan")
                   and (c.end <= clause.opened_by or c.start >= clause.end)]
        if not outside:
            return None
        c = min(outside, key=lambda x: x[0])[1]
        return self.group_direction(c, Clause(0, len(self.text), -1, False, False, 0))


class Expression(NamedTuple):
    """What the anchor does not change of one expression in a sentence."""
    start: int  # the span, widened over its open-window operator
    end: int
    rule: Rule
    groups: dict  # the groups of the match
    tense: str  # the direction: past, future, later, nearest, none
    op: str | None  # >, >=, <, <= or None


@knowledge.cached(maxsize=65536)
def expressions_of(text: str) -> tuple[Expression, ...]:
    """The expressions of one sentence, memoised like the sentence splits: a wire story
    reprinted by several outlets is searched once."""
    spans, blocked = find_spans(text)
    if not spans:
        return ()
    reading = None
    found = []
    for s, e, rule, g in spans:
        s2, e2, op = open_operator(text, s, e, rule.name)
        tense = "none"
        if rule.granularity is not None and not g.get("year"):  # the date needs a direction
            # neither a date nor a name ("Mrs May") is a tense cue
            reading = reading or Reading(text, [(s, e) for s, e, _, _ in spans] + blocked)
            tense = reading.direction(s, e)
        found.append(Expression(s2, e2, rule, g, tense, op))
    return tuple(found)


# ---------------------------------------------------------------- the article's own date and conventions

HEADER_LABEL = re.compile(r"(?i)^\W*(?:(?:first\s+)?(?:posted|published|filed|dated|date)\b\W*)?$")
# names and places before a header date: "John Kerry, Secretary of State, New York City, "
HEADER_PLACE = re.compile(r"^(?:(?:[A-Z][\w.'’-]*|of|the|and|for|on)(?:\s+(?:[A-Z][\w.'’-]*|of|the|and|for|on))*,\s*)+$")
DATELINE_BEFORE = re.compile(r"^[A-Z][A-Z'’.\- ]*[A-Z](?:/[A-Z][A-Z'’.\- ]*[A-Z])*,(?:\s+[A-Z][\w'’.\- ]*,)?\s*$")
DATELINE_AFTER = re.compile(r"^\s*(?:\([^()]{1,40}\)\s*)?(?:[-—–]|$)")
OWN_DATE_DAYS = 7  # how far before publication an article's own date may lie
HEADER_LINES = 6  # a header date stands in the first lines (paragraphs) of an article
FULL_DATE_RULES = ("date_dmy", "date_mdy", "date_iso", "date_slash")


class Sentence(NamedTuple):
    """One sentence of an article, with the expressions found in it."""
    sentence_id: int
    paragraph_id: int
    kind: str
    start: int
    text: str
    found: tuple[Expression, ...]


def own_date(sents: list[Sentence], published: date | None, day_first: bool) -> date | None:
    """The date an article gives itself, the reference time of its "today" and "on Monday": a
    line among its first ones that is only a full date (a transcript's "December 18, 2015",
    "Posted 2013-10-23"), or a wire dateline opening one of those lines ("GENEVA, Sept 14
    (Reuters) -"); kept when it lies on or up to a week before publication (any, without one)."""
    lone = {pid for pid, group in groupby(s.paragraph_id for s in sents) if len(list(group)) == 1}
    for s in sents:
        if s.paragraph_id > HEADER_LINES:
            break
        for x in s.found:
            before, after = s.text[:x.start], s.text[x.end:]
            header = (s.paragraph_id <= HEADER_LINES and s.paragraph_id in lone and x.rule.name in FULL_DATE_RULES
                      and (HEADER_LABEL.match(before) or HEADER_PLACE.match(before)) and not re.search(r"\w", after))
            dateline = (s.paragraph_id <= HEADER_LINES and s is next(t for t in sents if t.paragraph_id == s.paragraph_id)
                        and DATELINE_BEFORE.match(before) and DATELINE_AFTER.match(after))
            if not (header or dateline):
                continue
            r = resolve(x.rule, x.groups | {"day_first": day_first}, published, x.tense)
            if r.granularity != "day" or r.start is None or x.op:
                continue
            if published is None:
                return r.start if not r.relative else None
            if published - timedelta(days=OWN_DATE_DAYS) <= r.start <= published:
                return r.start
    return None


def day_first_article(sents: list[Sentence]) -> bool:
    """Whether the article writes numeric dates day first: one of its slash dates must have a
    first number above 12 and none a second number above 12 (month first is the default)."""
    pairs = [(int(x.groups["a"]), int(x.groups["b"])) for s in sents for x in s.found if x.rule.name == "date_slash"]
    return any(a > 12 for a, _ in pairs) and not any(b > 12 for _, b in pairs)


# ---------------------------------------------------------------- public API

def temporal_expressions(articles: pd.DataFrame, *, kinds: tuple[str, ...] = tuple(PARAGRAPH_KINDS)) -> pd.DataFrame:
    """One row per temporal expression, resolved against the article's publication date.

    Columns: article_id, sentence_id, kind (the paragraph kind), start, end, surface,
    value, granularity, date_start, date_end, relative, anchor, tense, rule, sentence.
    """
    require(articles, ("article_id", "text", "published"), "temporal_expressions")
    return expressions_in(sentences(articles, kinds=kinds), articles)


def expressions_in(sents: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """:func:`temporal_expressions` of already split sentences (so callers split only once)."""
    published = {aid: None if pd.isna(stamp) else pd.Timestamp(stamp).date()
                 for aid, stamp in zip(articles["article_id"], articles["published"])}
    rows = []
    records = zip(sents["article_id"].tolist(), sents["sentence_id"].tolist(), sents["paragraph_id"].tolist(),
                  sents["kind"].tolist(), sents["start"].tolist(), sents["text"].tolist())
    for aid, group in groupby(records, key=lambda r: r[0]):
        article = [Sentence(sid, pid, str(kind), s0, text, expressions_of(text)) for _, sid, pid, kind, s0, text in group]
        if not any(s.found for s in article):
            continue
        day_first = day_first_article(article)
        anchor = own_date(article, published.get(aid), day_first) or published.get(aid)
        for s in article:
            for x in s.found:
                g = x.groups | {"day_first": day_first}
                r = resolve(x.rule, g, anchor, x.tense)
                if x.op:
                    r = open_window(end_of_as_month(r, x.op), x.op)
                rows.append((aid, s.sentence_id, s.kind, s.start + x.start, s.start + x.end, s.text[x.start:x.end],
                             r.value, r.granularity, r.start, r.end, r.relative, anchor if r.relative else None,
                             x.tense, x.rule.name, s.text))
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    for col in ("date_start", "date_end", "anchor"):
        table[col] = pd.to_datetime(table[col])
    return table.astype(COLUMNS).sort_values(["article_id", "start"], ignore_index=True)
