"""Who is quoted: direct quotations, reported speech, their speakers and affiliations.

Rules this module implements, and their known limits:

Direct quotations (``kind == "direct"``)
    Only body paragraphs are read (headlines, standfirsts and captions never count).
    A quotation opens with ``"`` or ``“`` and closes with ``"`` or ``”`` (a straight mark
    closes a curly one and the reverse: sites mix them). Single marks ``‘…’`` or ``'…'``
    count only outside double quotes, opening after a space or bracket and closing before
    a non-letter, so apostrophes ("Syria’s", "can't") are never quote marks.
    One row is one *segment*: the contiguous quoted words. ``start``/``end`` span the
    words strictly between the marks, so the marks are outside the span and punctuation
    inside the marks (the comma of ``"...options," he said``) is inside it.
    ``quote_id`` groups the segments of one quotation: a quotation split around its
    attribution (``"…," Mr Ban said. "…"``) and a quotation that runs over paragraphs
    (a paragraph that ends inside a quotation, the next one opening with a mark) share it.

Speakers
    The speaker of a segment is found, in this order:

    1. an attribution right after the closing mark: ``," Mr Kerry told``, ``," he said``,
       ``," said Kerry``;
    2. the nearest attribution before it in the same sentence, ``SPEAKER [fillers] VERB``
       (``Kerry said Tuesday that a "…"``, ``President Vladimir Putin said that … "…"``;
       an appositive between commas may separate speaker and verb);
    3. ``according to SPEAKER`` in the sentence;
    4. any other attribution in the sentence;
    5. a reporting verb without a subject (``…, telling the press conference he was
       "pleased"``): the first actor named in the sentence;
    6. the speaker of the previous segment of the same paragraph;
    7. a paragraph that opens with a quotation and has no attribution continues the
       speaker of the previous paragraph's last quotation.

    A SPEAKER is an alias of ``data/actors.csv`` (longest first), a run of capitalised
    words ("US Secretary of State John Kerry", "Mr Kerry and Mr Lavrov"), or a pronoun.
    The phrase is resolved to canonical names through the aliases it contains; "he"/"she"
    is the last person who spoke (directly or in reported speech) earlier in the article,
    or, before anyone spoke, the last person of the table named in the body so far.
    Segments of one quotation share the speaker found for any of them.
    Reporting verbs are listed in ``data/reporting_verbs.csv``.
    ``affiliation`` is the actor's row (US, Russia, UN, Syrian government, opposition,
    other), ``joint`` when the speakers differ ("Kerry and Lavrov said"), ``unknown`` for
    a name the table does not hold.

Scare quotes (``kind == "scare"``)
    A quoted stretch of at most ``SCARE_MAX_WORDS`` words that none of the rules above
    attributes is a scare quote: the writer's distance from a word, nobody's speech.
    One-word quotations that *are* attributed ("he was "pleased"", "he would “likely”
    meet") are direct quotations. Headline quotations ('making progress') are not read.

Reported speech (``kind == "reported"``)
    ``SPEAKER [fillers] VERB [that] CONTENT`` where the content does not open with a
    quotation mark, ``CONTENT, SPEAKER VERB.`` (``…, he added.``), ``told OBJECT that
    CONTENT`` and ``According to SPEAKER, CONTENT``. ``start``/``end`` span the content
    to the end of the sentence. Partial quotations inside it are also direct rows.

Known limits: speakers named only by a common noun ("officials", "the pair") are not
recognised; "they" is not resolved; an attribution in the next sentence
("…". That was what Kerry said.) is not used; a quotation whose marks do not balance
inside its paragraph runs to the paragraph's end.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import islice

import pandas as pd

from .corpus import WORD_RE, classify_paragraphs, count_words, sentences, trim_span as _trim
from .framing import by_first_char, first_char
from .paths import data_file

SCARE_MAX_WORDS = 3
KINDS = ["direct", "reported", "scare"]
AFFILIATIONS = ["US", "Russia", "UN", "Syrian government", "opposition", "other", "joint", "unknown"]
COLUMNS = ["article_id", "sentence_id", "start", "end", "quote", "quote_id", "speaker", "speaker_surface",
           "affiliation", "verb", "kind", "sentence"]
@lru_cache(maxsize=None)
def reporting_verbs() -> tuple[str, ...]:
    """Verbs that introduce speech (``data/reporting_verbs.csv``), longest first for the regex."""
    table = pd.read_csv(data_file("reporting_verbs.csv"), dtype="string", keep_default_na=False)
    return tuple(sorted(table["verb"], key=lambda v: (-len(v), v)))


_PRONOUNS = {"he": "person", "she": "person", "they": "group"}
_MASK = "\u00b7"  # stands for a quoted character while attributions are searched
_OPEN, _CLOSE = "“\"", "”\""
_MARKS = re.compile("[“”\"]")
_SINGLE_QUOTED = re.compile(r"(?<![\w’'])[‘'](?=\w)(.+?)(?<=[\w.,!?])[’'](?![\w])")


@lru_cache(maxsize=None)
def actors_table() -> pd.DataFrame:
    """``data/actors.csv``: alias, name, affiliation, kind (person/body), match_case, note."""
    table = pd.read_csv(data_file("actors.csv"), dtype="string", keep_default_na=False)
    return table.assign(match_case=table["match_case"].str.lower().eq("true"))


def _phrase_pattern(phrase: str, match_case: bool) -> str:
    # spaces and hyphens are interchangeable ("al-Assad", "Al Assad")
    words = [re.escape(w) for w in re.split(r"[\s\-]+", phrase.strip()) if w]
    body = r"[\s\-]+".join(words)
    return body if match_case else f"(?i:{body})"


@lru_cache(maxsize=None)
def _alias_re() -> tuple[re.Pattern, dict[str, tuple[str, str, str]]]:
    table = actors_table()
    rows = sorted(table.itertuples(index=False), key=lambda r: -len(r.alias))
    groups, lookup = [], {}
    for i, r in enumerate(rows):
        groups.append((first_char(r.alias), f"(?P<a{i}>{_phrase_pattern(r.alias, r.match_case)})"))
        lookup[f"a{i}"] = (r.name, r.affiliation, r.kind)
    return re.compile(r"(?<![\w\-])(?:" + by_first_char(groups) + r")(?![\w\-])"), lookup


@lru_cache(maxsize=None)
def _patterns() -> dict[str, re.Pattern]:
    alias_src = by_first_char([
        (first_char(a), _phrase_pattern(a, m)) for a, m in sorted(
            zip(actors_table()["alias"], actors_table()["match_case"]), key=lambda t: -len(t[0]))])
    token = r"(?:(?:al|el)-)?[A-Z][\w’'\-]*\.?"
    name = rf"{token}(?:\s+(?:(?:of|for|de|al|bin|the|and)\s+)*{token})*"
    speaker = rf"(?P<spk>(?<![\w\-])(?:(?:{alias_src})(?![\w\-])|{name}|(?:he|she|they)\b))"
    filler = (r"(?:\s*,[^,.;:" + _MASK + r"“”\"]{1,120},)?"
              r"(?:\s+(?:himself|herself|also|has|have|had|previously|once|again|later|then|"
              r"repeatedly|reportedly|on\s+[A-Z]\w+|last\s+\w+|\w+day|today|yesterday))*")
    verb = r"(?P<verb>" + "|".join(map(re.escape, reporting_verbs())) + r")\b"
    return {
        "before": re.compile(rf"{speaker}{filler}\s+{verb}"),
        "after": re.compile(rf"^[\s,.;:!?]*{speaker}{filler}\s+{verb}"),
        "after_inverted": re.compile(rf"^[\s,.;:!?]*{verb}\s+{speaker}"),
        # the whole phrase up to the next comma: its aliases name the speaker
        "according": re.compile(r"\b(?i:according to)\s+(?:the\s+)?(?P<spk>[^,.;:" + _MASK + r"“”\"]+)"),
        "verb": re.compile(rf"(?<![\w\-]){verb}"),
        "actor": re.compile(rf"(?<![\w\-])(?:(?:{alias_src})(?![\w\-])|(?:he|she)\b)"),
        # what may follow a reporting verb before the content of reported speech
        "lead": re.compile(
            r"^(?:\s+(?:on\s+)?(?:[A-Z]\w+day|today|yesterday|last\s+\w+|also|previously))*"
            r"(?:\s+(?:after|on|in|at|during|following|from|with)\b(?:\s+(?!that\b)[\w’'\-]+){1,5}?(?=\s+that\b))?"
            r"(?:\s+that\b)?"),
        "told": re.compile(r"^(?:\s+(?!that\b)[\w’'\-]+){1,4}?\s+that\b"),
    }


# ---------------------------------------------------------------- segments

def _single_quotes(text: str, s: int, e: int) -> list[tuple[int, int]]:
    stretch = text[s:e]
    if "'" not in stretch and "‘" not in stretch:
        return []
    return [(s + m.start(1), s + m.end(1)) for m in _SINGLE_QUOTED.finditer(stretch)]


def quote_segments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, int, bool]]:
    """(start, end, paragraph index, continues) of each quoted stretch of the paragraph spans.

    ``continues`` is True for a segment that carries on a quotation left open at the end
    of the previous paragraph.
    """
    out: list[tuple[int, int, int, bool]] = []
    carried = False
    for p, (ps, pe) in enumerate(spans):
        opening = pe > ps and text[ps] in _OPEN
        continues = carried and opening
        carried = False
        inside, qs, plain = False, 0, []
        last = ps
        # only the double marks change state: visit them, not every character
        for mark in _MARKS.finditer(text, ps, pe):
            i, ch = mark.start(), mark.group()
            if not inside and ch in _OPEN:
                inside, qs = True, i + 1
                plain.append((last, i))
            elif inside and ch in _CLOSE:
                out.append((qs, i, p, continues))
                continues = False
                inside, last = False, i + 1
        if inside:
            out.append((qs, pe, p, continues))
            carried = True
        else:
            plain.append((last, pe))
        for s, e in plain:
            out.extend((a, b, p, False) for a, b in _single_quotes(text, s, e))
    return sorted((_trim(text, s, e) + (p, c) for s, e, p, c in out if e > s), key=lambda t: t[0])


# ---------------------------------------------------------------- speakers

def resolve_speaker(phrase: str) -> tuple[str | None, str, str]:
    """(canonical name, affiliation, kind) of a speaker phrase; pronouns give (None, ...)."""
    if phrase.lower() in _PRONOUNS:
        return None, "unknown", _PRONOUNS[phrase.lower()]
    pattern, lookup = _alias_re()
    found: list[tuple[str, str, str]] = []
    for m in pattern.finditer(phrase):
        hit = lookup[m.lastgroup]
        if hit[0] not in [f[0] for f in found]:
            found.append(hit)
    if not found:
        name = re.sub(r"^(?:The|But|And|However|Also|Meanwhile)\s+", "", phrase)
        return name, "unknown", "unknown"
    persons = [f for f in found if f[2] == "person"]
    if persons:
        # "United Nations Special Envoy ... Staffan de Mistura": the body is the person's title
        found = persons
    if len(found) == 1:
        return found[0]
    names = " and ".join(f[0] for f in found)
    affs = {f[1] for f in found}
    return names, affs.pop() if len(affs) == 1 else "joint", "group"


class _Attribution:
    __slots__ = ("start", "end", "verb_end", "surface", "verb", "name", "affiliation", "kind")

    def __init__(self, m: re.Match, offset: int, resolved):
        self.start, self.end = offset + m.start("spk"), offset + m.end("spk")
        self.verb_end = offset + m.end("verb") if m.groupdict().get("verb") else self.end
        self.surface, self.verb = m.group("spk"), (m.groupdict().get("verb") or "according to")
        self.name, self.affiliation, self.kind = resolved


# ---------------------------------------------------------------- extraction

def _empty() -> pd.DataFrame:
    return _typed(pd.DataFrame({c: [] for c in COLUMNS}))


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    return df.astype({
        "article_id": "string", "sentence_id": "int64", "start": "int64", "end": "int64", "quote": "string",
        "quote_id": "Int64", "speaker": "string", "speaker_surface": "string",
        "affiliation": pd.CategoricalDtype(AFFILIATIONS), "verb": "string",
        "kind": pd.CategoricalDtype(KINDS), "sentence": "string",
    })


def quotes(articles: pd.DataFrame, *, kinds: tuple[str, ...] = ("direct", "reported", "scare")) -> pd.DataFrame:
    """One row per quoted segment or reported statement in body text (see the module doc).

    Columns: article_id, sentence_id, start, end, quote (``text[start:end]``), quote_id
    (segments of one quotation; <NA> for reported speech), speaker (canonical name),
    speaker_surface (as written), affiliation, verb, kind, sentence.
    """
    sents = sentences(articles)
    # the memoised layout, not the paragraphs table: only the body spans are needed
    par_groups: dict[str, list[tuple[int, int]]] = {}
    for art in articles[["article_id", "text"]].itertuples(index=False):
        par_groups.setdefault(art.article_id, []).extend(
            (s, e) for s, e, kind in classify_paragraphs(art.text) if kind == "body")
    sent_groups: dict[str, list[tuple[int, int, int]]] = {}
    for a, sid, s, e in zip(sents["article_id"], sents["sentence_id"], sents["start"], sents["end"]):
        sent_groups.setdefault(a, []).append((sid, s, e))
    rows: list[tuple] = []
    for art in articles[["article_id", "text"]].itertuples(index=False):
        rows.extend(_article_quotes(art.article_id, art.text, par_groups.get(art.article_id, []),
                                    sent_groups.get(art.article_id, [])))
    if not rows:
        return _empty()
    df = _typed(pd.DataFrame(rows, columns=COLUMNS))
    df = df[df["kind"].isin(kinds)]
    return df.sort_values(["article_id", "start", "kind"], kind="stable").reset_index(drop=True)


def _article_quotes(article_id: str, text: str, par_spans, sent_spans) -> list[tuple]:
    pats = _patterns()
    segments = quote_segments(text, par_spans)
    masked = list(text)
    for s, e, _, _ in segments:
        masked[s:e] = _MASK * (e - s)
    masked = "".join(masked)
    seg_by_sentence: dict[int, list] = {}
    starts = [ss for _, ss, _ in sent_spans]
    for seg in segments:
        i = bisect.bisect_right(starts, seg[0]) - 1
        if i >= 0 and seg[0] < sent_spans[i][2]:
            seg_by_sentence.setdefault(i, []).append(seg)

    rows: list[list] = []
    last_person: str | None = None
    body_start = par_spans[0][0] if par_spans else 0
    seg_speaker: dict[int, tuple] = {}   # segment start -> (name, surface, affiliation, verb)
    seg_qid: dict[int, int] = {}
    next_qid = 0
    prev_seg = None
    named_before: dict[int, str | None] = {}  # one pronoun is often found by two patterns

    def resolve(m: re.Match, offset: int) -> _Attribution:
        name, aff, kind = resolve_speaker(m.group("spk"))
        if name is None and kind == "person":
            at = offset + m.start("spk")
            if not last_person and at not in named_before:
                named_before[at] = _last_person_named(masked, body_start, at)
            name = last_person or named_before[at]
            aff = _affiliation_of(name)
        return _Attribution(m, offset, (name, aff, kind))

    for i, (sid, ss, se) in enumerate(sent_spans):
        sent_masked = masked[ss:se]
        sentence = text[ss:se]
        has_verb = pats["verb"].search(sent_masked) is not None
        # an attribution ends in a reporting verb: without one the costly search is idle
        attributions = [resolve(m, ss) for m in pats["before"].finditer(sent_masked)
                        if _MASK not in m.group("spk")] if has_verb else []
        according = [resolve(m, ss) for m in pats["according"].finditer(sent_masked)]
        for seg in seg_by_sentence.get(i, []):
            qs, qe, p, continues = seg
            attr = _attribution_for(seg, text, masked, se, attributions, according, resolve)
            speaker = None
            if attr is not None:
                speaker = (attr.name, attr.surface, attr.affiliation, attr.verb)
            elif attributions or according or has_verb:
                first = pats["actor"].search(sent_masked)
                if first:
                    m_name, m_aff, m_kind = resolve_speaker(first.group())
                    if m_name is None:
                        m_name, m_aff = last_person, _affiliation_of(last_person)
                    speaker = (m_name, first.group(), m_aff, "")
            same_par_prev = prev_seg is not None and prev_seg[2] == p
            if speaker is None and same_par_prev:
                speaker = seg_speaker[prev_seg[0]]
            if speaker is None and (continues or text[par_spans[p][0]] in _OPEN) and prev_seg is not None \
                    and prev_seg[2] in (p, p - 1):
                speaker = seg_speaker[prev_seg[0]]
            kind = "direct"
            if speaker is None:
                speaker = (None, None, "unknown", None)
                if not _has_words(text[qs:qe], SCARE_MAX_WORDS + 1):
                    kind = "scare"
            if continues or (same_par_prev and _only_attribution(masked[prev_seg[1]:qs])):
                qid = seg_qid[prev_seg[0]]
            else:
                qid, next_qid = next_qid, next_qid + 1
            seg_speaker[qs], seg_qid[qs] = speaker, qid
            prev_seg = seg
            if speaker[0] is not None and _kind_of(speaker[0]) == "person":
                last_person = speaker[0]
            rows.append([article_id, sid, qs, qe, text[qs:qe], qid, speaker[0], speaker[1], speaker[2],
                         speaker[3], kind, sentence])
        for attr in attributions + according:
            content = _reported_content(attr, text, masked, ss, se, pats)
            if content is not None:
                cs, ce = content
                rows.append([article_id, sid, cs, ce, text[cs:ce], None, attr.name, attr.surface,
                             attr.affiliation, attr.verb, "reported", sentence])
            if attr.name is not None and attr.kind == "person":
                last_person = attr.name
    return _share_speakers(rows)


def _share_speakers(rows: list[list]) -> list[tuple]:
    """Segments of one quotation without a speaker take the speaker found for another segment."""
    found = {}
    for r in rows:
        if r[5] is not None and r[6] is not None:
            found.setdefault(r[5], r[6:10])
    for r in rows:
        if r[5] is not None and r[6] is None and r[5] in found:
            r[6:10] = found[r[5]]
            r[10] = "direct"
    return [tuple(r) for r in rows]


def _last_person_named(masked: str, start: int, end: int) -> str | None:
    """The last person of the actors table named in ``masked[start:end]`` (for "he" before anyone spoke)."""
    pattern, lookup = _alias_re()
    last = None
    for m in pattern.finditer(masked, start, end):
        if lookup[m.lastgroup][2] == "person":
            last = lookup[m.lastgroup][0]
    return last


@lru_cache(maxsize=None)
def _actor_facts() -> dict[str, tuple[str, str]]:
    """name -> (affiliation, kind), the first row of the actors table for each name."""
    facts: dict[str, tuple[str, str]] = {}
    for row in actors_table().itertuples(index=False):
        facts.setdefault(row.name, (row.affiliation, row.kind))
    return facts


def _affiliation_of(name: str | None) -> str:
    return _actor_facts().get(name, ("unknown", "unknown"))[0] if name is not None else "unknown"


def _kind_of(name: str) -> str:
    return _actor_facts().get(name, ("unknown", "unknown"))[1]


def _only_attribution(between: str) -> bool:
    pats = _patterns()
    between = between.lstrip("”\"’'")
    m = pats["after"].match(between) or pats["after_inverted"].match(between)
    return bool(m) and re.fullmatch(r"[\s\w’'\-]*[.,:;]?\s*[“\"‘']?", between[m.end():]) is not None


def _attribution_for(seg, text, masked, sentence_end, attributions, according, resolve):
    qs, qe, _, _ = seg
    close = qe + 1 if qe < len(text) and text[qe] in _CLOSE + "’'" else qe
    pats = _patterns()
    after = pats["after"].match(masked[close:sentence_end + 1]) or pats["after_inverted"].match(
        masked[close:sentence_end + 1])
    if after:
        return resolve(after, close)
    before = [a for a in attributions if a.verb_end <= qs]
    if before:
        return before[-1]
    if according:
        return according[0]
    if attributions:
        return attributions[0]
    return None


def _reported_content(attr, text, masked, ss, se, pats) -> tuple[int, int] | None:
    if attr.verb == "according to":
        rest = masked[attr.end:se]
        m = re.match(r"[^,]*,\s*", rest)
        if attr.start - ss < 20 and m:  # "According to X, CONTENT."
            cs = attr.end + m.end()
            return _content_span(text, masked, cs, se)
        head = masked[ss:attr.start]
        m = re.search(r",\s*(?i:according to)\s+(?:the\s+)?$", head)
        return _content_span(text, masked, ss, ss + m.start()) if m else None
    head = masked[ss:attr.start]
    if re.search(r"[" + _MASK + r"”\"’']\W*$", head):
        return None  # the attribution of the quotation just before it
    after = masked[attr.verb_end:se]
    lead = pats["told" if attr.verb in ("told", "tells", "telling") else "lead"].match(after)
    if attr.verb in ("told", "tells", "telling") and not lead:
        return None
    cs = attr.verb_end + (lead.end() if lead else 0)
    rest = masked[cs:se].lstrip(" ,")
    if rest and rest[0] not in _OPEN + _MASK and _has_words(rest, 3):
        return _content_span(text, masked, cs, se)
    # "CONTENT, he added." with no quotation before the attribution
    if re.search(r",\s*$", head) and _MASK not in head and _has_words(head, 3) \
            and re.fullmatch(r"[\s\w’'\-]*[.!?]?", masked[attr.verb_end:se]):
        return _content_span(text, masked, ss, ss + len(head.rstrip().rstrip(",")))
    return None


# what closes reported content without belonging to it: a trailing credit (", the AFP news
# agency reported") or the writer's gloss after a closing quote ("…,” a likely reference to …")
_TRAILING_CREDIT = re.compile(r",\s+(?:the\s+)?[^,“”\"]{1,60}?\s(?:reported|said|says|added)\s*[.!?]?\s*$")
_GLOSS_AFTER_QUOTE = re.compile(r"(?<=[”\"])\s*,?\s+(?=(?:a|an|the)\s)")


def _content_span(text: str, masked: str, s: int, e: int) -> tuple[int, int] | None:
    credit = _TRAILING_CREDIT.search(text, s, e)
    if credit:
        e = credit.start()
    gloss = _GLOSS_AFTER_QUOTE.search(text, s, e)
    if gloss:
        e = gloss.start()
    s, e = _trim(text, s, e)
    while e > s and text[e - 1] in ".,;:":
        e -= 1
    while s < e and text[s] in ",;:":
        s += 1
    s, e = _trim(text, s, e)
    return (s, e) if _has_words(text[s:e], 3) else None


def _has_words(text: str, n: int) -> bool:
    """``count_words(text) >= n``, without counting past the n-th word."""
    return next(islice(WORD_RE.finditer(text), n - 1, None), None) is not None


# ---------------------------------------------------------------- summaries

def quote_share(articles: pd.DataFrame, quote_rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per article: body words inside direct quotations, and their share of all body words."""
    q = quotes(articles, kinds=("direct",)) if quote_rows is None else quote_rows[quote_rows["kind"] == "direct"]
    words = q.assign(n=[count_words(t) for t in q["quote"]]).groupby("article_id")["n"].sum()
    n_quotes = q.groupby("article_id")["quote_id"].nunique()
    out = articles[["article_id", "outlet", "n_words"]].copy()
    out["quoted_words"] = out["article_id"].map(words).fillna(0).astype("int64")
    out["quotations"] = out["article_id"].map(n_quotes).fillna(0).astype("int64")
    out["quote_share"] = (out["quoted_words"] / out["n_words"].where(out["n_words"] > 0)).astype("float64")
    return out.reset_index(drop=True)


