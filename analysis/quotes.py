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
       ``," said Kerry``, ``," said the UN envoy Staffan de Mistura``; a quotation that
       resumes in its sentence after only such an attribution, perhaps with an appositive
       (``"…," said Jane Doe, a commander of the Free Syrian Army, "…"``), is the speaker's
       of the segment before it (the person, not the group of the appositive); a document
       that speaks, right after the mark or nearer before the quotation than any
       attribution (``," the statement said``, ``The communique said "…"``:
       ``speaker_cues.csv`` kind ``document``), is its author's voice: the first who spoke
       in the latest earlier sentence that names the document ("The ministry said in a
       statement …"), else the subject that sentence opens with ("The army command issued
       a statement."); in a reporter's turn of a transcript (``QUESTION:``), ``you said
       "…"`` (and any verb of speech after "you") quotes the briefer, the person the turn
       label that answers it names (the next one, else the one before: ``MR. KIRBY:``);
       ``"…," it said`` or ``it said "…"`` is the body that spoke last (below);
    2. the nearest attribution before it in the same sentence, ``SPEAKER [fillers] VERB``
       (``Kerry said Tuesday that a "…"``, ``President Vladimir Putin said that … "…"``;
       an appositive between commas may separate speaker and verb). Besides the speech
       verbs, the verbs that characterise in the subject's own words (``speaker_cues.csv``,
       kind ``characterising_verb``: ``Lavrov called the decision "a mistake"``, ``the
       government blamed "terrorists"``, ``the council demanded an "immediate halt"``)
       attribute the quoted words after them;
    3. ``according to SPEAKER`` in the sentence;
    4. any other attribution in the sentence;
    5. a reporting verb without a subject of its own (``…, telling the press conference he
       was "pleased"``, ``X opened the talks by telling them they had "…"``): a participle
       takes the subject of its clause, the one the sentence opens with (below), when it
       names someone; else the first actor named in the sentence that is not a news
       agency (a channel: "told Reuters", "TASS reported" credit the one who spoke);
    6. a quotation right after a colon takes the subject the sentence opens with
       (``The Russian minister was more cautious: "…"``), when it names someone. The
       subject comes after a dateline ("KUWAIT CITY — ") and a fronted adverbial, with its
       comma ("In Geneva, …") or without one when it is a preposition and lower-case words,
       perhaps with a place ("At one point …", "At a briefing in New York …"); an
       appositive name after a description wins ("The UN envoy for Yemen, Jane Doe, …");
    7. a quotation that carries on one left open at the end of the previous paragraph
       has that quotation's speaker;
    8. the speaker of the previous segment of the same paragraph, unless a sentence
       between them names someone else (``"…," Kerry said. Lavrov disagreed. "…"``);
    9. a sentence that is only a quotation takes the attribution of the next sentence of
       its paragraph when that sentence quotes nothing itself: ``"…?" Kerry asked.``,
       ``"…." So said Riad Hijab.``, ``"…." That was how the envoy summed up the week.``
       (a characterising verb); or, when that sentence has a noun of speech
       (``speaker_cues.csv``, kind ``speech_noun``), the first person it names (``That was
       Kerry's verdict.``, ``Those were the words of the envoy.``), else the first body it
       names, by an alias or a description (``That was the pledge the Russian defence
       ministry gave.``: Russia; not a news agency); else, when the
       sentence before it names a document (``The army command issued a statement. "…"``),
       that document's author (as in rule 1);
    10. a paragraph that opens with a quotation continues the speaker of the previous
        paragraph's last quotation;
    11. a sentence that is only a quotation, with none of the above, is the words of the
        person the story is about at that point: the one "he" would name there (below).

    Never a speaker's words: a quotation right after "so-called", and a short quoted name
    inside the writer's sentence (``the "Geneva 2" conference``: at most
    ``SCARE_MAX_WORDS`` words, each capitalised or a number, no punctuation of its own, not
    right after a verb of speech), and a quoted title in it (``published under the heading
    "Statement of the Support Group"``: up to ``TITLE_MAX_WORDS`` words, capitalised but for
    function words, its first and last capitalised, under the same conditions); all are
    scare quotes.

    A SPEAKER is an alias of ``data/aliases.csv`` (longest first), a run of capitalised
    words ("US Secretary of State John Kerry", "Mr Kerry and Mr Lavrov"), a description
    ending in a title of ``speaker_cues.csv`` ("the UN envoy", "a senior US official",
    "Russia's foreign minister", "the secretary of state"), or a pronoun; the words that may
    stand between it and the verb ("has", "on Monday") are in ``data/reporting_fillers.csv``,
    the verbs are the speech verbs of ``data/reporting_verbs.csv``. A description may end
    in its title's complement ("the UN envoy for Yemen", "Russia's ambassador to the United
    Nations", "the secretary of state"). A possessive is never a subject ("Moscow's claims"
    is a noun phrase, not "Moscow claims"). A name's capitalised tokens are words, initials
    ("F.") and dotted acronyms ("U.S.", read whole, so a speaker never starts inside one:
    not "S. Secretary of State John Kerry") and the capitalised abbreviations of
    ``abbreviations.csv`` ("Mr.", "MR."); a full stop after any other word ends the
    sentence, not the name. Inside a name "the" follows only "of", "for" or "to"
    ("Friends of the Syrian People"; "New York the UN chief" is a place, then a
    description). A sentence adverb alone ("So said …") is not a speaker.

    People in the story: who spoke (every attribution and quotation with a person as
    speaker) and who is named in each body sentence outside quotations: the people of the
    alias table (an office alias, "the UN chief", by its holder on the day: below), a name
    with a title before it or a description in apposition before or after it ("UNHCR
    spokeswoman Melissa Fleming", "Britain's ambassador, Matthew Rycroft,", "Riad Hijab,
    the opposition's coordinator,"), one word of a listed person's name ("Zakharova was
    asked …"), and the person a definite description names ("the Secretary was clear",
    resolved as below; one right before a name is that name's title). A transcript's turn
    label ("MR. TONER:") names the one who says "I" in the turn. A sentence is read for
    names only when a question needs it, and only when it has a word of a listed person's
    name or a title.

    A phrase is resolved in this order:

    * "he"/"she": the person in focus where the pronoun stands. A person who spoke earlier
      in the same sentence; else, going back sentence by sentence, the first person who
      spoke in that sentence or, if nobody spoke there, the first person named in it; one
      who spoke unnamed for a body counts as having spoken, as that body ("A UN spokesman
      said …. "…," he said", "a spokeswoman for the UN refugee agency said": the body)
      (never a turn label: "he" in a spokesman's turn is someone else); in the first body
      paragraph, with nobody before it, the first listed person the standfirst names (read
      for this only and for a title such as "the spokeswoman" that its entity note gives
      that person: its quotations never count).
    * "they": the latest who spoke as several, in its sentence or up to three sentences
      before: a body's officials ("Russian officials said", "US officials"), a plural
      ("Gulf Arab states called"), or people together ("Kerry and Lavrov said"); else
      nobody. A plural word that speaks for a body (``speaker_cues.csv`` kind
      ``state_voice``: "officials", "diplomats") may stand between a body's alias, or one
      capitalised word that names no person, and the verb, before or after the quotation
      ("Russian officials said", "Kremlin officials said": the body; "Turkish officials
      said": a state's government; "Western diplomats said": as written).
    * "it" (``"…," it said``, ``It added that …``): the body that spoke last, in its
      sentence or up to three sentences before; else nobody (never a name "It").
    * offices: an office has one holder on a given day. ``offices.csv`` describes each
      office (its body, an entity; the senses of the titles that name it; its portfolio,
      the words that tell it from the body's other offices of that title; and the bare
      titles that name it alone: "the Secretary-General" is the UN's, "the Secretary" in a
      State Department briefing the Secretary of State) and ``office_holders.csv`` who held
      it from when to when. A definite description or an office alias that names an office
      with its body ("the UN refugee chief", "UN human rights chief", "the UN-Arab League
      envoy for Syria", "Russia's ambassador to the United Nations", "the Syrian
      president": a state's adjective or name, ``speaker_cues.csv`` kind ``state``, names
      its government; the owner in the possessive is the body, else what stands before the
      title or after "of", so "Syria's UN envoy" is Syria's ambassador and "the UN envoy
      for Syria" the UN's envoy) is the holder on the article's publication day, before
      anything the story says; a bare title is the holder only when nobody in the story
      fits it, and so is an office named without its portfolio ("the UN envoy") whose
      portfolio the article names elsewhere, when only one such office's is ("Syria" and
      not "Yemen": an article about Syria). Its words besides the body, the title, function words and a few others
      (``speaker_cues.csv`` kind ``office_word``: "special", "new") must be the portfolio's
      ("the UN nuclear chief" is not the Secretary-General); a description with a word of
      kind ``not_holder`` ("former", "deputy", "acting", "then") names no holder (an office
      alias in it then stands for its body: "the former UN chief" is the United Nations).
      Without a publication date, or on a day the table has nobody for, an office alias
      stands for the person ``aliases.csv`` gives it.
    * descriptions: a person alias in it names that person. Else a definite description
      ("the envoy", "the Russian minister") names the latest person in the story before
      it who fits it: whose role has the description's sense (``speaker_cues.csv``:
      "spokesman" and "spokeswoman" are one sense; a person's roles are the titles written
      around their name in the article and the titles in their ``entities.csv`` note),
      among those whose affiliation is that of any body or state the description names
      ("UN", "Russian", "Britain's"); with no role matching, the latest person of that
      affiliation. A deputy fits only a deputy ("the deputy foreign minister" is not the
      minister). A person named in the possessive is the owner, not the referent
      ("Kerry's spokesman"). A description of a body ("the ministry", "the
      government": sense ``body``), an indefinite one ("a senior US official", "a Russian
      diplomat") and one that fits nobody stand for the body they name; a state's word
      before a word that speaks for a state (``speaker_cues.csv`` kind ``state_voice``:
      "ministry", "embassy", "official", "diplomat"; not "activist") stands for its
      government, offices and ministries speaking for it ("the Syrian foreign ministry":
      Syrian government; "a Turkish official": Turkey, affiliation other when
      ``entities.csv`` does not list it); else they stand for the bodies named where the
      article introduced that title ("a State Department official … the official said");
      else, when the last to speak before it in its paragraph was a body ("The White House
      said …. "…," a spokesman said") and the description has only its title and a rank
      ("a senior official"; not "a rebel spokesman"), for that body; a bare definite body word ("the
      group", "the agency") stands for the organisation or news agency (not a government:
      "the army") that spoke last, in its sentence or up to three before; else they are
      kept as written.
      "administration official" is an alias of the United States (the stock phrase of US
      reporting: "a senior administration official"). An appositive name wins over any of this
      ("Damascus's envoy, Bashar al-Jaafari, said").
    * aliases: the canonical entities of ``data/entities.csv`` the phrase names; a person
      wins over the body in their title ("United Nations Special Envoy … Staffan de
      Mistura"); several people are a joint speaker.
    * names: leading titles, bodies, ranks and honorifics are dropped ("Provincial Governor
      Talal Barazi" is Talal Barazi; after "for"/"of"/"to" a first capitalised word is the
      title's object: "Special Envoy for Syria Jane Doe"). A one-word name is the latest
      person in the story with that word in their name ("Melissa Fleming … Fleming said"),
      else the one person of the alias table with that word in a full-name alias ("Ban",
      "Psaki"), else the one person in the story, then in the table, whose word has the same
      consonant skeleton (below). A longer name is the one person of the table whose name
      has the same skeleton word for word ("Walid Moallem" = "Walid al-Muallem"), else a
      person of its own when a title stands with it or it has two to four words, none of
      them a body word of ``speaker_cues.csv`` ("Ministry", "House", "Front"). Its
      affiliation is that of a body in its title ("UN spokesman Stephane Dujarric": UN).
    * anything else is kept as written, without a leading "The".

    Transliteration: well-known spellings of listed people are rows of ``aliases.csv``
    ("Moallem", "al-Moualem", "Rohani"); beyond them, a name in speaker position matches a
    person's when their consonant skeletons agree (lower case, accents, "al-"/"el-" and
    every vowel but a first letter removed, doubled letters single, "q" as "k":
    "Mouallem", "Moualem" and "Muallem" are all "mlm", "Ibrahim" is "ibrhm" and "Brahimi"
    "brhm"), with at least three letters and one person matching.

    ``affiliation`` is the entity's (US, Russia, UN, Syrian government, opposition,
    other), ``joint`` when the speakers differ ("Kerry and Lavrov said"), ``unknown`` for
    a name the tables do not hold and no title places. ``speaker_surface`` is the phrase
    as written, <NA> for a speaker inferred from the story (rule 11).

Scare quotes (``quote_kind == "scare"``)
    A quoted stretch of at most ``SCARE_MAX_WORDS`` words that none of the rules above
    attributes is a scare quote: the writer's distance from a word, nobody's speech; so is a
    quoted name or title of any length (above).
    One-word quotations that *are* attributed ("he was "pleased"", "he would “likely”
    meet") are direct quotations. Headline quotations ('making progress') are not read.

Reported speech (``quote_kind == "reported"``)
    ``SPEAKER [fillers] VERB [that] CONTENT`` where the content does not open with a
    quotation mark, ``CONTENT, SPEAKER VERB.`` (``…, he added.``), ``told OBJECT that
    CONTENT`` and ``According to SPEAKER, CONTENT``. ``start``/``end`` span the content
    to the end of the sentence. Partial quotations inside it are also direct rows. Only
    speech verbs report; characterising verbs attribute quoted words only. A trailing
    credit after another attribution only relays it ("Kerry said …, the agency reported"
    is Kerry's statement, not the agency's).

Known limits: plural speakers named only by a common noun ("officials", "the pair") are
not recognised, and "they" names only those who spoke as several (above), never a group merely named;
"it" names only a body that spoke; "he" and "she" are not told apart; a person
first named without a title or a listed name ("Mevlut Cavusoglu arrived …") is not in the
story until they speak; a description fits only people named before it; a quotation whose
marks do not balance inside its paragraph runs to the paragraph's end; a one-word name
that is also the first word of a sentence and a listed person's name ("Ban on …") is read
as the person; an office is dated by the publication day, not by the time the sentence
tells of ("the UN envoy said in 2012" in a 2016 article is the 2016 envoy), and only the
offices of ``offices.csv`` are dated (the others' aliases name one fixed person); a
description with a state's adjective stands for its government only before a word of kind
``state_voice``, so "a Syrian official" is the Syrian government even when the official
serves the opposition's interim government. Reported speech runs to the end of its
sentence, so a clause of narration after the content belongs to it ("the US insists that
…, but Russia opposes the idea, arguing …" is all the US's); an appositive after
``According to SPEAKER`` ("…, passed on 27 September, …") opens the content, and a
document named after ``according to`` (a resolution, a report) is credited to its author.

Fixed with the held-out set's failing cases in view (each rule above, each with a unit test in
invented words): "he" with nobody before it in the body (the standfirst's person); an unnamed
spokesman or official ("a UN spokesman said … he said"; "a spokesman said" after "The White
House said"; "a senior administration official"); a document that speaks ("the statement
said") or is introduced in the sentence before a quotation; a sentence of speech naming only
a body after a quotation; a quotation resumed after "said X, a commander of Y,"; a quoted
document title; "demanded"; "you said" in a reporter's turn. Their limits: the body an
unnamed spokesman, "it", "the group" or a statement is given is the last that spoke (or
named the document) before it, so one who speaks for another body than the one just quoted
is misread; "you" is read only in a turn labelled ``QUESTION``/``REPORTER``, and only a
listed briefer is named; a title is told from a quotation by its capitals alone (a quoted
slogan in title case is a title).
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd

from . import knowledge
from .corpus import classify_paragraphs, require, sentences
from .matches import alternation, first_char, phrase_pattern
from .text import QUOTE_CLOSERS, QUOTE_OPENERS, WORD_RE, count_words, has_words, quoted_stretches, trim_span

SCARE_MAX_WORDS = 3
QUOTE_KINDS = ["direct", "reported", "scare"]
AFFILIATIONS = ["US", "Russia", "UN", "Syrian government", "opposition", "other", "joint", "unknown"]
COLUMNS = ["article_id", "sentence_id", "start", "end", "surface", "quote_id", "speaker", "speaker_surface",
           "affiliation", "verb", "quote_kind", "sentence"]

_MASK = "\u00b7"  # stands for a quoted character while attributions are searched
_SINGLE_QUOTED = re.compile(r"(?<![\w’'])[‘'](?=\w)(.+?)(?<=[\w.,!?])[’'](?![\w])")
# the capital letters a name may start with: A-Z and the common Latin capitals with accents
# (a short class: a long one slows every search for a speaker)
_UPPER = "A-ZÀ-ÖØ-ÞĆČĐŁŃŚŞŠŹŻŽ"
# lower-case words inside a name ("Staffan de Mistura", "Osama bin Laden")
_PARTICLES = frozenset({"al", "el", "de", "di", "da", "du", "der", "van", "von", "bin", "ibn", "la", "le"})
# words that end a name read backwards: the title's object or a conjunction comes before them
_NAME_STOPS = frozenset({"of", "for", "to", "the", "The", "and", "on", "at", "in", "from", "with"})
# sentence adverbs a capitalised run may start with ("Meanwhile Jones said")
_LEADING = frozenset({"The", "But", "And", "However", "Also", "Meanwhile", "Still", "Yet", "So", "Then", "Later",
                      "Earlier", "Separately", "Instead", "Now", "Today", "Yesterday", "Asked", "When", "While",
                      "As", "If", "After", "Before", "Since", "Although", "Though", "Because", "Despite",
                      "Following", "Under", "With", "Without", "For", "In", "On", "At", "By", "From", "Like",
                      "Unlike", "Speaking", "Addressing"})
_NOT_HEADS = frozenset({"honorific", "rank"})  # title senses that never head a description
_CHANNEL = "news agency"  # the entity kind of a channel that carries others' words
_DEPUTY = "deputy"  # the sense of a title that makes its holder another person than the office's
_BODY = "body"  # the sense of a title word naming an organisation ("the ministry"), never a person's role
_STOP_MODIFIERS = ("the|a|an|and|or|but|that|who|which|whose|has|have|had|is|was|were|are|be|been|will|would|"
                   "also|as|of|to|in|on|at|for|with|by|from|it|he|she|they")


# ---------------------------------------------------------------- knowledge

_KEY_WORD = re.compile(r"[^\W_]+")


@knowledge.cached
def _alias_index() -> dict[str, list[tuple[int, re.Pattern, tuple[str, str, str]]]]:
    """Every alias of ``aliases.csv`` as its own pattern (whole words, spaces and hyphens
    interchangeable), filed under its longest word in lower case with its rank, longest
    alias first, and the entity it names: (name, affiliation, kind).

    A text is searched only with the aliases whose word it has, so the table can grow
    without slowing the search of a sentence."""
    index: dict[str, list[tuple[int, re.Pattern, tuple[str, str, str]]]] = {}
    rows = sorted(knowledge.aliases().itertuples(index=False), key=lambda r: -len(r.alias))
    for rank, r in enumerate(rows):
        key = max(_KEY_WORD.findall(r.alias.lower()), key=len)
        pattern = re.compile(rf"(?<![\w\-]){phrase_pattern(r.alias, r.match_case)}(?![\w\-])")
        index.setdefault(key, []).append((rank, pattern, (r.entity, r.affiliation, r.kind)))
    return index


def _alias_hits(text: str, start: int = 0, end: int | None = None, *,
                persons: bool = True) -> list[tuple[int, int, tuple[str, str, str]]]:
    """(start, end, (name, affiliation, kind)) of the aliases named in ``text[start:end]``: at
    each place the longest alias, leftmost first, never overlapping (as one alternation of
    the aliases, longest first, would find them); ``persons=False``: the bodies only."""
    end = len(text) if end is None else end
    index = _alias_index()
    found = []
    # the text's words that file an alias, as one set operation (the order is the sort's)
    for key in index.keys() & set(_KEY_WORD.findall(text[start:end].lower())):
        for rank, pattern, hit in index[key]:
            if persons or hit[2] != "person":
                found += [(m.start(), -m.end(), rank, hit) for m in pattern.finditer(text, start, end)]
    hits, last = [], -1
    for s, negative_end, _, hit in sorted(found):
        if s >= last:
            hits.append((s, -negative_end, hit))
            last = -negative_end
    return hits


@knowledge.cached(maxsize=16384)
def _phrase_hits(phrase: str) -> tuple[tuple[int, int, tuple[str, str, str]], ...]:
    """:func:`_alias_hits` of a whole phrase (a speaker, a title), kept: phrases recur."""
    return tuple(_alias_hits(phrase))


class Cues(NamedTuple):
    """``speaker_cues.csv``: title word (lower case) -> sense, body words, speech nouns,
    characterising verbs, state words -> the government they name, the words that speak for
    a state, and the words of office descriptions."""
    titles: dict[str, str]
    bodies: frozenset[str]
    speech_nouns: frozenset[str]
    characterising_verbs: tuple[str, ...]
    heads: frozenset[str]  # the title words that may head a description, lower case
    states: dict[str, str]  # as written ("Syrian", "Turkey") -> government
    state_voices: frozenset[str]  # lower case
    office_words: frozenset[str]  # lower case
    not_holder: frozenset[str]  # lower case
    documents: frozenset[str]  # lower case: "statement", "communique"


@knowledge.cached
def _cues() -> Cues:
    t = knowledge.speaker_cues()
    of = {kind: t[t["kind"] == kind] for kind in knowledge.SPEAKER_CUE_KINDS}
    verbs = set(of["characterising_verb"]["word"]) - set(knowledge.speech_verbs())
    titles = dict(zip(of["title"]["word"].str.lower(), of["title"]["sense"]))
    lower = lambda kind: frozenset(of[kind]["word"].str.lower())  # noqa: E731
    return Cues(titles, frozenset(of["body"]["word"]), frozenset(of["speech_noun"]["word"]),
                tuple(sorted(verbs, key=lambda v: (-len(v), v))),
                frozenset(w for w, sense in titles.items() if sense not in _NOT_HEADS),
                dict(zip(of["state"]["word"], of["state"]["sense"])), lower("state_voice"), lower("office_word"),
                lower("not_holder"), lower("document"))


@knowledge.cached
def _patterns() -> dict[str, re.Pattern]:
    aliases = knowledge.aliases()
    cues = _cues()
    alias_src = alternation([
        (first_char(a), phrase_pattern(a, m)) for a, m in sorted(
            zip(aliases["alias"], aliases["match_case"]), key=lambda t: -len(t[0]))])
    up = f"[{_UPPER}]"
    abbreviations = "|".join(rf"(?<=\b{re.escape(a)})" for a in sorted(
        (a for a in knowledge.abbreviations() if a[:1].isupper()), key=len, reverse=True))
    # a dotted acronym whole ("U.S."), an initial with its stop ("F."), or a word, with its
    # stop if it is an abbreviation ("Mr."); the stop is looked at first, as most words have none
    token = (rf"(?:(?:al|el)-)?{up}(?:\.(?:{up}\.)+|\.(?=\s+{up})"
             rf"|[\w’'\-]*(?:(?=\.)(?:{abbreviations})\.)?)")
    # "the" only after of/for/to inside a name ("Friends of the Syrian People"): "in New York the UN
    # chief" is a place and then a description
    name = (rf"{token}(?:\s+(?:(?:of|for|to)\s+the\s+|(?:of|for|to|de|al|el|bin|ibn|van|von|der|da|di|and)\s+)*"
            rf"{token})*")
    # the title words that head a description, in one case-insensitive alternation
    heads = "(?i:" + alternation([(w[0], r"[\s\-]+".join(map(re.escape, re.split(r"[\s\-]+", w))))
                                  for w in sorted(cues.heads, key=lambda w: (-len(w), w))]) + ")"
    determiner = rf"(?:[Tt]he|[Aa]n?|[Oo]ne|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|{up}[\w\-]*[’']s)"
    # "the UN envoy", "Russia's foreign minister", "the secretary of state"
    description = (rf"{determiner}\s+(?:(?!(?:{_STOP_MODIFIERS})\b)[\w’'\-.]+\s+){{0,4}}"
                   rf"(?:{heads})(?![\w\-])(?:\s+(?:of\s+(?:the\s+)?[A-Za-z]+"
                   rf"|(?:for|to|on)\s+(?:the\s+)?{up}[\w\-.]*(?:\s+{up}[\w\-.]*)*)(?![\w\-]))?")
    start = r"(?<![\w\-.’'])"  # never inside a word, a hyphenated word or a dotted acronym
    # in a speaker the name pattern reads every alias written as a name ("Kerry", "UN
    # Security Council"); only the others are spelt out ("the regime", "de Mistura", "US
    # secretary of state"), which keeps the speaker searches fast however long the table
    as_name = re.compile(name)
    alias = "(?:" + alternation([(first_char(a), phrase_pattern(a, m)) for a, m in sorted(
        zip(aliases["alias"], aliases["match_case"]), key=lambda t: -len(t[0])) if not as_name.fullmatch(a)]) + \
        r")(?![\w\-])"
    # a possessive is never the subject: "Moscow's claims" is a noun phrase, not "Moscow claims"
    not_possessive = r"(?<![’'][sS])"
    speaker = rf"(?P<spk>{start}(?:{alias}|{name}{not_possessive}|{description}|(?:he|she|they)\b))"
    # without descriptions, which are sought from their title word (see _descriptions): cheaper
    # a subject never follows a preposition: "one activist in Aleppo described it" is not Aleppo's
    after_preposition = "".join(rf"(?<!\b{p}\s)" for p in ("in", "at", "from", "of", "to", "with", "by", "for", "on",
                                                              "near", "into", "across"))
    plain_speaker = rf"(?P<spk>{start}(?:{alias}|(?={up}){after_preposition}{name}{not_possessive}|(?:he|she|they)\b))"
    # after the verb the longest name first: "said UN High Commissioner … Navi Pillay" is not "UN"
    # "said the UN envoy Staffan de Mistura": a description with the name after it
    inverted_speaker = (rf"(?P<spk>{start}(?:{name}|{alias}|{description}(?:\s+{name})?|(?:he|she|they)\b))"
                        rf"(?:,\s+(?P<app>{name})(?=\s*[,.;]|\s*$))?")
    # an appositive between commas, then words from reporting_fillers.csv ("has", "on Monday")
    # (a full stop inside a sentence is an abbreviation's: "in St. Petersburg")
    filler = (r"(?P<app>\s*,[^,;:" + _MASK + r"“”\"]{1,120},)?"
              r"(?:\s+(?:" + "|".join(knowledge.reporting_fillers()["pattern"]) + r"))*")
    speech = "|".join(map(re.escape, knowledge.speech_verbs()))
    verb = r"(?P<verb>" + "|".join([speech, *map(re.escape, cues.characterising_verbs)]) + r")\b"
    speech_verb = rf"(?P<verb>{speech})\b"
    documents = alternation([(w[0], re.escape(w)) for w in sorted(cues.documents, key=lambda w: (-len(w), w))]) \
        if cues.documents else "(?!)"
    # the plural words that speak for a state or body after its name: "Russian officials said"
    plurals = "|".join(sorted((w for w in cues.state_voices if w.endswith("s") and w != "authorities"),
                              key=lambda w: (-len(w), w))) or "(?!)"
    plural = (rf"(?P<plural>\s+(?:(?:senior|military|defence|defense|government|security)\s+)?"
              rf"(?:{plurals})(?![\w\-]))?")
    return {
        # a document that speaks: "the statement said", "the ministry's communique added"
        "document": re.compile(rf"(?<![\w\-])(?i:the|its|their|this|that)\s+(?:[\w’'\-]+\s+){{0,2}}?"
                               rf"(?P<doc>(?i:{documents}))(?![\w\-])"
                               rf"(?:\s+(?:{'|'.join(knowledge.reporting_fillers()['pattern'])}))*"
                               rf"\s+(?P<verb>{speech}|read|reads)\b"),
        "before": re.compile(rf"{plain_speaker}{plural}{filler}\s+{verb}"),
        # the one a reporter asks, as the subject of a verb of speech: "you said", "you have called"
        "you": re.compile(rf"(?<![\w\-])(?i:you){filler}\s+{verb}"),
        # a body as a pronoun: "…," it said
        "it": re.compile(rf"(?<![\w\-])(?i:it){filler}\s+{speech_verb}"),
        # a description with a person's title right before the body it speaks for: "a spokeswoman for "
        "speaks_for": re.compile(rf"(?<![\w\-])(?i:an?|one|the)\s+(?:[\w’'\-]+\s+){{0,3}}?(?i:{heads})"
                                 rf"\s+(?:for|of|at|with)\s+$"),
        # a name in apposition right before the verb: "Syria's envoy to the talks, Bashar al-Jaafari, said"
        "appositive": re.compile(rf"(?<=,\s)(?P<spk>{start}(?:{alias}|{name})),\s+{verb}"),
        "before_described": re.compile(rf"(?P<spk>{start}{description}){filler}\s+{verb}"),
        # a description is sought from its head: a verb after it, a determiner before it
        "after_head": re.compile(rf"{filler}\s+{verb}"),
        "determiner_before": re.compile(
            rf"{start}{determiner}\s+(?:(?!(?:{_STOP_MODIFIERS})\b)[\w’'\-.]+\s+){{0,4}}$"),
        "after": re.compile(rf"^[\s,.;:!?]*{speaker}{plural}{filler}\s+{verb}"),
        "after_inverted": re.compile(rf"^[\s,.;:!?]*{speech_verb}\s+{inverted_speaker}"),
        # a dash and the speaker, with no verb: ``"…" — UN Secretary-General Ban Ki-moon, in a statement``
        "after_dash": re.compile(rf"^\s*[—–]+\s*{speaker}(?=\s*(?:[,.;(]|$))"),
        "inverted": re.compile(rf"(?<![\w\-]){speech_verb}\s+{inverted_speaker}"),
        "possessive": re.compile(rf"(?P<spk>{start}(?:{alias}|{name}))(?<![’'])[’']s(?!\w)"),
        # the whole phrase up to the next comma: its aliases name the speaker
        "according": re.compile(r"\b(?i:according to)\s+(?:the\s+(?=[A-Z]))?(?P<spk>[^,.;:" + _MASK + r"“”\"]+)"),
        "verb": re.compile(rf"(?<![\w\-]){verb}"),
        "actor": re.compile(rf"(?<![\w\-])(?:(?:{alias_src})(?![\w\-])|(?:he|she)\b)"),
        "name": re.compile(rf"{start}{name}"),
        "name_after": re.compile(rf"\s+{name}"),
        "apposed_name": re.compile(rf",\s+{name},"),
        # what may follow a title in a description: "the envoy for Syria", "the secretary of state"
        "complement": re.compile(rf"\s+(?:of\s+(?:the\s+)?[A-Za-z]+|(?:for|to|on)\s+(?:the\s+)?{up}[\w\-.]*"
                                 rf"(?:\s+{up}[\w\-.]*)*)(?![\w\-])"),
        "description": re.compile(rf"(?P<det>{determiner})\s+.*"),
        "heads": re.compile(rf"(?<![\w\-])(?:{heads})(?![\w\-])"),
        "so_called": re.compile(r"(?i:so-called)\s*[“\"‘']?$"),
        # the speaker's label of a transcript's turn, in capitals
        "turn": re.compile(r"([A-Z][A-Z.’'\- ]{1,40}[A-Z.]):\s"),
        "colon_before": re.compile(r":\s*[“\"‘']?$"),
        "verb_before": re.compile(rf"(?<![\w\-]){verb}\s*[:,]?\s*$"),
        # the subject a sentence opens with, after an adverbial and its comma ("In Geneva, …")
        # after a dateline ("KUWAIT CITY — ") and a fronted adverbial, with its comma ("In Geneva, …")
        # or a preposition and lower-case words without one ("At one point …")
        # (the fewest words first, then a place: "At a briefing in New York the UN chief …")
        "subject": re.compile(rf"(?:{up}[{_UPPER} .’'\-]+[—–]\s*)?"
                              rf"(?:[^,:{_MASK}]{{1,60}},\s+|(?:At|On|In|During|After|Before|By|For|With|Later|Earlier)"
                              rf"\s+(?:[a-z0-9][\w’'\-]*\s+){{0,4}}?"
                              rf"(?:(?:in|at)\s+{up}[\w’'\-]*(?:\s+{up}[\w’'\-]*)?\s+)?)?"
                              rf"(?P<spk>{start}(?:{description}|{alias}|{name}|(?:he|she|they)\b))"),
        # what may follow a reporting verb before the content of reported speech
        "lead": re.compile(
            r"^(?:\s+(?:on\s+)?(?:[A-Z]\w+day|today|yesterday|last\s+\w+|also|previously))*"
            r"(?:\s+(?:after|on|in|at|during|following|from|with)\b(?:\s+(?!that\b)[\w’'\-]+){1,5}?(?=\s+that\b))?"
            r"(?:\s+that\b)?"),
        "told": re.compile(r"^(?:\s+(?!that\b)[\w’'\-]+){1,4}?\s+that\b"),
        # the title words a person's name may stand after, and a body named among them
        "title_before": re.compile(r"(?:[\w’'\-.]+\s+){1,5}$"),
        # a preposition or a participle right before a phrase: the phrase is its object
        "governed_before": re.compile(r"(?<![\w\-])(?:to|with|after|before|for|from|by|about|on|at|in|"
                                      r"[a-z]+ing)\s+$"),
        # a description ending in a title (and its complement) and a comma right before a name
        "described_before": re.compile(
            rf"(?<![\w\-]){determiner}\s+((?:[\w’'\-.]+\s+){{0,4}}(?i:{heads})"
            rf"(?:\s+(?:of|for|to|on)\s+(?:the\s+)?[\w’'\-.]+(?:\s+[A-Z][\w’'\-.]*)*)?),\s+$"),
        # an appositive that is a description: ", a spokesman for OCHA,", ", Turkey's foreign minister,"
        "title_after": re.compile(rf",\s+{determiner}\s+((?:[\w’'\-.]+\s+){{0,4}}?(?:{heads})(?![\w\-])[^,.;:()]*)"),
    }


@knowledge.cached
def _actor_facts() -> dict[str, tuple[str, str]]:
    """entity -> (affiliation, kind); a holder of ``office_holders.csv`` whom ``entities.csv``
    does not list has the affiliation of the office's body."""
    facts = {r.entity: (r.affiliation, r.kind) for r in knowledge.entities().itertuples(index=False)}
    for office in _offices():
        for _, _, holder in office.holders:
            facts.setdefault(holder, (facts[office.body][0], "person"))
    return facts


def _affiliation_of(name: str | None) -> str:
    return _actor_facts().get(name, ("unknown", "unknown"))[0] if name is not None else "unknown"


@knowledge.cached
def _entity_senses() -> dict[str, frozenset[str]]:
    """person entity -> the senses of the titles in its ``entities.csv`` note ("UN Special Envoy …": envoy)."""
    titles = _cues().titles
    return {r.entity: _senses(r.note.split(), titles) for r in knowledge.entities().itertuples(index=False)
            if r.kind == "person"}


def _senses(words, titles: dict[str, str]) -> frozenset[str]:
    """The senses of the person titles among ``words`` ("spokeswoman": spokesperson)."""
    found = {titles.get(w.strip(",.;:()").lower()) for w in words}
    return frozenset(s for s in found if s and s not in _NOT_HEADS and s != _BODY)


@knowledge.cached(maxsize=16384)
def _name_words(name: str) -> tuple[str, ...]:
    """The words of a name as compared: lower case, without "al-"/"el-", a particle or a possessive."""
    words = []
    for w in name.split():
        w = w.strip(",.;:").lower()
        w = w[:-2] if w.endswith(("’s", "'s")) else w
        w = w[3:] if w.startswith(("al-", "el-")) else w
        if w and w not in _PARTICLES:
            words.append(w)
    return tuple(words)


@knowledge.cached(maxsize=16384)
def skeleton(word: str) -> str:
    """A word's consonant skeleton, for spellings of one name (see the module docstring)."""
    w = unicodedata.normalize("NFKD", word.lower())
    w = re.sub(r"^(?:al|el)[\s\-]", "", "".join(c for c in w if c.isalpha() or c in " -"))
    w = w[:1] + re.sub(r"[aeiouy\s\-]", "", w[1:])
    return re.sub(r"(.)\1+", r"\1", w.replace("q", "k"))


class PersonIndex(NamedTuple):
    """The people of the alias table by their names' words (see :func:`_person_index`)."""
    words: dict[str, frozenset[str]]  # a word of a full-name alias -> entities
    skeletons: dict[str, frozenset[str]]  # the skeleton of such a word -> entities
    names: dict[tuple[str, ...], frozenset[str]]  # the skeletons of a whole name -> entities
    signals: frozenset[str]  # lower-case words a sentence naming a listed person has one of


@knowledge.cached
def _person_index() -> PersonIndex:
    """The people of the alias table by the words of their full-name aliases ("Ban" of
    "Ban Ki-moon"; "US secretary of state" and "Mr Ban" name no one by their words)."""
    words: dict[str, set[str]] = {}
    skeletons: dict[str, set[str]] = {}
    names: dict[tuple[str, ...], set[str]] = {}
    cues = _cues()
    aliases = knowledge.aliases()
    people = sorted((r for r in aliases.itertuples(index=False) if r.kind == "person"), key=lambda r: -len(r.alias))
    signals: set[str] = set()
    for r in people:
        written = r.alias.split()
        signals.update(w.lower() for w in written)
        signals.update(_name_words(r.alias))
        if any(w.lower() in cues.titles or w in cues.bodies or
               not (w[0].isupper() or w.lower() in _PARTICLES or w[:3] in ("al-", "el-")) for w in written):
            continue
        parts = _name_words(r.alias)
        for w in parts if len(parts) > 1 else []:
            words.setdefault(w, set()).add(r.entity)
        for w in parts:
            if len(skeleton(w)) >= 3:
                skeletons.setdefault(skeleton(w), set()).add(r.entity)
        names.setdefault(tuple(map(skeleton, parts)), set()).add(r.entity)
    freeze = lambda d: {k: frozenset(v) for k, v in d.items()}  # noqa: E731
    # the words that are also a body's alias ("US", "Russian") say nothing of a person
    bodies = {a.lower() for a, kind in zip(aliases["alias"], aliases["kind"]) if kind != "person"}
    return PersonIndex(freeze(words), freeze(skeletons), freeze(names), frozenset(signals - bodies - {"the", "of"}))


# ---------------------------------------------------------------- offices and their holders

class Office(NamedTuple):
    """A row of ``offices.csv`` with its holders (see :func:`_office_holder`)."""
    name: str
    body: str
    senses: frozenset[str]
    portfolio: tuple[re.Pattern, ...]  # alternatives, one of which a description must have
    portfolio_words: frozenset[str]  # lower case: the only words besides title and body it may have
    bare: frozenset[str]  # titles that name it with no body ("secretary-general"), lower case, hyphens as spaces
    holders: tuple[tuple[str, str, str], ...]  # (start, end, holder), ISO dates, end "9999-12-31" if open


def _not_holder(phrase: str) -> bool:
    """Whether a description names no one holding its office now ("the former UN chief")."""
    return any(re.sub(r"[’']s$", "", w.strip(",;:()")).lower() in _cues().not_holder
               for w in _dehyphen(phrase).split())


@knowledge.cached(maxsize=4096)
def _body_hits(phrase: str) -> tuple:
    """The bodies a phrase names, offices aside ("UN" of "the former UN chief")."""
    return tuple(_alias_hits(_dehyphen(phrase), persons=False))


def _state_voice(phrase: str, head: str) -> Who | None:
    """The government a state word names when it qualifies a word that speaks for a state
    ("the Syrian foreign ministry", "a Turkish official"), else None."""
    if head.lower() not in _cues().state_voices:
        return None
    states = _states_in(phrase)
    if len(states) != 1:
        return None
    government = next(iter(states))
    return Who(government, _government_affiliation(government), "government")


def _states_in(phrase: str) -> frozenset[str]:
    """The governments that the state words of ``phrase`` name ("Syrian", "Turkey's")."""
    states = _cues().states
    words = (re.sub(r"[’']s$", "", t.strip(",;:")) for t in phrase.split())
    return frozenset(states[w] for w in words if w in states)


def _government_affiliation(government: str) -> str:
    """A government's affiliation: its entity's, else "other" (a state outside the table)."""
    facts = _actor_facts().get(government)
    return facts[0] if facts else "other"


def _dehyphen(text: str) -> str:
    """Hyphens between words as spaces ("UN-Arab League", "Secretary-General")."""
    return re.sub(r"(?<=\w)-(?=\w)", " ", text)


@knowledge.cached
def _offices() -> tuple[Office, ...]:
    holders: dict[str, list[tuple[str, str, str]]] = {}
    for r in knowledge.office_holders().itertuples(index=False):
        holders.setdefault(r.office, []).append((r.start, r.end or "9999-12-31", r.holder))
    out = []
    for r in knowledge.offices().itertuples(index=False):
        alternatives = [a.strip() for a in r.portfolio.split("|") if a.strip()]
        out.append(Office(
            r.office, r.body, frozenset(r.titles.split()),
            tuple(re.compile(rf"(?<![\w\-]){phrase_pattern(a, False)}(?![\w\-])") for a in alternatives),
            frozenset(w.lower() for a in alternatives for w in _dehyphen(a).split()),
            frozenset(_dehyphen(b.strip()).lower() for b in r.bare.split("|") if b.strip()),
            tuple(sorted(holders.get(r.office, ())))))
    return tuple(out)


# a title's complement at the end of a description: "of state", "to the United Nations"
_COMPLEMENT_END = re.compile(r"\s+(?:of|for|to|on)\s+(?:the\s+)?\S+(?:\s+[A-Z]\S*)*$")
_DETERMINERS = frozenset({"the", "a", "an", "one", "his", "her", "its", "their"})


class OfficeMatch(NamedTuple):
    """An office a description may name, its holder on the day, and whether the
    description has the office's portfolio (or the office needs none)."""
    office: Office
    holder: str
    named: bool


def _holder_of(match: OfficeMatch) -> Who:
    return Who(match.holder, _affiliation_of(match.holder), "person",
               _entity_senses().get(match.holder, frozenset()) | match.office.senses)


def _office_holder(phrase: str, day: str | None) -> tuple[Who, bool] | None:
    """The holder on ``day`` (ISO) of the office that the description ``phrase`` names, and
    whether it was named by a bare title (no body): see the module docstring."""
    matches, bare = _office_matches(phrase, day)
    found = [m for m in matches if m.named]
    specific = [m for m in found if m.office.portfolio] or found
    if len({m.holder for m in specific}) != 1:
        return None
    return _holder_of(specific[0]), bare


@knowledge.cached(maxsize=4096)
def _office_matches(phrase: str, day: str | None) -> tuple[tuple[OfficeMatch, ...], bool]:
    """The offices of ``offices.csv`` that the description ``phrase`` may name, each with its
    holder on ``day`` (ISO), and whether the phrase named them by a bare title."""
    if not day:
        return (), False
    cues = _cues()
    heads = list(_patterns()["heads"].finditer(phrase))
    if not heads:
        return (), False
    sense = cues.titles.get(re.sub(r"[\s\-]+", "-", heads[-1].group().lower()))
    text = _dehyphen(phrase)  # as long as the phrase: offsets agree
    # (start, word without a possessive, whether it is a possessive)
    tokens = [(m.start(), re.sub(r"[’']s$", "", w), bool(re.search(r"[’']s$", w)))
              for m in re.finditer(r"\S+", text) for w in [m.group().strip(",;:()")]]
    if any(w.lower() in cues.not_holder for _, w, _ in tokens):
        return (), False
    # the body: the owner in the possessive ("Syria's UN envoy" is Syria's), else what is named
    # before the title or after "of" ("the UN envoy for Syria" is the UN's; Syria is its portfolio)
    end = heads[-1].end()
    of = re.match(r"\s+of\s", text[end:]) is not None
    named = [(s, e, hit[0], text.startswith(("'s", "’s"), e)) for s, e, hit in _alias_hits(text, persons=False)]
    named += [(at, at + len(w), cues.states[w], possessive) for at, w, possessive in tokens
              if w in cues.states and not any(s <= at < e for s, e, _, _ in named)]
    named = [n for n in named if n[0] < end or of]
    owners = [n for n in named if n[3]] or named
    bodies = {n[2] for n in owners}
    others = {w.lower() for at, w, _ in tokens
              if not any(s <= at < e for s, e, _, _ in owners) and w.lower() not in cues.titles
              and w.lower() not in cues.office_words and w.lower() not in _DETERMINERS}
    core = " ".join(w for _, w, _ in tokens[1:]) if tokens and tokens[0][1].lower() in _DETERMINERS else text
    found = []
    for office in _offices():
        if sense not in office.senses:
            continue
        if bodies:
            if office.body not in bodies or not others <= office.portfolio_words:
                continue
            named = not office.portfolio or any(p.search(text) for p in office.portfolio)
        elif core.lower() in office.bare:
            named = True
        else:
            continue
        on_day = [h for h in office.holders if h[0] <= day <= h[1]]
        if on_day:
            found.append(OfficeMatch(office, max(on_day)[2], named))
    return tuple(found), not bodies


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
    kind: str = "unknown"  # person, group, government ...: only a person is what "he" names


NOBODY = Speaker(None, None, "unknown", None)


class Who(NamedTuple):
    """What a speaker phrase names: canonical name, affiliation, kind, and the senses of the
    titles that describe it (for "the envoy")."""
    name: str | None
    affiliation: str
    kind: str
    senses: frozenset[str] = frozenset()


class Person(NamedTuple):
    """A person named, or speaking, at ``start`` of the article's text."""
    start: int
    name: str
    affiliation: str
    senses: frozenset[str]
    end: int = -1  # where the name ends when it was read in the text, -1 when not
    label: bool = False  # named by a transcript's turn label ("MR. TONER:"): the one who says "I"
    kind: str = "person"  # a body for one who speaks for it unnamed ("a UN spokesman said": the UN)


class NameParse(NamedTuple):
    """The personal name a capitalised phrase ends in, the senses of the titles in the
    phrase, and whether a title or honorific stands before the name."""
    words: tuple[str, ...]
    senses: frozenset[str]
    titled: bool


def _named(hits: list[tuple[int, int, tuple[str, str, str]]]) -> Who:
    """The entities that alias hits name: one, or several as a joint speaker."""
    found: list[tuple[str, str, str]] = []
    for _, _, hit in hits:
        if hit[0] not in [f[0] for f in found]:
            found.append(hit)
    if len(found) == 1:
        return Who(*found[0], _entity_senses().get(found[0][0], frozenset()))
    affs = {f[1] for f in found}
    return Who(" and ".join(f[0] for f in found), affs.pop() if len(affs) == 1 else "joint", "group")


def _entity(name: str) -> Who:
    return Who(name, _affiliation_of(name), "person", _entity_senses().get(name, frozenset()))


def _unique(entities: frozenset[str] | None) -> Who | None:
    return _entity(next(iter(entities))) if entities and len(entities) == 1 else None


@knowledge.cached(maxsize=16384)  # asked of every alias found, and aliases recur
def _is_office(alias: str, entity: str) -> bool:
    """Whether an alias as written names an office ("US secretary of state", "UN chief"): a
    title, and no word of the holder's name ("Secretary of State John Kerry" is a name)."""
    return (any(w.lower() in _cues().titles for w in re.split(r"[\s\-]+", alias))
            and not set(_name_words(alias)) & set(_name_words(entity)))


@knowledge.cached(maxsize=16384)
def _person_name(phrase: str) -> NameParse | None:
    """The personal name ``phrase`` ends in, read backwards from its last word (see the
    module docstring); None for an organisation's name or a phrase without one."""
    cues = _cues()
    hits = _phrase_hits(phrase)
    covered = [(s, e) for s, e, _ in hits]
    tokens = [(m.start(), m.group()) for m in re.finditer(r"\S+", phrase)]
    while tokens and tokens[0][1] in _LEADING:
        tokens.pop(0)
    words: list[str] = []
    stop, titled = None, False
    for at, token in reversed(tokens):
        word = re.sub(r"[’']s$", "", token.strip(",;:"))
        bare = word.rstrip(".")
        if any(s <= at < e for s, e in covered):
            stop = "alias"
            break
        if bare.lower() in cues.titles:
            stop, titled = "title", True
            break
        if bare in cues.bodies:
            return None
        if bare in _NAME_STOPS:
            stop = bare
            break
        if not (bare[:1].isupper() or bare.lower() in _PARTICLES or bare[:3].lower() in ("al-", "el-")):
            break
        words.insert(0, word)
    while words and words[0].lower() in _PARTICLES:
        words.pop(0)
    if stop in ("of", "for", "to") and sum(w[:1].isupper() for w in words) >= 3:
        words.pop(0)  # the title's object: "Special Envoy for Syria Jane Doe"
    if not words:
        return None
    return NameParse(tuple(words), _senses([t for _, t in tokens], cues.titles), titled)


@dataclass
class Reading:
    """What is known while one article is read in text order: the texts, its body
    sentences, who spoke and who was named in each, and each segment's speaker and
    quotation number."""
    text: str
    masked: str  # the text with every quoted character replaced by a mask character
    paragraphs: list[tuple[int, int]]
    sentences: list[tuple[int, int, int]]  # (sentence_id, start, end) of each body sentence
    day: str | None = None  # the publication date (ISO), which dates offices
    speakers: dict[int, Speaker] = field(default_factory=dict)  # by segment start
    quote_ids: dict[int, int] = field(default_factory=dict)
    next_quote_id: int = 0
    previous: Segment | None = None
    spoke: dict[int, list[Person]] = field(default_factory=dict)  # by sentence index, in text order
    senses_of: dict[str, frozenset[str]] = field(default_factory=dict)  # a person's roles seen so far
    # every person who spoke or was named, by a word and by a skeleton of their name
    by_word: dict[str, list[Person]] = field(default_factory=dict)
    by_skeleton: dict[str, list[Person]] = field(default_factory=dict)
    _mentions: dict[int, list[Person]] = field(default_factory=dict)  # by sentence index
    _words: dict[int, frozenset[str]] = field(default_factory=dict)
    _resolved: dict[tuple[int, str], Who] = field(default_factory=dict)  # one phrase is often read twice
    lead: list[tuple[int, int]] = field(default_factory=list)  # the standfirst's spans: read only for "he" and titles
    # by sentence index: who spoke there unnamed for a body ("a UN spokesman said": "he" is the UN)
    stand_ins: dict[int, list[Person]] = field(default_factory=dict)
    # by sentence index: (start, surface, what spoke there), a person or a body, in text order
    voices: dict[int, list[tuple[int, str, Who]]] = field(default_factory=dict)
    # by sentence index: (start, surface, what spoke there) when several spoke ("Russian
    # officials said", "Kerry and Lavrov said"): what "they" names
    plural_voices: dict[int, list[tuple[int, str, Who]]] = field(default_factory=dict)

    def __post_init__(self):
        self.starts = [s for _, s, _ in self.sentences]
        par_starts = [s for s, _ in self.paragraphs]
        self.sentence_paragraph = [bisect.bisect_right(par_starts, s) - 1 for s in self.starts]
        self.paragraph_starts = frozenset(par_starts)

    def index_of(self, at: int) -> int:
        """The index of the body sentence that holds offset ``at`` (-1 before the first)."""
        return bisect.bisect_right(self.starts, at) - 1

    # ------------------------------------------------ people in the story

    def _note(self, person: Person) -> None:
        for w in _name_words(person.name):
            self.by_word.setdefault(w, []).append(person)
            self.by_skeleton.setdefault(skeleton(w), []).append(person)

    def said(self, at: int, who: Who) -> None:
        """Note that the person ``who`` spoke at ``at``."""
        if who.kind != "person" or not who.name:
            return
        senses = who.senses | self.senses_of.get(who.name, frozenset())
        self.senses_of[who.name] = senses
        people = self.spoke.setdefault(self.index_of(at), [])
        if all(p.name != who.name for p in people):
            person = Person(at, who.name, who.affiliation, senses)
            people.append(person)
            people.sort(key=lambda p: p.start)
            self._note(person)

    def _owner(self, index: dict[str, list[Person]], key: str, at: int) -> Person | None:
        """The latest person before ``at`` filed under ``key`` (the sentences before it scanned)."""
        before = [p for p in index.get(key, ()) if p.start < at]
        return max(before, key=lambda p: p.start) if before else None

    def mentions(self, i: int) -> list[Person]:
        """The people named in body sentence ``i`` outside quotations, in text order (a
        sentence is scanned once, when a question first needs it)."""
        if i < 0:
            return []
        if i not in self._mentions:
            self._mentions[i] = []  # while it is scanned, a description in it sees the sentences before
            self._mentions[i] = self._scan(i)
            for p in self._mentions[i]:
                self._note(p)
        return self._mentions[i]

    def _scanned_to(self, at: int) -> None:
        """Scan every sentence up to the one holding ``at``, so that the people named before
        it are all filed."""
        for j in range(self.index_of(at) + 1):
            self.mentions(j)

    def words(self, i: int) -> frozenset[str]:
        """The words of body sentence ``i`` outside quotations, in lower case (kept: several
        rules ask whether a sentence has a word of a lexicon before searching it)."""
        if i not in self._words:
            _, ss, se = self.sentences[i]
            self._words[i] = frozenset(WORD_RE.findall(self.masked[ss:se].lower()))
        return self._words[i]

    def _scan(self, i: int) -> list[Person]:
        """The people of the alias table named in sentence ``i``, a name with a title
        ("spokeswoman Melissa Fleming") and one word of a person's name ("Zakharova")."""
        _, ss, se = self.sentences[i]
        part, words, index = self.masked[ss:se], self.words(i), _person_index()
        titled = not words.isdisjoint(_cues().heads)
        found, spans = [], []
        label = _patterns()["turn"].match(part)
        if label and ss in self.paragraph_starts:  # a transcript's turn: "SECRETARY KERRY: …"
            hit = [h for _, _, h in _alias_hits(label.group(1).title()) if h[2] == "person"]
            if hit:
                found.append(Person(ss, hit[0][0], hit[0][1], _entity_senses().get(hit[0][0], frozenset()),
                                    ss + label.end(1), label=True))
        if not words.isdisjoint(index.signals):
            for s, e, (name, aff, kind) in _alias_hits(self.masked, ss, se):
                # an office with a name after it is the name's title ("UN human rights chief Jane Doe")
                office = kind == "person" and _is_office(self.masked[s:e], name)
                if kind == "person" and not (office and _patterns()["name_after"].match(self.masked, e, se)):
                    holder = self._office(self.masked[s:e]) if office else None  # the holder on the day
                    if holder is not None:
                        name, aff = holder.name, holder.affiliation
                    senses = self._titles_around(s, e, ss, se)[0] if titled else frozenset()
                    found.append(Person(s, name, aff, _entity_senses().get(name, frozenset()) | senses, e))
                    spans.append((s - ss, e - ss))
        if titled:
            found += self._described_in(i, spans)
        loose = words.difference(*(_name_words(part[s:e]) for s, e in spans))
        if not titled and loose.isdisjoint(index.words):
            return found  # no title and no other word of a listed name: the costly search is idle
        for m in _patterns()["name"].finditer(part):
            s, e = m.span()
            if any(hs < e and s < he for hs, he in spans):
                continue
            run = m.group()
            if " " not in run:  # one word: only a word of a listed person's name is of interest
                if (_name_words(run) or ("",))[0] not in index.words:
                    continue
            elif not titled and tuple(map(skeleton, _name_words(run))) not in index.names:
                continue
            hits = _phrase_hits(run)
            parsed = _person_name(run)
            if parsed is None:
                continue
            senses, aff = self._titles_around(ss + s, ss + e, ss, se) if titled else (frozenset(), "unknown")
            known = (_unique(index.words.get(_name_words(run)[0])) if len(parsed.words) == 1
                     else self._by_name(parsed, ss + s))
            if known is not None:
                found.append(Person(ss + s, known.name, known.affiliation, known.senses | senses, ss + e))
            elif len(parsed.words) > 1 and (parsed.titled or parsed.senses or senses):
                inside = [hit[1] for _, _, hit in hits]  # a body or an office in the title
                found.append(Person(ss + s, " ".join(parsed.words), (inside or [aff])[0], parsed.senses | senses,
                                   ss + e))
        return sorted(found, key=lambda p: p.start)

    def _described_in(self, i: int, spans: list[tuple[int, int]]) -> list[Person]:
        """The people the definite descriptions of sentence ``i`` name ("the Secretary was
        clear", "the UN envoy for Yemen met …"); a description right before a name is its
        title, not a mention of its own. Adds their spans to ``spans``."""
        _, ss, se = self.sentences[i]
        pats, found = _patterns(), []
        for head in pats["heads"].finditer(self.masked, ss, se):
            if any(hs <= head.start() - ss < he for hs, he in spans):
                continue
            det = pats["determiner_before"].search(self.masked, max(ss, head.start() - 100), head.start())
            determiner = det.group().split()[0] if det else "a"
            if determiner.lower() in ("a", "an", "one"):
                continue
            complement = pats["complement"].match(self.masked, head.end(), se)
            end = complement.end() if complement else head.end()
            if pats["name_after"].match(self.masked, end, se) or pats["apposed_name"].match(self.masked, end, se):
                continue
            phrase = self.masked[det.start():end]
            who = self._described(phrase, determiner, _phrase_hits(phrase), det.start())
            if who.kind == "person" and who.name:
                found.append(Person(det.start(), who.name, who.affiliation, who.senses, end))
                spans.append((det.start() - ss, end - ss))
        return found

    def persons_before(self, at: int) -> Iterator[Person]:
        """The people who spoke or were named before ``at``, the latest first, each once."""
        seen: set[str] = set()
        self._scanned_to(at)
        for j in range(self.index_of(at), -1, -1):
            for p in sorted(self.spoke.get(j, []) + self.mentions(j), key=lambda p: -p.start):
                if p.start < at and p.name not in seen:
                    seen.add(p.name)
                    yield p

    def antecedent(self, at: int) -> Person | None:
        """The person "he" or "she" at ``at`` names (see the module docstring)."""
        i = self.index_of(at)
        for p in self._speakers_in(i):
            if p.start < at:
                return p
        for j in range(i - 1, -1, -1):
            if self._speakers_in(j):
                return self._speakers_in(j)[0]
            # the speaker of a transcript's turn is "I" in it, never "he"
            named = [p for p in self.mentions(j) if not p.label]
            if named:
                return named[0]
        return self._lead_person(at)

    def _speakers_in(self, i: int) -> list[Person]:
        """Who spoke in sentence ``i``, in text order: the people, and the unnamed who spoke
        for a body ("a UN spokesman said"), as the body."""
        stand_ins = self.stand_ins.get(i)
        people = self.spoke.get(i, [])
        return sorted(people + stand_ins, key=lambda p: p.start) if stand_ins else people

    def spoke_for(self, at: int, surface: str, who: Who) -> None:
        """Note what spoke at ``at``: a person, a body, or one who speaks for a body without a
        name ("a UN spokesman", "the official": a description with a person's title that
        names a body), whom "he" may name after it."""
        if not who.name or who.kind == "unknown":
            return
        self.voices.setdefault(self.index_of(at), []).append((at, surface, who))
        if who.kind == _CHANNEL:
            return
        if who.kind != "person" and (_speaks_for_a_body(surface) or _patterns()["speaks_for"].search(
                self.masked, max(0, at - 60), at)):
            self.stand_ins.setdefault(self.index_of(at), []).append(
                Person(at, who.name, who.affiliation, frozenset(), at + len(surface), kind=who.kind))

    def voice_before(self, at: int) -> Who | None:
        """The body that spoke last before ``at``, in its sentence or an earlier one of its
        paragraph, when nobody spoke after it ("The White House said …" before "a spokesman
        said"); else None."""
        i = self.index_of(at)
        for j in range(i, -1, -1):
            if j < i and self.sentence_paragraph[j] != self.sentence_paragraph[i]:
                return None
            spoke = [who for start, _, who in self.voices.get(j, []) if start < at and who.kind != _CHANNEL]
            if spoke:
                return spoke[-1] if spoke[-1].kind != "person" else None
        return None

    def body_before(self, at: int, back: int = 3) -> tuple[str, Who] | None:
        """(surface, body) of the latest body that spoke before ``at``, a news agency too, in
        its sentence or at most ``back`` sentences before it: what "it" and "the agency" name
        ("The ministry said …. "…," it said")."""
        i = self.index_of(at)
        for j in range(i, max(-1, i - 1 - back), -1):
            bodies = [(surface, who) for start, surface, who in self.voices.get(j, [])
                      if start < at and who.kind != "person"]
            if bodies:
                return bodies[-1]
        return None

    def author(self, noun: str, at: int, back: int | None = None) -> Speaker | None:
        """The author of the document ``noun`` ("statement") spoken of at ``at``: the first
        who spoke in the latest sentence before ``at``'s that has the noun (at most ``back``
        sentences back), with the phrase that named them ("The ministry said in a statement
        …"), else the subject that sentence opens with ("The army issued a statement."); else None."""
        i = self.index_of(at)
        for j in range(i - 1, -1 if back is None else max(-1, i - 1 - back), -1):
            if noun.lower() not in self.words(j):
                continue
            if self.voices.get(j):
                start, surface, who = self.voices[j][0]
                return Speaker(who.name, surface, who.affiliation, "", who.kind)
            # "The army command issued a statement.": the subject the sentence opens with
            _, ss, se = self.sentences[j]
            subject = _patterns()["subject"].match(self.masked, ss, se)
            if subject is not None and _is_speaker(subject.group("spk")):
                who = self.resolve(subject.group("spk"), subject.start("spk"))
                if who.name is not None and who.kind not in ("unknown", _CHANNEL):
                    return Speaker(who.name, subject.group("spk"), who.affiliation, "", who.kind)
        return None

    def _lead_person(self, at: int) -> Person | None:
        """The first listed person the standfirst names ("Jane Doe closed the talks …" above
        a first paragraph that says "he"), for a pronoun or a title at ``at`` with nobody before
        it in the body. Only in the first body paragraph: further on, it is about someone the
        rules did not recognise, not the standfirst's person."""
        if not self.paragraphs or at >= self.paragraphs[0][1]:
            return None
        for ls, le in self.lead:
            for s, e, (name, aff, kind) in _alias_hits(self.text, ls, le):
                if kind != "person":
                    continue
                holder = self._office(self.text[s:e]) if _is_office(self.text[s:e], name) else None
                if holder is not None:
                    name, aff = holder.name, holder.affiliation
                return Person(s, name, aff, _entity_senses().get(name, frozenset()), e)
        return None

    def _titles_around(self, s: int, e: int, ss: int, se: int) -> tuple[frozenset[str], str]:
        """The senses of the titles written right before a name (``UNHCR spokeswoman``) or in
        an appositive after it (``, the opposition's chief coordinator,``), and the
        affiliation of a body named in them ("unknown" when none is)."""
        pats, titles = _patterns(), _cues().titles
        words: list[str] = []
        before = pats["title_before"].search(self.masked, max(ss, s - 80), s)
        if before:
            run = before.group().split()
            while run and run[-1].lower() in titles:
                words.insert(0, run.pop())
            if words:
                words = run[-3:] + words  # the body or country the title belongs to
        elif self.masked.startswith(",", e):
            # a description in apposition before the name: "Britain's ambassador, Jane Doe, said"
            # (not the object of a preposition or a participle: "After meeting the minister, Kerry")
            described = pats["described_before"].search(self.masked, max(ss, s - 100), s)
            if described and not pats["governed_before"].search(self.masked, max(ss, described.start() - 30),
                                                               described.start()):
                words = described.group().rstrip(", ").split()  # with its determiner: "Britain's"
        after = pats["title_after"].match(self.masked, e, min(se, e + 100))
        if after:
            words += after.group(1).split()
        senses = _senses(words, titles)
        if not senses:
            return frozenset(), "unknown"
        bodies = [hit[1] for _, _, hit in _phrase_hits(" ".join(words)) if hit[2] != "person"]
        states = sorted(_states_in(" ".join(words)))  # "France's ambassador": a state outside the table
        return senses, bodies[0] if bodies else _government_affiliation(states[0]) if states else "unknown"

    # ------------------------------------------------ resolving a phrase

    def resolve(self, phrase: str, at: int) -> Who:
        """What the speaker phrase at offset ``at`` names (see the module docstring)."""
        key = (at, phrase)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(phrase, at)
        return self._resolved[key]

    def _resolve(self, phrase: str, at: int) -> Who:
        low = phrase.lower()
        if low in ("he", "she"):
            p = self.antecedent(at)
            return Who(p.name, p.affiliation, p.kind, p.senses) if p else Who(None, "unknown", "person")
        if low == "they":  # the latest who spoke as several, in the sentence or up to three before
            i = self.index_of(at)
            for j in range(i, max(-1, i - 4), -1):
                plural = [who for start, _, who in self.plural_voices.get(j, []) if start < at]
                if plural:
                    return plural[-1]
            return Who(None, "unknown", "group")
        if low == "it":  # "It said …": the body that spoke last (never a name)
            body = self.body_before(at)
            return body[1] if body else Who(None, "unknown", "unknown")
        hits = _phrase_hits(phrase)
        description = _patterns()["description"].fullmatch(phrase)
        if description and _patterns()["heads"].search(_COMPLEMENT_END.sub("", phrase).split()[-1]):
            return self._described(phrase, description.group("det"), hits, at)
        persons = [h for h in hits if h[2][2] == "person"]
        # an office stands for its holder ("UN Secretary General"), unless a name says who
        named = [h for h in persons if not _is_office(phrase[h[0]:h[1]], h[2][0])]
        if named:
            return _named(named)
        parsed = _person_name(phrase)
        if persons and parsed is None:
            if _not_holder(phrase) and not named:
                return _named(_body_hits(phrase)) if _body_hits(phrase) else Who(phrase, "unknown", "unknown")
            return self._office(phrase) or _named(persons)
        if parsed is not None:
            known = self._by_name(parsed, at)
            if known is not None:
                return known
            i = self.index_of(at)
            senses, aff = (self._titles_around(at, at + len(phrase), *self.sentences[i][1:])
                           if i >= 0 and not self.words(i).isdisjoint(_cues().heads) else (frozenset(), "unknown"))
            if parsed.titled or parsed.senses or senses or (2 <= len(parsed.words) <= 4 and not hits):
                titles = [h[2][1] for h in hits]  # a body or an office in the title
                return Who(" ".join(parsed.words), titles[0] if titles else aff, "person", parsed.senses | senses)
        if hits:
            return _named(hits)
        return Who(re.sub(r"^(?:(?i:the)|But|And|However|Also|Meanwhile)\s+", "", phrase), "unknown", "unknown")

    def _office(self, phrase: str, *, bare: bool = True) -> Who | None:
        """The holder of the office ``phrase`` names on the publication day (``bare``: also
        an office named by its title alone)."""
        found = _office_holder(phrase, self.day)
        return found[0] if found and (bare or not found[1]) else None

    def _office_by_topic(self, phrase: str) -> Who | None:
        """The holder of the one office ``phrase`` may name whose portfolio the article
        names elsewhere ("the UN envoy" in an article about Syria, not Yemen)."""
        matches = [m for m in _office_matches(phrase, self.day)[0] if m.office.portfolio and not m.named]
        topical = [m for m in matches if any(p.search(self.text) for p in m.office.portfolio)]
        return _holder_of(topical[0]) if len({m.holder for m in topical}) == 1 else None

    def _described(self, phrase: str, determiner: str, hits, at: int) -> Who:
        """The person a description names, or the body it names (see the module docstring)."""
        owners = [h for h in hits if phrase[h[1]:h[1] + 2] in ("’s", "'s")]
        persons = [h for h in hits if h[2][2] == "person" and h not in owners]
        definite = determiner.lower() not in ("a", "an", "one")
        if persons:
            offices = all(_is_office(phrase[s:e], hit[0]) for s, e, hit in persons)
            if not (offices and _not_holder(phrase)):
                return (offices and definite and self._office(phrase)) or _named(persons)
            hits = _body_hits(phrase)  # "the former UN chief": not the holder, the body
        head = [m.group() for m in _patterns()["heads"].finditer(phrase)][-1]
        titles = _cues().titles
        sense = titles.get(re.sub(r"[\s\-]+", "-", head.lower()), "")
        if definite and sense != _BODY:
            # an office named with its body has one holder on the day ("the UN refugee chief")
            office = self._office(phrase, bare=False)
            if office is not None:
                return office
            # the bodies it names, a state by its adjective too ("the Turkish minister")
            affs = {h[2][1] for h in hits} | {_government_affiliation(g) for g in _states_in(phrase)}
            candidates = [p for p in self.persons_before(at) if not affs or p.affiliation in affs]
            # a deputy is not the minister ("the deputy foreign minister" is not Lavrov)
            deputy = _DEPUTY in _senses(phrase.split(), titles)
            fitting = [p for p in candidates if sense in p.senses and (not deputy or _DEPUTY in p.senses)]
            fitting = fitting or (candidates if affs and not deputy else [])
            if not fitting and not candidates:
                # the first paragraph's "the spokeswoman" after a standfirst that names her
                lead = self._lead_person(at)
                fitting = [lead] if lead is not None and sense in lead.senses else []
            if fitting:
                return Who(fitting[0].name, fitting[0].affiliation, "person", fitting[0].senses)
            # a bare title ("the Secretary-General"), or an office the article's topic tells
            office = self._office(phrase) or self._office_by_topic(phrase)
            if office is not None:
                return office
        # a person it is said to belong to is not its referent ("Kerry's spokesman")
        hits = [h for h in hits if h not in owners or h[2][2] != "person"]
        if not hits and not owners:
            state = _state_voice(phrase, head)
            if state is not None:
                return state
        if not hits and definite and not owners:
            hits = self._introduced(head, at)
        if hits:
            return _named(hits)
        # "The White House said …. "…," a spokesman said": one who speaks for the body that spoke
        voice = None if owners or sense in (_BODY, "") or not _unqualified(phrase, head) else self.voice_before(at)
        if voice is not None:
            return voice
        # "SANA said …. "…," the agency said": a bare "the group", "the agency" is the
        # organisation or agency that spoke last (not a government: "the army" is not the
        # State Department that spoke before it)
        bare = len(phrase.split()) == 2
        body = self.body_before(at) if definite and bare and sense == _BODY and not owners else None
        if body is not None and body[1].kind != "government":
            return body[1]
        return Who(re.sub(r"^(?i:the|an?|one)\s+", "", phrase), "unknown", "unknown")

    def _introduced(self, head: str, at: int) -> list:
        """The bodies named where the article introduced the title ``head`` before ``at``
        ("a senior State Department official …" for "the official")."""
        start = self.starts[0] if self.starts else 0
        places = re.finditer(rf"(?<![\w\-])(?i:{re.escape(head)})(?![\w\-])", self.masked[start:at])
        for where in reversed([start + m.start() for m in places]):
            before = _patterns()["title_before"].search(self.masked, max(start, where - 80), where)
            hits = _phrase_hits(before.group()) if before else ()
            if hits:
                return hits
        return []

    def _by_name(self, parsed: NameParse, at: int) -> Who | None:
        """The person a parsed name in speaker position stands for, if one does."""
        if len(parsed.words) == 1:
            return self._by_word(parsed.words[0], at)
        return _unique(_person_index().names.get(tuple(map(skeleton, _name_words(" ".join(parsed.words))))))

    def _by_word(self, word: str, at: int) -> Who | None:
        """The person a one-word name in speaker position stands for: the latest in the story
        with that word, else the one listed person with it, else the one in the story, then
        in the table, with its skeleton."""
        key = (_name_words(word) or ("",))[0]
        if not key:
            return None
        # who spoke is filed as they speak; when nobody who spoke has the word, the
        # sentences before that have it are scanned for the names in them, or all of them
        # when several listed people have the word ("John": the article tells which)
        index = _person_index()
        person = self._owner(self.by_word, key, at)
        if person is None and len(index.words.get(key, ())) > 1:
            self._scanned_to(at)
        elif person is None:
            found = self.masked.find(word, self.starts[0] if self.starts else 0, at)
            while found >= 0:
                self.mentions(self.index_of(found))
                found = self.masked.find(word, found + len(word), at)
        person = person or self._owner(self.by_word, key, at)
        if person is not None:
            return Who(person.name, person.affiliation, "person", person.senses)
        found = _unique(index.words.get(key))
        if found is not None or len(skeleton(key)) < 3:
            return found
        person = self._owner(self.by_skeleton, skeleton(key), at)
        if person is not None:
            return Who(person.name, person.affiliation, "person", person.senses)
        return _unique(index.skeletons.get(skeleton(key)))

    # ------------------------------------------------ attributions

    def attribution(self, m: re.Match, offset: int, verb: str = "according to") -> Attribution:
        """The attribution a pattern's match names (``verb`` when it has none); an appositive
        name wins over a description or a body ("Damascus's envoy, Bashar al-Jaafari, said")."""
        at, surface = offset + m.start("spk"), m.group("spk")
        who = self.resolve(surface, at)
        plural = m.groupdict().get("plural")
        if plural and who.kind == "unknown":
            # "Turkish officials said": the state's government; "Western diplomats said": as written
            surface = surface + plural
            states = _states_in(surface)
            government = next(iter(states)) if len(states) == 1 else None
            who = (Who(government, _government_affiliation(government), "government") if government
                   else Who(" ".join(surface.split()), "unknown", "group"))
        app = m.groupdict().get("app")
        if app and who.kind != "person":
            named = app.strip(" ,")
            app_at = offset + m.start("app") + app.index(named)
            if _patterns()["name"].fullmatch(named):
                candidate = self.resolve(named, app_at)
                if candidate.kind == "person" and candidate.name:
                    who, surface = candidate, named
        self.said(at, who)
        self.spoke_for(at, surface, who)
        if who.name and (plural or " and " in who.name or _PLURAL_END.search(surface)):
            self.plural_voices.setdefault(self.index_of(at), []).append((at, surface, who))
        verb_end = offset + m.end("verb") if m.groupdict().get("verb") else offset + m.end("spk")
        return Attribution(at, offset + m.end("spk"), verb_end, surface, m.groupdict().get("verb") or verb,
                           who.name, who.affiliation, who.kind)


# a speaker phrase that names several: "US officials", "Western diplomats"
_PLURAL_END = re.compile(r"(?:(?i:spokesmen)|(?<![\w\-])[a-z]{2,}[^\Wsu]s)$")


# words that may qualify an unnamed spokesman or official without saying whom they speak for
_RANKS = frozenset({"senior", "top", "high-ranking", "unnamed", "anonymous", "another", "second", "other", "chief",
                    "press", "official"})


def _unqualified(phrase: str, head: str) -> bool:
    """Whether a description says nothing of whom it speaks for besides its title and rank
    ("a spokesman", "a senior official"; not "a rebel spokesman")."""
    words = [w.lower() for w in phrase.split()[1:]]
    head_words = head.lower().split()
    if words[-len(head_words):] == head_words:
        words = words[:-len(head_words)]
    return all(w in _RANKS or w in _cues().office_words for w in words)


def _speaks_for_a_body(phrase: str) -> bool:
    """Whether a phrase is a description headed by a person's title ("a UN spokesman", "the
    senior official"), not a body's ("the ministry") nor a name."""
    pats = _patterns()
    if not pats["description"].fullmatch(phrase):
        return False
    heads = [m.group() for m in pats["heads"].finditer(_COMPLEMENT_END.sub("", phrase))]
    sense = _cues().titles.get(re.sub(r"[\s\-]+", "-", heads[-1].lower()), "") if heads else ""
    return sense not in ("", _BODY)


def resolve_speaker(phrase: str, published: str | None = None) -> tuple[str | None, str, str]:
    """(canonical name, affiliation, kind) of a speaker phrase read on its own, outside any
    article, in an article published on ``published`` (an ISO date: it dates offices);
    pronouns give (None, ...)."""
    who = Reading(phrase, phrase, [(0, len(phrase))], [(0, 0, len(phrase))], published).resolve(phrase, 0)
    return who.name, who.affiliation, who.kind


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
        return Speaker(self.name, self.surface, self.affiliation, self.verb, self.kind)


@dataclass
class Sentence:
    """One body sentence and the attributions found in it."""
    index: int  # among the article's body sentences
    id: int
    start: int
    end: int
    has_verb: bool
    attributions: list[Attribution]  # SPEAKER ... VERB
    according: list[Attribution]  # according to SPEAKER


def _whole_quotation(r: Reading, s: Sentence) -> bool:
    """Whether the sentence is only quoted words (and marks)."""
    return WORD_RE.search(r.masked, s.start, s.end) is None


def _after_the_quotation(r: Reading, s: Sentence, seg: Segment) -> Speaker | None:
    close = seg.end + 1 if seg.end < len(r.text) and r.text[seg.end] in QUOTE_CLOSERS + "’'" else seg.end
    pats = _patterns()
    rest = r.masked[close:s.end + 1]
    after = pats["after"].match(rest) or pats["after_inverted"].match(rest)
    if after:
        return r.attribution(after, close).speaker()
    dash = pats["after_dash"].match(rest)
    return r.attribution(dash, close, verb="").speaker() if dash else None


def _resumed_in_the_sentence(r: Reading, s: Sentence, seg: Segment) -> Speaker | None:
    """``"…," said Jane Doe, a commander of the brigade, "…"``: a quotation that resumes in
    its sentence after only an attribution is the previous segment's speaker's."""
    prev = r.previous
    if prev is None or prev.paragraph != seg.paragraph or r.index_of(prev.start) != s.index:
        return None
    before = r.speakers[prev.start]
    if before.name is None or not _only_attribution(r.masked[prev.end:seg.start]):
        return None
    return before


def _cue_around(r: Reading, s: Sentence, seg: Segment, pattern: re.Pattern) -> re.Match | None:
    """A match of ``pattern`` right after the quotation's closing mark (over punctuation), else
    the last one before the quotation that is nearer to it than any attribution."""
    close = seg.end + 1 if seg.end < len(r.text) and r.text[seg.end] in QUOTE_CLOSERS + "’'" else seg.end
    lead = re.match(r"[\s,.;:!?]*", r.masked[close:s.end])
    found = pattern.match(r.masked, close + lead.end(), s.end)
    if found is None:
        floor = max([s.start] + [a.verb_end for a in s.attributions if a.verb_end <= seg.start])
        found = next(reversed(list(pattern.finditer(r.masked, floor, seg.start))), None)
    return found


def _document_said(r: Reading, s: Sentence, seg: Segment) -> Speaker | None:
    """``"…," the statement said`` or ``The statement said "…"``: a document that speaks
    (``speaker_cues.csv`` kind ``document``) is its author's voice, whoever spoke in the
    latest earlier sentence that names that document ("The ministry said in a statement")."""
    found = _cue_around(r, s, seg, _patterns()["document"])
    if found is None:
        return None
    author = r.author(found.group("doc"), found.start())
    return author._replace(verb=found.group("verb")) if author is not None else None


def _document_before(r: Reading, s: Sentence, seg: Segment) -> Speaker | None:
    """A sentence that is only a quotation, right after a sentence that names a document
    (``The army command issued a statement. "…"``): the document's author."""
    if not _whole_quotation(r, s) or s.index == 0:
        return None
    nouns = r.words(s.index - 1) & _cues().documents
    for noun in sorted(nouns):
        author = r.author(noun, s.start, back=1)
        if author is not None:
            return author
    return None


# the labels of a reporter's turn in a briefing's transcript
_QUESTION_LABELS = frozenset({"QUESTION", "Q", "REPORTER", "JOURNALIST"})


def _turn_person(r: Reading, p: int) -> Who | None:
    """The person the turn label that opens body paragraph ``p`` names ("MR. TONER:"), if any."""
    ps, pe = r.paragraphs[p]
    label = _patterns()["turn"].match(r.masked, ps, pe)
    if label is None:
        return None
    hit = [h for _, _, h in _alias_hits(label.group(1).title()) if h[2] == "person"]
    return _entity(hit[0][0]) if hit else None


def _it_said(r: Reading, s: Sentence, seg: Segment) -> Speaker | None:
    """``"…," it said`` or ``It said "…"``: "it" is the body that spoke last, in the
    sentence or up to three sentences before (``The ministry said …. "…," it said.``)."""
    found = _cue_around(r, s, seg, _patterns()["it"])
    if found is None:
        return None
    body = r.body_before(found.start())
    if body is None:
        return None
    surface, who = body
    return Speaker(who.name, surface, who.affiliation, found.group("verb"), who.kind)


def _you_in_a_question(r: Reading, s: Sentence, seg: Segment) -> Speaker | None:
    """In a reporter's turn of a transcript (``QUESTION:``), ``you said "…"`` quotes the
    briefer: the person whose turn label answers it (the next one, else the one before)."""
    p = seg.paragraph
    ps, pe = r.paragraphs[p]
    label = _patterns()["turn"].match(r.masked, ps, pe)
    if label is None or label.group(1).strip(" .") not in _QUESTION_LABELS:
        return None
    floor = max([s.start] + [a.verb_end for a in s.attributions if a.verb_end <= seg.start])
    if not list(_patterns()["you"].finditer(r.masked, floor, seg.start)):
        return None
    for q in [*range(p + 1, len(r.paragraphs)), *range(p - 1, -1, -1)]:
        who = _turn_person(r, q)
        if who is not None:
            return Speaker(who.name, "you", who.affiliation, "", who.kind)
    return None


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
    # a participle of speech takes the subject of its clause ("X opened the talks by telling …")
    subject = _sentence_subject(r, s, seg.start)
    if subject is not None:
        return subject
    # a news agency named there is the channel ("told Reuters"), not the speaker
    for actor in _patterns()["actor"].finditer(r.masked, s.start, s.end):
        who = r.resolve(actor.group(), actor.start())
        if who.kind != _CHANNEL:
            return Speaker(who.name, actor.group(), who.affiliation, "", who.kind)
    return None


def _continued_quotation(r: Reading, s: Sentence, seg: Segment) -> Speaker | None:
    return r.speakers[r.previous.start] if seg.continues and r.previous is not None else None


def _previous_in_the_paragraph(r: Reading, s: Sentence, seg: Segment) -> Speaker | None:
    # the previous segment's speaker, even an unknown one, is this one's, unless a sentence
    # between them is about someone else ("…," Kerry said. Lavrov disagreed. "…")
    if r.previous is None or r.previous.paragraph != seg.paragraph:
        return None
    before = r.speakers[r.previous.start]
    for j in range(r.index_of(r.previous.start) + 1, s.index):
        if any(p.name != before.name for p in r.spoke.get(j, []) + r.mentions(j)):
            return None
    return before


def _next_sentence(r: Reading, s: Sentence, seg: Segment) -> Speaker | None:
    nxt = s.index + 1
    if (not _whole_quotation(r, s) or nxt >= len(r.sentences)
            or r.sentence_paragraph[nxt] != r.sentence_paragraph[s.index]):
        return None
    _, ns, ne = r.sentences[nxt]
    part, pats = r.masked[ns:ne], _patterns()
    if _MASK in part:
        return None
    found = next(iter(_attribution_matches(part)[1]), None) or pats["inverted"].search(part)
    if found:
        return r.attribution(found, ns).speaker()
    if r.words(nxt).isdisjoint(_cues().speech_nouns):
        return None
    # "That was Kerry's verdict.", "Those were the words of the envoy.": the person named
    people = sorted(r.spoke.get(nxt, []) + r.mentions(nxt), key=lambda p: p.start)
    if people:
        p = people[0]
        return Speaker(p.name, r.text[p.start:p.end] if p.end > p.start else None, p.affiliation, "", "person")
    owner = pats["possessive"].search(part)
    if owner:
        who = r.resolve(owner.group("spk"), ns + owner.start("spk"))
        if who.name is not None:
            return Speaker(who.name, owner.group("spk"), who.affiliation, "", who.kind)
    return _first_body_named(r, ns, ne)


def _first_body_named(r: Reading, ss: int, se: int) -> Speaker | None:
    """The first body that the stretch [ss, se) names, by an alias or a description ("That
    was the promise the Syrian army made": the Syrian government); not a news agency."""
    pats, found = _patterns(), []
    for s, e, hit in _alias_hits(r.masked, ss, se, persons=False):
        found.append((s, r.masked[s:e]))
    for head in pats["heads"].finditer(r.masked, ss, se):
        det = pats["determiner_before"].search(r.masked, max(ss, head.start() - 100), head.start())
        if det:
            complement = pats["complement"].match(r.masked, head.end(), se)
            found.append((det.start(), r.masked[det.start():complement.end() if complement else head.end()]))
    for at, phrase in sorted(found):
        who = r.resolve(phrase, at)
        if who.name is not None and who.kind not in ("unknown", "person", _CHANNEL):
            return Speaker(who.name, phrase, who.affiliation, "", who.kind)
    return None


def _paragraph_opening_quote(r: Reading, s: Sentence, seg: Segment) -> Speaker | None:
    opens = r.text[r.paragraphs[seg.paragraph][0]] in QUOTE_OPENERS
    if opens and r.previous is not None and r.previous.paragraph == seg.paragraph - 1:
        return r.speakers[r.previous.start]
    return None


def _subject_before_colon(r: Reading, s: Sentence, seg: Segment) -> Speaker | None:
    """``The Russian minister was more cautious: "…"``: the subject of the clause that a
    colon ends right before the quotation."""
    if not _patterns()["colon_before"].search(r.masked, s.start, seg.start):
        return None
    return _sentence_subject(r, s, seg.start)


def _sentence_subject(r: Reading, s: Sentence, end: int) -> Speaker | None:
    """The subject the sentence opens with, before ``end``, when it names someone."""
    subject = _patterns()["subject"].match(r.masked, s.start, end)
    if subject is None or not _is_speaker(subject.group("spk")):
        return None
    who = r.resolve(subject.group("spk"), subject.start("spk"))
    if who.name is None or who.kind == "unknown":
        return None
    r.said(subject.start("spk"), who)
    r.spoke_for(subject.start("spk"), subject.group("spk"), who)
    return Speaker(who.name, subject.group("spk"), who.affiliation, "", who.kind)


def _person_in_focus(r: Reading, s: Sentence, seg: Segment) -> Speaker | None:
    if not _whole_quotation(r, s):
        return None
    p = r.antecedent(seg.start)
    return Speaker(p.name, None, p.affiliation, "", p.kind) if p else None


SPEAKER_RULES: list[Callable[[Reading, Sentence, Segment], Speaker | None]] = [
    _after_the_quotation,
    _resumed_in_the_sentence,
    _document_said,
    _it_said,
    _you_in_a_question,
    _before_it_in_the_sentence,
    _according_to,
    _any_attribution,
    _first_actor_named,
    _subject_before_colon,
    _continued_quotation,
    _previous_in_the_paragraph,
    _next_sentence,
    _document_before,
    _paragraph_opening_quote,
    _person_in_focus,
]


def find_speaker(r: Reading, s: Sentence, seg: Segment) -> Speaker | None:
    """The speaker of the first rule of :data:`SPEAKER_RULES` that finds one; none for a
    quotation right after "so-called"."""
    if _patterns()["so_called"].search(r.text, max(0, seg.start - 12), seg.start):
        return None
    for rule in SPEAKER_RULES:
        found = rule(r, s, seg)
        if found is not None:
            return found
    return None


def _only_attribution(between: str) -> bool:
    """Whether the text between two segments is only an attribution: ``," Kerry said. "``,
    or, in mid-sentence, one with an appositive (``," said Jane Doe, a commander of the
    brigade, "``)."""
    pats = _patterns()
    between = between.lstrip("”\"’'")
    m = pats["after"].match(between) or pats["after_inverted"].match(between)
    return bool(m) and (re.fullmatch(r"[\s\w’'\-]*[.,:;]?\s*[“\"‘']?", between[m.end():]) is not None
                        or _APPOSITIVE_THEN_QUOTE.fullmatch(between, m.end()) is not None)


# an appositive after an attribution, then the quotation resumes in the same sentence
_APPOSITIVE_THEN_QUOTE = re.compile(r",\s+[^“”\"" + _MASK + r".;:!?]{1,150},\s*[“\"]")


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
    require(articles, ("article_id", "text"), "quotations")
    sents = sentences(articles)
    sent_groups: dict[str, list[tuple[int, int, int]]] = {}
    # columns as lists: iterating Arrow-backed strings element by element is slow
    for a, sid, s, e in zip(*(sents[c].tolist() for c in ("article_id", "sentence_id", "start", "end"))):
        sent_groups.setdefault(a, []).append((sid, s, e))
    rows = []
    days = [None if pd.isna(d) else pd.Timestamp(d).strftime("%Y-%m-%d") for d in articles["published"]] \
        if "published" in articles.columns else [None] * len(articles)
    for aid, text, day in zip(articles["article_id"].tolist(), articles["text"].tolist(), days):
        # the memoised layout, not the paragraphs table: only the body spans are needed
        layout = classify_paragraphs(text)
        body = [(s, e) for s, e, kind in layout if kind == "body"]
        lead = [(s, e) for s, e, kind in layout if kind == "standfirst"]
        group = sent_groups.get(aid, [])
        spans = {sid: (s, e) for sid, s, e in group}
        for r in _article_quotations(text, body, group, day, lead):
            s, e = spans[r.sentence_id]
            sp = r.speaker
            rows.append((aid, r.sentence_id, r.start, r.end, text[r.start:r.end], r.quote_id, sp.name, sp.surface,
                         sp.affiliation, sp.verb, r.quote_kind, text[s:e]))
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


def _article_quotations(text: str, paragraphs: list[tuple[int, int]], sent_spans: list[tuple[int, int, int]],
                        day: str | None = None, lead: list[tuple[int, int]] | None = None) -> list[Row]:
    """The rows of one article published on ``day`` (ISO): its segments and reported
    statements, sentence by sentence (``lead``: the standfirst's spans, whose people "he"
    may name)."""
    segments = quote_segments(text, paragraphs)
    reading = Reading(text, _masked(text, segments), paragraphs, sent_spans, day, lead=list(lead or []))
    by_sentence: dict[int, list[Segment]] = {}
    for seg in segments:
        i = reading.index_of(seg.start)
        if i >= 0 and seg.start < sent_spans[i][2]:
            by_sentence.setdefault(i, []).append(seg)
    rows: list[Row] = []
    for i, (sid, ss, se) in enumerate(sent_spans):
        sentence = _read_sentence(reading, i, sid, ss, se)
        for seg in by_sentence.get(i, []):
            rows.append(_segment_row(reading, sentence, seg))
        for attr in sentence.attributions + sentence.according:
            if attr.verb in _speech_verbs() or attr.verb == "according to":
                nested = any(a.start < attr.start for a in sentence.attributions)
                content = _reported_content(reading, attr, ss, se, nested)
                if content is not None:
                    rows.append(Row(sid, *content, None, attr.speaker(), "reported"))
    return _share_speakers(rows)


def _masked(text: str, segments: list[Segment]) -> str:
    """``text`` with every character of the segments (in text order) replaced by the mask
    character; joined from pieces, as a list of the article's characters costs more."""
    pieces, last = [], 0
    for seg in segments:
        start = max(seg.start, last)  # a segment inside one masked before adds nothing
        if seg.end > start:
            pieces += (text[last:start], _MASK * (seg.end - start))
            last = seg.end
    pieces.append(text[last:])
    return "".join(pieces)


@knowledge.cached
def _speech_verbs() -> frozenset[str]:
    return frozenset(knowledge.speech_verbs())


def _read_sentence(r: Reading, i: int, sid: int, ss: int, se: int) -> Sentence:
    has_verb, matches, according = _attribution_matches(r.masked[ss:se])
    return Sentence(i, sid, ss, se, has_verb, [r.attribution(m, ss) for m in matches],
                    [r.attribution(m, ss) for m in according])


@knowledge.cached(maxsize=32768)
def _attribution_matches(sentence: str) -> tuple[bool, tuple[re.Match, ...], tuple[re.Match, ...]]:
    """Whether a sentence (quoted words masked) has a reporting verb, its attributions
    ``SPEAKER … VERB`` and its ``according to SPEAKER``, as matches in it; what they name
    depends on the article, so they are resolved there. Kept by the sentence's text, as a
    corpus repeats sentences (wire copy re-run by several outlets)."""
    pats = _patterns()
    has_verb = pats["verb"].search(sentence) is not None
    matches: list[re.Match] = []
    # an attribution ends in a reporting verb: without one the costly search is idle
    if has_verb:
        found = list(pats["before"].finditer(sentence)) + _descriptions(sentence)
        if ", " in sentence:
            found += pats["appositive"].finditer(sentence)
        # "Russian officials said", "Western diplomats said": after a body of the alias table or
        # one capitalised word, not after a person's name
        matches = [m for m in _leftmost(found) if _is_speaker(m.group("spk")) and (
            not m.groupdict().get("plural") or _speaks_for_several(m.group("spk")))]
    according = tuple(pats["according"].finditer(sentence)) if "according" in sentence.lower() else ()
    return has_verb, tuple(matches), according


def _descriptions(sentence: str) -> list[re.Match]:
    """The attributions of ``sentence`` whose speaker is a description ("the UN envoy said"),
    found from each title word with a verb after it."""
    pats, found = _patterns(), []
    for head in pats["heads"].finditer(sentence):
        if pats["after_head"].match(sentence, head.end()):
            det = pats["determiner_before"].search(sentence, max(0, head.start() - 100), head.start())
            m = det and pats["before_described"].match(sentence, det.start())
            if m:
                found.append(m)
    return found


def _speaks_for_several(phrase: str) -> bool:
    """Whether a name may stand before "officials" or "diplomats": a body of the alias
    table ("Kremlin officials"), or one capitalised word that names no person ("Western")."""
    hits = _phrase_hits(phrase)
    if any(h[2][2] != "person" for h in hits):
        return True
    return " " not in phrase.strip() and not hits and not _person_index().words.get(phrase.strip().lower())


def _is_speaker(phrase: str) -> bool:
    """Not quoted words, and not a sentence adverb alone ("So said Riad Hijab")."""
    return _MASK not in phrase and phrase not in _LEADING


def _leftmost(matches: list[re.Match]) -> list[re.Match]:
    """Matches in text order, dropping any that overlaps one kept before it."""
    kept: list[re.Match] = []
    for m in sorted(matches, key=lambda m: (m.start(), -m.end())):
        if not kept or m.start() >= kept[-1].end():
            kept.append(m)
    return kept


_NAME_WORD = re.compile(r"(?:[A-Z0-9][\w’'\-.]*|of|the|and|for|de|al)$")
# the lower-case words a document's title may have between its capitalised ones
_TITLE_WORD = re.compile(r"(?:[A-Z0-9][\w’'\-.]*|of|the|and|for|de|al|on|in|to|a|an|at|with|by)$")
TITLE_MAX_WORDS = 12


def _quoted_name(r: Reading, s: Sentence, seg: Segment) -> bool:
    """A quotation that is a name ("Geneva 2", "Friends of Syria") or a title ("Statement of
    the Support Group"): every word capitalised or a number (a title's longer run may have
    lower-case function words, and starts and ends with a capital), no punctuation of its
    own, inside a sentence of the writer's: held at a distance, nobody's words."""
    words = r.text[seg.start:seg.end].split()
    if len(words) <= SCARE_MAX_WORDS:
        name = all(_NAME_WORD.match(w) for w in words)
    else:
        name = (len(words) <= TITLE_MAX_WORDS and all(_TITLE_WORD.match(w) for w in words)
                and words[0][0].isupper() and words[-1][0].isupper())
    return (name and r.text[seg.end - 1].isalnum() and not _whole_quotation(r, s) and seg.start - 1 > s.start
            and not _patterns()["verb_before"].search(r.masked, max(s.start, seg.start - 40), seg.start - 1))


def _segment_row(r: Reading, s: Sentence, seg: Segment) -> Row:
    name = _quoted_name(r, s, seg)
    speaker = None if name else find_speaker(r, s, seg)
    kind = "direct"
    if speaker is None:
        speaker = NOBODY
        if name or not has_words(r.text[seg.start:seg.end], SCARE_MAX_WORDS + 1):
            kind = "scare"
    same_paragraph = r.previous is not None and r.previous.paragraph == seg.paragraph
    if seg.continues or (same_paragraph and _only_attribution(r.masked[r.previous.end:seg.start])):
        quote_id = r.quote_ids[r.previous.start]
    else:
        quote_id, r.next_quote_id = r.next_quote_id, r.next_quote_id + 1
    r.speakers[seg.start], r.quote_ids[seg.start] = speaker, quote_id
    r.previous = seg
    r.said(seg.start, Who(speaker.name, speaker.affiliation, speaker.kind,
                          _entity_senses().get(speaker.name, frozenset())))
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


# the patterns of _reported_content, compiled once: it runs for every attribution
_UP_TO_COMMA = re.compile(r"[^,]*,\s*")
_ACCORDING_AT_END = re.compile(r",\s*(?i:according to)\s+$")
_QUOTE_AT_END = re.compile(r"[" + _MASK + r"”\"’']\W*$")
_COMMA_AT_END = re.compile(r",\s*$")
_WORDS_TO_END = re.compile(r"[\s\w’'\-]*[.!?]?")


def _reported_content(r: Reading, attr: Attribution, ss: int, se: int, nested: bool) -> tuple[int, int] | None:
    """The span of what ``attr`` reports in the sentence [ss, se), if it reports anything;
    ``nested``: another attribution stands before it in the sentence ("Kerry said …, the
    agency reported": the words are Kerry's, the agency only relays them)."""
    text, masked, pats = r.text, r.masked, _patterns()
    if attr.verb == "according to":
        rest = masked[attr.end:se]
        m = _UP_TO_COMMA.match(rest)
        if attr.start - ss < 20 and m:  # "According to X, CONTENT."
            cs = attr.end + m.end()
            return _content_span(text, masked, cs, se)
        head = masked[ss:attr.start]
        m = _ACCORDING_AT_END.search(head)
        return _content_span(text, masked, ss, ss + m.start()) if m else None
    head = masked[ss:attr.start]
    if _QUOTE_AT_END.search(head):
        return None  # the attribution of the quotation just before it
    after = masked[attr.verb_end:se]
    lead = pats["told" if attr.verb in ("told", "tells", "telling") else "lead"].match(after)
    if attr.verb in ("told", "tells", "telling") and not lead:
        return None
    cs = attr.verb_end + (lead.end() if lead else 0)
    rest = masked[cs:se].lstrip(" ,")
    if rest and rest[0] not in QUOTE_OPENERS + _MASK and has_words(rest, 3):
        return _content_span(text, masked, cs, se)
    # "CONTENT, he added." with no quotation or attribution before the attribution
    if not nested and _COMMA_AT_END.search(head) and _MASK not in head and has_words(head, 3) \
            and _WORDS_TO_END.fullmatch(masked[attr.verb_end:se]):
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

def direct_quotations(articles: pd.DataFrame, quote_rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """The direct quotations of ``articles``: those of ``quote_rows`` (their quotations table,
    when already made), else found again."""
    if quote_rows is None:
        return quotations(articles, quote_kinds=("direct",))
    return quote_rows[quote_rows["quote_kind"] == "direct"]


def quote_share(articles: pd.DataFrame, quote_rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per article: body words inside direct quotations, and their share of all body words."""
    require(articles, ("article_id", "text", "outlet", "n_words"), "quote_share")
    q = direct_quotations(articles, quote_rows)
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
    require(articles, ("article_id", "text", "outlet"), "voices")
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
