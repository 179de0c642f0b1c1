"""docs/architecture.md tells the truth about the tree: every path it names exists, and every
module and package folder of graph/, loaders/ and api/ is named in it, so that a rename or a
new module fails here rather than misleading the next reader of the page.

How the page names a path: a name in backticks with a slash or a file ending (`model.py`,
`routes/`, `data/*.yaml`). Under a heading that names a folder (## `graph/` ...) a path may be
written from that folder; anywhere, it may be written from the project root. A new module
needs one row (or one more name in a row) in the table of its package.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "architecture.md"
PACKAGES = ("graph", "loaders", "api")

_CODE = re.compile(r"`([^`\s]+)`")
_HEADING = re.compile(r"^#{2,3} +`([\w./-]+/)`")
_FILE_ENDINGS = (".py", ".yaml", ".yml", ".md", ".cypher", ".json", ".ipynb", ".txt", ".toml")


def _is_path(name: str) -> bool:
    """A project path, not an endpoint (/actors), a URL or an identifier (graph.querying)."""
    if name.startswith("/") or "://" in name or "<" in name:
        return False
    return "/" in name or name.endswith(_FILE_ENDINGS)


def named_paths(text: str) -> Iterator[tuple[int, Path | None, str]]:
    """(line number, the folder of the section or None, the path as written) for every path."""
    folder: Path | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("#"):
            heading = _HEADING.match(line)
            folder = ROOT / heading.group(1) if heading else None
            continue
        for name in _CODE.findall(line):
            if _is_path(name):
                yield number, folder, name


def resolve(folder: Path | None, name: str) -> list[Path]:
    """What a name points at, from its section's folder or from the root (globs expanded)."""
    for base in (folder, ROOT):
        if base is None:
            continue
        found = sorted(base.glob(name.rstrip("/"))) if "*" in name else [base / name]
        found = [path for path in found if path.exists()]
        if found:
            return found
    return []


def _page() -> str:
    return PAGE.read_text(encoding="utf-8")


def _parts(package: str) -> list[Path]:
    """The package's folders of Python modules and its modules but __init__.py."""
    modules = [
        path for path in sorted((ROOT / package).rglob("*.py")) if "__pycache__" not in path.parts
    ]
    folders = sorted({path.parent for path in modules})
    return [*folders, *(path for path in modules if path.name != "__init__.py")]


def test_every_path_the_page_names_exists() -> None:
    missing = [
        f"docs/architecture.md:{number}: {name}"
        for number, folder, name in named_paths(_page())
        if not resolve(folder, name)
    ]
    assert missing == [], "the page names paths that do not exist:\n" + "\n".join(missing)


@pytest.mark.parametrize("package", PACKAGES)
def test_every_module_and_package_folder_is_named(package: str) -> None:
    page = _page()
    named = {path for _, folder, name in named_paths(page) for path in resolve(folder, name)}
    named |= {ROOT / h.group(1) for h in map(_HEADING.match, page.splitlines()) if h}
    unnamed = [
        str(path.relative_to(ROOT)) + ("/" if path.is_dir() else "")
        for path in _parts(package)
        if path not in named
    ]
    assert unnamed == [], (
        f"docs/architecture.md does not name these parts of {package}/: give each a row (or "
        f"a place in a row) of the table of {package}/, or correct the page's old name for "
        f"it: {', '.join(unnamed)}"
    )
