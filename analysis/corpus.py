"""Load a folder of article files into tidy DataFrames: articles, paragraphs, sentences.

Rules this module implements, and their known limits:

Reading
    One article per ``*.txt`` file, sorted by file name; ``article_id`` is the file stem.
    Files are decoded as strict UTF-8. A UTF-8 byte-order mark is dropped and CRLF or CR
    line ends become LF; ``text`` is that decoded text and every offset in the package
    points into it (for the seeds, which have neither, ``text`` is the file exactly).
    Empty or whitespace-only files, files with NUL bytes (binary) and bytes that are not
    UTF-8 raise :class:`~analysis.errors.CorpusError` naming the file.

Metadata
    An optional ``metadata.csv`` beside the files: a ``file`` column is required, every
    other column (``outlet, published, url, author, date_basis, headline`` …) is optional,
    and extra columns are passed through. ``published`` must be an ISO date (YYYY-MM-DD).
    An article without a metadata row still loads, flagged ``metadata_inferred``, with a
    :class:`~analysis.errors.MetadataWarning` naming it. Missing fields are inferred only
    where the text states them: the headline from the layout, the publication date from a
    stamp ("Last updated: 2 July, 2013") or a dated caption ("(2 July 2013)"), with
    ``date_basis`` saying which. Nothing else is invented.

Paragraphs
    The seeds' layout is one paragraph per line; blank lines separate them. Each non-blank
    line is a paragraph, its span trimmed of surrounding white space. Kinds, in order:

    1. a pattern row of ``data/furniture.csv`` (first match wins; ``zone`` says where a
       row applies: ``top`` before the headline, ``header`` before the first body
       paragraph, ``any`` everywhere);
    2. two adjacent identical paragraphs are a caption (an image's alt text and caption);
    3. the first paragraph not yet classified is the ``headline``;
    4. the paragraph right after the headline is the ``standfirst`` when it is one
       sentence of at most ``STANDFIRST_MAX_WORDS`` words, the story follows it, and it
       does not read as a news lede: no wire dateline ("BEIRUT (AP) —"), no quotation
       mark, no attribution (a speech verb, "according to"). A short wire lede is body;
    5. a short line (at most ``SHORT_LINE_WORDS`` words) without closing punctuation is a
       ``caption`` before the first body paragraph, a ``subheading`` when body prose
       follows it, and ``boilerplate`` when none does (trailing site furniture);
    6. everything else is ``body``.

    Limit: a hard-wrapped file (one paragraph over several lines) is read line by line.

Sentences
    Sentences are found inside body paragraphs (or the kinds asked for) and never cross a
    paragraph. A boundary is ``.``, ``!`` or ``?`` with any closing quotes or brackets,
    then white space (no-break spaces included), then an upper-case letter, digit or
    opening quote. No boundary after an abbreviation from ``data/abbreviations.csv``
    ("Mr", "Sept"), after initials or dotted acronyms ("U.S.", "U.N."), inside a decimal,
    or inside a quotation (``text.quoted_stretches``: straight or curly double quotes,
    either closing either). A paragraph whose quotation marks do not balance is split as
    if it had none. After initials or a dotted acronym the sentence does end when the next
    word is one that opens sentences and never follows a name or an acronym inside one
    (:data:`SENTENCE_OPENERS`: "… sanctions on the U.S. The move …").
    Limit: a sentence that ends with "U.S." before any other word ("… the U.S. Kerry said")
    is joined to the next; so is one ending in "a.m." or "p.m.".

Speed
    Every extractor asks for paragraphs and sentences, so the layout of a text, the
    sentence spans of a paragraph and those of a whole text are memoised (bounded
    caches keyed by the text itself, emptied by ``analysis.knowledge.reload()`` since
    they depend on the furniture and abbreviation files).
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import threading
import warnings
from collections import Counter
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pandas as pd

from . import knowledge
from .errors import CorpusError, CorpusWarning, MetadataWarning
from .paths import SEEDS_DIR
from .text import MONTH_PATTERN, count_words, month_number, quoted_stretches, trim_span

STANDFIRST_MAX_WORDS = 25
SHORT_LINE_WORDS = 8
PARAGRAPH_KINDS = [
    "section", "dateline", "headline", "standfirst", "byline", "caption",
    "subheading", "body", "credit", "boilerplate",
]
METADATA_COLUMNS = ["outlet", "published", "url", "author", "date_basis", "headline"]
CATEGORY_COLUMNS = ["outlet", "country", "outlet_kind"]

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
STATED_DATE_RES = [
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{MONTH_PATTERN}),?\s+(?P<year>\d{{4}})\b"),
    re.compile(rf"\b(?P<month>{MONTH_PATTERN})\s+(?P<day>\d{{1,2}}),\s+(?P<year>\d{{4}})\b"),
]


# ---------------------------------------------------------------- knowledge

@knowledge.cached
def furniture_rules() -> tuple[tuple[str, str, re.Pattern], ...]:
    """The rows of ``data/furniture.csv`` as (kind, zone, compiled pattern)."""
    return tuple((r.kind, r.zone, re.compile(r.pattern)) for r in knowledge.furniture().itertuples())


# ---------------------------------------------------------------- reading files

MAX_ARTICLE_BYTES = 5_000_000  # a news article is tens of kilobytes; a larger file is a book or a whole site


def read_text(path: Path) -> tuple[str, str]:
    """Decode one article file; return (text, sha256 of the bytes). Raise CorpusError."""
    if path.stat().st_size > MAX_ARTICLE_BYTES:
        raise CorpusError(f"{path}: {path.stat().st_size / 1e6:.0f} MB is not one article (the limit is "
                          f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB); split it into one file per article")
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise CorpusError(f"{path}: the file is empty or only white space; remove it or add the article's text")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise CorpusError(f"{path}: the file is UTF-16 text; re-save it as UTF-8 (offsets point into UTF-8 text)")
    if b"\x00" in data:
        raise CorpusError(f"{path}: the file looks binary (it contains NUL bytes); only UTF-8 text files belong in a corpus folder")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise CorpusError(
            f"{path}: not valid UTF-8 at byte offset {err.start} (byte 0x{data[err.start]:02x}); "
            "re-save the file as UTF-8"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise CorpusError(f"{path}: the file is empty or only white space; remove it or add the article's text")
    return text, digest


def read_metadata(corpus_dir: Path) -> dict[str, dict[str, str]]:
    """Rows of ``metadata.csv`` keyed by file name; {} when there is none. Raise CorpusError."""
    path = corpus_dir / "metadata.csv"
    if not path.exists():
        return {}
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise CorpusError(f"{path}: not valid UTF-8 at byte offset {err.start}; re-save it as UTF-8") from None
    reader = csv.DictReader(io.StringIO(raw))
    if reader.fieldnames is None or "file" not in [f.strip() for f in reader.fieldnames]:
        raise CorpusError(f"{path}: no 'file' column in the header; the first line must name the columns, 'file' among them")
    rows: dict[str, dict[str, str]] = {}
    for row in reader:
        line = reader.line_num
        if None in row:
            raise CorpusError(f"{path}, line {line}: more fields than the header has columns; quote values that contain commas")
        row = {k.strip(): (v or "").strip() for k, v in row.items()}
        name = row["file"]
        if not name:
            raise CorpusError(f"{path}, line {line}: the 'file' value is empty; give the article's file name")
        if name in rows:
            raise CorpusError(f"{path}, line {line}: {name!r} has a second row; keep one row per file")
        if row.get("published") and not _is_date(row["published"]):
            raise CorpusError(
                f"{path}, line {line}: published date {row['published']!r} for {name!r} is not a valid "
                "YYYY-MM-DD date; write it as YYYY-MM-DD (2013-07-02 is 2 July 2013; years 1678 to 2261)"
            )
        if row.get("published") and pd.Timestamp(row["published"]).date() > date.today():
            raise CorpusError(f"{path}, line {line}: published date {row['published']} for {name!r} is in the "
                              "future; correct the date")
        if not (corpus_dir / name).is_file():
            raise CorpusError(f"{path}, line {line}: {name!r} has a metadata row but no such file in {corpus_dir}; add the file or remove the row")
        rows[name] = row
    return rows


def _is_date(value: str) -> bool:
    """Whether pandas reads ``value`` as an ISO 8601 date in the years the articles table's
    nanosecond dates hold (1678 to 2261). A plain YYYY-MM-DD is checked without pandas,
    which takes far longer per value."""
    if _ISO_DAY.fullmatch(value):
        try:
            if 1678 <= date.fromisoformat(value).year <= 2261:
                return True
        except ValueError:
            pass
    try:
        return 1678 <= pd.to_datetime(value, format="ISO8601").year <= 2261
    except (ValueError, TypeError, AttributeError):
        return False


def article_files(corpus_dir: Path) -> list[Path]:
    """The ``.txt`` files of a corpus folder (any case of the ending), sorted by name. Raise
    CorpusError; warn (CorpusWarning) about subfolders holding ``.txt`` files, which are not read."""
    if not corpus_dir.exists():
        raise CorpusError(f"{corpus_dir}: no such corpus folder; pass a folder of .txt articles")
    if not corpus_dir.is_dir():
        raise CorpusError(f"{corpus_dir}: not a folder; pass the folder that holds the .txt articles")
    files = sorted(p for p in corpus_dir.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
    if not files:
        raise CorpusError(f"{corpus_dir}: no .txt files in this folder; a corpus is one .txt file per article")
    stems = [p.stem for p in files]
    twice = sorted(s for s, n in Counter(stems).items() if n > 1)  # one pass: stems.count for each was quadratic
    if twice:
        raise CorpusError(f"{corpus_dir}: two files are named {twice[0]} (the endings differ only in case); "
                          "rename one, since the name is the article's id")
    nested = sorted(d.name for d in corpus_dir.iterdir()
                    if d.is_dir() and not d.name.startswith(".") and any(p.suffix.lower() == ".txt" for p in d.rglob("*")))
    if nested:
        _warn(f"{corpus_dir}: the subfolders {', '.join(nested)} hold .txt files that are not read; "
              "a corpus is one folder, so move the articles up into it or pass the subfolder", CorpusWarning)
    return files


def _warn(message: str, category: type[Warning]) -> None:
    """A warning shown as its one line (no source line of the package, no module path)."""
    warnings.warn_explicit(message, category, filename="analysis", lineno=0, module="analysis")


# ---------------------------------------------------------------- layout

_PROSE_END = re.compile(r"[.!?:;,\"”’)\]]$")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*$")
_LINE = re.compile(r"[^\n]+")


def _is_prose(par: str) -> bool:
    return _PROSE_END.search(par) is not None or count_words(par) > SHORT_LINE_WORDS


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _LINE.finditer(text):
        s, e = trim_span(text, *m.span())
        if e > s:
            spans.append((s, e))
    return spans


@knowledge.cached(maxsize=4096)
def classify_paragraphs(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, kind) for each paragraph of one article text, by the rules above."""
    spans = _line_spans(text)
    pars = [text[s:e] for s, e in spans]
    kinds: list[str | None] = [None] * len(pars)
    rules = furniture_rules()
    headline_at = None
    for i, par in enumerate(pars):
        before_body = "body" not in kinds[:i]
        for kind, zone, pattern in rules:
            if zone == "top" and headline_at is not None:
                continue
            if zone == "header" and not before_body:
                continue
            if pattern.search(par):
                kinds[i] = kind
                break
        if kinds[i] is None and (
            (i > 0 and pars[i - 1] == par) or (i + 1 < len(pars) and pars[i + 1] == par)
        ):
            kinds[i] = "caption"
        if kinds[i] is None and headline_at is None:
            kinds[i] = "headline"
            headline_at = i
            continue
        if (kinds[i] is None and headline_at == i - 1 and _is_standfirst(par)
                and any(_is_prose(p) for p in pars[i + 1:])):
            kinds[i] = "standfirst"
        if kinds[i] is None and not _is_prose(par):
            if before_body:
                kinds[i] = "caption"
            elif any(_is_prose(p) and not _matches_furniture(p) for p in pars[i + 1:]):
                kinds[i] = "subheading"
            else:
                kinds[i] = "boilerplate"
        if kinds[i] is None:
            kinds[i] = "body"
    return tuple((s, e, k) for (s, e), k in zip(spans, kinds))


