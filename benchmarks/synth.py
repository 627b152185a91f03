"""Synthetic corpora in the seeds' layout, derived from the five seeds, for benchmarks.

Each synthetic article takes a seed's headline and furniture and a sample of body
sentences drawn from all five seeds, then rewrites it: people, places and outlets are
swapped for others from fixed lists, years and publication dates are shifted, and
figures are scaled. So the extractors meet real dates, tolls, quotes and labels in new
combinations, and the reuse detector meets real near-duplicates: every tenth article is
a lightly edited copy of the one before it (a paragraph dropped, a sentence changed),
as wire copy re-run by another outlet is. So that the sentences drawn from the same five
seeds do not make every article a copy of every other, each word of five letters or more that no knowledge
file of the package names gets one of 676 spelling variants ("destruction" becomes
"destructionbq"): a word the extractors look for is never changed, and two articles share
an 8-word run only by chance or by copying.

Sentences rarely repeat. Only 74 body sentences come from the seeds, and per-sentence
memos (sentence splits, dates, quotes) would flatter a benchmark whose sentences recur,
so each drawn sentence is varied further: stand-in names from 2,000 invented surnames
(and places from 300), weekdays and month names (but "May", which may be the modal) redrawn sentence
by sentence, "he said." at the end of a quotation mostly said by a named stand-in,
figures scaled by a factor drawn from a wide range. Apart from the copied
articles, about 1 body sentence in 20 has been seen before at 10,000 articles: those left
are the few seed sentences with no word, name, day or figure to vary (``repeats``
measures it). Everything is drawn from a seeded random generator: the same size gives
the same corpus, byte for byte.
"""
from __future__ import annotations

import argparse
import csv
import random
import re
from pathlib import Path

import pandas as pd

import analysis

PEOPLE = ["Kerry", "Lavrov", "Ban", "Assad", "Obama", "Putin", "Brahimi", "Mistura"]
STAND_INS = ["Halvorsen", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Castillo", "Novak", "Haddad", "Keller",
             "Osei", "Petrov", "Dubois", "Silva", "Nakamura", "Rossi", "Kowalski", "Andersen", "Mensah",
             "Varga", "Costa", "Yilmaz", "Fischer", "Larsen", "Ibrahim", "Murphy", "Sato", "Horvat", "Nilsen",
             "Ortiz", "Bauer", "Eriksen", "Kaplan", "Marino", "Sandoval", "Weber", "Zhou", "Abbasi", "Lund",
             "Quinn", "Reyes"]
PLACES = ["Brunei", "Geneva", "Moscow", "Nairobi", "Bali", "Homs", "Damascus", "Raqqa", "Washington", "Beijing"]
STAND_IN_PLACES = ["Oslo", "Vienna", "Lisbon", "Accra", "Hanoi", "Lima", "Tunis", "Riga", "Quito", "Dakar",
                   "Tbilisi", "Muscat", "Baku", "Dhaka", "Manila", "Zagreb", "Sofia", "Astana", "Doha", "Amman"]
# invented surnames and places (capitalised, never a word of English or of the knowledge files),
# so that a sentence naming a person or a place has thousands of variants
STAND_INS += [a + b + c for a in ["Bal", "Cor", "Dun", "Fen", "Gar", "Hol", "Kor", "Lam", "Mar", "Tor", "Vel", "Nor",
                                  "Pav", "Ril", "Sar", "Tam", "Ul", "Zan", "Ed", "Ob"]
              for b in ["av", "en", "ib", "ol", "un", "ar", "es", "im", "or", "ul"]
              for c in ["ski", "ter", "ova", "ich", "ard", "sen", "ani", "elli", "ez", "berg"]]
STAND_IN_PLACES += [a + b + c for a in ["Kal", "Mor", "Tes", "Vor", "Zal", "Bren", "Dor", "Lis", "Nam", "Sev"]
                    for b in ["ad", "en", "ov", "ir", "ul", "an", "et", "os", "ak", "im"]
                    for c in ["a", "o", "grad"]]
VARIANTS = "abcdefghijklmnopqrstuvwxyz"
WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH = re.compile(r"\b(?:January|February|March|April|June|July|August|September|October|November|December)\b")
SPEAKER = re.compile(r"\b(?:he|she) (said|added)\.")
MONTHS = ["January", "February", "March", "April", "June", "July", "August", "September", "October", "November",
          "December"]
