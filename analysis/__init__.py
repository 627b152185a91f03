"""analysis: how five outlets covered US–Russia diplomacy on Syria, as tidy DataFrames.

Every extractor takes the articles DataFrame from :func:`load_articles` and returns one
row per observation with the evidence columns ``article_id, start, end, surface`` (offsets
into the article's ``text``, ``text[start:end] == surface``) and the ``sentence``.

The package is layered; each module imports only from the layers below it:

1. ``paths``, ``errors``; the text layer ``text`` (words, spans, quotation marks, months)
   and ``matches`` (lexicons compiled and matched);
2. ``knowledge``: every data file of ``analysis/data``, and ``knowledge.reload()``;
3. ``corpus``: articles, paragraphs, sentences;
4. the extractors: ``dates``, ``timeline`` (events), ``casualties``, ``quotes``,
   ``framing`` (labels, stance, vocabulary; it reads the quotations), ``reuse``;
5. ``evaluate`` (scores against hand annotations), ``tables`` (the tables pipeline),
   ``ingest`` (saved pages, WARC files and CSV exports into a corpus), ``figures`` and
   ``charts`` (the house style and chart builders), ``report``, ``lab_form`` (notebooks
   stored as JupyterLab saves them);
6. ``distributed`` (the tables pipeline on a Dask cluster), ``build`` and ``cli``.
"""
from .casualties import casualty_figures
from .corpus import load_articles, paragraphs, readability, sentences
from .dates import temporal_expressions
from .errors import CorpusError, CorpusWarning, MetadataWarning
from .framing import distinctive_words, label_rates, label_uses, log_odds, stance_markers, stance_rates
from .knowledge import reference_tolls
from .quotes import quotations, quote_share, voices
from .reuse import overlap, shared_passages
from .timeline import conference_expectations, events

__all__ = [
    "CorpusError", "CorpusWarning", "MetadataWarning", "load_articles", "paragraphs", "readability", "sentences",
    "temporal_expressions", "events", "conference_expectations", "casualty_figures", "reference_tolls",
    "label_uses", "label_rates", "stance_markers", "stance_rates", "distinctive_words", "log_odds",
    "quotations", "quote_share", "voices", "shared_passages", "overlap",
]
