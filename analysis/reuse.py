"""Shared wire copy: passages two articles share word for word, and how much they overlap.

Rules this module implements, and their known limits:

Tokens and shingles
    An article's body paragraphs are read in order as one stream of words (the corpus
    tokenizer), each normalised (lower case, curly apostrophes made straight) and keeping
    its offsets into ``text``. A shingle is ``k`` consecutive normalised words (default 8).
    Its hash is stable across runs and machines (unlike Python's ``hash``): each word's
    CRC-32, combined along the shingle by a polynomial in 64-bit arithmetic. Punctuation
    is ignored, so "later," and "later" match; a shingle may cross a paragraph break.

No all-pairs comparison
    Each article keeps only a sample of its shingles, chosen by winnowing (Schleimer,
    Wilkerson and Aiken 2003): in every ``window`` consecutive shingles, the one with the
    smallest hash. Two articles that share a passage of at least ``k + window - 1`` words
    (11 by default) are certain to share one of these fingerprints; shorter passages are
    found often, not always. An inverted index (the fingerprints sorted by hash) lists
    the articles holding each fingerprint; only pairs of articles that share one are
    ever compared, and a fingerprint held by more than ``max_df`` articles (boilerplate,
    a stock phrase, copy syndicated everywhere) does not make candidates, so the work
    grows with the number of shared fingerprints, not with the square of the corpus.
    ``shared_passages`` then keeps, for each article, the ``max_partners`` (10) candidates
    sharing the most fingerprints with it, so its table grows linearly too.
    Limits: copy that more than ``max_df`` articles share is found only through the
    passages that fewer articles share; an article re-run by more than ``max_partners``
    others is reported with its ``max_partners`` closest copies only.

Passages
    A candidate pair is then compared on all its shingles: consecutive shared shingles at
    matching positions (i, j), (i+1, j+1) ... merge into one maximal passage of
    ``run + k - 1`` words, reported with both articles' offsets. Limit: a passage with one
    word changed in the middle is reported as two passages (or none, if neither half has
    ``k`` words); reordered sentences are found sentence by sentence.

Overlap
    ``overlap(articles)`` gives, for each ordered candidate pair, the share of A's
    distinct body shingles that also occur in B (asymmetric: a short article can be
    entirely inside a long one).
"""
from __future__ import annotations

import bisect
import zlib
from collections import defaultdict
from functools import lru_cache

import numpy as np
import pandas as pd

from .corpus import WORD_RE, classify_paragraphs, split_sentences

DEFAULT_K = 8
DEFAULT_WINDOW = 4
DEFAULT_MAX_DF = 50
DEFAULT_MAX_PARTNERS = 10
# an odd 64-bit multiplier for the polynomial shingle hash (arithmetic wraps modulo 2**64)
MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
PASSAGE_COLUMNS = ["article_a", "sentence_id_a", "start_a", "end_a", "article_b", "sentence_id_b", "start_b",
                   "end_b", "n_words", "passage", "passage_b"]


def article_tokens(text: str) -> list[tuple[str, int, int]]:
    """(normalised word, start, end) over the body paragraphs of one article, in order."""
    return [(m.group().lower().replace("’", "'"), m.start(), m.end())
            for s, e, kind in classify_paragraphs(text) if kind == "body"
            for m in WORD_RE.finditer(text, s, e)]


def body_tokens(articles: pd.DataFrame) -> dict[str, list[tuple[str, int, int]]]:
    """article_id -> [(normalised word, start, end), ...] over body paragraphs, in order."""
    return {a: article_tokens(t) for a, t in zip(articles["article_id"], articles["text"])}


@lru_cache(maxsize=200_000)
def word_hash(word: str) -> int:
    """CRC-32 of a normalised word (stable in every run)."""
    return zlib.crc32(word.encode("utf-8"))


