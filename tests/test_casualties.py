"""Casualty figures: each rule on short literal texts, then the seeds (the gold is scored in test_evaluate)."""
from __future__ import annotations

import math

import pandas as pd
import pytest

import analysis
from analysis import casualties, knowledge, paths

LEAD = "Talks on Syria\n\nThe ministers met on Tuesday. They spoke for an hour.\n\n"


@pytest.fixture
def figures_of(write_corpus):
    """Figures of one body paragraph (after a headline and a first body paragraph)."""

    def run(paragraph: str, before: str = "") -> pd.DataFrame:
        text = LEAD + (before + "\n\n" if before else "") + paragraph + "\n"
        folder = write_corpus({"a.txt": text}, "file,outlet,published\na.txt,Test,2013-07-02\n")
        return casualties.casualty_figures(analysis.load_articles(folder))

    return run


def one(table: pd.DataFrame) -> pd.Series:
    assert len(table) == 1, table[["surface", "value", "category"]]
    return table.iloc[0]


@pytest.mark.parametrize("text, value", [
    ("More than 93,000 people have been killed.", 93000),
    ("Some 1.5 million people have fled.", 1500000),
    ("About 1.5m people have fled.", 1500000),
    ("Two million people have fled.", 2000000),
    ("A dozen people were killed.", 12),
    ("Twenty-five people were killed.", 25),
    ("Half a million people have fled.", 500000),
    ("At least 15 people were killed.", 15),
    ("The attack killed 2000 people.", 2000),
    ("A quarter of a million people have fled.", 250000),
])
def test_numbers_are_valued(figures_of, text, value):
    assert one(figures_of(text))["value"] == value


@pytest.mark.parametrize("text, value, qualifier, high", [
    ("Dozens of people were killed.", 12, "dozens", 100),
    ("Hundreds of civilians were killed.", 100, "hundreds", 1000),
    ("Thousands of people have fled.", 1000, "thousands", 10000),
    ("Tens of thousands of people have been killed.", 10000, "tens of thousands", 100000),
    ("Hundreds of thousands of people have fled.", 100000, "hundreds of thousands", 1000000),
    ("Millions of people have fled.", 1000000, "millions", 10000000),
])
def test_vague_amounts_take_the_acled_floor(figures_of, text, value, qualifier, high):
    row = one(figures_of(text))
    assert (row["value"], row["qualifier"], row["low"], row["high"]) == (value, qualifier, value, high)


@pytest.mark.parametrize("text", [
    "Inspectors found 1,000 tons of poisonous gases that killed people.",
    "20 inspectors arrived last week.",
    "The summit brought together 26 countries.",
    "The 10-member group met.",
    "Kerry finished a 12-day tour.",
    "The war killed people over two years.",
    "The resolution was passed on September 27 after people were killed.",
    "The communique issued on 30 June 2012 mourned the dead.",
    "In 2012 people were killed.",
    "A 5-year-old boy was killed.",
    "No one was killed.",
    "The war has cost $5 million lives in aid.",
    "Volunteers have saved more than 5,000 lives since the war began.",
    "Around 2,000 soldiers crossed into Lebanon overnight.",
    "The convoy evacuated 40 fighters and their weapons.",
    "A team of 12 monitors crossed into Syria on Monday.",
    "The 15 member states of the council voted on the text.",
    # arrivals of troops are not displacement; a hospital is not where the displaced arrive
    "Some 1,200 troops arrived in the region on Monday.",
    "The 17 delegations set off for Geneva on Monday.",
    # a forecast is not a figure
    "Aid agencies expect the toll to climb to 300 by the weekend.",
    # an age after a group of people is no count
    "Boys over 15 were taken away for questioning.",
])
def test_numbers_that_are_not_casualties_are_left_out(figures_of, text):
    assert figures_of(text).empty


@pytest.mark.parametrize("text, category, population", [
    ("More than 93,000 people have been killed.", "killed", "people"),
    ("A conflict that has claimed about 100,000 lives.", "killed", "lives"),
    ("An attack that killed hundreds of civilians.", "killed", "civilians"),
    ("The death toll had surpassed 100,000 people.", "killed", "people"),
    ("The death toll rose to 5,000 on Monday.", "killed", ""),
    ("Some 300 people were wounded.", "wounded", "people"),
    ("There are 2 million Syrian refugees.", "displaced", "refugees"),
    ("The shelling killed at least 15 and wounded 40.", "killed", ""),
    ("At least 30 dead were counted.", "killed", "dead"),
    ("Police arrested 200 protesters.", "detained", "protesters"),
    ("Shells hit the market, injuring 22 people.", "wounded", "people"),
    ("Three million Syrians have become refugees.", "displaced", "Syrians"),
    ("Some 12,000 Yazidis crossed into Iraq on Sunday.", "displaced", "Yazidis"),
    ("Around 900 people were evacuated from the old city.", "displaced", "people"),
    ("About 40 families took refuge in a school.", "displaced", "families"),
    ("Five journalists were taken hostage.", "detained", "journalists"),
    ("Up to 600 women are being held by the militia.", "detained", "women"),
    ("At least 30 people are still unaccounted for.", "missing", "people"),
    ("Ten fishermen have been missing since the storm.", "missing", "fishermen"),
    ("A quarter of a million people live under siege.", "besieged", "people"),
    ("The blast caused 25 casualties.", "casualties", "casualties"),
    ("The casualty toll reached 64 by nightfall.", "casualties", ""),
    ("The number of dead in the village rose to 31.", "killed", ""),
    ("The toll from Thursday's twin car bombings near the central market rose to 58.", "killed", ""),
    ("The count of registered refugees in Jordan passed 600,000.", "displaced", ""),
    ("Thousands of people gathered at the crossing, fleeing the bombardment.", "displaced", "people"),
    ("Fourteen nurses and doctors were hurt in the raid.", "wounded", "nurses"),
    ("About 6 million Syrians – more than a quarter of the population – have fled their homes.", "displaced",
     "Syrians"),
    ("Gunmen killed four soldiers and wounded 9 others.", "killed", "soldiers"),
    ("Some 6.3 million are internally displaced.", "displaced", ""),
    ("Seven members of the same family were killed in the raid.", "killed", "members"),
    ("Police found 17 bodies near the river.", "killed", "bodies"),
    ("Security forces rounded up more than 150 young men.", "detained", "men"),
    ("Two aid workers were seized by gunmen near the dam.", "detained", "workers"),
    ("Roughly 50 people were killed or wounded in the blast.", "casualties", "people"),
    ("The shelling claimed the lives of 14 civilians.", "killed", "civilians"),
    # what happened, as data (casualty_categories.csv), and who is counted (casualty_populations.csv)
    ("Nine migrants drowned when their dinghy capsized.", "killed", "migrants"),
    ("About 2,500 people are stranded at the border crossing.", "besieged", "people"),
    ("Clinics received 500 patients showing symptoms of gas exposure.", "wounded", "patients"),
    ("Around 3,000 had arrived on the island by Sunday.", "displaced", ""),
    ("Twenty-three servicemen were killed in the ambush.", "killed", "soldiers"),
    ("Roughly 900 asylum seekers have crossed into Hungary.", "displaced", "migrants"),
    ("The militia abducted 40 Kurdish border guards.", "detained", "guards"),
    # a bare number after the noun that says what happened to it ("another" in between)
    ("Rescuers recovered the bodies of a further 12 near the dam.", "killed", ""),
    # the noun that governs the figure comes before a participle after it
    ("A video showed the killing of 21 prisoners captured near the dam.", "killed", "prisoners"),
    # a population word joined by "and" does not end the search for the verb
    ("Hundreds of residents and their children began leaving the town under the truce.", "displaced", "residents"),
    # a participle after a partitive that refers to the people counted
    ("About 5,000 people stayed in the camp, most of them trapped by the fighting.", "besieged", "people"),
    # "who" before the verb of a bare number
    ("The fighting displaced a village, and dozens who fled were stopped.", "displaced", ""),
    ("Police confirmed the arrest of 20 activists in the capital.", "detained", "activists"),
    ("Buses began the evacuation of 300 civilians from the old city.", "displaced", "civilians"),
])
def test_category_and_population(figures_of, text, category, population):
    row = one(figures_of(text).head(1))
    assert (row["category"], row["population"]) == (category, population)


