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
    ``k`` words); reordered sentences are found sentence by sentence. The table lists the
    passages pair by pair (article_a, article_b), each pair's in A's text order: an
    order that needs no sort over the whole corpus, so a large corpus's table is written
    as it is made. Sort by ``n_words`` for the longest.

In parts, for a large corpus
    Everything a comparison needs of an article (its :class:`Shingles`: hashes, word
    offsets, body sentence starts) is made once, by :func:`article_shingles`. The
    ``tables`` command (``analysis.cli``) makes them with the other per-article tables,
    saves them with the texts (:func:`save_shingles`, :func:`save_texts`), keeps only the
    fingerprints in memory, finds the candidate pairs (:func:`candidate_index`) and
    compares them in parts, each part reading the shingles and texts it needs as slices of
    memory-mapped files (:func:`load_block`), so no file of the corpus is read again per
    part; its table is the one :func:`shared_passages` gives, row for row.

All the pairs of a part at once
    Comparing pair by pair costs a dictionary of positions per article and Python sets
    per pair. :func:`block_passages` compares a part's pairs together with arrays
    (:func:`block_runs`): the same runs, the same rows, in the same order.

Overlap
    ``overlap(articles)`` gives, for each ordered candidate pair, the share of A's
    distinct body shingles that also occur in B (asymmetric: a short article can be
    entirely inside a long one).
"""
from __future__ import annotations

import re
import zlib
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from . import knowledge
from .corpus import classify_paragraphs, require, sentence_spans
from .text import WORD_RE

DEFAULT_K = 8
DEFAULT_WINDOW = 4
DEFAULT_MAX_DF = 50
DEFAULT_MAX_PARTNERS = 10
# (article, partner) coincidences counted at a time when finding candidate pairs
DEFAULT_PAIRS_AT_ONCE = 2_000_000
# an odd 64-bit multiplier for the polynomial shingle hash (arithmetic wraps modulo 2**64)
MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
PASSAGE_COLUMNS = ["article_a", "sentence_id_a", "start_a", "end_a", "article_b", "sentence_id_b", "start_b",
                   "end_b", "n_words", "passage", "passage_b"]


# the corpus's word pattern as a group, so that re.split returns the words and what lies
# between them, whose lengths give every word's offsets without a Python step per word
WORD_SPLIT = re.compile(f"({WORD_RE.pattern})")


def body_words(text: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(normalised words, starts, ends) over the body paragraphs of one article, in order.

    Normalised: lower case, curly apostrophes made straight.
    """
    words, starts, ends = [], [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    for s, e, kind in classify_paragraphs(text):
        if kind == "body":
            parts = WORD_SPLIT.split(text[s:e])  # between, word, between, ..., between
            edges = s + np.cumsum(np.fromiter(map(len, parts), dtype=np.int64, count=len(parts)))
            starts.append(edges[:-1:2])
            ends.append(edges[1::2])
            words += parts[1::2]
    # lower-cased together: a word's case depends only on itself ("\0" is no word character)
    words = "\0".join(words).lower().replace("’", "'").split("\0") if words else []
    return words, np.concatenate(starts), np.concatenate(ends)


@lru_cache(maxsize=200_000)  # a pure function of the word: no knowledge behind it
def word_hash(word: str) -> int:
    """CRC-32 of a normalised word (stable in every run)."""
    return zlib.crc32(word.encode("utf-8"))


def shingle_hashes(words: list[str], k: int = DEFAULT_K) -> np.ndarray:
    """The 64-bit hash of each run of ``k`` words, by start position."""
    n = len(words) - k + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    w = np.fromiter(map(word_hash, words), dtype=np.uint64, count=len(words))
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
                    max_partners: int | None = None,
                    pairs_at_once: int = DEFAULT_PAIRS_AT_ONCE) -> tuple[list[str], np.ndarray, np.ndarray]:
    """:func:`candidate_pairs` as arrays, for large corpora: (sorted article ids, i, j) with
    ``ids[i] < ids[j]`` for each pair, pairs in (i, j) order.

    Each article's partners are counted a block of articles at a time, so memory follows
    ``pairs_at_once``, not the number of (fingerprint, pair) coincidences, which grows
    faster than the corpus.
    """
    ids = sorted(fingerprints)
    n = len(ids)
    hashes, docs = _postings(fingerprints, ids)
    holder, first, count = _holders(hashes, docs, max_df)
    kept = [np.zeros(0, dtype=np.int64)]
    work = np.cumsum(count)
    lo = 0
    while lo < len(holder):
        # a block of whole articles whose partners number about pairs_at_once
        hi = int(np.searchsorted(work, (work[lo - 1] if lo else 0) + pairs_at_once, side="right"))
        hi = int(np.searchsorted(holder, holder[max(hi, lo + 1) - 1], side="right"))
        kept.append(_block_pairs(holder[lo:hi], first[lo:hi], count[lo:hi], docs, n, max_partners))
        lo = hi
    pairs = np.unique(np.concatenate(kept))
    return ids, pairs // max(n, 1), pairs % max(n, 1)


