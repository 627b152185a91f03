"""Grow a corpus from saved web pages, web archives and spreadsheet exports.

``python -m analysis add SOURCE... --corpus DIR`` turns each SOURCE into articles in the
corpus's layout, each with its row in ``DIR/metadata.csv``. Rules and known limits:

Sources
    A saved page (``.html``, ``.htm``, ``.xhtml``, ``.shtml``). A web archive (``.warc``,
    ``.warc.gz``, read with warcio): every ``response`` record with HTTP status 200 and an
    HTML content type is a page; the other records (requests, warcinfo, images, scripts,
    redirects) are not articles, and are counted in one note line, not refused. A
    spreadsheet export (``.csv``, UTF-8): one article per row, its text in the column
    ``--text-column`` (default ``text``); headline, date, URL, author and outlet come from
    the columns named by ``--headline-column`` … (each by default the column of that
    field's own name, when there is one).

Text
    trafilatura (balanced settings; reader comments left out) finds the main text of a
    page: menus, cookie banners, ads, related links and footers are left behind by its
    rules, not by rules of ours. Each line of its text is one paragraph, kept exactly as
    extracted. The file is the headline, then the paragraphs, separated by blank lines as
    in ``seeds/``, UTF-8 with LF line ends. trafilatura's text usually starts with the
    page's ``<h1>``; a first line equal to the headline (white space and case aside) is
    not written twice. A CSV row's text is split the same way, one paragraph per line.
    The headline is put on one line (its white space collapsed).
    A page's bytes are decoded by their byte-order mark, else by the charset that the
    server (in a WARC), the XML declaration or the page's ``<meta>`` declares
    (``iso-8859-1``, ``latin1`` and ``us-ascii`` read as windows-1252, as browsers read
    them), else as UTF-8. A page none of these decodes is refused: its encoding is never
    guessed.

Metadata
    From trafilatura: headline (og:title, JSON-LD, ``<title>``, ``<h1>``), author, URL
    (canonical link or og:url, else the "saved from url" comment a browser's "Save page
    as" writes, else the WARC record's target URI) and outlet (og:site_name, JSON-LD
    publisher, twitter:site …, else the URL's host; ``--outlet`` overrides all of them).
    The date is htmldate's "original" (publication) date with the settings trafilatura
    gives it: extensive search, no later than today. htmldate returns a date but not
    where it found it, so :func:`find_date` takes htmldate's steps one at a time, in
    htmldate's order, with htmldate's own functions, and ``date_basis`` names the step and
    its evidence: "date in the URL", "article:published_time meta tag", "JSON-LD
    datePublished", "<time datetime=...> element", 'visible text "5 November 2013" in
    <p class="byline">' … (a test checks that the date is htmldate's own on pages that
    reach each step). htmldate's last resort, a date-like pattern anywhere in the page
    source (often only a copyright year, read as 1 January), is not recorded as the date:
    ``published`` stays empty and ``date_basis`` gives the guess, so the loader falls back
    to a date the text states. A CSV date must be ISO 8601 (``YYYY-MM-DD``, optionally
    with a time, whose day is kept); ``date_basis`` names the column.

Refused (one line each on stderr naming the source and what to do; exit status 2; the
other sources are still added, and nothing is written for a refused one)
    * an unreadable source: missing, a folder, an unknown kind of file, undecodable, not
      HTML, not a WARC file or a WARC file without an HTML page, a CSV without its text
      column;
    * a page with no article text: no paragraph the loader would count as standfirst or
      body (a line of prose, with closing punctuation or more than eight words, that is
      not furniture);
    * a page whose URL is already in ``metadata.csv`` or was added earlier in the same run
      (URLs compared without scheme, ``www.``, fragment or trailing slash);
    * a page whose text is already in the corpus or was added earlier in the run: its
      standfirst and body paragraphs as the loader classifies them, joined with all white
      space collapsed, equal to another file's;
    * a CSV row whose date is not ISO 8601.

Writing
    File name: ``YYYY-MM-DD_slug-of-the-headline.txt`` (``undated_`` when no date is
    known; an ASCII slug of at most 60 characters, from the first line when there is no
    headline; ``-2``, ``-3`` … after the slug when the name is taken). Files are created
    exclusively: nothing is ever overwritten. ``metadata.csv`` is created with the
    columns ``file,outlet,published,url,author,headline,date_basis``; an existing one keeps
    every row and column, and gets one row per article appended, in its own column order
    (LF line ends, UTF-8). When its header lacks one of those columns, the column is added
    at the end of the header and every old row gets an empty value in it: the file is
    rewritten once with the same values (a byte-order mark is kept; quoting may be
    normalised). A ``SHA256SUMS`` manifest beside the articles (as in ``seeds/``) gets the
    new file's line. A corpus that does not load as it is (a bad metadata row, a file that
    is not UTF-8) stops the command with :class:`~analysis.errors.CorpusError` before
    anything is written; a missing corpus folder is created.

Offline
    Nothing here opens a network connection. The libraries get parsed trees or decoded
    text, never a URL string (htmldate downloads a string that looks like a URL).

Known limits
    * trafilatura decides what the article is: on a page that is not an article (an
      index page, a gallery) it may still return lines, and only pages without a single
      standfirst or body paragraph are refused.
    * A paragraph broken with ``<br>`` becomes several paragraphs.
    * Only the first extracted line is compared with the headline; a headline shown in
      another form stays in the text as a paragraph (the loader then classifies it).
    * Duplicates are exact (after white space): the same article edited, or saved once
      with and once without a caption, is not caught; ``analysis.shared_passages`` finds
      such pairs.
    * The date follows htmldate's rules, which put a date in the URL before the meta
      tags, as trafilatura does; a URL date is the day of the URL, not of an update. Its
      steps that read visible text may take a date from elsewhere on the page (a list of
      related stories): ``date_basis`` quotes the text read, so that it can be checked.
"""
from __future__ import annotations

