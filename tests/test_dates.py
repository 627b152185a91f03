"""Temporal expressions: each rule on short literal texts, then the seeds (the gold is scored in test_evaluate)."""
from __future__ import annotations

import pandas as pd
import pytest

import analysis
from analysis import dates, timeline

from conftest import PREAMBLE, only


def same_date(value, expected: str | None) -> bool:
    return pd.isna(value) if expected is None else value == pd.Timestamp(expected)


@pytest.mark.parametrize("text, surface, value, rule", [
    ("The communique was issued on 30 June 2012, after the meeting.", "30 June 2012", "2012-06-30", "date_dmy"),
    ("The page was last updated on 2 July, 2013 by staff.", "2 July, 2013", "2013-07-02", "date_dmy"),
    ("It was signed on June 30, 2012 in Geneva.", "June 30, 2012", "2012-06-30", "date_mdy"),
    ("The uprising began in March 2011.", "March 2011", "2011-03", "month_year"),
    ("The war started in 2011.", "2011", "2011", "year"),
    ("Arms must be destroyed by mid-2014.", "mid-2014", "2014-MID", "part_year"),
    ("It should end in the first half of 2014.", "the first half of 2014", "2014-H1", "half"),
    ("Talks resume in summer 2014.", "summer 2014", "2014-SU", "season"),
    ("It was agreed on 30 November 2011.", "30 November 2011", "2011-11-30", "date_dmy"),
])
def test_absolute_rules(extract, text, surface, value, rule):
    row = only(extract(text))
    assert (row["surface"], row["value"], row["rule"]) == (surface, value, rule)
    assert not row["relative"] and pd.isna(row["anchor"])


@pytest.mark.parametrize("text, surface, value", [
    # bare month: past tense looks back, future looks forward, neither takes the nearest
    ("In May, Kerry announced a plan.", "May", "2013-05"),
    ("The truce went into effect in November.", "November", "2012-11"),
    ("The talks will resume in February.", "February", "2014-02"),
    ("The conference, planned for June, is on hold.", "June", "2013-06"),
    ("Syria Peace Conference Called for in November", "November", "2013-11"),
    ("The talks end by Sept. at the latest.", "Sept.", "2013-09"),
    # month and day without a year
    ("The resolution passed on September 27.", "September 27", "2012-09-27"),
    ("Weapons must be dismantled by November 1.", "November 1", "2013-11-01"),
    ("Talks are set for mid-November in Geneva.", "mid-November", "2013-11-MID"),
    ("this summer the talks go on.", "this summer", "2013-SU"),
])
def test_year_chosen_by_tense(extract, text, surface, value):
    row = only(extract(text))
    assert (row["surface"], row["value"]) == (surface, value)
    assert row["relative"] and row["anchor"] == pd.Timestamp("2013-07-02")


@pytest.mark.parametrize("text, surface, value", [
    ("They want it in the second week of November.", "the second week of November", "2013-W46"),
    ("They want it in the last week of July.", "the last week of July", "2013-W31"),
    ("The toll was reported last week.", "last week", "2013-W26"),
    ("They will meet next week.", "next week", "2013-W28"),
    ("They meet this week.", "this week", "2013-W27"),
    ("Obama decided last month to act.", "last month", "2013-06"),
    ("A conference is planned next month.", "next month", "2013-08"),
    ("It cannot happen this month.", "this month", "2013-07"),
    ("Elections were held last year.", "last year", "2012"),
    ("Elections are due next year.", "next year", "2014"),
    ("Kerry arrives today.", "today", "2013-07-02"),
    ("Kerry arrived yesterday.", "yesterday", "2013-07-01"),
    ("Kerry leaves tomorrow.", "tomorrow", "2013-07-03"),
    ("The envoy left two weeks ago.", "two weeks ago", "2013-W25"),
    # "day" alone: a sentence with no other time word is searched too (it once was skipped)
    ("The envoy left a day ago.", "a day ago", "2013-07-01"),
    ("It may happen at the end of the month.", "the end of the month", "2013-07-LATE"),
    ("A deal may come by the end of the year.", "the end of the year", "2013-LATE"),
])
def test_relative_units(extract, text, surface, value):
    row = only(extract(text))
    assert (row["surface"], row["value"]) == (surface, value)


@pytest.mark.parametrize("text, value", [
    ("Kerry said Tuesday that talks would go on.", "2013-07-02"),  # published on a Tuesday: that day
    ("Kerry said on Monday that talks would go on.", "2013-07-01"),
    ("Rebels launched an offensive on Saturday.", "2013-06-29"),
    ("The envoys met on Wednesday in Brunei.", "2013-06-26"),
    ("On Sunday, the Philippines told the meeting of a build-up.", "2013-06-30"),
    ("Talks on Thursday in Brunei.", "2013-06-27"),  # no tense: the past
    ("They will meet on Tuesday in Geneva.", "2013-07-09"),  # future: strictly after the anchor
    ("They will meet on Friday in Geneva.", "2013-07-05"),
    ("They met next Monday, oddly.", "2013-07-08"),  # "next" overrides the tense
    ("They will review what happened last Friday.", "2013-06-28"),  # "last" overrides the tense
])
def test_weekday_by_tense(extract, text, value):
    assert only(extract(text))["value"] == value


