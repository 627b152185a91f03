"""How outlets frame the story: labels for actors, stance markers and distinctive vocabulary.

Rules this module implements, and their known limits:

Labels (``label_uses``, ``label_rates``)
    ``data/labels.csv`` maps a phrase to the actor it names and the label it chooses
    ("regime" -> Syrian government / regime). Phrases match whole words in body sentences,
    case-insensitively unless ``match_case`` is true ("US", "Assad", "Washington");
    spaces and hyphens in a phrase are interchangeable ("al-Assad" = "Al Assad").
    Overlapping matches resolve to the longest (then the leftmost): "foreign-backed
    militancy" is one use, not also "militancy". A row with an empty ``actor`` is a
    *blocker*: it wins by length and is then dropped ("transitional government" is not
    the Syrian government). A name read as a place or as part of a title is not a label
    either (``data/label_contexts.csv``): after "in", "at", "flew to" ... ("centres in
    Washington and Moscow", "holed up in a Moscow airport"), before "airport", "hotel" ...,
    or before a title ("US Secretary of State John Kerry", "US whistleblower Edward Snowden"),
    and so is a name joined to such a name by "and", "or" or a comma ("in Washington and
    Moscow"); a possessive is always the actor ("in Moscow's view"). A country adjective
    before other nouns names the country ("US officials", "a US surveillance programme"). ``in_quote`` says whether the
    phrase stands inside a direct quotation: ``label_rates`` counts the outlet's own words
    unless told otherwise, since a quoted label is the speaker's choice. Limits: a lexicon
    finds only what it lists, and cannot tell "the conflict in Syria" from "conflict with
    rival claimants" in the South China Sea; a name after "to" or "from" counts as the actor
    ("an appeal to Moscow"), also where it is a destination the table does not list.

Stance markers (``stance_markers``, ``stance_rates``)
    ``data/stance_markers.csv``: hedges (might, likely, possibly…), certainty markers
    (must, indeed, absolutely…), optimism (hope, progress…) and setbacks (delayed,
    divided…), matched by the same rules as labels. ``in_quote`` says whether the marker
    stands inside a direct quotation (the speaker's hedge) or in the outlet's own words.
    A row with an empty ``category`` is a blocker, as for labels ("as soon as possible").
    Markers of one category with only spaces between them are one marker ("could
    possibly", "might perhaps"). A marker is ``negated`` when a word of
    ``data/stance_negators.csv`` (or a word ending in "n't") stands among the three words
    before it in its clause ("wouldn't express optimism", "no progress"); ``stance_rates``
    leaves negated markers out, since a denied hope is no optimism (nor, by itself, a
    setback). Limits: "could" and "may" are counted whatever their sense; a negation further
    away ("not, in his view, optimistic") is missed, and double negation is not read.

Distinctive vocabulary (``log_odds``, ``distinctive_words``)
    Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and
    Quinn 2008, "Fightin' Words", eq. 16 and 22): for word w, group i and the rest j,

        delta_w = log((y_wi + a_w) / (n_i + a0 - y_wi - a_w))
                - log((y_wj + a_w) / (n_j + a0 - y_wj - a_w))
        var_w   = 1 / (y_wi + a_w) + 1 / (y_wj + a_w)
        z_w     = delta_w / sqrt(var_w)

    with prior a_w = alpha0 * (count of w in the whole corpus / corpus tokens), so the
    prior is the corpus's own word distribution scaled to ``alpha0`` pseudo-counts.
    Tokens are body words (the corpus tokenizer) without a possessive 's, lower-cased
    except all-capital acronyms ("US", "UN", "AFP") and the capitalised words of
    ``data/aliases.csv`` ("Kerry", "China", "Council"), after removing
    ``data/stopwords.csv``. A |z| above
    1.96 would be "significant" only for independent draws; with one article per outlet
    it ranks words, it does not test anything.
"""
from __future__ import annotations

import math
import re

import pandas as pd

