"""The knowledge layer: every data file in one place, and reload() after an edit."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

import analysis
from analysis import knowledge
from analysis.paths import DATA_DIR


def test_every_data_file_has_a_loader_and_a_readme_entry():
    readme = "\n".join(p.read_text(encoding="utf-8") for p in DATA_DIR.glob("README*.md"))
    for path in DATA_DIR.glob("*.csv"):
        assert not knowledge.table(path.name).empty, path.name
        assert path.name in readme, f"{path.name} is not documented in analysis/data/README*.md"


def test_empty_cells_are_empty_strings_not_nan():
    assert not knowledge.table("labels.csv").isna().any().any()


@pytest.fixture
def own_data(tmp_path, monkeypatch):
    """A copy of the data folder that the knowledge layer reads instead (emptied caches around)."""
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    monkeypatch.setattr(knowledge, "data_file", lambda name: folder / name)
    knowledge.reload()
    yield folder
    knowledge.reload()


def test_reload_makes_an_edited_lexicon_take_effect(own_data, write_corpus):
    folder = write_corpus({"a.txt": "Headline\n\nThe junta said it would talk. It met on Monday.\n"},
                          "file,outlet,published\na.txt,A,2013-07-02\n")
    articles = analysis.load_articles(folder)
    assert analysis.label_uses(articles).empty
    with (own_data / "labels.csv").open("a", encoding="utf-8") as f:
        f.write("junta,Syrian government,military,false,a test row\n")
    assert analysis.label_uses(articles).empty  # the lexicon read before the edit is still in use
    knowledge.reload()
    assert analysis.label_uses(articles)["surface"].tolist() == ["junta"]


def test_reload_also_empties_what_was_derived_per_text(own_data, write_corpus):
    text = "Headline\n\nKerry spoke at length today. He left.\n\nXyzzy: the talks went on.\n"
    folder = write_corpus({"a.txt": text}, "file,outlet\na.txt,A\n")
    before = analysis.paragraphs(analysis.load_articles(folder))["kind"].tolist()
    furniture = pd.read_csv(own_data / "furniture.csv", dtype=str, keep_default_na=False)
    row = pd.DataFrame([{"kind": "boilerplate", "zone": "any", "pattern": "^Xyzzy", "note": "test"}])
    pd.concat([row, furniture]).to_csv(own_data / "furniture.csv", index=False)
    knowledge.reload()
    after = analysis.paragraphs(analysis.load_articles(folder))["kind"].tolist()
    assert before == ["headline", "body", "body"] and after == ["headline", "body", "boilerplate"]
