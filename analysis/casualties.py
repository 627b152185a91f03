"""Casualty figures: every death toll or displacement count, its hedge and who it is credited to.

``casualty_figures(articles)`` returns one row per figure found in body sentences. The
knowledge it uses is kept as data in ``analysis/data`` (see ``README_casualties.md``):
``numbers.csv`` (number words, scale words, vague amounts), ``casualty_qualifiers.csv``
(hedges and the interval each implies), ``casualty_populations.csv`` (who is counted),
``casualty_categories.csv`` (trigger words: killed, wounded, displaced ...),
``casualty_exclusions.csv`` (numbers that are not counts), ``reporting_verbs.csv`` (the
verbs marked ``figure_source``), ``casualty_reporting.csv`` (the other reporting frames),
``casualty_sources.csv`` (the nouns of unnamed sources, titles, kinds of body),
``casualty_countries.csv`` (country names and their adjectives), and the shared
``entities.csv`` and ``aliases.csv`` (who can be cited).

Rules, in the order they are applied
    Numbers
        Digits ("93,000", "1.5"), optionally with a scale word ("1.5 million", "1.5m");
        written numbers ("two million", "a dozen", "twenty-five", "half a million", "a
        quarter of a million", "six hundred and eleven", "two thousand and forty-five"); vague amounts ("dozens", "hundreds", "tens of thousands")
        valued by the ACLED convention, the conservative floor ("hundreds" = 100), the
        vague word kept as the qualifier and the next order of magnitude as the
        (exclusive) ``high``.
    Not counts
        A number followed by a unit or a time word ("1,000 tons", "12-day", "two years",
        "10-member", "5-year-old"), next to a month name (a date), after a currency sign,
        "aged", "No." or "no" ("no one"), lives saved ("saved more than 60,000 lives"), and
        four-digit numbers from 1900 to 2099 without a comma (years) unless a population
        word follows at once ("2000 people").
    A figure
        A number is a figure when it counts people and says what happened to them:
        (a) a population word ("people", "lives", "civilians", "refugees", "aid workers",
        "others" ...) follows it, after "of" for vague amounts and at most three other words
        ("1,700 Shiite air force recruits"), and a category is found (its verb up to six words
        after the noun, ten after a phrase that says whose the people are: "34 fighters loyal
        to the UN-backed government were killed"); or (b) without a
        population word, a trigger follows it, behind auxiliaries, "who"/"that", "of them",
        "later" and "remain" only ("100 killed", "1,000 have fled", "thousands who fled", "111 of
        them were later detained", "some 40,000 remain trapped"; not "12 monitors crossed"), a
        trigger comes right before it, "another"/"a further" aside ("killing at least 15",
        "the bodies of another five"), or a trigger of ``reach`` clause (a toll word: "death
        toll", "the number of dead", "the number of registered refugees") precedes it in its
        clause, up to sixteen words back and not across ";", ":" or a clause joined by ",
        but"/", while" ("the toll from the car bomb ... climbed to 47"); or (c) a phrase that
        refers back to a figure ("the figure", "that number", "the total": ``reach`` anaphor) precedes it
        in its clause and it counts no noun of its own: it takes the category of the figure
        before it in the article ("The separatists put the figure at about 250").
        A bare number a toll was raised to, with the toll after it ("raising to 300 the number
        killed", "bring to 470,000 the number of people killed") takes the toll's category; the
        earlier value of a revised toll ("to 22, up from 19") and an increment ("passed four
        million, ... a million more than ten months ago") take the category of the figure before
        it in its clause.
        A number inside the noun phrase of the figure before it ("17 civilians from two
        families", "members of one family") is part of that figure, not one of its own.
    Category
        The verb right after the figure when it has one ("30 refugees were killed", "refugees
        are still trapped"); else implied by the population word when it has one ("lives",
        "dead", "deaths" -> killed; "refugees" -> displaced; "casualties" -> casualties); otherwise the nearest
        trigger after the figure, up to six words and not past a comma, "and", "but",
        "while" or another number ("93,000 people have been killed and 1.5 million people
        have fled"); a rate ("6,000 Syrians a month were driven out") is skipped; an "and" right
        after the figure that joins another noun to it does not
        stop the search ("Twenty aid workers and drivers were hurt"), nor does an aside
        between commas or dashes ("11 million Syrians - half the population - have fled");
        otherwise the nearest trigger in the eight words before it ("killed hundreds of
        civilians"); otherwise a cause later in the figure's clause ("have massed at the
        border after fleeing", "after being wounded"); otherwise a participle right after the
        comma that ends the clause
        ("have massed on the border, fleeing the offensive"; also after a partitive: ", most of
        them trapped in basements"). A noun that governs the figure through "of" comes first
        ("the execution of 1,700 recruits captured near Tikrit" -> killed, not detained); so does
        a verb right before the figure whose noun a participle or a relative clause describes
        ("have detained about 300 men fleeing the city", "detained 300 men who left", "killed
        400,000 people and displaced millions": a verb after "and" is another predicate); after a
        relative clause, the main verb that follows it comes next ("hundreds of men who left the
        city have gone missing"; "thousands who fled" alone is displaced). The
        aside may follow a short phrase that completes the figure's noun ("Eleven members of
        one family, among them six children, were killed"; "298 people on board, including
        ..."). A verb right after the comma that ends an aside counts, but not one after a
        conjunction that opens the next clause ("four of them children, and wounded 40").
        A sub-count without a verb of its own takes the category of the figure it belongs
        to ("76 people, including 28 children", "among them two women", "12 women and 5
        children.", "11 people, seven of them children", and at the end of the figure's
        clause: "275,000 people are trapped in the east, among them 100,000 children"); "one
        of the doctors" singles a person out and is not a count. A figure joined by "and" to
        the next one shares its verb ("Five soldiers and 14 civilians were killed"), and so
        does one "among" the next ("Two children were among seven people hurt"). A
        trigger row may exclude populations (``not_for``): troops crossing a border or
        evacuated are not displaced.
        ``casualties`` is killed and wounded together, unspecified ("40 casualties").
    Qualifier and interval
        The hedge right before the number, normalised ("Over" -> "over", "had surpassed"
        -> "surpassed", "an estimated" -> "estimated", "well over" -> "over", "fewer than" ->
        "up to"). ``low``/``high`` follow the factors
        of ``casualty_qualifiers.csv``: exact N -> [N, N]; "more than", "over",
        "surpassed", "at least" -> [N, open) with ``high`` NaN meaning open; "nearly" ->
        [0.9 N, N]; "about", "estimated" -> [0.9 N, 1.1 N]; "up to" -> (open, N] with
        ``low`` NaN. A vague amount without another hedge -> [floor, next order of magnitude).
        A range ("between 300 and 400 civilians", "15,000 to 20,000 civilians", "300-400";
        "and" only after "between"; not "rose from 19 to 22") is one figure: the value is its
        lower bound, the qualifier "between" (the range's row of ``casualty_qualifiers.csv``),
        [lower, upper]; "between 2 and 3 million" shares the scale.
    Attribution
        A reporting frame credits a source named by a noun phrase: the subject before a
        reporting verb ("says", "told", "reported", "estimates" ..., and toll verbs such as
        "raised the toll", findings: "concluded that", "assessed that", a toll revised in the
        passive, whose agent follows: "was later revised to 16 by MSF"), after fillers ("has",
        "on Tuesday", and "first" for figures only) and a relative or participial clause set off by commas (", which relies on ...,", ", citing ...,");
        the subject after a verb that opens its clause ('…," said Omar Idlibi of the LCC.';
        not after "told", whose object is who heard it); the agent after "by" ("reported
        by the Observatory"); the phrase after "according to"; a headline's "Activists:" and
        the source after the dash that ends a wire headline without a full stop ("2 killed
        as mortars hit Damascus - SANA", "— state TV"), each a person, a body or a group,
        not a place or a country. A pronoun before the verb is the whole subject ("told
        Reuters it had recorded": "it", not Reuters). A listed name with "the" inside it is
        read whole ("Save the Children estimates"). The noun phrase is read
        from a mark (comma, quotation mark, bracket) or a conjunction to the verb (after a verb
        or "according to", to a participle after a name: "a report by X released on"), through
        its prepositional phrases to its determiner ("doctors at the field hospital"). Its
        head, the last word before its first preposition outside a name (or a participle after
        a source's noun: "an assessment released on Friday") and before words
        that say what kind of body a name is ("the Saba news agency" -> Saba), names the
        source, in this order:
        1. an alias of ``aliases.csv`` at the head, normalised to its entity ("the
           Observatory", "the state news agency SANA", "Syria's health ministry");
        2. a document put out "by" someone: who put it out ("a report issued by Human Rights
           Watch", "a video released by the group", an anaphor resolved as below); a title or a
           document with a prepositional phrase: its object ("a spokesman for
           the UN refugee agency" -> UNHCR, "figures from the health ministry"), or else the
           entity the phrase names ("the head of operations of the Red Crescent"); after a
           capitalised title, the name that ends the object ("UN High Commissioner for
           Refugees Filippo Grandi" -> Filippo Grandi);
        3. "the" (or "its", "their") and a word that refers back, with no name ("the
           monitoring group", "the envoy", "its director", "it", "they"): the frame has no
           source of its own (see carrying below);
        4. a group or a body named by common nouns (``casualty_sources.csv``): an alias in
           the phrase if any ("Russian officials" -> Russia), else the words as written
           without the determiner ("aid agencies", "state television", "doctors",
           "provincial council", "Idlib health directorate"), or a listed organisation whose
           people a group is ("rescue workers from the White Helmets", "medics with the Red
           Crescent"; not "activists in Damascus"); a common noun that opens the
           sentence loses its capital ("Opposition groups" -> "opposition groups"), a
           proper adjective or a possessive keeps it ("Syrian officials"); "a Kurdish
           commander" likewise. A possessive country name becomes its adjective
           (``casualty_countries.csv``: "Yemen's health ministry" -> "Yemeni health
           ministry", as "Syria's health ministry" is the Syrian health ministry), so two
           spellings of one body are one source. A local body (a word of kind ``local``:
           city, provincial, local ...) takes the place its phrase or a fronted "In
           <Place>," gives ("the city council of Donetsk", "In Donetsk, the city council"
           -> "Donetsk city council"; not a month: "In March, ...");
        5. a run of capitalised words at the head: a body's name ("Reporters Without
           Borders", "Syrian Centre for Policy Research", with "and" inside when a word of a
           body stands on either side: "the Ministry of Migration and Displacement", "the
           Disaster and Emergency Management Authority"; and a name written as a title with
           "is" inside that closes the phrase: "Raqqa is Being Slaughtered Silently"; an alias
           inside it stands for it,
           "Russian Foreign Ministry" -> Russia), or a person's name with the titles before
           it stripped ("provincial governor Talal Barazi", "UN spokesman Stephane
           Dujarric"): a named person wins over the body they speak for. A name with a
           title before it, or followed by an aside that gives a title ("Rami Abdel
           Rahman, the director of ..."), is known to be a person's;
        6. otherwise an alias in the phrase (a person before a body); a document names its
           owner ("UN figures", "the Observatory's count").
        An aside between commas that only describes ("Rami Abdel Rahman, the head of the
        Observatory, told AFP") gives way to the name before it; a title followed by a name in
        apposition gives way to the name ("according to the UN's Syria envoy, Staffan de
        Mistura, who ...", "said the governor of the province, Ali Hassan."). An unlisted name of one or
        two words takes the fuller name the article wrote earlier ("Barazi" after "Talal
        Barazi"). The frame nearest the figure wins, unless a clause joined by ";" or
        ", while", ", whereas", ", but" separates them, or the frame is in a relative clause
        opened after the figure (", where residents say ..."); a claim is a frame only before
        the clause it makes ("the group claimed its fighters had killed"; a war "has claimed"
        lives is the toll's verb); a frame that is the sentence's last
        clause after a comma ("A, while B, said Dr X.", "A, while B, the group said.") reports
        both clauses, across ", while" but not ";". A frame with no source of its own
        ("it said", "the group said", "the envoy said") refers back: to the last entity its
        sentence names before it, outside the figures ("The UN cares for 4 million
        refugees, it said"; "15 rebels" counts people, it names no one); when there is
        none, to the sentence before (the body's or the standfirst's): its own cited
        source, or else the last entity it names (for a person, else the last name of two
        to four capitalised words the tables lack; for a body's noun, "the airline", "the
        council", the last name ending in that noun: "A Malaysia Airlines jet ..." ->
        Malaysia Airlines). Who heard the sentence before ("told AFP") is not what it refers
        to. What it refers to must agree: a person for "he", "she" or a title ("the envoy"),
        a body or a group for "it", "they" or "the monitor" (a name the tables lack agrees
        with both, unless it is known to be a person's); else nothing is credited. An
        entity's adjective before a thing says whose the thing is and is not referred to
        ("Russian strikes had killed 595 people, it said"; "Russian officials" can be).
        ``attribution_basis`` says which: "sentence", "previous sentence" or "".
    Period
        ``since`` is the start of the counted period when the sentence states one:
        "since March 2011" or "since the uprising ... began in March 2011" -> "2011-03";
        a year alone -> "2011". A string (ISO year-month or year), empty when not stated.
        ``scope`` says what the figure counts: ``war`` (the whole war so far: "since the
        uprising began", "a conflict that has claimed", "killed in the conflict"),
        ``period`` (a span within it: "this year", "since January", "since the siege
        began"), ``event`` (one attack, bombing, massacre or day: "a sarin gas attack ...
        that killed", "were killed on Sunday") or empty when the figure's clause says
        none of these. The rows of ``casualty_scope.csv`` are cues, searched in the
        figure's clause (up to a semicolon, a colon or ", and/but/while"; an aside ",
        which ... ," left out): an event's cue within ``EVENT_REACH`` (80) characters of
        the figure makes it an event ("the deadliest attack of the war killed 120");
        otherwise the nearest war or period cue decides ("In 2014, ... were killed in the
        conflict" is a period), the earlier row on a tie. The reference comparison and the
        death-toll chart leave out event and period tolls: the reference tolls count the
        whole war. Known misses: a war's start outside Syria given as a date ("Yemen's war
        has left 6,000 dead since March 2015" reads as a period), an event told only by its
        verb ("executed 175 workers"), a one-day event near a period's toll in one clause.

Charting
    ``toll_series``, ``plot_table``, ``citations`` and ``interval_kind`` shape the
    figures for notebook 02; ``reference_tolls()`` returns the published reference
    figures. Scoring against hand annotations is ``analysis.evaluate``.

Known limits
    English only; body sentences only by default (``kinds=`` adds headlines or captions).
    The window rules read syntax shallowly: a trigger six words away in another clause or
    a relative clause not set off by commas is missed or misread. Sources: coordinated
    subjects give their last part ("residents and medics said" -> medics); a place name
    that opens the sentence before a group noun loses its capital ("Kobane officials" ->
    "kobane officials"); a country named alone ("Syria said") is the country's name, not
    its government; a capitalised word that opens a sentence and is neither a known noun
    nor a stop word reads as a name; a source named two sentences back is not carried.
    A name with "the" or "of" inside it that neither the alias table lists nor a word of
    a body marks is cut ("Help the Aged" -> Aged, "Friends of the Earth" -> Friends). A
    local body's place is read only from "of/in <Place>" or a fronted "In <Place>,". "the
    figure" takes the category of the last figure before it, however far back in the
    article; a forecast is recognised only by a verb of rising after a modal or "expects"
    (``casualty_exclusions.csv``). The dash of a wire headline credits a source only in a
    sentence without a full stop; a short headline-style paragraph after the first body
    paragraph is a caption (``analysis.corpus``) and is not read by default. A relative
    clause after the figure ("4,000 people live in the village, which has been besieged")
    gives it no category.
    "lives" is read as killed unless "saved" comes before it. A figure repeated in
    another sentence is a second row: deduplication is the reader's choice. The figures
    are what the outlets printed, not verified tolls.
"""
from __future__ import annotations

