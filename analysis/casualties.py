"""Casualty figures: every death toll or displacement count, its hedge and who it is credited to.

``casualty_figures(articles)`` returns one row per figure found in body sentences. The
knowledge it uses is kept as data in ``analysis/data`` (see ``README_casualties.md``):
``numbers.csv`` (number words, scale words, vague amounts), ``casualty_qualifiers.csv``
(hedges and the interval each implies), ``casualty_populations.csv`` (who is counted),
``casualty_categories.csv`` (trigger words: killed, wounded, displaced ...),
``casualty_exclusions.csv`` (numbers that are not counts), ``reporting_verbs.csv`` (the
verbs marked ``figure_source``) and ``casualty_reporting.csv`` (the other reporting
frames), and the shared ``entities.csv`` and ``aliases.csv`` (who can be cited).

Rules, in the order they are applied
    Numbers
        Digits ("93,000", "1.5"), optionally with a scale word ("1.5 million", "1.5m");
        written numbers ("two million", "a dozen", "twenty-five", "half a million");
        vague amounts ("dozens", "hundreds", "tens of thousands") valued by the ACLED
        convention, the conservative floor ("hundreds" = 100), the vague word kept as
        the qualifier and the next order of magnitude as the (exclusive) ``high``.
    Not counts
        A number followed by a unit or a time word ("1,000 tons", "12-day", "two years",
        "10-member", "5-year-old"), next to a month name (a date), after a currency sign,
        "aged", "No." or "no" ("no one"), and four-digit numbers from 1900 to 2099
        without a comma (years) unless a population word follows at once ("2000 people").
    A figure
        A number is a figure when it counts people and says what happened to them:
        (a) a population word ("people", "lives", "civilians", "refugees" ...) follows it,
        after "of" for vague amounts and at most two other words ("1.5 million Syrian
        refugees"), and a category is found; or (b) without a population word, a trigger
        follows it directly ("100 killed", "1,000 fled"), a trigger verb comes right before
        it ("killing at least 15"), or a trigger of ``reach`` clause (a toll word) precedes it in the clause ("the death
        toll ... had surpassed 100,000").
    Category
        Implied by the population word when it has one ("lives", "dead", "deaths" ->
        killed; "refugees" -> displaced); otherwise the nearest trigger after the figure,
        up to six words and not past a comma, "and", "but", "while" or another number
        ("93,000 people have been killed and 1.5 million people have fled"); otherwise the
        nearest trigger in the eight words before it ("killed hundreds of civilians").
    Qualifier and interval
        The hedge right before the number, normalised ("Over" -> "over", "had surpassed"
        -> "surpassed", "an estimated" -> "estimated"). ``low``/``high`` follow the factors
        of ``casualty_qualifiers.csv``: exact N -> [N, N]; "more than", "over",
        "surpassed", "at least" -> [N, open) with ``high`` NaN meaning open; "nearly" ->
        [0.9 N, N]; "about", "estimated" -> [0.9 N, 1.1 N]; "up to" -> (open, N] with
        ``low`` NaN. A vague amount without another hedge -> [floor, next order of magnitude).
    Attribution
        Reporting frames in the figure's sentence: a reporting verb ("says", "stated",
        "estimates" ...) whose source is the alias found in the twelve words before it,
        after dropping a trailing relative clause (", which relies on a network of
        activists ..., said"); a named person wins over an organisation in that window
        ("United Nations Special Envoy for Syria Staffan de Mistura estimates" -> Staffan
        de Mistura); "according to" takes the first alias in the eight words after it.
        The frame nearest the figure wins, unless a clause joined by ";" or ", while",
        ", whereas", ", but" separates them. Aliases are normalised to their entity
        through ``aliases.csv``. Carrying from the sentence before happens only when the
        figure's sentence has a reporting frame with no named source ("it said", "they
        said", "the group said") and names no authority itself; the authority carried is
        that sentence's own cited source, or else the last authority it names.
        ``attribution_basis`` says which: "sentence", "previous sentence" or "".
    Period
        ``since`` is the start of the counted period when the sentence states one:
        "since March 2011" or "since the uprising ... began in March 2011" -> "2011-03";
        a year alone -> "2011". A string (ISO year-month or year), empty when not stated.

Charting
    ``toll_series``, ``plot_table``, ``citations`` and ``interval_kind`` shape the
    figures for notebook 02; ``reference_tolls()`` returns the published reference
    figures. Scoring against hand annotations is ``analysis.evaluate``.

Known limits
    English only; body sentences only by default (``kinds=`` adds headlines or captions).
    The window rules read syntax shallowly: a trigger six words away in another clause,
    a source named as the object of a preceding clause ("Kerry, after talks with the UN,
    said"), a relative clause not set off by commas, or an authority not in the alias
    table (an unlisted official) are missed or misread. "lives" is always read as
    killed ("saved 1,000 lives" would be miscounted). A figure repeated in another
    sentence is a second row: deduplication is the reader's choice. The figures are what
    the outlets printed, not verified tolls.
"""
from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
import pandas as pd