def shingle_hashes(words: list[str], k: int = DEFAULT_K) -> np.ndarray:
    """The 64-bit hash of each run of ``k`` words, by start position."""
    n = len(words) - k + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    w = np.fromiter((word_hash(x) for x in words), dtype=np.uint64, count=len(words))
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * MULTIPLIER + w[j:j + n]
    return h


def winnow(hashes: np.ndarray, window: int = DEFAULT_WINDOW) -> np.ndarray:
    """Positions of the fingerprints: the smallest hash of every ``window`` consecutive ones."""
    if len(hashes) <= window:
        return np.arange(len(hashes)) if window == 1 or len(hashes) == 0 else np.array([int(np.argmin(hashes))])
    views = np.lib.stride_tricks.sliding_window_view(hashes, window)
    return np.unique(np.argmin(views, axis=1) + np.arange(len(views)))


def candidate_pairs(fingerprints: dict[str, np.ndarray], *, max_df: int = DEFAULT_MAX_DF,
                    max_partners: int | None = None) -> set[tuple[str, str]]:
    """Pairs of articles (a < b) sharing a fingerprint held by at most ``max_df`` articles.

    With ``max_partners``, a pair is kept only if it is among the ``max_partners`` pairs of
    one of its two articles that share the most fingerprints (ties: the earlier article).
    """
    ids, a, b = candidate_index(fingerprints, max_df=max_df, max_partners=max_partners)
    return {(ids[i], ids[j]) for i, j in zip(a.tolist(), b.tolist())}


def candidate_index(fingerprints: dict[str, np.ndarray], *, max_df: int = DEFAULT_MAX_DF,
                    max_partners: int | None = None) -> tuple[list[str], np.ndarray, np.ndarray]:
    """:func:`candidate_pairs` as arrays, for large corpora: (sorted article ids, i, j) with
    ``ids[i] < ids[j]`` for each pair, pairs in (i, j) order."""
    ids = sorted(fingerprints)
    if not ids:
        return ids, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    hashes = np.concatenate([np.asarray(fingerprints[a], dtype=np.uint64) for a in ids])
    docs = np.repeat(np.arange(len(ids), dtype=np.int64), [len(fingerprints[a]) for a in ids])
    order = np.lexsort((docs, hashes))
    hashes, docs = hashes[order], docs[order]
    keep = np.ones(len(hashes), dtype=bool)
    keep[1:] = (hashes[1:] != hashes[:-1]) | (docs[1:] != docs[:-1])  # one entry per (hash, article)
    hashes, docs = hashes[keep], docs[keep]
    starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])
    sizes = np.diff(np.r_[starts, len(hashes)])
    n = len(ids)
    pairs, shared = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    # every pair of holders of each fingerprint, all groups of one size at a time, counted
    # as they come so that memory follows the distinct pairs, not every shared fingerprint
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= max_df)]).tolist():
        holders = docs[starts[sizes == size][:, None] + np.arange(size)]
        first, second = np.triu_indices(size, 1)
        keys, counts = np.unique((holders[:, first] * n + holders[:, second]).ravel(), return_counts=True)
        pairs, shared = _add_counts(pairs, shared, keys, counts)
    a, b = pairs // n, pairs % n
    if max_partners is not None and len(pairs):
        mine, other = np.r_[a, b], np.r_[b, a]
        count, index = np.r_[shared, shared], np.r_[np.arange(len(pairs)), np.arange(len(pairs))]
        order = np.lexsort((other, -count, mine))
        first_of = np.flatnonzero(np.r_[True, mine[order][1:] != mine[order][:-1]])
        rank = np.arange(len(order)) - np.repeat(first_of, np.diff(np.r_[first_of, len(order)]))
        chosen = np.unique(index[order][rank < max_partners])
        a, b = a[chosen], b[chosen]
    return ids, a, b