import re
from itertools import takewhile
from typing import NamedTuple

import numpy as np
import pandas as pd

from . import knowledge
from .corpus import require, sentences
from .knowledge import reference_tolls
from .matches import Prefilter, alternation, escaped_alternation, first_char, phrase_pattern
from .text import MONTH_NAMES, MONTH_PATTERN, WORD_RE, count_words, first_words, month_number, words_back

COLUMNS = {
    "article_id": "string", "sentence_id": "int64", "start": "int64", "end": "int64",
    "surface": "string", "value": "Int64", "qualifier": "string", "low": "float64",
    "high": "float64", "category": "string", "population": "string",
    "attributed_to": "string", "attribution_basis": "string", "since": "string",
    "scope": "string", "sentence": "string",
}
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# a forward search for the verb stops at the clause's end or a joined clause
_FORWARD_STOP = re.compile(r"[,;:.!?]|\b(?:and|but|while|whereas|during|after|before)\b")
# a short prepositional phrase that completes the figure's noun ("members of one family", "people on board")
_POSTMODIFIER = r"(?:\s+(?:aboard|on board|inside|there)|\s+(?:of|from|on|in|at|aboard|inside|near)\s+[^,;:.]{1,40}?)?"
# "1,429 people, including 426 children, died", "11 people, seven of them children, drowned": the verb
# comes after the aside, which may hold a list ("most of them women, children and old men,") and numbers
# with a comma ("including 39,000 children,")
_ASIDE = re.compile(rf"^{_POSTMODIFIER},\s*(?:including|among them|among whom|mostly|most of them|many of them|of whom"
                    r"|[\w.,-]+\s+of\s+(?:them|whom))\b"
                    # a list of nouns: ", children and old men," (no auxiliary, no number: not ", were killed and 20 ...")
                    r"(?:(?:(?!\b(?:and|or)\b)(?:[^,;.]|(?<=\d)[,.](?=\d)))*,(?!\s*(?:were|was|are|is|have|has|had|been)\b)"
                    r"(?:\s+[a-zA-Z'’-]+){1,3}\s+(?:and|or)(?:\s+[a-zA-Z'’-]+){1,3},|(?:[^,;.]|(?<=\d)[,.](?=\d))*,)")
_CLAUSE_JOIN = re.compile(r";|,\s+(?:while|whereas|but)\b")
# ", where residents say ...": a relative clause after the figure reports its own content, not the figure
_RELATIVE = re.compile(r",\s+(?:where|who|which)\b")
# "Twenty aid workers and drivers were hurt": an "and" right after the figure joins a noun to it
_JOINED_NOUN = re.compile(r"^\s+(?P<and>and)\s+(?:[a-z][\w'’-]*\s+){1,3}?(?:were|was|are|is|have|has|had)\b")
# "100 were killed", "1,000 have fled": what may stand between a bare number and its trigger
# ("12 monitors crossed into Syria" counts monitors, not people)
_BARE_LEAD = re.compile(r"^[\s,]*(?:of\s+(?:them|whom)\s+)?"
                        r"(?:(?:who|that|were|was|are|is|have|has|had|been|being|be|reportedly|also|now|still|later"
                        r"|more|all|internally|remain|remains|remained)\s+)*")
# ", fleeing the offensive": a participle after the comma that ends the figure's clause
# (", most of them trapped in basements": the participle may follow a partitive that refers to them)
_PARTICIPLE = re.compile(r"^,\s+(?:(?:most|many|all|some|half|several|thousands|hundreds)\s+of\s+(?:them|whom)\s+)?"
                         r"(?P<w>[a-z]+(?:ing|ed))\b")
# "76 people, including 28 children": a sub-count shares the figure's category; so do "275,000 people are
# trapped in the east, among them 100,000 children" (at the end of the figure's clause) and "11 people, seven
# of them children" (a partitive after the number)
_SUBCOUNT = re.compile(r"^[^;:]*?,\s*(?:including|among them|among whom|of whom|of them)\s+$")
_PARTITIVE = re.compile(r"^[^;:]*?,\s*$")
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom)\b")
# "among them one of the last doctors": one person singled out, not a count
_ONE_OF = re.compile(r"(?:one|1)\s+of\b", re.IGNORECASE)
_GOVERNED = re.compile(r"\bof\s*$")  # a figure that completes a noun: "the execution of 1,700 recruits"
# "17 civilians from two families", "members of one family": a number in the figure's own noun phrase
_INNER_NUMBER = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?$")
# "the bodies of another five": words between a bare number and the noun that gives its category
_ANOTHER = re.compile(r"\s+(?:another|a further|further|an additional|additional|other)\s*$")
# ", and wounded 40": a verb after a comma belongs to the figure only when no conjunction opens a new clause
_NEW_CLAUSE = re.compile(r"\s*(?:and|but|or|while|whereas)\b")
# "12 women and 5 children": a figure joined by "and" to the one before, at the end of its clause
# "Two soldiers and three civilians were killed"; "Two children were among seven people hurt": a sub-count before its total
_JOINED_FIGURE = re.compile(r"^\s*(?:,?\s*and|(?:were|are|was|is)\s+(?:also\s+)?among(?:\s+the)?)\s+$")
# "put the figure at 250 and ...": a bare number that counts no noun of its own ("14 provinces" does)
_NO_NOUN = re.compile(r"\s*(?:[,;:.!?)]|$|(?:in|on|at|near|during|since|across|and|but|or|by|for|over|after)\b)")
_ENDS_CLAUSE = re.compile(r"\s*(?:[,;:.!?)]|$|(?:in|on|at|near|during|since|across)\b)")
# "11 million Syrians - half the pre-war population - have fled": an aside between dashes
_DASH_ASIDE = re.compile(r"^\s+[-–—]\s+[^;.]*?\s+[-–—](?=\s)")
# a relative or participial clause between the source and its verb (", which relies on ...,",
# ", citing sources on the ground,"): the source stands before it
_RELATIVE_TAIL = re.compile(r",\s*(?:which|who|whose|where|citing|quoting|relying|based)\b[^,]*,\s*$")
_SINCE = re.compile(
    rf"\bsince\b(?:\s+[\w'’-]+){{0,10}}?\s+(?:in\s+)?(?:(?P<month>{MONTH_PATTERN})\s+)?(?P<year>(?:19|20)\d\d)\b"
)
# ---- the grammar of a source's noun phrase (function words; the lexicon is casualty_sources.csv)
_DETERMINERS = frozenset("the a an its their his her this that these those some several many other".split())
_PREPOSITIONS = frozenset("of at in from for with on near inside outside by among across within around to".split())
# words a noun phrase never runs across: conjunctions, relatives, auxiliaries
_NP_STOPS = frozenset(("and but or nor that which who whom whose when where while as if because after before "
                       "since than though although until so has have had is are was were be been will would "
                       "could can may might must not also").split())