from . import knowledge
from .corpus import sentences
from .knowledge import reference_tolls
from .matches import alternation, escaped_alternation, first_char, phrase_pattern
from .text import MONTH_PATTERN, first_words, month_number, words_back

COLUMNS = {
    "article_id": "string", "sentence_id": "int64", "start": "int64", "end": "int64",
    "surface": "string", "value": "Int64", "qualifier": "string", "low": "float64",
    "high": "float64", "category": "string", "population": "string",
    "attributed_to": "string", "attribution_basis": "string", "since": "string",
    "sentence": "string",
}
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# a forward search for the verb stops at the clause's end or a joined clause
_FORWARD_STOP = re.compile(r"[,;:.!?]|\b(?:and|but|while|whereas|during|after|before)\b")
# "1,429 people, including 426 children, died": the verb comes after the aside
_ASIDE = re.compile(r"^,\s*(?:including|among them|among whom|mostly|most of them|many of them|of whom)\b[^,;.]*,")
_CLAUSE_JOIN = re.compile(r";|,\s+(?:while|whereas|but)\b")
_RELATIVE_TAIL = re.compile(r",\s*(?:which|who|whose|where)\b[^,]*,\s*$")
_SINCE = re.compile(
    rf"\bsince\b(?:\s+[\w'’-]+){{0,10}}?\s+(?:in\s+)?(?:(?P<month>{MONTH_PATTERN})\s+)?(?P<year>(?:19|20)\d\d)\b"
)
FORWARD_WORDS = 6
BACKWARD_WORDS = 8
SOURCE_WORDS = 12
ACCORDING_WORDS = 8


# ---------------------------------------------------------------- knowledge files

@knowledge.cached
def _units() -> dict[str, dict[str, tuple[float, float]]]:
    table = knowledge.numbers()
    units: dict[str, dict[str, tuple[float, float]]] = {"lead": {}, "scale": {}, "vague": {}}
    for row in table.itertuples():
        high = float(row.high) if row.high else np.nan
        units.setdefault(row.kind, {})[row.phrase.lower()] = (float(row.value), high)
    return units


@knowledge.cached
def _number_re() -> re.Pattern:
    units = _units()
    tens = [w for w, (v, _) in units["lead"].items() if v >= 20 and v % 10 == 0 and " " not in w]
    ones = [w for w, (v, _) in units["lead"].items() if 1 <= v <= 9 and w not in ("a", "an")]
    # "a", "an", "half a" count only before a scale word ("a dozen", "half a million")
    needs_scale = [w for w, (v, _) in units["lead"].items() if w in ("a", "an") or v < 1]
    words = [w for w in units["lead"] if w not in needs_scale]
    scales = [w for w in units["scale"] if w not in ("m", "bn")]
    # most words cannot start a number: one test of the first character skips them
    firsts = "".join(sorted({re.escape(w[0]) for kind in ("lead", "vague") for w in units[kind]}))
    return re.compile(
        rf"(?<![\w,.])(?=\d|[{firsts}])(?:"
        rf"(?P<vague>{escaped_alternation(units['vague'])})"
        rf"|(?P<alead>{escaped_alternation(needs_scale)})\s+(?P<ascale>{escaped_alternation(scales)})"
        rf"|(?P<mdigits>{_DIGITS})(?P<attached>m|bn)"
        rf"|(?P<lead>{_DIGITS}|(?:{escaped_alternation(tens)})-(?:{escaped_alternation(ones)})|{escaped_alternation(words)})"
        rf"(?:[\s-]+(?P<scale>{escaped_alternation(scales)}))?"
        r")(?![\w]|[.,]\d)",
        re.IGNORECASE,
    )