@pytest.mark.parametrize("text, surface, value, start, end", [
    ("It would likely take place after August.", "after August", ">2013-08", "2013-09-01", None),
    ("It might not take place until August or later.", "August or later", ">=2013-08", "2013-08-01", None),
    ("It will not happen before August.", "before August", "<2013-08", None, "2013-07-31"),
    ("A deal could come before the end of the month.", "before the end of the month", "<=2013-07", None, "2013-07-31"),
    ("No vote is expected until after 2014.", "after 2014", ">2014", "2015-01-01", None),
])
def test_open_windows(extract, text, surface, value, start, end):
    row = only(extract(text))
    assert (row["surface"], row["value"]) == (surface, value)
    assert same_date(row["date_start"], start) and same_date(row["date_end"], end)


@pytest.mark.parametrize("text, surface, value, start, end", [
    ("They will decide in the next couple of days.", "the next couple of days", "2013-07-03/2013-07-04", "2013-07-03", "2013-07-04"),
    ("They will decide in the next three days.", "the next three days", "2013-07-03/2013-07-05", "2013-07-03", "2013-07-05"),
    ("Fighting grew over the past two weeks.", "the past two weeks", "2013-06-18/2013-07-01", "2013-06-18", "2013-07-01"),
    ("In the next days, our teams will meet.", "the next days", ">2013-07-02", "2013-07-03", None),
])
def test_windows_of_days(extract, text, surface, value, start, end):
    row = only(extract(text))
    assert (row["surface"], row["value"]) == (surface, value)
    assert same_date(row["date_start"], start) and same_date(row["date_end"], end)


@pytest.mark.parametrize("text, start, end", [
    ("The war began on 15 March 2011 in Deraa.", "2011-03-15", "2011-03-15"),
    ("The uprising began in March 2011.", "2011-03-01", "2011-03-31"),
    ("They want it in the second week of November.", "2013-11-11", "2013-11-17"),
    ("Arms must be destroyed by mid-2014.", "2014-05-01", "2014-08-31"),
    ("The war started in 2011.", "2011-01-01", "2011-12-31"),
    ("Talks resume in winter 2013.", "2013-12-01", "2014-02-28"),
])
def test_covered_interval(extract, text, start, end):
    row = only(extract(text))
    assert (row["date_start"], row["date_end"]) == (pd.Timestamp(start), pd.Timestamp(end))


@pytest.mark.parametrize("text", [
    "Over 110,000 people have been killed during over two years of fighting.",
    "Kerry was finishing up a 12-day tour of the region.",
    "Conversations have been going on now for several weeks.",
    "He spoke more than one month after the Moscow meeting.",
    "Moscow has backed the regime in the more than two-year conflict.",
    "The annual regional forum opened in Brunei.",
    "It may be somewhere thereafter, he said.",
    "The conference should happen sooner rather than later.",
    "Some 2000 people fled and 1,000 tons of gas were found.",
    "A likely reference to summer vacations.",
])
def test_durations_and_vague_words_are_not_dates(extract, text):
    assert extract(text).empty


@pytest.mark.parametrize("text, tense", [
    ("Kerry said Tuesday that talks would go on.", "past"),
    ("It would likely take place after August.", "future"),
    ("In May, Kerry announced a plan.", "past"),  # no cue before: the first after
    ("Syria Peace Conference Called for in November", "neutral"),
    ("Talks on Thursday in Brunei.", "none"),
    ("They said they wanted it in the second week of November.", "future"),
])
def test_tense_is_the_nearest_cue(extract, text, tense):
    assert only(extract(text))["tense"] == tense


def test_relative_expression_without_publication_date_has_no_value(write_corpus):
    folder = write_corpus({"a.txt": PREAMBLE + "Kerry said Tuesday that it would happen in May 2014.\n"},
                          "file,outlet,published\na.txt,Outlet A,\n")
    table = dates.temporal_expressions(analysis.load_articles(folder))
    assert table["surface"].tolist() == ["Tuesday", "May 2014"]
    assert pd.isna(table.loc[0, "value"]) and pd.isna(table.loc[0, "anchor"])
    assert table.loc[1, "value"] == "2014-05"


def test_no_dates_gives_an_empty_table_with_the_columns(extract):
    table = extract("Nothing here names a time at all.")
    assert table.empty
    assert dict(table.dtypes.astype(str)) == {k: ("datetime64[ns]" if v.startswith("datetime") else v)
                                              for k, v in dates.COLUMNS.items()}
    assert extract("Nothing here.", fn=timeline.events).empty
    assert extract("Nothing here.", fn=timeline.conference_expectations).empty


def test_seed_rows_carry_their_evidence(seeds):
    table = dates.temporal_expressions(seeds)
    texts = dict(zip(seeds["article_id"], seeds["text"]))
    assert all(texts[a][s:e] == surface for a, s, e, surface in zip(table["article_id"], table["start"], table["end"], table["surface"]))
    assert all(surface in sentence for surface, sentence in zip(table["surface"], table["sentence"]))
    assert table.equals(table.sort_values(["article_id", "start"], ignore_index=True))
    assert {"headline", "caption", "dateline", "body"} <= set(table["kind"])