def _postings(fingerprints: dict[str, np.ndarray], ids: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The inverted index: every (fingerprint, article number) once, sorted by fingerprint."""
    hashes = np.concatenate([np.asarray(fingerprints[a], dtype=np.uint64) for a in ids] or [np.zeros(0, np.uint64)])
    docs = np.repeat(np.arange(len(ids), dtype=np.int64), [len(fingerprints[a]) for a in ids])
    order = np.lexsort((docs, hashes))
    hashes, docs = hashes[order], docs[order]
    keep = np.ones(len(hashes), dtype=bool)
    keep[1:] = (hashes[1:] != hashes[:-1]) | (docs[1:] != docs[:-1])
    return hashes[keep], docs[keep]


def _holders(hashes: np.ndarray, docs: np.ndarray, max_df: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each holder of a fingerprint held by 2 to ``max_df`` articles, by article: (article,
    the fingerprint's first entry in the index, its number of holders)."""
    starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])
    sizes = np.diff(np.r_[starts, len(hashes)])
    useful = (sizes >= 2) & (sizes <= max_df)
    starts, sizes = starts[useful], sizes[useful]
    member = np.repeat(starts, sizes) + _ranks(sizes)
    by_doc = np.argsort(docs[member], kind="stable")
    return docs[member][by_doc], np.repeat(starts, sizes)[by_doc], np.repeat(sizes, sizes)[by_doc]


def _block_pairs(holder: np.ndarray, first: np.ndarray, count: np.ndarray, docs: np.ndarray, n: int,
                 max_partners: int | None) -> np.ndarray:
    """The candidate pairs (as ``min * n + max``) of a block of whole articles' holdings."""
    x = np.repeat(holder, count)
    y = docs[np.repeat(first, count) + _ranks(count)]
    pairs, shared = np.unique((x * n + y)[x != y], return_counts=True)
    x, y = pairs // n, pairs % n
    if max_partners is not None:
        # each article's partners by shared fingerprints, most first (ties: the earlier article)
        ranked = np.lexsort((y, -shared, x))
        x, y = x[ranked], y[ranked]
        chosen = _ranks(np.diff(np.r_[np.flatnonzero(np.r_[True, x[1:] != x[:-1]]), len(x)])) < max_partners
        x, y = x[chosen], y[chosen]
    else:
        x, y = x[x < y], y[x < y]
    return np.minimum(x, y) * n + np.maximum(x, y)


def _ranks(sizes: np.ndarray) -> np.ndarray:
    """0, 1, ..., size - 1 for each size, concatenated."""
    return np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)


class Shingles(NamedTuple):
    """What comparing an article with others needs of it, kept compact (numpy arrays)."""
    hashes: np.ndarray  # uint64: the hash of the shingle starting at each body word
    starts: np.ndarray  # int64: offset of each body word in ``text``
    ends: np.ndarray  # int64: offset after each body word
    sentence_starts: np.ndarray  # int64: offset of each body sentence
    sentence_ids: np.ndarray  # int64: its sentence_id (numbered as corpus.sentences numbers them)


