"""Quotations and their speakers: each rule on a short literal text, then the seeds (the gold is scored in test_evaluate)."""
import pandas as pd
import pytest

import analysis
from analysis import quotes

# a headline, then a two-sentence paragraph, so the paragraph under test is body (not a standfirst)
HEAD = "A headline about talks\n\nThe talks in Brunei lasted many hours. More talks are planned for the autumn.\n\n"


@pytest.fixture
def load(write_corpus):
    def run(body: str, headline: str = HEAD) -> pd.DataFrame:
        folder = write_corpus({"a.txt": headline + body}, metadata="file,outlet\na.txt,Outlet\n")
        return analysis.load_articles(folder)

    return run


def direct(articles):
    return quotes.quotations(articles, quote_kinds=("direct",))


@pytest.mark.parametrize("body, quote, speaker", [
    # straight and curly marks; the span is the words between the marks
    ('"We narrowed down the options," Mr Kerry told reporters.', "We narrowed down the options,", "John Kerry"),
    ("“We narrowed down the options,” Mr Kerry told reporters.", "We narrowed down the options,", "John Kerry"),
    # a curly opening mark closed by a straight one (sites mix them)
    ("Kerry added, “I would express hope.\"", "I would express hope.", "John Kerry"),
    # inverted attribution
    ('"Talks will resume," said Lavrov.', "Talks will resume,", "Sergei Lavrov"),
    # attribution before the quote, with an appositive between speaker and verb
    ("Kerry, speaking after talks in Brunei, said “we both agree” on the plan.", "we both agree", "John Kerry"),
    # partial quote inside a sentence, speaker before a time adverbial
    ("Kerry said Tuesday that a “military victory per se” was not the way.", "military victory per se", "John Kerry"),
    # the speaker nearest the verb, not the sentence's first name
    ("Snowden withdrew his bid after President Vladimir Putin said that “he must stop his work”.",
     "he must stop his work", "Vladimir Putin"),
    # according to
    ("The summit sent a “very strong message” to the North, according to foreign minister Yun Byung-se.",
     "very strong message", "Yun Byung-se"),
    # a one-word quotation with a reporting verb in the sentence is direct speech
    ('Kerry had kind words, telling the press he was "pleased" with the start.', "pleased", "John Kerry"),
    # role description resolves through the actors table
    ('"We must act now," the US secretary of state said.', "We must act now,", "John Kerry"),
    # "Mr Ban" resolves to Ban Ki-moon
    ('"Act now," Mr Ban said.', "Act now,", "Ban Ki-moon"),
])
def test_direct_quote_and_speaker(load, body, quote, speaker):
    q = direct(load(body))
    assert list(q["surface"]) == [quote]
    assert q.loc[0, "speaker"] == speaker


def test_pronoun_resolves_to_last_person_who_spoke(load):
    # Lavrov is named after Kerry spoke, but "he" is the last speaker, Kerry
    arts = load("Kerry said on Monday that he and Lavrov agreed on a plan.\n\n"
                "“It may be somewhere thereafter,” he said.")
    q = direct(arts)
    assert q.loc[0, "speaker"] == "John Kerry" and q.loc[0, "speaker_surface"] == "he"
    assert q.loc[0, "affiliation"] == "US"


def test_pronoun_before_anyone_spoke_is_the_last_person_named(load):
    q = direct(load("Lavrov arrived in Brunei on Monday.\n\n“We are ready,” he said."))
    assert q.loc[0, "speaker"] == "Sergei Lavrov" and q.loc[0, "affiliation"] == "Russia"


def test_quote_split_around_attribution_shares_quote_id(load):
    q = direct(load('"The people want peace," Mr Ban said. "I call on all those with influence to act."'))
    assert list(q["surface"]) == ["The people want peace,", "I call on all those with influence to act."]
    assert q["quote_id"].nunique() == 1 and set(q["speaker"]) == {"Ban Ki-moon"}


def test_quote_running_over_paragraphs(load):
    arts = load('"We will meet again in August and we will talk about everything,\n\n'
                '"and we hope the talks bring peace," Kerry said.')
    q = direct(arts)
    assert len(q) == 2 and q["quote_id"].nunique() == 1
    assert set(q["speaker"]) == {"John Kerry"}


def test_standalone_quote_paragraph_continues_previous_speaker(load):
    arts = load("“All of us are united,” Kerry told a news conference.\n\n“China made it clear to me.”")
    q = direct(arts)
    assert list(q["speaker"]) == ["John Kerry", "John Kerry"]