def _add_counts(keys: np.ndarray, counts: np.ndarray, more: np.ndarray, more_counts: np.ndarray):
    """Merge two sorted (key, count) lists, adding the counts of equal keys."""
    merged = np.concatenate([keys, more])
    order = np.argsort(merged, kind="stable")
    merged, total = merged[order], np.concatenate([counts, more_counts])[order]
    starts = np.flatnonzero(np.r_[True, merged[1:] != merged[:-1]])
    return merged[starts], np.add.reduceat(total, starts) if len(total) else total


@lru_cache(maxsize=8192)
def article_shingles(text: str, k: int = DEFAULT_K) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(shingle hashes, word starts, word ends) of one article's body; kept compact, and
    memoised because a pair's articles are read again when the pair is compared."""
    toks = article_tokens(text)
    starts = np.fromiter((s for _, s, _ in toks), dtype=np.int64, count=len(toks))
    ends = np.fromiter((e for _, _, e in toks), dtype=np.int64, count=len(toks))
    return shingle_hashes([w for w, _, _ in toks], k), starts, ends


def fingerprints(articles: pd.DataFrame, *, k: int = DEFAULT_K, window: int = DEFAULT_WINDOW) -> dict[str, np.ndarray]:
    """article_id -> the hashes of its winnowed fingerprints (see the module doc)."""
    out = {}
    for a, text in zip(articles["article_id"], articles["text"]):
        h = article_shingles(text, k)[0]
        out[a] = h[winnow(h, window)]
    return out


def shingle_positions(hashes: np.ndarray) -> dict[int, list[int]]:
    """hash -> the positions of the shingles with that hash, in order."""
    where: dict[int, list[int]] = defaultdict(list)
    for i, h in enumerate(hashes.tolist()):
        where[h].append(i)
    return where


def _runs(where_a: dict[int, list[int]], where_b: dict[int, list[int]]) -> list[tuple[int, int, int]]:
    """(i, j, run) for each maximal diagonal run of equal shingles of two articles, given
    each article's :func:`shingle_positions`."""
    common = where_a.keys() & where_b.keys()
    if not common:
        return []
    hits = sorted((i, j) for h in common for i in where_a[h] for j in where_b[h])
    hit_set = set(hits)
    runs = []
    for i, j in hits:
        if (i - 1, j - 1) in hit_set:
            continue  # not the start of a run
        run = 1
        while (i + run, j + run) in hit_set:
            run += 1
        runs.append((i, j, run))
    return runs


def shared_passages(articles: pd.DataFrame, *, k: int = DEFAULT_K, window: int = DEFAULT_WINDOW,
                    max_df: int = DEFAULT_MAX_DF, max_partners: int | None = DEFAULT_MAX_PARTNERS,
                    min_words: int | None = None) -> pd.DataFrame:
    """Maximal passages shared by two articles (see the module doc), pair by pair (article_a,
    then article_b), each pair's passages in A's text order; sort by ``n_words`` for the
    longest. (An order that needs no corpus-wide sort, so a large corpus's table can be
    written as it is made.)

    Columns: article_a, sentence_id_a, start_a, end_a, article_b, sentence_id_b, start_b,
    end_b, n_words, passage (A's text), passage_b (B's text). ``sentence_id_*`` is the
    body sentence where the passage starts.
    """
    pairs = sorted(candidate_pairs(fingerprints(articles, k=k, window=window), max_df=max_df,
                                   max_partners=max_partners))
    return compare_pairs(articles, pairs, k=k, min_words=min_words)


