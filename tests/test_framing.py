"""Labels, stance markers and distinctive vocabulary: each rule on short literal texts."""
import math

import pandas as pd
import pytest

import analysis
from analysis import framing

HEAD = "A headline about talks\n\nThe talks in Brunei lasted many hours. More talks are planned for the autumn.\n\n"


@pytest.fixture
def load(write_corpus):
    def run(*bodies: str) -> pd.DataFrame:
        files = {f"{i}.txt": HEAD + b for i, b in enumerate(bodies)}
        meta = "file,outlet\n" + "".join(f"{i}.txt,Outlet {i}\n" for i in range(len(bodies)))
        return analysis.load_articles(write_corpus(files, metadata=meta))

    return run


@pytest.mark.parametrize("body, expected", [
    ("The regime shelled the town again.", [("regime", "Syrian government", "regime")]),
    # longest match: one use, not "militancy" too
    ("Syria has been gripped by foreign-backed militancy for years.",
     [("foreign-backed militancy", "armed opposition", "foreign-backed militancy")]),
    ("The Assad regime denied it again.", [("Assad regime", "Syrian government", "regime")]),
    # spaces and hyphens are interchangeable
    ("Fighting between the regime of Bashar Al Assad and rebels goes on.",
     [("Fighting", "war", "fighting"), ("regime of Bashar Al Assad", "Syrian government", "regime"),
      ("rebels", "armed opposition", "rebels")]),
    # a blocker row swallows "transitional government"
    ("They called for a transitional government in Syria.", []),
    # case-sensitive rows: the pronoun "us" is not the country
    ("He told us the talks went well in the end.", []),
    ("The US and Russia agreed on a plan.", [("US", "outside powers: US", "country name"),
                                            ("Russia", "outside powers: Russia", "country name")]),
    # whole words only
    ("The conflicted officials left early.", []),
    # a place is not a name chosen for a government, nor is a list of places
    ("The envoys stayed in Washington and Moscow for a week.", []),
    ("Ships waited at Tehran's request.", [("Tehran", "outside powers: Iran", "capital")]),  # possessive: the actor
    ("He slept in a Moscow hotel after the talks.", []),
    ("The delegates flew to Moscow on Friday.", []),
    # an appeal to a capital addresses its government
    ("They sent an appeal to Moscow on Friday.", [("Moscow", "outside powers: Russia", "capital")]),
    # part of a title or a nationality, not the state named
    ("US President Barack Obama spoke first.", []),
    ("A US citizen was detained at the border.", []),
    ("Moscow and Washington disagree on the next step.",
     [("Moscow", "outside powers: Russia", "capital"), ("Washington", "outside powers: US", "capital")]),
    # one group by any of its names
    ("ISIS fighters and Daesh are one group by two names.",
     [("ISIS", "Islamic State group", "ISIS"), ("Daesh", "Islamic State group", "Daesh")]),
])
def test_label_rules(load, body, expected):
    uses = framing.label_uses(load(body))
    assert [(r.surface, r.actor, r.label) for r in uses.itertuples()] == expected


def test_labels_only_in_body(write_corpus):
    folder = write_corpus({"a.txt": "Regime falls in civil war\n\nThe talks lasted hours. More are planned.\n\n"},
                          metadata="file,outlet\na.txt,X\n")
    assert framing.label_uses(analysis.load_articles(folder)).empty


def test_label_rates_per_thousand_words(load):
    arts = load("The regime attacked the rebels. The regime denied it.", "The rebels attacked the town.")
    rates = framing.label_rates(arts).set_index(["outlet", "label"])
    n_words = arts.set_index("outlet")["n_words"]
    assert rates.loc[("Outlet 0", "regime"), "n"] == 2
    assert rates.loc[("Outlet 0", "regime"), "per_1000_words"] == pytest.approx(2000 / n_words["Outlet 0"])
    # the grid is complete: an outlet that never says "regime" has a zero row
    assert rates.loc[("Outlet 1", "regime"), "n"] == 0


def test_quoted_labels_are_the_speakers_and_left_out_of_the_rates(load):
    arts = load('"The regime must go," the minister said. Government forces held the town.')
    uses = framing.label_uses(arts)
    assert list(zip(uses["surface"], uses["in_quote"])) == [("regime", True), ("Government forces", False)]
    own = framing.label_rates(arts).set_index("label")["n"]
    assert own["regime"] == 0 and own["government"] == 1
    assert framing.label_rates(arts, include_quoted=True).set_index("label").loc["regime", "n"] == 1


def test_label_offsets_are_evidence(seeds):
    uses = framing.label_uses(seeds)
    texts = seeds.set_index("article_id")["text"]
    assert len(uses) > 0
    assert all(texts[u.article_id][u.start:u.end] == u.surface and u.surface in u.sentence for u in uses.itertuples())


@pytest.mark.parametrize("body, expected", [
    ("The meeting might not happen soon.", [("might", "hedge")]),
    ("In May the talks resumed in earnest.", []),  # the month is not the modal "may"
    ("It may be later than that.", [("may", "hedge")]),
    ("The conference has been delayed repeatedly by both sides.", [("delayed repeatedly", "setback")]),
    ("They want it held as soon as possible, officials insist.", []),  # blocker row
    # markers of one category side by side are one marker
    ("A deal could possibly come next week.", [("could possibly", "hedge")]),
])
def test_stance_rules(load, body, expected):
    m = framing.stance_markers(load(body))
    assert [(r.surface, r.category) for r in m.itertuples()] == expected


