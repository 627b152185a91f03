"""Findings stated from the tables: the headings of the notebooks, computed, so they hold on any corpus.

Each function takes the table a notebook has just made and returns a :class:`Finding`:
one Markdown heading (and, where it helps, a sentence under it) that says what the table
shows — a count, a share, a date, what an outlet did. A notebook displays it as the output
of its cell, so nbval checks it on the seeds and a build on another corpus states that
corpus's findings. With nothing to report the finding says so ("No casualty figures
found"), never a seed corpus's words.

Articles are named by their outlet (or, where an outlet has several articles or none, by
"outlet (article)" or the article id). Numbers up to ten are words. Interpretation that
cannot be computed stays in the notebooks' prose, marked as written about the seed corpus.
"""
from __future__ import annotations

import html
import re

import pandas as pd

from . import reuse

NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
CATEGORY_NAMES = {"killed": ("death toll", "death tolls"), "wounded": ("count of wounded", "counts of wounded"),
                  "displaced": ("count of people who fled", "counts of people who fled"),
                  "detained": ("count of detained", "counts of detained"),
                  "missing": ("count of missing", "counts of missing"),
                  "besieged": ("count of besieged", "counts of besieged"),
                  "casualties": ("count of casualties", "counts of casualties")}
DESCRIPTION_CHARS = 300
FLESCH_BANDS = [(90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "plain"), (50, "fairly difficult"),
                (30, "difficult"), (float("-inf"), "very difficult")]


_MARKDOWN = re.compile(r"([\\`*_\[\]])")


class Finding(str):
    """A finding as Markdown: shown as a heading in a notebook, plain text elsewhere.

    The text carries words of the corpus (outlet names, quotations), so as Markdown it is
    escaped: HTML can never reach a report page, and no word turns into emphasis or a link.
    """

    def _repr_markdown_(self) -> str:
        blocks = str(self).split("\n\n")
        heading = blocks[0].removeprefix("## ")
        return "\n\n".join(["## " + _escaped(heading), *map(_escaped, blocks[1:])])

    def __repr__(self) -> str:
        return str(self)

    @property
    def headline(self) -> str:
        """The heading's text, without the Markdown mark."""
        return self.splitlines()[0].lstrip("# ").strip()

    @property
    def description(self) -> str:
        """The heading as one sentence for a figure (a full stop at its end; at most
        ``DESCRIPTION_CHARS`` characters, cut at a word with an ellipsis)."""
        text = self.headline
        if len(text) > DESCRIPTION_CHARS - 1:
            text = text[:DESCRIPTION_CHARS - 2].rsplit(" ", 1)[0].rstrip(",;:") + " …"
        return text if text.endswith((".", "…")) else text + "."


def _escaped(text: str) -> str:
    return _MARKDOWN.sub(r"\\\1", html.escape(text, quote=False))


def finding(heading: str, sentence: str = "") -> Finding:
    return Finding(f"## {heading}" + (f"\n\n{sentence}" if sentence else ""))


def number(n: int, *, capital: bool = False) -> str:
    word = NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else f"{n:,}"
    return word.capitalize() if capital else word


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{number(n)} {one if n == 1 else (many or one + 's')}"


