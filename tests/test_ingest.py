"""``python -m analysis add``: saved pages, a WARC file and a CSV export become articles.

Every page, archive and export here is written by the test itself, in its own words.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import subprocess
import sys
import warnings
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from htmldate import find_date as htmldate_find_date
from trafilatura.utils import load_html

import analysis
from analysis import ingest
from analysis.cli import main
from analysis.tables import write_tables
from analysis.paths import SEEDS_DIR

HEADLINE = "Envoys agree to meet again on Syria talks"
PARAGRAPHS = [
    "The two foreign ministers said on Tuesday that their teams would hold another round of preparatory "
    "meetings before the end of the month, though neither would name a firm date for the conference itself.",
    "Speaking to reporters after a long session behind closed doors, the American envoy described the "
    "discussions as frank and said both sides still disagreed about who should sit at the table for the opposition.",
    "His Russian counterpart told a separate briefing that Moscow expected the government delegation to attend "
    "without preconditions, and urged Western capitals to press the armed groups to do the same.",
    "Aid agencies meanwhile warned that winter would worsen conditions for families who had fled their homes, "
    "and asked for safe routes to reach besieged districts before the first snow.",
    "Diplomats at the meeting said a joint statement was being drafted but could take several days to agree, "
    "because of the remaining differences over the sequencing of any transition.",
]
URL = "https://www.harbourcourier.example/world/2013/envoys-agree-to-meet-again"
# the page furniture: none of it may reach the article's file
FURNITURE = [
    "We use cookies to improve your visit", "Accept all cookies", "Home", "Business", "Sport", "Opinion",
    "Cheap flights to anywhere", "lower your energy bill", "Related stories",
    "Ministers trade accusations over stalled ceasefire plan", "Opposition coalition elects new leadership",
    "Relief convoy reaches northern town", "Subscribe today", "All rights reserved", "About us", "Privacy policy",
]


def news_page(headline: str = HEADLINE, paragraphs: list[str] = PARAGRAPHS, *, url: str | None = URL,
              head: str | None = None, byline: str | None = None, site: str = "The Harbour Courier") -> str:
    """A realistic saved news page: cookie banner, menu, ads, the article, related links, footer.

    ``head`` replaces the default metadata (Open Graph, article:published_time, author,
    JSON-LD); ``byline`` replaces the dated byline."""
    if head is None:
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline,
              "datePublished": "2013-11-05T09:30:00+00:00", "author": {"@type": "Person", "name": "Mira Castellan"},
              "publisher": {"@type": "Organization", "name": site}}
        head = f"""<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{headline}">
<meta property="og:type" content="article">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="2013-11-05T09:30:00+00:00">
<meta property="article:modified_time" content="2013-11-06T14:00:00+00:00">
<meta name="author" content="Mira Castellan">
<link rel="canonical" href="{url}">
<script type="application/ld+json">{json.dumps(ld)}</script>"""
    if byline is None:
        byline = '<p class="byline">By <span class="author">Mira Castellan</span></p>'
    body = "\n".join(f"<p>{p}</p>" + ('\n<div class="ad ad-inline">Sponsored: This one trick will lower your '
                                      'energy bill</div>' if i == 2 else "") for i, p in enumerate(paragraphs))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{headline} | {site}</title>
{head}
</head>
<body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your visit. <button>Accept all cookies</button></div>
<header>
<nav class="main-menu"><ul>
<li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
</header>
<div class="ad ad-leaderboard">Advertisement: Cheap flights to anywhere this winter, book now</div>
<main>
<article>
<h1>{headline}</h1>
{byline}
{body}
</article>
<aside class="related">
<h2>Related stories</h2>
<ul>
<li><a href="/world/a">Ministers trade accusations over stalled ceasefire plan</a></li>
<li><a href="/world/b">Opposition coalition elects new leadership in Istanbul</a></li>
<li><a href="/world/c">Relief convoy reaches northern town after long delay</a></li>
</ul>
</aside>
</main>
<div class="ad ad-footer">Advertisement: Subscribe today and get three months free</div>
<footer>
<p>Copyright 2013 {site}. All rights reserved.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy policy</a></li></ul>
</footer>
</body>
</html>
"""


