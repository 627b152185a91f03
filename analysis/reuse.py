"""Shared wire copy: passages two articles share word for word, and how much they overlap.

Rules this module implements, and their known limits:

Tokens and shingles
    An article's body paragraphs are read in order as one stream of words (the corpus
    tokenizer), each normalised (lower case, curly apostrophes made straight) and keeping
    its offsets into ``text``. A shingle is ``k`` consecutive normalised words (default 8),
    hashed to 64 bits with BLAKE2b (stable across runs, unlike Python's ``hash``).
    Punctuation is ignored, so "later," and "later" match; a shingle may cross a paragraph
    break.

No all-pairs comparison
    An inverted index maps each shingle hash to the articles holding it; only pairs of
    articles that share at least one shingle are ever compared, and a shingle held by
    more than ``max_df`` articles (boilerplate, a stock phrase) is skipped rather than
    generating every pair of its holders. The cost grows with the number of shared
    shingles, not with the square of the corpus.

Passages
    Consecutive shared shingles at matching positions (i, j), (i+1, j+1) ... are merged
    into one maximal passage of ``run + k - 1`` words, reported with both articles'
    offsets. Limit: a passage with one word changed in the middle is reported as two
    passages (or none, if neither half has ``k`` words); reordered sentences are found
    sentence by sentence.

Overlap
    ``overlap(articles)`` gives, for each ordered pair sharing anything, the share of A's
    distinct body shingles that also occur in B (asymmetric: a short article can be
    entirely inside a long one).
"""
from __future__ import annotations

import bisect
import hashlib
from collections import defaultdict
from itertools import combinations

import pandas as pd

from .corpus import WORD_RE, paragraphs, sentences

DEFAULT_K = 8
DEFAULT_MAX_DF = 50
PASSAGE_COLUMNS = ["article_a", "sentence_id_a", "start_a", "end_a", "article_b", "sentence_id_b", "start_b",
                   "end_b", "n_words", "passage", "passage_b"]


def body_tokens(articles: pd.DataFrame) -> dict[str, list[tuple[str, int, int]]]:
    """article_id -> [(normalised word, start, end), ...] over body paragraphs, in order."""
    pars = paragraphs(articles)
    pars = pars[pars["kind"] == "body"]
    texts = dict(zip(articles["article_id"], articles["text"]))
    out: dict[str, list[tuple[str, int, int]]] = {a: [] for a in articles["article_id"]}
    for p in pars[["article_id", "start", "end"]].itertuples(index=False):
        text = texts[p.article_id]
        out[p.article_id].extend((m.group().lower().replace("’", "'"), m.start(), m.end())
                                 for m in WORD_RE.finditer(text, p.start, p.end))
    return out


def shingle_hashes(words: list[str], k: int = DEFAULT_K) -> list[int]:
    """The 64-bit hash of each run of ``k`` words, by start position."""
    return [int.from_bytes(hashlib.blake2b(" ".join(words[i:i + k]).encode("utf-8"), digest_size=8).digest(), "big")
            for i in range(len(words) - k + 1)]


def shingle_index(hashes: dict[str, list[int]]) -> dict[int, dict[str, list[int]]]:
    """Inverted index: shingle hash -> {article_id: [positions]}."""
    index: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for article_id, hs in hashes.items():
        for pos, h in enumerate(hs):
            index[h][article_id].append(pos)
    return index


def candidate_pairs(index: dict[int, dict[str, list[int]]], *, max_df: int = DEFAULT_MAX_DF):
    """{(article_a, article_b): [(pos_a, pos_b), ...]} for pairs sharing a shingle (a < b)."""
    pairs: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for postings in index.values():
        if len(postings) < 2 or len(postings) > max_df:
            continue
        for a, b in combinations(sorted(postings), 2):
            pairs[(a, b)].extend((i, j) for i in postings[a] for j in postings[b])
    return pairs


def _prepare(articles: pd.DataFrame, k: int):
    toks = body_tokens(articles)
    hashes = {a: shingle_hashes([w for w, _, _ in t], k) for a, t in toks.items()}
    return toks, hashes


