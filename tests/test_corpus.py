"""Loading, paragraph kinds, sentences, metadata rules and every bad-input case."""
from __future__ import annotations

import os
import warnings

import pandas as pd
import pytest

import analysis
from analysis import CorpusError, MetadataWarning
from analysis import casualties
from analysis.corpus import split_sentences
from analysis.paths import SEEDS_DIR

# Outlets and dates as PROVENANCE.md gives them.
PROVENANCE = {
    "000_30b7748dbb551f5a": ("BBC News", "2013-07-02"),
    "001_334090c2ee903896": ("Your Middle East", "2013-07-02"),
    "002_8f6a14d29b873dc6": ("Israel National News", "2013-10-07"),
    "003_ea736292670c7659": ("Al Jazeera English", "2013-07-02"),
    "004_0add3480a9489aa8": ("Press TV", "2016-08-22"),
}


# ---------------------------------------------------------------- the seeds

def test_one_row_per_seed_sorted_with_provenance(seeds):
    assert list(seeds["article_id"]) == sorted(PROVENANCE)
    for row in seeds.itertuples():
        assert (row.outlet, row.published.strftime("%Y-%m-%d")) == PROVENANCE[row.article_id]
    assert not seeds["metadata_inferred"].any()
    assert seeds.loc[2, "author"] == "Adam Ross"


def test_columns_have_proper_dtypes(seeds):
    assert seeds["article_id"].dtype == "string"
    assert seeds["text"].dtype == "string"
    assert isinstance(seeds["outlet"].dtype, pd.CategoricalDtype)
    assert pd.api.types.is_datetime64_dtype(seeds["published"])
    assert seeds["n_words"].dtype == "int64"
    assert seeds["metadata_inferred"].dtype == bool


def test_text_is_the_file_unchanged_and_hashed(seeds):
    for row in seeds.itertuples():
        raw = (SEEDS_DIR / row.file).read_bytes()
        assert row.text == raw.decode("utf-8")
        assert len(row.sha256) == 64


def test_default_corpus_does_not_depend_on_current_directory(tmp_path, seeds):
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert list(analysis.load_articles()["article_id"]) == list(seeds["article_id"])
    finally:
        os.chdir(here)


def test_body_leaves_furniture_out_and_counts_its_words(seeds):
    bbc = seeds.iloc[0]
    assert "Image caption" not in bbc.body and "Middle East\n" not in bbc.body
    assert bbc.body.startswith("The US and Russia have made progress")
    presstv = seeds.iloc[4]
    assert "SHARE THIS ARTICLE" not in presstv.body and "www.presstv.ir" not in presstv.body
    assert presstv.body.endswith("have been killed in the conflict.")
    assert bbc.n_words == len(analysis.text.WORD_RE.findall(bbc.body))


# ---------------------------------------------------------------- paragraphs

def test_paragraph_offsets_point_into_text(seeds):
    pars = analysis.paragraphs(seeds)
    texts = seeds.set_index("article_id")["text"]
    for p in pars.itertuples():
        assert texts[p.article_id][p.start:p.end] == p.text
    assert (pars.groupby("article_id")["kind"].apply(lambda k: (k == "headline").sum()) == 1).all()