def listing(items) -> str:
    """"a", "a and b", "a, b and c"."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def day(stamp) -> str:
    return f"{pd.Timestamp(stamp).day} {pd.Timestamp(stamp):%B %Y}"


def labels(articles: pd.DataFrame) -> pd.Series:
    """Each article's name in a finding, indexed by article_id: its outlet where that outlet
    has one article, "outlet (article_id)" where it has several, the article_id without one."""
    outlet = articles["outlet"].astype("string")
    shared = outlet.map(outlet.value_counts()) > 1
    name = outlet.where(~shared, outlet + " (" + articles["article_id"] + ")").fillna(articles["article_id"])
    return pd.Series(name.to_numpy(), index=articles["article_id"].to_numpy(), dtype="string")


def _possessive(name: str) -> str:
    return f"{name}'s"


# ---------------------------------------------------------------- 00 corpus overview

def publication_dates(articles: pd.DataFrame) -> Finding:
    """When the stories appeared: the most common day, the spread, the undated."""
    n = len(articles)
    dated = articles.dropna(subset=["published"])
    undated = n - len(dated)
    tail = f"; {plural(undated, 'story has', 'stories have')} no publication date" if undated else ""
    if dated.empty:
        return finding(f"No story has a publication date{'' if n > 1 else ''}",
                       "Add a metadata.csv with a published column (YYYY-MM-DD), or keep the pages' date stamps.")
    counts = dated["published"].value_counts()
    top_day, top = counts.index[0], int(counts.iloc[0])
    first, last = dated["published"].min(), dated["published"].max()
    if first == last:
        return finding(f"{'All ' + number(len(dated)) + ' dated stories' if len(dated) > 1 else 'The story'} "
                       f"appeared on {day(first)}{tail}")
    if top >= 2 and (counts.iloc[1:] < top).all():
        rest = dated[dated["published"] != top_day]["published"]
        others = (f"the other on {day(rest.iloc[0])}" if len(rest) == 1
                  else f"the others between {day(rest.min())} and {day(rest.max())}")
        return finding(f"{number(top, capital=True)} of the {number(len(dated))} dated stories appeared on "
                       f"{day(top_day)}; {others}{tail}")
    return finding(f"The {number(len(dated))} dated stories appeared between {day(first)} and {day(last)}{tail}")


def flesch_band(score: float) -> str:
    return next(label for floor, label in FLESCH_BANDS if score >= floor)


def lengths_and_readability(lengths: pd.DataFrame, articles: pd.DataFrame) -> Finding:
    """The longest and shortest story, and the range of Flesch reading ease."""
    if lengths.empty:
        return finding("No story to measure")
    name = labels(articles)
    ordered = lengths.sort_values(["n_words", "article_id"], ascending=[False, True])
    longest, shortest = ordered.iloc[0], ordered.iloc[-1]
    flesch = lengths["flesch_reading_ease"].dropna()
    reading = ""
    if len(flesch):
        lo, hi = flesch.min(), flesch.max()
        bands = [flesch_band(lo), flesch_band(hi)]
        reading = (f"; Flesch reading ease {lo:.0f}" + (f" to {hi:.0f}" if round(lo) != round(hi) else "")
                   + f" ({bands[0] if bands[0] == bands[1] else bands[0] + ' to ' + bands[1]})")
    if len(lengths) == 1:
        return finding(f"{_possessive(name[longest['article_id']])} story has {longest['n_words']:,} words{reading}")
    return finding(f"{_possessive(name[longest['article_id']])} story is the longest ({longest['n_words']:,} words), "
                   f"{_possessive(name[shortest['article_id']])} the shortest ({shortest['n_words']:,}){reading}")


def furniture_share(furniture: pd.DataFrame, articles: pd.DataFrame) -> Finding:
    """How much of each file is page furniture rather than the story."""
    if furniture.empty:
        return finding("No file to measure")
    name = labels(articles)
    body = furniture[furniture["kind"] == "body"].set_index("article_id")["share"]
    body = body.reindex(furniture["article_id"].unique(), fill_value=0.0)
    most = body.idxmin()
    return finding(f"The story is at least {body.min():.0%} of every file; furniture is largest in "
                   f"{_possessive(name[most])} ({1 - body.min():.0%})")


# ---------------------------------------------------------------- 01 timeline

def relative_dates(dates: pd.DataFrame) -> Finding:
    """How many dates need the publication date, and how many could not be resolved."""
    n = len(dates)
    if n == 0:
        return finding("No dates found in this corpus")
    relative = int(dates["relative"].fillna(False).sum())
    unresolved = int(dates["value"].isna().sum())
    tail = (f"; {plural(unresolved, 'date')} could not be resolved, for want of a publication date"
            if unresolved else "")
    return finding(f"{relative / n:.0%} of the {n:,} dates in the coverage are relative: they need the "
                   f"publication date to mean anything{tail}")


def timeline_span(events: pd.DataFrame) -> Finding:
    """The earliest and latest dates named, and what they date."""
    placed = events.dropna(subset=["value"])
    start = placed["date_start"].fillna(placed["date_end"])
    end = placed["date_end"].fillna(placed["date_start"])
    if placed.empty or start.isna().all():
        return finding("No date could be placed on the calendar",
                       "Relative dates need each article's publication date: add it to metadata.csv.")
    first, last = placed.loc[start.idxmin()], placed.loc[end.idxmax()]

    def named(row) -> str:
        kind = str(row["event_type"]).replace("_", " ")
        return f"“{row['surface']}” ({kind}, {row['outlet'] if pd.notna(row['outlet']) else row['article_id']})"

    return finding(f"The dates named run from {named(first)} to {named(last)}")


def conference_windows(expectations: pd.DataFrame) -> Finding:
    """What each publication day's articles say about when the conference will happen."""
    stated = expectations[expectations["value"].notna() & ~expectations["negated"].fillna(False)
                          & ~(expectations["date_end"] < expectations["published"])]
    if expectations.empty:
        return finding("No sentence names the peace conference")
    if stated.empty:
        return finding("No article says when the conference will happen")
    days = []
    for published, group in stated.groupby("published", sort=True, dropna=False):
        by_outlet = group.assign(who=group["outlet"].fillna(group["article_id"])).groupby("who", sort=True)["surface"]
        said = listing(f"{who} {listing(dict.fromkeys(f'“{s}”' for s in surfaces))}" for who, surfaces in by_outlet)
        when = "with no publication date" if pd.isna(published) else f"on {day(published)}"
        days.append(f"{when}: {said}")
    return finding("When the conference would happen, as stated " + "; ".join(days))


