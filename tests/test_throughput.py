"""Speed-ups of the tables pipeline that must change no result: the sentence table shared by
the extractors of a batch, the garbage collector tuned while tables are made, and no chart
library imported by the command line or the tables pipeline."""
import gc
import subprocess
import sys

import pandas as pd
import pytest

from analysis import corpus, tables


@pytest.mark.parametrize("kinds", [("body",), ("standfirst", "body"), tuple(corpus.PARAGRAPH_KINDS), ("caption",),
                                   ("no such kind",)])
def test_shared_sentences_are_the_sentences(seeds, kinds):
    want = corpus.sentences(seeds, kinds=kinds)
    with corpus.shared_sentences(seeds):
        corpus.sentences(seeds, kinds=("body",))  # the first call builds every kind
        got = corpus.sentences(seeds, kinds=kinds)
    pd.testing.assert_frame_equal(got, want, check_exact=True)


def test_a_caller_changing_its_sentences_changes_no_other(seeds):
    every = tuple(corpus.PARAGRAPH_KINDS)
    with corpus.shared_sentences(seeds):
        first = corpus.sentences(seeds, kinds=every)
        first.loc[0, "text"] = "changed"
        first["extra"] = 1
        again = corpus.sentences(seeds, kinds=every)
    pd.testing.assert_frame_equal(again, corpus.sentences(seeds, kinds=every), check_exact=True)


def test_other_articles_are_not_shared(seeds):
    some = seeds.head(3)
    with corpus.shared_sentences(seeds):
        got = corpus.sentences(some)
    assert set(got["article_id"]) <= set(some["article_id"])


def test_the_collector_is_as_it_was_after_the_tables():
    threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
    with tables.runner(1) as run:
        assert gc.get_threshold() == tables.GC_THRESHOLD
        run(len, [([1, 2],)])
    assert (gc.get_threshold(), gc.get_freeze_count()) == (threshold, frozen)


def test_the_command_line_and_the_tables_do_not_import_the_chart_libraries():
    # every worker process imports these; altair (via jsonschema) takes one to two seconds
    code = "import sys, analysis.cli, analysis.tables; print(sorted({'altair', 'vl_convert', 'matplotlib'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