def voices(articles: pd.DataFrame, quote_rows: pd.DataFrame | None = None, *,
           kinds: tuple[str, ...] = ("direct",)) -> pd.DataFrame:
    """Per outlet and affiliation: quotations (by quote_id), segments, quoted words, speakers.

    ``example`` is the first quoted segment of that outlet and affiliation.
    """
    q = quotes(articles) if quote_rows is None else quote_rows
    q = q[q["kind"].isin(kinds)].merge(articles[["article_id", "outlet"]], on="article_id")
    if q.empty:
        return pd.DataFrame({"outlet": pd.Series(dtype="string"), "affiliation": pd.Series(dtype="string"),
                             "kind": pd.Series(dtype="string"), "quotations": pd.Series(dtype="int64"),
                             "words": pd.Series(dtype="int64"), "speakers": pd.Series(dtype="string"),
                             "example": pd.Series(dtype="string")})
    q = q.assign(words=[count_words(t) for t in q["quote"]], outlet=q["outlet"].astype("string"),
                 affiliation=q["affiliation"].astype("string"), kind=q["kind"].astype("string"),
                 qkey=q["article_id"] + ":" + q["quote_id"].astype("string").fillna(q["start"].astype("string")))
    out = q.groupby(["outlet", "affiliation", "kind"], as_index=False).agg(
        quotations=("qkey", "nunique"), words=("words", "sum"),
        speakers=("speaker", lambda s: "; ".join(sorted(set(s.dropna())))),
        example=("quote", "first"))
    return out.astype({"quotations": "int64", "words": "int64", "speakers": "string", "example": "string"})


