"""The data flows documents -> loaders -> graph -> api, with no arrow back: graph/ imports
neither loaders nor api, and loaders/ does not import api; and graph/ runs no process (the
command line starts and stops servers). Read from the source with `ast`, so an import inside
a function counts too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _imported_packages(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize(
    ("package", "forbidden"), [("graph", {"loaders", "api"}), ("loaders", {"api"})]
)
def test_no_module_imports_a_layer_downstream_of_it(package: str, forbidden: set[str]) -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(_imported_packages(path) & forbidden)
        for path in sorted((ROOT / package).rglob("*.py"))
        if _imported_packages(path) & forbidden
    }
    assert offenders == {}


def test_the_graph_layer_runs_no_process() -> None:
    """Starting and stopping the local Neo4j server belongs to the command line
    (api/cli/local_server.py), not to the model and the stores."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "graph").rglob("*.py"))
        if _imported_packages(path) & {"subprocess", "multiprocessing"}
    ]
    assert offenders == []


def test_errors_and_resolution_speak_no_http() -> None:
    """Status codes and endpoint texts belong to the API's error handler and routes."""
    for name in ("errors.py", "resolve.py"):
        text = (ROOT / "graph" / name).read_text(encoding="utf-8")
        assert "status" not in text and "GET /" not in text, name