@pytest.mark.parametrize("article_id, paragraph, kind", [
    ("000_30b7748dbb551f5a", "Middle East", "section"),
    ("000_30b7748dbb551f5a", "US and Russia 'making progress' on Syria peace talks", "headline"),
    ("000_30b7748dbb551f5a", "Sergei Lavrov shakes hands with John Kerry in Brunei (2 July 2013)", "caption"),
    ("000_30b7748dbb551f5a", "Image caption The conference being organised by Sergei Lavrov and John Kerry has been delayed repeatedly", "caption"),
    ("000_30b7748dbb551f5a", "Homs offensive", "subheading"),
    ("001_334090c2ee903896", "Last updated: 2 July, 2013", "dateline"),
    ("001_334090c2ee903896", "US and Russia committed to Syria conference, says Kerry", "headline"),
    ("002_8f6a14d29b873dc6", "Both countries urge a UN conference to seek the formation of a transitional government in the war-torn country.", "standfirst"),
    ("002_8f6a14d29b873dc6", "Adam Ross ,", "byline"),
    ("002_8f6a14d29b873dc6", "Bombed-out buildings in Raqqa, northern Syria", "caption"),
    ("003_ea736292670c7659", "US secretary of state discusses Syria crisis with his Russian counterpart on the sidelines of the ASEAN summit.", "standfirst"),
    ("003_ea736292670c7659", "No talks on Snowden", "subheading"),
    ("003_ea736292670c7659", "Source: News Agencies", "credit"),
    ("004_0add3480a9489aa8", "US Secretary of State John Kerry (AFP photo)", "caption"),
    ("004_0add3480a9489aa8", "Press TV’s website can also be accessed at the following alternate addresses:", "boilerplate"),
    ("004_0add3480a9489aa8", "www.presstv.ir", "boilerplate"),
    ("004_0add3480a9489aa8", "SHARE THIS ARTICLE", "boilerplate"),
    ("004_0add3480a9489aa8", "Press TV News Roku", "boilerplate"),
])
def test_furniture_is_classified(seeds, article_id, paragraph, kind):
    pars = analysis.paragraphs(seeds)
    found = pars[(pars["article_id"] == article_id) & (pars["text"] == paragraph)]
    assert len(found) >= 1 and set(found["kind"]) == {kind}


@pytest.mark.parametrize("label", ["Photo", "Caption"])
def test_a_caption_labelled_with_a_colon_is_furniture(write_corpus, label):
    folder = write_corpus({"a.txt": f"A headline\n\n{label}: The envoy, who called the meeting \"useful\", leaves.\n\n"
                                    "The envoy met both delegations on Monday.\n"}, "file,outlet\na.txt,A\n")
    assert analysis.paragraphs(analysis.load_articles(folder))["kind"].tolist() == ["headline", "caption", "body"]


def test_first_body_paragraph_after_headline_is_not_a_standfirst(seeds):
    pars = analysis.paragraphs(seeds)
    yme = pars[pars["article_id"] == "001_334090c2ee903896"]
    assert yme.iloc[2]["kind"] == "body"
    assert yme.iloc[2]["text"].startswith("US Secretary of State John Kerry said Tuesday")


# ---------------------------------------------------------------- sentences

@pytest.mark.parametrize("text", [
    "Mr Kerry met Mr. Lavrov in Brunei.",
    "The U.N. Security Council met on Monday.",
    "U.S. officials concluded that Assad used chemical weapons.",
    "Talks may end by Sept. 5 at the latest.",
    "About 1.5 million people have fled.",
    '"The people want peace. Yet all they see is death," Mr Ban said.',
    "He said “It is hard. It may be somewhere thereafter,” of the timing.",
    "“I can't tell you. I would express hope,\" he said.",
    "Gen. Smith and Dr. Jones spoke to J. Doe.",
    # listed titles and ranks
    "Brig. Gen. Ali Hassan and the Rev. Paul Ward met Messrs. Cole and Park.",
    # an acronym before a capitalised word that does not open sentences
    "He works for the U.N. Refugee Agency in Amman.",
])
def test_no_split_inside(text):
    assert split_sentences(text) == ((0, len(text)),)