@knowledge.cached(maxsize=2048)
def article_shingles(text: str, k: int = DEFAULT_K) -> Shingles:
    """The :class:`Shingles` of one article's body; memoised because an article's
    fingerprints and its comparisons with others read them again."""
    words, starts, ends = body_words(text)
    body = [(start, sid) for sid, (_, kind, start, _) in enumerate(sentence_spans(text)) if kind == "body"]
    return Shingles(shingle_hashes(words, k), starts, ends,
                    np.fromiter((start for start, _ in body), dtype=np.int64, count=len(body)),
                    np.fromiter((sid for _, sid in body), dtype=np.int64, count=len(body)))


def fingerprints(articles: pd.DataFrame, *, k: int = DEFAULT_K, window: int = DEFAULT_WINDOW) -> dict[str, np.ndarray]:
    """article_id -> the hashes of its winnowed fingerprints (see the module doc)."""
    require(articles, ("article_id", "text"), "fingerprints")
    return {a: fingerprint(article_shingles(text, k).hashes, window)
            for a, text in zip(articles["article_id"], articles["text"])}


def fingerprint(hashes: np.ndarray, window: int = DEFAULT_WINDOW) -> np.ndarray:
    """The winnowed fingerprints of one article's shingle hashes."""
    return hashes[winnow(hashes, window)]


def shingle_positions(hashes: np.ndarray) -> tuple[dict[int, int], dict[int, list[int]]]:
    """Where each shingle hash occurs in an article: hash -> its last position, and for the
    hashes that occur more than once, hash -> every position."""
    seq = hashes.tolist()
    last = dict(zip(seq, range(len(seq))))
    repeated: dict[int, list[int]] = {}
    if len(last) < len(seq):  # rare: a phrase of k words said twice
        every = defaultdict(list)
        for i, h in enumerate(seq):
            every[h].append(i)
        repeated = {h: where for h, where in every.items() if len(where) > 1}
    return last, repeated


def _runs(where_a, where_b) -> list[tuple[int, int, int]]:
    """(i, j, run) for each maximal diagonal run of equal shingles of two articles, given
    each article's :func:`shingle_positions`, in (i, j) order."""
    (last_a, more_a), (last_b, more_b) = where_a, where_b
    common = last_a.keys() & last_b.keys()
    if not common:
        return []
    hits = sorted((i, j) for h in common for i in more_a.get(h, (last_a[h],)) for j in more_b.get(h, (last_b[h],)))
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


def pair_passages(a: str, text_a: str, sh_a: Shingles, b: str, text_b: str, sh_b: Shingles, where: dict, *,
                  k: int = DEFAULT_K, min_words: int | None = None) -> list[tuple]:
    """The rows (in ``PASSAGE_COLUMNS`` order) of the passages articles a and b share.

    ``where`` memoises each article's :func:`shingle_positions` for the caller's pairs.
    """
    for x, sh in ((a, sh_a), (b, sh_b)):
        if x not in where:
            where[x] = shingle_positions(sh.hashes)
    runs = np.array(_runs(where[a], where[b]), dtype=np.int64).reshape(-1, 3)
    i, j, n_words = runs[:, 0], runs[:, 1], runs[:, 2] + k - 1
    if min_words is not None:
        keep = n_words >= min_words
        i, j, n_words = i[keep], j[keep], n_words[keep]
    sa, ea = sh_a.starts[i], sh_a.ends[i + n_words - 1]
    sb, eb = sh_b.starts[j], sh_b.ends[j + n_words - 1]
    sa, ea, sb, eb = sa.tolist(), ea.tolist(), sb.tolist(), eb.tolist()
    return [(a, sid_a, s_a, e_a, b, sid_b, s_b, e_b, n, text_a[s_a:e_a], text_b[s_b:e_b])
            for sid_a, s_a, e_a, sid_b, s_b, e_b, n in zip(
                _sentences_of(sh_a, sa).tolist(), sa, ea, _sentences_of(sh_b, sb).tolist(), sb, eb, n_words.tolist())]