import argparse
import codecs
import csv
import hashlib
import io
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from htmldate.core import (DATE_ATTRIBUTES, ITEMPROP_ATTRS_ORIGINAL, TIMESTAMP_PATTERN, compare_reference,
                           date_candidates, examine_abbr_elements, examine_header, examine_text,
                           examine_time_elements, has_plausible_candidates, search_page, serialize)
from htmldate.extractors import (FREE_TEXT_EXPRESSIONS, JSON_PUBLISHED, TEXT_PATTERNS, discard_unwanted,
                                 extract_url_date, idiosyncrasies_search, img_search, json_search,
                                 pattern_search, try_date_expr_opts)
from htmldate.settings import CLEANING_LIST, MAX_SEGMENT_LEN, MIN_SEGMENT_LEN
from htmldate.utils import Extractor, clean_html
from htmldate.validators import check_extracted_reference, get_max_date, get_min_date
from lxml import etree
from trafilatura.utils import load_html
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from .corpus import classify_paragraphs, read_metadata, read_text
from .errors import CorpusError

METADATA_HEADER = ["file", "outlet", "published", "url", "author", "headline", "date_basis"]
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
# the scripts htmldate's json_search reads, in its order
JSON_SCRIPTS = './/script[@type="application/ld+json" or @type="application/settings+json"]'
SLUG_MAX = 60
NO_TEXT = ("no article text found (no paragraph of prose); check that this is the article itself, "
           "not an index or error page, or a row with an empty text cell")
# paragraph kinds (analysis.corpus) that are the article's own text, not page furniture
TEXT_KINDS = ("standfirst", "body")
# charset labels that browsers read as windows-1252 (WHATWG Encoding Standard)
WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""\A\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)
_ISO_DATE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[T ][0-9:.]+(?:Z|[+-][0-9:]+)?)?")
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")


# ---------------------------------------------------------------- records

