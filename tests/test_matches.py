"""Lexicons compiled and matched, and the required-word prefilter."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import matches


def test_phrase_pattern_spaces_and_hyphens_are_interchangeable():
    p = re.compile(matches.phrase_pattern("Bashar al-Assad", False))
    assert p.fullmatch("bashar Al Assad") and p.fullmatch("Bashar al-Assad")
    assert not re.fullmatch(matches.phrase_pattern("US", True), "us")


PHRASES = ["war", "civil war", "war-torn", "Washington", "regime", "Syrian regime", "us", "US"]


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(PHRASES + ["the", "said", "Syria", "torn", "civil"]), max_size=12))
def test_grouped_alternation_matches_as_the_plain_one(words):
    text = " ".join(words)
    alts = [(matches.first_char(p), re.escape(p)) for p in PHRASES]
    grouped = re.compile(matches.alternation(alts))
    plain = re.compile("|".join(p for _, p in alts))
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]


# first characters outside ASCII and apart from it (Ü, é, Greek sigmas), beside ASCII ones;
# the texts also hold characters that re's case folding reads as ASCII letters (the Kelvin
# sign, the long s, the dotted and dotless i)
WIDE = ["Üzümcü", "üzüm", "Uzumcu", "élysée", "Élysée palace", "σίγμα", "ςigma", "Σigma", "kelvin scale",
        "so", "istanbul", "Iraq"]
CONFUSABLE = ["\u212aELVIN scale", "\u017fo", "\u0130stanbul", "\u0131raq", "ÜZÜMCÜ", "ΣΊΓΜΑ", "SO", "IRAQ"]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(WIDE + CONFUSABLE + ["the", "Élysée"]), max_size=12), st.booleans())
def test_alternation_outside_ascii_matches_as_the_plain_one(words, match_case):
    text = " ".join(words)
    alts = [(matches.first_char(p), matches.phrase_pattern(p, match_case)) for p in WIDE]
    grouped = matches.alternation(alts)
    plain = "|".join(p for _, p in alts)
    assert grouped != plain
    grouped, plain = (re.compile(r"(?<!\w)(?:" + p + r")(?!\w)") for p in (grouped, plain))
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_alternation_groups_a_first_character_apart_from_ascii():
    assert matches.alternation([("Ü", "Üzümcü"), ("U", "UN"), ("u", "us")]) == "(?=(?i:[Uu]))(?:UN|us)|Üzümcü"
    kelvin = "\u212a"  # the Kelvin sign: k to re, ignoring case
    assert matches.alternation([(kelvin, f"(?i:{kelvin}m)"), ("k", "kg")]) == f"(?i:{kelvin}m)|kg"


def test_lexicon_matches_take_the_longest_then_the_leftmost():
    phrases, cases = ["war", "civil war", "civil", "regime"], [False] * 4
    pattern = matches.lexicon_pattern(phrases, cases)
    text = "A civil war, not a war-torn regime."
    assert [(text[s:e], phrases[r]) for s, e, r in matches.lexicon_matches(pattern, text)] == [
        ("civil war", "civil war"), ("regime", "regime")]  # "war-torn" is not "war"


def test_escaped_alternation_prefers_the_longest_phrase():
    p = re.compile(matches.escaped_alternation(["ten", "tens of thousands", "tens"]))
    assert p.match("tens of thousands").group() == "tens of thousands"


@pytest.mark.parametrize("pattern, words", [
    (r"\bthe (?:end|start) of\b", (("the end of", "the start of"),)),  # literal runs, each branch whole
    (r"(?i)\bnext\s+week\b", (("next",), ("week",))),
    (r"\d+ killed", ((" killed",),)),
])
def test_required_words(pattern, words):
    assert sorted(matches.required_words(re.compile(pattern))) == sorted(words)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["the", "end", "of", "May", "next", "week", "killed", "12", "İ", "x"]), max_size=8))
def test_the_prefilter_never_skips_a_pattern_that_matches(words):
    patterns = [(p, re.compile(p)) for p in (r"\bthe (?:end|start) of\b", r"(?i)\bnext\s+week\b", r"\d+ killed",
                                              r"May")]
    text = " ".join(words)
    kept = {label for label, _ in matches.Prefilter(patterns).worth_searching(text)}
    assert {label for label, p in patterns if p.search(text)} <= kept
