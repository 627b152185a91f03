"""Text primitives every extractor shares: words, spans, quotation marks and month names.

This is the bottom layer of the package: it reads no knowledge file and imports nothing
of the package, so that ``corpus`` and every extractor can build on it.

Words
    A word is a run of letters and digits, with inner hyphens, apostrophes (straight or
    curly) and full stops joined: "al-Assad", "Syria's", "U.S", "93,000" is two words
    ("93" and "000"; a comma is not joined), "1.5" is one. :data:`WORD_RE` is that
    pattern; :func:`count_words`, :func:`has_words` and :func:`words_back` count with it.

Spans
    A span is ``(start, end, ...)`` with offsets into a text. :func:`trim_span` narrows a
    span to its non-space characters. Two policies resolve overlapping spans:
    :func:`leftmost_first` keeps spans in the order given, dropping any that overlaps one
    kept before (sort by start, then by length, descending, for "leftmost, then longest");
    :func:`longest_first` keeps the longest, then the leftmost, of overlapping spans.

Quotation marks
    Only double marks delimit quotations here: ``“`` or ``"`` opens a quotation when
    none is open, ``”`` or ``"`` closes the open one (sites mix straight and curly marks,
    so either closes either). An opening mark inside a quotation is text, not a nested
    quotation. :func:`quoted_stretches` gives the stretches of one paragraph;
    the sentence splitter and the quotation extractor both read them.

Months
    :data:`MONTH_NAMES`, :data:`MONTH_ABBREVIATIONS` and :func:`month_number`; the
    regular-expression fragments :data:`MONTH_PATTERN` (full names) and
    :data:`MONTH_OR_ABBREVIATION` (full names or an abbreviation with its full stop).
    Month names are matched with their capital: the modal "may" is not May.
"""
from __future__ import annotations

import re
from itertools import islice

WORD_RE = re.compile(r"\w+(?:[-'’.]\w+)*")

MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december"]
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                       "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
MONTH_PATTERN = "(?:" + "|".join(m.capitalize() for m in MONTH_NAMES) + ")"
MONTH_OR_ABBREVIATION = (MONTH_PATTERN[:-1]
                         + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.)")

QUOTE_OPENERS = "“\""
QUOTE_CLOSERS = "”\""
DOUBLE_QUOTE_MARK = re.compile("[“”\"]")


# ---------------------------------------------------------------- words

def count_words(text: str) -> int:
    """The number of words in ``text`` (see the module docstring)."""
    return len(WORD_RE.findall(text))


def has_words(text: str, n: int) -> bool:
    """``count_words(text) >= n``, without counting past the n-th word."""
    if n <= 0:
        return True
    return next(islice(WORD_RE.finditer(text), n - 1, None), None) is not None


def words_back(text: str, n: int) -> int:
    """Offset in ``text`` where its last ``n`` words begin (0 when it has fewer)."""
    starts = [m.start() for m in WORD_RE.finditer(text)]
    return starts[-n] if len(starts) >= n else 0


def first_words(text: str, n: int) -> str:
    """``text`` up to the end of its ``n``-th word (all of it when it has fewer)."""
    words = list(islice(WORD_RE.finditer(text), n))
    return text[:words[-1].end()] if len(words) == n else text


# ---------------------------------------------------------------- spans

def trim_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Narrow (s, e) so that ``text[s:e]`` has no white space at either end."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def leftmost_first(spans: list[tuple]) -> list[tuple]:
    """Keep spans (start, end, ...) in the given order, dropping any that overlap one kept before."""
    kept, last_end = [], -1
    for f in spans:
        if f[0] >= last_end:
            kept.append(f)
            last_end = f[1]
    return kept


def longest_first(spans: list[tuple]) -> list[tuple]:
    """Of overlapping spans (start, end, ...), keep the longest, then the leftmost; in text order."""
    taken: list[tuple] = []
    for c in sorted(spans, key=lambda c: (-(c[1] - c[0]), c[0])):
        if all(c[1] <= t[0] or c[0] >= t[1] for t in taken):
            taken.append(c)
    return sorted(taken)


# ---------------------------------------------------------------- quotation marks

def quoted_stretches(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int | None]]:
    """(opening mark, closing mark) of each double-quoted stretch of ``text[start:end]``,
    by the rule in the module docstring; the closing mark is None for a quotation still
    open at ``end``."""
    stretches: list[tuple[int, int | None]] = []
    opened = None
    for mark in DOUBLE_QUOTE_MARK.finditer(text, start, len(text) if end is None else end):
        i, ch = mark.start(), mark.group()
        if opened is None and ch in QUOTE_OPENERS:
            opened = i
        elif opened is not None and ch in QUOTE_CLOSERS:
            stretches.append((opened, i))
            opened = None
    if opened is not None:
        stretches.append((opened, None))
    return stretches


# ---------------------------------------------------------------- months

def month_number(name: str) -> int:
    """1–12 for a month's name or abbreviation, any case, with or without a full stop."""
    key = name.lower().rstrip(".")
    return MONTH_NAMES.index(key) + 1 if key in MONTH_NAMES else MONTH_ABBREVIATIONS[key]