class Block(NamedTuple):
    """The :class:`Shingles` of some articles concatenated field by field, and their texts:
    article x's values of a field are ``field[offsets[name][x]:offsets[name][x + 1]]``."""
    ids: list[str]
    texts: list[str]
    hashes: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    sentence_starts: np.ndarray
    sentence_ids: np.ndarray
    offsets: dict[str, np.ndarray]  # "hashes", "starts" (also ends), "sentence_starts" (also sentence_ids)

    @classmethod
    def of(cls, ids: list[str], texts: list[str], shingles: list[Shingles]) -> Block:
        fields = {f: [getattr(sh, f) for sh in shingles] for f in Shingles._fields}
        offsets = {f: np.r_[0, np.cumsum([len(x) for x in fields[f]])].astype(np.int64)
                   for f in ("hashes", "starts", "sentence_starts")}
        return cls(ids, texts, *(_joined(fields[f], _DTYPES[f]) for f in Shingles._fields), offsets)


_DTYPES = {"hashes": np.uint64, "starts": np.int64, "ends": np.int64, "sentence_starts": np.int64,
           "sentence_ids": np.int64}


def _joined(arrays: list[np.ndarray], dtype) -> np.ndarray:
    return np.concatenate(arrays).astype(dtype, copy=False) if arrays else np.zeros(0, dtype=dtype)


def block_runs(block: Block, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, ...]:
    """(pair, i, j, run) of every maximal diagonal run of equal shingles of the articles
    ``a[p]`` and ``b[p]`` (numbers in ``block``) of each pair p, in (pair, i, j) order: for
    each pair, what :func:`_runs` gives, found for all pairs at once with arrays.

    Every shingle is numbered by its hash (``hid``); only those held by two articles of
    the block or more can match. Each such shingle of A is looked up among B's by the key
    (hid, article), which also finds every position of a shingle B repeats."""
    empty = (np.zeros(0, np.int64),) * 4
    offsets = block.offsets["hashes"]
    if not len(a) or not len(block.hashes):
        return empty
    n_docs = len(offsets)
    doc = np.repeat(np.arange(n_docs - 1, dtype=np.int64), np.diff(offsets))
    # numbered in order of first appearance (a hash table, no sort): only equality of numbers matters below
    hid = pd.factorize(block.hashes)[0].astype(np.int64)
    # shingles held by one article only match nothing: leave them out
    held = np.sort(hid * n_docs + doc)
    distinct = held[np.r_[True, held[1:] != held[:-1]]] // n_docs  # the hid of each (hid, article) once
    keep = np.flatnonzero(np.bincount(distinct, minlength=int(hid.max()) + 1)[hid] > 1)  # in (article, position) order
    doc, hid, pos = doc[keep], hid[keep], keep - offsets[doc[keep]]
    key = hid * n_docs + doc
    order = np.argsort(key, kind="stable")  # within a key, positions stay in order
    sorted_key = key[order]
    first = np.searchsorted(doc, np.arange(n_docs), side="left")
    count = first[1:] - first[:-1]
    # every kept shingle of A, once for each pair naming A first, looked up among B's
    pair = np.repeat(np.arange(len(a), dtype=np.int64), count[a])
    at = _expand(first[a], count[a])
    query = hid[at] * n_docs + b[pair]
    # searched in sorted order, each search starting where the one before ended: far fewer cache misses
    by_query = np.argsort(query)
    lo = np.empty_like(query)
    lo[by_query] = np.searchsorted(sorted_key, query[by_query], side="left")
    hit = np.flatnonzero(sorted_key[np.minimum(lo, len(sorted_key) - 1)] == query)  # most find nothing
    pair, at, lo = pair[hit], at[hit], lo[hit]
    found = np.searchsorted(sorted_key, query[hit], side="right") - lo
    pair, i = np.repeat(pair, found), np.repeat(pos[at], found)
    j = pos[order[_expand(lo, found)]]
    if not len(pair):
        return empty
    diagonal = i - j
    by_diagonal = np.lexsort((i, diagonal, pair))
    pair, i, j, diagonal = pair[by_diagonal], i[by_diagonal], j[by_diagonal], diagonal[by_diagonal]
    start = np.r_[True, (pair[1:] != pair[:-1]) | (diagonal[1:] != diagonal[:-1]) | (i[1:] != i[:-1] + 1)]
    heads = np.flatnonzero(start)
    run = np.diff(np.r_[heads, len(pair)])
    pair, i, j = pair[heads], i[heads], j[heads]
    in_order = np.lexsort((j, i, pair))
    return pair[in_order], i[in_order], j[in_order], run[in_order]


