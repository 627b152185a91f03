"""Who is quoted: direct quotations, reported speech, their speakers and affiliations.

Rules this module implements, and their known limits:

Direct quotations (``quote_kind == "direct"``)
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
    The speaker of a segment is found by the first of these rules that gives one
    (:data:`SPEAKER_RULES`, in this order):

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

    A SPEAKER is an alias of ``data/aliases.csv`` (longest first), a run of capitalised
    words ("US Secretary of State John Kerry", "Mr Kerry and Mr Lavrov"), or a pronoun;
    the words that may stand between it and the verb ("has", "on Monday") are in
    ``data/reporting_fillers.csv``, the verbs are the speech verbs of
    ``data/reporting_verbs.csv``. The phrase is resolved to the canonical entities of
    ``data/entities.csv`` through the aliases it contains (a person wins over the body in
    their title); "he"/"she" is the last person who spoke (directly or in reported speech)
    earlier in the article, or, before anyone spoke, the last person named in the body so
    far. Segments of one quotation share the speaker found for any of them.
    ``affiliation`` is the entity's (US, Russia, UN, Syrian government, opposition,
    other), ``joint`` when the speakers differ ("Kerry and Lavrov said"), ``unknown`` for
    a name the tables do not hold.

Scare quotes (``quote_kind == "scare"``)
    A quoted stretch of at most ``SCARE_MAX_WORDS`` words that none of the rules above
    attributes is a scare quote: the writer's distance from a word, nobody's speech.
    One-word quotations that *are* attributed ("he was "pleased"", "he would “likely”
    meet") are direct quotations. Headline quotations ('making progress') are not read.

Reported speech (``quote_kind == "reported"``)
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
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd

from . import knowledge
from .corpus import classify_paragraphs, sentences
from .matches import alternation, first_char, phrase_pattern
from .text import QUOTE_CLOSERS, QUOTE_OPENERS, count_words, has_words, quoted_stretches, trim_span

SCARE_MAX_WORDS = 3
QUOTE_KINDS = ["direct", "reported", "scare"]
AFFILIATIONS = ["US", "Russia", "UN", "Syrian government", "opposition", "other", "joint", "unknown"]
COLUMNS = ["article_id", "sentence_id", "start", "end", "surface", "quote_id", "speaker", "speaker_surface",
           "affiliation", "verb", "quote_kind", "sentence"]

_PRONOUNS = {"he": "person", "she": "person", "they": "group"}
_MASK = "\u00b7"  # stands for a quoted character while attributions are searched
_SINGLE_QUOTED = re.compile(r"(?<![\w’'])[‘'](?=\w)(.+?)(?<=[\w.,!?])[’'](?![\w])")


# ---------------------------------------------------------------- knowledge

@knowledge.cached
def _alias_re() -> tuple[re.Pattern, dict[str, tuple[str, str, str]]]:
    """The actors' aliases as one pattern, longest first, each alias a group ``a<i>`` that
    ``lookup`` maps to (name, affiliation, kind)."""
    rows = sorted(knowledge.aliases().itertuples(index=False), key=lambda r: -len(r.alias))
    groups, lookup = [], {}
    for i, r in enumerate(rows):
        groups.append((first_char(r.alias), f"(?P<a{i}>{phrase_pattern(r.alias, r.match_case)})"))
        lookup[f"a{i}"] = (r.entity, r.affiliation, r.kind)
    return re.compile(r"(?<![\w\-])(?:" + alternation(groups) + r")(?![\w\-])"), lookup


@knowledge.cached
def _patterns() -> dict[str, re.Pattern]:
    aliases = knowledge.aliases()
    alias_src = alternation([
        (first_char(a), phrase_pattern(a, m)) for a, m in sorted(
            zip(aliases["alias"], aliases["match_case"]), key=lambda t: -len(t[0]))])
    token = r"(?:(?:al|el)-)?[A-Z][\w’'\-]*\.?"
    name = rf"{token}(?:\s+(?:(?:of|for|de|al|bin|the|and)\s+)*{token})*"
    speaker = rf"(?P<spk>(?<![\w\-])(?:(?:{alias_src})(?![\w\-])|{name}|(?:he|she|they)\b))"
    # an appositive between commas, then words from reporting_fillers.csv ("has", "on Monday")
    filler = (r"(?:\s*,[^,.;:" + _MASK + r"“”\"]{1,120},)?"
              r"(?:\s+(?:" + "|".join(knowledge.reporting_fillers()["pattern"]) + r"))*")
    verb = r"(?P<verb>" + "|".join(map(re.escape, knowledge.speech_verbs())) + r")\b"
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


@knowledge.cached
def _actor_facts() -> dict[str, tuple[str, str]]:
    """entity -> (affiliation, kind)."""
    return {r.entity: (r.affiliation, r.kind) for r in knowledge.entities().itertuples(index=False)}


def _affiliation_of(name: str | None) -> str:
    return _actor_facts().get(name, ("unknown", "unknown"))[0] if name is not None else "unknown"


def _kind_of(name: str) -> str:
    return _actor_facts().get(name, ("unknown", "unknown"))[1]


# ---------------------------------------------------------------- segments

class Segment(NamedTuple):
    """One quoted stretch: the words between the marks, its paragraph, and whether it
    carries on a quotation left open at the end of the previous paragraph."""
    start: int
    end: int
    paragraph: int
    continues: bool


def _single_quotes(text: str, s: int, e: int) -> list[tuple[int, int]]:
    stretch = text[s:e]
    if "'" not in stretch and "‘" not in stretch:
        return []
    return [(s + m.start(1), s + m.end(1)) for m in _SINGLE_QUOTED.finditer(stretch)]


def quote_segments(text: str, spans: list[tuple[int, int]]) -> list[Segment]:
    """The quoted stretches of the paragraph ``spans`` of ``text``, in text order."""
    out: list[Segment] = []
    carried = False
    for p, (ps, pe) in enumerate(spans):
        continues = carried and pe > ps and text[ps] in QUOTE_OPENERS
        carried = False
        plain, last = [], ps
        for opened, closed in quoted_stretches(text, ps, pe):
            plain.append((last, opened))
            out.append(Segment(opened + 1, pe if closed is None else closed, p, continues))
            continues = False
            if closed is None:
                carried = True
            else:
                last = closed + 1
        if not carried:
            plain.append((last, pe))
        out.extend(Segment(a, b, p, False) for s, e in plain for a, b in _single_quotes(text, s, e))
    return sorted((Segment(*trim_span(text, s.start, s.end), s.paragraph, s.continues) for s in out if s.end > s.start),
                  key=lambda s: s.start)


# ---------------------------------------------------------------- speakers

class Speaker(NamedTuple):
    name: str | None  # canonical name
    surface: str | None  # as written
    affiliation: str
    verb: str | None


NOBODY = Speaker(None, None, "unknown", None)


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


class Attribution(NamedTuple):
    """A speaker phrase and its reporting verb, offsets into the article's text."""
    start: int
    end: int
    verb_end: int
    surface: str
    verb: str
    name: str | None
    affiliation: str
    kind: str

    def speaker(self) -> Speaker:
        return Speaker(self.name, self.surface, self.affiliation, self.verb)