def test_scare_quote_without_speaker(load):
    arts = load('The so-called "moderate" rebels advanced on the city.')
    q = quotes.quotations(arts)
    assert list(q["quote_kind"]) == ["scare"] and q.loc[0, "surface"] == "moderate" and pd.isna(q.loc[0, "speaker"])


def test_headline_quotes_are_not_read(load):
    arts = load("The talks went on.", headline="US and Russia 'making progress' on Syria\n\nThe talks lasted hours. More are planned.\n\n")
    assert quotes.quotations(arts).empty


@pytest.mark.parametrize("body", ["Syria’s chemical arsenal is large.", "I can't say it's over."])
def test_apostrophes_are_not_quote_marks(load, body):
    assert quotes.quotations(load(body)).empty


def test_single_curly_quotes_count(load):
    q = direct(load("Kerry said the talks were ‘making progress’ in Brunei."))
    assert list(q["surface"]) == ["making progress"] and q.loc[0, "speaker"] == "John Kerry"


@pytest.mark.parametrize("body, content, speaker", [
    ("Kerry said that he and Lavrov shared the same view of the conference.",
     "he and Lavrov shared the same view of the conference", "John Kerry"),
    ("The meeting in Geneva might not take place until August, Kerry added.",
     "The meeting in Geneva might not take place until August", "John Kerry"),
    ("The Philippines told the gathering that China was building up its forces.",
     "China was building up its forces", "Philippines"),
    ("According to the UN Security Council, the facilities must be dismantled by November.",
     "the facilities must be dismantled by November", "UN Security Council"),
])
def test_reported_speech(load, body, content, speaker):
    q = quotes.quotations(load(body), quote_kinds=("reported",))
    assert list(q["surface"]) == [content] and q.loc[0, "speaker"] == speaker


def test_joint_speakers(load):
    q = quotes.quotations(load("Mr Kerry and Mr Lavrov said they wanted the UN to organise the conference."))
    assert q.loc[0, "speaker"] == "John Kerry and Sergei Lavrov" and q.loc[0, "affiliation"] == "joint"


def test_unknown_name_keeps_its_surface(load):
    q = direct(load('"We will not attend," Ahmed Jarrah told reporters.'))
    assert q.loc[0, "speaker"] == "Ahmed Jarrah" and q.loc[0, "affiliation"] == "unknown"


def test_offsets_are_evidence(seeds):
    q = quotes.quotations(seeds)
    texts = seeds.set_index("article_id")["text"]
    assert all(texts[r.article_id][r.start:r.end] == r.surface for r in q.itertuples())
    assert all(r.surface in r.sentence or r.sentence in texts[r.article_id][r.start - 400:r.end + 400]
               for r in q.itertuples())


def test_empty_input_has_columns_and_types(seeds):
    q = quotes.quotations(seeds.head(0))
    assert list(q.columns) == quotes.COLUMNS and q["start"].dtype == "int64" and len(q) == 0


def test_quote_share_and_voices(seeds):
    share = quotes.quote_share(seeds)
    assert ((share["quote_share"] > 0) & (share["quote_share"] < 1)).all()
    v = quotes.voices(seeds)
    bbc = v[v["outlet"] == "BBC News"].set_index("affiliation")["quotations"]
    assert bbc["UN"] > bbc["US"]  # Ban Ki-moon is quoted more often than Kerry in the BBC story


# ---------------------------------------------------------------- speakers in the article's context

def speakers_of(q: pd.DataFrame) -> list:
    return [None if pd.isna(s) else s for s in q["speaker"]]


@pytest.mark.parametrize("body, speakers", [
    # a surname of someone named in full earlier, though no table lists them
    ('Defence analyst Tomas Brandt expected delays. "Nobody is ready," Brandt said.', ["Tomas Brandt"]),
    # one word of a full-name alias of the table, with no alias of its own
    ('"The vote was clear," Hammond told the Commons.', ["Philip Hammond"]),
    # a word two listed people share names neither of them
    ('"We will see," Faisal said.', ["Faisal"]),
    # a spelling that no alias row lists: the same consonant skeleton, one person
    ('"Our delegation stays," Moalem said.', ["Walid al-Muallem"]),
    # ... but a skeleton is not a name's first letter away from another
    ('"The roads are cut," Ibrahim said.', ["Ibrahim"]),
    # an honorific, a title and a rank are not part of the name
    ('"We are leaving," Mr Haddad said.', ["Haddad"]),
    ('"Water is running out," Provincial Governor Samir Khalil told reporters.', ["Samir Khalil"]),
    ('"Hold your fire," said the rebel commander, Colonel Adnan Saleh.', ["Adnan Saleh"]),
    # a full stop after a name ends the sentence, not the name
    ('"Talks will go on," said Kamal Rahimi.', ["Kamal Rahimi"]),
])
def test_names(load, body, speakers):
    assert speakers_of(direct(load(body))) == speakers


