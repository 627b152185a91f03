"""Shared passages and overlap: shingles, the inverted index, runs merged into passages."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis
from analysis import reuse
from analysis.corpus import count_words

# a different two-sentence opening per article, so the paragraph under test is body (not a
# standfirst) and the openings share nothing
INTROS = ["Rain fell on Tuesday. Markets were calm.", "Cold winds blew north. Schools closed early.",
          "A new bridge opened. Traffic eased at last.", "Farmers sold wheat. Prices rose sharply."]
WIRE = ("Kerry said that Washington and Moscow were committed to holding a peace conference on Syria "
        "but that it would likely take place after August.")


@pytest.fixture
def load(write_corpus):
    def run(*bodies: str) -> pd.DataFrame:
        files = {f"{i}.txt": f"Headline number {i}\n\n{INTROS[i]}\n\n" + b for i, b in enumerate(bodies)}
        meta = "file,outlet\n" + "".join(f"{i}.txt,Outlet {i}\n" for i in range(len(bodies)))
        return analysis.load_articles(write_corpus(files, metadata=meta))

    return run


def test_shared_passage_with_both_offsets(load):
    arts = load("Nothing alike here at all, said one man. " + WIRE,
                "Different opening words were used by this outlet today. " + WIRE.replace("’", "'"))
    p = reuse.shared_passages(arts)
    assert len(p) == 1
    row = p.iloc[0]
    texts = arts.set_index("article_id")["text"]
    assert texts[row.article_a][row.start_a:row.end_a] == row.passage
    assert texts[row.article_b][row.start_b:row.end_b] == row.passage_b
    # "The talks..." differ; the shared run starts at "Kerry" and ends at "August"
    assert row.passage == WIRE.rstrip(".") and row.n_words == len(WIRE.split())


def test_punctuation_and_case_do_not_break_a_passage(load):
    a = "Kerry said the conference should happen sooner rather than later, to find a peaceful solution."
    b = "Kerry said “the conference should happen sooner rather than later” to find a peaceful solution."
    p = reuse.shared_passages(load(a, b))
    assert list(p["n_words"]) == [15]


def test_short_common_phrase_is_not_a_passage(load):
    p = reuse.shared_passages(load("The conflict has claimed many lives in Syria.",
                                   "A conflict that has claimed many lives in Syria goes on."))
    assert p.empty  # "conflict has claimed many lives in Syria" is 7 words, below k = 8


def test_one_changed_word_splits_a_passage(load):
    base = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen."
    changed = base.replace("nine", "NINETY")
    p = reuse.shared_passages(load(base, changed), k=4)
    assert sorted(p["n_words"]) == [8, 8]


def test_only_pairs_sharing_a_fingerprint_are_candidates():
    fingerprints = {"a": [1, 2, 3], "b": [3, 4], "c": [5, 6], "d": [6, 7]}
    assert reuse.candidate_pairs(fingerprints) == {("a", "b"), ("c", "d")}  # never (a, c), (a, d), ...


def test_fingerprint_held_by_too_many_articles_makes_no_candidates():
    assert reuse.candidate_pairs({x: [9] for x in "abcd"}, max_df=3) == set()
    assert reuse.candidate_pairs({x: [9] for x in "abc"}, max_df=3) == {("a", "b"), ("a", "c"), ("b", "c")}


def test_shingle_hashes_are_stable():
    # CRC-32 of each word, combined by a polynomial modulo 2**64: the same words give the
    # same number in every run, unlike Python's salted hash()
    import zlib

    expected = (zlib.crc32(b"a") * 0x9E3779B97F4A7C15 + zlib.crc32(b"b")) % 2**64
    assert int(reuse.shingle_hashes(["a", "b", "c"], k=2)[0]) == expected
    assert len(reuse.shingle_hashes(["a", "b", "c"], k=2)) == 2 and len(reuse.shingle_hashes(["a"], k=2)) == 0


@pytest.mark.parametrize("n, window", [(1, 4), (3, 4), (4, 4), (20, 4), (20, 1), (50, 6)])
def test_winnowing_keeps_a_fingerprint_in_every_window(n, window):
    hashes = reuse.shingle_hashes([f"w{i % 7}" for i in range(n + 7)], k=8)
    kept = set(reuse.winnow(hashes, window).tolist())
    assert all(kept & set(range(i, i + window)) for i in range(max(len(hashes) - window + 1, 1)))


def test_a_passage_of_k_plus_window_words_is_always_found(load):
    # 11 shared words (k + window - 1 with the defaults), amid unrelated text
    shared = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo"
    arts = load("Nothing alike here, said one man, " + shared + " and then other words entirely.",
                "Quite different openings are used by this outlet, " + shared + " before a close of its own.")
    assert list(reuse.shared_passages(arts)["n_words"]) == [11]


def test_overlap_is_asymmetric_and_complete_on_request(load):
    arts = load(WIRE, "Other words first, then more words. " + WIRE + " And a long tail of other words follows here.",
                "Nothing in common with the others at all, none whatsoever, truly nothing.")
    o = reuse.overlap(arts).set_index(["article_a", "article_b"])
    ids = list(arts["article_id"])
    # A is its two-sentence opening plus WIRE: only the shingles inside WIRE are shared
    n_wire, n_a = count_words(WIRE), count_words(INTROS[0]) + count_words(WIRE)
    assert o.loc[(ids[0], ids[1]), "share_a_in_b"] == pytest.approx((n_wire - 7) / (n_a - 7))
    assert o.loc[(ids[1], ids[0]), "share_a_in_b"] < 1.0
    assert (ids[0], ids[2]) not in o.index
    full = reuse.overlap(arts, complete=True)
    assert len(full) == 6 and full["share_a_in_b"].between(0, 1).all()


def test_seeds_share_afp_copy_only_between_your_middle_east_and_al_jazeera(seeds):
    p = reuse.shared_passages(seeds)
    outlet = seeds.set_index("article_id")["outlet"].astype("string")
    pairs = {tuple(sorted((outlet[a], outlet[b]))) for a, b in zip(p["article_a"], p["article_b"])}
    assert pairs == {("Al Jazeera English", "Your Middle East")}
    assert p["n_words"].max() >= 18


def brute_force_runs(xs: list[int], ys: list[int]) -> list[tuple[int, int, int]]:
    """Every maximal diagonal run of equal values, by comparing every position with every other."""
    hits = {(i, j) for i, x in enumerate(xs) for j, y in enumerate(ys) if x == y}
    runs = []
    for i, j in sorted(hits):
        if (i - 1, j - 1) not in hits:
            run = 1
            while (i + run, j + run) in hits:
                run += 1
            runs.append((i, j, run))
    return runs


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.integers(0, 4), max_size=30), st.lists(st.integers(0, 4), max_size=30))
def test_runs_are_those_of_a_brute_force_comparison(xs, ys):
    # values from a tiny range, so shingles repeat inside an article as well as across
    where = [reuse.shingle_positions(np.array(v, dtype=np.uint64)) for v in (xs, ys)]
    assert reuse._runs(*where) == brute_force_runs(xs, ys)


def test_shingles_saved_joined_and_loaded_are_the_same(load, tmp_path):
    arts = load("One short body. " + WIRE, "", WIRE + " " + WIRE)
    records = [reuse.article_shingles(t) for t in arts["text"]]
    reuse.save_shingles(records[:2], tmp_path / "part0")
    reuse.save_shingles(records[2:], tmp_path / "part1")
    reuse.join_shingles([tmp_path / "part0", tmp_path / "part1"], tmp_path / "all")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("part")) == []
    for got, want in zip(reuse.load_shingles(tmp_path / "all", [2, 0, 1]), [records[2], records[0], records[1]]):
        for field in reuse.Shingles._fields:
            np.testing.assert_array_equal(getattr(got, field), getattr(want, field))
            assert getattr(got, field).dtype == getattr(want, field).dtype


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.lists(st.integers(0, 5), max_size=25), min_size=2, max_size=5), st.data())
def test_runs_of_a_block_are_those_of_each_pair(articles, data):
    # several articles compared at once, pairs in any order (an article in several, or
    # first and second), values from a tiny range so that shingles repeat everywhere
    n = len(articles)
    pairs = data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] != p[1]),
                               max_size=8))
    shingles = [reuse.Shingles(np.array(v, dtype=np.uint64), *(np.zeros(0, np.int64),) * 4) for v in articles]
    block = reuse.Block.of([str(i) for i in range(n)], [""] * n, shingles)
    pair, i, j, run = reuse.block_runs(block, np.array([a for a, _ in pairs], dtype=np.int64),
                                       np.array([b for _, b in pairs], dtype=np.int64))
    got = [[(x, y, r) for p_, x, y, r in zip(pair.tolist(), i.tolist(), j.tolist(), run.tolist()) if p_ == p]
           for p in range(len(pairs))]
    assert got == [brute_force_runs(articles[a], articles[b]) for a, b in pairs]


def test_block_passages_are_those_of_each_pair(load):
    arts = load("One short body. " + WIRE, WIRE + " Then more. " + WIRE, "Nothing shared here at all today.",
                "Partly: " + WIRE[:70] + " and no more of it.")
    texts = dict(zip(arts["article_id"], arts["text"]))
    ids = list(texts)
    pairs = [(a, b) for a in ids for b in ids if a != b]
    want = reuse.passage_table([row for a, b in pairs for row in reuse.pair_passages(
        a, texts[a], reuse.article_shingles(texts[a], 4), b, texts[b], reuse.article_shingles(texts[b], 4), {}, k=4)])
    got = reuse.compare_pairs(arts, pairs, k=4)
    assert len(got) > 4
    pd.testing.assert_frame_equal(got, want, check_exact=True)


def test_texts_saved_joined_and_loaded_are_the_same(load, tmp_path):
    arts = load("One short body. " + WIRE, "", "Ünïcödé — “quoted” " + WIRE)
    texts, records = arts["text"].tolist(), [reuse.article_shingles(t) for t in arts["text"]]
    for part, (lo, hi) in enumerate([(0, 2), (2, 3)]):
        reuse.save_shingles(records[lo:hi], tmp_path / f"s{part}")
        reuse.save_texts(texts[lo:hi], tmp_path / f"t{part}")
    reuse.join_shingles([tmp_path / "s0", tmp_path / "s1"], tmp_path / "shingles")
    reuse.join_texts([tmp_path / "t0", tmp_path / "t1"], tmp_path / "texts")
    block = reuse.load_block(tmp_path / "shingles", tmp_path / "texts", ["c", "a"], [2, 0])
    want = reuse.Block.of(["c", "a"], [texts[2], texts[0]], [records[2], records[0]])
    assert block.ids == want.ids and block.texts == want.texts
    for field in [*reuse.Shingles._fields]:
        np.testing.assert_array_equal(getattr(block, field), getattr(want, field))
        assert getattr(block, field).dtype == getattr(want, field).dtype
    for name, offsets in want.offsets.items():
        np.testing.assert_array_equal(block.offsets[name], offsets)


def brute_force_pairs(prints: dict[str, list[int]], max_df: int, max_partners: int | None) -> set[tuple[str, str]]:
    """candidate_pairs by counting, for every pair of articles, the fingerprints both hold."""
    holders = {h: {a for a, hs in prints.items() if h in hs} for hs in prints.values() for h in hs}
    useful = {h for h, who in holders.items() if len(who) <= max_df}
    shared = {(a, b): len(set(prints[a]) & set(prints[b]) & useful) for a in prints for b in prints if a != b}
    linked = {p for p, n in shared.items() if n}
    if max_partners is not None:
        top = {a: sorted((b for b in prints if (a, b) in linked), key=lambda b: (-shared[a, b], b))[:max_partners]
               for a in prints}
        linked = {(a, b) for a in top for b in top[a]}
    return {tuple(sorted(p)) for p in linked}


@settings(max_examples=100, deadline=None, derandomize=True)
@given(st.dictionaries(st.sampled_from("abcdefghij"), st.lists(st.integers(0, 12), max_size=8), max_size=10),
       st.integers(2, 5), st.sampled_from([None, 1, 2, 3]))
def test_candidate_pairs_are_those_of_a_brute_force_count(prints, max_df, max_partners):
    # a handful of (article, partner) coincidences per block, so that many blocks are counted
    ids, i, j = reuse.candidate_index({a: np.array(h, dtype=np.uint64) for a, h in prints.items()},
                                      max_df=max_df, max_partners=max_partners, pairs_at_once=3)
    assert {(ids[x], ids[y]) for x, y in zip(i.tolist(), j.tolist())} == brute_force_pairs(prints, max_df, max_partners)
