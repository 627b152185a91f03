"""How accurate the extractors are: one scorer for dates, casualty figures and quotations.

A gold folder holds hand annotations made by reading the articles (never by running
the code), one CSV file per table, each row naming its article by ``file`` (the file
name in the corpus folder):

=================  ===========================================================
``dates.csv``      ``file, surface, value``
``casualties.csv`` ``file, surface, value, category, qualifier, attributed_to``
``quotes.csv``     ``file, text_start, speaker``
=================  ===========================================================

``surface`` is the expression as written; ``text_start`` the first words of a direct
quotation (the words right after the opening mark). Optional ``start``/``end`` columns
(offsets into the article's text) pin an item to one place. A row with an empty
``surface`` (or ``text_start``) says the file was annotated and has nothing to find.
Only the files a gold table names are scored for that table; other columns (``note``
...) are ignored. The seeds' gold is in ``analysis/data/gold`` with its guidelines.

Matching
    In each article, gold items are paired one to one with predicted items, in text
    order: a gold item is found when a predicted span of the same article contains it
    or is contained in it, the text normalised (curly quotes made straight, white space
    collapsed; case kept); with offsets, the spans must also overlap. A predicted item
    whose surface equals the gold's is preferred, then the first in text order.
    Casualty figures must also agree on value and category (F1 on (value, category), as
    the blind-set scorer counts them). Only direct quotations are predicted items for
    ``quotes`` (not reported speech or scare quotes).

Values (``value_accuracy``, over the found items)
    ``dates``: the TIMEX3 value without its modifier agrees (TempEval-3 practice: the
    open-window operators >, >=, <, <= and the parts EARLY/MID/LATE are modifiers), or
    ``date_start``/``date_end`` cover exactly the days of the gold value.
    ``casualties``: the authority agrees (``attributed_to``, both empty counts as agreeing).
    ``quotes``: the speaker agrees. Names agree when they are the same after the alias
    table (``data/aliases.csv``) turns aliases into canonical entities, or when the gold name stands as whole words in the predicted speaker
    ("Maria Zakharova" in "Foreign Ministry spokeswoman Maria Zakharova").

Scores are as measured: precision = found / predicted, recall = found / gold, F1 their
harmonic mean; a ratio with nothing to count is NaN, never 0 or 1.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from . import knowledge
from .casualties import casualty_figures
from .corpus import load_articles
from .dates import interval_of, temporal_expressions
from .errors import CorpusError
from .paths import GOLD_DIR
from .quotes import quotations
from .writing import write_csv

TABLES = ("dates", "casualties", "quotes")
REQUIRED = {
    "dates": ["file", "surface", "value"],
    "casualties": ["file", "surface", "value", "category", "qualifier", "attributed_to"],
    "quotes": ["file", "text_start", "speaker"],
}
VALUE_MEASURE = {"dates": "TIMEX3 value", "casualties": "attribution", "quotes": "speaker"}
SCORE_COLUMNS = ["table", "n_gold", "n_predicted", "precision", "recall", "f1", "value_accuracy"]
ERROR_COLUMNS = ["table", "file", "error", "gold_surface", "gold_value", "predicted_surface", "predicted_value",
                 "start", "end", "sentence"]
_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_MODIFIER = re.compile(r"^(?:[<>]=?)|-(?:EARLY|MID|LATE)$")


def normalise(text: str) -> str:
    """Text as matched: curly quotes straight, runs of white space one space, ends trimmed."""
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip()


# ---------------------------------------------------------------- reading the gold

def read_gold(gold_dir: str | Path = GOLD_DIR) -> dict[str, pd.DataFrame]:
    """The gold tables of a folder, by table name (a missing file is left out)."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise CorpusError(f"{gold_dir}: no such gold folder; pass a folder with dates.csv, casualties.csv or quotes.csv")
    gold = {}
    for table in TABLES:
        path = gold_dir / f"{table}.csv"
        if path.exists():
            gold[table] = _read_gold_table(path, table)
    if not gold:
        raise CorpusError(f"{gold_dir}: none of dates.csv, casualties.csv, quotes.csv is there; add at least one")
    return gold


