"""A build with much new text spreads its documents over the cores, and gets the very
extractions one core gets, in the documents' order."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import extraction_workers
from loaders.extract import extract_document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_extractions_over_the_cores_equal_one_cores_in_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts = [*texts, texts[0] + "\n\nA copy."]
    monkeypatch.setattr(extraction_workers, "PARALLEL_WORDS", 0)
    monkeypatch.setattr("os.sched_getaffinity", lambda _pid: {0, 1})
    spread = [e.model_dump_json() for e in extraction_workers.extracted(texts)]
    assert spread == [extract_document(t).model_dump_json() for t in texts]