def test_each_figure_takes_the_verb_of_its_own_clause(figures_of):
    table = figures_of("More than 93,000 people have been killed and 1.5 million people have fled.")
    assert list(table["category"]) == ["killed", "displaced"]
    table = figures_of("The shelling killed at least 15 and wounded 40.")
    assert list(table["category"]) == ["killed", "wounded"]


def test_a_group_with_its_age_is_one_figure(figures_of):
    row = one(figures_of("Nearly 90 children under ten died in the raids on the camp."))
    assert (row["surface"], row["value"], row["category"]) == ("Nearly 90 children", 90, "killed")


def test_the_verb_after_an_aside_counts(figures_of):
    table = figures_of("Kerry said 1,429 people, including 426 children, died in the attack.")
    assert list(table["value"]) == [1429, 426] and set(table["category"]) == {"killed"}


@pytest.mark.parametrize("text, values, category", [
    ("The bombing killed 40 people, including 11 children, medics said.", [40, 11], "killed"),
    ("The raid wounded 30 people, among them eight women.", [30, 8], "wounded"),
    ("The strikes killed 19 civilians, including 6 women and 4 children.", [19, 6, 4], "killed"),
    ("The strike killed 20 people and 300 troops arrived later.", [20], "killed"),
    # the verb after an aside that follows a short phrase completing the noun
    ("Twelve members of a single household, among them five women, died in the strike.", [12, 5], "killed"),
    ("All 224 passengers aboard, including 25 children, were killed.", [224, 25], "killed"),
    # "N of them": a partitive sub-count
    ("At least 9 people, four of them children, were killed in the market.", [9, 4], "killed"),
    # a sub-count at the end of the figure's clause
    ("An estimated 40,000 people are trapped in the old city, among them some 15,000 children.", [40000, 15000],
     "besieged"),
    ("Officials said 20 people died, among them three of the mayor's guards.", [20, 3], "killed"),
    # "one of the ..." singles a person out: not a count
    ("The strike killed 14 people, among them one of the town's two surgeons.", [14], "killed"),
    # a number inside the figure's own noun phrase is not a figure
    ("The blast killed 15 people from two villages near Hama.", [15], "killed"),
    ("Relatives said 30 men from three villages were abducted.", [30], "detained"),
    # two figures joined by "and" share the verb that follows them
    ("Twenty-three servicemen and 4 civilians were killed.", [23, 4], "killed"),
    ("Two rebels and 300 civilians were evacuated from the town.", [300], "displaced"),  # not_for holds
])
def test_a_sub_count_shares_the_category_of_its_figure(figures_of, text, values, category):
    table = figures_of(text)
    assert list(table["value"]) == values and set(table["category"]) == {category}


def test_a_verb_after_a_comma_and_a_conjunction_belongs_to_the_next_clause(figures_of):
    table = figures_of("At least 9 people, four of them children, were killed, and 30 were wounded.")
    assert list(table["value"]) == [9, 4, 30]
    assert list(table["category"]) == ["killed", "killed", "wounded"]


def test_the_figure_of_the_sentence_before_lends_its_category(figures_of):
    table = figures_of("The insurgents put the figure at 90.", before="The army said 40 soldiers were captured.")
    assert list(table["category"]) == ["detained", "detained"]
    assert table["attributed_to"].iloc[-1] == "insurgents"
    # "the estimate" with a number that counts a noun of its own is not a figure
    assert len(figures_of("The estimate covers 14 provinces.", before="The UN put the death toll at 250.")) == 1
    # nor is a forecast of it
    table = figures_of("The UN expects the number to reach 3 million by December.",
                       before="Two million people have fled.")
    assert list(table["value"]) == [2000000]


def test_a_crowd_with_nothing_happening_to_it_is_not_a_figure(figures_of):
    assert figures_of("About 5,000 people attended the rally.").empty