def _expand(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """starts[0], starts[0] + 1, ..., starts[0] + counts[0] - 1, starts[1], ...: every index of some ranges."""
    return np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(int(counts.sum()), dtype=np.int64)


def block_passages(block: Block, a: np.ndarray, b: np.ndarray, *, k: int = DEFAULT_K,
                   min_words: int | None = None) -> pd.DataFrame:
    """The shared-passage table of the pairs (``a[p]``, ``b[p]``) of articles of ``block``,
    pair by pair in the order given: row for row what :func:`pair_passages` gives, pair after pair."""
    pair, i, j, run = block_runs(block, np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64))
    n_words = run + k - 1
    if min_words is not None:
        keep = n_words >= min_words
        pair, i, j, n_words = pair[keep], i[keep], j[keep], n_words[keep]
    x, y = np.asarray(a, dtype=np.int64)[pair], np.asarray(b, dtype=np.int64)[pair]
    words = block.offsets["starts"]
    sa, ea = block.starts[words[x] + i], block.ends[words[x] + i + n_words - 1]
    sb, eb = block.starts[words[y] + j], block.ends[words[y] + j + n_words - 1]
    ids, texts = block.ids, block.texts
    x, y, sa, ea, sb, eb = x.tolist(), y.tolist(), sa.tolist(), ea.tolist(), sb.tolist(), eb.tolist()
    columns = {
        "article_a": [ids[d] for d in x], "sentence_id_a": _block_sentences(block, x, sa),
        "start_a": sa, "end_a": ea,
        "article_b": [ids[d] for d in y], "sentence_id_b": _block_sentences(block, y, sb),
        "start_b": sb, "end_b": eb, "n_words": n_words.tolist(),
        "passage": [texts[d][s:e] for d, s, e in zip(x, sa, ea)],
        "passage_b": [texts[d][s:e] for d, s, e in zip(y, sb, eb)],
    }
    return passage_table(columns)


def _block_sentences(block: Block, docs: list[int], offsets: list[int]) -> list[int]:
    """:func:`_sentences_of` for articles of a block: the sentence_id of the body sentence
    of article ``docs[r]`` holding ``offsets[r]``."""
    docs, offsets = np.asarray(docs, dtype=np.int64), np.asarray(offsets, dtype=np.int64)
    first = block.offsets["sentence_starts"]
    # (article, offset) as one sortable number: an offset is far below 2**40
    starts = np.repeat(np.arange(len(first) - 1, dtype=np.int64), np.diff(first)) * 2**40 + block.sentence_starts
    at = np.searchsorted(starts, docs * 2**40 + offsets, side="right") - 1
    at = np.where(at < first[docs], first[docs + 1] - 1, at)  # as [-1] does: the article's last sentence
    return block.sentence_ids[at].tolist()


def _sentences_of(sh: Shingles, offsets) -> np.ndarray:
    """The sentence_id of the body sentence holding each offset."""
    return sh.sentence_ids[np.searchsorted(sh.sentence_starts, offsets, side="right") - 1]


