"""Where things live, computed from the package's location (never the current directory).

Nothing is read here; these are only paths.
"""
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
DATA_DIR = PACKAGE_DIR / "data"
SEEDS_DIR = PROJECT_DIR / "seeds"
NOTEBOOKS_DIR = PROJECT_DIR / "notebooks"
FIGURES_DIR = PROJECT_DIR / "figures"
REPORTS_DIR = PROJECT_DIR / "reports"
TESTS_DIR = PROJECT_DIR / "tests"
GOLD_DIR = DATA_DIR / "gold"


def data_file(name: str) -> Path:
    """Path of a knowledge file shipped in ``analysis/data``."""
    return DATA_DIR / name


def corpus_name(corpus_dir: str | Path) -> str:
    """How figures and findings name a corpus: "the seed corpus", or its folder's name."""
    folder = Path(corpus_dir).resolve()
    return "the seed corpus" if folder == SEEDS_DIR.resolve() else folder.name