from . import knowledge
from .corpus import require, sentences
from .matches import lexicon_matches, lexicon_pattern, phrase_pattern
from .quotes import direct_quotations
from .text import WORD_RE

LABEL_COLUMNS = ["article_id", "sentence_id", "start", "end", "surface", "actor", "label", "in_quote", "sentence"]
STANCE_COLUMNS = ["article_id", "sentence_id", "start", "end", "surface", "category", "in_quote", "negated",
                  "sentence"]
STANCE_CATEGORIES = ["hedge", "certainty", "optimism", "setback"]
DEFAULT_ALPHA0 = 100.0


# ---------------------------------------------------------------- lexicon matching

def label_lexicon() -> pd.DataFrame:
    """``data/labels.csv``: phrase, actor, label, match_case, note."""
    return knowledge.labels()


def stance_lexicon() -> pd.DataFrame:
    """``data/stance_markers.csv``: phrase, category, match_case, note."""
    return knowledge.stance_markers()


@knowledge.cached
def _label_re() -> re.Pattern:
    lex = label_lexicon()
    return lexicon_pattern(list(lex["phrase"]), list(lex["match_case"]))


@knowledge.cached
def _stance_re() -> re.Pattern:
    lex = stance_lexicon()
    return lexicon_pattern(list(lex["phrase"]), list(lex["match_case"]))


@knowledge.cached
def _context_res() -> tuple[re.Pattern | None, re.Pattern | None]:
    """Patterns for ``data/label_contexts.csv``: words ending just before a phrase, and
    words starting just after it (case-insensitive); None when a side has no rows."""
    t = knowledge.label_contexts()

    def words(side: str) -> list[str]:
        return sorted((phrase_pattern(w, False) for w in t.loc[t["side"] == side, "words"]), key=len, reverse=True)
    before, after = words("before"), words("after")
    return (re.compile(r"(?<![\w\-])(?:" + "|".join(before) + r")\s+$") if before else None,
            re.compile(r"^\s+(?:" + "|".join(after) + r")(?![\w\-])") if after else None)


_COORDINATED = re.compile(r"\s*(?:,\s*)?(?:and|or|,)\s+")
_POSSESSIVE = re.compile(r"['’]s?(?![\w])")


def _names_the_actor(text: str, start: int, end: int, line_start: int) -> bool:
    """Whether a name at text[start:end] stands for the actor, not a place or part of a title."""
    if _POSSESSIVE.match(text, end):
        return True
    before, after = _context_res()
    if before is not None and before.search(text[max(line_start, start - 40):start]):
        return False
    return after is None or not after.match(text[end:end + 40])


def _quote_spans(articles: pd.DataFrame, quote_rows: pd.DataFrame | None = None) -> dict[str, list[tuple[int, int]]]:
    """Each article's direct quotations, as (start, end) offsets (from ``quote_rows`` when the
    quotations table of these articles is already made)."""
    direct = direct_quotations(articles, quote_rows)
    spans: dict[str, list[tuple[int, int]]] = {}
    for q in direct[["article_id", "start", "end"]].itertuples(index=False):
        spans.setdefault(q.article_id, []).append((q.start, q.end))
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(qs <= start and end <= qe for qs, qe in spans)


def _scan(articles: pd.DataFrame, pattern: re.Pattern) -> list[tuple]:
    """(article_id, sentence_id, start, end, surface, row, sentence) over body sentences."""
    sents = sentences(articles)
    texts = dict(zip(articles["article_id"], articles["text"]))
    out = []
    for s in sents[["article_id", "sentence_id", "start", "end", "text"]].itertuples(index=False):
        text = texts[s.article_id]
        for a, b, row in lexicon_matches(pattern, text, s.start, s.end):
            out.append((s.article_id, s.sentence_id, s.start, a, b, text[a:b], row, s.text))
    return out


# ---------------------------------------------------------------- labels

