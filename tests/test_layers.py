"""The package's layers: no module imports one above it, so there is no import cycle."""
from __future__ import annotations

import ast

from analysis.paths import PACKAGE_DIR

# each module's layer; a module may import only from lower layers (see analysis/__init__.py)
LAYERS = {
    "paths": 0, "errors": 0, "text": 0, "writing": 0, "colour": 0, "export": 0,
    "matches": 1, "knowledge": 1, "layout": 1,
    "corpus": 2,
    "ingest": 3,
    "dates": 3, "casualties": 3, "quotes": 3, "reuse": 3,
    "timeline": 4, "framing": 4,
    "evaluate": 5, "tables": 5, "report": 5, "findings": 5,
    "figures": 6, "lab_form": 6, "distributed": 6,
    "charts": 7,
    "build": 8,
    "cli": 9,
}


def imported(path) -> set[str]:
    """The package modules a module imports, at its top or inside functions."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                names.add(node.module.split(".")[0])
            else:
                names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("analysis."):
            names.add(node.module.split(".")[1])
    return names


def modules() -> dict[str, set[str]]:
    return {p.stem: imported(p) for p in PACKAGE_DIR.glob("*.py") if not p.stem.startswith("__")}


def test_every_module_has_a_layer():
    assert set(modules()) == set(LAYERS)


def test_modules_import_only_from_lower_layers():
    upward = [(m, i) for m, deps in modules().items() for i in deps if LAYERS[i] >= LAYERS[m] and i != m]
    assert upward == []


def test_no_module_is_over_a_fifth_of_the_package():
    sizes = {p.stem: len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE_DIR.glob("*.py")}
    assert max(sizes.values()) <= sum(sizes.values()) / 5, sizes
