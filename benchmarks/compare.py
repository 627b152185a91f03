"""The project's extractors against general-purpose alternatives, on the same texts.

Dates: ``dateparser.search.search_dates`` (dateparser 1.5), given each article's
publication date as ``RELATIVE_BASE`` and told to prefer past dates, against
``analysis.temporal_expressions``. Spans are located by searching each returned
substring in the text from where the previous one ended. Both are matched to the gold by
the project's scorer (``analysis.evaluate``: a span that contains the gold's or lies
inside it). A dateparser value counts as right when the gold value is a day, month or
year and the returned date agrees at that granularity (dateparser has no way to say "a
week", "after August" or "mid-2014", so those count as wrong for it).

Casualty numbers: ``quantulum3.parser.parse`` against ``analysis.casualty_figures``.
quantulum3 finds quantities, not casualties, and has no category, so it is scored on
(article, value) against the gold's values, keeping only dimensionless quantities (its
best case; with every quantity its precision is lower still). The project's extractor is
scored the same way and on (value, category).

Throughput: both on the body text of the same articles of the 1,000-article corpus.
"""
from __future__ import annotations

import time
import warnings
from pathlib import Path

import pandas as pd

import analysis
from analysis import evaluate

THROUGHPUT_ARTICLES = 100


def prf(predicted: set, gold: set) -> tuple[float, float]:
    hit = len(predicted & gold)
    return (hit / len(predicted) if predicted else 0.0, hit / len(gold) if gold else 0.0)


def dateparser_dates(articles: pd.DataFrame) -> pd.DataFrame:
    from dateparser.search import search_dates

    rows = []
    for art in articles.itertuples(index=False):
        base = art.published.to_pydatetime() if pd.notna(art.published) else None
        settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
        if base is not None:
            settings["RELATIVE_BASE"] = base
        found = search_dates(art.text, languages=["en"], settings=settings) or []
        cursor = 0
        for surface, when in found:
            start = art.text.find(surface, cursor)
            if start < 0:
                continue
            cursor = start + len(surface)
            rows.append((art.article_id, start, cursor, surface, when.date().isoformat()))
    return pd.DataFrame(rows, columns=["article_id", "start", "end", "surface", "date"])


def value_agrees(gold_value: str, iso_date: str) -> bool:
    if len(gold_value) == 10 and gold_value[4] == "-" and gold_value[7] == "-":
        return iso_date == gold_value
    if len(gold_value) == 7 and gold_value[4] == "-" and gold_value[5:].isdigit():
        return iso_date[:7] == gold_value
    if len(gold_value) == 4 and gold_value.isdigit():
        return iso_date[:4] == gold_value
    return False


def score_dateparser(found: pd.DataFrame, gold: pd.DataFrame) -> dict:
    predicted = found.assign(file=found["article_id"] + ".txt", value=found["date"], sentence="")
    compared = evaluate.compare("dates", predicted, gold)
    scores = evaluate.score("dates", compared)
    matched = compared[compared["status"] == "found"]
    accuracy = (sum(value_agrees(g, p) for g, p in zip(matched["gold_value"], matched["predicted_value"])) / len(matched)
                if len(matched) else float("nan"))
    return {"precision": scores["precision"], "recall": scores["recall"], "value_accuracy": accuracy}


def gold_table(name: str) -> pd.DataFrame:
    """The seeds' gold of one table, with the article_id of each row."""
    gold = evaluate.read_gold()[name]
    return gold.assign(article_id=gold["file"].str.removesuffix(".txt"))


def quantulum_numbers(articles: pd.DataFrame) -> pd.DataFrame:
    from quantulum3 import parser

    rows = []
    for art in articles.itertuples(index=False):
        with warnings.catch_warnings():
            # quantulum3 warns that its optional classifier (scikit-learn) is absent; it then uses rules
            warnings.simplefilter("ignore")
            found = parser.parse(art.text)
        for q in found:
            if q.unit.name == "dimensionless":
                rows.append((art.article_id, q.span[0], q.span[1], q.surface, float(q.value)))
    return pd.DataFrame(rows, columns=["article_id", "start", "end", "surface", "value"])