def test_a_dotted_acronym_is_read_whole_in_a_speaker(load):
    q = direct(load('U.S. Ambassador Robert Ford said that "the door is closing".'))
    assert q.loc[0, "speaker"] == "Robert Ford" and q.loc[0, "speaker_surface"] == "U.S. Ambassador Robert Ford"


def test_a_title_gives_an_unknown_person_an_affiliation(load):
    q = direct(load('"We are stretched thin," UN spokesman Jens Laerke told reporters.'))
    assert q.loc[0, "speaker"] == "Jens Laerke" and q.loc[0, "affiliation"] == "UN"


@pytest.mark.parametrize("body, speakers", [
    # a definite description: the person named before it with that role ("mediator" = envoy)
    ('Staffan de Mistura met both delegations. "Time is short," the mediator said.', ["Staffan de Mistura"]),
    # no role fits: the latest person of the affiliation the description names
    ('Kerry and Lavrov spoke by phone. "We agreed to meet," the top Russian diplomat said.', ["Sergei Lavrov"]),
    # a role given by an appositive earlier in the article
    ('"Convoys are ready," said Jens Laerke, a spokesman for the aid office. '
     '"They need a green light," the spokesman added.', ["Jens Laerke", "Jens Laerke"]),
    # the owner of a spokesman is not the spokesman
    ("Kerry's spokesman said the talks were \"productive\".", ["Kerry's spokesman"]),
    # an indefinite description, and the definite one that takes it up, stand for the body
    ('A senior Russian official met reporters. "There will be no deal," the official said.', ["Russia"]),
    # an organisation's description is kept as written
    ('The foreign ministry, in a statement, said the raid was "illegal".', ["foreign ministry"]),
    # an appositive name wins over the description before it
    ('The government\'s man at the talks, Bashar al-Jaafari, said "nothing has changed".', ["Bashar al-Jaafari"]),
])
def test_descriptions(load, body, speakers):
    assert speakers_of(direct(load(body))) == speakers


@pytest.mark.parametrize("body, speakers", [
    # the first person named in the sentence before, not the last
    ('Lavrov spoke after Kerry had left. "We will keep talking," he said.', ["Sergei Lavrov"]),
    # back over a sentence that names nobody
    ('Zakharova faced questions on Thursday. Reporters pressed hard. "Nothing was hidden," she said.',
     ["Maria Zakharova"]),
    # the person who spoke in the sentence before wins over a person named in it
    ('Kerry said the deal with Lavrov would hold.\n\n"It is a start," he said.', ["John Kerry"]),
])
def test_pronouns_name_the_person_in_focus(load, body, speakers):
    assert speakers_of(direct(load(body))) == speakers


@pytest.mark.parametrize("body, speakers", [
    # the next sentence is only an attribution
    ('"Why now?" Lavrov asked.', ["Sergei Lavrov"]),
    # the next sentence names the speaker beside a noun of speech
    ('"The answer is no." That was the reply of the Russian foreign minister.', ["Sergei Lavrov"]),
    # a colon after the subject of the clause
    ('Brahimi was blunt: "Nobody is serious yet."', ["Lakhdar Brahimi"]),
    # a sentence that is only a quotation: the person the story is about
    ('Lavrov landed in Geneva late. Talks started at once. "We have no time to lose."', ["Sergei Lavrov"]),
    # not the previous speaker when a sentence between turns to someone else
    ('"We hope so," Kerry said. Lavrov shook his head. "It will not happen this month."',
     ["John Kerry", "Sergei Lavrov"]),
    # a quotation continued over paragraphs after reported speech
    ('Kerry said the plan needed a week of calm. "If the fighting stops, we move on.\n\n"If not, we will know why."',
     ["John Kerry", "John Kerry"]),
])
def test_attribution_beyond_the_sentence(load, body, speakers):
    assert speakers_of(direct(load(body))) == speakers