def label_uses(articles: pd.DataFrame, quote_rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per labelling phrase in body sentences: evidence columns, actor, label.

    ``in_quote`` says whether the phrase is inside a direct quotation; ``quote_rows``, the
    quotations table of these articles if already made, saves finding the quotations again."""
    require(articles, ("article_id", "text"), "label_uses")
    lex = label_lexicon()
    actors, labels = tuple(lex["actor"]), tuple(lex["label"])
    texts = dict(zip(articles["article_id"], articles["text"]))
    spans = _quote_spans(articles, quote_rows)
    rows = []
    not_actor = None  # (article, end) of the last name read as a place or title
    for a, sid, s0, s, e, surf, r, sent in _scan(articles, _label_re()):
        if not actors[r]:
            continue  # a blocker row
        text = texts[a]
        joined = not_actor is not None and not_actor[0] == a and _COORDINATED.fullmatch(text, not_actor[1], s)
        if joined or not _names_the_actor(text, s, e, s0):
            not_actor = (a, e)  # "centres in Washington and Moscow": both are places
            continue
        rows.append((a, sid, s, e, surf, actors[r], labels[r], _inside(spans.get(a, []), s, e), sent))
    df = pd.DataFrame(rows, columns=LABEL_COLUMNS)
    return df.astype({"article_id": "string", "sentence_id": "int64", "start": "int64", "end": "int64",
                      "surface": "string", "actor": pd.CategoricalDtype(label_actors()), "label": "string",
                      "in_quote": "boolean", "sentence": "string"})


def label_actors() -> list[str]:
    """The actors of ``data/labels.csv``, sorted (the categories of ``label_uses().actor``)."""
    return sorted(a for a in set(label_lexicon()["actor"]) if a)


def _rates(uses: pd.DataFrame, articles: pd.DataFrame, keys: list[str],
           counted: pd.Series | None = None) -> pd.DataFrame:
    """Counts per outlet and ``keys``, per 1,000 body words, on the full outlet x key grid
    (every key found, whether or not its rows are ``counted``)."""
    words = articles.assign(outlet=articles["outlet"].astype("string")).groupby("outlet")["n_words"].sum()
    outlet_of = dict(zip(articles["article_id"], articles["outlet"].astype("string")))
    u = uses.assign(outlet=uses["article_id"].map(outlet_of).astype("string"))
    for k in keys:
        u[k] = u[k].astype("string")
    grid = u[keys].drop_duplicates().merge(pd.DataFrame({"outlet": words.index.astype("string")}), how="cross")
    if counted is not None:
        u = u[counted.to_numpy()]
    counts = u.groupby(["outlet", *keys], as_index=False).agg(
        n=("start", "size"), example=("sentence", "first"),
        surfaces=("surface", lambda s: "; ".join(dict.fromkeys(s))))
    out = grid.merge(counts, on=["outlet", *keys], how="left")
    out["n"] = out["n"].fillna(0).astype("int64")
    out["n_words"] = out["outlet"].map(words).astype("int64")
    out["per_1000_words"] = (1000 * out["n"] / out["n_words"].where(out["n_words"] > 0)).astype("float64")
    out["example"] = out["example"].astype("string")
    out["surfaces"] = out["surfaces"].astype("string")
    return out[["outlet", *keys, "n", "n_words", "per_1000_words", "surfaces", "example"]].sort_values(
        ["outlet", *keys]).reset_index(drop=True)


def label_rates(articles: pd.DataFrame, uses: pd.DataFrame | None = None, *,
                include_quoted: bool = False) -> pd.DataFrame:
    """Per outlet, actor and label: uses, body words, uses per 1,000 body words, an example
    sentence; in the outlet's own words only unless ``include_quoted``."""
    require(articles, ("article_id", "text", "outlet", "n_words"), "label_rates")
    uses = label_uses(articles) if uses is None else uses
    counted = None if include_quoted else ~uses["in_quote"].fillna(False)
    return _rates(uses, articles, ["actor", "label"], counted)


# ---------------------------------------------------------------- stance

def stance_markers(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per hedge, certainty, optimism or setback marker in body sentences."""
    require(articles, ("article_id", "text"), "stance_markers")
    lex = stance_lexicon()
    texts = dict(zip(articles["article_id"], articles["text"]))
    spans = _quote_spans(articles)
    rows: list[list] = []
    categories = tuple(lex["category"])
    for a, sid, s0, s, e, surf, r, sent in _scan(articles, _stance_re()):
        if not categories[r]:
            continue  # a blocker row
        text = texts[a]
        last = rows[-1] if rows else None
        if last and last[0] == a and last[5] == categories[r] and not text[last[3]:s].strip():
            last[3], last[4] = e, text[last[2]:e]  # "could possibly": one hedge
            continue
        rows.append([a, sid, s, e, surf, categories[r], _inside(spans.get(a, []), s, e),
                     _negated(text[s0:s]), sent])
    df = pd.DataFrame(rows, columns=STANCE_COLUMNS)
    return df.astype({"article_id": "string", "sentence_id": "int64", "start": "int64", "end": "int64",
                      "surface": "string", "category": pd.CategoricalDtype(STANCE_CATEGORIES),
                      "in_quote": "boolean", "negated": "boolean", "sentence": "string"})


_CLAUSE_END = re.compile(r"[,;:–—()\[\]\"“”]")
_NEGATION_WINDOW = 3  # words


def _negated(before: str) -> bool:
    """Whether a negator stands among the last words of ``before`` in its clause."""
    clause = _CLAUSE_END.split(before)[-1]
    words = re.findall(r"[\w'’]+", clause)[-_NEGATION_WINDOW:]
    negators = knowledge.stance_negators()
    return any(w.lower() in negators or w.lower().endswith(("n't", "n’t")) for w in words)


def stance_rates(articles: pd.DataFrame, markers: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per outlet, category and voice (quoted / outlet's own words): markers per 1,000 body words."""
    require(articles, ("article_id", "text", "outlet", "n_words"), "stance_rates")
    markers = stance_markers(articles) if markers is None else markers
    markers = markers.assign(voice=markers["in_quote"].map({True: "inside quotations", False: "outlet's own words"}))
    return _rates(markers, articles, ["category", "voice"], ~markers["negated"].fillna(False))


# ---------------------------------------------------------------- vocabulary

@knowledge.cached
def proper_names() -> frozenset[str]:
    """Capitalised words of the aliases ("Ban", "Kerry"): kept as written."""
    return frozenset(w for alias in knowledge.aliases()["alias"] for w in re.findall(r"[A-Z][\w'’-]+", alias))


def normalise_token(word: str) -> str:
    """Lower case, except acronyms ("US") and the capitalised words of the aliases ("Ban" is
    not "ban", "China's" is "China"); curly apostrophes made straight, a possessive 's dropped."""
    word = re.sub(r"'[sS]$", "", word.replace("’", "'"))
    if re.fullmatch(r"(?:[A-Z]\.?){2,}", word):
        return word.replace(".", "")
    if word in proper_names():
        return word
    return word.lower()


def tokens(articles: pd.DataFrame) -> pd.DataFrame:
    """Body-sentence words: article_id, sentence_id, start, end, surface, token, stop (boolean)."""
    require(articles, ("article_id", "text"), "tokens")
    sents = sentences(articles)
    texts = dict(zip(articles["article_id"], articles["text"]))
    stop = knowledge.stopwords()
    rows = []
    for s in sents[["article_id", "sentence_id", "start", "end"]].itertuples(index=False):
        text = texts[s.article_id]
        for m in WORD_RE.finditer(text, s.start, s.end):
            tok = normalise_token(m.group())
            rows.append((s.article_id, s.sentence_id, m.start(), m.end(), m.group(), tok,
                         tok in stop or tok.isdigit() or re.fullmatch(r"[\d.,]+", tok) is not None))
    df = pd.DataFrame(rows, columns=["article_id", "sentence_id", "start", "end", "surface", "token", "stop"])
    return df.astype({"article_id": "string", "sentence_id": "int64", "start": "int64", "end": "int64",
                      "surface": "string", "token": "string", "stop": "boolean"})


def log_odds(counts_i: dict[str, int], counts_j: dict[str, int], prior: dict[str, float]) -> pd.DataFrame:
    """Weighted log-odds with an informative Dirichlet prior (Monroe et al. 2008).

    ``prior`` maps each word to its pseudo-count a_w; a0 is their sum. Returns one row
    per word of the prior: word, n_i, n_j, delta, var, z (sorted by z, descending, then word).
    """
    a0 = sum(prior.values())
    n_i, n_j = sum(counts_i.values()), sum(counts_j.values())
    rows = []
    for w, a in prior.items():
        yi, yj = counts_i.get(w, 0), counts_j.get(w, 0)
        delta = (math.log((yi + a) / (n_i + a0 - yi - a)) - math.log((yj + a) / (n_j + a0 - yj - a)))
        var = 1 / (yi + a) + 1 / (yj + a)
        rows.append((w, yi, yj, delta, var, delta / math.sqrt(var)))
    df = pd.DataFrame(rows, columns=["word", "n_i", "n_j", "delta", "var", "z"])
    df = df.astype({"word": "string", "n_i": "int64", "n_j": "int64", "delta": "float64", "var": "float64",
                    "z": "float64"})
    return df.sort_values(["z", "word"], ascending=[False, True], kind="stable").reset_index(drop=True)


def distinctive_words(articles: pd.DataFrame, *, alpha0: float = DEFAULT_ALPHA0, top: int = 10,
                      min_count: int = 2) -> pd.DataFrame:
    """Each outlet against all the others: the ``top`` words by z, used at least ``min_count`` times.

    Columns: outlet, rank, word, n_outlet, n_rest, delta, z, and the evidence of the
    word's first use in that outlet (article_id, sentence_id, start, end, the ``surface``
    written there, which may be inflected or possessive, and the sentence).
    """
    require(articles, ("article_id", "text", "outlet"), "distinctive_words")
    toks = tokens(articles)
    toks = toks[~toks["stop"]]
    outlet_of = dict(zip(articles["article_id"], articles["outlet"].astype("string")))
    toks = toks.assign(outlet=toks["article_id"].map(outlet_of))
    total = toks["token"].value_counts()
    n = int(total.sum())
    prior = {w: alpha0 * c / n for w, c in sorted(total.items())}
    sent_text = sentences(articles).set_index(["article_id", "sentence_id"])["text"]
    frames = []
    for outlet, own in toks.groupby("outlet", sort=True):
        rest = toks[toks["outlet"] != outlet]
        scored = log_odds(own["token"].value_counts().to_dict(), rest["token"].value_counts().to_dict(), prior)
        scored = scored[scored["n_i"] >= min_count].head(top)
        first = own.drop_duplicates("token").set_index("token")
        ev = first.loc[scored["word"], ["article_id", "sentence_id", "start", "end", "surface"]].reset_index(drop=True)
        block = pd.concat([scored.reset_index(drop=True), ev], axis=1)
        block.insert(0, "rank", range(1, len(block) + 1))
        block.insert(0, "outlet", outlet)
        frames.append(block)
    cols = ["outlet", "rank", "word", "n_outlet", "n_rest", "delta", "z", "article_id", "sentence_id",
            "start", "end", "surface", "sentence"]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype="string") for c in cols})
    out = pd.concat(frames, ignore_index=True).rename(columns={"n_i": "n_outlet", "n_j": "n_rest"})
    out["sentence"] = [sent_text[(a, s)] for a, s in zip(out["article_id"], out["sentence_id"])]
    return out[cols].astype({"outlet": "string", "rank": "int64", "sentence": "string"})