LONG_WORD = re.compile(r"\b[a-z]{5,}\b")
FIGURE = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")
YEAR = re.compile(r"\b(201[0-6])\b")


def seed_material() -> tuple[pd.DataFrame, dict[str, list[str]], list[str]]:
    articles = analysis.load_articles()
    pars = analysis.paragraphs(articles)
    head = {a: [t for t, k in zip(g["text"], g["kind"]) if k != "body"] for a, g in pars.groupby("article_id")}
    sentences = analysis.sentences(articles)["text"].tolist()
    return articles, head, sentences


def protected_words() -> frozenset[str]:
    """Every long lower-case word in the package's knowledge files: never varied."""
    words = set()
    for path in analysis.paths.DATA_DIR.glob("*.csv"):
        words.update(w.lower() for w in re.findall(r"[A-Za-z]{5,}", path.read_text(encoding="utf-8")))
    return frozenset(words)


def vary(text: str, rng: random.Random, protected: frozenset[str]) -> str:
    text = LONG_WORD.sub(lambda m: m.group(0) if m.group(0) in protected
                         else m.group(0) + rng.choice(VARIANTS) + rng.choice(VARIANTS), text)
    text = WEEKDAY.sub(lambda m: rng.choice(WEEKDAYS), text)
    text = SPEAKER.sub(lambda m: m.group(0) if rng.random() < 0.2 else f"{rng.choice(STAND_INS)} {m.group(1)}.", text)
    return MONTH.sub(lambda m: rng.choice(MONTHS), text)


def rewrite(text: str, rng: random.Random, shift_years: int, cast: dict[str, str], places: dict[str, str]) -> str:
    for old, new in cast.items():
        text = text.replace(old, new)
    for old, new in places.items():
        text = text.replace(old, new)
    text = YEAR.sub(lambda m: str(int(m.group(1)) + shift_years), text)
    scale = rng.randint(50, 200) / 100
    return FIGURE.sub(lambda m: f"{int(int(m.group(0).replace(',', '')) * scale):,}", text)


def make_corpus(n: int, out: Path, seed: int = 0) -> Path:
    """Write ``n`` synthetic articles and their metadata.csv into ``out``."""
    articles, head, sentences = seed_material()
    protected = protected_words()
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    rows, previous = [], None
    for i in range(n):
        source = articles.iloc[i % len(articles)]
        shift = rng.randint(0, 3)
        published = source.published + pd.DateOffset(years=shift, days=rng.randint(0, 60))
        if previous is not None and i % 10 == 0:
            pars = previous.split("\n\n")
            drop = rng.randrange(1, len(pars))
            text = "\n\n".join(pars[:drop] + pars[drop + 1:]).replace(" said ", " told reporters ", 1)
        else:
            cast = dict(zip(PEOPLE, rng.sample(STAND_INS, len(PEOPLE))))
            places = dict(zip(PLACES, rng.sample(STAND_IN_PLACES, len(PLACES))))
            body = [vary(rewrite(s, rng, shift, cast, places), rng, protected)
                    for s in rng.sample(sentences, rng.randint(8, 16))]
            furniture = [rewrite(p, rng, shift, cast, places) for p in head[source.article_id]]
            text = "\n\n".join(furniture[:3] + body + furniture[3:])
        previous = text
        name = f"{i:06d}.txt"
        (out / name).write_text(text, encoding="utf-8")
        rows.append([name, f"Outlet {i % 40:02d}", published.strftime("%Y-%m-%d")])
    with open(out / "metadata.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["file", "outlet", "published"])
        writer.writerows(rows)
    return out


def repeats(corpus: Path) -> dict[str, float]:
    """How often a body sentence of ``corpus`` repeats one seen before: over all of them, and
    over the articles that are not copies of the one before (every tenth)."""
    articles = analysis.load_articles(corpus)
    sentences = analysis.sentences(articles)
    copies = {a for i, a in enumerate(articles["article_id"]) if i % 10 == 0 and i}
    seen, out = set(), {"all": [0, 0], "not copies": [0, 0]}
    for article, text in zip(sentences["article_id"], sentences["text"]):
        for key in ("all",) if article in copies else ("all", "not copies"):
            out[key][0] += text in seen
            out[key][1] += 1
        seen.add(text)
    return {key: repeated / total for key, (repeated, total) in out.items()}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    make_corpus(args.n, args.out)