@pytest.mark.parametrize("body, speaker", [
    ('Churkin described the draft as "unbalanced".', "Vitaly Churkin"),
    ('Damascus blamed "armed gangs" for the blast.', "Syrian government"),
])
def test_characterising_verbs_attribute_a_partial_quotation(load, body, speaker):
    assert speakers_of(direct(load(body))) == [speaker]


def test_characterising_verbs_report_no_speech(load):
    assert quotes.quotations(load("Kerry called the offer serious and worth a close study."),
                             quote_kinds=("reported",)).empty


@pytest.mark.parametrize("body", [
    'Lavrov said the "Friends of Syria" meeting was useless.',  # a quoted name
    'Kerry said the so-called "moderate" groups had left.',  # after "so-called"
])
def test_labels_are_scare_quotes_even_beside_a_speaker(load, body):
    assert list(quotes.quotations(load(body), quote_kinds=("direct", "scare"))["quote_kind"]) == ["scare"]


def test_a_credit_after_an_attribution_only_relays_it(load):
    q = quotes.quotations(load("Kerry said the two sides had agreed on a plan, the news agency reported."),
                          quote_kinds=("reported",))
    assert speakers_of(q) == ["John Kerry"]


@pytest.mark.parametrize("body, speakers", [
    # a dash and a name after the quotation, no verb
    ('"Aid must reach Madaya." — UN Secretary-General Ban Ki-moon, in a statement.', ["Ban Ki-moon"]),
    # a place after a preposition is not the subject of the verb after it
    ('"A truce in name only," is how one resident of Homs described it.', [None]),
    # a title inside the run of capitals makes the name a person's, so "she" can name her
    ('Turkish Deputy Prime Minister Numan Kurtulmus was blunt about it. "This must end," he said.', ["Numan Kurtulmus"]),
    # a given name that several listed people share: the one the article named
    ('SECRETARY KERRY: Thank you all.\n\nFOREIGN MINISTER LAVROV: As John said, "we worked late," and I agree.',
     ["John Kerry"]),
])
def test_more_attributions(load, body, speakers):
    assert speakers_of(direct(load(body))) == speakers


@pytest.mark.parametrize("phrase, name", [
    ("UN Secretary General Ban Ki-moon", "Ban Ki-moon"),  # the person wins over the office
    ("UN Secretary General Antonio Guterres", "Antonio Guterres"),  # a name wins over the office's holder
    ("Provincial Governor Samir Khalil", "Samir Khalil"),
    ("Walid Mouallim", "Walid al-Muallem"),  # the same skeleton, word for word
])
def test_resolve_speaker_out_of_context(phrase, name):
    assert quotes.resolve_speaker(phrase)[0] == name


# ---------------------------------------------------------------- round 2: offices, states, subjects

@pytest.fixture
def load_on(write_corpus):
    """A one-article corpus published on ``day`` (offices are dated by it)."""
    def run(body: str, day: str) -> pd.DataFrame:
        folder = write_corpus({"a.txt": HEAD + body}, metadata=f"file,outlet,published\na.txt,Outlet,{day}\n")
        return analysis.load_articles(folder)

    return run


@pytest.mark.parametrize("phrase, day, name", [
    # one office, two holders: the one in office on the publication day
    ("the UN refugee chief", "2014-05-02", "Antonio Guterres"),
    ("the UN refugee chief", "2016-05-02", "Filippo Grandi"),
    ("UN human rights chief", "2013-05-02", "Navi Pillay"),
    ("UN human rights chief", "2016-05-02", "Zeid Ra'ad al-Hussein"),
    ("the US secretary of state", "2012-05-02", "Hillary Clinton"),
    ("the US secretary of state", "2014-05-02", "John Kerry"),
    ("the State Department spokeswoman", "2014-05-02", "Jen Psaki"),
    # the portfolio tells the body's offices of one title apart; a complement may carry it
    ("the UN-Arab League envoy for Syria", "2013-05-02", "Lakhdar Brahimi"),
    ("the UN special envoy for Syria", "2015-05-02", "Staffan de Mistura"),
    ("the UN envoy for Yemen", "2016-05-02", "Ismail Ould Cheikh Ahmed"),
    ("Russia's ambassador to the United Nations", "2015-05-02", "Vitaly Churkin"),
    # the owner in the possessive is the body; a body after the title is the portfolio, unless after "of"
    ("Syria's UN envoy", "2016-05-02", "Bashar al-Jaafari"),
    ("the UN's Syria envoy", "2016-05-02", "Staffan de Mistura"),
    ("the foreign minister of Syria", "2016-05-02", "Walid al-Muallem"),
    ("the UN's new human rights chief", "2014-10-02", "Zeid Ra'ad al-Hussein"),
    # a state's adjective names its government as the office's body
    ("the Syrian president", "2015-05-02", "Bashar al-Assad"),
    ("the Russian president", "2010-05-02", "Dmitry Medvedev"),
    # a bare title, when nobody in the story fits it
    ("The Secretary-General", "2017-05-02", "Antonio Guterres"),
    # no holder: a former or deputy holder, a word no portfolio has, an office the table lacks
    ("the former UN chief", "2016-05-02", "United Nations"),
    ("the UN deputy envoy for Syria", "2016-05-02", "United Nations"),
    ("the UN nuclear chief", "2016-05-02", "United Nations"),
    # without a date an office alias names the person aliases.csv gives it
    ("UN human rights chief", None, "Navi Pillay"),
])
def test_offices_are_dated_by_publication(phrase, day, name):
    assert quotes.resolve_speaker(phrase, day)[0] == name


