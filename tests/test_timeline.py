"""Events and conference expectations: each rule on short literal texts, then the seeds."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import timeline
from conftest import only


@pytest.mark.parametrize("text, surface, event_type", [
    ("The resolution passed on September 27.", "September 27", "resolution"),
    ("Rebels launched an offensive on Saturday.", "Saturday", "attack"),
    ("A truce went into effect in February.", "February", "ceasefire"),
    ("The uprising began in March 2011.", "March 2011", "conflict_start"),
    ("The conference has been postponed until November.", "November", "conference_delayed"),
    ("Kerry and Lavrov met on Monday in Brunei.", "Monday", "talks"),
    ("Arms must be destroyed by mid-2014.", "mid-2014", "deadline"),
    ("Kerry shared the view of the last Geneva conference in June 2012 on a plan.", "June 2012", "past_conference"),
    ("The meeting might not take place until August or later, he added.", "August or later", "conference"),
    ("On Monday, Ban said it was essential.", "Monday", "statement"),
    ("Snowden sat in an airport on Monday.", "Monday", "unclassified"),
])
def test_event_type_is_the_nearest_trigger(extract, text, surface, event_type):
    row = only(extract(text, fn=timeline.events))
    assert (row["surface"], row["event_type"]) == (surface, event_type)


def test_events_name_the_actors(extract):
    row = only(extract("Kerry and Lavrov met on Monday while the UN Security Council and Hezbollah waited.", fn=timeline.events))
    assert row["actors"] == "John Kerry; Sergei Lavrov; UN Security Council; Hezbollah"
    assert row["outlet"] == "Outlet A" and row["published"] == pd.Timestamp("2013-07-02")


def test_conference_expectations(extract):
    text = ("The conference has been delayed repeatedly.\n\n"
            "It would likely take place after August, Kerry said of the conference.\n\n"
            "The conference could not happen this month.\n\n"
            "Kerry told a news conference on Monday that he was pleased.\n\n"
            "The last Geneva conference in June 2012 agreed on a plan.")
    table = extract(text, fn=timeline.conference_expectations)
    assert table["surface"].fillna("").tolist() == ["", "after August", "this month"]
    undated, after, ruled_out = (table.iloc[i] for i in range(3))
    assert undated["delayed"] and pd.isna(undated["date_start"]) and pd.isna(undated["date_end"])
    assert after["open_end"] and after["date_start"] == pd.Timestamp("2013-09-01") and pd.isna(after["date_end"])
    assert ruled_out["negated"] and not after["negated"]


def test_seed_conference_windows(seeds):
    table = timeline.conference_expectations(seeds)
    dated = table.dropna(subset=["value"])
    assert set(zip(dated["article_id"].str[:3], dated["value"])) == {
        ("000", ">=2013-08"), ("001", ">2013-08"), ("001", "2013-06"), ("001", "2013-07"), ("003", ">2013-08"),
        ("002", "2013-11"), ("002", "2013-W46"),
    }
    assert table["delayed"].sum() == 2


def test_conference_statements_without_a_publication_date(extract):
    # no anchor: relative dates have no value, and the table still says what was stated
    table = extract("It would likely take place after August, Kerry said of the conference.",
                    published="", fn=timeline.conference_expectations)
    row = only(table)
    assert row["surface"] == "after August" and pd.isna(row["value"]) and not row["open_end"]
    marks = timeline.expectation_marks(table)
    assert marks.loc[0, "column"].startswith("undated")