_NAME_LINKS = frozenset("de al el bin ibn abu van von der du da la le di".split())  # "Staffan de Mistura"
_ORG_LINKS = frozenset("of for the and on to".split())  # "Office for the Coordination of ..."
# "Raqqa is Being Slaughtered Silently": a verb between capitalised words is part of a name written as a title
_TITLE_VERBS = frozenset({"is", "are"})
_CALENDAR = frozenset([*MONTH_NAMES, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
# a proper adjective keeps its capital at the start of a sentence ("Syrian officials", "Kurdish")
_DEMONYM = re.compile(r"(?:ian|ish|ese|i|can|ean)$")
_NP_EDGE = re.compile(r".*[,;:(\"“”—–]", re.S)  # up to the last mark that ends a noun phrase
_NP_END = re.compile(r"[,;:()\"“”—–]")
_ADDRESSED = frozenset({"told", "tells", "telling"})  # what follows "told" is who heard it ("told AFP")
_TOLD = re.compile(r"\b(?:told|tells|telling)\s+(?:the\s+)?$")
_AGENT = re.compile(r"\s+by\s+")  # "the toll reported by the Observatory"
_HEADLINE_SOURCE = re.compile(r"^\W*(?P<np>[^:,;.]{1,40}?)\s*:\s")  # "Activists: 213 dead ..."
# "2 killed as mortars hit Damascus - SANA": a wire headline names its source after a dash at its end
_HEADLINE_TAIL = re.compile(r"\s[-–—]{1,2}\s*(?P<np>[^-–—:;,.!?\"“”]{1,40}?)\s*$")
# "In Donetsk, the city council ... said": a place set before the clause locates a local body
_FRONTED_PLACE = re.compile(r"^\W*(?:In|At)\s+(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s*,\s*(?:the\s+)?$")
# a range: "15,000 to 20,000", "300-400", "between 300 and 400"; its qualifier is the range's row of
# casualty_qualifiers.csv ("between"), whether or not "between" is written
_RANGE_JOIN = re.compile(r"\s*(?:(?P<and>and)|to|[-–])\s*")
RANGE_QUALIFIER = "between"
# "rose from 19 to 22", "up from 19": a change, not a range
_CHANGE_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
# ", Staffan de Mistura, who ...", ", Ali Hassan.": a name in apposition, closed by a mark or a relative
_APPOSED_NAME = re.compile(r"\s*,\s*(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|(?:al|el)-[A-Z][\w'’-]*"
                           r"|de|al|bin|ibn|abu|van|von)){1,4})"
                           r"(?=\s*(?:[,;.!?]|$))")
# "raising to 300 the number killed", "brings to 470,000 the death toll": the toll follows the number
_TO_BEFORE = re.compile(r"\bto\s+$")
_TOLL_AFTER = re.compile(r"\s+the\s+(?:(?:overall|total|death|casualty)\s+)?(?:number|toll|tally|total|count)\b[^,;:.]{0,60}")
# "to 22, up from 19", "down from 40": the earlier value of a revised toll
_UP_FROM = re.compile(r"\b(?:up|down)\s+from\s+$")
# a participle or a relative clause right after a figure's noun describes the people ("300 men fleeing"); after
# "and" a verb is another predicate ("killed 400,000 people and displaced millions")
_MODIFIER_AFTER = re.compile(r"\s*(?:who|that|which|and|[a-z]+ing)\b")
# "30 people a day", "6,000 Syrians per month": a rate between a figure and its verb
_RATE = re.compile(r"\s+(?:a|an|per|each|every)\s+(?:day|week|month|year|night|hour)\b")
_OWNER = re.compile(r"\s+(?:of|from|loyal to|allied (?:to|with)|belonging to|affiliated with)\s+(?:the\s+)?"
                    r"(?:[A-Z]|[\w-]+-(?:backed|led|run|held|allied)\b)")
OWNER_WORDS = 4
_MEMBERS_OF = frozenset({"from", "of", "with"})  # "workers from the White Helmets": whose people they are
# "... after fleeing the offensive", "after being driven from their homes": the cause, later in the clause
_AFTER_DOING = re.compile(r"\bafter\s+(?:being\s+|having\s+(?:been\s+)?)?(?P<what>[a-z]+(?:ing|ed)\b(?:\s+[\w'’-]+){0,3})")
_RELATIVE_MAIN = re.compile(r"\s+(?:who|that)\s+[^,;:.]{1,80}?\s(?:have|has|had|were|was|are|is)\s+"
                            r"(?P<rest>[\w'’-]+(?:\s+[\w'’-]+){0,2})")
# "a million more than ten months ago", "2,000 more than a year earlier": an increment of the figure before
_INCREMENT = re.compile(r"\s+more\s+than\s+(?:just\s+|only\s+)?(?:[\w-]+\s+){0,3}?(?:ago|earlier|before|last\s+\w+)\b")
FORWARD_WORDS = 6
BACKWARD_WORDS = 8
CLAUSE_WORDS = 16  # how far back in its clause a toll word gives a bare number its category
NP_WORDS = 10  # the longest noun phrase read as a source
HEADLINE_WORDS = 4


# ---------------------------------------------------------------- knowledge files

@knowledge.cached
def _units() -> dict[str, dict[str, tuple[float, float]]]:
    table = knowledge.numbers()
    units: dict[str, dict[str, tuple[float, float]]] = {"lead": {}, "scale": {}, "vague": {}}
    for row in table.itertuples():
        high = float(row.high) if row.high else np.nan
        units.setdefault(row.kind, {})[row.phrase.lower()] = (float(row.value), high)
    return units


@knowledge.cached
def _number_re() -> re.Pattern:
    units = _units()
    tens = [w for w, (v, _) in units["lead"].items() if v >= 20 and v % 10 == 0 and " " not in w]
    ones = [w for w, (v, _) in units["lead"].items() if 1 <= v <= 9 and w not in ("a", "an")]
    # "a", "an", "half a" count only before a scale word ("a dozen", "half a million")
    needs_scale = [w for w, (v, _) in units["lead"].items() if w in ("a", "an") or v < 1]
    words = [w for w in units["lead"] if w not in needs_scale]
    scales = [w for w in units["scale"] if w not in ("m", "bn")]
    below_hundred = (rf"(?:{escaped_alternation(tens)})-(?:{escaped_alternation(ones)})"
                     rf"|{escaped_alternation([w for w, (v, _) in units['lead'].items() if 1 <= v < 100])}")
    # most words cannot start a number: one test of the first character skips them
    firsts = "".join(sorted({re.escape(w[0]) for kind in ("lead", "vague") for w in units[kind]}))
    return re.compile(
        rf"(?<![\w,.])(?=\d|[{firsts}])(?:"
        rf"(?P<vague>{escaped_alternation(units['vague'])})"
        rf"|(?P<alead>{escaped_alternation(needs_scale)})\s+(?P<ascale>{escaped_alternation(scales)})"
        rf"|(?P<mdigits>{_DIGITS})(?P<attached>m|bn)"
        # "Six hundred and eleven", "two thousand and forty-five": a written number under a hundred
        # added to a written hundred or thousand
        rf"|(?P<wlead>{below_hundred})\s+(?P<wscale>hundred|thousand)(?:\s+and)?\s+(?P<rest>{below_hundred})"
        rf"|(?P<lead>{_DIGITS}|(?:{escaped_alternation(tens)})-(?:{escaped_alternation(ones)})|{escaped_alternation(words)})"
        rf"(?:[\s-]+(?P<scale>{escaped_alternation(scales)}))?"
        r")(?![\w]|[.,]\d)",
        re.IGNORECASE,
    )


@knowledge.cached
def _qualifiers() -> tuple[re.Pattern, dict[str, tuple[str, float, float]]]:
    table = knowledge.casualty_qualifiers()
    rules = {r.phrase.lower(): (r.qualifier, float(r.low_factor) if r.low_factor else np.nan,
                                float(r.high_factor) if r.high_factor else np.nan)
             for r in table.itertuples()}
    return re.compile(rf"\b(?P<q>{escaped_alternation(rules)})\s+$", re.IGNORECASE), rules


@knowledge.cached
def _populations() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    table = knowledge.casualty_populations()
    rules = {r.word.lower(): (r.population, r.category) for r in table.itertuples()}
    glue = r"(?!(?:and|or|but|in|of|on|at|to|from|with|by|for|the|a|an|who|which|that|have|has|had|were|was|are|is|been)\b)"
    return re.compile(
        rf"^(?:\s+of)?(?:\s+{glue}[\w'’-]+){{0,3}}\s+(?P<pop>{escaped_alternation(rules)})\b", re.IGNORECASE
    ), rules


@knowledge.cached
def _triggers(reach: str | None = None) -> tuple[re.Pattern, tuple[str, ...], tuple[frozenset[str], ...]]:
    """The trigger words of every category (or only those of one ``reach``), one group each,
    with each row's category and the populations it does not apply to."""
    table = knowledge.casualty_categories()
    # an ``anaphor`` row ("the figure") names no category of its own: only asked for by name
    table = table[table["reach"] == reach] if reach is not None else table[table["reach"] != "anaphor"]
    groups = "|".join(f"(?P<t{i}>{r.pattern})" for i, r in enumerate(table.itertuples()))
    # one word boundary around all the groups, not one per group: a position inside a word fails once
    return (re.compile(rf"\b(?=[a-zA-Z])(?:{groups})\b", re.IGNORECASE), tuple(table["category"]),
            tuple(frozenset(v.split()) for v in table["not_for"]))


@knowledge.cached
def _exclusions() -> tuple[tuple[re.Pattern, ...], ...]:
    table = knowledge.casualty_exclusions()
    after = tuple(re.compile(p, re.IGNORECASE) for p in table.loc[table["side"] == "after", "pattern"])
    before = tuple(re.compile(p) for p in table.loc[table["side"] == "before", "pattern"])
    year_before = tuple(re.compile(p) for p in table.loc[table["side"] == "year_before", "pattern"])
    forecast = tuple(re.compile(p, re.IGNORECASE) for p in table.loc[table["side"] == "forecast", "pattern"])
    return after, before, year_before, forecast


@knowledge.cached
def _authority_re() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """Every alias as one pattern, longest first, each a group ``a<i>`` that ``lookup`` maps to
    (entity, kind)."""
    rows = sorted(knowledge.aliases().itertuples(index=False), key=lambda r: (-len(r.alias), r.alias))
    groups = [(first_char(r.alias), f"(?P<a{i}>{phrase_pattern(r.alias, r.match_case)})") for i, r in enumerate(rows)]
    lookup = {f"a{i}": (r.entity, r.kind) for i, r in enumerate(rows)}
    return re.compile(r"(?<![\w\-])(?:" + alternation(groups) + r")(?![\w\-])"), lookup


class Frames(NamedTuple):
    """The reporting frames, compiled: a verb (``reporting_verbs.csv`` rows marked
    ``figure_source`` and the ``verb`` rows of ``casualty_reporting.csv``, case as written);
    "according to"; the pronouns that stand for a source named before; the fillers between a
    source and its verb (``reporting_fillers.csv``: "has", "on Tuesday"), at the end of the
    words before a verb and at the start of the words after it."""
    verb: re.Pattern
    according: re.Pattern
    pronouns: frozenset[str]
    fillers_before: re.Pattern
    fillers_after: re.Pattern


@knowledge.cached
def _frames() -> Frames:
    table = knowledge.casualty_reporting()
    verbs = knowledge.reporting_verbs()
    words = sorted(verbs.loc[verbs["figure_source"], "verb"], key=lambda v: (-len(v), v))
    verb_re = re.compile(r"\b(?:" + "|".join([*table.loc[table["kind"] == "verb", "pattern"], *words]) + r")\b")
    according = "|".join(table.loc[table["kind"] == "according", "pattern"])
    fillers = "|".join([*knowledge.reporting_fillers()["pattern"], *table.loc[table["kind"] == "filler", "pattern"]])
    return Frames(verb_re, re.compile(rf"(?i)\b(?:{according})\b"),
                  frozenset(table.loc[table["kind"] == "pronoun", "pattern"].str.lower()),
                  re.compile(rf"(?:\s+(?:{fillers}))+\s*$"), re.compile(rf"^(?:\s*(?:{fillers})\b)+"))


@knowledge.cached
def _countries() -> tuple[re.Pattern, dict[str, str]]:
    """``casualty_countries.csv``: a possessive country name at the start of an unnamed body's
    name ("Yemen's health ministry") and the adjective that replaces it (Yemeni)."""
    table = knowledge.table("casualty_countries.csv")
    adjectives = dict(zip(table["country"], table["adjective"]))
    return re.compile(rf"^(?P<country>{escaped_alternation(adjectives)})['’]s\s+"), adjectives


@knowledge.cached
def _country_adjectives() -> frozenset[str]:
    """The adjectives of ``casualty_countries.csv`` ("French", "Dutch": not all end like "Syrian")."""
    return frozenset(_countries()[1].values())


@knowledge.cached
def _number_words() -> frozenset[str]:
    units = _units()  # "a" and "an" are numbers only before a scale word ("a dozen")
    return frozenset(w for kind in ("lead", "scale", "vague") for w in units[kind]
                     if " " not in w and w not in _DETERMINERS)


# ---------------------------------------------------------------- the rules, on one sentence

def _number_value(m: re.Match) -> tuple[float, float]:
    """(value, vague high or NaN) of a number match."""
    units = _units()
    if m["vague"]:
        return units["vague"][m["vague"].lower()]
    if m["alead"]:
        return units["lead"][m["alead"].lower()][0] * units["scale"][m["ascale"].lower()][0], np.nan
    if m["mdigits"]:
        return float(m["mdigits"].replace(",", "")) * units["scale"][m["attached"].lower()][0], np.nan
    if m["wlead"]:
        def below_hundred(words: str) -> float:
            return sum(units["lead"][part][0] for part in words.lower().split("-"))
        return below_hundred(m["wlead"]) * units["scale"][m["wscale"].lower()][0] + below_hundred(m["rest"]), np.nan
    lead = m["lead"].lower()
    if lead[0].isdigit():
        value = float(lead.replace(",", ""))
    elif "-" in lead:
        value = sum(units["lead"][part][0] for part in lead.split("-"))
    else:
        value = units["lead"][lead][0]
    scale = units["scale"][m["scale"].lower()][0] if m["scale"] else 1.0
    return value * scale, np.nan


def _number_value_unscaled(m: re.Match) -> float:
    """The value of a number match without its scale word ("2" of "2 million")."""
    lead = (m["mdigits"] or m["lead"] or "").lower()
    if lead[:1].isdigit():
        return float(lead.replace(",", ""))
    units = _units()
    return sum(units["lead"][part][0] for part in lead.split("-")) if lead else 1.0


def _is_count(sentence: str, m: re.Match) -> bool:
    after, before, year_before, _ = _exclusions()
    tail, head = sentence[m.end():m.end() + 40], sentence[max(0, m.start() - 30):m.start()]
    if any(p.match(tail) for p in after) or any(p.search(head) for p in before):
        return False
    if re.fullmatch(r"(?:19|20)\d\d", m["lead"] or "") and not m["scale"]:
        # "killed 2000 people" is a count; "in 2012", "March 2011", "2012." are years
        return (bool(_populations()[0].match(tail)) and not re.match(r"^\s+of\b", tail)
                and not any(p.search(head) for p in year_before))
    return True


def _nearest_trigger(window: str, *, last: bool, reach: str | None = None, population: str = "",
                     at_start: bool = False) -> str:
    """The category of the first (or last) trigger of ``window`` that applies to ``population``
    (with ``at_start``, only a trigger that opens the window)."""
    if not window:
        return ""
    pattern, categories, not_for = _triggers(reach)
    found = ""
    for hit in ([pattern.match(window)] if at_start else pattern.finditer(window)):
        if hit is None:
            break
        row = int(hit.lastgroup[1:])
        if population not in not_for[row]:
            found = categories[row]
            if not last:
                break
    return found


def _forward_window(sentence: str, end: int, next_start: int) -> tuple[str, int]:
    """The words after a figure that may hold its verb, and the offset of the comma that ended
    them (-1 when something else did)."""
    window = sentence[end:]
    aside = _ASIDE.match(window) or _DASH_ASIDE.match(window)
    base = end + aside.end() if aside else end
    window = window[aside.end():] if aside else sentence[end:next_start]
    if rate := _RATE.match(window):  # "6,000 Syrians a month were driven out": the rate is not the verb's
        base, window = base + rate.end(), window[rate.end():]
    joined = _JOINED_NOUN.match(window) or _joined_population().match(window)
    stop = _FORWARD_STOP.search(window, joined.end("and") if joined else 0)
    comma = base + stop.start() if stop and stop.group() == "," else -1
    # "34 fighters loyal to the UN-backed government were killed", "12 fighters of the People's Protection
    # Units were killed": a phrase that says whose the people are lengthens the reach by its words
    reach = FORWARD_WORDS + (OWNER_WORDS if _OWNER.match(window) else 0)
    return first_words(window[:stop.start()] if stop else window, reach), comma


@knowledge.cached
def _joined_population() -> re.Pattern:
    """"Hundreds of fighters and their families began leaving": an "and" that joins a population
    word to the figure's noun does not end the search for its verb."""
    words = escaped_alternation(_populations()[1])
    return re.compile(rf"^\s+(?P<and>and)\s+(?:(?:their|his|her|the|other)\s+)?(?:[a-z][\w'’-]*\s+)?(?:{words})\b",
                      re.IGNORECASE)


def _backward_window(sentence: str, start: int, prev_end: int, words: int = BACKWARD_WORDS) -> str:
    window = sentence[prev_end:start]
    joins = [m.end() for m in _CLAUSE_JOIN.finditer(window)]
    window = window[max([window.rfind(":") + 1, *joins]):]
    return window[words_back(window, words):]


class Figure(NamedTuple):
    """One figure of a sentence, offsets relative to the sentence."""
    start: int
    end: int
    value: int
    qualifier: str
    low: float
    high: float
    category: str
    population: str


def _category(sentence: str, end: int, forward: tuple[str, int], backward: str, clause: str, implied: str,
              population: str | None, figure_before: str = "") -> str:
    """What happened to the people counted (see "Category" in the module docstring);
    ``figure_before`` is the category of the figure before, for "put the figure at 250"."""
    words, comma = forward
    if population is None:
        # a bare number needs its trigger right next to it, or a toll word before it in its clause
        return (_nearest_trigger(_BARE_LEAD.sub("", words, count=1), last=False, reach="word", at_start=True)
                or _nearest_trigger(" ".join(_ANOTHER.sub("", backward).split()[-2:]), last=True, reach="word")
                or _clause_category(sentence, end, clause, figure_before)
                or _toll_after(sentence, end, backward))
    # "the execution of 1,700 recruits captured near Tikrit": the noun that governs the figure comes first
    governing = " ".join(backward.split()[-4:]) if _GOVERNED.search(backward) else ""
    # "have detained about 300 men fleeing the city", "detained 300 men who left": the verb whose object
    # the figure is comes before a participle or a relative clause that describes the people
    direct = (_direct_trigger(backward, population) if _MODIFIER_AFTER.match(words) else "")
    if main := _RELATIVE_MAIN.match(sentence, end):
        # "hundreds of men who left the city have gone missing": the main verb after a relative clause
        direct = direct or _nearest_trigger(main["rest"], last=False, population=population)
    if implied:
        # the verb right after the figure says what happened to them, whatever the noun implies:
        # "30 refugees were killed", "18,000 refugees are still trapped"
        verb = _nearest_trigger(_BARE_LEAD.sub("", words, count=1), last=False, population=population, at_start=True)
        implied = verb or implied
    category = (implied or _nearest_trigger(governing, last=True, population=population) or direct
                or _nearest_trigger(words, last=False, population=population)
                or _nearest_trigger(backward, last=True, population=population))
    if not category and sentence.startswith(",", end) and not _NEW_CLAUSE.match(sentence, end + 1):
        # "426 children, died": a verb right after the comma that closes an aside (not ", and wounded 40")
        category = _nearest_trigger(" ".join(sentence[end + 1:].split()[:2]), last=False)
    if not category and (after := _AFTER_DOING.search(sentence, end, _clause_end(sentence, end))):
        # "have massed at the border crossing after fleeing the offensive": why they are there
        category = _nearest_trigger(after["what"], last=False, population=population, at_start=True)
    if not category and comma >= 0 and (participle := _PARTICIPLE.match(sentence[comma:])):
        # "have massed on the border, fleeing the offensive": the participle tells why they are there
        category = _nearest_trigger(participle["w"], last=False, population=population)
    return category


def _clause_end(sentence: str, start: int) -> int:
    """The offset of the mark that ends the clause running from ``start``."""
    stop = re.compile(r"[,;:.!?]").search(sentence, start)
    return stop.start() if stop else len(sentence)


def _direct_trigger(backward: str, population: str) -> str:
    """The category of a trigger that ends ``backward``, right before the figure ("have detained")."""
    pattern, categories, not_for = _triggers()
    text = backward.rstrip()
    last = None
    for hit in pattern.finditer(text):
        last = hit
    if last is None or last.end() != len(text):
        return ""
    row = int(last.lastgroup[1:])
    return categories[row] if population not in not_for[row] else ""


def _toll_after(sentence: str, end: int, backward: str) -> str:
    """The category of a toll named after the number it was raised to: "raising to 300 the number
    killed there", "bring to more than 470,000 the number of people killed", "pushed to 90 the death
    toll"."""
    if not _TO_BEFORE.search(backward):
        return ""
    toll = _TOLL_AFTER.match(sentence, end)
    if toll is None:
        return ""
    return (_nearest_trigger(toll.group(), last=False, reach="clause")
            or _nearest_trigger(toll.group(), last=False, reach="word"))


def _is_subcount(sentence: str, before: Figure, start: int, end: int, number: re.Match) -> bool:
    """Whether a figure without a verb of its own is a part of the figure ``before`` it: "76
    people, including 28 children"; "275,000 people are trapped, among them 100,000 children";
    "11 people, seven of them children"; "killed 12 women and 5 children."."""
    between = sentence[before.end:start]
    if _CLAUSE_JOIN.search(between):
        return False
    if _OF_THEM.match(sentence, number.end()):
        return bool(_PARTITIVE.match(between))
    return bool((_SUBCOUNT.match(between) and not _ONE_OF.match(sentence, number.start()))
                or (_JOINED_FIGURE.match(between) and _ENDS_CLAUSE.match(sentence, end)))


def _clause_category(sentence: str, end: int, clause: str, figure_before: str) -> str:
    """The category a toll word ("the death toll ... rose to 47") or a phrase that refers back
    to a figure ("put the figure at 250") gives a bare number in its clause; none in a forecast
    ("the toll could rise to 100")."""
    category = _nearest_trigger(clause, last=True, reach="clause")
    if not category and figure_before and _triggers("anaphor")[0].search(clause) and _NO_NOUN.match(sentence, end):
        category = figure_before
    if category and any(p.search(clause) for p in _exclusions()[3]):
        return ""
    return category


def _figures_in(sentence: str, figure_before: str = "") -> list[Figure]:
    """The casualty figures of one sentence; ``figure_before`` is the category of the article's
    last figure before it (for "put the figure at 250")."""
    pop_re, pops = _populations()
    qual_re = _qualifiers()[0]
    numbers = [m for m in _number_re().finditer(sentence) if _is_count(sentence, m)]
    found: list[Figure] = []
    inner = -1  # a number inside the noun phrase of the figure before it ("17 civilians from two families")
    waiting = None  # a figure with a population and no verb yet
    upper_of: dict[int, re.Match] = {}  # the upper bound of a range ("between 300 and 400 civilians")
    for i, m in enumerate(numbers):
        if i == inner or i - 1 in upper_of:
            continue
        prev_end = numbers[i - 1].end() if i else 0
        q = qual_re.search(sentence, max(prev_end, m.start() - 25), m.start())
        if (upper := _range_upper(sentence, numbers, i, q)) is not None:
            upper_of[i] = upper
            i += 1  # the range is read as one number that ends at its upper bound
        last = upper if upper is not None else m
        next_start = numbers[i + 1].start() if i + 1 < len(numbers) else len(sentence)
        start = q.start() if q else m.start()
        pop = pop_re.match(sentence[last.end():next_start])
        end = last.end() + pop.end() if pop else last.end()
        population, implied = pops[pop["pop"].lower()] if pop else ("", "")
        holds_next = bool(pop) and i + 1 < len(numbers) and bool(_INNER_NUMBER.match(sentence, end, next_start))
        if holds_next:  # the verb comes after the inner number's noun
            next_start = numbers[i + 2].start() if i + 2 < len(numbers) else len(sentence)
        forward = _forward_window(sentence, end, next_start)
        category = _category(sentence, end, forward,
                             _backward_window(sentence, start, prev_end),
                             _backward_window(sentence, start, prev_end, CLAUSE_WORDS), implied,
                             population if pop else None, found[-1].category if found else figure_before)
        if not category and found and found[-1].end <= start and _is_subcount(sentence, found[-1], start, end, m):
            category = found[-1].category  # the same fate as the figure it is part of
        if (not category and found and pop is None and (_UP_FROM.search(sentence, found[-1].end, start)
                                                        or _INCREMENT.match(sentence, end))
                and not _CLAUSE_JOIN.search(sentence, found[-1].end, start)):
            # "raised the toll to 22, up from 19": the toll it replaced; "passed four million, a million
            # more than ten months ago": how much it grew
            category = found[-1].category
        if not category:
            # "Two soldiers and three civilians were killed": the figure joined to it may give the verb
            waiting = (start, end, m, q, population) if pop else None
            continue
        if (waiting is not None and _JOINED_FIGURE.match(sentence[waiting[1]:start])
                and _nearest_trigger(forward[0], last=False, population=waiting[4]) == category):
            found.append(_figure(*waiting, category))  # (not "Two rebels and 300 civilians were evacuated")
        waiting = None
        if holds_next:
            inner = i + 1
        found.append(_figure(start, end, m, q, population, category, upper))
    return found


def _range_upper(sentence: str, numbers: list[re.Match], i: int, hedge: re.Match | None) -> re.Match | None:
    """The upper bound when ``numbers[i]`` opens a range: "15,000 to 20,000", "300-400", "between 300
    and 400" ("and" only after "between"); not a change ("rose from 19 to 22") nor vague amounts."""
    if i + 1 >= len(numbers) or numbers[i]["vague"] or numbers[i + 1]["vague"]:
        return None
    join = _RANGE_JOIN.fullmatch(sentence, numbers[i].end(), numbers[i + 1].start())
    between = hedge is not None and _qualifiers()[1][hedge["q"].lower()][0] == RANGE_QUALIFIER
    if join is None or (join["and"] and not between) or (not join["and"] and between):
        return None
    if _CHANGE_FROM.search(sentence, 0, numbers[i].start()):
        return None
    return numbers[i + 1]


def _figure(start: int, end: int, number: re.Match, hedge: re.Match | None, population: str, category: str,
            upper: re.Match | None = None) -> Figure:
    """A figure with its value, qualifier and interval (see "Qualifier and interval"); a range
    ("between 300 and 400") is valued at its lower bound, with the upper one as ``high``."""
    value, vague_high = _number_value(number)
    if upper is not None:
        high, _ = _number_value(upper)
        if not (number["scale"] or number["attached"] or number["wlead"]) and (upper["scale"] or upper["attached"]):
            value *= high / _number_value_unscaled(upper)  # "between 1 and 2 million": the scale is shared
        return Figure(start, end, round(value), RANGE_QUALIFIER, value, high, category, population)
    qualifier, low_f, high_f = _qualifiers()[1][hedge["q"].lower()] if hedge else ("", 1.0, 1.0)
    if number["vague"] and not hedge:
        qualifier, low, high = number["vague"].lower(), value, vague_high
    else:
        low, high = value * low_f, value * high_f
    return Figure(start, end, round(value), qualifier, low, high, category, population)


class Source(NamedTuple):
    """Who a reporting frame credits: ``how`` is "alias" (an entity of ``entities.csv``; ``kind``
    is its kind; for a "name", "person" or "organisation" when known), "name" (a name the
    alias table lacks), "group", "institution" or "anaphor" (a pronoun or "the group": a
    source named before; ``name`` holds a body's noun, "airline", "council", or is empty)."""
    name: str
    how: str
    kind: str = ""


_ANAPHOR = Source("", "anaphor")  # refers back to a body or a group: "it", "they", "the monitor"
_PERSON_ANAPHOR = Source("", "anaphor", "person")  # refers back to a person: "he", "she", "the envoy"
_PERSONAL_PRONOUNS = frozenset({"he", "she"})
Token = tuple[str, int, int]  # a word and its offsets in the sentence


def _tokens(sentence: str, start: int, end: int) -> list[Token]:
    return [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(sentence, start, end)]


def _kinds(word: str) -> frozenset[str]:
    return knowledge.casualty_sources().get(word.lower().rstrip("."), frozenset())


def _ends_phrase(word: str) -> bool:
    low = word.lower()
    return low in _NP_STOPS or low in _number_words() or any(c.isdigit() for c in word)


def _is_body_word(word: str) -> bool:
    return bool(_kinds(word) & {"institution", "descriptor"})


def _joins_body_name(before: list[Token], word: str, after: list[Token]) -> bool:
    """Whether ``word`` is an "and" inside a body's capitalised name ("the Ministry of Migration
    and Displacement", "the Disaster and Emergency Management Authority"): capitalised words on
    both sides, one of them naming a body; ``before`` and ``after`` are the words either side, in
    text order."""
    if word != "and" or not before or not after or not _is_cap(before[-1][0]) or not _is_cap(after[0][0]):
        return False
    left = list(takewhile(lambda t: _is_cap(t[0]) or t[0] in ("of", "for"), reversed(before)))
    right = list(takewhile(lambda t: _is_cap(t[0]), after))
    return any(_is_body_word(t[0]) for t in left + right)


def _np_before(sentence: str, end: int) -> list[Token]:
    """The noun phrase that ends at ``end``: read back to a mark (comma, quotation mark ...),
    a conjunction, an auxiliary or a number, and to its determiner unless a preposition
    comes before that ("doctors at the field hospital")."""
    edge = _NP_EDGE.match(sentence, 0, end)
    tokens = _tokens(sentence, edge.end() if edge else 0, end)
    taken: list[Token] = []
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i][0]
        in_title = (word in _TITLE_VERBS and taken and _is_cap(taken[-1][0]) and i and _is_cap(tokens[i - 1][0]))
        if (_ends_phrase(word) and not in_title and not _joins_body_name(tokens[:i], word, taken[::-1])
                or len(taken) == NP_WORDS):
            break
        taken.append(tokens[i])
        if len(taken) == 1 and word.lower() in _frames().pronouns:
            break  # "told Reuters it had recorded": a pronoun is the whole phrase
        if word.lower() in _DETERMINERS and not (i and tokens[i - 1][0].lower() in _PREPOSITIONS):
            if i and (name := _name_across(sentence, tokens[i][1], tokens[0][1], end)) is not None:
                # "Save the Children estimates": a listed name with "the" inside it is one phrase
                taken += [t for t in tokens[:i][::-1] if t[1] >= name]
            break
    return taken[::-1]


def _name_across(sentence: str, at: int, start: int, end: int) -> int | None:
    """The start of an alias that runs across offset ``at`` (between ``start`` and ``end``), or None."""
    alias_re, _ = _authority_re()
    return next((h.start() for h in alias_re.finditer(sentence, start, end) if h.start() < at < h.end()), None)


def _np_after(sentence: str, start: int, *, whole: bool = False) -> list[Token]:
    """The noun phrase that starts at ``start`` (after fillers such as "on Tuesday"), to a mark,
    a conjunction or a number; none when it opens with a preposition, or, with ``whole``, when
    it is not all of its clause ('," said Omar Idlibi of the LCC.' but not "said the toll rose")."""
    lead = _frames().fillers_after.match(sentence, start)
    start = lead.end() if lead else start
    stop = _NP_END.search(sentence, start)
    stop = stop.start() if stop else len(sentence)
    taken: list[Token] = []
    tokens = _tokens(sentence, start, stop)
    for i, token in enumerate(tokens):
        if _ends_phrase(token[0]) and not _joins_body_name(taken, token[0], tokens[i + 1:]) or len(taken) == NP_WORDS:
            break
        if taken and _is_cap(taken[-1][0]) and re.fullmatch(r"[a-z]+ed", token[0]):
            break  # "a report by the Syrian Centre for Policy Research released last week": a participle
        taken.append(token)
    if not taken or taken[0][0].lower() in _PREPOSITIONS:
        return []
    return [] if whole and sentence[taken[-1][2]:stop].strip(" .!?") else taken


def _is_cap(word: str) -> bool:
    """A word that can be part of a name: capitalised ("Barazi", "UN", "al-Assad"), but not a
    capitalised modifier ending in a lower-case part ("UK-based", "Houthi-run")."""
    if re.match(r"(?:al|el)-[A-Z]", word):
        return True
    return word[:1].isupper() and not ("-" in word and word.rsplit("-", 1)[1].islower())


def _name_runs(tokens: list[Token]) -> list[tuple[int, int]]:
    """(first, last + 1) of each run of capitalised words: inner particles join a person's name
    ("Staffan de Mistura"), "of"/"for"/"the" join an organisation's ("Office for the ...")."""
    runs, i = [], 0
    while i < len(tokens):
        if not _is_cap(tokens[i][0]):
            i += 1
            continue
        j = i + 1
        while j < len(tokens):
            word = tokens[j][0]
            if _is_cap(word) and not tokens[j - 1][0].endswith(("'s", "’s")):
                j += 1
                continue
            k = j
            while k < len(tokens) and (tokens[k][0].lower() in (_NAME_LINKS | _ORG_LINKS) or tokens[k][0] in _TITLE_VERBS):
                k += 1
            links = {t[0].lower() for t in tokens[j:k]}
            after = k
            while after < len(tokens) and _is_cap(tokens[after][0]):
                after += 1
            # a body's name before its link ("Ministry of ..."), or after its "and" ("Disaster and
            # Emergency Management Authority"); not a person's before "of" ("Farid Hussein of the Observatory")
            org = (any(_kinds(t[0]) & {"institution", "descriptor", "anaphor"} for t in tokens[i:j])
                   or links == {"and"} and any(_is_body_word(t[0]) for t in tokens[k:after]))
            # a verb joins only a name that closes the phrase: "the group Raqqa is Being Slaughtered Silently"
            titled = links <= _TITLE_VERBS and all(_is_cap(t[0]) for t in tokens[k:])
            if k > j and k < len(tokens) and _is_cap(tokens[k][0]) and (links <= _NAME_LINKS or org or titled):
                j = k + 1
                continue
            break
        words = {t[0].lower() for t in tokens[i:j]}
        if not words <= _CALENDAR | knowledge.stopwords():  # "Tuesday", "We" are not names
            runs.append((i, j))
        i = j
    return runs


# a dateline before a sentence's first word: "IDLIB, Syria — ", "BEIRUT (Reuters) - "
_DATELINE = re.compile(r"^[A-Z][A-Z'’.\- ]*[A-Z](?:,\s+[A-Z][\w'’.\- ]*?)?(?:\s*\([^()]{1,40}\))?\s*[-—–]\s*$")


def _as_written(sentence: str, tokens: list[Token]) -> str:
    """The words of an unnamed group or body as written; a common noun that opens the sentence
    loses its capital ("Opposition groups said" -> "opposition groups"); a possessive country
    becomes its adjective ("Yemen's health ministry" -> "Yemeni health ministry")."""
    text = sentence[tokens[0][1]:tokens[-1][2]]
    country_re, adjectives = _countries()
    if country := country_re.match(text):
        return adjectives[country["country"]] + " " + text[country.end():]
    first = tokens[0][0]
    head = first.split("-")[0]  # "Houthi-run", "UK-based": the capital is the name's
    before = sentence[:tokens[0][1]]
    opens = not before.strip(" \"“‘'(") or bool(_DATELINE.match(before))
    possessive = first.endswith(("'s", "’s"))  # "Kobane's council": a name, whatever its place
    demonym = _DEMONYM.search(head) or head in _country_adjectives()
    if opens and first[:1].isupper() and not head.isupper() and not demonym and not possessive:
        text = text[0].lower() + text[1:]
    return text


def _placed(sentence: str, start: int, pp: list[Token], written: str) -> str:
    """A local body ("the city council") named with its place, when the phrase or the sentence
    gives one: "the city council of Donetsk", "In Donetsk, the city council" -> "Donetsk city
    council"."""
    if _is_cap(written.split()[0]):
        return written  # "Aleppo city council" names its place already
    place = ""
    if pp and sentence[:pp[0][1]].rstrip().endswith((" of", " in")) and all(_is_cap(t[0]) for t in pp):
        place = sentence[pp[0][1]:pp[-1][2]]
    elif (fronted := _FRONTED_PLACE.match(sentence[:start])) and fronted["place"].lower() not in _CALENDAR:
        place = fronted["place"]  # "In Idlib, the city council said"; not "In March, ..."
    return f"{place} {written}" if place else written


def _best_alias(hits: list[Source]) -> Source:
    """A person wins over the body in their title; else the last alias."""
    people = [h for h in hits if h.kind == "person"]
    return people[-1] if people else hits[-1]


def _source(sentence: str, tokens: list[Token]) -> Source | None:
    """Who a noun phrase names, by the rules of "Attribution" in the module docstring."""
    if not tokens:
        return None
    alias_re, rules = _authority_re()  # read with the determiner: "the Observatory" is an alias
    hits = [(h.start(), h.end(), Source(*rules[h.lastgroup][:1], "alias", rules[h.lastgroup][1]))
            for h in alias_re.finditer(sentence, tokens[0][1], tokens[-1][2])]
    det = ""
    while tokens and tokens[0][0].lower() in _DETERMINERS:
        det, tokens = tokens[0][0].lower(), tokens[1:]
    while len(tokens) > 2 and tokens[0][0].lower() in _PREPOSITIONS and tokens[1][0].lower() in _CALENDAR:
        tokens = tokens[2:]  # "On Monday Barazi said"
    if not tokens or tokens[0][0].lower() in _PREPOSITIONS:
        return None
    if len(tokens) == 1 and tokens[0][0].lower() in _frames().pronouns:
        return _PERSON_ANAPHOR if tokens[0][0].lower() in _PERSONAL_PRONOUNS else _ANAPHOR
    runs = _name_runs(tokens)

    def in_name(i: int) -> bool:
        return any(a <= i < b for a, b in runs) or any(s <= tokens[i][1] < e for s, e, _ in hits)

    # the phrase's own words end at its first preposition outside a name ("Omar Idlibi of ...")
    # (or at a participle after a source's noun: "an assessment released on Friday")
    p = next((i for i in range(1, len(tokens)) if not in_name(i) and (
        tokens[i][0].lower() in _PREPOSITIONS
        or re.fullmatch(r"[a-z]+ed", tokens[i][0]) and _kinds(tokens[i - 1][0]) & {"document", "group", "institution"})),
        len(tokens))
    own, pp = tokens[:p], tokens[p + 1:]
    k = len(own)  # words that say what kind of body a name is ("the Saba news agency")
    while k > 1 and "descriptor" in _kinds(own[k - 1][0]) and any(in_name(i) for i in range(k - 1)):
        k -= 1
    head, kinds = own[k - 1], _kinds(own[k - 1][0])
    own_hits = [src for s, e, src in hits if s < own[-1][2]]
    at_head = [src for s, e, src in hits if s < head[2] and head[1] < e]
    named = [a for a, b in runs if a < k]
    if at_head:
        return at_head[0]
    if ("document" in kinds and p + 2 < len(tokens) and re.fullmatch(r"[a-z]+ed", tokens[p][0])
            and tokens[p + 1][0].lower() == "by"):
        # "a video released by the group", "a statement issued by the ministry": who put it out
        # (an anaphor too, which the frame resolves)
        found = _source(sentence, tokens[p + 2:])
        if found is not None:
            return found
    if kinds & {"title", "document"} and pp and tokens[p][0].lower() in _PREPOSITIONS:
        # "a spokesman for the UN", "figures from the ministry"; "the head of operations of the Red
        # Crescent": the body a common noun's own phrase names
        found = _source(sentence, pp)
        if found is None and (pp_hits := [src for s, e, src in hits if s >= pp[0][1]]):
            found = _best_alias(pp_hits)
        if found is not None and found.how == "name" and _is_cap(head[0]) and "title" in kinds:
            # "UN High Commissioner for Refugees Filippo Grandi": a formal title, then the name
            found = Source(_after_title(sentence, _tokens(sentence, pp[0][1], pp[-1][2]), complement=True), "name")
        if found is not None and found.how != "anaphor":
            return found
    modified = k > 1 and "institution" in kinds  # "the interior ministry" is a body; "the ministry" refers back
    if det in ("the", "its", "their") and not own_hits and not named and kinds & {"anaphor", "title"} and not modified:
        # "the monitoring group", "the envoy"; "its director" and "the group's head" speak for a body
        body = "anaphor" in kinds or det != "the" or any(
            "anaphor" in _kinds(re.sub(r"['’]s$", "", t[0])) for t in own[:k - 1])
        # a body's anaphor keeps its noun: "the airline" refers back to "Malaysia Airlines"
        return Source(head[0].lower() if "anaphor" in kinds else "", "anaphor") if body else _PERSON_ANAPHOR
    unnamed_person = det in ("a", "an") and "title" in kinds  # "a Kurdish commander said"
    if (kinds & {"group", "institution"} or unnamed_person) and not any(a <= k - 1 < b for a, b in runs if b - a > 1):
        if own_hits:
            return _best_alias(own_hits)
        if "group" in kinds and pp and tokens[p][0].lower() in _MEMBERS_OF:
            # "rescue workers from the White Helmets", "doctors with MSF": the organisation they work for
            # (not a government or a place: "activists in Damascus" stay activists)
            body = [src for s, e, src in hits if s >= pp[0][1] and src.kind in ("organisation", "group")]
            if body and _source(sentence, pp) == body[-1]:
                return body[-1]
        written = _as_written(sentence, own[:k])
        if "institution" in kinds and any("local" in _kinds(t[0]) for t in own[:k]):
            written = _placed(sentence, own[0][1], pp, written)
        return Source(written, "institution" if "institution" in kinds else "group")
    if "document" in kinds:  # "UN figures", "Amnesty estimates", "the Observatory's count"
        if own_hits:
            return _best_alias(own_hits)
        found = _source(sentence, own[:k - 1])
        return found if found is not None and found.how in ("alias", "name") else None
    run = next(((a, b) for a, b in runs if a <= k - 1 < b), None)
    if run is not None:
        words = tokens[run[0]:run[1]]
        if any(_kinds(t[0]) & {"institution", "descriptor"} for t in words):
            # a body's name: an entity named in it stands for it ("Russian Foreign Ministry" -> Russia)
            return _best_alias(own_hits) if own_hits else Source(sentence[words[0][1]:words[-1][2]], "name")
        name = _after_title(sentence, words)  # "Health Minister Nizar Yazigi" -> Nizar Yazigi
        if name:  # a title before the name says it is a person's ("military spokesman Col. Ali Nasser")
            titled = any("title" in _kinds(t[0]) for t in own[:k - 1])
            return Source(name, "name", "person" if titled else "")
    return _best_alias(own_hits) if own_hits else None


def _after_title(sentence: str, words: list[Token], *, complement: bool = False) -> str:
    """A person's name without the titles before it, and without a possessive ending."""
    titles = [i for i, t in enumerate(words) if "title" in _kinds(t[0])]
    words = words[titles[-1] + 1:] if titles else words
    while words and not _is_cap(words[0][0]):
        words = words[1:]
    if complement and len(words) > 2 and not titles:
        words = words[1:]  # the rest of a title's complement: "for Syria Michael Ratney"
    return re.sub(r"['’]s$", "", sentence[words[0][1]:words[-1][2]]) if words else ""


def _own(tokens: list[Token]) -> list[Token]:
    """The words of a noun phrase before its first preposition."""
    return next((tokens[:i] for i in range(1, len(tokens)) if tokens[i][0].lower() in _PREPOSITIONS), tokens)


def _is_description(tokens: list[Token]) -> bool:
    """"the head of the Observatory", "an official with the civil defence", "head of the
    monitor": common nouns with a determiner, or a title, and no name of their own."""
    if not tokens:
        return False
    own = _own(tokens)
    described = tokens[0][0].lower() in _DETERMINERS or "title" in _kinds(own[-1][0])
    return described and not any(_is_cap(t[0]) for t in own)


def _subject(sentence: str, verb_start: int) -> Source | None:
    """The source before a reporting verb (see "Attribution" in the module docstring)."""
    pre = _frames().fillers_before.sub("", sentence[:verb_start])
    while (tail := _RELATIVE_TAIL.search(pre)) is not None:
        pre = pre[:tail.start()]
    end = len(pre.rstrip())
    closed = end > 0 and sentence[end - 1] == ","
    end = end - 1 if closed else end
    tokens = _np_before(sentence, end)
    found = _source(sentence, tokens)
    if closed and (found is None or found.how == "anaphor" or _is_description(tokens)):
        # an aside between commas: "Rami Abdel Rahman, the head of the Observatory, told AFP"
        edge = _NP_EDGE.match(sentence, 0, end)
        if edge and sentence[edge.end() - 1] == ",":
            before = _source(sentence, _np_before(sentence, edge.end() - 1))
            if before is not None and before.how == "name" and tokens and "title" in _kinds(_own(tokens)[-1][0]):
                before = before._replace(kind="person")  # "Rami Abdel Rahman, the director of ..."
            if before is not None and before.how in ("alias", "name"):
                return before
    return found


def _apposed(sentence: str, tokens: list[Token]) -> Source | None:
    """The person named in apposition after a description that ends at a comma: "according to the
    UN's Syria envoy, Staffan de Mistura, who ...", "said the governor of the province, Ali
    Hassan." (a named person wins over the body they speak for); else None."""
    if not tokens or "title" not in _kinds(_own(tokens)[-1][0]):
        return None  # "the monitoring group, the Observatory, ..." is not a person
    name = _APPOSED_NAME.match(sentence, tokens[-1][2])
    if name is None:
        return None
    words = _tokens(sentence, name.start("name"), name.end("name"))
    found = _source(sentence, words)
    if found is None or found.how not in ("alias", "name") or (found.how == "alias" and found.kind != "person"):
        return None
    return found._replace(kind="person")


def _frame_source(sentence: str, verb: re.Match) -> Source | None:
    """The source a reporting verb credits: its agent, its subject after it, or before it."""
    if agent := _AGENT.match(sentence, verb.end()):  # "the toll reported by the Observatory"
        return _source(sentence, _np_after(sentence, agent.end()))
    pre = sentence[:verb.start()].rstrip()
    if pre.endswith((",", '"', "”")) and verb.group() not in _ADDRESSED:
        # the verb opens its clause and its subject follows: '…," said Omar Idlibi of the LCC.'
        tokens = _np_after(sentence, verb.end())
        found = _apposed(sentence, tokens) or _source(sentence, _np_after(sentence, verb.end(), whole=True))
        if found is not None:
            return found
    return _subject(sentence, verb.start())


@knowledge.cached(maxsize=4096)
def _cited(sentence: str) -> tuple[tuple[int, Source], ...]:
    """(position, source) of every reporting frame of a sentence that names a source or
    refers back to one."""
    frames = _frames()
    cited = []
    for v in frames.verb.finditer(sentence):
        found = _frame_source(sentence, v)
        if found is not None:
            cited.append((v.start(), found))
    for a in frames.according.finditer(sentence):
        tokens = _np_after(sentence, a.end())
        found = _apposed(sentence, tokens) or _source(sentence, tokens)
        if found is not None:
            cited.append((a.start(), found))
    head = _HEADLINE_SOURCE.match(sentence)
    if head:  # a headline's "Activists: ..." credits what follows to a person, a body or a group
        found = _headline_source(sentence, head)
        if found is not None:
            cited.append((0, found))
    if not sentence.rstrip().endswith((".", "!", "?", '"', "”")) and (tail := _HEADLINE_TAIL.search(sentence)):
        found = _headline_source(sentence, tail)  # "... hit Damascus - SANA", "... — state TV"
        if found is not None:
            cited.append((tail.start(), found))
    return tuple(cited)


def _headline_source(sentence: str, match: re.Match) -> Source | None:
    """The source a headline names before its colon or after its closing dash: a person, a body
    or a group, not a place ("Damascus: 60 dead")."""
    tokens = _tokens(sentence, match.start("np"), match.end("np"))
    found = _source(sentence, tokens) if len(tokens) <= HEADLINE_WORDS else None
    if found is not None and (found.how == "group" or found.kind in ("person", "organisation", "group",
                                                                    "news agency")):
        return found
    return None


def _named(sentence: str, figures: tuple[tuple[int, int], ...] = (), end: int | None = None) -> list[Source]:
    """The entities a sentence names (before ``end``), outside the spans of its figures ("15
    rebels" counts people, it names no source) and not as who heard something ("told AFP")."""
    alias_re, rules = _authority_re()
    return [Source(*rules[h.lastgroup][:1], "alias", rules[h.lastgroup][1])
            for h in alias_re.finditer(sentence, 0, len(sentence) if end is None else end)
            if not any(a < h.end() and h.start() < b for a, b in figures)
            and not _TOLD.search(sentence, max(0, h.start() - 12), h.start())
            and not _modifies_thing(sentence, h)]


def _modifies_thing(sentence: str, hit: re.Match) -> bool:
    """An entity's adjective before a noun that names no source ("Russian strikes", "the Russian
    air campaign"): it says whose the thing is, it is nothing "it said" can refer to ("Russian
    officials" can)."""
    if not _DEMONYM.search(hit.group()) or not hit.group()[:1].isupper():
        return False
    words = []  # the lower-case words of its noun phrase, up to three
    for word in re.findall(r"\S+", sentence[hit.end():hit.end() + 60])[:3]:
        word = word.strip(",;:.!?\"”)")
        if not re.fullmatch(r"[a-z][\w-]*", word) or word in _NP_STOPS or word in _PREPOSITIONS:
            break
        words.append(word)
    return bool(words) and not any(_kinds(w) for w in words)


def _agrees(source: Source, anaphor: Source) -> bool:
    """Whether a source can be what an anaphor refers to: a person for "he", "she" or "the
    envoy", anything else for "it", "they" or "the group"; a name the tables lack, either."""
    if source.how != "alias" and not source.kind:
        return True
    return (source.kind == "person") == (anaphor.kind == "person")


def _attribute(sentence: str, position: int, previous: str,
               figures: tuple[tuple[int, int], ...] = ()) -> tuple[Source | None, str]:
    """(source, basis) for a figure at ``position`` of ``sentence`` whose figures span ``figures``."""
    frames = _cited(sentence)
    # a frame in another clause ("..., while Washington has said ...") is not the figure's
    cited = [(at, found) for at, found in frames if found.how != "anaphor"
             and (not _CLAUSE_JOIN.search(sentence, min(at, position), max(at, position))
                  and not (at > position and _RELATIVE.search(sentence, position, at))
                  or at > position and _closes(sentence, at, position))]
    if cited:
        return min(cited, key=lambda c: abs(c[0] - position))[1], "sentence"
    at, anaphor = next(((at, found) for at, found in frames if found.how == "anaphor"), (0, None))
    if anaphor is None:
        return None, ""
    here = _named(sentence, figures, at)
    if here:  # "The UN has registered 4 million refugees, it said": named before the pronoun
        here = [found for found in here if _agrees(found, anaphor)]
        return (here[-1], "sentence") if here else (None, "")
    if previous:  # a pronoun refers back: what the sentence names after it ("told AFP") is not it
        cited_before = [found for _, found in _cited(previous) if found.how != "anaphor" and _agrees(found, anaphor)]
        if cited_before:
            return cited_before[-1], "previous sentence"
        named = [found for found in _named(previous) if _agrees(found, anaphor)]
        if anaphor.kind == "person" and not named:  # "Abu Khaled described the scene. ... he said"
            named = _people(previous)
        if anaphor.name and not named:  # "A Malaysia Airlines jet crashed. ... the airline said"
            named = _bodies_called(previous, anaphor.name)
        if named:
            return named[-1], "previous sentence"
    return None, ""


def _closes(sentence: str, at: int, position: int) -> bool:
    """Whether the frame at ``at`` is a clause of its own at the end of the sentence that reports
    all of it ("A, while B, said Dr X."; "A, while B, the group said."), so that a ", while" between it
    and the figure at ``position`` does not separate them; ";" still does."""
    if ";" in sentence[position:at]:
        return False
    comma = sentence.rfind(",", position, at)
    if comma < 0 or not (_CLAUSE_JOIN.search(sentence, position, comma + 1) or _RELATIVE.search(sentence, position, comma)):
        return False
    subject = sentence[comma + 1:at]  # the words between the comma and the verb: the source's, no verb
    return (count_words(subject) <= NP_WORDS and not any(c.isdigit() for c in subject)
            and not _triggers()[0].search(subject) and not _CLAUSE_JOIN.search(sentence, at))


def _people(sentence: str) -> list[Source]:
    """The names of people the alias table lacks in a sentence: runs of two to four
    capitalised words, titles stripped, with no word of a body or a group in them."""
    alias_re, _ = _authority_re()
    taken = [h.span() for h in alias_re.finditer(sentence)]
    tokens = _tokens(sentence, 0, len(sentence))
    people = []
    for a, b in _name_runs(tokens):
        words = tokens[a:b]
        if any(_kinds(t[0]) & {"institution", "descriptor", "group", "anaphor"} for t in words):
            continue
        if any(s < words[-1][2] and words[0][1] < e for s, e in taken):
            continue
        name = _after_title(sentence, words)
        if 2 <= count_words(name) <= 4:
            people.append(Source(name, "name"))
    return people


def _bodies_called(sentence: str, noun: str) -> list[Source]:
    """The names of bodies in a sentence that end in ``noun`` (singular or plural, any case),
    from the first capitalised word to that noun: "the airline" -> "Malaysia Airlines" in "A
    Malaysia Airlines jet crashed"."""
    tokens = _tokens(sentence, 0, len(sentence))
    stem = noun.rstrip("s")
    bodies = []
    for a, b in _name_runs(tokens):
        ends = [i for i in range(a, b) if tokens[i][0].lower().rstrip("s") == stem]
        words = [t for t in tokens[a:ends[-1] + 1] if t[0].lower() not in knowledge.stopwords()] if ends else []
        if len(words) > 1:  # a name, not the noun alone ("Council")
            bodies.append(Source(sentence[words[0][1]:words[-1][2]], "name", "organisation"))
    return bodies


def _full_name(text: str, before: int, name: str) -> str:
    """A name the alias table lacks, written in full if the article did so before offset
    ``before`` (the sentence's start): "Barazi" after "Talal Barazi", "Abdel Rahman" after
    "Rami Abdel Rahman"."""
    if count_words(name) > 2:
        return name
    longer = None
    pattern = rf"(?<![\w'’.-])((?:(?:[A-Z][\w'’-]*|[A-Z]\.) ){{1,3}}){re.escape(name)}(?![\w'’-])"
    for longer in re.finditer(pattern, text[:before]):
        pass
    if longer is None:
        return name
    tokens = _tokens(longer.group(), 0, len(longer.group()))
    while tokens and not all(_is_cap(t[0]) for t in tokens):  # not "UK-based", "Kurdish-led"
        tokens = tokens[1:]
    titles = [i for i, t in enumerate(tokens) if "title" in _kinds(t[0])]
    tokens = tokens[titles[-1] + 1:] if titles else tokens
    words = {t[0].lower() for t in tokens}
    if len(tokens) <= count_words(name) or words & (knowledge.stopwords() | _CALENDAR):
        return name
    return longer.group()[tokens[0][1]:]


@knowledge.cached
def _scope_rules() -> Prefilter:
    """The rows of ``casualty_scope.csv`` as ((row, scope), pattern), each searched only in a
    clause that has the words its matches need."""
    return Prefilter([((row, r.scope), re.compile(r.pattern, re.IGNORECASE))
                      for row, r in enumerate(knowledge.casualty_scope().itertuples())])


# where a clause ends for the scope: a semicolon or colon, or a comma before a joined clause
_SCOPE_CLAUSE_END = re.compile(r"[;:]|,\s+(?:and|but|while|whereas)\b|\s(?:while|whereas)\b")
# an aside between commas ("the war, which the UN stopped counting last year, ..."): its cues are not the figure's
_SCOPE_ASIDE = re.compile(r",\s+(?:which|who)\b[^,;:]*,")
EVENT_REACH = 80  # characters at most between an event's cue and the figure it scopes


def _scope(sentence: str, start: int, end: int) -> str:
    """The scope of the figure at sentence[start:end], from the cues of ``casualty_scope.csv``
    in its clause, asides left out: an event's cue within ``EVENT_REACH`` characters of the
    figure makes it an event; otherwise the nearest war or period cue decides (the earlier
    row on a tie); empty when there is none."""
    breaks = list(_SCOPE_CLAUSE_END.finditer(sentence))
    first = max((m.end() for m in breaks if m.end() <= start), default=0)
    last = min((m.start() for m in breaks if m.start() >= end), default=len(sentence))
    clause = _SCOPE_ASIDE.sub(lambda m: " " * len(m.group()), sentence[first:last])
    s, e = start - first, end - first
    cues = sorted((max(m.start() - e, s - m.end(), 0), row, scope)
                  for (row, scope), pattern in _scope_rules().worth_searching(clause) for m in pattern.finditer(clause))
    if any(scope == "event" and gap <= EVENT_REACH for gap, _, scope in cues):
        return "event"
    return next((scope for _, _, scope in cues if scope != "event"), "")


def _since(sentence: str) -> str:
    m = _SINCE.search(sentence)
    if not m:
        return ""
    if m["month"]:
        return f"{m['year']}-{month_number(m['month']):02d}"
    return m["year"]


# ---------------------------------------------------------------- public API

def empty_figures() -> pd.DataFrame:
    """An empty figures table with the right columns and dtypes."""
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in COLUMNS.items()})