@pytest.mark.parametrize("text, expected", [
    ("Kerry spoke. Lavrov listened.", ["Kerry spoke.", "Lavrov listened."]),
    ("Is it over? No, it is not!", ["Is it over?", "No, it is not!"]),
    ('"We agreed," he said. "It is done."', ['"We agreed," he said.', '"It is done."']),
    ("He left.\u00a0Then he came back.", ["He left.", "Then he came back."]),
    ("It said so.” Then it stopped.", ["It said so.”", "Then it stopped."]),
    ("The toll was 93,000. 20 inspectors arrived.", ["The toll was 93,000.", "20 inspectors arrived."]),
    # an acronym, then a word that opens sentences and never follows an acronym inside one
    ("The money came from the U.S. The rest came later.", ["The money came from the U.S.", "The rest came later."]),
    ("They chose plan B. It failed.", ["They chose plan B.", "It failed."]),
])
def test_splits_between_sentences(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_sentences_keep_offsets_and_stay_in_body(seeds):
    sents = analysis.sentences(seeds)
    texts = seeds.set_index("article_id")["text"]
    for s in sents.itertuples():
        assert texts[s.article_id][s.start:s.end] == s.text
    assert set(sents["kind"]) == {"body"}
    bbc = sents[sents["article_id"] == "000_30b7748dbb551f5a"]["text"].tolist()
    assert any(t.startswith('"The people of Syria want peace and hope. Yet all') and t.endswith("Mr Ban said.") for t in bbc)
    assert sents.groupby("article_id")["sentence_id"].is_monotonic_increasing.all()


def test_sentences_of_other_kinds_on_request(seeds):
    heads = analysis.sentences(seeds, kinds=("headline",))
    assert len(heads) == 5 and set(heads["kind"]) == {"headline"}
    both = analysis.sentences(seeds, kinds=("headline", "body"))
    body = analysis.sentences(seeds)
    assert both[both["kind"] == "body"]["sentence_id"].tolist() == body["sentence_id"].tolist()


# ---------------------------------------------------------------- metadata rules

def test_article_without_metadata_row_is_inferred_with_a_warning(write_corpus):
    folder = write_corpus(
        {"a.txt": "Last updated: 2 July, 2013\n\nKerry hopeful on Syria\n\nKerry said talks went well.",
         "b.txt": "Talks in Brunei\n\nLavrov and Kerry meet in Brunei (3 July 2013)\n\nThe two men met."},
        metadata="file,outlet\nb.txt,Some Outlet\n",
    )
    with pytest.warns(MetadataWarning, match="a.txt"):
        arts = analysis.load_articles(folder)
    a, b = arts.iloc[0], arts.iloc[1]
    assert a.metadata_inferred and not b.metadata_inferred
    assert a.headline == "Kerry hopeful on Syria"
    assert a.published == pd.Timestamp("2013-07-02") and "stamp" in a.date_basis
    assert pd.isna(a.outlet) and pd.isna(a.url)
    assert b.published == pd.Timestamp("2013-07-03") and "caption" in b.date_basis


def test_a_folder_without_metadata_is_named_not_a_missing_file(write_corpus):
    folder = write_corpus({"a.txt": "Kerry hopeful on Syria\n\nKerry said talks went well."})
    with pytest.warns(MetadataWarning, match=r"corpus: no metadata\.csv, so no outlet.*\(a\.txt\)\. Add a metadata\.csv"):
        analysis.load_articles(folder)


def test_no_date_is_invented(write_corpus):
    folder = write_corpus({"a.txt": "A headline\n\nSome text without any date."})
    with pytest.warns(MetadataWarning):
        arts = analysis.load_articles(folder)
    assert pd.isna(arts.loc[0, "published"]) and pd.isna(arts.loc[0, "date_basis"])


def test_metadata_with_only_a_file_column_loads(write_corpus):
    folder = write_corpus({"a.txt": "Headline\n\nText."}, metadata="file\na.txt\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        arts = analysis.load_articles(folder)
    assert arts.loc[0, "headline"] == "Headline" and not arts.loc[0, "metadata_inferred"]


def test_extra_metadata_columns_pass_through(write_corpus):
    folder = write_corpus({"a.txt": "Headline\n\nText."}, metadata="file,outlet,language\na.txt,X,en\n")
    assert analysis.load_articles(folder).loc[0, "language"] == "en"


def test_bom_and_crlf_are_normalised_consistently(write_corpus):
    folder = write_corpus({"a.txt": "\ufeffHeadline\r\n\r\nKerry spoke. Lavrov listened.\r\n".encode("utf-8")},
                          metadata="file\na.txt\n")
    arts = analysis.load_articles(folder)
    text = arts.loc[0, "text"]
    assert text == "Headline\n\nKerry spoke. Lavrov listened.\n"
    sents = analysis.sentences(arts)
    assert [text[s:e] for s, e in zip(sents["start"], sents["end"])] == ["Kerry spoke.", "Lavrov listened."]


# ---------------------------------------------------------------- bad input

@pytest.mark.parametrize("files, metadata, message", [
    ({"a.txt": ""}, None, r"a\.txt: the file is empty"),
    ({"a.txt": "  \n\n\t "}, None, r"a\.txt: the file is empty"),
    ({"a.txt": b"Headline\n\nCaf\xe9 talks."}, None, r"a\.txt: not valid UTF-8 at byte offset 13"),
    ({"a.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, None, r"a\.txt: the file looks binary"),
    ({"a.txt": "Headline\n\nText.".encode("utf-16")}, None, r"a\.txt: the file is UTF-16 text; re-save it as UTF-8"),
    ({"a.txt": "Headline\n\nText.", "b.txt": "Headline\n\nText."}, "file,published\na.txt,2099-01-01\n",
     r"published date 2099-01-01 for 'a\.txt' is in the future"),
    ({"a.txt": "Headline\n\nText.", "a.TXT": "Headline\n\nOther."}, None, r"two files are named a "),
    ({"a.txt": "Headline\n\nText."}, "outlet\nX\n", r"metadata\.csv: no 'file' column"),
    ({"a.txt": "Headline\n\nText."}, "file,outlet\na.txt,X\na.txt,Y\n", r"metadata\.csv, line 3: 'a\.txt' has a second row"),
    ({"a.txt": "Headline\n\nText."}, "file,published\na.txt,2 Julyish\n", r"metadata\.csv, line 2: published date '2 Julyish'"),
    ({"a.txt": "Headline\n\nText."}, "file,published\na.txt,2013-13-45\n",
     r"published date '2013-13-45' for 'a\.txt' is not a valid YYYY-MM-DD date; write it as YYYY-MM-DD"),
    # a real date, but outside what the articles table's nanosecond dates hold
    ({"a.txt": "Headline\n\nText."}, "file,published\na.txt,1500-01-01\n", r"line 2: published date '1500-01-01'.*1678"),
    ({"a.txt": "Headline\n\nText."}, "file\na.txt\nmissing.txt\n", r"line 3: 'missing\.txt' has a metadata row but no such file"),
    ({"a.txt": "Headline\n\nText."}, "file,outlet\na.txt,X,extra\n", r"line 2: more fields than the header"),
    ({"a.txt": "Headline\n\nText."}, "file,outlet\n,X\n", r"line 2: the 'file' value is empty"),
    ({"notes.md": "not an article"}, None, r"no \.txt files in this folder"),
])
def test_bad_input_raises_corpus_error_naming_the_file(write_corpus, files, metadata, message):
    folder = write_corpus(files, metadata)
    with pytest.raises(CorpusError, match=message):
        analysis.load_articles(folder)


def test_missing_folder_is_an_error(tmp_path):
    with pytest.raises(CorpusError, match="no such corpus folder"):
        analysis.load_articles(tmp_path / "nowhere")


def test_a_file_is_not_a_folder(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    with pytest.raises(CorpusError, match="not a folder"):
        analysis.load_articles(tmp_path / "a.txt")


# ---------------------------------------------------------------- readability

def test_readability_is_computed_on_body_text(seeds):
    scores = analysis.readability(seeds)
    assert list(scores["article_id"]) == list(seeds["article_id"])
    assert scores["flesch_reading_ease"].between(30, 80).all()
    assert scores["flesch_kincaid_grade"].between(5, 20).all()


def test_a_txt_ending_in_capitals_is_read(write_corpus):
    folder = write_corpus({"a.TXT": "Headline\n\nText here."}, metadata="file\na.TXT\n")
    assert analysis.load_articles(folder)["article_id"].tolist() == ["a"]


def test_txt_files_in_subfolders_are_named_not_silently_skipped(write_corpus):
    folder = write_corpus({"a.txt": "Headline\n\nText here."}, metadata="file\na.txt\n")
    (folder / "more").mkdir()
    (folder / "more" / "b.txt").write_text("Other\n\nText.", encoding="utf-8")
    with pytest.warns(analysis.CorpusWarning, match="the subfolders more hold .txt files that are not read"):
        assert len(analysis.load_articles(folder)) == 1


def test_a_stamp_at_the_end_of_the_file_dates_it(write_corpus):
    folder = write_corpus({"a.txt": "Talks go on\n\nKerry met Lavrov again. They spoke for hours.\n\n"
                                    "Last updated: 5 August, 2014"})
    with pytest.warns(MetadataWarning):
        article = analysis.load_articles(folder).iloc[0]
    assert article.published == pd.Timestamp("2014-08-05") and "stamp" in article.date_basis


def test_one_warning_names_every_article_without_a_row(write_corpus):
    folder = write_corpus({f"{c}.txt": "Headline\n\nText." for c in "abc"}, metadata="file\nb.txt\n")
    with pytest.warns(MetadataWarning) as caught:
        analysis.load_articles(folder)
    assert len(caught) == 1 and "a.txt, c.txt" in str(caught[0].message)


def test_a_file_too_large_to_be_an_article_is_refused(write_corpus, monkeypatch):
    monkeypatch.setattr(analysis.corpus, "MAX_ARTICLE_BYTES", 100)
    folder = write_corpus({"a.txt": "Headline\n\n" + "Word " * 40})
    with pytest.raises(CorpusError, match=r"a\.txt: .* is not one article"):
        analysis.load_articles(folder)


HAND_BUILT = pd.DataFrame({"article_id": ["a"], "text": ["Headline\n\nKerry met Lavrov on Monday. They talked."],
                           "published": pd.to_datetime(["2013-07-02"])})


@pytest.mark.parametrize("function, missing", [
    (analysis.readability, "body"),
    (analysis.events, "outlet"),
    (analysis.conference_expectations, "outlet"),
    (analysis.label_rates, "outlet, n_words"),
    (analysis.stance_rates, "outlet, n_words"),
    (analysis.distinctive_words, "outlet"),
    (analysis.overlap, "outlet"),
    (analysis.quote_share, "outlet, n_words"),
    (analysis.voices, "outlet"),
])
def test_a_hand_built_frame_lacking_a_column_names_it(function, missing):
    with pytest.raises(CorpusError, match=rf"{function.__name__} needs the columns? {missing} of the articles table; "
                                          r"analysis\.load_articles\(folder\) gives them all"):
        function(HAND_BUILT)


@pytest.mark.parametrize("function", [analysis.paragraphs, analysis.sentences, analysis.temporal_expressions,
                                      analysis.casualty_figures, analysis.quotations,
                                      analysis.label_uses, analysis.stance_markers, analysis.shared_passages])
def test_a_hand_built_frame_with_what_a_function_needs_works(function):
    assert isinstance(function(HAND_BUILT), pd.DataFrame)


@pytest.mark.parametrize("function, missing", [
    (casualties.plot_table, "outlet"), (casualties.toll_series, "outlet"), (casualties.citations, "outlet")])
def test_the_casualty_charts_name_the_column_they_lack(function, missing):
    figures = analysis.casualty_figures(HAND_BUILT.assign(text=["Toll\n\nThe war has killed 1,000 people."]))
    assert len(figures) == 1
    with pytest.raises(CorpusError, match=rf"{function.__name__} needs the columns? {missing} of the articles table"):
        function(figures, HAND_BUILT)