@dataclass(frozen=True)
class Article:
    """One article ready to be written: its file text and its metadata row."""
    text: str
    origin: str
    headline: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None
    date_basis: str = ""

    def row(self, name: str) -> dict[str, str]:
        return {"file": name, "outlet": self.outlet or "", "published": self.published or "",
                "url": self.url or "", "author": self.author or "", "headline": self.headline or "",
                "date_basis": self.date_basis}


@dataclass(frozen=True)
class Outcome:
    """What happened to one page, row or source: ``added`` (``detail`` is the file name),
    ``skipped`` (refused: ``detail`` says why and what to do) or ``noted`` (records of an
    archive that are not pages: not a refusal)."""
    origin: str
    action: str
    detail: str

    @property
    def refused(self) -> bool:
        return self.action == "skipped"

    def line(self) -> str:
        return f"{self.action} {self.origin}: {self.detail}"


@dataclass(frozen=True)
class DateFinding:
    """A publication date (``YYYY-MM-DD`` or None) and where it was found."""
    date: str | None
    basis: str


@dataclass(frozen=True)
class Columns:
    """Which CSV column holds each field (None: the column of the field's own name, if any)."""
    text: str = "text"
    headline: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None
    outlet: str | None = None


@dataclass
class CorpusIndex:
    """What the corpus holds already: its file names, and the file of each URL key and text key."""
    folder: Path
    names: set[str] = field(default_factory=set)
    urls: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------- command line

def add_arguments(subparsers) -> None:
    """Declare ``add`` on the command line's subparsers."""
    add = subparsers.add_parser("add", help="add articles from saved pages, WARC files or a CSV export to a corpus")
    add.add_argument("sources", nargs="+", type=Path, metavar="SOURCE",
                     help="saved page (.html/.htm), web archive (.warc/.warc.gz) or CSV export (.csv)")
    add.add_argument("--corpus", type=Path, required=True, help="corpus folder to add to (created if missing)")
    add.add_argument("--outlet", default=None, help="outlet name for every article added (default: from each page)")
    add.add_argument("--text-column", default="text", help="CSV column holding the article text (default: text)")
    for name, default in [("headline", "headline"), ("date", "published"), ("url", "url"),
                          ("author", "author"), ("outlet", "outlet")]:
        add.add_argument(f"--{name}-column", default=None,
                         help=f"CSV column for the {name} (default: the column '{default}', if there is one)")


def run(args: argparse.Namespace) -> int:
    """Run ``add``: print one line per outcome; 2 when anything was refused, else 0."""
    columns = Columns(text=args.text_column, headline=args.headline_column, published=args.date_column,
                      url=args.url_column, author=args.author_column, outlet=args.outlet_column)
    outcomes = add(args.sources, args.corpus, outlet=args.outlet, columns=columns)
    for outcome in outcomes:
        print(outcome.line(), file=sys.stderr if outcome.refused else sys.stdout)
    return 2 if any(o.refused for o in outcomes) else 0


# ---------------------------------------------------------------- adding

def add(sources: list[Path], corpus_dir: Path, *, outlet: str | None = None,
        columns: Columns = Columns()) -> list[Outcome]:
    """Add the articles of ``sources`` to ``corpus_dir``; one outcome per page, row or
    refused source, in order. Raise CorpusError when the corpus itself cannot be read."""
    corpus_dir = Path(corpus_dir)
    index = index_corpus(corpus_dir)
    outcomes = []
    for source in sources:
        for item in read_source(Path(source), columns):
            if isinstance(item, Outcome):
                outcomes.append(item)
                continue
            if outlet:
                item = replace(item, outlet=outlet)
            outcomes.append(add_article(item, index))
    return outcomes


