"""The text layer: words, spans, quotation marks and month names."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import text


@pytest.mark.parametrize("s, n", [
    ("Kerry met Lavrov", 3), ("al-Assad's forces", 2), ("U.S. officials", 2), ("93,000 people", 3),
    ("1.5 million", 2), ("", 0), ("— , .", 0),
])
def test_count_words(s, n):
    assert text.count_words(s) == n
    assert text.has_words(s, n) and (n == 0 or not text.has_words(s, n + 1))


def test_words_back_and_first_words():
    s = "one two, three four"
    assert s[text.words_back(s, 2):] == "three four"
    assert text.words_back(s, 9) == 0
    assert text.first_words(s, 2) == "one two"
    assert text.first_words(s, 9) == s


def test_trim_span():
    assert text.trim_span("  ab c \n", 0, 8) == (2, 6)
    assert text.trim_span("   ", 0, 3) == (3, 3)


def test_overlap_policies():
    spans = [(0, 5, "a"), (3, 12, "b"), (6, 8, "c"), (12, 14, "d")]
    assert text.leftmost_first(spans) == [(0, 5, "a"), (6, 8, "c"), (12, 14, "d")]
    assert text.longest_first(spans) == [(3, 12, "b"), (12, 14, "d")]


@pytest.mark.parametrize("s, stretches", [
    ('He said "yes" and “no”.', [(8, 12), (18, 21)]),
    ('A “mixed" pair', [(2, 8)]),  # a straight mark closes a curly one
    ('Open “ and never closed', [(5, None)]),
    ('A ” stray closer', []),
    ('“Outer “inner” text”', [(0, 13)]),  # an opening mark inside a quotation is text
])
def test_quoted_stretches(s, stretches):
    assert text.quoted_stretches(s) == stretches


def test_quoted_stretches_of_a_slice():
    s = 'x "a" y "b"'
    assert text.quoted_stretches(s, 6) == [(8, 10)]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(alphabet='ab "“”', max_size=30))
def test_stretches_alternate_open_and_close(s):
    last_end = -1
    for opened, closed in text.quoted_stretches(s):
        assert opened > last_end and s[opened] in text.QUOTE_OPENERS
        assert closed is None or (closed > opened and s[closed] in text.QUOTE_CLOSERS)
        last_end = len(s) if closed is None else closed


@pytest.mark.parametrize("name, number", [("January", 1), ("may", 5), ("Sept.", 9), ("Sep", 9), ("DEC", 12)])
def test_month_number(name, number):
    assert text.month_number(name) == number