def casualty_figures(articles: pd.DataFrame, *, kinds: tuple[str, ...] = ("body",)) -> pd.DataFrame:
    """One row per casualty figure in the sentences of ``kinds`` (default: body).

    Columns: article_id, sentence_id, start, end (offsets into the article's text; the
    span runs from the hedge to the population word), surface, value, qualifier, low,
    high (NaN = open), category, population, attributed_to, attribution_basis, since
    (ISO "YYYY-MM" or "YYYY", empty when not stated), scope (war, period, event or
    empty: see the module doc) and sentence.
    """
    require(articles, ("article_id", "text"), "casualty_figures")
    # the standfirst is read as context: a source it names can be carried into the body
    sents = sentences(articles, kinds=tuple(dict.fromkeys([*kinds, "standfirst"])))
    texts = dict(zip(articles["article_id"], articles["text"]))
    rows = []
    previous_article, previous_text, last_category = None, "", ""
    for s in sents[["article_id", "sentence_id", "start", "text", "kind"]].itertuples(index=False):
        if s.article_id != previous_article:
            previous_text, last_category = "", ""
        previous = previous_text
        previous_article, previous_text = s.article_id, s.text
        if s.kind not in kinds:
            continue
        figures = _figures_in(s.text, last_category)
        if not figures:
            continue
        last_category = figures[-1].category
        since = _since(s.text)
        text = texts[s.article_id]
        spans = tuple((f.start, f.end) for f in figures)
        for f in figures:
            source, basis = _attribute(s.text, f.start, previous, spans)
            start, end = s.start + f.start, s.start + f.end
            authority = "" if source is None else source.name
            if source is not None and source.how == "name":
                authority = _full_name(text, s.start, authority)
            rows.append({"article_id": s.article_id, "sentence_id": s.sentence_id, "start": start,
                         "end": end, "surface": text[start:end], "value": f.value,
                         "qualifier": f.qualifier, "low": f.low, "high": f.high,
                         "category": f.category, "population": f.population,
                         "attributed_to": authority, "attribution_basis": basis,
                         "since": since, "scope": _scope(s.text, f.start, f.end), "sentence": s.text})
    if not rows:
        return empty_figures()
    table = pd.DataFrame.from_records(rows, columns=list(COLUMNS)).astype(COLUMNS)
    return table.sort_values(["article_id", "start"], ignore_index=True)


