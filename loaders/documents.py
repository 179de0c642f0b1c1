"""Reading documents: UTF-8 text files, checked before anything is extracted from them, and
what a document says of itself (its title, source and date: `read_header`).

A file that is empty, binary (NUL bytes), not UTF-8 or larger than the configured limit is
not an error for the build: it is reported by name with the reason and skipped. So is a link
in a folder that leads out of it: adding a folder adds what is in it, never a file elsewhere
that a link points at (the store keeps and serves every document's text).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from graph.errors import CorpusError
from loaders.dates import dateline, dates_in

__all__ = [
    "DocumentHeader",
    "SkippedDocument",
    "SourceDocument",
    "check_paths_exist",
    "collect_files",
    "read_documents",
    "read_header",
]


@dataclass(frozen=True)
class SourceDocument:
    """A document read for a build: its name in the graph, where it came from (None: kept
    from the store, with no file known), its text and hash."""

    name: str
    path: Path | None
    text: str
    sha256: str


@dataclass(frozen=True)
class SkippedDocument:
    """A document the build could not read, and why (the summary prints both)."""

    name: str
    reason: str


def check_paths_exist(paths: Iterable[Path]) -> None:
    """Raise CorpusError naming every path given that does not exist: nothing is read or
    changed for a typo."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise CorpusError(
            f"no such file or folder: {', '.join(missing)}. Check the path; nothing was changed."
        )


def collect_files(
    paths: Iterable[Path], skipped: list[SkippedDocument] | None = None
) -> list[Path]:
    """Files given, and every non-hidden file under folders given, in a stable order.

    A file of a folder that resolves outside the folder (a link to elsewhere) is left out,
    and reported in `skipped` when it is given."""
    files: list[Path] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        root = path.resolve()
        for file in sorted(path.rglob("*")):
            if not file.is_file() or any(
                part.startswith(".") for part in file.relative_to(path).parts
            ):
                continue
            target = file.resolve()
            if not target.is_relative_to(root):
                if skipped is not None:
                    skipped.append(SkippedDocument(str(file), _leads_out(path, target)))
                continue
            files.append(file)
    return files


def _leads_out(folder: Path, target: Path) -> str:
    return (
        f"a link that leads out of {folder} (to {target}); not added. Name the file "
        "itself to add it"
    )


def _check(data: bytes, max_bytes: int) -> str | None:
    if len(data) > max_bytes:
        return f"too large ({len(data)} bytes; the limit is {max_bytes} bytes)"
    if not data.strip():
        return "empty"
    if b"\x00" in data:
        return "binary (contains NUL bytes)"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"not UTF-8 (invalid byte at offset {exc.start})"
    return None


def read_documents(
    paths: Iterable[Path], max_bytes: int
) -> tuple[list[SourceDocument], list[SkippedDocument]]:
    """Read every document; a document is named by its file name, which must be unique."""
    documents: list[SourceDocument] = []
    skipped: list[SkippedDocument] = []
    seen: set[str] = set()
    for path in collect_files(paths, skipped):
        name = path.name
        if not path.exists():
            skipped.append(SkippedDocument(str(path), "no such file"))
            continue
        try:
            if path.stat().st_size > max_bytes:
                size = path.stat().st_size
                limit = f"too large ({size} bytes; the limit is {max_bytes} bytes)"
                skipped.append(SkippedDocument(name, limit))
                continue
            data = path.read_bytes()
        except OSError as exc:
            skipped.append(SkippedDocument(name, f"unreadable ({exc.strerror})"))
            continue
        reason = _check(data, max_bytes)
        if reason is None and name in seen:
            reason = "another document has the same file name"
        if reason is not None:
            skipped.append(SkippedDocument(name, reason))
            continue
        seen.add(name)
        text = data.decode("utf-8")
        documents.append(SourceDocument(name, path, text, hashlib.sha256(data).hexdigest()))
    documents.sort(key=lambda d: d.name)
    return documents, skipped


# --- what a document says of itself -------------------------------------------------------


@dataclass(frozen=True)
class DocumentHeader:
    """A document's title, source address and date, as its own text gives them (None where
    it gives none); the date at the precision it is written ("2024-03-12", "2024-03", "2024")."""

    title: str | None = None
    source: str | None = None
    date: str | None = None


_FIELD = re.compile(r"^(title|source|url|date)[ \t]*:[ \t]*(\S.*?)\s*$", re.IGNORECASE)
_MARKDOWN_HEADING = re.compile(r"^[ \t]{0,3}#{1,2}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_DOI = re.compile(r"^\W*doi\W*\s*(10\.\d{4,9}/\S+?)[.,;]?\s*$", re.IGNORECASE | re.MULTILINE)
_EMPHASIS = re.compile(r"[*_`]+")
_ADDRESS = re.compile(r"https?://\S+", re.IGNORECASE)
"""A source is an address a reader can open; anything else in a `source:` line is not one."""
_OPENING = 3000
"""How far into a document its title, DOI and date are looked for (its opening)."""
_TITLE_CHARS = 200


def read_header(text: str) -> DocumentHeader:
    """The title, source and date a document gives itself.

    - Header lines at its top: `title: ...`, `source: ...` (or `url: ...`) and `date: ...`,
      as the documents of the development corpus carry them.
    - Else the title is its first heading: a Markdown heading (`# ...`, `## ...`) in its
      opening, or its first paragraph when that is one short line with no full stop (the
      label of a web page's "Now Reading: X" dropped when X follows as a line of its own);
      the source is the DOI its opening gives (as a doi.org address); the date its dateline
      (`loaders.dates.dateline`: "Published Online: 2024-12-30", "[July 2024]").
    """
    fields: dict[str, str] = {}
    lines = text.lstrip("\ufeff").splitlines()
    header_lines = 0
    for line in lines:
        match = _FIELD.match(line)
        if match is None:
            break
        header_lines += 1
        key = match.group(1).lower()
        fields.setdefault("source" if key == "url" else key, match.group(2))
    body = "\n".join(lines[header_lines:])
    opening = body[:_OPENING]
    date = fields.get("date")
    stated = dates_in(date) if date else []
    if stated:
        date = stated[0].iso
    elif date is None:
        found = dateline(opening)
        date = found.iso if found else None
    source = fields.get("source")
    return DocumentHeader(
        title=fields.get("title") or _first_heading(opening),
        source=source if source and _ADDRESS.fullmatch(source) else _doi(opening),
        date=date,
    )


def _doi(opening: str) -> str | None:
    match = _DOI.search(opening)
    return f"https://doi.org/{match.group(1)}" if match else None


def _plain(line: str) -> str:
    return " ".join(_EMPHASIS.sub("", line).split())


def _first_heading(opening: str) -> str | None:
    markdown = _MARKDOWN_HEADING.search(opening)
    if markdown is not None and _plain(markdown.group(1)):
        return _plain(markdown.group(1))
    paragraphs = [p.strip() for p in re.split(r"\n[ \t]*\n", opening) if p.strip()]
    if not paragraphs or "\n" in paragraphs[0]:
        return None
    first = _plain(paragraphs[0])
    if len(first) > _TITLE_CHARS or len(first.split()) < 2 or first.endswith((".", ",", ";")):
        return None
    label, _, rest = first.partition(": ")
    if rest and len(label.split()) <= 2 and rest in {_plain(p) for p in paragraphs[1:6]}:
        return rest
    return first