def add_article(article: Article, index: CorpusIndex) -> Outcome:
    """Write one article and its metadata row unless it is empty or already there."""
    text = text_key(article.text)
    if not text:
        return Outcome(article.origin, "skipped", NO_TEXT)
    url = url_key(article.url)
    if url and url in index.urls:
        return Outcome(article.origin, "skipped", f"its URL {article.url} is already in the corpus "
                       f"({index.urls[url]}); nothing written")
    if text in index.texts:
        return Outcome(article.origin, "skipped", f"its text is already in the corpus ({index.texts[text]}); "
                       "nothing written")
    name = file_name(article, index.names)
    write_article(index.folder, name, article)
    index.names.add(name)
    index.texts[text] = name
    if url:
        index.urls[url] = name
    when = f"{article.published} ({article.date_basis})" if article.published else f"no date ({article.date_basis})"
    return Outcome(article.origin, "added", f"{name}; {article.outlet or 'no outlet'}; {when}")


def index_corpus(corpus_dir: Path) -> CorpusIndex:
    """Read what the corpus holds; a folder that does not exist yet is an empty corpus."""
    index = CorpusIndex(corpus_dir)
    if not corpus_dir.exists():
        return index
    if not corpus_dir.is_dir():
        raise CorpusError(f"{corpus_dir}: not a folder; pass the corpus folder with --corpus")
    index.names = {p.name for p in corpus_dir.iterdir()}
    for name, row in read_metadata(corpus_dir).items():
        if url_key(row.get("url")):
            index.urls.setdefault(url_key(row["url"]), name)
    for path in sorted(corpus_dir.glob("*.txt")):
        key = text_key(read_text(path)[0])
        if key:
            index.texts.setdefault(key, path.name)
    return index


def text_key(text: str) -> str:
    """The standfirst and body paragraphs of a text, as the loader classifies them, white
    space collapsed (a one-sentence article has only a standfirst)."""
    return " ".join(" ".join(text[s:e] for s, e, kind in classify_paragraphs(text) if kind in TEXT_KINDS).split())


def url_key(url: str | None) -> str:
    """A URL without scheme, ``www.``, fragment or trailing slash, host in lower case."""
    if not url or not url.strip():
        return ""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{parts.path.rstrip('/')}{query}"


# ---------------------------------------------------------------- reading sources

def read_source(path: Path, columns: Columns) -> Iterator[Article | Outcome]:
    """The articles of one source, or outcomes for what it refuses or notes."""
    name = path.name.lower()
    if not path.exists():
        yield Outcome(str(path), "skipped", "no such file; check the path")
    elif path.is_dir():
        yield Outcome(str(path), "skipped", "is a folder; pass the saved pages, WARC or CSV files in it")
    elif name.endswith(HTML_SUFFIXES):
        yield read_page(path)
    elif name.endswith(WARC_SUFFIXES):
        yield from read_warc(path)
    elif name.endswith(".csv"):
        yield from read_csv(path, columns)
    else:
        yield Outcome(str(path), "skipped", "unknown kind of file; give a saved page (.html, .htm), "
                      "a web archive (.warc, .warc.gz) or a CSV export (.csv)")


def read_page(path: Path) -> Article | Outcome:
    """One saved page."""
    try:
        data = path.read_bytes()
    except OSError as err:
        return Outcome(str(path), "skipped", f"cannot be read ({err.strerror}); check its permissions")
    return extract_page(data, origin=str(path))


def read_warc(path: Path) -> Iterator[Article | Outcome]:
    """Every HTML page of a web archive; one note for the records that are not pages."""
    others: Counter[str] = Counter()
    pages = 0
    try:
        with path.open("rb") as stream:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                if record.format != "warc":  # warcio also reads ARC, and takes junk for it
                    raise ArchiveLoadFailed(f"record {number} is not a WARC record")
                kind = _page_kind(record)
                if kind:
                    others[kind] += 1
                    continue
                pages += 1
                uri = record.rec_headers.get_header("WARC-Target-URI")
                charset = _header_charset(record.http_headers.get_header("Content-Type", ""))
                yield extract_page(record.content_stream().read(), origin=f"{path} record {number} ({uri})",
                                   url=uri, charset=charset)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as err:
        yield Outcome(str(path), "skipped", f"not a readable WARC file ({err}); "
                      "pages after the damage were not read; check the file or re-export it")
        return
    listed = ", ".join(f"{n} {kind}" for kind, n in sorted(others.items())) or "none"
    if not pages:
        yield Outcome(str(path), "skipped", f"no HTML page in it (other records: {listed}); "
                      "check that the crawl saved the articles' pages")
    elif others:
        yield Outcome(str(path), "noted", f"{pages} HTML pages read; {sum(others.values())} other records "
                      f"are not articles ({listed})")