def interval_kind(figures: pd.DataFrame) -> pd.Series:
    """How the hedge bounds each figure: exact, open above, open below, upper bound,
    band or vague amount (a vague word with no other hedge)."""
    vague = figures["qualifier"].isin(set(_units()["vague"]))
    kind = np.select(
        [vague, figures["high"].isna(), figures["low"].isna(),
         figures["low"].eq(figures["high"]), figures["high"].eq(figures["value"].astype("float64"))],
        ["vague amount", "open above", "open below", "exact", "upper bound"], default="band")
    return pd.Series(kind, index=figures.index, dtype="string")


def plot_table(figures: pd.DataFrame, articles: pd.DataFrame, *, category: str = "killed",
               open_stub: float = 0.08) -> pd.DataFrame:
    """The figures of one category with what a chart of value against date needs.

    Adds outlet, published, ``slot`` (figures published on the same day are numbered
    around 0, in outlet and text order, for a chart to set their marks a few pixels apart
    without moving them off their day), ``interval``, ``cited`` ("nobody cited" when
    empty) and ``low_drawn``/``high_drawn``: an open side is drawn as a stub of
    ``open_stub`` times the largest value of the category, the same length wherever it
    stands, so that it reads as "no bound stated", never as a measured bound.
    """
    require(articles, ("article_id", "outlet", "published"), "plot_table")
    table = figures[figures["category"] == category].merge(
        articles[["article_id", "outlet", "published"]], on="article_id")
    outlet = table["outlet"].astype("string").fillna(table["article_id"])
    ordered = table.assign(_o=outlet).sort_values(["published", "_o", "start"])
    same_day = ordered.groupby("published", dropna=False)
    slot = same_day.cumcount() - (same_day["start"].transform("size") - 1) / 2
    value = table["value"].astype("float64")
    stub = open_stub * (table["high"].fillna(value).max() if len(table) else 0.0)
    return table.assign(
        slot=slot.reindex(table.index).astype("float64"),
        interval=interval_kind(table),
        cited=table["attributed_to"].replace("", "nobody cited"),
        low_drawn=table["low"].fillna((value - stub).clip(lower=0.0)),
        high_drawn=table["high"].fillna(value + stub),
    )