@dataclass
class Reading:
    """What is known while one article is read in text order: the texts, the last person
    who spoke (for "he"/"she"), and each segment's speaker and quotation number."""
    text: str
    masked: str  # the text with every quoted character replaced by a mask character
    paragraphs: list[tuple[int, int]]
    last_person: str | None = None
    speakers: dict[int, Speaker] = field(default_factory=dict)  # by segment start
    quote_ids: dict[int, int] = field(default_factory=dict)
    next_quote_id: int = 0
    previous: Segment | None = None
    named_before: dict[int, str | None] = field(default_factory=dict)  # one pronoun is often found twice

    def attribution(self, m: re.Match, offset: int) -> Attribution:
        """The attribution a pattern's match names, a pronoun resolved to the last person."""
        name, aff, kind = resolve_speaker(m.group("spk"))
        if name is None and kind == "person":
            at = offset + m.start("spk")
            if not self.last_person and at not in self.named_before:
                self.named_before[at] = _last_person_named(self.masked, self.paragraphs[0][0], at)
            name = self.last_person or self.named_before[at]
            aff = _affiliation_of(name)
        verb_end = offset + m.end("verb") if m.groupdict().get("verb") else offset + m.end("spk")
        return Attribution(offset + m.start("spk"), offset + m.end("spk"), verb_end, m.group("spk"),
                           m.groupdict().get("verb") or "according to", name, aff, kind)