def _read_gold_table(path: Path, table: str) -> pd.DataFrame:
    try:
        gold = pd.read_csv(path, dtype="string", keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError) as err:
        raise CorpusError(f"{path}: cannot be read as a UTF-8 CSV file ({err}); save it as UTF-8 CSV") from None
    missing = [c for c in REQUIRED[table] if c not in gold.columns]
    if missing:
        raise CorpusError(f"{path}: no column {', '.join(missing)}; the header must name {', '.join(REQUIRED[table])}")
    for column in ("start", "end"):
        if column in gold.columns:
            gold[column] = pd.to_numeric(gold[column].replace("", None), errors="raise").astype("Int64")
    return gold


# ---------------------------------------------------------------- matching

class Item(NamedTuple):
    """One gold or predicted item of an article, as the matcher sees it."""
    text: str  # normalised surface
    start: int | None
    end: int | None
    key: tuple  # what must also agree for a match (casualties: value and category)
    row: int  # its row in its table


def _pair(gold: list[Item], predicted: list[Item]) -> list[tuple[int | None, int | None]]:
    """(gold row, predicted row) for every item, None on the side that has no partner."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        candidates = [p for p in predicted if p.row not in used and p.key == g.key
                      and (g.text in p.text or p.text in g.text)
                      and (g.start is None or (p.start < g.end and g.start < p.end))]
        best = next((p for p in candidates if p.text == g.text), candidates[0] if candidates else None)
        if best is not None:
            used.add(best.row)
        pairs.append((g.row, best.row if best is not None else None))
    pairs += [(None, p.row) for p in predicted if p.row not in used]
    return pairs


def _gold_items(gold: pd.DataFrame, table: str) -> dict[str, list[Item]]:
    text_col = "text_start" if table == "quotes" else "surface"
    items: dict[str, list[Item]] = {}
    for i, row in enumerate(gold.to_dict("records")):
        items.setdefault(row["file"], [])
        if not row[text_col].strip():
            continue  # the file was annotated and has nothing to find
        start, end = row.get("start"), row.get("end")
        items[row["file"]].append(Item(normalise(row[text_col]), None if pd.isna(start) else int(start),
                                       None if pd.isna(end) else int(end), _key(row, table), i))
    return items


def _key(row: dict, table: str) -> tuple:
    if table != "casualties":
        return ()
    value = str(row["value"]).replace(",", "")
    return (int(float(value)) if value not in ("", "nan", "<NA>") else None, str(row["category"]))


def _predicted_items(predicted: pd.DataFrame, table: str) -> dict[str, list[Item]]:
    items: dict[str, list[Item]] = {}
    for i, row in enumerate(predicted.to_dict("records")):
        items.setdefault(row["file"], []).append(Item(normalise(row["surface"]), row["start"], row["end"],
                                                      _key(row, table), i))
    for found in items.values():
        found.sort(key=lambda p: p.start)
    return items


def compare(table: str, predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """One row per gold or predicted item of the files the gold names: ``status`` found,
    missed or spurious; ``value_ok`` for found items (see the module docstring).

    ``predicted`` is the table's extractor output with a ``file`` column.
    """
    files = list(dict.fromkeys(gold["file"]))
    predicted = predicted[predicted["file"].isin(files)].reset_index(drop=True)
    if table == "quotes":
        predicted = predicted[predicted["quote_kind"] == "direct"].reset_index(drop=True)
    gold_by, pred_by = _gold_items(gold, table), _predicted_items(predicted, table)
    rows = []
    for file in files:
        for g, p in _pair(gold_by.get(file, []), pred_by.get(file, [])):
            rows.append(_compared(table, file, None if g is None else gold.iloc[g],
                                  None if p is None else predicted.iloc[p]))
    return pd.DataFrame(rows, columns=["file", "status", "value_ok", "gold_surface", "gold_value",
                                       "predicted_surface", "predicted_value", "start", "end", "sentence"]).astype(
        {"value_ok": "boolean", "start": "Int64", "end": "Int64"})


def _compared(table: str, file: str, g, p) -> dict:
    status = "found" if g is not None and p is not None else ("missed" if p is None else "spurious")
    gold_value = None if g is None else _value_of(g, table, gold=True)
    pred_value = None if p is None else _value_of(p, table, gold=False)
    ok = None
    if status == "found":
        ok = _value_agrees(table, g, p)
    return {"file": file, "status": status, "value_ok": ok,
            "gold_surface": None if g is None else g["text_start" if table == "quotes" else "surface"],
            "gold_value": gold_value, "predicted_surface": None if p is None else p["surface"],
            "predicted_value": pred_value, "start": None if p is None else int(p["start"]),
            "end": None if p is None else int(p["end"]), "sentence": None if p is None else p["sentence"]}


def _value_of(row, table: str, *, gold: bool) -> str:
    if table == "dates":
        return _text(row["value"])
    if table == "casualties":
        return _text(row["attributed_to"])
    return _text(row["speaker"])


def _text(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _value_agrees(table: str, g, p) -> bool:
    if table == "dates":
        return dates_agree(_text(g["value"]), _text(p["value"]), p.get("date_start"), p.get("date_end"))
    if table == "casualties":
        return names_agree(_text(g["attributed_to"]), _text(p["attributed_to"]))
    return names_agree(_text(g["speaker"]), _text(p["speaker"]), _text(p.get("speaker_surface")))


def timex(value: str) -> str:
    """A TIMEX3 value without its modifier (see the module docstring)."""
    return _MODIFIER.sub("", value)


def dates_agree(gold: str, predicted: str, start=None, end=None) -> bool:
    """Whether a predicted date has the gold's value (see the module docstring)."""
    if not gold or not predicted:
        return gold == predicted
    if timex(gold) == timex(predicted):
        return True
    days = interval_of(gold)
    return (days is not None and start is not None and end is not None and not pd.isna(start) and not pd.isna(end)
            and (pd.Timestamp(start).date(), pd.Timestamp(end).date()) == days)


