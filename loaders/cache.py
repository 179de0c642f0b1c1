"""The per-document extraction cache, keyed on content sha256 and extractor version.

A rebuild re-extracts only documents whose content (or the extractor, catalogue or patterns)
changed. Entries are written atomically, so an interrupted build never leaves a half entry
(and the temporary file of a killed one is removed by the next writer). The cache only saves
time: an entry that cannot be written (a full disk) is not an error of the build, which stops
writing entries and says so; a build that then fails for want of space takes back the
entries it wrote, so that the disk is as full as it was before it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from graph.files import file_problem, write_atomically
from loaders.extract import DocExtraction, extractor_version

__all__ = ["ExtractionCache"]


class ExtractionCache:
    """Per-document extractions in `directory`, one JSON file per content hash and version."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.problem: str | None = None
        """Why entries stopped being written (None while they are)."""

    def _path(self, sha256: str) -> Path:
        return self.directory / f"{sha256}-{extractor_version()}.json"

    def get(self, sha256: str) -> DocExtraction | None:
        """The cached extraction, or None (missing, unreadable or from an older format)."""
        path = self._path(sha256)
        try:
            return DocExtraction.model_validate_json(path.read_bytes())
        except (OSError, ValidationError, ValueError):
            return None

    def put(self, sha256: str, extraction: DocExtraction) -> None:
        """Keep an extraction; after a first failure to write, keep none (see `problem`)."""
        if self.problem is not None:
            return
        try:
            write_atomically(self._path(sha256), extraction.model_dump_json().encode("utf-8"))
        except OSError as exc:
            self.problem = f"cannot write the extraction cache in {self.directory}: " + (
                f"{file_problem(exc)}; the next build extracts these documents again"
            )

    def remove(self, sha256s: Iterable[str]) -> None:
        """Drop the entries of these contents (those a failed build wrote)."""
        for sha256 in sha256s:
            with contextlib.suppress(OSError):
                self._path(sha256).unlink()