# ---------------------------------------------------------------- scoring

def score_quotes(predicted: pd.DataFrame, gold: pd.DataFrame, *, rule: str = "overlap") -> dict[str, float]:
    """Compare direct-quote segments with gold (article_id, start, end, quote, speaker).

    ``rule="exact"``: same article, start and end. ``rule="overlap"``: same article and
    the two spans share at least half of the shorter one's characters. Each gold segment
    is matched at most once. Returns precision, recall, f1, the counts, and speaker
    accuracy (share of matched pairs whose speaker is the same canonical name).
    """
    pred = predicted[predicted["kind"] == "direct"] if "kind" in predicted else predicted
    pred_by = {k: list(zip(g["start"], g["end"], g["speaker"])) for k, g in pred.groupby("article_id")}
    matched, speaker_ok, used = 0, 0, set()
    for g in gold.itertuples(index=False):
        for j, (ps, pe, spk) in enumerate(pred_by.get(g.article_id, [])):
            if (g.article_id, j) in used:
                continue
            if rule == "exact":
                ok = ps == g.start and pe == g.end
            else:
                shared = min(pe, g.end) - max(ps, g.start)
                ok = shared > 0 and shared >= 0.5 * min(pe - ps, g.end - g.start)
            if ok:
                used.add((g.article_id, j))
                matched += 1
                speaker_ok += int(pd.notna(spk) and spk == g.speaker)
                break
    n_pred, n_gold = len(pred), len(gold)
    precision = matched / n_pred if n_pred else 0.0
    recall = matched / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "matched": matched, "predicted": n_pred,
            "gold": n_gold, "speaker_accuracy": speaker_ok / matched if matched else 0.0}


def load_gold_quotes(path=None) -> pd.DataFrame:
    """``tests/gold/quotes.csv`` as typed columns."""
    from .paths import GOLD_DIR

    gold = pd.read_csv(path or GOLD_DIR / "quotes.csv", dtype="string", keep_default_na=False)
    return gold.astype({"start": "int64", "end": "int64"})