def test_a_holder_the_entities_do_not_list_takes_the_body_affiliation():
    assert quotes.resolve_speaker("the UN refugee chief", "2017-03-01")[:2] == ("Filippo Grandi", "UN")


@pytest.mark.parametrize("body, day, speakers", [
    # the story wins over a bare title: another body's secretary-general named before
    ('Arab League chief Nabil Elaraby arrived late. "We are worried," the Secretary-General said.', "2014-02-03",
     ["Nabil Elaraby"]),
    ('The Secretary-General told the council the convoys were "not enough".', "2015-06-01", ["Ban Ki-moon"]),
    # a description of an office names its holder before anyone the story fits
    ('Guterres spoke first. "Borders must stay open," the UN refugee chief said.', "2016-06-01", ["Filippo Grandi"]),
    # an office without its portfolio: the one whose portfolio the article names elsewhere
    ('Delegations from Damascus and the Syrian opposition waited. "Patience," the UN envoy said.', "2016-03-10",
     ["Staffan de Mistura"]),
    ('The Yemeni delegations waited in Kuwait. "Patience," the UN envoy said.', "2016-05-10",
     ["Ismail Ould Cheikh Ahmed"]),
    ('Talks on Yemen stalled as Syria burned. "Patience," the UN envoy said.', "2016-05-10", ["United Nations"]),
    # an office alias read as a mention of its holder on the day, for a pronoun after it
    ('The UN human rights chief toured the camp. "Nobody should live like this," he said.', "2016-06-01",
     ["Zeid Ra'ad al-Hussein"]),
])
def test_offices_in_an_article(load_on, body, day, speakers):
    assert speakers_of(direct(load_on(body, day))) == speakers


@pytest.mark.parametrize("body, speaker, affiliation", [
    # a state's organ or official speaks for its government
    ('The Iranian foreign ministry called the strike "a crime".', "Iran", "other"),
    ('A Jordanian official said the crossing would stay "closed until further notice".', "Jordan", "other"),
    ("Syria's foreign ministry said the raid was \"an act of aggression\".", "Syrian government", "Syrian government"),
    # ... not every person of that nationality does
    ('A Syrian doctor in Douma said the wards were "overflowing".', "Syrian doctor", "unknown"),
])
def test_states_speak_through_their_organs(load, body, speaker, affiliation):
    q = direct(load(body))
    assert (q.loc[0, "speaker"], q.loc[0, "affiliation"]) == (speaker, affiliation)


@pytest.mark.parametrize("body, speakers", [
    # a possessive is never the subject of the verb after it ("Washington's claims")
    ("Lavrov dismissed Washington's claims of progress as \"wishful thinking\".", ["Sergei Lavrov"]),
    # a description in apposition before a name, then "he" for that name
    ('France\'s envoy, Jean Dupont, listened in silence. "Nothing has changed," he said.', ["Jean Dupont"]),
    # a participle of speech takes the subject of its clause, an appositive name first
    ("Russia's envoy to the talks, Alexei Borodin, ended the day by telling reporters the mood was "
     '"businesslike".', ["Alexei Borodin"]),
    # a news agency named in the sentence is the channel, not the speaker; a place between speaker and verb
    ('"The ceasefire is holding," a militia leader in Deraa told AFP.', ["militia leader"]),
    # a colon after a subject that follows an adverbial without a comma
    ('During the session Lavrov leaned forward: "Let us be clear about this."', ["Sergei Lavrov"]),
    # the next sentence attributes with a characterising verb and a description
    ('"Too little, too late." That is how an Arab diplomat described the offer.', ["Arab diplomat"]),
    # a post on Twitter is speech
    ('"The corridor is open," the Red Cross tweeted on Friday.', ["International Committee of the Red Cross"]),
    # a deputy is not the minister
    ('Lavrov and his deputy, Gennady Gatilov, flew in. "We are ready," the deputy foreign minister said.',
     ["Gennady Gatilov"]),
    # a description ending in its title's complement
    ('UN envoy Bernardino Leon met both sides. "We are close," the UN envoy for Libya said.', ["Bernardino Leon"]),
])
def test_subjects_and_appositions(load, body, speakers):
    assert speakers_of(direct(load(body))) == speakers


