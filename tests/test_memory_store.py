"""MemoryStore specifics beyond the contract: atomic persistence, reloads, clear failures."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from graph.errors import StoreCorrupt, StoreUnavailable
from graph.files import write_atomically
from graph.formats.store_file import store_bytes
from graph.memory_store import MemoryStore
from graph.model import Graph
from graph.querying import Filters


def test_store_file_is_the_canonical_serialisation(tmp_path: Path, contract_graph: Graph) -> None:
    path = tmp_path / "g.json"
    MemoryStore(path).replace(contract_graph)
    assert path.read_bytes() == store_bytes(contract_graph)
    assert MemoryStore(path).snapshot() == contract_graph.normalised()


def test_failed_write_leaves_the_previous_file_untouched(
    tmp_path: Path, contract_graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "g.json"
    store = MemoryStore(path)
    store.replace(contract_graph)
    before = path.read_bytes()

    def disk_full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(StoreUnavailable, match="Cannot write the store file"):
        store.replace(Graph())
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["g.json"]


def test_write_atomically_creates_missing_folders(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "file.json"
    write_atomically(target, b"{}")
    assert target.read_bytes() == b"{}"


def _column(encoded: str, dtype: str) -> npt.NDArray[np.generic]:
    return np.frombuffer(base64.b64decode(encoded), dtype=dtype).copy()


def _encoded(values: npt.NDArray[np.generic]) -> str:
    return base64.b64encode(values.tobytes()).decode("ascii")


def test_a_corrupt_store_file_is_reported_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    path.write_text('{"actors": [{"id": 1}]}')
    with pytest.raises(StoreCorrupt, match="kizuna build"):
        MemoryStore(path)


def test_a_store_notices_when_a_build_replaced_its_file(
    tmp_path: Path, contract_graph: Graph
) -> None:
    path = tmp_path / "g.json"
    serving = MemoryStore(path)
    assert serving.get("country:JPN") is None
    MemoryStore(path).replace(contract_graph)
    assert serving.get("country:JPN") is not None


def test_counts_kept_for_health_follow_a_build_that_replaced_the_file(
    tmp_path: Path, contract_graph: Graph
) -> None:
    path = tmp_path / "g.json"
    serving = MemoryStore(path)
    assert serving.stats().relations == 0
    serving.stats().actors_by_type["Country"] = 99  # a caller's change stays in its copy
    assert serving.stats().actors_by_type == {}
    MemoryStore(path).replace(contract_graph)
    assert serving.stats().relations == len(contract_graph.normalised().relations) > 0


def test_an_unreadable_store_file_is_unavailable_to_a_new_store_and_reported_by_a_serving_one(
    tmp_path: Path, contract_graph: Graph
) -> None:
    path = tmp_path / "g.json"
    store = MemoryStore(path)
    store.replace(contract_graph)
    path.unlink()
    path.mkdir()
    with pytest.raises(StoreUnavailable, match="Cannot read the store file"):
        MemoryStore(path)
    store.ping()  # the serving store keeps the last graph it read
    assert store.get("country:JPN") is not None
    assert "Cannot read the store file" in (store.problem() or "")
    assert "it is a folder" in (store.problem() or "")


def test_a_store_file_of_another_format_is_reported_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    path.write_text('{"actors": "not a list", "relations": []}')
    with pytest.raises(StoreCorrupt, match=r"not a Kizuna store.*format.*marker.*kizuna build"):
        MemoryStore(path)


def test_a_store_file_written_before_the_columns_is_read_and_rewritten_in_columns(
    tmp_path: Path, contract_graph: Graph
) -> None:
    path = tmp_path / "g.json"
    path.write_text(contract_graph.model_dump_json())  # a whole graph, as older stores wrote it
    store = MemoryStore(path)
    assert store.snapshot() == contract_graph.normalised()
    store.replace(store.snapshot())
    assert json.loads(path.read_bytes())["format"] == "kizuna-store"
    assert MemoryStore(path).snapshot() == contract_graph.normalised()


def test_a_relation_pointing_past_the_actors_is_reported(
    tmp_path: Path, contract_graph: Graph
) -> None:
    path = tmp_path / "g.json"
    content = json.loads(store_bytes(contract_graph))
    targets = _column(content["relations"]["target"], "<i4")
    targets[0] = len(content["actors"])
    content["relations"]["target"] = _encoded(targets)
    path.write_text(json.dumps(content))
    with pytest.raises(StoreCorrupt, match=r"relations\.target holds a number outside"):
        MemoryStore(path)


def test_columns_of_different_lengths_are_reported(tmp_path: Path, contract_graph: Graph) -> None:
    path = tmp_path / "g.json"
    content = json.loads(store_bytes(contract_graph))
    content["relations"]["year"] = _encoded(_column(content["relations"]["year"], "<i4")[:-1])
    path.write_text(json.dumps(content))
    with pytest.raises(StoreCorrupt, match=r"relations\.year has \d+ rows"):
        MemoryStore(path)


def test_a_quote_its_document_gives_back_is_stored_as_offsets_only(
    tmp_path: Path, contract_graph: Graph
) -> None:
    path = tmp_path / "g.json"
    MemoryStore(path).replace(contract_graph)
    content = json.loads(path.read_bytes())
    quotes = [e.quote for r in contract_graph.relations for e in r.evidence]
    assert quotes and content["evidence"]["quote"] == [None] * len(quotes)
    served = MemoryStore(path).actor("country:JPN").relations
    texts = {d.name: d.text for d in contract_graph.documents}
    assert served and all(
        texts[e.doc][e.start : e.end] == e.quote and e.quote for r in served for e in r.evidence
    )


def test_a_quote_without_its_document_text_is_kept_in_the_file(
    tmp_path: Path, contract_graph: Graph
) -> None:
    path = tmp_path / "g.json"
    textless = contract_graph.model_copy(
        update={"documents": [d.model_copy(update={"text": ""}) for d in contract_graph.documents]}
    )
    MemoryStore(path).replace(textless)
    quotes = sorted(e.quote for r in contract_graph.relations for e in r.evidence)
    assert sorted(json.loads(path.read_bytes())["evidence"]["quote"]) == quotes
    assert MemoryStore(path).snapshot() == textless.normalised()


def test_a_quote_that_does_not_fit_its_span_is_reported(
    tmp_path: Path, contract_graph: Graph
) -> None:
    path = tmp_path / "g.json"
    content = json.loads(store_bytes(contract_graph))
    content["evidence"]["quote"][0] = "not the length of the span"
    path.write_text(json.dumps(content))
    with pytest.raises(StoreCorrupt, match="does not match its quote's length"):
        MemoryStore(path)


def test_stats_and_projection_come_from_the_columns_as_from_the_graph(
    tmp_path: Path, contract_graph: Graph
) -> None:
    store = MemoryStore(tmp_path / "g.json")
    store.replace(contract_graph)
    graph = contract_graph.normalised()
    stats = store.stats()
    assert (stats.actors, stats.relations, stats.documents) == (
        len(graph.actors),
        len(graph.relations),
        len(graph.documents),
    )
    assert stats.evidence == sum(len(r.evidence) for r in graph.relations)
    filters = Filters(relation_types=frozenset({"SIGNED_MOC"}), since=2000)
    expected = [
        r.model_copy(update={"evidence": []}) for r in graph.relations if filters.accepts(r)
    ]
    assert expected and store.projection(filters) == expected


def test_a_store_file_of_another_version_says_which(tmp_path: Path, contract_graph: Graph) -> None:
    path = tmp_path / "g.json"
    content = json.loads(store_bytes(contract_graph))
    content["version"] = 99
    path.write_text(json.dumps(content))
    with pytest.raises(StoreCorrupt, match="store format version 99; this Kizuna reads 2"):
        MemoryStore(path)
