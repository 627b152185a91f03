"""Findings computed from the tables: true on the seeds, sensible on corpora with nothing to find."""
from __future__ import annotations

import pandas as pd
import pytest

import analysis
from analysis import casualties, findings, framing, quotes, reuse


@pytest.fixture(scope="module")
def tables(seeds):
    lengths = seeds[["article_id", "outlet", "n_words"]].merge(analysis.readability(seeds), on="article_id")
    found = analysis.casualty_figures(seeds)
    return {"lengths": lengths, "found": found, "quotes": analysis.quotations(seeds),
            "dates": analysis.temporal_expressions(seeds), "events": analysis.events(seeds),
            "expectations": analysis.conference_expectations(seeds)}


def test_publication_dates_on_the_seeds(seeds):
    assert findings.publication_dates(seeds) == (
        "## Three of the five dated stories appeared on 2 July 2013; the others between 7 October 2013 "
        "and 22 August 2016")


def test_lengths_name_the_longest_and_shortest(seeds, tables):
    text = findings.lengths_and_readability(tables["lengths"], seeds)
    assert text.startswith("## Al Jazeera English's story is the longest (501 words), Press TV's the shortest")


def test_counts_and_categories(tables):
    text = findings.figure_counts(tables["found"])
    assert text.startswith("## Eight figures in five stories:") and "seven death tolls" in text


def test_tolls_are_compared_with_their_own_sources_reference(seeds, tables):
    comparison = casualties.reference_comparison(tables["found"], seeds)
    assert findings.tolls_and_references(comparison) == (
        "## All six death tolls compared lie within 10% of a reference published before them "
        "(their own source's latest where the table has one)")


def test_conference_windows_quote_what_each_outlet_said(tables):
    text = findings.conference_windows(tables["expectations"])
    assert "on 2 July 2013: " in text and "BBC News “August or later”" in text and "7 October 2013" in text


def test_shared_copy_names_the_pair(seeds):
    assert findings.shared_copy(reuse.shared_passages(seeds), seeds) == (
        "## Your Middle East and Al Jazeera English share two passages of 20 and 18 words")


def test_headline_is_the_heading_without_its_mark(seeds):
    assert findings.publication_dates(seeds).headline.startswith("Three of the five")


def test_markdown_is_escaped_so_no_article_can_inject_html():
    text = findings.finding("<img src=x onerror=alert(1)> said *this*")._repr_markdown_()
    assert "<img" not in text and "&lt;img" in text and r"\*this\*" in text


@pytest.fixture(scope="module")
def bare(tmp_path_factory):
    """One article, no metadata, nothing to find."""
    folder = tmp_path_factory.mktemp("bare")
    (folder / "only.txt").write_text("A quiet day\n\nNothing much happened. The weather was mild.\n", encoding="utf-8")
    with pytest.warns(analysis.MetadataWarning):
        articles = analysis.load_articles(folder)
    return articles.assign(outlet=articles["outlet"].astype("string").fillna(articles["article_id"]))


def test_nothing_to_find_is_said_in_words(bare):
    assert findings.publication_dates(bare) == ("## No story has a publication date\n\nAdd a metadata.csv with a "
                                                "published column (YYYY-MM-DD), or keep the pages' date stamps.")
    assert findings.relative_dates(analysis.temporal_expressions(bare)) == "## No dates found in this corpus"
    assert findings.timeline_span(analysis.events(bare)).startswith("## No date could be placed on the calendar")
    assert findings.conference_windows(analysis.conference_expectations(bare)) == (
        "## No sentence names the peace conference")
    found = analysis.casualty_figures(bare)
    assert findings.figure_counts(found) == "## No casualty figures found in this corpus"
    assert findings.citations(casualties.citations(found, bare)) == "## No death tolls to credit"
    assert findings.displacement(found, bare) == "## No outlet gives a displacement figure"
    assert findings.exclusive_labels(framing.label_rates(bare)).startswith("## No label")
    q = analysis.quotations(bare)
    assert findings.voices(q, bare, quotes.AFFILIATIONS[:6]) == "## No direct quotations in this corpus"
    assert findings.shared_copy(reuse.shared_passages(bare), bare) == (
        "## No two articles share a passage of 11 words or more\n\nShorter shared passages, from 8 words, are "
        "found often but not always (see `analysis/reuse.py`).")
    assert findings.tolls_and_references(casualties.reference_comparison(found, bare)) == "## No death tolls to compare"
    assert findings.distinctive_words(framing.distinctive_words(bare)).startswith("## No words to compare")


def test_an_article_without_outlet_is_named_by_its_id(bare):
    assert findings.labels(bare).tolist() == ["only"]
    lengths = bare[["article_id", "outlet", "n_words"]].merge(analysis.readability(bare), on="article_id")
    assert findings.lengths_and_readability(lengths, bare).startswith("## only's story has 7 words")


def test_several_articles_of_one_outlet_are_told_apart():
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "X", None]})
    assert findings.labels(articles).tolist() == ["X (a)", "X (b)", "c"]