def test_a_pronoun_in_a_transcript_turn_is_not_the_speaker_of_the_turn(load_on):
    arts = load_on("MR. KIRBY: The Secretary talked to the foreign minister today. "
                   'He told him that "time is short".', "2016-02-10")
    q = direct(arts)
    assert speakers_of(q) == ["John Kerry"]


def test_a_place_before_a_description_is_not_part_of_the_subject(load_on):
    q = direct(load_on('At a press conference in Vienna the UN chief was blunt: "Enough is enough."', "2015-11-14"))
    assert speakers_of(q) == ["Ban Ki-moon"]


def test_office_tables_are_well_formed():
    offices = analysis.knowledge.offices()
    holders = analysis.knowledge.office_holders()
    assert offices["office"].is_unique
    for office, rows in holders.groupby("office"):
        periods = sorted(zip(rows["start"], rows["end"].replace("", "9999-12-31")))
        # one holder at a time: a period starts on or after the day the one before it ends
        assert all(later[0] >= earlier[1] for earlier, later in zip(periods, periods[1:])), office


@pytest.mark.parametrize("name, rows, message", [
    ("offices.csv", "office,body,titles,portfolio,bare,note\nX,Atlantis,envoy,,,\n", "Atlantis"),
    ("offices.csv", "office,body,titles,portfolio,bare,note\nX,United Nations,wizard,,,\n", "wizard"),
    ("office_holders.csv", "office,holder,start,end,note\nUN envoy for Syria,Jane Doe,2016,2017,\n", "Jane Doe"),
    ("office_holders.csv", "office,holder,start,end,note\nUN envoy for Syria,Jane Doe,2016-05-01,2015-01-01,\n",
     "Jane Doe"),
    ("speaker_cues.csv", "word,kind,sense,note\nSyrian,nationality,Syrian government,\n", "nationality"),
])
def test_bad_knowledge_rows_are_named(monkeypatch, tmp_path, name, rows, message):
    (tmp_path / name).write_text(rows, encoding="utf-8")
    real = analysis.knowledge.data_file
    monkeypatch.setattr(analysis.knowledge, "data_file", lambda n: tmp_path / n if n == name else real(n))
    analysis.knowledge.reload()
    try:
        with pytest.raises(ValueError, match=message):
            {"offices.csv": analysis.knowledge.offices, "office_holders.csv": analysis.knowledge.office_holders,
             "speaker_cues.csv": analysis.knowledge.speaker_cues}[name]()
    finally:
        monkeypatch.undo()
        analysis.knowledge.reload()


def test_he_with_nobody_before_it_in_the_body_is_the_person_the_standfirst_names(load):
    # a one-sentence first paragraph under the headline is a standfirst, not body: its names
    # are read only when the body names nobody before "he"
    arts = load('Sergei Lavrov left the meeting in a sombre mood.\n\n'
                '"Nobody here wants the fighting to go on," he said after the session.',
                headline="A headline about talks\n\n")
    q = direct(arts)
    assert speakers_of(q) == ["Sergei Lavrov"]
    # a body sentence naming someone still wins
    arts = load('Sergei Lavrov left the meeting in a sombre mood.\n\n'
                'Staffan de Mistura stayed on. "Nobody here wants the fighting to go on," he said.',
                headline="A headline about talks\n\n")
    assert speakers_of(direct(arts)) == ["Staffan de Mistura"]


def test_he_after_an_unnamed_spokesman_is_the_body_he_speaks_for(load):
    arts = load('A Kremlin spokesman said the offer of talks still stood. '
                '"Our door remains open to anyone serious," he told the news conference.')
    assert speakers_of(direct(arts)) == ["Russia"]
    # a person named after the spokesman is the one "he" names
    arts = load('A Kremlin spokesman said the offer of talks still stood. Sergei Lavrov was more guarded. '
                '"Our door remains open to anyone serious," he told the news conference.')
    assert speakers_of(direct(arts)) == ["Sergei Lavrov"]