SERIES_COLUMNS = ["series", "outlet", "article_id", "start", "end", "published", "slot", "value", "qualifier",
                  "interval", "low_drawn", "high_drawn", "cited", "label", "surface", "period", "scope", "evidence"]


def toll_series(figures: pd.DataFrame, articles: pd.DataFrame, *, category: str = "killed",
                scopes: tuple[str, ...] | None = None, open_stub: float = 0.08) -> pd.DataFrame:
    """The outlets' figures of one category and the reference figures of that category
    (``data/reference_tolls.csv``) in one tidy table for a chart of value against date.

    ``series`` is "outlet" or "reference"; for a reference row ``outlet`` is its source,
    ``published`` its announcement date, ``evidence`` its citation, ``slot`` 0 and no
    ``start``/``end``; for an outlet row ``start``/``end`` locate ``surface`` in the article's
    text, ``evidence`` is the sentence and ``period`` the stated start ("since 2011-03").
    ``scopes`` keeps only the outlets' figures of those scopes (``("war", "")``: the tolls
    not said to count one event or a period, comparable with the reference tolls, which count
    the whole war); ``scope`` is "war" for a reference.
    """
    require(articles, ("article_id", "outlet", "published"), "toll_series")
    if scopes is not None:
        figures = figures[figures["scope"].isin(scopes)]
    own = plot_table(figures, articles, category=category, open_stub=open_stub)
    own = own.assign(series="outlet", outlet=own["outlet"].astype("string"),
                     period=("since " + own["since"]).where(own["since"] != "", ""),
                     label=own["surface"], evidence=own["sentence"])
    ref = reference_tolls()
    ref = ref[ref["category"] == category]
    value = ref["value"].astype("float64")
    stated = (ref["qualifier"] + " " + ref["value"].map("{:,}".format).astype("string")).str.strip()
    ref = ref.assign(series="reference", outlet=ref["source"], article_id="", start=pd.NA, end=pd.NA,
                     published=ref["date"],
                     slot=0.0, interval="reference", low_drawn=value, high_drawn=value, scope="war",
                     cited=ref["authority"], evidence=ref["citation"],
                     surface=stated, label=ref["authority"] + ": " + stated)
    table = pd.concat([own[SERIES_COLUMNS], ref[SERIES_COLUMNS]], ignore_index=True)
    types = {c: "string" for c in SERIES_COLUMNS}
    types.update({"start": "Int64", "end": "Int64", "published": "datetime64[ns]", "slot": "float64",
                  "value": "Int64", "low_drawn": "float64", "high_drawn": "float64"})
    return table.astype(types).sort_values(["series", "published", "outlet"], ignore_index=True)