def _matches_furniture(par: str) -> bool:
    return any(pattern.search(par) for _, _, pattern in furniture_rules())


def _is_standfirst(par: str) -> bool:
    return (
        count_words(par) <= STANDFIRST_MAX_WORDS
        and _SENTENCE_END.search(par) is not None
        and len(split_sentences(par)) == 1
        and _lede_re().search(par) is None
    )


@knowledge.cached
def _lede_re() -> re.Pattern:
    """What a short news lede has and a standfirst (a summary under the headline) does not:
    a wire dateline ("BEIRUT (AP) —", "GENEVA, July 2 -"), a quotation mark, or an
    attribution (a speech verb of ``data/reporting_verbs.csv``, "according to")."""
    verbs = "|".join(knowledge.speech_verbs())
    return re.compile(r"^[A-Z][A-Za-z .'-]*(?:,[^—–-]{1,40})?\s*(?:\([^)]{1,40}\))?\s*[—–-]\s"
                      rf"|[“”\"]|\baccording to\b|\b(?:{verbs})\b")


# ---------------------------------------------------------------- sentences

# a candidate boundary: terminal marks, closing quotes or brackets, then white space
_BOUNDARY = re.compile(r'(?P<stop>[.!?]+)(?P<close>["”’\')\]]*)(?P<space>\s+)')
_OPENERS = "\"“‘'("
_WORD_BEFORE_DOT = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")
# words that open a sentence and never follow an initial or a dotted acronym inside one
SENTENCE_OPENERS = frozenset({"The", "A", "An", "He", "She", "It", "They", "We", "I", "This", "That", "These",
                              "Those", "There", "His", "Her", "Its", "Their", "But", "And", "Yet", "In", "On",
                              "At", "Meanwhile", "However"})