@dataclass
class Sentence:
    """One body sentence and the attributions found in it."""
    id: int
    start: int
    end: int
    has_verb: bool
    attributions: list[Attribution]  # SPEAKER ... VERB
    according: list[Attribution]  # according to SPEAKER


def _after_the_quotation(r: Reading, s: Sentence, seg: Segment) -> Speaker | None:
    close = seg.end + 1 if seg.end < len(r.text) and r.text[seg.end] in QUOTE_CLOSERS + "’'" else seg.end
    pats = _patterns()
    after = pats["after"].match(r.masked[close:s.end + 1]) or pats["after_inverted"].match(r.masked[close:s.end + 1])
    return r.attribution(after, close).speaker() if after else None


def _before_it_in_the_sentence(r: Reading, s: Sentence, seg: Segment) -> Speaker | None:
    before = [a for a in s.attributions if a.verb_end <= seg.start]
    return before[-1].speaker() if before else None


def _according_to(r: Reading, s: Sentence, seg: Segment) -> Speaker | None:
    return s.according[0].speaker() if s.according else None


def _any_attribution(r: Reading, s: Sentence, seg: Segment) -> Speaker | None:
    return s.attributions[0].speaker() if s.attributions else None


def _first_actor_named(r: Reading, s: Sentence, seg: Segment) -> Speaker | None:
    if not (s.attributions or s.according or s.has_verb):
        return None
    first = _patterns()["actor"].search(r.masked[s.start:s.end])
    if not first:
        return None
    name, aff, _ = resolve_speaker(first.group())
    if name is None:
        name, aff = r.last_person, _affiliation_of(r.last_person)
    return Speaker(name, first.group(), aff, "")


def _previous_in_the_paragraph(r: Reading, s: Sentence, seg: Segment) -> Speaker | None:
    # the previous segment's speaker, even an unknown one, is this one's
    same = r.previous is not None and r.previous.paragraph == seg.paragraph
    return r.speakers[r.previous.start] if same else None


def _continued_paragraph(r: Reading, s: Sentence, seg: Segment) -> Speaker | None:
    opens = seg.continues or r.text[r.paragraphs[seg.paragraph][0]] in QUOTE_OPENERS
    if opens and r.previous is not None and r.previous.paragraph in (seg.paragraph, seg.paragraph - 1):
        return r.speakers[r.previous.start]
    return None


SPEAKER_RULES: list[Callable[[Reading, Sentence, Segment], Speaker | None]] = [
    _after_the_quotation,
    _before_it_in_the_sentence,
    _according_to,
    _any_attribution,
    _first_actor_named,
    _previous_in_the_paragraph,
    _continued_paragraph,
]


def find_speaker(r: Reading, s: Sentence, seg: Segment) -> Speaker | None:
    """The speaker of the first rule of :data:`SPEAKER_RULES` that finds one."""
    for rule in SPEAKER_RULES:
        found = rule(r, s, seg)
        if found is not None:
            return found
    return None


def _last_person_named(masked: str, start: int, end: int) -> str | None:
    """The last person of the alias table named in ``masked[start:end]`` (for "he" before anyone spoke)."""
    pattern, lookup = _alias_re()
    last = None
    for m in pattern.finditer(masked, start, end):
        if lookup[m.lastgroup][2] == "person":
            last = lookup[m.lastgroup][0]
    return last


def _only_attribution(between: str) -> bool:
    pats = _patterns()
    between = between.lstrip("”\"’'")
    m = pats["after"].match(between) or pats["after_inverted"].match(between)
    return bool(m) and re.fullmatch(r"[\s\w’'\-]*[.,:;]?\s*[“\"‘']?", between[m.end():]) is not None


# ---------------------------------------------------------------- extraction

@dataclass
class Row:
    """One row of the quotations table."""
    sentence_id: int
    start: int
    end: int
    quote_id: int | None
    speaker: Speaker
    quote_kind: str