def test_an_unnamed_spokesman_speaks_for_the_body_that_spoke_just_before(load):
    arts = load('The Kremlin said its jets would keep flying over Idlib. '
                '"The operation has a clear purpose and a clear end," a spokesman said.')
    assert speakers_of(direct(arts)) == ["Russia"]
    # not when a person spoke in between
    arts = load('The Kremlin said its jets would keep flying over Idlib. Kerry said that was a mistake. '
                '"The operation has a clear purpose and a clear end," a spokesman said.')
    assert speakers_of(direct(arts)) != ["Russia"]


def test_a_senior_administration_official_is_the_us_government(load):
    q = direct(load('"Nobody in this building expects a quick deal," a senior administration official said.'))
    assert speakers_of(q) == ["United States"]


def test_a_quotation_resumed_after_an_attribution_with_an_appositive_keeps_its_speaker(load):
    q = direct(load('"Our men will hold the ridge," said Omar Haddad, a commander in the Free Syrian Army\'s '
                    'southern brigade, "whatever the jets throw at it."'))
    assert speakers_of(q) == ["Omar Haddad", "Omar Haddad"]
    assert q["quote_id"].nunique() == 1


def test_a_quoted_document_title_is_not_a_quotation(load):
    q = quotes.quotations(load('The ministers signed a short text titled "Joint Declaration on the Future of the '
                               'Northern Corridor", which Kerry said was a start.'))
    assert list(q.loc[q["quote_kind"] == "direct", "surface"]) == []
    assert list(q.loc[q["quote_kind"] == "scare", "surface"]) == ["Joint Declaration on the Future of the Northern Corridor"]
    # a quotation in ordinary case is still someone's words
    q = direct(load('Kerry said the text was "a start on the road to a settlement", no more.'))
    assert speakers_of(q) == ["John Kerry"]


def test_the_quoted_words_of_a_demand_are_the_subjects(load):
    q = direct(load('The Security Council demanded that both armies "stand down at once" before any vote on aid.'))
    assert speakers_of(q) == ["UN Security Council"]


@pytest.mark.parametrize("body, speaker, surface", [
    # "the statement said" after the quotation: whoever spoke in the sentence that introduced it
    ("Russia's defence ministry said in a statement that the jets had returned to base. "
     '"All crews are safe and accounted for," the statement added.', "Russia", "Russia's defence ministry"),
    # before the quotation, with the statement introduced by the subject of "issued"
    ('The Kremlin issued a short statement on Sunday. The statement said the strikes had "achieved every aim".',
     "Russia", "The Kremlin"),
    # a sentence that is only a quotation, right after a sentence that names a statement
    ('The Syrian army command issued a statement shortly before dusk. "All units will hold their fire from '
     'midnight until further orders."', "Syrian government", "The Syrian army"),
])
def test_a_statement_speaks_for_its_author(load, body, speaker, surface):
    q = direct(load(body))
    assert speakers_of(q) == [speaker]
    assert q.loc[0, "speaker_surface"] == surface


def test_a_quotation_followed_by_a_speech_noun_and_a_body_is_the_bodys(load):
    q = direct(load('"Not one more village will be given up." That was the pledge the Russian defence ministry '
                    'gave on its own channel late on Friday.'))
    assert speakers_of(q) == ["Russia"]


def test_you_in_a_reporters_turn_is_the_briefer_who_answers(load):
    q = direct(load('QUESTION: Last week you called the plan "a dead end for everyone". Do you still think so?\n\n'
                    'MR. KIRBY: I think the plan has problems, yes.'))
    assert speakers_of(q) == ["John Kirby"]
    # outside a reporter's turn "you" is not read as a speaker
    q = direct(load('Kerry told the students: "You said it would be easy, and you were wrong."'))
    assert speakers_of(q) == ["John Kerry"]


@pytest.mark.parametrize("body, speakers", [
    # "it" after the quotation: the body that spoke last
    ('The Kremlin said its jets would keep flying. "The operation has a clear aim," it said.', ["Russia"]),
    # "It" opening a sentence is no name: the body too
    ('The State Department said the convoy was expected. It added that Moscow had been told of the route '
     'and called the strike "a grave breach".', ["United States"]),
    # with no body before it, "it" names nobody
    ('"The operation has a clear aim," it said.', [None]),
])
def test_it_said_is_the_body_that_spoke_last(load, body, speakers):
    assert speakers_of(direct(load(body))) == speakers