@pytest.mark.parametrize("text, qualifier, low, high", [
    ("More than 100 people were killed.", "more than", 100, math.nan),
    ("Over 100 people were killed.", "over", 100, math.nan),
    ("The toll had surpassed 100 people killed.", "surpassed", 100, math.nan),
    ("At least 100 people were killed.", "at least", 100, math.nan),
    ("Nearly 100 people were killed.", "nearly", 90, 100),
    ("About 100 people were killed.", "about", 90, 110),
    ("An estimated 100 people were killed.", "estimated", 90, 110),
    ("Up to 100 people were killed.", "up to", math.nan, 100),
    ("100 people were killed.", "", 100, 100),
])
def test_qualifier_and_interval(figures_of, text, qualifier, low, high):
    row = one(figures_of(text))
    assert row["qualifier"] == qualifier
    for got, want in ((row["low"], low), (row["high"], high)):
        assert (math.isnan(got) and math.isnan(want)) or got == pytest.approx(want)


@pytest.mark.parametrize("text, authority", [
    ("The UN says more than 93,000 people have been killed.", "United Nations"),
    ("The United Nations says 93,000 people have been killed.", "United Nations"),
    ("A conflict that has claimed about 100,000 lives.", ""),
    ("United Nations Special Envoy for Syria Staffan de Mistura estimates that over 400,000 people have been killed.",
     "Staffan de Mistura"),
    ("The Security Council stated its belief that an attack killed hundreds of civilians.", "UN Security Council"),
    ("The Syrian Observatory for Human Rights, which relies on a network of activists, said the death toll "
     "had surpassed 100,000 people.", "Syrian Observatory for Human Rights"),
    ("More than 100 people were killed, activists said.", "activists"),
    ("According to the UN refugee agency, 2 million people have fled.", "UNHCR"),
    ("Kerry said more than 100 people were killed.", "John Kerry"),  # any entity of the alias table can be a source
    ("Moscow backs the regime in a war that has claimed 100,000 lives, while Washington has said it will help.", ""),
    ("The United States and the UN agree that more than 100 people were killed in Homs.", ""),
    ("UN inspectors heard reports that more than 100 people were killed.", ""),
    ("Ahmed Jarrah said more than 100 people were killed.", "Ahmed Jarrah"),
    # people the alias table lacks: the name without its title
    ("Nine people died in the blast, provincial police chief Ahmed Karim said.", "Ahmed Karim"),
    ("According to deputy governor Hassan Ali, 40 people were killed.", "Hassan Ali"),
    ("Eight people were killed, Health Minister Adel Omar said.", "Adel Omar"),
    ("UN aid chief Jan Eliasson said 100 people died.", "Jan Eliasson"),
    # a named person wins over the body they speak for
    ("At least 12 people were killed, Farid Hussein of the Syrian Observatory told Reuters.", "Farid Hussein"),
    ("Leila Nasser, the head of the Aleppo health directorate, said 22 people died.", "Leila Nasser"),
    ("At least 15 people were killed, Ahmed Saleh, a spokesman for the local council, told reporters.",
     "Ahmed Saleh"),
    ('"More than 200 people were arrested," said Lina Haddad of the Damascus Centre for Human Rights.',
     "Lina Haddad"),
    # bodies by their name, without the words that say what kind of body they are
    ("The Kurdish Red Crescent said 60 people were wounded.", "Kurdish Red Crescent"),
    ("Some 80 people were killed, the charity Syria Relief said.", "Syria Relief"),
    ("Sixty people were killed, the Anadolu news agency reported.", "Anadolu"),
    ("The Russian defence ministry said 45 militants were killed.", "Russia"),
    ("More than 50 people were killed, a spokesman for the UN refugee agency said.", "UNHCR"),
    # unnamed groups and bodies as written, a common noun that opens the sentence in lower case
    ("At least 70 people died, the Homs health directorate said.", "Homs health directorate"),
    ("At least 20 people were killed, the interior ministry said.", "interior ministry"),
    ("Hundreds of families have fled, aid groups say.", "aid groups"),
    ("Medics said 14 people were wounded.", "medics"),
    ("Relatives say 11 men have been missing since March.", "relatives"),
    ("Syrian officials said 30 soldiers were killed.", "Syrian officials"),
    ("Dozens were wounded, doctors at a field clinic said.", "doctors"),
    ("Up to 600 women are being held by the militia, a Kurdish commander said.", "Kurdish commander"),
    ("Some 7,000 women are held in government prisons, a rights group said.", "rights group"),
    ("Nine people died, Khalil Omar, an official with the local council, told reporters.", "Khalil Omar"),
    ("Twenty people died, Samir Aziz, head of the rescue team, told AFP.", "Samir Aziz"),
    # other frames: an agent after "by", a toll verb, a headline's colon
    ("The death toll reported by the Syrian Observatory rose to 34.", "Syrian Observatory for Human Rights"),
    ("The Syrian Observatory raised its toll to 43.", "Syrian Observatory for Human Rights"),
    ("Activists: 60 dead in air strikes on the old city", "activists"),
    ("Damascus: 60 dead in air strikes on the old city", ""),  # a place before a colon is not a source
    ("Footage showed dozens of people killed in the square.", ""),
    ("More than 90 people have died this week, according to the Observatory's count.",
     "Syrian Observatory for Human Rights"),
    ("UN Special Envoy for Yemen Karl Moen said 300 people died.", "Karl Moen"),
    ("UN Special Envoy for Libya Anna de Vries estimates that 300 people died.", "Anna de Vries"),
    ("The UN cares for 4 million refugees in the region, it said.", "United Nations"),  # named before "it"
    ("Kerry met officials as 100 people were killed, it said.", ""),  # "it" is not Kerry
    # a pronoun is the whole subject ("told Reuters it had recorded"): who heard it is not the source
    ("Rami Abdel Rahman told Reuters it had recorded 120 deaths.", "Rami Abdel Rahman"),
    ("The UN told Reuters it had registered 4 million refugees.", "United Nations"),
    # a possessive country becomes an adjective in an unnamed body's name, as in "Syria's health ministry"
    ("Iraq's interior ministry said 25 policemen were killed.", "Iraqi interior ministry"),
    ("Lebanon's army said 12 soldiers were wounded.", "Lebanese army"),
    ("The Kenyan coast guard said 19 fishermen were missing.", "Kenyan coast guard"),
    # an opening word keeps the capital of the name it is made from ("Houthi-run"), not a common noun's
    ("Houthi-run health authorities said 40 people were killed.", "Houthi-run health authorities"),
    ("UK-based monitors said 16 civilians were killed.", "UK-based monitors"),
    # a body's name with "and" inside it, not in the entity table
    ("About 9,000 people fled, the Ministry of Refugees and Returnees said.", "Ministry of Refugees and Returnees"),
    ("About 9,000 people fled, according to the Relief and Rescue Authority.", "Relief and Rescue Authority"),
    ("About 9,000 people fled, Jordan and Lebanon said.", "Lebanon"),  # two countries stay two
    ("Dutch investigators said 298 people were killed.", "Dutch investigators"),  # a country's adjective
    ("French intelligence put the toll at no fewer than 300 dead.", "French intelligence"),
    ("Opposition-run media said 23 people were killed.", "opposition-run media"),
    # a local body takes the place the phrase or the sentence gives it
    ("The provincial council of Homs said 14 people died.", "Homs provincial council"),
    ("In Idlib, the city council said 8 children were killed.", "Idlib city council"),
    ("In March, the provincial council said 200 people had died.", "provincial council"),
    ("In Geneva, the foreign ministry said 40 people died.", "foreign ministry"),
    # names of the alias table: with "the" inside, dotted "U.N.", state media however named, short names
    ("Save the Children says 80,000 children are trapped.", "Save the Children"),
    ("The U.N. refugee agency says 4 million Syrians have fled.", "UNHCR"),
    ("Syrian state TV said 9 soldiers died.", "state media"),
    ("The opposition National Coalition put the toll at 200.", "Syrian National Coalition"),
    ("ISIS said its fighters had killed 30 soldiers.", "Islamic State"),
    ("The UK-based Observatory said 17 civilians died in the raid.", "Syrian Observatory for Human Rights"),
    ("PHR says 41 nurses have been killed since the war began.", "Physicians for Human Rights"),
    ("Opposition officials estimated that 5,000 people were trapped.", "Syrian opposition"),
    ("Physicians for Human Rights counted 112 doctors killed.", "Physicians for Human Rights"),
    # a figure's source verbs and frames: "has listed", "put the number of wounded at"
    ("The Violations Documentation Center has listed 3,000 people who died in custody.",
     "Violations Documentation Center"),
    ("The Homs field hospital put the number of wounded at 85.", "Homs field hospital"),
    ("The Mukhabarat security service said 20 militants were arrested.", "Mukhabarat"),
    # a relative clause after the figure ("where villagers say ...") reports its own content; the
    # frame closing the sentence reports the figure
    ("Up to 9,000 people are trapped in Zabadani, where villagers say food ran out weeks ago, "
     "the World Health Organization said.", "World Health Organization"),
    ("Some 300 families fled to the camp, which activists say is full, UNHCR said.", "UNHCR"),
])
def test_attribution_in_the_sentence(figures_of, text, authority):
    row = one(figures_of(text))
    assert row["attributed_to"] == authority
    assert row["attribution_basis"] == ("sentence" if authority else "")