def quotations(articles: pd.DataFrame, *, quote_kinds: tuple[str, ...] = tuple(QUOTE_KINDS)) -> pd.DataFrame:
    """One row per quoted segment or reported statement in body text (see the module doc).

    Columns: article_id, sentence_id, start, end, surface (``text[start:end]``), quote_id
    (segments of one quotation; <NA> for reported speech), speaker (canonical name),
    speaker_surface (as written), affiliation, verb, quote_kind, sentence.
    """
    sents = sentences(articles)
    sent_groups: dict[str, list[tuple[int, int, int]]] = {}
    for a, sid, s, e in zip(sents["article_id"], sents["sentence_id"], sents["start"], sents["end"]):
        sent_groups.setdefault(a, []).append((sid, s, e))
    rows = []
    for aid, text in zip(articles["article_id"], articles["text"]):
        # the memoised layout, not the paragraphs table: only the body spans are needed
        body = [(s, e) for s, e, kind in classify_paragraphs(text) if kind == "body"]
        group = sent_groups.get(aid, [])
        spans = {sid: (s, e) for sid, s, e in group}
        for r in _article_quotations(text, body, group):
            s, e = spans[r.sentence_id]
            rows.append((aid, r.sentence_id, r.start, r.end, text[r.start:r.end], r.quote_id, *r.speaker,
                         r.quote_kind, text[s:e]))
    if not rows:
        return _typed(pd.DataFrame({c: [] for c in COLUMNS}))
    df = _typed(pd.DataFrame(rows, columns=COLUMNS))
    df = df[df["quote_kind"].isin(quote_kinds)]
    return df.sort_values(["article_id", "start", "quote_kind"], kind="stable").reset_index(drop=True)


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    return df.astype({
        "article_id": "string", "sentence_id": "int64", "start": "int64", "end": "int64", "surface": "string",
        "quote_id": "Int64", "speaker": "string", "speaker_surface": "string",
        "affiliation": pd.CategoricalDtype(AFFILIATIONS), "verb": "string",
        "quote_kind": pd.CategoricalDtype(QUOTE_KINDS), "sentence": "string",
    })


def _article_quotations(text: str, paragraphs: list[tuple[int, int]], sent_spans: list[tuple[int, int, int]]) -> list[Row]:
    """The rows of one article: its segments and reported statements, sentence by sentence."""
    segments = quote_segments(text, paragraphs)
    masked = list(text)
    for seg in segments:
        masked[seg.start:seg.end] = _MASK * (seg.end - seg.start)
    reading = Reading(text, "".join(masked), paragraphs)
    by_sentence: dict[int, list[Segment]] = {}
    starts = [s for _, s, _ in sent_spans]
    for seg in segments:
        i = bisect.bisect_right(starts, seg.start) - 1
        if i >= 0 and seg.start < sent_spans[i][2]:
            by_sentence.setdefault(i, []).append(seg)
    rows: list[Row] = []
    for i, (sid, ss, se) in enumerate(sent_spans):
        sentence = _read_sentence(reading, sid, ss, se)
        for seg in by_sentence.get(i, []):
            rows.append(_segment_row(reading, sentence, seg))
        for attr in sentence.attributions + sentence.according:
            content = _reported_content(reading, attr, ss, se)
            if content is not None:
                rows.append(Row(sid, *content, None, attr.speaker(), "reported"))
            if attr.name is not None and attr.kind == "person":
                reading.last_person = attr.name
    return _share_speakers(rows)


def _read_sentence(r: Reading, sid: int, ss: int, se: int) -> Sentence:
    pats = _patterns()
    sent_masked = r.masked[ss:se]
    has_verb = pats["verb"].search(sent_masked) is not None
    # an attribution ends in a reporting verb: without one the costly search is idle
    attributions = [r.attribution(m, ss) for m in pats["before"].finditer(sent_masked)
                    if _MASK not in m.group("spk")] if has_verb else []
    according = [r.attribution(m, ss) for m in pats["according"].finditer(sent_masked)]
    return Sentence(sid, ss, se, has_verb, attributions, according)


def _segment_row(r: Reading, s: Sentence, seg: Segment) -> Row:
    speaker = find_speaker(r, s, seg)
    kind = "direct"
    if speaker is None:
        speaker = NOBODY
        if not has_words(r.text[seg.start:seg.end], SCARE_MAX_WORDS + 1):
            kind = "scare"
    same_paragraph = r.previous is not None and r.previous.paragraph == seg.paragraph
    if seg.continues or (same_paragraph and _only_attribution(r.masked[r.previous.end:seg.start])):
        quote_id = r.quote_ids[r.previous.start]
    else:
        quote_id, r.next_quote_id = r.next_quote_id, r.next_quote_id + 1
    r.speakers[seg.start], r.quote_ids[seg.start] = speaker, quote_id
    r.previous = seg
    if speaker.name is not None and _kind_of(speaker.name) == "person":
        r.last_person = speaker.name
    return Row(s.id, seg.start, seg.end, quote_id, speaker, kind)


