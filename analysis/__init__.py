"""analysis: how five outlets covered US–Russia diplomacy on Syria, as tidy DataFrames.

Every extractor takes the articles DataFrame from :func:`load_articles` and returns one
row per observation with the evidence columns ``article_id, start, end`` (offsets into
the article's ``text``). The quotation extractor is ``analysis.quotes.quotes``: it is not
re-exported here, where its name would hide the ``analysis.quotes`` module.
"""
from .corpus import load_articles, paragraphs, readability, sentences
from .casualties import casualty_figures, reference_tolls, score_casualties
from .errors import CorpusError, MetadataWarning
from .framing import distinctive_words, label_rates, label_uses, log_odds, stance_markers, stance_rates
from .quotes import quote_share, score_quotes, voices
from .reuse import overlap, shared_passages
from .timeline import conference_expectations, date_errors, events, score_dates, temporal_expressions

__all__ = [
    "CorpusError", "MetadataWarning", "load_articles", "paragraphs", "readability", "sentences",
    "temporal_expressions", "events", "conference_expectations", "score_dates", "date_errors",
    "casualty_figures", "score_casualties", "reference_tolls",
    "label_uses", "label_rates", "stance_markers", "stance_rates", "distinctive_words", "log_odds",
    "quote_share", "voices", "score_quotes", "shared_passages", "overlap",
]
