"""The one scorer: matching rules on toy tables, the gold folder's format, then the seeds' gold."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis import CorpusError, cli, evaluate
from analysis.paths import GOLD_DIR, SEEDS_DIR


def predicted(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows).assign(sentence="s")


# ---------------------------------------------------------------- matching

def test_a_span_that_contains_the_gold_or_is_inside_it_is_found():
    gold = pd.DataFrame({"file": ["a.txt"] * 3, "surface": ["Monday", "after August", "May"],
                         "value": ["2013-07-01", ">2013-08", "2013-05"]})
    pred = predicted([
        {"file": "a.txt", "surface": "on Monday", "start": 0, "end": 9, "value": "2013-07-08"},
        {"file": "a.txt", "surface": "August", "start": 20, "end": 26, "value": "2013-08"},
        {"file": "a.txt", "surface": "June", "start": 40, "end": 44, "value": "2013-06"},
    ])
    compared = evaluate.compare("dates", pred, gold)
    assert compared["status"].tolist() == ["found", "found", "missed", "spurious"]
    s = evaluate.score("dates", compared)
    assert (s["n_gold"], s["n_predicted"], s["n_found"]) == (3, 3, 2)
    assert s["precision"] == s["recall"] == pytest.approx(2 / 3) and s["f1"] == pytest.approx(2 / 3)
    # Monday is the wrong day; "after August" is August with a modifier, which is not scored
    assert s["value_accuracy"] == 0.5


def test_each_item_is_matched_once_and_an_equal_surface_is_preferred():
    gold = pd.DataFrame({"file": ["a.txt", "a.txt"], "surface": ["Monday", "Monday"], "value": ["x", "x"]})
    pred = predicted([{"file": "a.txt", "surface": "last Monday", "start": 0, "end": 11, "value": "x"},
                      {"file": "a.txt", "surface": "Monday", "start": 30, "end": 36, "value": "x"},
                      {"file": "a.txt", "surface": "Monday", "start": 50, "end": 56, "value": "x"}])
    compared = evaluate.compare("dates", pred, gold)
    assert compared["status"].tolist() == ["found", "found", "spurious"]
    assert compared["predicted_surface"].tolist() == ["Monday", "Monday", "last Monday"]


def test_offsets_in_the_gold_pin_the_place():
    gold = pd.DataFrame({"file": ["a.txt"], "surface": ["Monday"], "value": ["x"], "start": [50], "end": [56]})
    pred = predicted([{"file": "a.txt", "surface": "Monday", "start": 10, "end": 16, "value": "x"}])
    assert evaluate.compare("dates", pred, gold)["status"].tolist() == ["missed", "spurious"]


def test_quotes_and_spaces_are_normalised():
    gold = pd.DataFrame({"file": ["a.txt"], "text_start": ["We  hope the “talks”"], "speaker": ["John Kerry"]})
    pred = predicted([{"file": "a.txt", "surface": 'We hope the "talks" go on', "start": 0, "end": 9,
                       "speaker": "John Kerry", "speaker_surface": "Mr Kerry", "quote_kind": "direct"}])
    assert evaluate.compare("quotes", pred, gold)["status"].tolist() == ["found"]


def test_only_direct_quotations_are_scored():
    gold = pd.DataFrame({"file": ["a.txt"], "text_start": ["peace now"], "speaker": ["X"]})
    pred = predicted([{"file": "a.txt", "surface": "peace now", "start": 0, "end": 9, "speaker": None,
                       "speaker_surface": None, "quote_kind": "scare"}])
    assert evaluate.compare("quotes", pred, gold)["status"].tolist() == ["missed"]


def test_casualty_figures_must_agree_on_value_and_category():
    gold = pd.DataFrame({"file": ["a.txt"] * 2, "surface": ["100 people", "50 refugees"], "value": ["100", "50"],
                         "category": ["killed", "displaced"], "qualifier": ["", ""],
                         "attributed_to": ["United Nations", ""]})
    pred = predicted([
        {"file": "a.txt", "surface": "100 people", "start": 0, "end": 10, "value": 100, "category": "killed",
         "attributed_to": "UN"},
        {"file": "a.txt", "surface": "50 refugees", "start": 20, "end": 31, "value": 50, "category": "killed",
         "attributed_to": ""},
    ])
    compared = evaluate.compare("casualties", pred, gold)
    assert sorted(compared["status"]) == ["found", "missed", "spurious"]
    assert evaluate.score("casualties", compared)["value_accuracy"] == 1.0  # "UN" is an alias of United Nations


def test_files_the_gold_does_not_name_are_not_scored():
    gold = pd.DataFrame({"file": ["a.txt", "b.txt"], "surface": ["May", ""], "value": ["2013-05", ""]})
    pred = predicted([{"file": "b.txt", "surface": "June", "start": 0, "end": 4, "value": "2013-06"},
                      {"file": "c.txt", "surface": "July", "start": 0, "end": 4, "value": "2013-07"}])
    # b.txt was annotated with nothing to find: its June is spurious; c.txt was not annotated
    compared = evaluate.compare("dates", pred, gold)
    assert compared[["file", "status"]].values.tolist() == [["a.txt", "missed"], ["b.txt", "spurious"]]


def test_nothing_to_count_is_nan_not_zero_or_one():
    empty = pd.DataFrame(columns=["file", "status", "value_ok"])
    s = evaluate.score("dates", empty)
    assert np.isnan(s["precision"]) and np.isnan(s["recall"]) and np.isnan(s["f1"]) and np.isnan(s["value_accuracy"])
    missed = pd.DataFrame({"file": ["a.txt"], "status": ["missed"], "value_ok": pd.array([pd.NA], dtype="boolean")})
    s = evaluate.score("dates", missed)
    assert np.isnan(s["precision"]) and s["recall"] == 0.0 and s["f1"] == 0.0


@pytest.mark.parametrize("gold, predicted_value, start, end, agrees", [
    ("2013-11", "2013-11-MID", None, None, True),  # the part of the month is TIMEX3's modifier
    ("2013-08", ">=2013-08", None, None, True),  # so is the open-window operator
    ("2013-W46", "2013-11-11/2013-11-17", "2013-11-11", "2013-11-17", True),  # the same days
    ("2013-11", "2012-11", None, None, False),
    ("2013-07-02", "", None, None, False),
    # the other TIMEX3 forms an annotator may write: a quarter, a weekend, a decade
    ("2015-Q4", "2015-10-01/2015-12-31", "2015-10-01", "2015-12-31", True),
    ("2016-W08-WE", "2016-02-27/2016-02-28", "2016-02-27", "2016-02-28", True),
    ("2016-W08-WE", "2016-W08", "2016-02-22", "2016-02-28", False),  # the whole week is not its weekend
    ("195", "1950", "1950-01-01", "1950-12-31", False),  # a year is not the decade
])
def test_date_values(gold, predicted_value, start, end, agrees):
    assert evaluate.dates_agree(gold, predicted_value, start and pd.Timestamp(start), end and pd.Timestamp(end)) == agrees


@pytest.mark.parametrize("gold, predicted, surface, agrees", [
    ("John Kerry", "John Kerry", "", True),
    ("John Kerry", "Mr Kerry", "", True),  # an alias
    ("Maria Zakharova", "Foreign Ministry spokeswoman Maria Zakharova", "", True),
    ("Maria Zakharova", "Maria", "", False),
    ("", "", "", True),
    ("United Nations", "", "", False),
])
def test_names(gold, predicted, surface, agrees):
    assert evaluate.names_agree(gold, predicted, surface) == agrees


# ---------------------------------------------------------------- the gold folder

def test_a_gold_table_without_its_columns_is_a_corpus_error(tmp_path):
    (tmp_path / "dates.csv").write_text("file,text\na.txt,May\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"dates\.csv: no column surface, value"):
        evaluate.read_gold(tmp_path)


def test_an_empty_gold_folder_is_a_corpus_error(tmp_path):
    with pytest.raises(CorpusError, match="none of dates.csv"):
        evaluate.read_gold(tmp_path)


def test_gold_naming_files_the_corpus_lacks_is_a_corpus_error(seeds, tmp_path):
    (tmp_path / "dates.csv").write_text("file,surface,value\nnope.txt,May,2013-05\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="nope.txt"):
        evaluate.evaluate(seeds, evaluate.read_gold(tmp_path))


def test_the_seed_gold_is_evidence(seeds):
    texts = dict(zip(seeds["file"], seeds["text"]))
    for table, gold in evaluate.read_gold().items():
        column = "text_start" if table == "quotes" else "surface"
        assert all(texts[f][s:e] == x for f, s, e, x in zip(gold["file"], gold["start"], gold["end"], gold[column])), table
        assert not gold.duplicated(["file", "start", "end"]).any()


# ---------------------------------------------------------------- the seeds

def test_the_seeds_reach_their_gold(seeds):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        scores, errors = evaluate.evaluate(seeds, evaluate.read_gold())
    scores = scores.set_index("table")
    # measured on the five seeds, whose texts the rules were written from (an upper bound)
    assert scores["n_gold"].to_dict() == {"dates": 45, "casualties": 8, "quotes": 30}
    for measure in ("precision", "recall", "f1", "value_accuracy"):
        assert (scores[measure] == 1.0).all(), measure
    assert errors.empty


def test_the_evaluate_command_writes_scores_and_errors(tmp_path, capsys):
    assert cli.main(["evaluate", str(SEEDS_DIR), str(GOLD_DIR), "--out", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert "dates" in printed and "speaker accuracy" in printed
    scores = pd.read_csv(tmp_path / "scores.csv")
    assert list(scores.columns) == ["table", "n_gold", "n_predicted", "precision", "recall", "f1", "value_accuracy"]
    assert scores["table"].tolist() == ["dates", "casualties", "quotes"]
    assert (tmp_path / "errors.csv").read_text().startswith("table,file,error,")


def test_the_evaluate_command_refuses_a_missing_gold_folder(tmp_path, capsys):
    assert cli.main(["evaluate", str(SEEDS_DIR), str(tmp_path / "nope")]) == 2
    assert "no such gold folder" in capsys.readouterr().err


def test_predictions_carry_the_file(seeds):
    tables = evaluate.predict(seeds)
    assert set(tables) == {"dates", "casualties", "quotes"}
    assert all(t["file"].str.endswith(".txt").all() for t in tables.values())
    assert analysis.temporal_expressions(seeds).shape[0] == tables["dates"].shape[0]
