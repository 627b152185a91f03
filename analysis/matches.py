"""Lexicons compiled into regular expressions, and cheap tests before a costly search.

Part of the text layer: it reads no knowledge file; the knowledge module and the
extractors hand it their phrases and patterns.

Phrases
    :func:`phrase_pattern` turns a lexicon phrase into a pattern: its words in order,
    spaces and hyphens interchangeable ("al-Assad" = "Al Assad"), case-insensitive unless
    the row says ``match_case``. :func:`alternation` joins patterns into one alternation,
    :func:`lexicon_pattern` compiles a lexicon that reports every candidate at every
    start (overlaps are resolved afterwards by ``text.longest_first``, see
    :func:`lexicon_matches`), and :func:`escaped_alternation` joins literal phrases,
    longest first, so that the alternation takes the longest phrase at a position.

Speed: grouping by first character
    ``re`` enters every branch of an alternation at every position, which makes a lexicon
    of fifty phrases slow. :func:`alternation` puts the branches behind a one-character
    lookahead per first character, so a whole group is skipped at once; the matches are
    those of the plain alternation (a character passes the test of at most one group,
    keyed by lower case, and within a group the patterns keep their order). Branches
    whose first character is outside ASCII are left unguarded at the end, which changes
    no match when no ASCII character is that character to ``re`` ignoring case (the
    Kelvin sign is k to it); otherwise the whole alternation is left plain.

Speed: required words (:class:`Prefilter`)
    ``re`` tries a pattern at every position of a text, and most patterns match in few
    sentences. So each pattern is read (parsed) once for the words its matches need:
    sets of words such that every match contains a word of each set ("the", one of
    "end", "beginning", "start", "middle", and "of" for "the end of"). A text is searched
    with a pattern only when it has a word of each of its sets. Words are compared
    lower-cased, which covers ``(?i)`` too, except for three letters that ``re``'s case
    folding reads as i or s and ``str.lower`` does not: a text with one of them is
    searched with every pattern. The patterns are read with ``re``'s own parser, which
    is private to CPython (``re._parser``): should it change or fail, every pattern is
    searched, so only the speed, never a result, depends on it.
"""
from __future__ import annotations

import re
from re import _constants, _parser

from .text import longest_first


# ---------------------------------------------------------------- phrases

def phrase_pattern(phrase: str, match_case: bool) -> str:
    """The pattern of a lexicon phrase: spaces and hyphens interchangeable, case as asked."""
    words = [re.escape(w) for w in re.split(r"[\s\-]+", phrase.strip()) if w]
    body = r"[\s\-]+".join(words)
    return body if match_case else f"(?i:{body})"


def first_char(phrase: str) -> str:
    """The character a match of ``phrase`` starts with (spaces and hyphens at its ends are loose)."""
    return next(w for w in re.split(r"[\s\-]+", phrase.strip()) if w)[0]


def alternation(alternatives: list[tuple[str, str]]) -> str:
    """The alternation of ``(first character, pattern)`` pairs, grouped by first character."""
    if not all(c.isascii() or _apart_from_ascii(c) for c, _ in alternatives):
        return "|".join(p for _, p in alternatives)
    groups: dict[str, list[tuple[str, str]]] = {}
    for c, p in alternatives:
        if c.isascii():
            groups.setdefault(c.lower(), []).append((c, p))
    # branches starting outside ASCII stay unguarded, in their order, after the groups: no
    # character they can start at passes a group's test, so their place does not matter
    rest = [p for c, p in alternatives if not c.isascii()]
    return "|".join([*(_guarded(members) for members in groups.values()), *rest])


def _apart_from_ascii(char: str) -> bool:
    """Whether no ASCII character is ``char`` to ``re`` when case is ignored, either way
    (the Kelvin sign is k to it, the long s is s): then a branch starting with ``char``
    never competes with a branch starting in ASCII."""
    return (re.fullmatch(r"(?i:[\x00-\x7f])", char) is None
            and not any(re.fullmatch(f"(?i:{re.escape(char)})", chr(a)) for a in range(128)))