# ---------------------------------------------------------------- 02 casualty counts

def figure_counts(found: pd.DataFrame) -> Finding:
    """How many figures, in how many stories, of which categories."""
    if found.empty:
        return finding("No casualty figures found in this corpus")
    counts = found["category"].value_counts()
    parts = [f"{number(int(c))} {CATEGORY_NAMES.get(cat, (cat, cat))[0 if c == 1 else 1]}" for cat, c in counts.items()]
    stories = found["article_id"].nunique()
    return finding(f"{plural(len(found), 'figure', 'figures').capitalize()} in "
                   f"{plural(stories, 'story', 'stories')}: {listing(parts)}")


def tolls_and_references(comparison: pd.DataFrame) -> Finding:
    """How many compared tolls lie within 10% of their reference (``casualties.reference_comparison``)."""
    if comparison.empty:
        return finding("No death tolls to compare")
    compared = comparison[comparison["within"].notna()]
    if compared.empty:
        return finding("No death toll has a reference published before it for the same war")
    close, n = int(compared["within"].sum()), len(compared)
    same = int((compared["basis"] == "same source").sum())
    their = "its" if n == 1 else "their"
    how = (f"{their} own source's latest figure" if same == n else
           f"a reference published before {'it' if n == 1 else 'them'}" + ("" if same == 0 else
           f" ({their} own source's latest where the table has one)"))
    if close == n:
        head = ("The one death toll compared lies" if n == 1 else
                f"{'Both' if n == 2 else 'All ' + number(n)} death tolls compared lie")
        return finding(f"{head} within 10% of {how}")
    lead = "None" if close == 0 else number(close, capital=True)
    verb = "lies" if close == 1 else "lie"
    return finding(f"{lead} of the {plural(n, 'death toll')} compared {verb} within 10% of {how}")


def citations(cites: pd.DataFrame) -> Finding:
    """Which outlets credit every toll they print, and which print some on nobody's authority."""
    if cites.empty:
        return finding("No death tolls to credit")
    uncited = set(cites.loc[cites["cited"] == "nobody cited", "outlet"])
    every = sorted(set(cites["outlet"]) - uncited)
    if not uncited:
        return finding("Every outlet credits every toll it prints")
    tail = f"{listing(sorted(uncited))} print{'s' if len(uncited) == 1 else ''} at least one on nobody's authority"
    return finding((f"{listing(every)} credit{'s' if len(every) == 1 else ''} every toll; " if every else "") + tail)


def displacement(found: pd.DataFrame, articles: pd.DataFrame) -> Finding:
    """Who gives a displacement figure, which, on whose authority."""
    fled = found[found["category"] == "displaced"]
    if fled.empty:
        return finding("No outlet gives a displacement figure")
    name = labels(articles)
    parts = []
    for aid, group in fled.groupby("article_id", sort=True):
        said = listing(f"“{r.surface}”" + (f", on the authority of {r.attributed_to}" if r.attributed_to else "")
                       for r in group.itertuples())
        parts.append(f"{name[aid]}: {said}")
    if fled["article_id"].nunique() == 1:
        only = "Only " if len(articles) > 1 else ""
        return finding(f"{only}{name[fled['article_id'].iloc[0]]} gives a displacement figure: {parts[0].split(': ', 1)[1]}")
    return finding(f"{plural(fled['article_id'].nunique(), 'story', 'stories').capitalize()} give displacement "
                   f"figures — {'; '.join(parts)}")


# ---------------------------------------------------------------- 03 source framing

def exclusive_labels(rates: pd.DataFrame, top: int = 4) -> Finding:
    """The labels only one outlet uses, most frequent first (at most ``top``)."""
    used = rates[rates["n"] > 0]
    if used.empty:
        return finding("No label of the lexicon is used in this corpus")
    outlets = used.groupby(["actor", "label"])["outlet"].transform("nunique")
    only = used[outlets == 1].sort_values(["per_1000_words", "outlet", "label"], ascending=[False, True, True])
    if only.empty or used["outlet"].nunique() < 2:
        return finding("No label is used by one outlet alone")
    parts = [f"{r.outlet} {listing(f'“{s}”' for s in str(r.surfaces).split('; ')[:2])} ({r.actor})"
             for r in only.head(top).itertuples()]
    more = f", and {plural(len(only) - top, 'other')}" if len(only) > top else ""
    return finding(f"Labels one outlet alone uses: {'; '.join(parts)}{more}")