def compare_pairs(articles: pd.DataFrame, pairs: list[tuple[str, str]], *, k: int = DEFAULT_K,
                  min_words: int | None = None) -> pd.DataFrame:
    """The shared passages of each pair of articles, pair by pair in the order given, each
    pair's in A's text order.

    ``articles`` needs article_id and text of every article the pairs name, so a large
    corpus's pairs can be compared in parts and the parts stacked.
    """
    texts = dict(zip(articles["article_id"], articles["text"]))
    involved = articles[articles["article_id"].isin({x for p in pairs for x in p})]
    sent_starts = {a: body_sentence_starts(texts[a]) for a in involved["article_id"]}
    # each article's shingles and their positions, read once for all its pairs in this call
    shingles = {a: article_shingles(texts[a], k) for a in involved["article_id"]}
    where = {a: shingle_positions(h) for a, (h, _, _) in shingles.items()}
    rows = []
    for a, b in pairs:
        _, starts_a, ends_a = shingles[a]
        _, starts_b, ends_b = shingles[b]
        for i, j, run in _runs(where[a], where[b]):
            n_words = run + k - 1
            if min_words is not None and n_words < min_words:
                continue
            sa, ea = int(starts_a[i]), int(ends_a[i + n_words - 1])
            sb, eb = int(starts_b[j]), int(ends_b[j + n_words - 1])
            rows.append((a, _sentence_of(sent_starts, a, sa), sa, ea, b, _sentence_of(sent_starts, b, sb), sb, eb,
                         n_words, texts[a][sa:ea], texts[b][sb:eb]))
    df = pd.DataFrame(rows, columns=PASSAGE_COLUMNS)
    return df.astype({"article_a": "string", "sentence_id_a": "int64", "start_a": "int64", "end_a": "int64",
                      "article_b": "string", "sentence_id_b": "int64", "start_b": "int64", "end_b": "int64",
                      "n_words": "int64", "passage": "string", "passage_b": "string"})


def body_sentence_starts(text: str) -> tuple[list[int], list[int]]:
    """(start offsets, sentence_ids) of an article's body sentences, numbered as
    :func:`analysis.corpus.sentences` numbers them (every sentence counts)."""
    starts, ids, sid = [], [], 0
    for ps, pe, kind in classify_paragraphs(text):
        for s, _ in split_sentences(text[ps:pe]):
            if kind == "body":
                starts.append(ps + s)
                ids.append(sid)
            sid += 1
    return starts, ids


def _sentence_of(sent_starts, article_id: str, offset: int) -> int:
    starts, ids = sent_starts[article_id]
    return ids[bisect.bisect_right(starts, offset) - 1]


def overlap(articles: pd.DataFrame, *, k: int = DEFAULT_K, window: int = DEFAULT_WINDOW,
            max_df: int = DEFAULT_MAX_DF, complete: bool = False) -> pd.DataFrame:
    """Share of A's distinct body shingles also in B, for each ordered candidate pair.

    ``complete=True`` returns every ordered pair of different articles (zeros included),
    for a small corpus's heatmap; leave it False on a large corpus.
    Columns: article_a, article_b, outlet_a, outlet_b, shingles_a, shared, share_a_in_b.
    """
    texts = dict(zip(articles["article_id"], articles["text"]))
    ids = list(articles["article_id"])
    if complete:
        pairs = [(a, b) for a in ids for b in ids if a != b]
    else:
        pairs = sorted({p for a, b in candidate_pairs(fingerprints(articles, k=k, window=window), max_df=max_df)
                        for p in ((a, b), (b, a))})
    distinct = {a: set(article_shingles(texts[a], k)[0].tolist()) for a in {x for p in pairs for x in p}}
    outlet_of = dict(zip(articles["article_id"], articles["outlet"].astype("string")))
    rows = []
    for a, b in pairs:
        n = len(distinct[a] & distinct[b])
        rows.append((a, b, outlet_of[a], outlet_of[b], len(distinct[a]), n,
                     n / len(distinct[a]) if distinct[a] else 0.0))
    df = pd.DataFrame(rows, columns=["article_a", "article_b", "outlet_a", "outlet_b", "shingles_a", "shared",
                                     "share_a_in_b"])
    return df.astype({"article_a": "string", "article_b": "string", "outlet_a": "string", "outlet_b": "string",
                      "shingles_a": "int64", "shared": "int64", "share_a_in_b": "float64"})