@knowledge.cached
def _qualifiers() -> tuple[re.Pattern, dict[str, tuple[str, float, float]]]:
    table = knowledge.casualty_qualifiers()
    rules = {r.phrase.lower(): (r.qualifier, float(r.low_factor) if r.low_factor else np.nan,
                                float(r.high_factor) if r.high_factor else np.nan)
             for r in table.itertuples()}
    return re.compile(rf"\b(?P<q>{escaped_alternation(rules)})\s+$", re.IGNORECASE), rules


@knowledge.cached
def _populations() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    table = knowledge.casualty_populations()
    rules = {r.word.lower(): (r.population, r.category) for r in table.itertuples()}
    glue = r"(?!(?:and|or|but|in|of|on|at|to|from|with|by|for|the|a|an|who|which|that|have|has|had|were|was|are|is|been)\b)"
    return re.compile(
        rf"^(?:\s+of)?(?:\s+{glue}[\w'’-]+){{0,2}}?\s+(?P<pop>{escaped_alternation(rules)})\b", re.IGNORECASE
    ), rules


@knowledge.cached
def _triggers(reach: str | None = None) -> tuple[re.Pattern, tuple[str, ...]]:
    """The trigger words of every category (or only those of one ``reach``), one group each."""
    table = knowledge.casualty_categories()
    if reach is not None:
        table = table[table["reach"] == reach]
    groups = "|".join(f"(?P<t{i}>\\b(?:{r.pattern})\\b)" for i, r in enumerate(table.itertuples()))
    return re.compile(groups, re.IGNORECASE), tuple(table["category"])


@knowledge.cached
def _exclusions() -> tuple[tuple[re.Pattern, ...], ...]:
    table = knowledge.casualty_exclusions()
    after = tuple(re.compile(p, re.IGNORECASE) for p in table.loc[table["side"] == "after", "pattern"])
    before = tuple(re.compile(p) for p in table.loc[table["side"] == "before", "pattern"])
    year_before = tuple(re.compile(p) for p in table.loc[table["side"] == "year_before", "pattern"])
    return after, before, year_before


@knowledge.cached
def _authority_re() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """Every alias as one pattern, longest first, each a group ``a<i>`` that ``lookup`` maps to
    (entity, kind)."""
    rows = sorted(knowledge.aliases().itertuples(index=False), key=lambda r: (-len(r.alias), r.alias))
    groups = [(first_char(r.alias), f"(?P<a{i}>{phrase_pattern(r.alias, r.match_case)})") for i, r in enumerate(rows)]
    lookup = {f"a{i}": (r.entity, r.kind) for i, r in enumerate(rows)}
    return re.compile(r"(?<![\w\-])(?:" + alternation(groups) + r")(?![\w\-])"), lookup


