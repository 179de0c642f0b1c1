"""Fixtures for the extraction tests: the seed graph built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import Graph, Relation

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
CURATION = ROOT / "curation.yaml"


@pytest.fixture(scope="session")
def seed_graph(seeds_graph: Graph) -> Graph:
    """The graph built from seeds/ (tests/conftest.py builds it once per run)."""
    return seeds_graph


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def find(graph: Graph, source: str, rel_type: str, target: str) -> list[Relation]:
    """Relations of a type between two actors, in either direction for undirected types."""
    ends = {(source, target), (target, source)}
    return [r for r in graph.relations if r.type == rel_type and (r.source, r.target) in ends]
