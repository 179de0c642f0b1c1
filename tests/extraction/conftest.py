"""Fixtures for the extraction tests: the seed graph built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import Graph, Relation
from loaders.pipeline import BuildReport, build_graph

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
CURATION = ROOT / "curation.yaml"


@pytest.fixture(scope="session")
def seed_build() -> tuple[Graph, BuildReport]:
    return build_graph([SEEDS], CURATION, 20_000_000)


@pytest.fixture(scope="session")
def seed_graph(seed_build: tuple[Graph, BuildReport]) -> Graph:
    return seed_build[0]


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def find(graph: Graph, source: str, rel_type: str, target: str) -> list[Relation]:
    """Relations of a type between two actors, in either direction for undirected types."""
    ends = {(source, target), (target, source)}
    return [r for r in graph.relations if r.type == rel_type and (r.source, r.target) in ends]
