"""analysis: how five outlets covered US–Russia diplomacy on Syria, as tidy DataFrames.

Every extractor takes the articles DataFrame from :func:`load_articles` and returns one
row per observation with the evidence columns ``article_id, start, end`` (offsets into
the article's ``text``).
"""
from .corpus import load_articles, paragraphs, readability, sentences
from .errors import CorpusError, MetadataWarning

__all__ = ["CorpusError", "MetadataWarning", "load_articles", "paragraphs", "readability", "sentences"]