def shared_passages(articles: pd.DataFrame, *, k: int = DEFAULT_K, max_df: int = DEFAULT_MAX_DF,
                    min_words: int | None = None) -> pd.DataFrame:
    """Maximal passages shared by two articles, longest first (see the module doc).

    Columns: article_a, sentence_id_a, start_a, end_a, article_b, sentence_id_b, start_b,
    end_b, n_words, passage (A's text), passage_b (B's text). ``sentence_id_*`` is the
    body sentence where the passage starts.
    """
    toks, hashes = _prepare(articles, k)
    texts = dict(zip(articles["article_id"], articles["text"]))
    sents = sentences(articles)
    sent_starts = {a: (list(g["start"]), list(g["sentence_id"])) for a, g in sents.groupby("article_id")}
    rows = []
    for (a, b), hits in sorted(candidate_pairs(shingle_index(hashes), max_df=max_df).items()):
        hit = set(hits)
        for i, j in sorted(hit):
            if (i - 1, j - 1) in hit:
                continue  # not the start of a run
            run = 1
            while (i + run, j + run) in hit:
                run += 1
            n_words = run + k - 1
            if min_words is not None and n_words < min_words:
                continue
            sa, ea = toks[a][i][1], toks[a][i + n_words - 1][2]
            sb, eb = toks[b][j][1], toks[b][j + n_words - 1][2]
            rows.append((a, _sentence_of(sent_starts, a, sa), sa, ea, b, _sentence_of(sent_starts, b, sb), sb, eb,
                         n_words, texts[a][sa:ea], texts[b][sb:eb]))
    df = pd.DataFrame(rows, columns=PASSAGE_COLUMNS)
    df = df.astype({"article_a": "string", "sentence_id_a": "Int64", "start_a": "int64", "end_a": "int64",
                    "article_b": "string", "sentence_id_b": "Int64", "start_b": "int64", "end_b": "int64",
                    "n_words": "int64", "passage": "string", "passage_b": "string"})
    return df.sort_values(["n_words", "article_a", "start_a"], ascending=[False, True, True],
                          kind="stable").reset_index(drop=True)


def _sentence_of(sent_starts, article_id: str, offset: int):
    starts, ids = sent_starts.get(article_id, ([], []))
    i = bisect.bisect_right(starts, offset) - 1
    return ids[i] if i >= 0 else None


def overlap(articles: pd.DataFrame, *, k: int = DEFAULT_K, max_df: int = DEFAULT_MAX_DF,
            complete: bool = False) -> pd.DataFrame:
    """Share of A's distinct body shingles also in B, for each ordered pair sharing any.

    ``complete=True`` returns every ordered pair of different articles (zeros included),
    for a small corpus's heatmap; leave it False on a large corpus.
    Columns: article_a, article_b, outlet_a, outlet_b, shingles_a, shared, share_a_in_b.
    """
    _, hashes = _prepare(articles, k)
    distinct = {a: set(h) for a, h in hashes.items()}
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for h, postings in shingle_index({a: sorted(s) for a, s in distinct.items()}).items():
        if 2 <= len(postings) <= max_df:
            for a, b in combinations(sorted(postings), 2):
                shared[(a, b)] += 1
    ids = list(articles["article_id"])
    pairs = [(a, b) for a in ids for b in ids if a != b] if complete else sorted(
        {p for a, b in shared for p in ((a, b), (b, a))})
    outlet_of = dict(zip(articles["article_id"], articles["outlet"].astype("string")))
    rows = []
    for a, b in pairs:
        n = shared.get((min(a, b), max(a, b)), 0)
        rows.append((a, b, outlet_of[a], outlet_of[b], len(distinct[a]), n,
                     n / len(distinct[a]) if distinct[a] else 0.0))
    df = pd.DataFrame(rows, columns=["article_a", "article_b", "outlet_a", "outlet_b", "shingles_a", "shared",
                                     "share_a_in_b"])
    return df.astype({"article_a": "string", "article_b": "string", "outlet_a": "string", "outlet_b": "string",
                      "shingles_a": "int64", "shared": "int64", "share_a_in_b": "float64"})