@pytest.mark.parametrize("before, text, authority", [
    ("The Syrian Observatory for Human Rights published new figures.", "It said 100 people were killed.",
     "Syrian Observatory for Human Rights"),
    ("The UN says the war is worsening.", "More than 100 people were killed, it said.", "United Nations"),
    ("The UN says the war is worsening.", "More than 100 people were killed.", ""),
    ("The UN says the war is worsening.", "Ahmed Jarrah said more than 100 people were killed.", "Ahmed Jarrah"),
    ("The Syrian Observatory for Human Rights published new figures.",
     "More than 100 people were killed, the Britain-based monitoring group said.",
     "Syrian Observatory for Human Rights"),
    # "rebels" counts the people of the figure: it names no source, so the frame still carries
    ("The UN says the war is worsening.", "More than 100 rebels were killed, the monitor said.", "United Nations"),
    # the source carried agrees with the frame: a person for "he" or "the envoy", a body for "it"
    ("Staffan de Mistura met the UN's aid chiefs.", "More than 100 people were killed, the envoy said.",
     "Staffan de Mistura"),
    ("The UN says the war is worsening.", "More than 100 people were killed, he said.", ""),
    ("Kerry met officials from the UN.", "It said 100 people were killed.", "United Nations"),
    ("Amnesty International published a report.", "At least 30 people died, its director told AFP.",
     "Amnesty International"),
    ("The head of the clinic, Abu Nabil, described the night.", '"We counted 45 dead," he told AFP.', "Abu Nabil"),
    # "the airline", "the council": the name the sentence before gives that body
    ("A Turkish Airlines flight landed safely in Ankara.", "Some 40 passengers were hurt, the airline said.",
     "Turkish Airlines"),
    ("The Aleppo Provincial Council met on Monday.", "At least 30 people died, the council said.",
     "Aleppo Provincial Council"),
    # a body's anaphor does not take a person introduced by a title, nor who heard them ("told AFP")
    ("Fadel Nasser, the director of Amnesty International, told AFP the town was shelled.",
     "The rights group put the number of wounded at 120.", "Amnesty International"),
    ("Col. Omar Saleh, the army's spokesman, described the battle.",
     "More than 50 fighters were killed, the monitor said.", ""),
])
def test_attribution_is_carried_only_under_a_sourceless_frame(figures_of, before, text, authority):
    row = one(figures_of(text, before=before))
    assert row["attributed_to"] == authority
    carried = authority and authority not in text
    assert row["attribution_basis"] == ("previous sentence" if carried else "sentence" if authority else "")


@pytest.mark.parametrize("before, text, authority", [
    ("Governor Mahmoud Aziz toured the district.", "Aziz said 40 people had died.", "Mahmoud Aziz"),
    ("Dr Samira Khoury runs the only hospital left.", "Khoury said 40 people had died.", "Samira Khoury"),
    ("The minister met Aziz.", "Aziz said 40 people had died.", "Aziz"),  # never more than it was written
])
def test_a_surname_takes_the_full_name_written_before(figures_of, before, text, authority):
    assert one(figures_of(text, before=before))["attributed_to"] == authority