def _page_kind(record) -> str:
    """'' for an HTTP 200 HTML response, otherwise what the record is (for the note)."""
    if record.rec_type != "response" or record.http_headers is None:
        return record.rec_type
    status = record.http_headers.get_statuscode()
    ctype = record.http_headers.get_header("Content-Type", "").split(";")[0].strip().lower()
    if status != "200":
        return f"HTTP {status}"
    return "" if ctype in HTML_TYPES else (ctype or "untyped response")


def _header_charset(content_type: str) -> str | None:
    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", content_type, re.I)
    return m.group(1) if m else None


def read_csv(path: Path, columns: Columns) -> Iterator[Article | Outcome]:
    """One article per row of a spreadsheet export."""
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except OSError as err:
        yield Outcome(str(path), "skipped", f"cannot be read ({err.strerror}); check its permissions")
        return
    except UnicodeDecodeError as err:
        yield Outcome(str(path), "skipped", f"not valid UTF-8 at byte offset {err.start}; export it as UTF-8 CSV")
        return
    reader = csv.DictReader(io.StringIO(raw, newline=""))
    header = [h.strip() for h in reader.fieldnames or []]
    reader.fieldnames = header
    if columns.text not in header:
        yield Outcome(str(path), "skipped", f"no column {columns.text!r} (columns: {', '.join(header) or 'none'}); "
                      "name the text column with --text-column")
        return
    mapping = {}
    for fieldname in ("headline", "published", "url", "author", "outlet"):
        chosen = getattr(columns, fieldname)
        if chosen is not None and chosen not in header:
            yield Outcome(str(path), "skipped", f"no column {chosen!r} for the {fieldname} "
                          f"(columns: {', '.join(header)}); check the --*-column options")
            return
        mapping[fieldname] = chosen if chosen is not None else (fieldname if fieldname in header else None)
    number = 1  # rows numbered as a spreadsheet numbers them: the header is row 1
    try:
        for number, row in enumerate(reader, start=2):
            yield article_from_row(row, mapping, columns.text, origin=f"{path} row {number}")
    except csv.Error as err:
        yield Outcome(f"{path} row {number + 1}", "skipped", f"not readable as CSV ({err}); "
                      "rows after it were not read; check the quoting")


def article_from_row(row: dict[str, str | None], mapping: dict[str, str | None], text_column: str,
                     origin: str) -> Article | Outcome:
    """An article from one CSV row: the text as it is, the mapped fields stripped."""
    value = {f: (row.get(c) or "").strip() for f, c in mapping.items() if c}
    published, basis = None, ""
    if value.get("published"):
        m = _ISO_DATE.fullmatch(value["published"])
        if not m or not _valid_day(m.group(1)):
            return Outcome(origin, "skipped", f"date {value['published']!r} in column {mapping['published']!r} "
                           "is not an ISO date; write it as YYYY-MM-DD")
        published, basis = m.group(1), f"column {mapping['published']!r} of the CSV export"
    headline = _one_line(value.get("headline"))
    lines = _lines(row.get(text_column) or "")
    return Article(text=layout(headline, lines), origin=origin, headline=headline, outlet=value.get("outlet") or None,
                   published=published, url=value.get("url") or None, author=value.get("author") or None,
                   date_basis=basis)


def _valid_day(value: str) -> bool:
    try:
        return 1678 <= date.fromisoformat(value).year <= 2261
    except ValueError:
        return False


# ---------------------------------------------------------------- pages

