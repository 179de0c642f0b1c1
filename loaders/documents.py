"""Reading documents: UTF-8 text files, checked before anything is extracted from them.

A file that is empty, binary (NUL bytes), not UTF-8 or larger than the configured limit is
not an error for the build: it is reported by name with the reason and skipped. So is a link
in a folder that leads out of it: adding a folder adds what is in it, never a file elsewhere
that a link points at (the store keeps and serves every document's text).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SkippedDocument", "SourceDocument", "collect_files", "read_documents"]


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