def passage_table(rows: list[tuple] | dict[str, list]) -> pd.DataFrame:
    """The shared-passage table of rows made by :func:`pair_passages` (or of its columns)."""
    df = pd.DataFrame(rows, columns=PASSAGE_COLUMNS)
    return df.astype({"article_a": "string", "sentence_id_a": "int64", "start_a": "int64", "end_a": "int64",
                      "article_b": "string", "sentence_id_b": "int64", "start_b": "int64", "end_b": "int64",
                      "n_words": "int64", "passage": "string", "passage_b": "string"})


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
    require(articles, ("article_id", "text"), "shared_passages")
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
    ids = list(dict.fromkeys(x for pair in pairs for x in pair))
    number = {a: n for n, a in enumerate(ids)}
    block = Block.of(ids, [texts[a] for a in ids], [article_shingles(texts[a], k) for a in ids])
    return block_passages(block, [number[a] for a, _ in pairs], [number[b] for _, b in pairs], k=k,
                          min_words=min_words)


# ---------------------------------------------------------------- a large corpus's shingles on disk

def save_shingles(records: list[Shingles], prefix: Path) -> None:
    """Write the shingles of consecutive articles as one ``.npy`` file per field, plus an
    index of where each article's slice starts, so that :func:`load_shingles` can read
    any article's without reading the rest (the files are memory-mapped)."""
    offsets = np.zeros((len(records) + 1, len(Shingles._fields)), dtype=np.int64)
    for f, field in enumerate(Shingles._fields):
        arrays = [getattr(r, field) for r in records]
        offsets[1:, f] = np.cumsum([len(x) for x in arrays])
        np.save(f"{prefix}.{field}.npy", np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int64))
    np.save(f"{prefix}.index.npy", offsets)


def join_shingles(prefixes: list[Path], prefix: Path) -> None:
    """Join :func:`save_shingles` files, in order, into one set at ``prefix`` (and delete
    them), so that a reader of any articles opens one set of files, not every part's."""
    indexes = [np.load(f"{p}.index.npy") for p in prefixes]
    totals = np.array([ix[-1] for ix in indexes]).reshape(len(prefixes), len(Shingles._fields))
    starts = np.cumsum(totals, axis=0) - totals  # where each part's values begin in the joined files
    np.save(f"{prefix}.index.npy", np.vstack([np.zeros((1, totals.shape[1]), np.int64)]
                                             + [ix[1:] + start for ix, start in zip(indexes, starts)]))
    for f, field in enumerate(Shingles._fields):
        dtype = np.load(f"{prefixes[0]}.{field}.npy", mmap_mode="r").dtype
        with open(f"{prefix}.{field}.npy", "wb") as out:  # written, not mapped: nothing stays resident
            np.lib.format.write_array_header_1_0(out, {"descr": np.lib.format.dtype_to_descr(dtype),
                                                       "fortran_order": False, "shape": (int(totals[:, f].sum()),)})
            for p in prefixes:
                np.load(f"{p}.{field}.npy").tofile(out)
    for p in prefixes:
        for name in ["index", *Shingles._fields]:
            Path(f"{p}.{name}.npy").unlink()


def load_shingles(prefix: Path, positions: list[int]) -> list[Shingles]:
    """The :class:`Shingles` of the articles at ``positions`` of a :func:`save_shingles` file.

    The files are memory-mapped, a block of articles at a time, and closed again, so only
    the slices read stay in memory.
    """
    offsets = np.load(f"{prefix}.index.npy")
    out = []
    # mapped again for every block of articles: pages read through a mapping count as the
    # process's memory until it is closed
    for i in range(0, len(positions), 1024):
        fields = [np.load(f"{prefix}.{field}.npy", mmap_mode="r") for field in Shingles._fields]
        out += [Shingles(*(np.array(x[offsets[p, f]:offsets[p + 1, f]]) for f, x in enumerate(fields)))
                for p in positions[i:i + 1024]]
        del fields
    return out