SECOND_HEADLINE = "Ceasefire monitors report quiet night in northern city"
SECOND_PARAGRAPHS = [
    "Observers sent to the northern city said the night had passed without shelling for the first time in weeks, "
    "although residents remained wary of venturing far from their homes.",
    "A spokesman for the monitoring team said patrols would continue through the weekend and that any breach "
    "would be reported to both sponsors of the truce.",
    "Shopkeepers reopened a handful of stalls in the old market on Thursday morning, selling bread and fuel "
    "brought in by a convoy the day before.",
    "Officials in the capital described the calm as a test of whether the arrangement could hold long enough "
    "for talks on a wider settlement to begin.",
]
SECOND_URL = "https://www.northernledger.example/2014/02/13/ceasefire-monitors-report-quiet-night"


def second_page() -> str:
    """Another outlet's page: metadata in JSON-LD and name= meta tags, date in its URL."""
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": SECOND_HEADLINE,
          "datePublished": "2014-02-13T07:00:00Z", "author": {"@type": "Person", "name": "Tomas Wren"},
          "publisher": {"@type": "Organization", "name": "The Northern Ledger"}}
    head = f"""<meta name="description" content="Monitors say a truce is holding.">
<meta name="author" content="Tomas Wren">
<meta property="og:site_name" content="The Northern Ledger">
<link rel="canonical" href="{SECOND_URL}">
<script type="application/ld+json">{json.dumps(ld)}</script>"""
    return news_page(SECOND_HEADLINE, SECOND_PARAGRAPHS, url=SECOND_URL, head=head, site="The Northern Ledger")


NAV_ONLY_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>World | The Harbour Courier</title></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div class="ad">Advertisement: buy a new sofa</div>
<footer><p>Copyright 2014 The Harbour Courier. All rights reserved.</p><ul><li><a href="/about">About us</a></li></ul></footer>
</body></html>
"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