@pytest.mark.parametrize("headline, authority", [
    ("Car bomb kills 14 in Hama - SANA", "SANA"),
    ("Mortar fire kills 3 in Damascus -- state media", "state media"),
    ("Air strikes kill 20 in Raqqa — activists", "activists"),
    ("Three dead in Idlib shelling - a grim week for the town", ""),  # no source after the dash
    ("Syria says 40 rebels killed near Aleppo - Interfax", "Syria"),  # the channel after the dash is not the source
])
def test_a_wire_headline_names_its_source_after_a_closing_dash(write_corpus, headline, authority):
    folder = write_corpus({"a.txt": f"Talks on Syria\n\n{headline}\n\nThe town was quiet on Sunday.\n"},
                          "file,outlet,published\na.txt,Test,2015-01-05\n")
    table = casualties.casualty_figures(analysis.load_articles(folder), kinds=("body", "caption", "standfirst"))
    assert one(table)["attributed_to"] == authority


def test_a_sentence_with_a_full_stop_is_not_a_headline(figures_of):
    assert one(figures_of("Nine were killed in Homs - SANA."))["attributed_to"] == ""


def test_the_source_lexicon_uses_known_kinds():
    kinds = set().union(*knowledge.casualty_sources().values())
    assert kinds == {"group", "institution", "descriptor", "title", "anaphor", "document", "local"}


@pytest.mark.parametrize("text, since", [
    ("About 100,000 lives have been lost since March 2011.", "2011-03"),
    ("More than 93,000 people have been killed since the uprising against Assad began in March 2011.", "2011-03"),
    ("More than 93,000 people have been killed since 2011.", "2011"),
    ("More than 93,000 people have been killed in the conflict.", ""),
])
def test_since(figures_of, text, since):
    assert one(figures_of(text))["since"] == since


def test_evidence_offsets_point_at_the_surface(seeds):
    table = casualties.casualty_figures(seeds)
    texts = dict(zip(seeds["article_id"], seeds["text"]))
    assert all(texts[r.article_id][r.start:r.end] == r.surface for r in table.itertuples())
    assert all(r.surface in r.sentence for r in table.itertuples())
    assert table.equals(table.sort_values(["article_id", "start"], ignore_index=True))


def test_the_chart_series_locates_each_outlet_toll_in_its_article(seeds):
    series = casualties.toll_series(casualties.casualty_figures(seeds), seeds)
    texts = dict(zip(seeds["article_id"], seeds["text"]))
    own = series[series["series"] == "outlet"]
    assert len(own) and all(texts[r.article_id][r.start:r.end] == r.surface for r in own.itertuples())
    assert series.loc[series["series"] == "reference", ["start", "end"]].isna().all().all()


def test_nothing_found_gives_the_typed_empty_table(figures_of):
    table = figures_of("The ministers will meet again in August.")
    assert table.empty and dict(table.dtypes.astype(str)) == {
        c: str(pd.Series(dtype=t).dtype) for c, t in casualties.COLUMNS.items()}


def test_reference_tolls_have_a_citation_and_an_address_per_row():
    ref = analysis.reference_tolls()
    assert len(ref) >= 3 and (ref["citation"].str.len() > 20).all()
    assert ref["url"].str.fullmatch(r"https?://\S+\.\S+").fillna(False).all()
    assert ref["value"].gt(0).all() and ref["date"].notna().all()


def test_every_cited_authority_is_in_the_alias_table(seeds):
    known = set(knowledge.entities()["entity"])
    cited = set(casualties.casualty_figures(seeds)["attributed_to"]) - {""}
    ref = analysis.reference_tolls()
    cited_as = {name for names in ref["cited_as"] for name in names.split(";") if name}
    assert cited <= known and set(ref["authority"]) <= known and cited_as <= known


@pytest.fixture
def compare(write_corpus):
    """The reference comparison of one article's figures (reference_tolls.csv as shipped)."""

    def run(paragraph: str, published: str = "2013-07-02", lead: str = LEAD) -> pd.DataFrame:
        folder = write_corpus({"a.txt": lead + paragraph + "\n"}, f"file,outlet,published\na.txt,Test,{published}\n")
        articles = analysis.load_articles(folder)
        return casualties.reference_comparison(casualties.casualty_figures(articles), articles)

    return run


def test_a_toll_credited_to_the_un_meets_the_un_offices_count(compare):
    row = one(compare("The UN says more than 93,000 people have been killed."))
    assert (row.basis, row.reference_value, row.within) == ("same source", 92901, True)
    assert row.reference_date == pd.Timestamp("2013-06-13")


def test_a_reference_announced_after_the_story_is_not_a_candidate(compare):
    # the Observatory's 100,191 came on 26 June 2013: a story of 20 June can only meet earlier figures
    row = one(compare("The Syrian Observatory for Human Rights says 100,000 people have been killed.",
                      published="2013-06-20"))
    assert row.basis == "nearest reference" and row.reference_value == 92901


def test_an_uncredited_toll_meets_the_nearest_reference_and_may_miss(compare):
    row = one(compare("The war has killed more than 150,000 people.", published="2013-10-07"))
    assert row.basis == "nearest reference" and row.reference_value == 110371 and not row.within


def test_a_vague_amount_and_a_toll_of_another_war_are_not_compared(compare):
    assert one(compare("Hundreds of people have been killed in the attack."))["basis"] == "vague amount"
    other = "Talks on Yemen\n\nThe ministers met in Muscat. They spoke for an hour.\n\n"
    row = one(compare("The war has killed more than 93,000 people.", lead=other))
    assert row.basis == "no reference" and pd.isna(row.within)


@pytest.mark.parametrize("text, surface, value, high", [
    ("Between 120 and 150 villagers were killed in the shelling.", "Between 120 and 150 villagers", 120, 150),
    ("Officials said 8,000 to 9,500 residents have fled the valley.", "8,000 to 9,500 residents", 8000, 9500),
    ("The raids killed 40-45 people, medics said.", "40-45 people", 40, 45),
    ("Between 2 and 3 million people have fled the country.", "Between 2 and 3 million people", 2000000, 3000000),
])
def test_a_range_is_one_figure_valued_at_its_lower_bound(figures_of, text, surface, value, high):
    row = one(figures_of(text))
    assert (row["surface"], row["value"], row["qualifier"], row["low"], row["high"]) == (
        surface, value, "between", value, high)