_NEXT_WORD = re.compile(r"[A-Za-z]+")


def _ends_in_abbreviation(par: str, dot: int, nxt: int) -> bool:
    m = _WORD_BEFORE_DOT.search(par, max(0, dot - 40), dot)
    if not m:
        return False
    word = m.group(1)
    if word in knowledge.abbreviations():
        return True
    # initials and dotted acronyms ("J", "U.S", "U.N"), unless a sentence opener follows
    following = _NEXT_WORD.match(par, nxt)
    return _INITIALS.fullmatch(word) is not None and not (following and following.group() in SENTENCE_OPENERS)


@knowledge.cached(maxsize=65536)
def split_sentences(par: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence in one paragraph, relative to the paragraph."""
    stretches = quoted_stretches(par)
    if stretches and stretches[-1][1] is None:
        stretches = []  # quotation marks that do not balance: split as if there were none
    spans, start, n = [], 0, len(par)
    for m in _BOUNDARY.finditer(par):
        nxt, at = m.end(), m.start("space")
        if (
            nxt < n
            and not any(o < at < c for o, c in stretches)
            and (par[nxt].isupper() or par[nxt].isdigit() or par[nxt] in _OPENERS)
            and not (par[m.start()] == "." and _ends_in_abbreviation(par, m.start(), nxt))
        ):
            spans.append((start, at))
            start = nxt
    spans.append((start, n))
    return tuple((s, e) for s, e in (trim_span(par, s, e) for s, e in spans) if e > s)


@knowledge.cached(maxsize=4096)
def sentence_spans(text: str) -> tuple[tuple[int, str, int, int], ...]:
    """(paragraph_id, kind, start, end) of every sentence of one article text, in order.

    Every extractor asks for the sentences, most of them of every paragraph kind, so the
    spans of a text are kept like its layout.
    """
    return tuple((pid, kind, ps + s, ps + e)
                 for pid, (ps, pe, kind) in enumerate(classify_paragraphs(text))
                 for s, e in split_sentences(text[ps:pe]))


# ---------------------------------------------------------------- dates stated in furniture

def parse_stated_date(text: str) -> pd.Timestamp | None:
    """The first full date written as "2 July, 2013", "2 July 2013" or "July 2, 2013"."""
    for pattern in STATED_DATE_RES:
        m = pattern.search(text)
        if m:
            return pd.Timestamp(int(m["year"]), month_number(m["month"]), int(m["day"]))
    return None


_STAMP = re.compile(r"(?i)^(?:last updated|updated|published|first published|posted)\s*:?\s")


def _infer_published(text: str, layout: tuple[tuple[int, int, str], ...]) -> tuple[pd.Timestamp | None, str]:
    """The date a stamp states (at the top or, after the story, at the end), else a dated caption."""
    stamps = [(s, e) for s, e, kind in layout if kind == "dateline"
              or (kind in ("boilerplate", "body") and _STAMP.match(text[s:e]) and (s, e, kind) == layout[-1])]
    captions = [(s, e) for s, e, kind in layout if kind == "caption"]
    for label, spans in (("stamp", stamps), ("dated caption", captions)):
        for s, e in spans:
            stated = parse_stated_date(text[s:e])
            if stated is not None:
                return stated, f"inferred from the {label} {text[s:e]!r}"
    return None, ""


# ---------------------------------------------------------------- public API

def load_articles(corpus_dir: str | Path | None = None, *, files: list[str] | None = None,
                  metadata: dict[str, dict[str, str]] | None = None) -> pd.DataFrame:
    """One row per ``.txt`` article of ``corpus_dir`` (default: the project's seeds).

    Columns: article_id, file, outlet, published, url, author, headline, date_basis, any
    extra metadata columns, metadata_inferred, n_words (body), sha256 (file bytes), text
    (the whole decoded file) and body (body paragraphs joined by blank lines).
    ``files`` restricts the load to these file names of the folder (for parallel runs);
    the metadata is still checked as a whole. ``metadata`` passes rows already read by
    :func:`read_metadata`, so a run loading a large corpus in batches reads it once.
    """
    corpus_dir = Path(corpus_dir) if corpus_dir is not None else SEEDS_DIR
    files = article_files(corpus_dir) if files is None else [corpus_dir / name for name in files]
    metadata = read_metadata(corpus_dir) if metadata is None else metadata
    extra = sorted({k for row in metadata.values() for k in row} - {"file", *METADATA_COLUMNS})
    records, unlisted = [], []
    for path in files:
        text, digest = read_text(path)
        layout = classify_paragraphs(text)
        row = metadata.get(path.name)
        if row is None:
            unlisted.append(path.name)
            row = {}
        body_spans = [(s, e) for s, e, k in layout if k == "body"]
        body = "\n\n".join(text[s:e] for s, e in body_spans)
        headline = row.get("headline") or next((text[s:e] for s, e, k in layout if k == "headline"), "")
        published, basis = (row.get("published"), row.get("date_basis", ""))
        if not published:
            published, basis = _infer_published(text, layout)
        records.append({
            "article_id": path.stem,
            "file": path.name,
            "outlet": row.get("outlet") or None,
            "published": published,
            "url": row.get("url") or None,
            "author": row.get("author") or None,
            "headline": headline or None,
            "date_basis": basis or None,
            **{k: row.get(k) or None for k in extra},
            "metadata_inferred": path.name not in metadata,
            "n_words": sum(count_words(text[s:e]) for s, e in body_spans),
            "sha256": digest,
            "text": text,
            "body": body,
        })
    if unlisted:
        names = ", ".join(unlisted[:5]) + (f" and {len(unlisted) - 5} more" if len(unlisted) > 5 else "")
        if (corpus_dir / "metadata.csv").is_file():
            _warn(f"{corpus_dir / 'metadata.csv'}: no row for {names}; headline and date inferred from the text "
                  "where it states them. Add rows to metadata.csv to state outlet, date and URL.", MetadataWarning)
        else:
            _warn(f"{corpus_dir}: no metadata.csv, so no outlet, and headline and date inferred from the text "
                  f"where it states them ({names}). Add a metadata.csv (file,outlet,published,url) to state them.",
                  MetadataWarning)
    return _typed_articles(pd.DataFrame.from_records(records))


def _typed_articles(df: pd.DataFrame) -> pd.DataFrame:
    types = {c: "string" for c in df.columns}
    types.update({c: "category" for c in CATEGORY_COLUMNS if c in df.columns})
    types.update({"metadata_inferred": "bool", "n_words": "int64"})
    del types["published"]
    df = df.astype(types)
    df["published"] = pd.to_datetime(df["published"], format="ISO8601").astype("datetime64[ns]")
    return df


def require(articles: pd.DataFrame, columns: tuple[str, ...], needed_by: str) -> None:
    """A CorpusError naming the columns of the articles table that ``needed_by`` needs and
    ``articles`` lacks, and how to get them."""
    missing = [c for c in columns if c not in articles.columns]
    if missing:
        raise CorpusError(f"{needed_by} needs the column{'s' if len(missing) > 1 else ''} {', '.join(missing)} of the "
                          f"articles table; analysis.load_articles(folder) gives them all (it needs "
                          f"{', '.join(columns)})")


def paragraphs(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per paragraph: article_id, paragraph_id, start, end, kind, n_words, text."""
    require(articles, ("article_id", "text"), "paragraphs")
    rows = []
    for art in articles[["article_id", "text"]].itertuples(index=False):
        for pid, (s, e, kind) in enumerate(classify_paragraphs(art.text)):
            par = art.text[s:e]
            rows.append((art.article_id, pid, s, e, kind, count_words(par), par))
    df = pd.DataFrame(rows, columns=["article_id", "paragraph_id", "start", "end", "kind", "n_words", "text"])
    return df.astype({
        "article_id": "string", "paragraph_id": "int64", "start": "int64", "end": "int64",
        "kind": pd.CategoricalDtype(PARAGRAPH_KINDS), "n_words": "int64", "text": "string",
    })


def sentences(articles: pd.DataFrame, *, kinds: tuple[str, ...] = ("body",)) -> pd.DataFrame:
    """One row per sentence of the paragraphs of ``kinds`` (default: body only).

    Columns: article_id, sentence_id, paragraph_id, kind, start, end (offsets into the
    article's ``text``) and text. ``sentence_id`` numbers every sentence of the article,
    furniture included, from 0 in text order, so it is the same whichever kinds are asked.
    """
    require(articles, ("article_id", "text"), "sentences")
    shared = getattr(_SHARED, "batch", None)
    if shared is not None and shared[0] is articles:
        return _shared_sentences(shared, kinds)
    return _sentences(articles, kinds)


# .batch: (articles, [their sentences of every kind, once made]) while shared_sentences is
# entered, in this thread (a Dask worker may make several batches at once in threads)
_SHARED = threading.local()


@contextmanager
def shared_sentences(articles: pd.DataFrame):
    """Within this, :func:`sentences` of these very articles (the same object) is built
    once, of every kind, and each call gets its kinds' rows of it. Every extractor asks
    for the sentences; the tables pipeline makes all of them from one batch of articles."""
    outer = getattr(_SHARED, "batch", None)
    _SHARED.batch = (articles, [])
    try:
        yield
    finally:
        _SHARED.batch = outer


def _shared_sentences(shared: tuple[pd.DataFrame, list[pd.DataFrame]], kinds: tuple[str, ...]) -> pd.DataFrame:
    articles, made = shared
    if not made:
        made.append(_sentences(articles, tuple(PARAGRAPH_KINDS)))
    every = made[0]
    if set(kinds) >= set(PARAGRAPH_KINDS):
        return every.copy(deep=False)  # copy-on-write: a caller's changes stay its own
    return every[every["kind"].isin(kinds)].reset_index(drop=True)


def _sentences(articles: pd.DataFrame, kinds: tuple[str, ...]) -> pd.DataFrame:
    rows = []
    for aid, text in zip(articles["article_id"].tolist(), articles["text"].tolist()):
        for sid, (pid, kind, s, e) in enumerate(sentence_spans(text)):
            if kind in kinds:
                rows.append((aid, sid, pid, kind, s, e, text[s:e]))
    df = pd.DataFrame(rows, columns=["article_id", "sentence_id", "paragraph_id", "kind", "start", "end", "text"])
    return df.astype({
        "article_id": "string", "sentence_id": "int64", "paragraph_id": "int64",
        "kind": pd.CategoricalDtype(PARAGRAPH_KINDS), "start": "int64", "end": "int64", "text": "string",
    })


def readability(articles: pd.DataFrame) -> pd.DataFrame:
    """Readability of each article's body: Flesch reading ease, Flesch–Kincaid grade, Gunning fog.

    textstat is pinned at 0.7.4, the last release that needs no download at run time
    (it counts syllables with pyphen's bundled dictionaries; see the README).
    """
    require(articles, ("article_id", "body"), "readability")
    import textstat

    rows = [
        (a.article_id, textstat.flesch_reading_ease(a.body), textstat.flesch_kincaid_grade(a.body),
         textstat.gunning_fog(a.body))
        for a in articles[["article_id", "body"]].itertuples(index=False)
    ]
    df = pd.DataFrame(rows, columns=["article_id", "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog"])
    return df.astype({"article_id": "string", "flesch_reading_ease": "float64",
                      "flesch_kincaid_grade": "float64", "gunning_fog": "float64"})