def voices(quote_rows: pd.DataFrame, articles: pd.DataFrame, affiliations: list[str]) -> Finding:
    """The most quoted speaker, and the affiliations nobody quotes."""
    direct = quote_rows[quote_rows["quote_kind"] == "direct"]
    if direct.empty:
        return finding("No direct quotations in this corpus")
    quotations = direct.assign(key=direct["article_id"] + ":" + direct["quote_id"].astype("string")).drop_duplicates("key")
    speakers = quotations["speaker"].fillna("an unknown speaker").value_counts()
    never = [a for a in affiliations if a not in set(quotations["affiliation"].astype("string"))]
    tail = f"; no speaker of {listing(never)} is quoted" if never else ""
    return finding(f"{speakers.index[0]} is the most quoted voice: {speakers.iloc[0]:,} of "
                   f"{len(quotations):,} quotations{tail}")


def quoted_share(share: pd.DataFrame, articles: pd.DataFrame) -> Finding:
    """Which story is most and least made of direct quotation."""
    known = share.dropna(subset=["quote_share"])
    if known.empty:
        return finding("No story has body words to measure")
    name = labels(articles)
    ordered = known.sort_values(["quote_share", "article_id"], ascending=[False, True])
    most, least = ordered.iloc[0], ordered.iloc[-1]
    if len(known) == 1:
        return finding(f"{most['quote_share']:.0%} of {_possessive(name[most['article_id']])} body words are quoted")
    return finding(f"{_possessive(name[most['article_id']])} story is the most quoted ({most['quote_share']:.0%} of its "
                   f"body words), {_possessive(name[least['article_id']])} the least ({least['quote_share']:.0%})")


def hedging(stance: pd.DataFrame) -> Finding:
    """Which outlet hedges most, and how much of it is quoted."""
    hedges = stance[stance["category"] == "hedge"]
    if hedges.empty or hedges["n"].sum() == 0:
        return finding("No hedges found in this corpus")
    per = hedges.groupby("outlet").agg(n=("n", "sum"), rate=("per_1000_words", "sum"))
    quoted = hedges[hedges["voice"] == "inside quotations"].groupby("outlet")["n"].sum()
    top = per.sort_values(["rate", "n"], ascending=False).index[0]
    inside = quoted.get(top, 0) / per.loc[top, "n"]
    return finding(f"{top} hedges most: {per.loc[top, 'rate']:.1f} hedges per 1,000 body words, "
                   f"{inside:.0%} of them inside quotations")


def distinctive_words(words: pd.DataFrame, top: int = 3) -> Finding:
    """Each outlet's most distinctive words."""
    if words.empty:
        return finding("No words to compare: a comparison needs at least two outlets")
    parts = [f"{outlet}: {listing(f'“{w}”' for w in group.sort_values('rank')['word'].head(top))}"
             for outlet, group in words.groupby("outlet", sort=True)]
    return finding("The words that set each outlet apart — " + "; ".join(parts))


def shared_copy(passages: pd.DataFrame, articles: pd.DataFrame, *, k: int = reuse.DEFAULT_K,
                window: int = reuse.DEFAULT_WINDOW) -> Finding:
    """Which pairs of articles share passages word for word, and how long. With none found,
    the heading states the length the method is sure to find (``k + window - 1`` words)."""
    if passages.empty:
        return finding(f"No two articles share a passage of {k + window - 1} words or more",
                       f"Shorter shared passages, from {k} words, are found often but not always "
                       "(see `analysis/reuse.py`).")
    name = labels(articles)
    parts = []
    for (a, b), group in passages.groupby(["article_a", "article_b"], sort=True):
        lengths = sorted(group["n_words"], reverse=True)
        parts.append(f"{name[a]} and {name[b]} share {plural(len(lengths), 'passage')} of "
                     f"{listing(str(n) for n in lengths)} words")
    return finding("; ".join(parts))


def readability_order(readability: pd.DataFrame, articles: pd.DataFrame) -> Finding:
    """Which story is easiest and hardest to read by Flesch reading ease."""
    known = readability.dropna(subset=["flesch_reading_ease"])
    if len(known) < 2:
        return finding("Too few stories to compare their readability")
    name = labels(articles)
    ordered = known.sort_values(["flesch_reading_ease", "article_id"], ascending=[False, True])
    easy, hard = ordered.iloc[0], ordered.iloc[-1]
    return finding(f"By Flesch reading ease {_possessive(name[easy['article_id']])} story is the easiest "
                   f"({easy['flesch_reading_ease']:.0f}) and {_possessive(name[hard['article_id']])} the hardest "
                   f"({hard['flesch_reading_ease']:.0f})")
