"""The seeds are the originals, byte for byte, and metadata.csv describes exactly them."""
import csv
import hashlib

import pytest

from analysis.paths import SEEDS_DIR


def manifest() -> dict[str, str]:
    lines = (SEEDS_DIR / "SHA256SUMS").read_text().splitlines()
    return {name: digest for digest, name in (line.split() for line in lines)}


def test_manifest_lists_every_seed():
    assert sorted(manifest()) == sorted(p.name for p in SEEDS_DIR.glob("*.txt"))
    assert len(manifest()) == 5


@pytest.mark.parametrize("name", sorted(manifest()))
def test_seed_matches_its_published_hash(name):
    assert hashlib.sha256((SEEDS_DIR / name).read_bytes()).hexdigest() == manifest()[name]


def test_metadata_has_one_row_per_seed():
    with open(SEEDS_DIR / "metadata.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["file"] for r in rows] == sorted(manifest())
    assert list(rows[0])[:6] == ["file", "outlet", "published", "url", "author", "date_basis"]


def test_provenance_travels_with_the_seeds_and_states_their_hashes():
    provenance = (SEEDS_DIR / "PROVENANCE.md").read_text(encoding="utf-8")
    for name, digest in manifest().items():
        assert f"{digest}  {name}" in provenance