def _guarded(members: list[tuple[str, str]]) -> str:
    if len(members) == 1:
        return members[0][1]
    first = "".join(sorted({re.escape(c) for c, _ in members}))
    return f"(?=(?i:[{first}]))(?:" + "|".join(p for _, p in members) + ")"


def escaped_alternation(phrases) -> str:
    """Literal phrases as one alternation, longest first (then alphabetical), grouped by first character."""
    return alternation([(p[0], re.escape(p)) for p in sorted(set(phrases), key=lambda p: (-len(p), p))])


def lexicon_pattern(phrases: list[str], match_cases: list[bool]) -> re.Pattern:
    """One expression reporting, at every start, the longest phrase of a lexicon that matches
    there, as the group ``p<row>``. It is a lookahead, so ``finditer`` reports candidates at
    every start; :func:`lexicon_matches` resolves overlapping ones."""
    order = sorted(range(len(phrases)), key=lambda i: -len(phrases[i]))
    alts = [(first_char(phrases[i]), f"(?P<p{i}>{phrase_pattern(phrases[i], match_cases[i])})") for i in order]
    return re.compile(r"(?<![\w\-])(?=(?:" + alternation(alts) + r")(?![\w\-]))")


def lexicon_matches(pattern: re.Pattern, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, int]]:
    """(start, end, lexicon row) of the non-overlapping matches of a :func:`lexicon_pattern`,
    longest first, then leftmost; in text order."""
    cands = []
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        a, b = m.span(m.lastgroup)
        cands.append((a, b, int(m.lastgroup[1:])))
    return longest_first(cands)


# ---------------------------------------------------------------- required words

_FOLDED_APART = re.compile("[\u0130\u0131\u017f]")  # İ ı ſ
MAX_WORDS = 64  # a part of a pattern that matches more strings than this is read piece by piece
_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)


def required_words(pattern: re.Pattern) -> tuple[tuple[str, ...], ...]:
    """Sets of ASCII words, lower-cased, such that every match of ``pattern`` contains a word
    of each set; none when the pattern cannot be read."""
    try:
        options = _required(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # re's parser is private: should it change, search with every pattern
        return ()
    # a text with "meet" is searched anyway, so "meeting" need not be looked for
    return tuple(tuple(sorted(w for w in words if not any(v in w for v in words - {w}))) for words in options)


def _required(items) -> list[set[str]]:
    """Sets of words such that every match of a parsed sequence contains a word of each set."""
    options, run = [], {""}
    for item in [*items, (None, None)]:
        exact = _strings([item])
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
                options.append(set().union(*(max(b, key=_selectivity) for b in branches)))
    return options


def _selectivity(words: set[str]) -> tuple[int, int]:
    """How well a set of words narrows a search: longer shortest word, then fewer words."""
    return min(map(len, words)), -len(words)


def _strings(items) -> set[str] | None:
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
            part = _strings(av[-1])
        elif op is _constants.BRANCH:
            parts = [_strings(branch) for branch in av[1]]
            part = None if None in parts else set().union(*parts)
        elif op in _REPEATS and av[:2] == (0, 1):
            part = _strings(av[2])
            part = None if part is None else part | {""}
        else:
            part = None
        if part is None or len(strings) * len(part) > MAX_WORDS:
            return None
        strings = {s + t for s in strings for t in part}
    return strings


class Prefilter:
    """(label, pattern) pairs, each with the words its matches need (see the module docstring)."""

    def __init__(self, patterns):
        sets: dict[tuple[str, ...], int] = {}  # each distinct set of words, numbered
        self.patterns = tuple((label, pattern, frozenset(sets.setdefault(words, len(sets))
                                                         for words in required_words(pattern)))
                              for label, pattern in patterns)
        self.sets_with: dict[str, set[int]] = {}  # word -> the numbers of the sets it is in
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