@pytest.mark.parametrize("body, negated", [
    ("She said she would not express optimism yet.", True),
    ("He wouldn't express optimism about the plan.", True),
    ("He wouldn’t express optimism about the plan.", True),
    ("There is never much hope in these rooms.", True),
    # the negation belongs to another clause, or stands too far back
    ("It did not rain, and there was optimism in the room.", False),
    ("Nobody doubted it: not once in all those long weeks was there optimism.", False),
    ("There was optimism in the room.", False),
])
def test_a_denied_marker_is_negated_and_not_counted(load, body, negated):
    arts = load(body)
    m = framing.stance_markers(arts)
    mark = m[m["category"] == "optimism"]
    assert mark["negated"].tolist() == [negated]
    counted = framing.stance_rates(arts).query("category == 'optimism'")["n"].sum()
    assert counted == (0 if negated else 1)


def test_stance_marker_inside_quotation(load):
    m = framing.stance_markers(load('"We hope for progress," Kerry said, though the talks might fail.'))
    assert list(zip(m["surface"], m["in_quote"])) == [("hope", True), ("progress", True), ("might", False)]


# ---------------------------------------------------------------- log-odds

def test_log_odds_matches_a_hand_calculation():
    # Two groups, two words. counts_i = {a: 3, b: 1} (n_i = 4), counts_j = {a: 1, b: 3} (n_j = 4).
    # Prior a_w = alpha0 * corpus share with alpha0 = 2: a and b each occur 4 of 8 times,
    # so a_a = a_b = 1 and a0 = 2.
    # word a:  delta = log((3+1)/(4+2-3-1)) - log((1+1)/(4+2-1-1))
    #                = log(4/2) - log(2/4) = log 2 + log 2 = 2 log 2 = 1.386294
    #          var   = 1/(3+1) + 1/(1+1) = 0.25 + 0.5 = 0.75
    #          z     = 1.386294 / sqrt(0.75) = 1.386294 / 0.866025 = 1.600754
    # word b:  the mirror image, delta = -1.386294, z = -1.600754
    out = framing.log_odds({"a": 3, "b": 1}, {"a": 1, "b": 3}, {"a": 1.0, "b": 1.0}).set_index("word")
    assert out.loc["a", "delta"] == pytest.approx(2 * math.log(2))
    assert out.loc["a", "var"] == pytest.approx(0.75)
    assert out.loc["a", "z"] == pytest.approx(1.600754, abs=1e-6)
    assert out.loc["b", "z"] == pytest.approx(-1.600754, abs=1e-6)
    assert list(out.index) == ["a", "b"]  # sorted by z, descending


def test_log_odds_word_absent_from_one_group():
    # counts_i = {a: 2}, counts_j = {b: 2}; prior a_a = a_b = 0.5 (alpha0 = 1), n_i = n_j = 2, a0 = 1
    # word a: delta = log(2.5 / (2 + 1 - 2 - 0.5)) - log(0.5 / (2 + 1 - 0 - 0.5)) = log(5) - log(0.2) = 2 log 5
    out = framing.log_odds({"a": 2}, {"b": 2}, {"a": 0.5, "b": 0.5}).set_index("word")
    assert out.loc["a", "delta"] == pytest.approx(2 * math.log(5))
    assert out.loc["a", "var"] == pytest.approx(1 / 2.5 + 1 / 0.5)


def test_tokens_keep_acronyms_and_drop_stopwords(load):
    toks = framing.tokens(load("The US told us that the UN would act."))
    kept = list(toks.loc[~toks["stop"], "token"])
    assert "US" in kept and "UN" in kept and "us" not in kept and "the" not in kept


def test_distinctive_words_rank_each_outlets_own_words(load):
    arts = load("Chemical weapons inspectors arrived. Chemical weapons must go. Talks went on.",
                "Snowden sought asylum. Snowden stayed in Moscow. Talks went on.")
    d = framing.distinctive_words(arts, top=2)
    top = d.groupby("outlet")["word"].first().to_dict()
    # an actor's name keeps its capital, so "Snowden" the person is not a common noun
    assert top == {"Outlet 0": "chemical", "Outlet 1": "Snowden"}
    texts = arts.set_index("article_id")["text"]
    assert all(texts[r.article_id][r.start:r.end] == r.surface for r in d.itertuples())
    assert all(r.surface.lower() == r.word.lower() for r in d.itertuples())


def test_a_distinctive_word_shows_the_form_written(load):
    arts = load("Russia’s plan stood. Russia’s envoy spoke. Russia’s aims held.", "Talks went on. Talks ended.")
    row = framing.distinctive_words(arts, top=1).set_index("outlet").loc["Outlet 0"]
    assert (row["word"], row["surface"]) == ("Russia", "Russia’s")


def test_actor_names_are_not_lowered_into_common_words():
    assert framing.normalise_token("Ban") == "Ban" and framing.normalise_token("ban") == "ban"


def test_empty_corpus_slices(seeds):
    none = seeds.head(0)
    assert framing.label_uses(none).empty and framing.stance_markers(none).empty
    assert list(framing.label_uses(none).columns) == framing.LABEL_COLUMNS