def save_texts(texts: list[str], prefix: Path) -> None:
    """Write the texts of consecutive articles as one UTF-8 ``.npy`` file, plus an index of
    where each starts, so that :func:`load_block` reads any article's text as a slice of a
    memory-mapped file (no file of the corpus read again, nor hashed)."""
    data = [t.encode("utf-8") for t in texts]
    np.save(f"{prefix}.text.npy", np.frombuffer(b"".join(data), dtype=np.uint8))
    np.save(f"{prefix}.text_index.npy", np.r_[0, np.cumsum([len(d) for d in data], dtype=np.int64)].astype(np.int64))


def join_texts(prefixes: list[Path], prefix: Path) -> None:
    """Join :func:`save_texts` files, in order, into one set at ``prefix`` (and delete them)."""
    indexes = [np.load(f"{p}.text_index.npy") for p in prefixes]
    starts = np.cumsum([0] + [ix[-1] for ix in indexes[:-1]])
    np.save(f"{prefix}.text_index.npy", np.concatenate([[0]] + [ix[1:] + s for ix, s in zip(indexes, starts)])
            .astype(np.int64))
    with open(f"{prefix}.text.npy", "wb") as out:
        np.lib.format.write_array_header_1_0(out, {"descr": "|u1", "fortran_order": False,
                                                   "shape": (int(sum(ix[-1] for ix in indexes)),)})
        for p in prefixes:
            np.load(f"{p}.text.npy").tofile(out)
    for p in prefixes:
        for name in ("text", "text_index"):
            Path(f"{p}.{name}.npy").unlink()


def load_block(shingles: Path, texts: Path, ids: list[str], positions: list[int]) -> Block:
    """The :class:`Block` of the articles at ``positions`` of joined :func:`save_shingles`
    and :func:`save_texts` files: each field gathered from its memory-mapped file at once."""
    index = np.load(f"{shingles}.index.npy")
    at = np.asarray(positions, dtype=np.int64)
    fields, offsets = {}, {}
    for f, field in enumerate(Shingles._fields):
        first, count = index[at, f], index[at + 1, f] - index[at, f]
        fields[field] = np.load(f"{shingles}.{field}.npy", mmap_mode="r")[_expand(first, count)]
        offsets[field] = np.r_[0, np.cumsum(count)].astype(np.int64)
    text_index = np.load(f"{texts}.text_index.npy")
    data = np.load(f"{texts}.text.npy", mmap_mode="r")
    decoded = [data[text_index[p]:text_index[p + 1]].tobytes().decode("utf-8") for p in at.tolist()]
    return Block(list(ids), decoded, *(fields[f].astype(_DTYPES[f], copy=False) for f in Shingles._fields),
                 {f: offsets[f] for f in ("hashes", "starts", "sentence_starts")})


def overlap(articles: pd.DataFrame, *, k: int = DEFAULT_K, window: int = DEFAULT_WINDOW,
            max_df: int = DEFAULT_MAX_DF, complete: bool = False) -> pd.DataFrame:
    """Share of A's distinct body shingles also in B, for each ordered candidate pair.

    ``complete=True`` returns every ordered pair of different articles (zeros included),
    for a small corpus's heatmap; leave it False on a large corpus.
    Columns: article_a, article_b, outlet_a, outlet_b, shingles_a, shared, share_a_in_b.
    """
    require(articles, ("article_id", "text", "outlet"), "overlap")
    texts = dict(zip(articles["article_id"], articles["text"]))
    ids = list(articles["article_id"])
    if complete:
        pairs = [(a, b) for a in ids for b in ids if a != b]
    else:
        pairs = sorted({p for a, b in candidate_pairs(fingerprints(articles, k=k, window=window), max_df=max_df)
                        for p in ((a, b), (b, a))})
    distinct = {a: set(article_shingles(texts[a], k).hashes.tolist()) for a in {x for p in pairs for x in p}}
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
