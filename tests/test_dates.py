"""Temporal expressions: each rule on short literal texts, then the seeds (the gold is scored in test_evaluate)."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

import analysis
from analysis import dates, knowledge, timeline
from analysis.paths import DATA_DIR

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
    ("No such clash had happened since the 1970s.", "the 1970s", "197", "decade"),
    ("Dams built in 1960s Syria still stand.", "1960s", "196", "decade"),
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
    # future: on or after the anchor, so the day itself when published on that weekday ...
    ("They will meet on Tuesday in Geneva.", "2013-07-02"),
    ("Aid is due to arrive on Tuesday, officials said.", "2013-07-02"),
    ("They will meet next Tuesday in Geneva.", "2013-07-09"),  # ... but "next" is strictly after
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
    ("It would likely take place after August.", "later"),  # would: ahead of the reported moment
    ("In May, Kerry announced a plan.", "past"),  # a fronted date belongs to the clause after its comma
    ("Syria Peace Conference Called for in November", "nearest"),
    ("Talks on Thursday in Brunei.", "none"),
    ("They said they wanted it in the second week of November.", "future"),  # reported: "we want"
])
def test_tense_is_the_direction_of_the_governing_clause(extract, text, tense):
    assert only(extract(text))["tense"] == tense


# ---------------------------------------------------------------- forms of dates (issue #11)

@pytest.mark.parametrize("text, published, surface, value, rule", [
    # abbreviated months without their full stop, beside a day or a year
    ("The inspectors left Damascus on Dec 3 after a week of visits.", "2013-12-10", "Dec 3", "2013-12-03", "date_md"),
    ("The ministers met in Lausanne on 15 Oct without a breakthrough.", "2016-10-17", "15 Oct", "2016-10-15", "date_md"),
    ("A truce is due to begin on 9 Sept in the north.", "2016-09-01", "9 Sept", "2016-09-09", "date_md"),
    ("The envoy's report of Nov 28, 2015 was never published.", "2016-03-01", "Nov 28, 2015", "2015-11-28", "date_mdy"),
    ("The deal of Sept 2013 still binds both sides.", "2014-03-01", "Sept 2013", "2013-09", "month_year"),
    # ISO and numeric dates
    ("A report dated 2014-06-23 said the last chemicals had left.", "2014-07-01", "2014-06-23", "2014-06-23", "date_iso"),
    ("The statement of 09/17/2013 was read out.", "2013-09-20", "09/17/2013", "2013-09-17", "date_slash"),
    ("The memo of 25/03/2014 was leaked.", "2014-04-01", "25/03/2014", "2014-03-25", "date_slash"),
    ("The note dated 3/5/14 was signed by both.", "2014-04-01", "3/5/14", "2014-03-05", "date_slash"),
    # stray spaces, a missing space after the stop, ordinals
    ("The deal of September 14 , 2013 set deadlines.", "2014-01-01", "September 14 , 2013", "2013-09-14", "date_mdy"),
    ("The vote is due on Nov.5 in New York.", "2013-10-30", "Nov.5", "2013-11-05", "date_md"),
    ("Fighters withdrew on the 3rd of March, a monitor said.", "2014-03-10", "the 3rd of March", "2014-03-03", "date_md"),
    ("The council will meet on October 1st.", "2013-09-20", "October 1st", "2013-10-01", "date_md"),
    ("It was signed on the 2nd of May 2015 in Vienna.", "2015-06-01", "the 2nd of May 2015", "2015-05-02", "date_dmy"),
    # a weekday written with the date is one expression; it picks the year the date falls on it
    ("They signed it on Wednesday, Jan. 22, 2014, in Montreux.", "2014-01-24", "Wednesday, Jan. 22, 2014", "2014-01-22", "date_mdy"),
    ("The envoy will brief the council on Monday 21 October.", "2013-10-18", "Monday 21 October", "2013-10-21", "date_md"),
    ("The strikes began on Friday, Sept. 13, activists said.", "2013-09-16", "Friday, Sept. 13", "2013-09-13", "date_md"),
    ("A vote is set for Sunday, Jan. 4.", "2014-12-20", "Sunday, Jan. 4", "2015-01-04", "date_md"),
    # a year modifying a noun
    ("Russia says the 2013 deal still stands.", "2014-03-01", "2013", "2013", "year_modifier"),
    ("Syria's 2011 uprising began in Deraa.", "2014-03-01", "2011", "2011", "year_modifier"),
    ("Ministers built on the 2015 Vienna statements.", "2016-03-01", "2015", "2015", "year_modifier"),
    ("The 2013 chemical weapons deal held.", "2014-03-01", "2013", "2013", "year_modifier"),
    ("Families still recall the 1982 crackdown in Hama.", "2015-01-22", "1982", "1982", "year_modifier"),
])
def test_day_forms(extract, text, published, surface, value, rule):
    row = only(extract(text, published))
    assert (row["surface"], row["value"], row["rule"]) == (surface, value, rule)


@pytest.mark.parametrize("text, published, surface, value", [
    ("Earlier this week, the envoy met opposition leaders.", "2016-02-11", "Earlier this week", "2016-02-08/2016-02-10"),
    ("The panel will report later this month.", "2013-10-07", "later this month", "2013-10-08/2013-10-31"),
    ("Earlier this year the town changed hands twice.", "2014-01-01", "Earlier this year", "2014"),  # no day before it
    ("Elections could be held late this year.", "2013-10-07", "late this year", "2013-LATE"),
    ("Fighting flared early last month.", "2013-10-07", "early last month", "2013-09-EARLY"),
    ("The army pushed north in mid-next month.", "2013-10-07", "mid-next month", "2013-11-MID"),
    ("A vote is planned for the first half of next year.", "2013-10-07", "the first half of next year", "2014-H1"),
    ("The mission ends at the end of next month.", "2013-10-07", "the end of next month", "2013-11-LATE"),
    ("The town fell at the end of last year.", "2014-03-05", "the end of last year", "2013-LATE"),
    ("Efforts have gone on since May of this year.", "2013-10-21", "May of this year", "2013-05"),
    ("A deal struck in March of last year collapsed.", "2013-10-21", "March of last year", "2012-03"),
    ("The plan was first floated in May last year.", "2014-01-21", "May last year", "2013-05"),
    ("Russia began its air campaign on September 30 last year.", "2016-02-12", "September 30 last year", "2015-09-30"),
    ("The mandate expires next June.", "2015-11-03", "next June", "2016-06"),
    ("The mandate was renewed last November.", "2015-11-03", "last November", "2014-11"),
    ("Aid agencies fear the siege could last until the winter.", "2016-08-20", "the winter", "2016-WI"),
    ("Talks went nowhere over the summer.", "2014-02-01", "the summer", "2013-SU"),
    # a season under way is still ahead while it lasts: this summer in July, this winter in January
    ("Mediators now hope to meet after the summer.", "2016-07-13", "after the summer", ">2016-SU"),
    ("Aid convoys are to keep moving through the winter.", "2015-01-20", "the winter", "2014-WI"),
    # ... and past once it began before the anchor's month: in March, "in the spring" told in the past is last year's
    ("The rebels had taken the dam in the spring.", "2016-03-15", "the spring", "2015-SP"),
    ("Fighting slowed over the summer, monitors said.", "2016-07-20", "the summer", "2016-SU"),
    ("Over the coming months the parties will meet.", "2015-12-19", "the coming months", ">2015-12-19"),
    ("Over the past two months the town was cut off.", "2015-12-19", "the past two months", "2015-10-19/2015-12-18"),
    ("Fighting grew over the past week.", "2016-03-09", "the past week", "2016-03-02/2016-03-08"),
    ("Talks resume early next week.", "2016-03-09", "early next week", "2016-W11"),
])
def test_relative_forms(extract, text, published, surface, value):
    row = only(extract(text, published))
    assert (row["surface"], row["value"]) == (surface, value)


@pytest.mark.parametrize("text, published, surface, value", [
    # a run of days in one month is one closed window
    ("The envoys sat in Vienna from 3 to 6 March.", "2015-03-10", "3 to 6 March", "2015-03-03/2015-03-06"),
    ("A second session is booked for Nov. 14-16.", "2015-10-30", "Nov. 14-16", "2015-11-14/2015-11-16"),
    ("The visit ran May 2 to 4, 2014, as planned.", "2014-06-01", "May 2 to 4, 2014", "2014-05-02/2014-05-04"),
    # quarters of a year, as windows of days
    ("Exports fell in the third quarter of 2015.", "2016-01-10", "the third quarter of 2015", "2015-07-01/2015-09-30"),
    ("Aid grew in the first quarter of the year.", "2016-05-02", "the first quarter of the year",
     "2016-01-01/2016-03-31"),
    ("Shipments should resume in the fourth quarter.", "2016-05-02", "the fourth quarter", "2016-10-01/2016-12-31"),
    ("The plan covers the second half of the year.", "2016-05-02", "the second half of the year", "2016-H2"),
    # weekends, nights and the day beyond tomorrow
    ("Rebels shelled the town over the weekend.", "2016-03-07", "the weekend", "2016-03-05/2016-03-06"),
    ("Ministers will meet again next weekend.", "2016-03-07", "next weekend", "2016-03-12/2016-03-13"),
    # on a Saturday: "this weekend" ahead is the one under way, "next weekend" the following one
    ("Ministers will meet this weekend in Vienna.", "2016-03-12", "this weekend", "2016-03-12/2016-03-13"),
    ("Ministers will meet next weekend in Vienna.", "2016-03-12", "next weekend", "2016-03-19/2016-03-20"),
    ("A convoy reached the town last night.", "2015-06-10", "last night", "2015-06-09"),
    ("Envoys arrive the day after tomorrow.", "2015-06-10", "the day after tomorrow", "2015-06-12"),
    ("The border closed the day before yesterday.", "2015-06-10", "the day before yesterday", "2015-06-08"),
    ("A fortnight ago the talks broke down.", "2015-06-10", "A fortnight ago", "2015-W22"),
    # a day of the month without its month: the current month, or by direction one either side
    ("The ceasefire holds until the 28th, officials say.", "2015-06-10", "the 28th", "2015-06-28"),
    ("The bombing of the 30th left the market in ruins.", "2015-06-04", "the 30th", "2015-05-30"),
    ("Delegates will gather on Tuesday, the 16th, in Geneva.", "2015-06-10", "Tuesday, the 16th", "2015-06-16"),
    ("A vote is expected the week of the 22nd.", "2015-06-10", "the week of the 22nd", "2015-W26"),
    # holidays on a fixed day, the new year, an anniversary to the day, year's end
    ("The town may fall by Christmas, aid workers warn.", "2016-11-02", "Christmas", "2016-12-25"),
    ("The truce agreed on New Year’s Eve broke down.", "2016-01-20", "New Year’s Eve", "2015-12-31"),
    ("More troops are due in the new year.", "2015-11-20", "the new year", "2016"),
    ("Three years ago today the first shells fell.", "2015-06-10", "Three years ago today", "2012-06-10"),
    ("The list should be ready by year's end.", "2015-06-10", "year's end", "2015-LATE"),
    ("Arrivals rose above the level of 2014 and kept rising.", "2016-01-20", "2014", "2014"),
])
def test_runs_quarters_weekends_and_numbered_days(extract, text, published, surface, value):
    row = only(extract(text, published))
    assert (row["surface"], row["value"]) == (surface, value)


@pytest.mark.parametrize("text", [
    "Life in the 21st century is not easy for the farmers.",
    "He was elected for the 3rd time on a low turnout.",
    "Troops of the 4th Division moved into the valley.",
    "A blast hit offices on the 5th floor of the tower.",
    "The last quarter of a century brought three wars.",
    "On July 7 to 11 civilians were wounded.",
    "A total of 2000 people crossed that night.",
    "Shells hit one of the 10th-century churches.",
])
def test_ordinals_and_number_runs_that_are_not_days(extract, text):
    assert not extract(text, "2015-06-10")["surface"].isin(["the 21st", "the 3rd", "the 4th", "the 5th", "the 10th",
                                                            "The last quarter", "July 7 to 11", "2000"]).any()


@pytest.mark.parametrize("text", [
    "A Sunday Times investigation found the claims were false.",
    "Officials in Washington played down the Sunday Telegraph report.",
    "The Mail on Sunday printed the letter.",
    "Theresa May said Britain would back the strikes.",
    "May, whose party had split over Europe, backed the strikes.",
    "Egypt's April 6 Youth Movement backed the protest.",
    "Protests are held every Friday in the square.",
    "\u201cMay God protect them,\u201d he said.",
    "May they find a way out, the bishop told the crowd.",
    "March on, they said, until the regime falls.",
    "About 2000 families fled, and the 2000 refugees in the camp wait.",
    "The 2000 refugees fleeing the war wait at the border.",
    "The next day, the envoy left for Tehran.",
    "The form 31/02/2013 and the stamp 2013-02-30 name no day.",
    "A three-month truce, a month-long siege and talks for two weeks.",
    "The rebels fired 1980s-era rockets and old 1950s-vintage guns.",
])
def test_names_sets_and_verbs_are_not_dates(extract, text):
    assert extract(text).empty, extract(text)[["surface"]]


@pytest.mark.parametrize("text, published, surface, value", [
    # "this" + weekday: the day of the anchor's week, either side (29 January 2016 was a Friday)
    ("Nobody can say where things stand by this Sunday.", "2016-01-29", "this Sunday", "2016-01-31"),
    ("The convoy that left this Monday has not arrived.", "2016-01-29", "this Monday", "2016-01-25"),
    ("The envoy briefed the council on Wednesday last week.", "2015-02-23", "Wednesday last week", "2015-02-18"),
    ("The next round opens on Monday next week.", "2015-02-25", "Monday next week", "2015-03-02"),
    ("The envoy briefs the council this afternoon.", "2016-01-29", "this afternoon", "2016-01-29"),
    ("Shelling resumed this morning, residents said.", "2016-01-29", "this morning", "2016-01-29"),
    ("Officials expect the campaign to run into 2017.", "2016-01-29", "2017", "2017"),
    ("Page updated 23-02-2015 by the desk.", "2015-02-23", "23-02-2015", "2015-02-23"),  # hyphens, as slashes
    ("Kurds in Qamishli lit fires for Nowruz.", "2016-03-25", "Nowruz", "2016-03-21"),
])
def test_days_of_this_and_other_weeks_parts_of_today_years_ahead_stamps_and_feasts(extract, text, published, surface, value):
    row = only(extract(text, published))
    assert (row["surface"], row["value"]) == (surface, value)


@pytest.mark.parametrize("text, published, surface, value", [
    ("The truce starts on the first day of Eid al-Adha.", "2016-09-08", "Eid al-Adha", "2016-09-12"),
    ("Shelling went on through Eid al Fitr, residents said.", "2013-08-20", "Eid al Fitr", "2013-08-08"),
    ("Aid arrived before Easter.", "2014-05-02", "before Easter", "<2014-04-20"),
    # no day is listed for the years around 2003: the value is left empty, not guessed
    ("A pause is planned for Eid al-Adha.", "2003-05-01", "Eid al-Adha", None),
])
def test_movable_feasts_take_the_day_of_their_year(extract, text, published, surface, value):
    row = only(extract(text, published))
    assert row["surface"] == surface
    assert (row["value"] if pd.notna(row["value"]) else None) == value


@pytest.mark.parametrize("text, published, surface, value", [
    # a day the month does not have is not a date; the month still is one when it stands alone
    ("The date February 30, 2013 is not a date.", "2013-03-05", "February", "2013-02"),
    ("A truce was agreed on June 31.", "2013-07-05", "June", "2013-06"),
    ("The referendum falls on 29 February.", "2015-03-01", "29 February", "2016-02-29"),  # the nearest leap year
])
def test_a_day_the_month_lacks_is_not_a_date(extract, text, published, surface, value):
    row = only(extract(text, published))
    assert (row["surface"], row["value"]) == (surface, value)


@pytest.mark.parametrize("text, values", [
    # 03/04 is ambiguous: month first, unless the article writes another date day first
    ("The letter of 03/04/2013 went unanswered.", ["2013-03-04"]),
    ("The letter of 03/04/2013 answered the note of 15/04/2013.", ["2013-04-03", "2013-04-15"]),
    ("The letter of 03/04/2013 answered the note of 04/15/2013.", ["2013-03-04", "2013-04-15"]),
])
def test_numeric_dates_follow_the_articles_convention(extract, text, values):
    assert extract(text, "2013-05-01")["value"].tolist() == values


# ---------------------------------------------------------------- the anchor: the date an article gives itself

def test_a_transcript_header_date_anchors_its_today(write_corpus):
    text = ("Remarks to the Press\n\nWashington, DC\n\nMarch 4, 2014\n\n"
            "MS PSAKI: Good afternoon. The Secretary spoke with Lavrov today and will call him tomorrow.\n")
    folder = write_corpus({"a.txt": text}, "file,outlet,published\na.txt,A,2014-03-05\n")
    table = dates.temporal_expressions(analysis.load_articles(folder))
    assert table[["surface", "value"]].values.tolist() == [["March 4, 2014", "2014-03-04"], ["today", "2014-03-04"],
                                                           ["tomorrow", "2014-03-05"]]
    assert (table.loc[table["relative"], "anchor"] == pd.Timestamp("2014-03-04")).all()


def test_a_wire_dateline_anchors_its_weekdays(extract):
    table = extract("BEIRUT, Aug 22 (Reuters) - Activists said on Wednesday that the toll had risen.", "2013-08-24")
    assert table[["surface", "value"]].values.tolist() == [["Aug 22", "2013-08-22"], ["Wednesday", "2013-08-21"]]
    table = extract("MOSCOW, Sept 9 (Reuters) - Obama will address the nation on Tuesday night.", "2013-09-10")
    assert table["value"].tolist() == ["2013-09-09", "2013-09-10"]  # the day after the dateline, not the next week


@pytest.mark.parametrize("header", ["March 4, 2012", "Last updated: March 4, 2014", "March 6, 2014"])
def test_a_header_date_far_back_ahead_or_only_updated_is_no_anchor(write_corpus, header):
    folder = write_corpus({"a.txt": f"Remarks\n\n{header}\n\nWe spoke today.\n"}, "file,outlet,published\na.txt,A,2014-03-05\n")
    table = dates.temporal_expressions(analysis.load_articles(folder))
    assert table.loc[table["surface"] == "today", "value"].tolist() == ["2014-03-05"]


# ---------------------------------------------------------------- direction: the governing clause (issue #11)

@pytest.mark.parametrize("text, published, value, tense", [
    # the expression checked is the last of its sentence
    # modals and plan words ahead of publication, whatever reporting verb surrounds them
    ("Diplomats hope the conference will convene in December, a spokesman said.", "2013-10-10", "2013-12", "future"),
    ("The talks are pencilled in for January.", "2015-11-20", "2016-01", "future"),
    ("Officials say a new round is planned for February.", "2016-12-01", "2017-02", "future"),
    ("Elections are expected in April, officials told reporters.", "2015-12-18", "2016-04", "future"),
    ("Negotiators aim to finish a draft by September.", "2016-07-14", "2016-09", "future"),
    ("Moscow wants the meeting held in March.", "2014-11-20", "2015-03", "future"),  # the participle is the plan's
    # after "be" a participle is the plan's however far from it ("to be finished")
    ("The watchdog still expects the whole programme to be finished by June 30.", "2013-12-30", "2014-06-30",
     "future"),
    # further from the plan word a participle describes a noun of its own
    ("The envoy hopes to bring both delegations back to the table under the accord signed on Dec. 3.",
     "2015-12-20", "2015-12-03", "past"),
    ("The opposition is due to announce its delegation on Sunday.", "2014-01-16", "2014-01-19", "future"),
    ("Inspectors will be sent after a review on December 2, an official said.", "2013-11-20", "2013-12-02", "future"),
    ("Syria must destroy the equipment by November 1.", "2013-11-05", "2013-11-01", "future"),  # a deadline restated
    ("Syria must destroy the equipment by November 1.", "2013-11-20", "2014-11-01", "future"),
    # reported speech: past forms are the present moved back
    ("Lavrov told reporters he expected the talks in February.", "2015-12-10", "2016-02", "future"),
    ("Ban said the conference was pencilled in for January.", "2013-11-20", "2014-01", "future"),
    ("Ban said the conference was on track for November.", "2013-09-20", "2013-11", "none"),
    # a plan told in the past: the planning is past, the planned date the nearest
    ("The vote was scheduled for March but was postponed.", "2014-05-10", "2014-03", "nearest"),
    ("A preparatory meeting had been planned for October.", "2013-11-05", "2013-10", "nearest"),
    ("The round had been scheduled to open on February 8.", "2017-01-31", "2017-02-08", "nearest"),
    ("The talks were originally due to open on January 25.", "2016-02-01", "2016-01-25", "nearest"),
    ("Russian diplomats have proposed the third week of May.", "2016-04-20", "2016-W20", "nearest"),
    # would: ahead of the reported moment
    ("He said the minister would travel to Moscow on Friday.", "2016-03-02", "2016-03-04", "later"),
    ("Al-Arabi had said last week that the summit would open on March 3.", "2014-03-05", "2014-03-03", "later"),
    # intentions and postponements
    ("The opposition has refused to attend talks in January.", "2013-12-20", "2014-01", "later"),
    ("The deadline was extended until February 5, the mission said.", "2014-01-10", "2014-02-05", "later"),
    ("The council adjourned the session until Monday.", "2016-03-02", "2016-03-07", "later"),
    # a deadline given lies ahead of the giving; a time of day between "until" and the date is no gap
    ("The envoys gave both camps until noon on Friday to answer.", "2016-02-23", "2016-02-26", "later"),
    ("Moscow has given the rebels until Saturday to leave the district.", "2016-11-30", "2016-12-03", "later"),
    ("The vote was put off until 6 p.m. on Thursday.", "2015-06-09", "2015-06-11", "later"),
    ("The factions have until Sunday to sign, the mediators say.", "2016-02-22", "2016-02-28", "later"),
    ("The army gave ground on Friday, a monitor said.", "2016-02-23", "2016-02-19", "past"),
    # the colon of a clock time ends no clause: "will" still governs the date after it
    ("The ceasefire will begin at 00:00 on May 9 in areas the rebels captured.", "2016-05-06", "2016-05-09", "future"),
    # a date before a commitment told in the past is when it was made, not what was committed to
    ("On Monday, the parties agreed to meet again.", "2016-02-03", "2016-02-01", "past"),
    ("Moscow on Sunday promised to open two corridors.", "2016-02-03", "2016-01-31", "past"),
    ("On Monday the envoy plans to fly to Riyadh.", "2016-02-03", "2016-02-08", "future"),
    # a date that names a deadline is the nearest, however the clause is told
    ("Damascus met a June 30 deadline for the handover.", "2014-06-28", "2014-06-30", "nearest"),
    ("The parties missed the Dec. 31 deadline.", "2014-01-03", "2013-12-31", "nearest"),
    ("The minister said October 15 remained the target for the first convoy.", "2015-06-02", "2015-10-15", "nearest"),
    ("Officials said March 1 was the deadline for a reply.", "2016-03-04", "2016-03-01", "nearest"),
    ("Diplomats said the deadline of May 20 for a reply would not be met.", "2015-04-28", "2015-05-20", "nearest"),
    ("The country remains short of its deadline of June 30.", "2014-03-19", "2014-06-30", "nearest"),
    ("The donors fixed January 15 as the date for the first payment.", "2014-12-02", "2015-01-15", "nearest"),
    ("Saturday is the deadline for a reply, the envoy says.", "2016-03-07", "2016-03-12", "later"),
    ("He said the spring was a more likely goal for the vote.", "2015-01-20", "2015-SP", "nearest"),
    # present tense: scheduled
    ("Kerry travels to Moscow on Tuesday for talks with Putin.", "2015-12-12", "2015-12-15", "later"),
    ("Iran was not invited to the talks opening on Wednesday.", "2014-01-21", "2014-01-22", "later"),
    ("The envoy arrives in Damascus on Tuesday.", "2014-01-21", "2014-01-21", "later"),  # a plan: on or after the day itself
    ("\u201cSunday is the real deadline,\u201d the envoy said.", "2016-03-03", "2016-03-06", "later"),
    # past events
    ("Government forces retook the town in March.", "2014-01-15", "2013-03", "past"),
    ("Syria is believed to have moved the stocks in June.", "2014-03-15", "2013-06", "past"),
    ("The siege has held since October, residents say.", "2016-01-15", "2015-10", "past"),
    ("The ceasefire agreed on Friday will hold.", "2016-09-11", "2016-09-09", "past"),
    ("In December, the council endorsed a road map.", "2016-02-05", "2015-12", "past"),
    ("After their meeting in October, Kerry said the gap had narrowed.", "2014-02-05", "2013-10", "past"),
    ("Kerry said on Sunday that the vote would be delayed.", "2016-03-08", "2016-03-06", "past"),
    # a clause boundary: the relative clause's verb governs its own date
    ("Kerry, who met Lavrov in Moscow in July, will return to Geneva.", "2016-08-20", "2016-07", "past"),
    ("The opposition, which boycotted the last round in March, will attend.", "2016-02-20", "2015-03", "past"),
    # a condition takes the direction of the clause it conditions
    ("Rebels vowed to fight on if no deal had been reached by Sunday.", "2016-03-03", "2016-03-06", "later"),
    ("If the truce collapses in June, Washington will try again.", "2016-04-20", "2016-06", "future"),
    # the date as the subject of the verb after it
    ("Kerry said May would be decisive for the talks.", "2016-04-20", "2016-05", "later"),
    ("\u201cTuesday was a turning point,\u201d the minister said.", "2016-07-28", "2016-07-26", "past"),
    # no cue: the nearest month, the latest weekday
    ("Talks in Geneva in January, a diplomat said.", "2015-12-10", "2016-01", "none"),
])
def test_direction_rule_table(extract, text, published, value, tense):
    row = extract(text, published).iloc[-1]
    assert (row["value"], row["tense"]) == (value, tense)


def test_every_cue_row_is_well_formed():
    table = knowledge.tense_cues()
    assert set(table["direction"]) <= set(dates.DIRECTIONS)
    assert set(table["kind"]) <= {"auxiliary", "perfect", "modal", "plan", "target", "verb", "present", "speech",
                                  "preposition", "adverb", "adjective", "noun"}
    assert set(table["scope"]) <= {"clause", "adjacent", "group", "head"}
    assert set(table["reported"]) <= {"", "future", "later", "none"}
    assert dates.cue_table().labels and all(table["note"].str.len() > 0)


def test_an_added_cue_row_takes_effect(tmp_path, monkeypatch, extract):
    text, published = "The summit is slotted in for January.", "2013-07-02"
    assert only(extract(text, published))["value"] == "2013-01"  # only "is": the nearest January (a tie: this year's)
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    with (folder / "timeline_tense_cues.csv").open("a", encoding="utf-8") as f:
        f.write("slotted(?: in)? for,nearest,plan,clause,,a test row\n")
    monkeypatch.setattr(knowledge, "data_file", lambda name: folder / name)
    knowledge.reload()
    try:
        assert only(extract(text, published))["value"] == "2014-01"  # is + plan word: ahead
    finally:
        monkeypatch.undo()
        knowledge.reload()


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