def test_a_change_from_one_number_to_another_is_not_a_range(figures_of):
    table = figures_of("The toll of the flood of refugees rose from 30 to 45 people killed.")
    assert "between" not in set(table["qualifier"])


@pytest.mark.parametrize("text, surface, qualifier, low, high", [
    ("Well over 9,000 people have fled the province.", "Well over 9,000 people", "over", 9000, None),
    ("Just over 300 civilians were killed in March.", "Just over 300 civilians", "over", 300, None),
    ("Fewer than 80 people were evacuated on Sunday.", "Fewer than 80 people", "up to", None, 80),
    ("Less than 20 civilians died in the raid.", "Less than 20 civilians", "up to", None, 20),
])
def test_more_hedges_are_normalised(figures_of, text, surface, qualifier, low, high):
    row = one(figures_of(text))
    assert (row["surface"], row["qualifier"]) == (surface, qualifier)
    assert (math.isnan(row["low"]) if low is None else row["low"] == low)
    assert (math.isnan(row["high"]) if high is None else row["high"] == high)


@pytest.mark.parametrize("text, value, category", [
    ("About 900 families reached the camp, and 250 of them were later arrested.", 250, "detained"),
    ("The clinic saw 70 patients, and 12 of whom have died.", 12, "killed"),
    ("Hundreds have left the town, while some 5,000 remain trapped.", 5000, "besieged"),
])
def test_a_bare_number_reaches_its_verb_past_of_them_later_and_remain(figures_of, text, value, category):
    table = figures_of(text)
    assert table.loc[table["value"] == value, "category"].tolist() == [category]


@pytest.mark.parametrize("text, value", [
    ("Three hundred and twelve people were killed in the raid.", 312),
    ("Two thousand and forty-five people have fled the district.", 2045),
    ("Four hundred seven civilians were wounded.", 407),
])
def test_written_hundreds_and_thousands_add_their_remainder(figures_of, text, value):
    assert one(figures_of(text))["value"] == value


def test_an_aside_that_lists_nouns_does_not_hide_the_verb(figures_of):
    row = one(figures_of("Nine hundred and five people, most of them farmers, shepherds and their wives, were evacuated."))
    assert (row["value"], row["category"]) == (905, "displaced")


def test_an_aside_does_not_swallow_a_verb_after_it(figures_of):
    table = figures_of("Ninety people, most of them civilians, were killed and 20 others were wounded.")
    assert table[["value", "category"]].values.tolist() == [[90, "killed"], [20, "wounded"]]


@pytest.mark.parametrize("text, authority", [
    # a named person in apposition after a title wins over the body in the title
    ("About 6,000 people have fled the city, according to the UN's aid coordinator, Ingrid Malmo, who visited it.",
     "Ingrid Malmo"),
    ("Some 300 civilians were killed, said the governor of the province, Karim Haddad.", "Karim Haddad"),
    ("At least 30 people died, according to the health ministry's spokesman, Salim al-Jaber.", "Salim al-Jaber"),
    # a group in apposition is not a person: the title's body stays
    ("At least 40 people died, according to the monitoring group, a small charity.", ""),
])
def test_a_name_in_apposition_after_a_title_is_the_source(figures_of, text, authority):
    assert one(figures_of(text))["attributed_to"] == authority


def test_a_frame_that_closes_the_sentence_reports_both_of_its_clauses(figures_of):
    table = figures_of("Fewer than 30 people were evacuated, while 2,000 remain trapped, said Omar Khalil, "
                       "a nurse in the town.")
    assert table["attributed_to"].tolist() == ["Omar Khalil", "Omar Khalil"]


def test_a_frame_in_the_first_clause_does_not_cross_a_while(figures_of):
    table = figures_of("The monitor said 40 people were killed, while Moscow says 2,000 rebels died.")
    assert table["attributed_to"].tolist()[0] != "Russia"


@pytest.mark.parametrize("before, text, authority", [
    ("The Syrian Observatory for Human Rights published a report on Monday.",
     "Russian jets had killed 30 civilians in the town, it said.", "Syrian Observatory for Human Rights"),
    ("The Syrian Observatory for Human Rights counted the dead of the Russian bombing campaign.",
     "At least 120 people were killed in the first week, it said.", "Syrian Observatory for Human Rights"),
])
def test_an_adjective_that_says_whose_a_thing_is_is_not_what_it_refers_to(figures_of, before, text, authority):
    assert one(figures_of(text, before))["attributed_to"] == authority


def test_an_adjective_before_a_body_still_names_it(figures_of):
    row = one(figures_of("The Russian defence ministry published its figures. "
                         "More than 900 civilians have fled the district, it said."))
    assert row["attributed_to"] == "Russia"


@pytest.mark.parametrize("text, value, category", [
    ("The shelling on Friday pushed to 85 the number of civilians killed in the town this month.", 85, "killed"),
    ("Eleven more were wounded, bringing to 140 the number injured since Monday.", 140, "wounded"),
    ("The blast raised to 64 the death toll, officials said.", 64, "killed"),
])
def test_a_number_a_toll_was_raised_to_takes_the_toll_after_it(figures_of, text, value, category):
    table = figures_of(text)
    assert table.loc[table["value"] == value, "category"].tolist() == [category]


def test_the_earlier_value_of_a_revised_toll_is_a_figure(figures_of):
    table = figures_of("The charity raised the death toll to 31 on Monday, up from 26.")
    assert table[["value", "category"]].values.tolist() == [[31, "killed"], [26, "killed"]]


def test_a_participle_after_a_name_ends_the_source_phrase(figures_of):
    row = one(figures_of("More than 9,000 people have been killed, according to a study by the Levant Institute "
                         "for Policy Studies published on Monday."))
    assert row["attributed_to"] == "Levant Institute for Policy Studies"