@knowledge.cached
def _aliases() -> tuple[dict[str, str], re.Pattern, dict[str, str]]:
    """The alias table (``data/aliases.csv``): lower-cased alias -> entity, one pattern finding
    any alias, and each entity's kind."""
    table = knowledge.aliases()
    names = dict(zip(table["alias"].str.lower(), table["entity"]))
    kinds = dict(zip(table["entity"], table["kind"]))
    aliases = sorted(names, key=lambda a: (-len(a), a))
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in aliases) + r")(?![\w-])", re.IGNORECASE)
    return names, pattern, kinds


def canonical(name: str) -> str:
    """The canonical name a phrase stands for: an alias's name ("Kerry" -> "John Kerry"), or the
    one person (else the one name) its aliases name ("Mr Kerry", "US Secretary of State John
    Kerry"); any other phrase as it is."""
    names, pattern, kinds = _aliases()
    text = normalise(name)
    if text.lower() in names:
        return names[text.lower()]
    found = list(dict.fromkeys(names[m.group().lower()] for m in pattern.finditer(text)))
    persons = [n for n in found if kinds.get(n) == "person"]
    found = persons or found
    return found[0] if len(found) == 1 else text


def names_agree(gold: str, predicted: str, surface: str = "") -> bool:
    """Whether a predicted speaker or authority is the gold's (see the module docstring)."""
    if not gold or not predicted:
        return not gold and not predicted
    if canonical(gold) == canonical(predicted):
        return True
    pattern = re.compile(rf"(?<!\w){re.escape(normalise(gold))}(?!\w)")
    return bool(pattern.search(normalise(predicted)) or (surface and pattern.search(normalise(surface))))


# ---------------------------------------------------------------- scores

def score(table: str, compared: pd.DataFrame) -> dict:
    """The scores of one table from :func:`compare`: :data:`SCORE_COLUMNS`, then ``n_found``
    and ``value_measure`` (what ``value_accuracy`` measures for this table)."""
    found = compared["status"] == "found"
    n_found, n_gold = int(found.sum()), int((compared["status"] != "spurious").sum())
    n_pred = int((compared["status"] != "missed").sum())
    precision = n_found / n_pred if n_pred else np.nan
    recall = n_found / n_gold if n_gold else np.nan
    f1 = 2 * n_found / (n_gold + n_pred) if n_gold + n_pred else np.nan
    value = compared.loc[found, "value_ok"].astype("boolean").mean() if n_found else np.nan
    return {"table": table, "n_gold": n_gold, "n_predicted": n_pred, "n_found": n_found, "precision": precision,
            "recall": recall, "f1": f1, "value_accuracy": float(value), "value_measure": VALUE_MEASURE[table]}


