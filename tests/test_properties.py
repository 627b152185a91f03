"""Arbitrary text and corpora: only the package's own error, every offset valid, no article dropped."""
import string
import warnings

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis
from analysis import CorpusError, tables
from analysis.corpus import split_sentences

EVIDENCE = ("surface", "text", "passage")
# text that looks like news now and then: words, punctuation, quotes, digits, line breaks
NEWSY = st.text(alphabet=st.sampled_from(list(string.ascii_letters + string.digits + " .,;:!?'\"“”‘’()-\n\u00a0")) | st.characters(codec="utf-8"),
                max_size=400)
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])


def check_offsets(table: pd.DataFrame, texts: pd.Series, name: str) -> None:
    if not {"article_id", "start", "end"} <= set(table.columns):
        return
    column = next((c for c in EVIDENCE if c in table.columns), None)
    for row in table.itertuples(index=False):
        text = texts[row.article_id]
        assert 0 <= row.start <= row.end <= len(text), name
        if column:
            assert text[row.start:row.end] == getattr(row, column), name


@SETTINGS
@given(st.text(max_size=300))
def test_sentences_cover_only_the_paragraph(par):
    for s, e in split_sentences(par):
        assert 0 <= s < e <= len(par) and par[s:e] == par[s:e].strip()


@SETTINGS
@given(st.lists(NEWSY, min_size=1, max_size=4))
def test_any_corpus_loads_or_fails_with_corpus_error(write_corpus, texts):
    folder = write_corpus({f"{i:02d}.txt": t for i, t in enumerate(texts)})
    for old in folder.glob("*.txt"):
        if old.name >= f"{len(texts):02d}.txt":
            old.unlink()  # files from an earlier example in the same folder
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", analysis.MetadataWarning)
            articles = analysis.load_articles(folder)
    except CorpusError:
        assert any(not t.removeprefix("\ufeff").strip() for t in texts) or any("\x00" in t for t in texts)
        return
    assert len(articles) == len(texts)
    texts_by_id = articles.set_index("article_id")["text"]
    for name, make in {**tables.TABLES, "sentences": analysis.sentences}.items():
        check_offsets(make(articles), texts_by_id, name)
    for name, make in tables.CORPUS_TABLES.items():
        make(articles)