@pytest.mark.parametrize("text, value, category", [
    ("About 2,500 refugees crossed from Greece into North Macedonia on Tuesday.", 2500, "displaced"),
    ("Nearly 900 families were forced out of their homes by the shelling.", 900, "displaced"),
    ("More than 12,000 civilians had left the besieged town by Sunday.", 12000, "displaced"),
    ("Nine of our staff were killed in the raid.", 9, "killed"),
    # the verb whose object the figure is wins over a participle or a relative clause after the noun
    ("Militias have arrested about 150 men fleeing the city.", 150, "detained"),
    ("Troops detained 40 men who fled the village.", 40, "detained"),
    # an aside with a comma inside a number, and a rate, stand between the figure and its verb
    ("Some 60,000 people, including 25,000 children, have left their homes.", 60000, "displaced"),
    ("An average of 400 Syrians a day were driven from their homes in May.", 400, "displaced"),
])
def test_more_verbs_and_what_stands_between_figure_and_verb(figures_of, text, value, category):
    table = figures_of(text)
    assert table.loc[table["value"] == value, "category"].tolist() == [category]


def test_troops_leaving_a_town_are_not_displaced(figures_of):
    assert figures_of("About 3,000 soldiers have left the town.").empty


@pytest.mark.parametrize("text, value, category", [
    ("At least 18 soldiers loyal to the Tripoli-based government were killed on Monday.", 18, "killed"),
    ("Nine fighters of the Free Syrian Army's northern brigades were wounded.", 9, "wounded"),
])
def test_a_phrase_saying_whose_the_people_are_lengthens_the_reach_to_the_verb(figures_of, text, value, category):
    row = one(figures_of(text))
    assert (row["value"], row["category"]) == (value, category)


@pytest.mark.parametrize("text, authority", [
    ('"Eight of our medics were killed at the checkpoint," the director of programmes of the Syrian Arab Red Crescent '
     'told reporters.', "Syrian Arab Red Crescent"),
    ("A UN assessment published on Monday concluded that 3,000 people had fled the valley.", "United Nations"),
    ("The United States assessed that more than 200 people were killed in the attack.", "United States"),
    ("About 7,000 people were killed in the first year, a study by the Levant Institute found.", "Levant Institute"),
])
def test_findings_and_bodies_behind_a_common_noun_are_sources(figures_of, text, authority):
    table = figures_of(text)
    assert set(table["attributed_to"]) == {authority}


@pytest.mark.parametrize("text, authority", [
    ("Dozens of people were hurt in the blast, volunteers from the White Helmets said.", "White Helmets"),
    ("At least 14 people died, medics with the Syrian Arab Red Crescent said.", "Syrian Arab Red Crescent"),
    ("Ten people died in the raid, activists in Damascus said.", "activists"),
    ("Six people died overnight, doctors at the field hospital said.", "doctors"),
])
def test_a_group_from_a_listed_organisation_is_that_organisation(figures_of, text, authority):
    assert one(figures_of(text))["attributed_to"] == authority


def test_a_name_written_as_a_title_with_a_verb_inside_is_read_whole(figures_of):
    row = one(figures_of("At least 25 civilians were killed, the campaign group Idlib is Still Breathing said."))
    assert row["attributed_to"] == "Idlib is Still Breathing"


def test_a_person_named_before_is_still_found_when_a_sentence_says_what_he_is(figures_of):
    row = one(figures_of("Some 700 people have fled, he said.", "Omar Haddad is Governor of the province."))
    assert row["attributed_to"] == "Omar Haddad"


@pytest.mark.parametrize("text, category", [
    ("Around 12,000 Syrians are waiting at the border after fleeing the fighting, officials said.", "displaced"),
    ("About 90 people are in hospital after being wounded in the shelling.", "wounded"),
])
def test_a_cause_after_the_verb_in_its_clause_gives_the_category(figures_of, text, category):
    assert one(figures_of(text))["category"] == category


@pytest.mark.parametrize("text", [
    "Medics at the field clinic treated some 45 people for burns.",
    "A hospital in the town was treating 60 patients after the blast.",
    "At least 30 people were treated in hospital, officials said.",
])
def test_people_treated_are_wounded(figures_of, text):
    assert one(figures_of(text))["category"] == "wounded"


@pytest.mark.parametrize("text, category", [
    ("Tens of thousands of people have been forced to leave their homes.", "displaced"),
    ("The militants are holding some 900 residents as slaves.", "detained"),
])
def test_people_made_to_leave_or_held_as_hostages(figures_of, text, category):
    assert one(figures_of(text))["category"] == category


@pytest.mark.parametrize("text, category", [
    # the verb right after the figure says what happened, whatever its noun implies
    ("At least 30 refugees were killed when their boat sank.", "killed"),
    ("About 6,000 Palestinian refugees are still trapped in the camp.", "besieged"),
    ("Some 4 million refugees have fled the country.", "displaced"),
    # refugees stranded on their way are still displaced
    ("Thousands of refugees are stranded at the border.", "displaced"),
])
def test_a_verb_after_the_figure_overrides_its_noun(figures_of, text, category):
    assert one(figures_of(text))["category"] == category


def test_a_sub_count_among_a_later_total_shares_its_fate(figures_of):
    table = figures_of("Four medics were among the 25 people killed in the strike.")
    assert table[["value", "category"]].values.tolist() == [[4, "killed"], [25, "killed"]]


def test_people_leaving_a_named_place_are_displaced(figures_of):
    assert one(figures_of("Some 2,300 people have left western Homs since Friday."))["category"] == "displaced"
    assert figures_of("About 400 fighters left Homs under the deal.").empty


def test_a_claim_with_its_clause_is_a_frame_and_a_toll_that_claimed_lives_is_not(figures_of):
    row = one(figures_of("The group claimed its fighters had killed 60 soldiers.", "Islamic State posted a video."))
    assert row["attributed_to"] == "Islamic State"  # "the group" refers back
    assert one(figures_of("The militants claimed they had killed 60 soldiers."))["attributed_to"] == "militants"
    assert one(figures_of("The conflict has claimed more than 300,000 lives."))["attributed_to"] == ""


def test_people_in_besieged_areas_are_besieged(figures_of):
    row = one(figures_of("About 2 million live in hard-to-reach places, including 180,000 in besieged towns."))
    assert (row["value"], row["category"]) == (180000, "besieged")


def test_killing_or_wounding_counts_both(figures_of):
    row = one(figures_of("A car bomb went off at a checkpoint, killing or wounding 35 people, security forces said."))
    assert (row["category"], row["attributed_to"]) == ("casualties", "security forces")


