"""The per-document extraction cache, keyed on content sha256 and extractor version.

A rebuild re-extracts only documents whose content (or the extractor, catalogue or patterns)
changed. Entries are written atomically, so an interrupted build never leaves a half entry.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from graph.files import write_atomically
from loaders.extract import DocExtraction, extractor_version

__all__ = ["ExtractionCache"]


class ExtractionCache:
    """Per-document extractions in `directory`, one JSON file per content hash and version."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

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
        write_atomically(self._path(sha256), extraction.model_dump_json().encode("utf-8"))
