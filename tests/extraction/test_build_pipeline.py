"""Building: bad input is skipped with reasons, curation is validated first, builds are
incremental and deterministic, and the CLI prints a summary and exports the BRIEF shape."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.errors import CurationError
from graph.formats.exports import to_json
from loaders.pipeline import build, build_graph
from tests.extraction.conftest import CURATION, ROOT, SEEDS

runner = CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    shutil.copytree(SEEDS, folder)
    return folder


def test_bad_documents_are_skipped_by_name_with_the_reason(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\n ")
    (folder / "binary.txt").write_bytes(b"JICA\x00\x01\x02")
    (folder / "cp1252.txt").write_bytes("Caf\u00e9 in Tokyo".encode("cp1252"))
    (folder / "big.txt").write_bytes(b"Japan " * 5_000)
    (folder / "good.txt").write_text(
        "Japan hosted the G7 Ise-Shima Summit in 2016.", encoding="utf-8"
    )
    graph, report = build_graph([folder], None, 20_000, tmp_path / "cache")
    assert {s.name: s.reason for s in report.skipped} == {
        "empty.txt": "empty",
        "blank.txt": "empty",
        "binary.txt": "binary (contains NUL bytes)",
        "cp1252.txt": "not UTF-8 (invalid byte at offset 3)",
        "big.txt": "too large (30000 bytes; the limit is 20000 bytes)",
    }
    assert report.documents == ["good.txt"]
    assert "country:JPN|HOSTS|event:g7-ise-shima-summit|2016" in {r.key for r in graph.relations}
    assert {e.doc for r in graph.relations for e in r.evidence} == {"good.txt"}


def test_a_bad_document_among_the_seeds_does_not_stop_the_build(
    corpus: Path, tmp_path: Path
) -> None:
    (corpus / "bad.txt").write_bytes(b"Japan and India \xff\xfe signed")
    graph, report = build_graph([corpus], None, 20_000_000, tmp_path / "cache")
    assert [(s.name, s.reason) for s in report.skipped] == [
        ("bad.txt", "not UTF-8 (invalid byte at offset 16)")
    ]
    assert len(report.documents) == 5
    assert any(a.id == "agency:jica" for a in graph.actors)


@pytest.mark.parametrize(("content", "line"), [
    ("actors:\n  remove: [org:eu\n  rename: []\n", 3),
    ("actors:\n  remove: [org:eu]\nrelations:\n  add:\n    - source: a\n      target: b\n"
     "      type: NOT_A_TYPE\n      curated: true\n", 7),
    ("relations:\n  add:\n    - source: a\n      target: b\n      type: FUNDS\n", 3),
])  # fmt: skip
def test_malformed_curation_is_rejected_with_its_line_and_the_store_is_untouched(
    corpus: Path, tmp_path: Path, content: str, line: int
) -> None:
    store = tmp_path / "data" / "graph.json"
    build([corpus], store, None, 20_000_000)
    before = store.read_bytes()
    bad = tmp_path / "curation.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(CurationError) as caught:
        build([corpus], store, bad, 20_000_000)
    assert caught.value.details["line"] == line
    assert f":{line}:" in caught.value.message
    assert store.read_bytes() == before


def test_curation_corrections_are_applied_on_every_build(seed_graph: object) -> None:
    from graph.model import Graph

    assert isinstance(seed_graph, Graph)
    actors = {a.id: a for a in seed_graph.actors}
    kantei = actors["agency:prime-minister-of-japan-and-his-cabinet"]
    assert kantei.name == "Prime Minister's Office of Japan"
    assert "Prime Minister of Japan and His Cabinet" in kantei.aliases
    (located,) = [r for r in seed_graph.relations if r.type == "LOCATED_IN"
                  and r.source == "project:mumbai-ahmedabad-high-speed-rail"]  # fmt: skip
    assert located.curated and located.target == "country:IND"
    text = (SEEDS / located.evidence[0].doc).read_text(encoding="utf-8")
    assert text[located.evidence[0].start : located.evidence[0].end] == located.evidence[0].quote


def test_adding_a_document_extracts_only_that_document(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "data" / "graph.json"
    _, first = build([corpus], store, CURATION, 20_000_000)
    assert len(first.extracted) == 5
    (corpus / "press.txt").write_text(
        "Kyoto University and the Indian Institute of Technology Hyderabad (IITH) launched a "
        "joint research programme in 2023.",
        encoding="utf-8",
    )
    graph, second = build([corpus], store, CURATION, 20_000_000)
    assert second.extracted == ["press.txt"]
    assert len(second.cached) == 5
    assert any(a.id == "university:kyoto-university" for a in graph.actors)
    fresh = tmp_path / "fresh" / "graph.json"
    build([corpus], fresh, CURATION, 20_000_000)
    assert fresh.read_bytes() == store.read_bytes()


def test_removing_a_document_removes_only_what_it_alone_supported(
    corpus: Path, tmp_path: Path
) -> None:
    store = tmp_path / "data" / "graph.json"
    extra = (
        "The partnership between Toyota, TRENDE and the University of Tokyo began in 2019.\n\n"
        "Japan hosted the G7 Ise-Shima Summit in 2016."
    )
    (corpus / "extra.txt").write_text(extra, encoding="utf-8")
    graph, _ = build([corpus], store, None, 20_000_000)
    keys = {r.key: r for r in graph.relations}
    shared = "company:toyota|PARTNERS_WITH|company:trende|2019"
    only_extra = "country:JPN|HOSTS|event:g7-ise-shima-summit|2016"
    assert {e.doc for e in keys[shared].evidence} == {"000_319be56bb5530dd0.txt", "extra.txt"}
    assert only_extra in keys
    (corpus / "extra.txt").unlink()
    graph, report = build([corpus], store, None, 20_000_000)
    keys = {r.key: r for r in graph.relations}
    assert report.extracted == []
    assert only_extra not in keys
    assert {e.doc for e in keys[shared].evidence} == {"000_319be56bb5530dd0.txt"}


def test_two_builds_export_identical_bytes(tmp_path: Path) -> None:
    first, _ = build_graph([SEEDS], CURATION, 20_000_000, None)
    second, _ = build_graph([SEEDS], CURATION, 20_000_000, tmp_path / "cache")
    third, _ = build_graph([SEEDS], CURATION, 20_000_000, tmp_path / "cache")
    assert to_json(first) == to_json(second) == to_json(third)


# One fresh process per hash seed runs `kizuna build` then `kizuna export`, as a user would
# run the two commands (in one interpreter, so that the test pays for one start, not two).
_BUILD_THEN_EXPORT = """
import sys
from api.cli import app
seeds, curation, store, out = sys.argv[1:]
app(["build", seeds, "--store", store, "--curation", curation], standalone_mode=False)
app(["export", "--store", store, "-o", out], standalone_mode=False)
"""


def _cli_export(tmp_path: Path, seed: str) -> bytes:
    store = tmp_path / seed / "graph.json"
    out = tmp_path / seed / "graph-export.json"
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run([sys.executable, "-c", _BUILD_THEN_EXPORT, str(SEEDS), str(CURATION),
                    str(store), str(out)], check=True, env=env, cwd=ROOT,
                   capture_output=True)  # fmt: skip
    return out.read_bytes()


def test_fresh_processes_with_different_hash_seeds_export_identical_bytes(
    tmp_path: Path,
) -> None:
    assert _cli_export(tmp_path, "1") == _cli_export(tmp_path, "4242")


def test_cli_build_prints_a_summary_and_export_has_the_brief_shape(
    corpus: Path, tmp_path: Path
) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    store = tmp_path / "graph.json"
    result = runner.invoke(app, ["build", str(corpus), "--store", str(store),
                                 "--curation", str(CURATION)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Read 5 documents" in result.output
    assert "skipped empty.txt: empty" in result.output
    assert "Actors by type" in result.output and "Relations by type" in result.output
    result = runner.invoke(app, ["export", "--store", str(store)])
    data = json.loads(result.stdout)
    assert set(data) == {"nodes", "edges", "documents"}
    assert {"id", "name", "type", "aliases"} <= set(data["nodes"][0])
    edge = data["edges"][0]
    assert {"source", "target", "type", "year", "evidence"} <= set(edge)
    assert set(edge["evidence"][0]) == {"doc", "quote", "start", "end", "title", "source"}
    titles = {d["name"]: d["title"] for d in data["documents"]}
    assert set(titles) == {p.name for p in SEEDS.glob("*.txt")}
    for e in data["edges"]:
        for piece in e["evidence"]:
            assert piece["title"] == titles[piece["doc"]]
    stats = runner.invoke(app, ["stats", "--store", str(store)])
    assert stats.exit_code == 0 and "relations" in stats.output


def test_cli_exports_graphml_and_csv(corpus: Path, tmp_path: Path) -> None:
    import networkx as nx

    store = tmp_path / "graph.json"
    assert runner.invoke(app, ["build", str(corpus), "--store", str(store)]).exit_code == 0
    graphml = tmp_path / "g.graphml"
    runner.invoke(app, ["export", "--format", "graphml", "-o", str(graphml), "--store", str(store)])
    loaded = nx.read_graphml(graphml)
    assert loaded.nodes["agency:jica"]["type"] == "Agency"
    archive = tmp_path / "g.zip"
    runner.invoke(app, ["export", "--format", "csv", "-o", str(archive), "--store", str(store)])
    with zipfile.ZipFile(archive) as z:
        assert sorted(z.namelist()) == ["edges.csv", "nodes.csv"]
        edges = z.read("edges.csv").decode("utf-8")
        assert edges.startswith("source,target,type,year")
        assert edges.splitlines()[0].endswith(",doc_title,doc_source")
        assert "Japan's Technology Diplomacy: A critical link" in edges
    runner.invoke(
        app, ["export", "-f", "csv", "-o", str(tmp_path / "g.csv"), "--store", str(store)]
    )
    assert (tmp_path / "g.nodes.csv").exists() and (tmp_path / "g.edges.csv").exists()


def test_cli_rejects_a_malformed_curation_file(corpus: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  add:\n    - id: x\n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(corpus), "--store", str(tmp_path / "g.json"),
                                 "--curation", str(bad)])  # fmt: skip
    assert result.exit_code == 1
    assert "bad.yaml:3:" in result.output
    assert not (tmp_path / "g.json").exists()


def test_the_json_export_carries_each_edges_rule_confidence_and_low_confidence_edges(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    text = "Reports from Japan and Kenya mentioned a partnership in 2024."
    (folder / "talks.txt").write_text(text, encoding="utf-8")
    graph, _ = build_graph([folder], None, 20_000, tmp_path / "cache")
    edges = json.loads(to_json(graph))["edges"]
    low = [e for e in edges if e["rule"] == "cooccurrence"]
    assert low and all(e["confidence"] < 0.5 for e in low)
    assert all(e["date"] == "2024" and e["date_source"] == "sentence" for e in low)
    assert all(text[q["start"] : q["end"]] == q["quote"] for e in low for q in e["evidence"])


def test_kizuna_export_leaves_out_low_confidence_relations_unless_asked(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    text = "Reports from Japan and Kenya mentioned a partnership in 2024."
    (folder / "talks.txt").write_text(text, encoding="utf-8")
    store = tmp_path / "g.json"
    built = runner.invoke(app, ["build", str(folder), "--store", str(store)])
    assert built.exit_code == 0, built.output

    def exported(*options: str) -> list[dict[str, object]]:
        out = tmp_path / "out.json"
        done = runner.invoke(app, ["export", "-o", str(out), "--store", str(store), *options])
        assert done.exit_code == 0, done.output
        edges: list[dict[str, object]] = json.loads(out.read_text(encoding="utf-8"))["edges"]
        return edges

    everything = exported("--min-confidence", "0")
    assert any(e["rule"] == "cooccurrence" for e in everything)
    by_default = exported()
    assert by_default == [e for e in everything if float(str(e["confidence"])) >= 0.5]