def test_she_after_a_spokeswoman_for_a_body_is_that_body(load):
    arts = load('A spokeswoman for the UN refugee agency said the camps near the border were full. '
                '"We cannot take in more families this month," she told reporters.')
    assert speakers_of(direct(arts)) == ["UNHCR"]


@pytest.mark.parametrize("body, speakers", [
    # "they" after a body's officials
    ('Russian officials said the jets had struck only fighters. "We have the footage to show it," they said.',
     ["Russia"]),
    # after two people who spoke together
    ('Kerry and Lavrov said the truce would hold. "We are both committed to it," they said.',
     ["John Kerry and Sergei Lavrov"]),
    # the opposition's negotiators at talks speak for the opposition
    ('Opposition negotiators said they would stay one more day. "We want a date for the next round," they said.',
     ["Syrian opposition"]),
    # with nobody plural before it, "they" names nobody
    ('Kerry said the truce would hold. "We are both committed to it," they said.', [None]),
])
def test_they_is_the_latest_who_spoke_as_several(load, body, speakers):
    assert speakers_of(direct(load(body))) == speakers


def test_rebel_commanders_speak_for_the_opposition(load):
    body = '"We are not leaving the old city," rebel commanders told a news agency by telephone.'
    assert speakers_of(direct(load(body))) == ["Syrian opposition"]


def test_officials_of_no_listed_body_are_kept_whole(load):
    q = quotes.quotations(load('Western officials said the text was weak and would change nothing on the ground.'))
    assert list(q["speaker"]) == ["Western officials"]


@pytest.mark.parametrize("body, speakers", [
    # "the group", "the agency": the organisation or agency that spoke last
    ('The Syrian Observatory for Human Rights reported heavy shelling overnight. '
     '"Dozens of shells fell on the old city," the group said.', ["Syrian Observatory for Human Rights"]),
    ('SANA said rebels had shelled a school in the north. "Terrorists targeted children," the agency said.',
     ["SANA"]),
    # not a government: "the army" is not the State Department that spoke before it
    ('The State Department said the truce was over. "We have started the offensive," the army said.', ["army"]),
])
def test_a_bare_body_description_is_the_organisation_that_spoke_last(load, body, speakers):
    assert speakers_of(direct(load(body))) == speakers


def test_a_title_in_the_first_paragraph_names_the_standfirst_person_who_holds_it(load):
    arts = load('Maria Zakharova brushed aside a report of strikes on a clinic.\n\n'
                '"We have seen nothing to support it," the spokeswoman told a briefing.',
                headline="A headline about talks\n\n")
    assert speakers_of(direct(arts)) == ["Maria Zakharova"]
    # a title she does not hold is not hers
    arts = load('Maria Zakharova brushed aside a report of strikes on a clinic.\n\n'
                '"We have seen nothing to support it," the general told a briefing.',
                headline="A headline about talks\n\n")
    assert speakers_of(direct(arts)) != ["Maria Zakharova"]


def test_the_standfirst_is_read_for_he_only_in_the_first_body_paragraph(load):
    arts = load('Sergei Lavrov left the meeting in a sombre mood.\n\n'
                'The talks in the hotel ran late into the night.\n\n'
                '"Nobody here wants the fighting to go on," he said after the session.',
                headline="A headline about talks\n\n")
    assert speakers_of(direct(arts)) == [None]


@pytest.mark.parametrize("body, speaker", [
    ('"The border was crossed eleven times," Turkish officials said.', "Turkey"),
    ('"The draft changes nothing on the ground," Western diplomats said.', "Western diplomats"),
    ('"We have the pictures to prove it," Kremlin officials said.', "Russia"),
])
def test_officials_after_a_state_or_body_speak_for_it(load, body, speaker):
    assert speakers_of(direct(load(body))) == [speaker]


def test_officials_after_a_persons_name_are_not_an_attribution(load):
    q = quotes.quotations(load('Kerry officials said the text was weak and would change nothing on the ground.'))
    assert q.empty


def test_a_spokesman_qualified_as_another_sides_is_not_the_body_that_spoke_before(load):
    arts = load('The Kremlin said its strikes were precise. "They hit a bakery and a school," a rebel spokesman said.')
    assert speakers_of(direct(arts)) != ["Russia"]
    arts = load('The Kremlin said its strikes were precise. "They hit only fighters," a senior official said.')
    assert speakers_of(direct(arts)) == ["Russia"]
