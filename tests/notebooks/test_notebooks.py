"""The Cypher notebooks run end to end against the real Neo4j server, with nbclient.

Each notebook is executed as committed (its outputs are cleared in git) in a kernel that runs
this test's own Python (the project's .venv), against the server of tests/neo4j_server.py
holding the sample graph, one relation of which ("Japan and India hold a summit.") is made a
co-occurrence below the confidence floor. Then a probe cell, run in the same kernel, reads the
notebook's own tables, and the answers are checked against the sentences of
tests/contract/sample_graph.py, and the notebooks' first answers against the REST API's over
each store holding the same graph: the notebooks leave out what the API leaves out.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from api.app import create_app
from graph.memory_store import MemoryStore
from graph.model import Graph
from graph.neo4j_store import Neo4jStore
from tests.api.live_server import serve
from tests.neo4j_server import Neo4jServer

pytestmark = pytest.mark.neo4j

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
KERNEL = "kizuna-test-python"


@pytest.fixture(scope="module")
def kernel_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A kernelspec that runs this interpreter, so the notebook sees the project's packages."""
    root = tmp_path_factory.mktemp("jupyter")
    spec = root / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "Kizuna tests",
                "language": "python",
            }
        ),
        encoding="utf-8",
    )
    return root


UNSURE = ("PARTNERS_WITH", {"country:JPN", "country:IND"})


@pytest.fixture(scope="module")
def marked_graph(contract_graph: Graph) -> Graph:
    """The sample graph with Japan PARTNERS_WITH India below the confidence floor."""
    relations = [
        r.model_copy(update={"confidence": 0.3}) if (r.type, {r.source, r.target}) == UNSURE else r
        for r in contract_graph.relations
    ]
    return contract_graph.model_copy(update={"relations": relations})


@pytest.fixture
def loaded(
    neo4j_store: Neo4jStore, marked_graph: Graph, neo4j_server: Neo4jServer
) -> Iterator[Neo4jServer]:
    neo4j_store.replace(marked_graph, wipe=True)
    yield neo4j_server


@pytest.fixture
def api_answers(
    loaded: Neo4jServer, neo4j_store: Neo4jStore, marked_graph: Graph, tmp_path: Path
) -> Callable[[str], dict[str, Any]]:
    """`answer(path)`: the REST API's JSON for `path` on each store kind holding the marked
    graph (Neo4j: the database the notebooks read), by kind."""
    memory = MemoryStore(tmp_path / "store.json")
    memory.replace(marked_graph)

    def answer(path: str) -> dict[str, Any]:
        answers = {}
        for kind, store in (("memory", memory), ("neo4j", neo4j_store)):
            with serve(create_app(store=store)) as server, server.client() as http:
                response = http.get(path)
                assert response.status_code == 200, response.text
                answers[kind] = response.json()
        return answers

    return answer


Run = Callable[[str, dict[str, str], int], Any]


