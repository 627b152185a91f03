"""The challenge sets (tests/challenge, tests/challenge_b, tests/heldout, tests/heldout_d, tests/heldout_e,
tests/heldout_f, tests/heldout_g): short cases, each isolating one phenomenon, scored by the same scorer as the gold. They were written
by reading real coverage and annotated by reading, not from the rules; the rates reached are asserted below and reported, case
by case, in each set's RESULTS.md (regenerated with `make challenge`)."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import evaluate
from analysis.paths import TESTS_DIR

SETS = ("challenge", "challenge_b", "heldout", "heldout_d", "heldout_e", "heldout_f", "heldout_g")


@pytest.fixture(scope="module", params=SETS)
def run(request, tmp_path_factory):
    folder = TESTS_DIR / request.param
    return folder, evaluate.run_challenges(folder, tmp_path_factory.mktemp(request.param))


def test_the_results_file_is_current(run):
    folder, (results, scores) = run
    assert (folder / "RESULTS.md").read_text(encoding="utf-8") == evaluate.challenge_report(results, scores), \
        f"tests/{folder.name}/RESULTS.md is out of date: run make challenge"


# Reached on the development challenge sets: the rules were improved with these cases in view, so
# these are not estimates of accuracy. Set B was measured blind once before it was used; those
# numbers are in its README. The held-out set was measured once, blind (tests/heldout/MEASURED_ONCE.md);
# the date, casualty and quote rules were then improved with its failing cases in view, so those rows are development
# numbers too (see its README); the rows guard against a change making it worse. Held-out set D was
# written after that and measured once, blind (tests/heldout_d/MEASURED_ONCE.md: dates 57 of 67, value 0.948); a
# weekday of a plan on the day itself was then read as that day, and a deadline given ("gave ... until noon on
# Friday") as ahead, with set D's failing cases (and B's and the held-out set's) in view, so set D's dates row
# is a development number too; so is its casualties row since two sources were added to the knowledge files
# (Physicians for Human Rights; "the Britain-based Observatory"), and its quotes row since "opposition delegates"
# became an alias of the Syrian opposition. Held-out set E was written after those changes, by a session blind to the
# rules and the other sets, and measured once at commit d0f3d08 (tests/heldout_e/MEASURED_ONCE.md); all its rows are
# development numbers since rules were improved with its failing cases in view (see its README). Held-out set F was
# written after that round, the same way, and measured once at commit 7cf8f98 (tests/heldout_f/MEASURED_ONCE.md: dates
# 48 of 60, F1 0.962; casualties 37 of 45, F1 0.926; quotes 37 of 41, F1 0.990); its rows below are development
# numbers since eighteen of its failures were fixed by general rules with them in view, and one was the harness's
# (see its README). Held-out set G was written after all of that, the same way, and measured once at commit 6ff9a9e
# (tests/heldout_g/MEASURED_ONCE.md): the current estimate. Its casualties and quotes rows are that blind run; its
# dates row is a development number since a regression it showed ("expects ... to be finished by June 30") was fixed.
REACHED = {
    "challenge": [("dates", 230, 230, 1.00, 1.00),
                  ("casualties", 96, 96, 1.00, 1.00),
                  ("quotes", 95, 95, 1.00, 1.00)],
    "challenge_b": [("dates", 104, 103, 1.00, 0.996),
                    ("casualties", 56, 56, 1.00, 1.00),
                    ("quotes", 62, 62, 1.00, 1.00)],
    "heldout": [("dates", 120, 114, 0.991, 0.983),
                ("casualties", 55, 52, 0.981, 0.987),
                ("quotes", 53, 53, 1.00, 1.00)],
    "heldout_d": [("dates", 67, 64, 0.992, 0.992),
                  ("casualties", 39, 35, 0.969, 0.978),
                  ("quotes", 40, 39, 1.00, 0.980)],
    "heldout_e": [("dates", 60, 57, 0.996, 0.987),
                  ("casualties", 40, 39, 0.990, 1.00),
                  ("quotes", 39, 35, 0.990, 0.944)],
    "heldout_f": [("dates", 60, 56, 0.996, 0.979),
                  ("casualties", 45, 45, 1.00, 1.00),
                  ("quotes", 41, 40, 1.00, 0.979)],
    "heldout_g": [("dates", 61, 57, 0.992, 0.984),
                  ("casualties", 44, 39, 0.980, 0.900),
                  ("quotes", 40, 34, 0.977, 0.906)],
}


@pytest.mark.parametrize("table", ["dates", "casualties", "quotes"])
def test_reached_rates(run, table):
    folder, (results, scores) = run
    _, cases, passed, f1, value = next(row for row in REACHED[folder.name] if row[0] == table)
    mine = results[results["table"] == table]
    s = scores.set_index("table").loc[table]
    assert len(mine) == cases
    assert mine["passed"].sum() >= passed
    assert s["f1"] >= f1 and s["value_accuracy"] >= value


@pytest.mark.parametrize("name", SETS)
def test_every_case_is_well_formed(name):
    for table in evaluate.TABLES:
        cases = evaluate.read_cases(TESTS_DIR / name / f"{table}.csv", table)
        column = "text_start" if table == "quotes" else "surface"
        assert all(item in text for text, item in zip(cases["text"], cases[column])), table
        assert cases.groupby("case")[["text", "published", "phenomenon"]].nunique().max().max() == 1, table
        assert pd.to_datetime(cases["published"], format="%Y-%m-%d").notna().all()


def test_an_item_written_twice_in_a_case_is_each_occurrence_in_turn(tmp_path):
    text = "Posted 2014-05-21 | Updated 2014-05-21\nThe envoy spoke on Wednesday."
    cases = pd.DataFrame({"case": ["x1"] * 3, "phenomenon": ["stamps"] * 3, "published": ["2014-05-21"] * 3,
                          "text": [text] * 3, "surface": ["2014-05-21", "2014-05-21", "Wednesday"],
                          "value": ["2014-05-21", "2014-05-21", "2014-05-21"]}, dtype="string")
    gold = evaluate.write_cases(cases, "dates", tmp_path)
    head = len(evaluate.CASE_HEADLINE.format(case="x1")) + 2
    assert (gold["start"] - head).tolist() == [7, 28, text.index("Wednesday")]


# The scope of casualty figures (tests/heldout_scope): written blind and measured once (46 of 76 found
# figures agreed, MEASURED_ONCE.md), then the scope rules were revised with those cases in view, so these
# are development numbers; they guard against a change making it worse.
SCOPE_REACHED = {"war": 21, "period": 15, "event": 22, "unclear": 7, "all": 65}


def test_scope_reached(tmp_path):
    cases = pd.read_csv(TESTS_DIR / "heldout_scope" / "cases.csv", dtype="string", keep_default_na=False)
    scores = evaluate.scope_scores(evaluate.scope_agreement(cases, tmp_path / "cases")).set_index("scope")
    assert scores.loc["all", "n_gold"] == 80 and scores.loc["all", "found"] == 76
    for scope, agree in SCOPE_REACHED.items():
        assert scores.loc[scope, "agrees"] >= agree, scope


def test_scope_cases_are_well_formed():
    cases = pd.read_csv(TESTS_DIR / "heldout_scope" / "cases.csv", dtype="string", keep_default_na=False)
    assert set(cases["scope"]) <= set(evaluate.SCOPES)
    assert all(text.count(surface) == 1 for text, surface in zip(cases["text"], cases["surface"]))