def ratio(theirs: float, ours: float) -> str:
    return f"{theirs / ours:.1f}x slower" if theirs >= ours else f"{ours / theirs:.1f}x faster"


def timed(func, articles):
    started = time.perf_counter()
    result = func(articles)
    return result, time.perf_counter() - started


def compare(corpus: Path) -> dict:
    seeds = analysis.load_articles()
    sample = analysis.load_articles(corpus).head(THROUGHPUT_ARTICLES)
    mb = float(sample["text"].str.len().sum()) / 1e6
    out = {}

    gold_dates = gold_table("dates")
    ours = evaluate.evaluate(seeds, {"dates": gold_dates})[0].iloc[0].to_dict()
    theirs = score_dateparser(dateparser_dates(seeds), gold_dates)
    _, our_s = timed(analysis.temporal_expressions, sample)
    _, their_s = timed(dateparser_dates, sample)
    out["dates"] = {"ours": ours, "dateparser": theirs, "seconds": {"ours": our_s, "dateparser": their_s}}

    gold_tolls = gold_table("casualties").astype({"value": "int64"})
    figures = analysis.casualty_figures(seeds)
    truth_values = {(r.article_id, float(r.value)) for r in gold_tolls.itertuples()}
    truth_pairs = {(r.article_id, float(r.value), r.category) for r in gold_tolls.itertuples()}
    ours_v = prf({(r.article_id, float(r.value)) for r in figures.itertuples()}, truth_values)
    ours_vc = prf({(r.article_id, float(r.value), r.category) for r in figures.itertuples()}, truth_pairs)
    numbers = quantulum_numbers(seeds)
    theirs_v = prf({(r.article_id, float(r.value)) for r in numbers.itertuples()}, truth_values)
    _, our_c = timed(analysis.casualty_figures, sample)
    _, their_c = timed(quantulum_numbers, sample)
    out["casualties"] = {"ours_value": ours_v, "ours_value_category": ours_vc, "quantulum3_value": theirs_v,
                         "seconds": {"ours": our_c, "quantulum3": their_c}}

    d = out["dates"]
    out["markdown"] = [
        "## Against the alternatives", "",
        f"Accuracy on the seeds' gold annotations; throughput on the same {len(sample)} synthetic articles ({mb:.2f} MB).",
        "How each is scored is in `benchmarks/compare.py`.", "",
        "| task | extractor | precision | recall | value accuracy | seconds | MB/s | ratio |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
        f"| dates | analysis.temporal_expressions | {d['ours']['precision']:.2f} | {d['ours']['recall']:.2f} | "
        f"{d['ours']['value_accuracy']:.2f} | {our_s:.2f} | {mb / our_s:.2f} | 1 |",
        f"| dates | dateparser.search.search_dates | {theirs['precision']:.2f} | {theirs['recall']:.2f} | "
        f"{theirs['value_accuracy']:.2f} | {their_s:.2f} | {mb / their_s:.2f} | {ratio(their_s, our_s)} |",
        f"| casualty numbers (value) | analysis.casualty_figures | {ours_v[0]:.2f} | {ours_v[1]:.2f} | | {our_c:.2f} | {mb / our_c:.2f} | 1 |",
        f"| casualty numbers (value, category) | analysis.casualty_figures | {ours_vc[0]:.2f} | {ours_vc[1]:.2f} | | | | |",
        f"| casualty numbers (value) | quantulum3, dimensionless only | {theirs_v[0]:.2f} | {theirs_v[1]:.2f} | | "
        f"{their_c:.2f} | {mb / their_c:.2f} | {ratio(their_c, our_c)} |",
        "",
    ]
    return out