def extract_page(data: bytes, *, origin: str, url: str | None = None, charset: str | None = None) -> Article | Outcome:
    """The article of one HTML page: main text and metadata (trafilatura), date (htmldate)."""
    try:
        html = decode_page(data, charset)
    except CorpusError as err:
        return Outcome(origin, "skipped", str(err))
    # an XML declaration would make lxml re-read the text as bytes in the declared encoding
    tree = load_html(_XML_DECLARATION.sub("", html)) if html.strip() else None
    if tree is None:
        return Outcome(origin, "skipped", "not an HTML page; save the page as HTML ('Web page, HTML only')")
    url = url or _saved_from(html)
    doc = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False)
    if doc is None or not (doc.text or "").strip():
        return Outcome(origin, "skipped", NO_TEXT)
    found = find_date(tree, doc.url)
    headline = _one_line(doc.title)
    return Article(text=layout(headline, _lines(doc.text)), origin=origin,
                   headline=headline, outlet=doc.sitename or _host(doc.url), published=found.date,
                   url=doc.url, author=doc.author or None, date_basis=found.basis)


def decode_page(data: bytes, charset: str | None = None) -> str:
    """A page's text: by its byte-order mark, its declared charset, else UTF-8. Raise CorpusError."""
    for bom, encoding in [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]:
        if data.startswith(bom):
            return data.decode(encoding).lstrip("\ufeff")
    if charset is None:
        m = _XML_ENCODING.search(data[:4096]) or _META_CHARSET.search(data[:4096])
        charset = m.group(1).decode("ascii") if m else None
    encoding = "utf-8"
    if charset:
        encoding = "windows-1252" if charset.lower() in WINDOWS_1252_LABELS else charset
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise CorpusError(f"the page declares an unknown charset {charset!r}; re-save it as UTF-8") from None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        said = f"declared as {charset!r}" if charset else "declares no charset and is not UTF-8"
        raise CorpusError(f"cannot be decoded ({said}; bad byte at offset {err.start}); "
                          "re-save the page as UTF-8") from None


def _saved_from(html: str) -> str | None:
    m = _SAVED_FROM.search(html[:2048])
    return m.group(1) if m else None


def _host(url: str | None) -> str | None:
    return (urlsplit(url).netloc.lower().removeprefix("www.") or None) if url else None


def _lines(text: str) -> list[str]:
    return [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]


def layout(headline: str | None, lines: list[str]) -> str:
    """The corpus layout: headline, then one paragraph per line, blank lines between; a
    first line that repeats the headline is not written twice."""
    if headline and lines and _same(lines[0], headline):
        lines = lines[1:]
    pars = ([headline] if headline else []) + lines
    return "\n\n".join(pars) + "\n" if pars else ""


def _one_line(text: str | None) -> str | None:
    """A headline on one line (the layout gives it one), white space collapsed."""
    return (" ".join(text.split()) or None) if text else None


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


# ---------------------------------------------------------------- dates