def test_armed_men_made_to_withdraw_are_not_displaced(figures_of):
    assert figures_of("Some 300 soldiers were forced to leave the base.").empty


@pytest.mark.parametrize("text, authority", [
    ("At least 40 people died, according to a report issued by Human Rights Watch.", "Human Rights Watch"),
    # "the group" refers to the body named before it in the sentence
    ("Islamic State fighters executed 12 prisoners, according to footage released by the group.", "Islamic State"),
])
def test_a_document_is_credited_to_whoever_put_it_out(figures_of, text, authority):
    assert one(figures_of(text))["attributed_to"] == authority


def test_a_common_noun_after_a_dateline_opens_its_sentence(figures_of):
    row = one(figures_of("HAMA, Syria — Doctors at a field clinic said 14 people died."))
    assert row["attributed_to"] == "doctors"


def test_a_cause_in_another_clause_does_not(figures_of):
    assert figures_of("About 400 people attended the rally, after fleeing was ruled out.").empty


def test_a_toll_revised_in_the_passive_is_credited_to_its_agent(figures_of):
    table = figures_of("Rescuers first reported that 40 people had died in the collapse, but the figure was later "
                       "revised to 35 by the White Helmets.")
    assert table[["value", "attributed_to"]].values.tolist() == [[40, "rescuers"], [35, "White Helmets"]]


@pytest.mark.parametrize("text, category", [
    ("Dozens of men who crossed into the government zone last week have disappeared, relatives say.", "missing"),
    ("About 200 people who fled the town in March were killed in the camp.", "killed"),
    ("Thousands of people who fled the fighting are sheltering in schools.", "displaced"),
])
def test_the_main_verb_after_a_relative_clause_gives_the_category(figures_of, text, category):
    assert one(figures_of(text))["category"] == category


def test_an_increment_of_a_figure_takes_its_category(figures_of):
    table = figures_of("The number of refugees in Jordan has passed 600,000, the agency said, 200,000 more than "
                       "a year ago.")
    assert table[["value", "category"]].values.tolist() == [[600000, "displaced"], [200000, "displaced"]]


def test_a_bare_comparison_is_not_an_increment(figures_of):
    table = figures_of("More than 300 people have fled, officials said, with 40 more expected.")
    assert table["value"].tolist() == [300]


def test_people_taken_out_of_a_besieged_place_are_displaced(figures_of):
    row = one(figures_of("Some 450 people, most of them children, were taken out of the besieged town on Sunday."))
    assert row["category"] == "displaced"


def test_investigators_are_an_unnamed_group(figures_of):
    row = one(figures_of("Investigators found that 45 civilians had died in the strike."))
    assert row["attributed_to"] == "investigators"


def test_a_verb_after_and_is_another_predicate_not_the_figures(figures_of):
    row = one(figures_of("The war has killed more than 300,000 people and displaced half the country."))
    assert row["category"] == "killed"


def test_bringing_the_total_to_a_number_counts_like_the_figure_before(figures_of):
    table = figures_of("Another 800 people were evacuated on Friday, bringing the total to 4,500.")
    assert table[["value", "category"]].values.tolist() == [[800, "displaced"], [4500, "displaced"]]


# ---------------------------------------------------------------- scope

@pytest.mark.parametrize("text, scopes", [
    # the war's own toll: its start, the war as the subject, the war as the frame
    ("Since the revolt against the government started, 120,000 people have died.", ["war"]),
    ("Opposition monitors count 210,000 dead since the first protests in 2011.", ["war"]),
    ("The civil war has by now cost more than 300,000 lives.", ["war"]),
    ("Aid groups say 4 million refugees have left in the course of the conflict.", ["war"]),
    ("Three years of fighting have killed 150,000 people.", ["war"]),
    # a span within it
    ("In 2015 alone, 55,000 people were killed.", ["period"]),
    ("Since February, 8,000 people have been killed in the war.", ["period"]),
    ("During the truce, 90 civilians were killed in the province.", ["period"]),
    ("Shelling has killed 600 people in the last three weeks.", ["period"]),
    # one event: its cue near the figure wins over the war around it
    ("A suicide bomber killed 31 people at a checkpoint.", ["event"]),
    ("The worst single massacre of the war left 200 dead.", ["event"]),
    ("Fourteen people were killed on Friday in the town.", ["event"]),
    # the day a source spoke is not the day of the deaths
    ("The monitor said on Friday that 250,000 people had been killed in the conflict.", ["war"]),
    # no cue at all: not said
    ("More than 300 people have been killed, activists report.", [""]),
    # two figures, two clauses
    ("The war has killed 240,000 people; a car bomb killed 9 more on Thursday.", ["war", "event"]),
])
def test_scope_of_a_figure(figures_of, text, scopes):
    assert figures_of(text)["scope"].tolist() == scopes


def test_an_event_far_from_the_figure_does_not_scope_it(figures_of):
    text = ("Air strikes have killed 3,100 civilians since the bombing campaign began in the autumn, the group said "
            "in its report, among them 15 people killed when a missile hit a bakery.")
    assert figures_of(text)["scope"].tolist() == ["period", "event"]


def test_an_aside_does_not_scope_the_figure(figures_of):
    text = "The overall toll of the war, which the group last revised this spring, stands at 330,000 people killed."
    assert figures_of(text)["scope"].tolist() == ["war"]


def test_an_event_or_period_toll_is_not_compared_with_the_war_references(compare):
    row = one(compare("A chemical attack on the suburb killed more than 1,400 people."))
    assert row.scope == "event" and row.basis == "not a war toll" and pd.isna(row.within)


def test_the_seeds_scope_is_the_gold_scope(seeds):
    gold = pd.read_csv(paths.GOLD_DIR / "casualties.csv", dtype="string", keep_default_na=False)
    found = casualties.casualty_figures(seeds)
    found = found.assign(file=found["article_id"].map(dict(zip(seeds["article_id"], seeds["file"]))))
    got = dict(zip(zip(found["file"], found["start"].astype(str)), found["scope"]))
    assert {(f, s): got.get((f, s)) for f, s in zip(gold["file"], gold["start"])} == \
        dict(zip(zip(gold["file"], gold["start"]), gold["scope"]))