@pytest.fixture
def run_notebook(loaded: Neo4jServer, kernel_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """`run(name, probe, images)`: execute the notebook, then, in the same kernel, the `probe`
    expressions (by name); check that no cell failed and that at least `images` images were
    drawn; the probe's values, through JSON."""

    def run(name: str, probe: dict[str, str], images: int) -> Any:
        notebook, seen = _execute(name, probe, loaded, kernel_dir, monkeypatch)
        assert _errors(notebook) == []
        assert _images(notebook) >= images
        return seen

    return run


def _execute(
    name: str,
    probe: dict[str, str],
    server: Neo4jServer,
    kernel_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[nbformat.NotebookNode, Any]:
    """Run the notebook, then, in the same kernel, the `probe` expressions (by name); the
    executed notebook and the probe's values, through JSON."""
    monkeypatch.setenv("JUPYTER_PATH", str(kernel_dir))
    monkeypatch.setenv("NEO4J_URI", server.uri)
    monkeypatch.setenv("NEO4J_USER", server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", server.password)
    monkeypatch.setenv("NEO4J_DATABASE", server.database)
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    for cell in notebook.cells:
        assert cell.cell_type != "code" or not cell.outputs, f"{name} is committed with outputs"
    # The driver is closed in the last cell; the probe goes before it.
    values = ", ".join(f"{key!r}: {expression}" for key, expression in probe.items())
    code = f"import json\nprint(json.dumps({{{values}}}))"
    notebook.cells.insert(len(notebook.cells) - 1, nbformat.v4.new_code_cell(code))
    client = NotebookClient(
        notebook,
        kernel_name=KERNEL,
        timeout=600,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()
    probe_cell = notebook.cells[-2]
    text = "".join(o.get("text", "") for o in probe_cell.outputs if o.output_type == "stream")
    return notebook, json.loads(text)


def _images(notebook: nbformat.NotebookNode) -> int:
    return sum(
        1
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if "image/png" in output.get("data", {})
    )


def _errors(notebook: nbformat.NotebookNode) -> list[str]:
    return [
        f"{o.ename}: {o.evalue}"
        for cell in notebook.cells
        if cell.cell_type == "code"
        for o in cell.outputs
        if o.output_type == "error"
    ]


def test_partner_network_notebook_shows_japans_partners_by_year(
    run_notebook: Run, api_answers: Callable[[str], dict[str, Any]]
) -> None:
    probe = {
        "partners": "json.loads(partners.to_json(orient='records'))",
        "per_year": "{str(k): v for k, v in per_year.sum(axis=1).items()}",
        "as_of": "json.loads(as_of.to_json(orient='records'))",
        "nodes": "sorted(network.nodes)",
        "central": "centrality.index[0]",
    }
    # Two images: the bar chart and the network drawing.
    seen = run_notebook("01_partner_network_over_time.ipynb", probe, 2)

    # "Japan and Denmark signed a Memorandum of Cooperation in 2021."
    rows = {(p["year"], p["instrument"], p["partner"]) for p in seen["partners"]}
    assert (2021, "SIGNED_MOC", "Denmark") in rows
    # "Japan and Saudi Arabia signed an MOC in 2023." / "Japan and Ukraine signed an MOC in 2023."
    assert {(2023, "SIGNED_MOC", "Saudi Arabia"), (2023, "SIGNED_MOC", "Ukraine")} <= rows
    # "Japan launched a Digital Partnership with the EU in 2022." and the undated EU sentence.
    assert {
        (2022, "PARTNERS_WITH", "European Union"),
        (None, "PARTNERS_WITH", "European Union"),
    } <= rows
    # "Japan and India hold a summit." is below the floor: India is no partner here.
    assert "India" not in {p["partner"] for p in seen["partners"]}
    assert seen["per_year"] == {"2021": 1, "2022": 1, "2023": 2}
    assert [(a["year"], a["partners"]) for a in seen["as_of"]] == [(2021, 1), (2022, 2), (2023, 4)]
    assert seen["nodes"] == sorted(
        ["Japan", "Denmark", "Saudi Arabia", "Ukraine", "European Union"]
    )
    assert seen["central"] == "Japan"

    # The notebook's first answer is the API's: Japan's partner relations in its profile.
    for kind, profile in api_answers("/actors/country:JPN").items():
        listed = sorted(
            (r["year"] or 0, r["type"], r["other"]["name"])
            for t in ("SIGNED_MOC", "PARTNERS_WITH", "AGREEMENT_WITH")
            for r in profile["relations"].get(t, [])
        )
        assert sorted(
            (p["year"] or 0, p["instrument"], p["partner"]) for p in seen["partners"]
        ) == (listed), kind


def test_oda_notebook_shows_funder_implementer_and_host_with_evidence(
    run_notebook: Run, api_answers: Callable[[str], dict[str, Any]]
) -> None:
    probe = {
        "projects": "json.loads(projects.to_json(orient='records'))",
        "evidence": "json.loads(evidence.to_json(orient='records'))",
        "edges": "sorted(map(list, funding_network.edges))",
    }
    # Two images: the funders chart and the funding network.
    seen = run_notebook("02_oda_and_joint_projects.ipynb", probe, 2)

    (project,) = seen["projects"]
    # "JICA funds ...", "JIC implements ...", "The Mumbai-Ahmedabad High-Speed Rail is in India."
    assert project["project"] == "Mumbai-Ahmedabad High-Speed Rail"
    assert project["funders"] == ["Japan International Cooperation Agency"]
    assert project["implementers"] == ["Japan International Consultants for Transportation"]
    assert project["hosts"] == ["India"]
    sentences = {e["relation"]: e["sentence"] for e in seen["evidence"]}
    assert sentences == {
        "FUNDS": "JICA funds the Mumbai-Ahmedabad High-Speed Rail.",
        "IMPLEMENTS": "JIC implements the Mumbai-Ahmedabad High-Speed Rail.",
        "LOCATED_IN": "The Mumbai-Ahmedabad High-Speed Rail is in India.",
    }
    assert seen["edges"] == [
        ["JIC", "Mumbai-Ahmedabad High-Speed Rail"],
        ["JICA", "Mumbai-Ahmedabad High-Speed Rail"],
        ["Mumbai-Ahmedabad High-Speed Rail", "India"],
    ]

    # The notebook's first answer is the API's: the project's profile, role by role.
    for kind, profile in api_answers("/actors/project:mahsr").items():

        def others(*types: str, profile: dict[str, Any] = profile) -> list[str]:
            return sorted(
                r["other"]["name"] for t in types for r in profile["relations"].get(t, [])
            )

        assert project["funders"] == others("FUNDS"), kind
        assert project["implementers"] == others("IMPLEMENTS"), kind
        assert project["hosts"] == others("LOCATED_IN", "BENEFITS"), kind