def find_date(tree, url: str | None) -> DateFinding:
    """htmldate's publication date for a parsed page, and the step that found it.

    The steps and their order are those of ``htmldate.core.find_date`` (1.11) with the
    settings trafilatura passes (original date, extensive search, no later than today);
    only the labels are ours.
    """
    options = Extractor(True, get_max_date(date.today().isoformat()), get_min_date(None), True, "%Y-%m-%d")
    if url is None:
        canonical = tree.find('.//link[@rel="canonical"]')
        url = canonical.get("href") if canonical is not None else None
    if found := extract_url_date(url, options):
        return DateFinding(found, "date in the URL")
    if found := examine_header(tree, options):
        return DateFinding(found, _meta_basis(tree, found, options))
    if found := json_search(tree, options):
        return DateFinding(found, _json_basis(tree, found, options))
    if found := examine_abbr_elements(tree, options):
        return DateFinding(found, "an <abbr> date element")
    pruned = discard_unwanted(clean_html(deepcopy(tree), CLEANING_LIST))
    for elements in (date_candidates(pruned, True), pruned.xpath(".//title|.//h1")):
        if hit := _first_dated(elements, options):
            found, elem, text = hit
            where = "the page's <title>" if elem.tag == "title" else _describe(elem)
            return DateFinding(found, f"{'text' if elem.tag == 'title' else 'visible text'} {_quote(text)} in {where}")
    if found := examine_time_elements(pruned, options):
        return DateFinding(found, _time_basis(pruned, found, options))
    source = serialize(pruned)
    if found := pattern_search(source, TIMESTAMP_PATTERN, options):
        return DateFinding(found, f"timestamp {_quote(TIMESTAMP_PATTERN.search(source)[0])} in the page source")
    if found := img_search(pruned, options):
        return DateFinding(found, "date in the og:image URL")
    if found := idiosyncrasies_search(source, options):
        return DateFinding(found, f"phrase {_quote(TEXT_PATTERNS.search(source)[0])} in the page source")
    if hit := _free_text_date(pruned, options):
        return DateFinding(hit[0], f"visible text {_quote(hit[1])}")
    if guess := search_page(source, options):
        return DateFinding(None, f"not recorded: no date in the URL, meta tags, JSON-LD or dated text; "
                           f"htmldate's last-resort guess from the page source was {guess} "
                           "(often a copyright year); fill in published if you can confirm it")
    return DateFinding(None, "not found in the URL, meta tags, JSON-LD or the page text")


def _meta_basis(tree, found: str, options: Extractor) -> str:
    """Name the meta tag that gave ``found``: examine_header takes the first tag, in page
    order, that states a publication date, and falls back on a reserve (og:url, a
    modification date, copyrightyear) only when none does. Each tag is tried alone."""
    metas = [m for m in tree.iterfind(".//meta") if "content" in m.attrib or "datetime" in m.attrib]
    for elem in sorted(metas, key=lambda m: not _states_publication(m)):
        alone = lxml.html.Element("html")
        etree.SubElement(alone, "head").append(deepcopy(elem))
        if examine_header(alone, options) == found:
            for attr in ("name", "property", "itemprop", "pubdate", "http-equiv"):
                if attr in elem.attrib:
                    label = elem.get(attr) if attr in ("name", "property", "itemprop") else f"{attr}={elem.get(attr)}"
                    return f"{label} meta tag"
    return "a meta tag"


def _json_basis(tree, found: str, options: Extractor) -> str:
    """Name the script json_search read: JSON-LD, or a site's settings JSON."""
    for elem in tree.xpath(JSON_SCRIPTS):
        if elem.text and '"date' in elem.text and pattern_search(elem.text, JSON_PUBLISHED, options) == found:
            return "JSON-LD datePublished" if elem.get("type") == "application/ld+json" else \
                f"datePublished in a {elem.get('type')} script"
    return "datePublished in a JSON script"


def _states_publication(elem) -> bool:
    if "name" in elem.attrib:
        return elem.get("name", "").lower() in DATE_ATTRIBUTES
    if "property" in elem.attrib:
        return elem.get("property", "").lower() in DATE_ATTRIBUTES
    if "itemprop" in elem.attrib:
        return elem.get("itemprop", "").lower() in ITEMPROP_ATTRS_ORIGINAL
    return "pubdate" in elem.attrib or elem.get("http-equiv", "").lower() == "date"


def _first_dated(elements: list, options: Extractor):
    """As htmldate's examine_elements, also returning the element and the text read."""
    if not has_plausible_candidates(elements):
        return None
    for elem in elements:
        for text in (elem.text_content(), elem.get("title", "")):
            if found := examine_text(text, options):
                return found, elem, text
    return None


def _time_basis(tree, found: str, options: Extractor) -> str:
    for elem in tree.iterfind(".//time"):
        stamp = elem.get("datetime", "")
        if len(stamp) > 6 and try_date_expr_opts(stamp, options) == found:
            return f'<time datetime="{stamp}"> element'
        if len(stamp) <= 6 and elem.text and try_date_expr_opts(elem.text, options) == found:
            return f"visible text {_quote(elem.text)} in a <time> element"
    return "a <time> element"