@knowledge.cached
def _frames() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A reporting verb (case as written); "according to"; a frame whose source is a pronoun
    or a bare subject ("it said", "said they", "the group said")."""
    table = knowledge.casualty_reporting()
    verbs = knowledge.reporting_verbs()
    verbs = "|".join(sorted(verbs.loc[verbs["figure_source"], "verb"], key=lambda v: (-len(v), v)))
    according = "|".join(table.loc[table["kind"] == "according", "pattern"])
    pronouns = "|".join(table.loc[table["kind"] == "pronoun", "pattern"])
    subjects = "|".join([pronouns, *table.loc[table["kind"] == "subject", "pattern"]])
    return (re.compile(rf"\b(?:{verbs})\b"), re.compile(rf"(?i)\b(?:{according})\b"),
            re.compile(rf"(?i)\b(?:{subjects})\s+(?:{verbs})\b|\b(?:{verbs})\s+(?:{pronouns})\b"))


# ---------------------------------------------------------------- the rules, on one sentence

def _number_value(m: re.Match) -> tuple[float, float]:
    """(value, vague high or NaN) of a number match."""
    units = _units()
    if m["vague"]:
        return units["vague"][m["vague"].lower()]
    if m["alead"]:
        return units["lead"][m["alead"].lower()][0] * units["scale"][m["ascale"].lower()][0], np.nan
    if m["mdigits"]:
        return float(m["mdigits"].replace(",", "")) * units["scale"][m["attached"].lower()][0], np.nan
    lead = m["lead"].lower()
    if lead[0].isdigit():
        value = float(lead.replace(",", ""))
    elif "-" in lead:
        value = sum(units["lead"][part][0] for part in lead.split("-"))
    else:
        value = units["lead"][lead][0]
    scale = units["scale"][m["scale"].lower()][0] if m["scale"] else 1.0
    return value * scale, np.nan


def _is_count(sentence: str, m: re.Match) -> bool:
    after, before, year_before = _exclusions()
    tail, head = sentence[m.end():m.end() + 40], sentence[max(0, m.start() - 30):m.start()]
    if any(p.match(tail) for p in after) or any(p.search(head) for p in before):
        return False
    if re.fullmatch(r"(?:19|20)\d\d", m["lead"] or "") and not m["scale"]:
        # "killed 2000 people" is a count; "in 2012", "March 2011", "2012." are years
        return (bool(_populations()[0].match(tail)) and not re.match(r"^\s+of\b", tail)
                and not any(p.search(head) for p in year_before))
    return True


def _nearest_trigger(window: str, *, last: bool, reach: str | None = None) -> str:
    pattern, categories = _triggers(reach)
    if last:
        hit = None
        for hit in pattern.finditer(window):
            pass
    else:
        hit = pattern.search(window)
    return categories[int(hit.lastgroup[1:])] if hit else ""


def _forward_window(sentence: str, end: int, next_start: int) -> str:
    window = sentence[end:]
    aside = _ASIDE.match(window)
    window = window[aside.end():] if aside else sentence[end:next_start]
    stop = _FORWARD_STOP.search(window)
    return first_words(window[:stop.start()] if stop else window, FORWARD_WORDS)


def _backward_window(sentence: str, start: int, prev_end: int) -> str:
    window = sentence[prev_end:start]
    cut = max(window.rfind(";"), window.rfind(":"))
    window = window[cut + 1:]
    return window[words_back(window, BACKWARD_WORDS):]


class Figure(NamedTuple):
    """One figure of a sentence, offsets relative to the sentence."""
    start: int
    end: int
    value: int
    qualifier: str
    low: float
    high: float
    category: str
    population: str


def _category(sentence: str, end: int, forward: str, backward: str, implied: str, has_population: bool) -> str:
    """What happened to the people counted (see "Category" in the module docstring)."""
    if not has_population:
        # a bare number needs its trigger right next to it, or a toll word before it
        return (_nearest_trigger(" ".join(forward.split()[:3]), last=False)
                or _nearest_trigger(" ".join(backward.split()[-2:]), last=True)
                or _nearest_trigger(backward, last=True, reach="clause"))
    category = implied or _nearest_trigger(forward, last=False) or _nearest_trigger(backward, last=True)
    if not category and sentence.startswith(",", end):
        # "426 children, died": a verb right after the comma that closes an aside
        category = _nearest_trigger(" ".join(sentence[end + 1:].split()[:2]), last=False)
    return category


def _figures_in(sentence: str) -> list[Figure]:
    """The casualty figures of one sentence."""
    pop_re, pops = _populations()
    qual_re, quals = _qualifiers()
    numbers = [m for m in _number_re().finditer(sentence) if _is_count(sentence, m)]
    found = []
    for i, m in enumerate(numbers):
        value, vague_high = _number_value(m)
        prev_end = numbers[i - 1].end() if i else 0
        next_start = numbers[i + 1].start() if i + 1 < len(numbers) else len(sentence)
        q = qual_re.search(sentence, max(prev_end, m.start() - 25), m.start())
        start = q.start() if q else m.start()
        pop = pop_re.match(sentence[m.end():next_start])
        end = m.end() + pop.end() if pop else m.end()
        population, implied = pops[pop["pop"].lower()] if pop else ("", "")
        category = _category(sentence, end, _forward_window(sentence, end, next_start),
                             _backward_window(sentence, start, prev_end), implied, pop is not None)
        if not category:
            continue
        qualifier, low_f, high_f = quals[q["q"].lower()] if q else ("", 1.0, 1.0)
        if m["vague"] and not q:
            qualifier, low, high = m["vague"].lower(), value, vague_high
        else:
            low, high = value * low_f, value * high_f
        found.append(Figure(start, end, round(value), qualifier, low, high, category, population))
    return found


def _cited(sentence: str) -> list[tuple[int, str]]:
    """(position of the reporting frame, canonical authority) for each sourced frame."""
    verb_re, according_re, _ = _frames()
    alias_re, rules = _authority_re()
    cited = []
    for v in verb_re.finditer(sentence):
        pre = sentence[:v.start()]
        while (tail := _RELATIVE_TAIL.search(pre)) is not None:
            pre = pre[:tail.start()]
        pre = pre[words_back(pre, SOURCE_WORDS):]
        hits = [rules[h.lastgroup] for h in alias_re.finditer(pre)]
        people = [a for a, kind in hits if kind == "person"]
        if hits:
            cited.append((v.start(), people[-1] if people else hits[-1][0]))
    for a in according_re.finditer(sentence):
        hit = alias_re.search(first_words(sentence[a.end():], ACCORDING_WORDS))
        if hit:
            cited.append((a.start(), rules[hit.lastgroup][0]))
    return cited


def _named(sentence: str) -> list[str]:
    alias_re, rules = _authority_re()
    return [rules[h.lastgroup][0] for h in alias_re.finditer(sentence)]


def _attribute(sentence: str, position: int, previous: str) -> tuple[str, str]:
    """(authority, basis) for a figure at ``position`` of ``sentence``."""
    # a frame in another clause ("..., while Washington has said ...") is not the figure's
    cited = [c for c in _cited(sentence)
             if not _CLAUSE_JOIN.search(sentence, min(c[0], position), max(c[0], position))]
    if cited:
        return min(cited, key=lambda c: abs(c[0] - position))[1], "sentence"
    if previous and not _named(sentence) and _frames()[2].search(sentence):
        cited_before = _cited(previous)
        named_before = _named(previous)
        if cited_before:
            return cited_before[-1][1], "previous sentence"
        if named_before:
            return named_before[-1], "previous sentence"
    return "", ""


def _since(sentence: str) -> str:
    m = _SINCE.search(sentence)
    if not m:
        return ""
    if m["month"]:
        return f"{m['year']}-{month_number(m['month']):02d}"
    return m["year"]


# ---------------------------------------------------------------- public API

def empty_figures() -> pd.DataFrame:
    """An empty figures table with the right columns and dtypes."""
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in COLUMNS.items()})


def casualty_figures(articles: pd.DataFrame, *, kinds: tuple[str, ...] = ("body",)) -> pd.DataFrame:
    """One row per casualty figure in the sentences of ``kinds`` (default: body).

    Columns: article_id, sentence_id, start, end (offsets into the article's text; the
    span runs from the hedge to the population word), surface, value, qualifier, low,
    high (NaN = open), category, population, attributed_to, attribution_basis, since
    (ISO "YYYY-MM" or "YYYY", empty when not stated) and sentence.
    """
    sents = sentences(articles, kinds=kinds)
    texts = dict(zip(articles["article_id"], articles["text"]))
    rows = []
    previous_article, previous_text = None, ""
    for s in sents[["article_id", "sentence_id", "start", "text"]].itertuples(index=False):
        previous = previous_text if s.article_id == previous_article else ""
        previous_article, previous_text = s.article_id, s.text
        figures = _figures_in(s.text)
        if not figures:
            continue
        since = _since(s.text)
        text = texts[s.article_id]
        for f in figures:
            authority, basis = _attribute(s.text, f.start, previous)
            start, end = s.start + f.start, s.start + f.end
            rows.append({"article_id": s.article_id, "sentence_id": s.sentence_id, "start": start,
                         "end": end, "surface": text[start:end], "value": f.value,
                         "qualifier": f.qualifier, "low": f.low, "high": f.high,
                         "category": f.category, "population": f.population,
                         "attributed_to": authority, "attribution_basis": basis,
                         "since": since, "sentence": s.text})
    if not rows:
        return empty_figures()
    table = pd.DataFrame.from_records(rows, columns=list(COLUMNS)).astype(COLUMNS)
    return table.sort_values(["article_id", "start"], ignore_index=True)


def interval_kind(figures: pd.DataFrame) -> pd.Series:
    """How the hedge bounds each figure: exact, open above, open below, upper bound,
    band or vague amount (a vague word with no other hedge)."""
    vague = figures["qualifier"].isin(set(_units()["vague"]))
    kind = np.select(
        [vague, figures["high"].isna(), figures["low"].isna(),
         figures["low"].eq(figures["high"]), figures["high"].eq(figures["value"].astype("float64"))],
        ["vague amount", "open above", "open below", "exact", "upper bound"], default="band")
    return pd.Series(kind, index=figures.index, dtype="string")


def plot_table(figures: pd.DataFrame, articles: pd.DataFrame, *, category: str = "killed",
               nudge_days: float = 5.0, open_stub: float = 1.6) -> pd.DataFrame:
    """The figures of one category with what a chart of value against date needs.

    Adds outlet, published, ``plot_date`` (figures published on the same day are spread
    ``nudge_days`` apart, in outlet and text order, so their marks do not hide each other),
    ``interval``, ``cited``
    ("nobody cited" when empty) and ``low_drawn``/``high_drawn``: an open side is drawn
    as a stub to ``value × open_stub`` (or ``÷``), never as a measured bound.
    """
    table = figures[figures["category"] == category].merge(
        articles[["article_id", "outlet", "published"]], on="article_id")
    outlet = table["outlet"].astype("string").fillna(table["article_id"])
    ordered = table.assign(_o=outlet).sort_values(["published", "_o", "start"])
    same_day = ordered.groupby("published")
    slot = same_day.cumcount() - (same_day["start"].transform("size") - 1) / 2
    shift = pd.to_timedelta(slot.reindex(table.index).astype("float64") * nudge_days, unit="D")
    value = table["value"].astype("float64")
    return table.assign(
        plot_date=table["published"] + shift,
        interval=interval_kind(table),
        cited=table["attributed_to"].replace("", "nobody cited"),
        low_drawn=table["low"].fillna(value / open_stub),
        high_drawn=table["high"].fillna(value * open_stub),
    )


SERIES_COLUMNS = ["series", "outlet", "article_id", "published", "plot_date", "value", "qualifier",
                  "interval", "low_drawn", "high_drawn", "cited", "label", "surface", "period", "evidence"]


def toll_series(figures: pd.DataFrame, articles: pd.DataFrame, *, category: str = "killed",
                nudge_days: float = 5.0) -> pd.DataFrame:
    """The outlets' figures of one category and the reference figures of that category
    (``data/reference_tolls.csv``) in one tidy table for a chart of value against date.

    ``series`` is "outlet" or "reference"; for a reference row ``outlet`` is its source,
    ``published`` its announcement date, ``evidence`` its citation; for an outlet row
    ``evidence`` is the sentence and ``period`` the stated start ("since 2011-03").
    """
    own = plot_table(figures, articles, category=category, nudge_days=nudge_days)
    own = own.assign(series="outlet", outlet=own["outlet"].astype("string"),
                     period=("since " + own["since"]).where(own["since"] != "", ""),
                     label=own["surface"], evidence=own["sentence"])
    ref = reference_tolls()
    ref = ref[ref["category"] == category]
    value = ref["value"].astype("float64")
    stated = (ref["qualifier"] + " " + ref["value"].map("{:,}".format).astype("string")).str.strip()
    ref = ref.assign(series="reference", outlet=ref["source"], article_id="", published=ref["date"],
                     plot_date=ref["date"], interval="reference", low_drawn=value, high_drawn=value,
                     cited=ref["authority"], evidence=ref["citation"],
                     surface=stated, label=ref["authority"] + ": " + stated)
    table = pd.concat([own[SERIES_COLUMNS], ref[SERIES_COLUMNS]], ignore_index=True)
    types = {c: "string" for c in SERIES_COLUMNS}
    types.update({"published": "datetime64[ns]", "plot_date": "datetime64[ns]", "value": "Int64",
                  "low_drawn": "float64", "high_drawn": "float64"})
    return table.astype(types).sort_values(["series", "published", "outlet"], ignore_index=True)


def citations(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """How often each outlet credits each authority: outlet, category, cited ("nobody
    cited" when empty), figures and the surfaces as evidence."""
    table = figures.merge(articles[["article_id", "outlet"]], on="article_id")
    table = table.assign(cited=table["attributed_to"].replace("", "nobody cited"))
    return (table.groupby(["outlet", "category", "cited"], observed=True, as_index=False)
            .agg(figures=("surface", "size"), surfaces=("surface", "; ".join)))