def metadata_rows(folder: Path) -> list[dict[str, str]]:
    with open(folder / "metadata.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def run_add(capsys, *args: str | Path) -> subprocess.CompletedProcess:
    """``python -m analysis add ARGS`` in this process (a new one takes seconds to import)."""
    capsys.readouterr()
    code = main(["add", *map(str, args)])
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(["add", *args], code, out, err)


# ---------------------------------------------------------------- a saved page

def test_saved_page_adds_the_article_paragraphs_and_only_those(tmp_path, capsys):
    page = write(tmp_path / "saved", "envoys.html", news_page())
    corpus = tmp_path / "corpus"
    run = run_add(capsys, page, "--corpus", corpus)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    name = "2013-11-05_envoys-agree-to-meet-again-on-syria-talks.txt"
    assert sorted(p.name for p in corpus.iterdir()) == [name, "metadata.csv"]
    assert run.stdout.startswith(f"added {page}: {name}")
    text = (corpus / name).read_bytes().decode("utf-8")
    assert text == "\n\n".join([HEADLINE, *PARAGRAPHS]) + "\n"
    for piece in FURNITURE + ["Mira Castellan", "Sponsored"]:
        assert piece not in text
    assert metadata_rows(corpus) == [{
        "file": name, "outlet": "The Harbour Courier", "published": "2013-11-05", "url": URL,
        "author": "Mira Castellan", "headline": HEADLINE, "date_basis": "article:published_time meta tag",
    }]
    assert b"\r" not in (corpus / "metadata.csv").read_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        articles = analysis.load_articles(corpus)
    row = articles.iloc[0]
    assert (row.article_id, row.outlet, row.headline, row.url) == (Path(name).stem, "The Harbour Courier", HEADLINE, URL)
    assert row.published == pd.Timestamp("2013-11-05") and not row.metadata_inferred
    assert row.body == "\n\n".join(PARAGRAPHS)


def test_the_same_page_again_is_refused_and_nothing_written(tmp_path, capsys):
    page = write(tmp_path / "saved", "envoys.html", news_page())
    corpus = tmp_path / "corpus"
    assert run_add(capsys, page, "--corpus", corpus).returncode == 0
    before = snapshot(corpus)
    again = subprocess.run([sys.executable, "-m", "analysis", "add", str(page), "--corpus", str(corpus)],
                           capture_output=True, text=True)
    assert again.returncode == 2
    assert again.stdout == ""
    assert len(again.stderr.strip().splitlines()) == 1
    assert again.stderr.startswith(f"skipped {page}: its URL {URL} is already in the corpus")
    assert snapshot(corpus) == before


def test_the_same_text_under_another_url_is_refused(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    first = write(tmp_path, "a.html", news_page())
    copy = write(tmp_path, "b.html", news_page(url="https://mirror.example/copied-story"))
    assert main(["add", str(first), "--corpus", str(corpus)]) == 0
    before = snapshot(corpus)
    assert main(["add", str(copy), "--corpus", str(corpus)]) == 2
    err = capsys.readouterr().err
    assert "its text is already in the corpus (2013-11-05_envoys-agree-to-meet-again-on-syria-talks.txt)" in err
    assert snapshot(corpus) == before


def test_the_same_article_twice_in_one_run_is_added_once(tmp_path):
    corpus = tmp_path / "corpus"
    pages = [write(tmp_path, f"{n}.html", news_page()) for n in ("one", "two")]
    outcomes = ingest.add(pages, corpus)
    assert [o.action for o in outcomes] == ["added", "skipped"]
    assert "already in the corpus" in outcomes[1].detail
    assert len(metadata_rows(corpus)) == 1


def test_a_page_without_article_text_is_refused_the_others_added(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    empty = write(tmp_path, "index.html", NAV_ONLY_PAGE)
    good = write(tmp_path, "envoys.html", news_page())
    run = run_add(capsys, empty, good, "--corpus", corpus)
    assert run.returncode == 2
    assert run.stderr.strip() == f"skipped {empty}: no article text found (no paragraph of prose); check that " \
                                 "this is the article itself, not an index or error page, or a row with an empty text cell"
    assert [r["headline"] for r in metadata_rows(corpus)] == [HEADLINE]


def test_unreadable_sources_are_refused_one_line_each(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    sources = [
        tmp_path / "missing.html",
        write(tmp_path, "report.pdf", b"%PDF-1.4 not a page"),
        write(tmp_path, "latin.html", "<html><body><p>Caf\xe9 talks resume in the capital today.</p></body></html>"
              .encode("latin-1")),
        write(tmp_path, "blank.html", b"   \n"),
        write(tmp_path, "broken.warc", b"this is not an archive\n"),
        write(tmp_path, "export.csv", "title,body\nA,B\n"),
        write(tmp_path / "folder.html", "inner.html", "x").parent,
        write(tmp_path, "envoys.html", news_page()),
    ]
    run = run_add(capsys, *sources, "--corpus", corpus)
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == len(sources) - 1
    for source, line, words in zip(sources, lines, [
        "no such file", "unknown kind of file", "declares no charset and is not UTF-8", "not an HTML page",
        "not a readable WARC file", "no column 'text'", "is a folder",
    ]):
        assert line.startswith(f"skipped {source}: ") and words in line
    assert run.stdout.startswith(f"added {sources[-1]}: ")
    assert [r["headline"] for r in metadata_rows(corpus)] == [HEADLINE]


def test_a_declared_charset_is_honoured(tmp_path):
    page = news_page(paragraphs=[p.replace("frank", "“frank”") for p in PARAGRAPHS]).replace(
        '<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">')
    corpus = tmp_path / "corpus"
    assert main(["add", str(write(tmp_path, "old.html", page.encode("cp1252"))), "--corpus", str(corpus)]) == 0
    (name,) = [p for p in corpus.glob("*.txt")]
    assert "described the discussions as “frank” and said" in name.read_text(encoding="utf-8")


def test_an_xhtml_page_declaring_its_encoding_is_read_in_that_encoding(tmp_path):
    page = news_page(paragraphs=[p.replace("frank", "“frank”") for p in PARAGRAPHS]).replace(
        '<meta charset="utf-8">', "").replace("<!DOCTYPE html>", '<?xml version="1.0" encoding="windows-1252"?>')
    article = ingest.extract_page(page.encode("cp1252"), origin="page.xhtml")
    assert "described the discussions as “frank” and said" in article.text


# ---------------------------------------------------------------- where the date came from

DATED_HEAD = '<meta property="og:site_name" content="The Harbour Courier">'
DATE_CASES = {
    "meta tag": (news_page(), "2013-11-05", "article:published_time meta tag"),
    "url": (second_page(), "2014-02-13", "date in the URL"),
    "json-ld": (news_page(url="https://harbourcourier.example/world/story", head=DATED_HEAD + """
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2013-12-02T10:00:00Z"}</script>"""),
                "2013-12-02", "JSON-LD datePublished"),
    "itemprop": (news_page(url=None, head=DATED_HEAD + '<meta itemprop="datePublished" content="2015-03-09">'),
                 "2015-03-09", "datePublished meta tag"),
    "byline text": (news_page(url=None, head=DATED_HEAD,
                              byline='<p class="byline">Published 7 October 2013, 10:42 GMT</p>'),
                    "2013-10-07", 'visible text "Published 7 October 2013, 10:42 GMT" in <p class="byline">'),
    "time element": (news_page(url=None, head=DATED_HEAD, byline='<p>Filed <time datetime="2016-08-22">Monday'
                                                                 '</time></p>'),
                     "2016-08-22", '<time datetime="2016-08-22"> element'),
    "none": (news_page(url=None, head=DATED_HEAD).replace("Copyright 2013 ", ""), None,
             "not found in the URL, meta tags, JSON-LD or the page text"),
}


@pytest.mark.parametrize("case", sorted(DATE_CASES))
def test_date_basis_names_htmldates_step_and_the_date_is_htmldates(case):
    html, published, basis = DATE_CASES[case]
    article = ingest.extract_page(html.encode("utf-8"), origin=case)
    assert (article.published, article.date_basis) == (published, basis)
    # the same date as htmldate gives with trafilatura's settings
    tree = load_html(html)
    assert htmldate_find_date(tree, extensive_search=True, original_date=True, url=article.url,
                              max_date=date.today().isoformat()) == published


def test_a_copyright_year_is_not_recorded_as_the_date():
    article = ingest.extract_page(news_page(url=None, head=DATED_HEAD).encode("utf-8"), origin="page")
    assert article.published is None
    assert article.date_basis.startswith("not recorded: no date in the URL, meta tags, JSON-LD or dated text; "
                                         "htmldate's last-resort guess from the page source was 2013-01-01")


def test_outlet_falls_back_to_the_host_and_can_be_given(tmp_path):
    page = news_page(head=f'<link rel="canonical" href="{URL}">', site="")
    article = ingest.extract_page(page.encode("utf-8"), origin="page")
    assert article.outlet == "harbourcourier.example"
    corpus = tmp_path / "corpus"
    assert main(["add", str(write(tmp_path, "p.html", page)), "--corpus", str(corpus), "--outlet", "Courier"]) == 0
    assert metadata_rows(corpus)[0]["outlet"] == "Courier"


def test_a_browsers_saved_from_comment_gives_the_url():
    page = news_page(url=None, head=DATED_HEAD).replace(
        "<html lang", "<!-- saved from url=(0058)https://harbourcourier.example/2013/11/05/envoys-meet -->\n<html lang")
    article = ingest.extract_page(page.encode("utf-8"), origin="page")
    assert article.url == "https://harbourcourier.example/2013/11/05/envoys-meet"
    assert (article.published, article.date_basis) == ("2013-11-05", "date in the URL")


# ---------------------------------------------------------------- a web archive

def write_warc(path: Path) -> Path:
    """Two HTML responses, an image response and a request record, written with warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=path.name.endswith(".gz"))
        for uri, html in [(URL, news_page()), (SECOND_URL, second_page())]:
            payload = html.encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                          length=len(payload), http_headers=headers))
        image = b"\x89PNG\r\n\x1a\n" + bytes(64)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://harbourcourier.example/logo.png", "response",
                                                      payload=io.BytesIO(image), length=len(image),
                                                      http_headers=headers))
        request = StatusAndHeaders("GET /logo.png HTTP/1.1", [("Host", "harbourcourier.example")], is_http_request=True)
        writer.write_record(writer.create_warc_record("https://harbourcourier.example/logo.png", "request",
                                                      http_headers=request))
    return path


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_a_warc_with_two_pages_adds_two_articles(tmp_path, name, capsys):
    warc = write_warc(tmp_path / name)
    corpus = tmp_path / "corpus"
    run = run_add(capsys, warc, "--corpus", corpus)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.strip().splitlines()
    assert lines[0].startswith(f"added {warc} record 1 ({URL}): 2013-11-05_envoys-agree")
    assert lines[1].startswith(f"added {warc} record 2 ({SECOND_URL}): 2014-02-13_ceasefire-monitors")
    assert lines[2] == f"noted {warc}: 2 HTML pages read; 2 other records are not articles (1 image/png, 1 request)"
    rows = metadata_rows(corpus)
    assert [(r["outlet"], r["published"], r["url"], r["author"], r["headline"], r["date_basis"]) for r in rows] == [
        ("The Harbour Courier", "2013-11-05", URL, "Mira Castellan", HEADLINE, "article:published_time meta tag"),
        ("The Northern Ledger", "2014-02-13", SECOND_URL, "Tomas Wren", SECOND_HEADLINE, "date in the URL"),
    ]
    second = (corpus / rows[1]["file"]).read_text(encoding="utf-8")
    assert second == "\n\n".join([SECOND_HEADLINE, *SECOND_PARAGRAPHS]) + "\n"


def test_a_warc_without_html_pages_is_refused(tmp_path, capsys):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    warc = tmp_path / "images.warc"
    with warc.open("wb") as f:
        writer = WARCWriter(f, gzip=False)
        image = b"\x89PNG\r\n\x1a\n" + bytes(16)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.org/a.png", "response",
                                                      payload=io.BytesIO(image), length=len(image),
                                                      http_headers=headers))
    run = run_add(capsys, warc, "--corpus", tmp_path / "corpus")
    assert run.returncode == 2
    assert run.stderr == f"skipped {warc}: no HTML page in it (other records: 1 image/png); " \
                         "check that the crawl saved the articles' pages\n"
    assert not (tmp_path / "corpus").exists()


# ---------------------------------------------------------------- a CSV export

def write_export(path: Path) -> Path:
    rows = [
        {"story": "Talks on aid corridors resume in Geneva\nNegotiators returned to the table on Monday to discuss "
                  "routes for food and medicine into districts cut off since the summer.\n\nBoth delegations said "
                  "they hoped to agree a first corridor within the week.",
         "title": "Aid corridor talks resume", "date": "2014-01-27", "link": "https://wirewatch.example/aid-talks",
         "byline": "Ana Brook", "source": "Wire Watch", "notes": "checked"},
        {"story": "Foreign ministers spoke by telephone late on Friday about the timing of a new round of talks, "
                  "their offices said.",
         "title": "Ministers speak by phone", "date": "2016-09-02T21:15:00+00:00", "link": "",
         "byline": "", "source": "Wire Watch", "notes": ""},
        {"story": "A third row whose date cannot be read is refused on its own, and the rows around it are added.",
         "title": "Undated item", "date": "last Tuesday", "link": "", "byline": "", "source": "", "notes": ""},
    ]
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_a_csv_export_adds_its_rows(tmp_path, capsys):
    export = write_export(tmp_path / "export.csv")
    corpus = tmp_path / "corpus"
    run = run_add(capsys, export, "--corpus", corpus, "--text-column", "story", "--headline-column", "title",
                  "--date-column", "date", "--url-column", "link", "--author-column", "byline",
                  "--outlet-column", "source")
    assert run.returncode == 2
    assert run.stderr.strip() == f"skipped {export} row 4: date 'last Tuesday' in column 'date' is not an ISO date; " \
                                 "write it as YYYY-MM-DD"
    rows = metadata_rows(corpus)
    assert [(r["file"], r["outlet"], r["published"], r["url"], r["author"], r["headline"], r["date_basis"])
            for r in rows] == [
        ("2014-01-27_aid-corridor-talks-resume.txt", "Wire Watch", "2014-01-27", "https://wirewatch.example/aid-talks",
         "Ana Brook", "Aid corridor talks resume", "column 'date' of the CSV export"),
        ("2016-09-02_ministers-speak-by-phone.txt", "Wire Watch", "2016-09-02", "", "", "Ministers speak by phone",
         "column 'date' of the CSV export"),
    ]
    assert (corpus / rows[0]["file"]).read_text(encoding="utf-8") == (
        "Aid corridor talks resume\n\nTalks on aid corridors resume in Geneva\n\nNegotiators returned to the table on "
        "Monday to discuss routes for food and medicine into districts cut off since the summer.\n\nBoth delegations "
        "said they hoped to agree a first corridor within the week.\n")


def test_csv_columns_of_the_fields_own_names_are_used_unasked(tmp_path):
    export = write(tmp_path, "plain.csv", "text,headline,published,url\n"
                   '"Envoys met again on Tuesday and agreed to keep talking, officials said.",Envoys meet,'
                   "2013-11-05,https://example.org/envoys\n")
    (outcome,) = ingest.add([export], tmp_path / "corpus")
    assert outcome.action == "added"
    row = metadata_rows(tmp_path / "corpus")[0]
    assert (row["headline"], row["published"], row["url"]) == ("Envoys meet", "2013-11-05", "https://example.org/envoys")


# ---------------------------------------------------------------- an existing corpus

def test_an_existing_metadata_file_keeps_its_rows_and_gains_the_missing_columns(tmp_path):
    corpus = tmp_path / "corpus"
    old_text = "Old headline\n\nAn article that was typed in by hand some time ago, about something else.\n"
    write(corpus, "old.txt", old_text)
    write(corpus, "metadata.csv", "file,outlet,published,country\nold.txt,Old Outlet,2013-07-02,Qatar\n")
    assert main(["add", str(write(tmp_path, "p.html", news_page())), "--corpus", str(corpus)]) == 0
    lines = (corpus / "metadata.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "file,outlet,published,country,url,author,headline,date_basis"
    assert lines[1] == "old.txt,Old Outlet,2013-07-02,Qatar,,,,"
    rows = metadata_rows(corpus)
    assert rows[0] == {"file": "old.txt", "outlet": "Old Outlet", "published": "2013-07-02", "country": "Qatar",
                       "url": "", "author": "", "headline": "", "date_basis": ""}
    assert rows[1]["country"] == "" and rows[1]["headline"] == HEADLINE
    assert (corpus / "old.txt").read_text(encoding="utf-8") == old_text
    assert len(analysis.load_articles(corpus)) == 2


def test_widening_keeps_a_byte_order_mark_and_values_over_several_lines(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus, "old.txt", "Old headline\n\nAn article that was typed in by hand some time ago, about something.\n")
    write(corpus, "metadata.csv", b"\xef\xbb\xbffile,date_basis\nold.txt,\"a note\nover two lines\"\n")
    assert main(["add", str(write(tmp_path, "p.html", news_page())), "--corpus", str(corpus)]) == 0
    raw = (corpus / "metadata.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbffile,date_basis,outlet,published,url,author,headline\n"
                          b'old.txt,"a note\nover two lines",,,,,\n')
    assert metadata_rows(corpus)[0]["file"] == "old.txt"
    assert len(analysis.load_articles(corpus)) == 2


def test_an_existing_metadata_file_is_appended_to_in_its_own_column_order(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus, "old.txt", "Old headline\n\nAn article that was typed in by hand some time ago, about something.\n")
    before = ("file,date_basis,headline,author,url,published,outlet,outlet_kind\r\n"
              'old.txt,"typed, by hand",Old headline,,,2013-07-02,Old Outlet,blog')  # CRLF, no final line end
    write(corpus, "metadata.csv", before)
    assert main(["add", str(write(tmp_path, "p.html", news_page())), "--corpus", str(corpus)]) == 0
    after = (corpus / "metadata.csv").read_bytes().decode("utf-8")
    assert after.startswith(before + "\n")
    name = "2013-11-05_envoys-agree-to-meet-again-on-syria-talks.txt"
    assert after[len(before) + 1:] == (f"{name},article:published_time meta tag,{HEADLINE},Mira Castellan,{URL},"
                                       "2013-11-05,The Harbour Courier,\n")


def test_a_name_already_taken_is_never_overwritten(tmp_path):
    corpus = tmp_path / "corpus"
    name = "2013-11-05_envoys-agree-to-meet-again-on-syria-talks.txt"
    write(corpus, name, "Another article that happens to have the same name, in a file of its own.\n")
    write(corpus, "metadata.csv", f"file\n{name}\n")
    other = news_page(paragraphs=PARAGRAPHS[:2] + ["A different closing paragraph makes this another article "
                                                   "entirely, with its own words."],
                      url="https://harbourcourier.example/world/envoys-second-take")
    (outcome,) = ingest.add([write(tmp_path, "p.html", other)], corpus)
    assert outcome.detail.startswith("2013-11-05_envoys-agree-to-meet-again-on-syria-talks-2.txt")
    assert (corpus / name).read_text(encoding="utf-8").startswith("Another article")


def test_a_manifest_beside_the_articles_gets_the_new_files_line(tmp_path):
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, corpus)
    assert main(["add", str(write(tmp_path, "p.html", news_page())), "--corpus", str(corpus)]) == 0
    name = "2013-11-05_envoys-agree-to-meet-again-on-syria-talks.txt"
    last = (corpus / "SHA256SUMS").read_text().splitlines()[-1]
    assert last == f"{hashlib.sha256((corpus / name).read_bytes()).hexdigest()}  {name}"
    assert (corpus / "metadata.csv").read_text(encoding="utf-8").startswith(
        (SEEDS_DIR / "metadata.csv").read_text(encoding="utf-8"))


def test_a_broken_corpus_stops_before_anything_is_written(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    write(corpus, "metadata.csv", "file,published\ngone.txt,2013-07-02\n")
    before = snapshot(corpus)
    run = run_add(capsys, write(tmp_path, "p.html", news_page()), "--corpus", corpus)
    assert run.returncode == 2
    assert run.stderr.startswith("error: ") and "gone.txt" in run.stderr and len(run.stderr.splitlines()) == 1
    assert snapshot(corpus) == before


# ---------------------------------------------------------------- offline

def test_nothing_touches_the_network(tmp_path):
    """Import, extract and write with every socket operation refused (an audit hook)."""
    other = news_page("Talks on the talks", PARAGRAPHS[::-1], url="https://harbourcourier.example/world/talks")
    sources = [write(tmp_path, "p.html", other), write_warc(tmp_path / "crawl.warc.gz"),
               write(tmp_path, "plain.csv", "text,headline\n\"Envoys met again on Tuesday and agreed to keep "
                     "talking, the two ministries said.\",Envoys meet\n")]
    code = (
        "import sys\n"
        "def refuse(event, args):\n"
        "    if event.startswith('socket.') or event in ('urllib.Request', 'http.client.connect'):\n"
        "        raise RuntimeError(f'network use: {event} {args}')\n"
        "sys.addaudithook(refuse)\n"
        "from analysis.cli import main\n"
        "raise SystemExit(main(sys.argv[1:]))\n"
    )
    run = subprocess.run([sys.executable, "-c", code, "add", *map(str, sources), "--corpus", str(tmp_path / "c")],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.count("\nadded ") + run.stdout.startswith("added ") == 4


# ---------------------------------------------------------------- the grown corpus

def grow_seeds(folder: Path) -> Path:
    """The seeds, plus a saved page, a WARC's two pages (one the same page) and a CSV row."""
    corpus = folder / "corpus"
    shutil.copytree(SEEDS_DIR, corpus)
    page = write(folder, "p.html", news_page())
    export = write(folder, "plain.csv", "text,headline,published,outlet\n\"Envoys met again on Tuesday and agreed to "
                   'keep talking, the two ministries said in statements.",Envoys meet,2013-11-06,Wire Watch\n')
    outcomes = ingest.add([page, write_warc(folder / "crawl.warc"), export], corpus)
    assert [o.action for o in outcomes] == ["added", "skipped", "added", "noted", "added"]
    return corpus


def test_tables_run_on_the_grown_corpus(tmp_path):
    corpus = grow_seeds(tmp_path)
    write_tables(corpus, tmp_path / "out", parquet=False)
    articles = pd.read_csv(tmp_path / "out" / "articles.csv")
    assert len(articles) == 8 and not articles["metadata_inferred"].any()
    added = articles[~articles["file"].isin([p.name for p in SEEDS_DIR.glob("*.txt")])]
    assert sorted(added["outlet"]) == ["The Harbour Courier", "The Northern Ledger", "Wire Watch"]
    dates = pd.read_csv(tmp_path / "out" / "dates.csv")
    assert set(added["article_id"]) <= set(pd.read_csv(tmp_path / "out" / "paragraphs.csv")["article_id"])
    assert "2014-02-13_ceasefire-monitors-report-quiet-night-in-northern-city" in set(dates["article_id"])


# the build of a corpus grown by add: tests/test_notebooks.py (its other corpus has an added page)