def errors(table: str, compared: pd.DataFrame) -> pd.DataFrame:
    """Every miss, extra and wrong value of one table, with its evidence."""
    wrong = (compared["status"] != "found") | ~compared["value_ok"].astype("boolean").fillna(True)
    out = compared[wrong]
    out = out.assign(table=table, error=out["status"].map({"missed": "missed", "spurious": "spurious",
                                                            "found": "wrong value"}))
    return out[ERROR_COLUMNS].reset_index(drop=True)


def predict(articles: pd.DataFrame, tables: tuple[str, ...] = TABLES) -> dict[str, pd.DataFrame]:
    """Each scored table's extractor output, with the article's ``file``."""
    make = {"dates": temporal_expressions, "casualties": casualty_figures, "quotes": quotations}
    file_of = dict(zip(articles["article_id"], articles["file"]))
    return {t: make[t](articles).assign(file=lambda d: d["article_id"].map(file_of)) for t in tables}


def evaluate(articles: pd.DataFrame, gold: dict[str, pd.DataFrame],
             predicted: dict[str, pd.DataFrame] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(scores, errors) of every table that has gold: one scores row per table
    (:data:`SCORE_COLUMNS`) and one errors row per miss, extra or wrong value."""
    missing = sorted(set().union(*(set(g["file"]) for g in gold.values())) - set(articles["file"]))
    if missing:
        raise CorpusError(f"the gold names files the corpus does not have: {', '.join(missing[:5])}; "
                          "annotate files of this corpus, or point to the corpus the gold was made for")
    predicted = predicted if predicted is not None else predict(articles, tuple(gold))
    scores, wrong = [], []
    for table in TABLES:
        if table in gold:
            compared = compare(table, predicted[table], gold[table])
            scores.append(score(table, compared))
            wrong.append(errors(table, compared))
    table_errors = pd.concat(wrong, ignore_index=True) if wrong else pd.DataFrame(columns=ERROR_COLUMNS)
    return pd.DataFrame(scores, columns=[*SCORE_COLUMNS, "n_found", "value_measure"]), table_errors


def write(scores: pd.DataFrame, table_errors: pd.DataFrame, out: str | Path) -> list[Path]:
    """``out/scores.csv`` (:data:`SCORE_COLUMNS`) and ``out/errors.csv``; return their paths."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "scores.csv", out / "errors.csv"]
    write_csv(scores[SCORE_COLUMNS], paths[0])
    write_csv(table_errors, paths[1])
    return paths


def summary(scores: pd.DataFrame) -> str:
    """The scores as lines of text, one table per line."""
    def pct(x: float) -> str:
        return "  n/a" if pd.isna(x) else f"{x:5.2f}"

    lines = []
    for r in scores.itertuples():
        lines.append(f"{r.table:<11} gold {r.n_gold:>4}  predicted {r.n_predicted:>4}  found {r.n_found:>4}  "
                     f"P {pct(r.precision)}  R {pct(r.recall)}  F1 {pct(r.f1)}  {r.value_measure} accuracy {pct(r.value_accuracy)}")
    return "\n".join(lines)


# ---------------------------------------------------------------- challenge sets

CASE_COLUMNS = ["case", "phenomenon", "published", "text"]
CASE_HEADLINE = "Challenge case {case}"
CASE_RESULT_COLUMNS = ["table", "case", "phenomenon", "expected", "found", "missed", "spurious", "wrong_value",
                       "passed", "errors"]


def read_cases(path: str | Path, table: str) -> pd.DataFrame:
    """A challenge-set file: ``case, phenomenon, published, text`` and the gold columns of
    ``table``, one row per expected item (a case where nothing should be found has one
    row with empty item columns)."""
    cases = pd.read_csv(path, dtype="string", keep_default_na=False)
    missing = [c for c in [*CASE_COLUMNS, *REQUIRED[table][1:]] if c not in cases.columns]
    if missing:
        raise CorpusError(f"{path}: no column {', '.join(missing)}; a challenge file has "
                          f"{', '.join(CASE_COLUMNS + REQUIRED[table][1:])}")
    return cases


def write_cases(cases: pd.DataFrame, table: str, folder: Path) -> pd.DataFrame:
    """Write each case as an article of a corpus in ``folder`` (a neutral headline, then the
    case's text; its ``published`` in ``metadata.csv``) and return the gold of ``table`` for
    it, with the offsets of each item."""
    folder.mkdir(parents=True, exist_ok=True)
    text_col = "text_start" if table == "quotes" else "surface"
    first = cases.drop_duplicates("case")
    for case, text in zip(first["case"], first["text"]):
        (folder / f"{case}.txt").write_text(f"{CASE_HEADLINE.format(case=case)}\n\n{text}\n", encoding="utf-8")
    first.assign(file=first["case"] + ".txt", outlet="Challenge")[["file", "outlet", "published"]].to_csv(
        folder / "metadata.csv", index=False, lineterminator="\n")
    gold = cases.assign(file=cases["case"] + ".txt")
    offset = gold["case"].map(lambda c: len(CASE_HEADLINE.format(case=c)) + 2)
    found = []  # an item written twice in a case ("Posted 2014-05-21 ... Updated 2014-05-21") is each occurrence in turn
    seen: dict[tuple[str, str], int] = {}
    for case, text, item in zip(gold["case"], gold["text"], gold[text_col]):
        at = -1
        if item:
            at = text.find(item, seen.get((case, item), 0))
            if at < 0:  # more rows than occurrences: the first one again
                at = text.find(item)
            seen[(case, item)] = at + 1
        found.append(at)
    bad = [c for c, f, item in zip(gold["case"], found, gold[text_col]) if item and f < 0]
    if bad:
        raise CorpusError(f"challenge cases {', '.join(bad[:5])}: the {text_col} is not in the case's text; "
                          "copy it from the text exactly")
    start = pd.array([o + f if f >= 0 else pd.NA for o, f in zip(offset, found)], dtype="Int64")
    end = pd.array([s + len(item) if item else pd.NA for s, item in zip(start, gold[text_col])], dtype="Int64")
    return gold.assign(start=start, end=end)


def challenge(table: str, cases: pd.DataFrame, folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Run ``table``'s extractor on the cases written into ``folder`` and score each case:
    one row per case (:data:`CASE_RESULT_COLUMNS`), and the :func:`compare` table of all of
    them. A case passes when every expected item is found with the right value and nothing
    else is found."""
    gold = write_cases(cases, table, folder)
    predicted = predict(load_articles(folder), (table,))[table]
    compared = compare(table, predicted, gold)
    compared = compared.assign(case=compared["file"].str.removesuffix(".txt"))
    rows = []
    for case, group in cases.groupby("case", sort=True):
        mine = compared[compared["case"] == case]
        found = mine["status"] == "found"
        wrong = found & ~mine["value_ok"].astype("boolean").fillna(True)
        problems = [f"{s}: {g if isinstance(g, str) else p!r}" for s, g, p in
                    zip(mine["status"], mine["gold_surface"], mine["predicted_surface"]) if s != "found"]
        problems += [f"wrong value: {g!r} is {pv!r}, not {gv!r}" for g, gv, pv in
                     zip(mine.loc[wrong, "gold_surface"], mine.loc[wrong, "gold_value"], mine.loc[wrong, "predicted_value"])]
        rows.append({"table": table, "case": case, "phenomenon": group["phenomenon"].iloc[0],
                     "expected": int((mine["status"] != "spurious").sum()), "found": int(found.sum()),
                     "missed": int((mine["status"] == "missed").sum()), "spurious": int((mine["status"] == "spurious").sum()),
                     "wrong_value": int(wrong.sum()), "passed": not problems, "errors": "; ".join(problems)})
    return pd.DataFrame(rows, columns=CASE_RESULT_COLUMNS), compared


def run_challenges(cases_dir: str | Path, workdir: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(per-case results, scores) of every challenge file of ``cases_dir`` (``dates.csv``,
    ``casualties.csv``, ``quotes.csv``), each case written as an article under ``workdir``."""
    cases_dir, workdir = Path(cases_dir), Path(workdir)
    results, scores = [], []
    for table in TABLES:
        path = cases_dir / f"{table}.csv"
        if not path.exists():
            continue
        cases = read_cases(path, table)
        found, compared = challenge(table, cases, workdir / table)
        results.append(found)
        scores.append(score(table, compared))
    return pd.concat(results, ignore_index=True), pd.DataFrame(scores)


def challenge_report(results: pd.DataFrame, scores: pd.DataFrame) -> str:
    """The results as Markdown: the scores per table, the pass rate per phenomenon, and every
    case that fails with what went wrong."""
    def pct(x) -> str:
        return "n/a" if pd.isna(x) else f"{x:.2f}"

    lines = ["| table | cases | passed | items | precision | recall | F1 | value accuracy |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for s in scores.itertuples():
        mine = results[results["table"] == s.table]
        lines.append(f"| {s.table} | {len(mine)} | {int(mine['passed'].sum())} ({mine['passed'].mean():.0%}) | "
                     f"{s.n_gold} | {pct(s.precision)} | {pct(s.recall)} | {pct(s.f1)} | {pct(s.value_accuracy)} "
                     f"({s.value_measure}) |")
    for table, mine in results.groupby("table", sort=False):
        lines += ["", f"### {table}: pass rate per phenomenon", "", "| phenomenon | cases | passed | rate |",
                  "|---|---:|---:|---:|"]
        per = mine.groupby("phenomenon").agg(cases=("case", "size"), passed=("passed", "sum")).reset_index()
        for p in per.itertuples():
            lines.append(f"| `{p.phenomenon}` | {p.cases} | {p.passed} | {p.passed / p.cases:.0%} |")
        failing = mine[~mine["passed"]]
        lines += ["", f"Cases that fail ({len(failing)}):", ""]
        lines += [f"- `{f.case}` ({f.phenomenon}): {f.errors}" for f in failing.itertuples()] or ["- none"]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- the scope of casualty figures

SCOPES = ("war", "period", "event", "unclear")  # "unclear": the text states none (the extractor's empty scope)
SCOPE_COLUMNS = ["case", "surface", "gold_scope", "predicted_scope", "status", "agrees", "sentence"]


def scope_agreement(cases: pd.DataFrame, folder: Path) -> pd.DataFrame:
    """Each gold figure of ``cases`` (``case, text, surface, scope``, one row per figure;
    ``published`` optional) beside the ``scope`` of the casualty figure found at its place.

    ``status`` is ``found`` when a predicted figure overlaps the gold surface, else
    ``missed`` (then ``agrees`` is <NA>); a gold ``unclear`` agrees with an empty scope.
    """
    bad = sorted(set(cases["scope"]) - set(SCOPES))
    if bad:
        raise CorpusError(f"scope cases: unknown scope {', '.join(map(repr, bad))}; use one of {', '.join(SCOPES)}")
    if "published" not in cases.columns:
        cases = cases.assign(published="")
    gold = write_cases(cases.assign(phenomenon="scope"), "casualties", folder)
    articles = load_articles(folder)
    predicted = casualty_figures(articles).merge(articles[["article_id", "file"]], on="article_id")
    rows = []
    for g in gold.itertuples(index=False):
        mine = predicted[(predicted["file"] == g.file) & (predicted["start"] < g.end) & (g.start < predicted["end"])]
        said = (mine["scope"].iloc[0] or "unclear") if len(mine) else None  # an empty scope states none
        rows.append({"case": g.case, "surface": g.surface, "gold_scope": g.scope, "predicted_scope": said,
                     "status": "found" if len(mine) else "missed",
                     "agrees": pd.NA if said is None else said == g.scope, "sentence": g.text})
    return pd.DataFrame(rows, columns=SCOPE_COLUMNS).astype({"agrees": "boolean"})


def scope_scores(agreement: pd.DataFrame) -> pd.DataFrame:
    """Per gold scope and in all: gold figures, found, scope agreeing, and the share agreeing of
    those found (NaN when none is found)."""
    def row(name: str, part: pd.DataFrame) -> dict:
        found = int((part["status"] == "found").sum())
        agree = int(part["agrees"].fillna(False).sum())
        return {"scope": name, "n_gold": len(part), "found": found, "agrees": agree,
                "accuracy": agree / found if found else float("nan")}
    rows = [row(s, agreement[agreement["gold_scope"] == s]) for s in SCOPES] + [row("all", agreement)]
    return pd.DataFrame(rows)
