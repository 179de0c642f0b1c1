"""The bytes of the embedded store's file: the canonical graph as indented JSON.

Sorted and normalised, so the same documents always give the same file, byte for byte.
"""

from __future__ import annotations

from graph.model import Graph

__all__ = ["store_bytes"]


def store_bytes(graph: Graph) -> bytes:
    """The canonical bytes of a graph: sorted, indented JSON ending in a newline."""
    return (graph.normalised().model_dump_json(indent=1) + "\n").encode("utf-8")