def citations(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """How often each outlet credits each authority: outlet, category, cited ("nobody
    cited" when empty), figures and the surfaces as evidence."""
    require(articles, ("article_id", "outlet"), "citations")
    table = figures.merge(articles[["article_id", "outlet"]], on="article_id")
    table = table.assign(cited=table["attributed_to"].replace("", "nobody cited"))
    return (table.groupby(["outlet", "category", "cited"], observed=True, as_index=False)
            .agg(figures=("surface", "size"), surfaces=("surface", "; ".join)))


COMPARISON_COLUMNS = {
    "article_id": "string", "outlet": "string", "published": "datetime64[ns]", "start": "int64", "end": "int64",
    "surface": "string", "value": "int64", "attributed_to": "string", "scope": "string", "basis": "string",
    "reference_source": "string", "reference_date": "datetime64[ns]", "reference_value": "Int64",
    "difference": "float64", "within": "boolean", "sentence": "string",
}


def reference_comparison(figures: pd.DataFrame, articles: pd.DataFrame, *, category: str = "killed",
                         tolerance: float = 0.10, scopes: tuple[str, ...] = ("war", "")) -> pd.DataFrame:
    """Each figure of ``category`` beside the reference figure it is compared with
    (``data/reference_tolls.csv``), and whether it lies within ``tolerance`` of it.

    A reference is a candidate when it counts the same category, was announced on or before
    the story's day, and its ``place`` is named in the article ("Syria"): a toll of another war
    is compared with nothing. ``basis`` says which candidate: ``same source`` (the latest
    figure of the authority the toll is credited to, by its name or a name in ``cited_as``:
    the UN human rights office's count is cited as "the UN"), ``nearest reference`` (for a
    toll credited to nobody or to a source without a reference: the candidate closest in
    value, so "within" then means only that some authority had published a figure like it),
    ``vague amount`` ("hundreds": not compared), ``not a war toll`` (a figure whose ``scope``
    is not in ``scopes``, by default one attack's toll or a period's: the reference tolls
    count the whole war, so it is not compared; a figure whose clause states no scope is
    compared, as most war tolls in the news are printed without one) or ``no reference``.
    ``difference`` is value / reference - 1.
    """
    require(articles, ("article_id", "text", "outlet", "published"), "reference_comparison")
    own = figures[figures["category"] == category].merge(
        articles[["article_id", "outlet", "published", "text"]], on="article_id")
    ref = reference_tolls()
    ref = ref[ref["category"] == category].sort_values(["date", "source"], kind="stable")
    vague = set(interval_kind(own)[interval_kind(own) == "vague amount"].index)
    rows = []
    for i, f in own.iterrows():
        names = ref["place"].map(lambda p: re.search(rf"(?<!\w){re.escape(p)}(?!\w)", f["text"]) is not None)
        cands = ref[names & (ref["date"] <= f["published"])] if pd.notna(f["published"]) else ref.iloc[0:0]
        credited = cands[[f["attributed_to"] in (authority, *cited.split(";"))
                          for authority, cited in zip(cands["authority"], cands["cited_as"])]]
        if i in vague:
            basis, match = "vague amount", None
        elif f["scope"] not in scopes:
            basis, match = "not a war toll", None
        elif f["attributed_to"] and not credited.empty:
            basis, match = "same source", credited.iloc[-1]
        elif not cands.empty:
            nearest = (cands["value"] - f["value"]).abs().astype("int64").reset_index(drop=True).idxmin()
            basis, match = "nearest reference", cands.iloc[nearest]
        else:
            basis, match = "no reference", None
        difference = None if match is None else f["value"] / match["value"] - 1
        rows.append({"article_id": f["article_id"], "outlet": f["outlet"], "published": f["published"],
                     "start": f["start"], "end": f["end"], "surface": f["surface"], "value": f["value"],
                     "attributed_to": f["attributed_to"], "scope": f["scope"], "basis": basis,
                     "reference_source": None if match is None else match["source"],
                     "reference_date": None if match is None else match["date"],
                     "reference_value": None if match is None else match["value"],
                     "difference": difference,
                     "within": None if difference is None else abs(difference) <= tolerance,
                     "sentence": f["sentence"]})
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in COMPARISON_COLUMNS.items()})
    return pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS)).astype(COMPARISON_COLUMNS)
