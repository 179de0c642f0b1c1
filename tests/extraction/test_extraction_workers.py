"""A build with much new text spreads its documents over the cores, and gets the very
extractions one core gets, in the documents' order."""

from __future__ import annotations

import subprocess
import sys
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


_WARMED = """
import gc
from loaders import nlp
from loaders.extraction_workers import extracted
assert gc.get_freeze_count() == 0 and nlp.model.cache_info().currsize == 0
list(extracted(["A short note."]))  # one core: the building process warms itself
print(gc.get_freeze_count(), nlp.model.cache_info().currsize)
"""


def test_a_build_on_one_core_loads_the_model_once_and_freezes_what_it_loaded() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _WARMED], capture_output=True, text=True, check=True, timeout=300
    )
    frozen, models = (int(x) for x in done.stdout.split())
    assert models == 1  # loaded, though "A short note." is not worth a parse
    assert frozen > 0  # what it loaded is out of the collector's walk