def _share_speakers(rows: list[Row]) -> list[Row]:
    """Segments of one quotation without a speaker take the speaker found for another segment."""
    found: dict[int, Speaker] = {}
    for r in rows:
        if r.quote_id is not None and r.speaker.name is not None:
            found.setdefault(r.quote_id, r.speaker)
    for r in rows:
        if r.quote_id is not None and r.speaker.name is None and r.quote_id in found:
            r.speaker, r.quote_kind = found[r.quote_id], "direct"
    return rows


def _reported_content(r: Reading, attr: Attribution, ss: int, se: int) -> tuple[int, int] | None:
    """The span of what ``attr`` reports in the sentence [ss, se), if it reports anything."""
    text, masked, pats = r.text, r.masked, _patterns()
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
    if rest and rest[0] not in QUOTE_OPENERS + _MASK and has_words(rest, 3):
        return _content_span(text, masked, cs, se)
    # "CONTENT, he added." with no quotation before the attribution
    if re.search(r",\s*$", head) and _MASK not in head and has_words(head, 3) \
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
    s, e = trim_span(text, s, e)
    while e > s and text[e - 1] in ".,;:":
        e -= 1
    while s < e and text[s] in ",;:":
        s += 1
    s, e = trim_span(text, s, e)
    return (s, e) if has_words(text[s:e], 3) else None


# ---------------------------------------------------------------- summaries

def quote_share(articles: pd.DataFrame, quote_rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per article: body words inside direct quotations, and their share of all body words."""
    q = quotations(articles, quote_kinds=("direct",)) if quote_rows is None else quote_rows[quote_rows["quote_kind"] == "direct"]
    words = q.assign(n=[count_words(t) for t in q["surface"]]).groupby("article_id")["n"].sum()
    n_quotes = q.groupby("article_id")["quote_id"].nunique()
    out = articles[["article_id", "outlet", "n_words"]].copy()
    out["quoted_words"] = out["article_id"].map(words).fillna(0).astype("int64")
    out["quotations"] = out["article_id"].map(n_quotes).fillna(0).astype("int64")
    out["quote_share"] = (out["quoted_words"] / out["n_words"].where(out["n_words"] > 0)).astype("float64")
    return out.reset_index(drop=True)


def voices(articles: pd.DataFrame, quote_rows: pd.DataFrame | None = None, *,
           quote_kinds: tuple[str, ...] = ("direct",)) -> pd.DataFrame:
    """Per outlet and affiliation: quotations (by quote_id), segments, quoted words, speakers.

    ``example`` is the first quoted segment of that outlet and affiliation.
    """
    q = quotations(articles) if quote_rows is None else quote_rows
    q = q[q["quote_kind"].isin(quote_kinds)].merge(articles[["article_id", "outlet"]], on="article_id")
    if q.empty:
        return pd.DataFrame({"outlet": pd.Series(dtype="string"), "affiliation": pd.Series(dtype="string"),
                             "quote_kind": pd.Series(dtype="string"), "quotations": pd.Series(dtype="int64"),
                             "words": pd.Series(dtype="int64"), "speakers": pd.Series(dtype="string"),
                             "example": pd.Series(dtype="string")})
    q = q.assign(words=[count_words(t) for t in q["surface"]], outlet=q["outlet"].astype("string"),
                 affiliation=q["affiliation"].astype("string"), quote_kind=q["quote_kind"].astype("string"),
                 qkey=q["article_id"] + ":" + q["quote_id"].astype("string").fillna(q["start"].astype("string")))
    out = q.groupby(["outlet", "affiliation", "quote_kind"], as_index=False).agg(
        quotations=("qkey", "nunique"), words=("words", "sum"),
        speakers=("speaker", lambda s: "; ".join(sorted(set(s.dropna())))),
        example=("surface", "first"))
    return out.astype({"quotations": "int64", "words": "int64", "speakers": "string", "example": "string"})