def _free_text_date(tree, options: Extractor) -> tuple[str, str] | None:
    """htmldate's search of short visible text segments (the oldest date wins), with the
    segment that gave the date."""
    reference, segment_found = None, ""
    for segment in FREE_TEXT_EXPRESSIONS(tree):
        segment = segment.strip()
        if not MIN_SEGMENT_LEN < len(segment) < MAX_SEGMENT_LEN:
            continue
        new = compare_reference(reference, segment, options)
        if new != reference:
            reference, segment_found = new, segment
    found = check_extracted_reference(reference, options)
    return (found, segment_found) if found else None


def _describe(elem) -> str:
    attrs = "".join(f' {a}="{elem.get(a)}"' for a in ("id", "class", "itemprop") if elem.get(a))
    return f"<{elem.tag}{attrs}>"


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return '"' + (text if len(text) <= limit else text[:limit - 1] + "…") + '"'


# ---------------------------------------------------------------- writing

def file_name(article: Article, taken: set[str]) -> str:
    """``DATE_slug.txt`` not yet in ``taken``."""
    first = article.headline or next(iter(_lines(article.text)), "")
    stem = f"{article.published or 'undated'}_{slug(first) or 'article'}"
    name, n = f"{stem}.txt", 1
    while name in taken:
        n += 1
        name = f"{stem}-{n}.txt"
    return name


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens, cut at a word to ``SLUG_MAX`` characters."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = _SLUG_JUNK.sub(" ", ascii_text.lower()).split()
    out = ""
    for word in words:
        joined = f"{out}-{word}" if out else word
        if len(joined) > SLUG_MAX:
            break
        out = joined
    return out or (words[0][:SLUG_MAX] if words else "")


def write_article(folder: Path, name: str, article: Article) -> None:
    """Create the article file (never over another), then its metadata row and checksum."""
    folder.mkdir(parents=True, exist_ok=True)
    data = article.text.encode("utf-8")
    with (folder / name).open("xb") as f:
        f.write(data)
    try:
        append_metadata(folder / "metadata.csv", article.row(name))
    except BaseException:
        (folder / name).unlink()
        raise
    sums = folder / "SHA256SUMS"
    if sums.exists():
        _append_line(sums, f"{hashlib.sha256(data).hexdigest()}  {name}")


def append_metadata(path: Path, row: dict[str, str]) -> None:
    """Append one row, creating the file or widening its header first (see the docstring)."""
    if not path.exists():
        path.write_bytes(_csv_rows([METADATA_HEADER, [row[c] for c in METADATA_HEADER]]).encode("utf-8"))
        return
    with path.open(encoding="utf-8-sig", newline="") as f:
        first = next(csv.reader(f))
    header = [h.strip() for h in first]
    missing = [c for c in METADATA_HEADER if c not in header]
    if missing:
        widen_metadata(path, missing)
        header += missing
    _append_line(path, _csv_rows([[row.get(c, "") for c in header]]).rstrip("\n"))


def widen_metadata(path: Path, missing: list[str]) -> None:
    """Add ``missing`` columns at the end of the header, empty in every row; values, row
    order and a byte-order mark are kept."""
    raw = path.read_bytes()
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    rows = list(csv.reader(io.StringIO(raw[len(bom):].decode("utf-8"), newline="")))
    width = len(rows[0])
    rows = [rows[0] + missing] + [r + [""] * (width - len(r) + len(missing)) for r in rows[1:] if r]
    path.write_bytes(bom + _csv_rows(rows).encode("utf-8"))


def _csv_rows(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _append_line(path: Path, line: str) -> None:
    """Append ``line`` and LF, after an LF of its own if the file does not end with one."""
    with path.open("rb+") as f:
        end = f.seek(0, io.SEEK_END)
        if end:
            f.seek(end - 1)
            if f.read(1) != b"\n":
                f.write(b"\n")
        f.write((line + "\n").encode("utf-8"))
