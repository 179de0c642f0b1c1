"""Every ready query of api/browser/queries.cypher (the Browser guide) runs on the real Neo4j server.

Once with the sample graph, whose sentences are in tests/contract/sample_graph.py, and once with
the graph built from seeds/; each expected answer is checked against the source text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import neo4j
import pytest

from api.browser_guide import GuideQuery, ready_queries
from graph.model import Graph
from graph.neo4j_store import Neo4jStore
from graph.querying import DEFAULT_MIN_CONFIDENCE
from tests.contract.sample_graph import DOC, DOC_SOURCE, DOC_TITLE, SENTENCES
from tests.neo4j_server import Neo4jServer

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[2]
QUERIES = {q.title: q for q in ready_queries()}
CURATED = "Curated relations"
UNCERTAIN = "Uncertain relations (below the confidence floor)"
FLOOR = DEFAULT_MIN_CONFIDENCE
"""The floor the guide's `:param min_confidence` line sets by default."""


UNSURE = ("PARTNERS_WITH", {"country:JPN", "country:IND"})
"""The relation made uncertain: "Japan and India hold a summit." (a co-occurrence, as the
extractor would score it), which also makes a route from JICA to India through Japan."""


def _marked(graph: Graph) -> Graph:
    """The graph with Japan PARTNERS_WITH India made uncertain and its second relation
    curated."""
    relations = [r.model_copy() for r in graph.relations]
    (unsure,) = [r for r in relations if (r.type, {r.source, r.target}) == UNSURE]
    unsure.confidence = 0.3
    relations[1].curated = True
    return graph.model_copy(update={"relations": relations})


def _names(graph: Graph) -> dict[str, str]:
    return {a.id: a.name for a in graph.actors}


def _flagged(graph: Graph, which: str) -> set[tuple[str, str, str]]:
    """(source name, type, target name) of the relations the Curated or Uncertain query lists."""
    names = _names(graph)
    chosen = [
        r for r in graph.relations if (r.curated if which == CURATED else r.confidence < FLOOR)
    ]
    return {(names[r.source], r.type, names[r.target]) for r in chosen}


def _listed(rows: list[dict[str, Any]]) -> set[tuple[str, str, str]]:
    return {(r["source"], r["relation"], r["target"]) for r in rows}


def _run(driver: neo4j.Driver, server: Neo4jServer, query: GuideQuery) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(
        query.cypher, {"min_confidence": FLOOR}, database_=server.database
    )
    return [record.data() for record in records]


def _all_answers(
    store: Neo4jStore, driver: neo4j.Driver, server: Neo4jServer, graph: Graph
) -> dict[str, list[dict[str, Any]]]:
    store.replace(graph, wipe=True)
    return {title: _run(driver, server, query) for title, query in QUERIES.items()}


def test_every_guide_query_answers_on_the_sample_graph(
    neo4j_store: Neo4jStore,
    neo4j_driver: neo4j.Driver,
    neo4j_server: Neo4jServer,
    contract_graph: Graph,
) -> None:
    marked = _marked(contract_graph)
    answers = _all_answers(neo4j_store, neo4j_driver, neo4j_server, marked)
    for title, rows in answers.items():
        assert rows, f"{title!r} returned nothing on the sample graph"
    for which in (CURATED, UNCERTAIN):
        assert len(answers[which]) == 1
        assert _listed(answers[which]) == _flagged(marked, which)
    assert answers[UNCERTAIN][0]["confidence"] == 0.3

    # "Japan and Denmark signed a Memorandum of Cooperation in 2021."
    partners = answers["Japan's partners by year"]
    assert {"year": 2021, "instrument": "SIGNED_MOC", "partner": "Denmark"}.items() <= partners[
        0
    ].items()
    expected_partners = {
        (year, rel, tgt if src == "country:JPN" else src)
        for sentence, src, rel, tgt, year in SENTENCES
        if "country:JPN" in (src, tgt)
        and rel in {"SIGNED_MOC", "PARTNERS_WITH"}
        and sentence != "Japan and India hold a summit."  # below the floor
    }
    assert len(partners) == len(expected_partners)
    assert "India" not in {p["partner"] for p in partners}
    assert partners[-1]["year"] is None  # relations with no stated year come last

    mocs = answers["All MOCs"]
    assert [(m["year"], m["other_party"]) for m in mocs] == [
        (2021, "Denmark"),
        (2023, "Saudi Arabia"),
        (2023, "Ukraine"),
    ]
    assert mocs[0]["evidence"] == "Japan and Denmark signed a Memorandum of Cooperation in 2021."

    (project,) = answers["ODA projects with funder, implementer and host"]
    assert project == {
        "project": "Mumbai-Ahmedabad High-Speed Rail",
        "funders": ["Japan International Cooperation Agency"],
        "implementers": ["Japan International Consultants for Transportation"],
        "hosts": ["India"],
    }

    hops = answers["Paths from JICA to India, hop by hop with evidence"]
    routes = {tuple(h["route"]) for h in hops}
    # Not through Japan: "Japan and India hold a summit." is below the floor.
    assert routes == {
        ("Japan International Cooperation Agency", "Mumbai-Ahmedabad High-Speed Rail", "India"),
    }
    assert "JICA funds the Mumbai-Ahmedabad High-Speed Rail." in {h["evidence"] for h in hops}

    assert answers["Which documents mention JICA"] == [
        {"document": DOC, "title": DOC_TITLE, "source": DOC_SOURCE, "words": 98}
    ]
    where = answers["Where the documents say what about JICA"]
    text = " ".join(s for s, *_ in SENTENCES) + "\n"
    for row in where:
        assert text[row["start"] : row["end"]] == row["sentence"]


def test_every_guide_query_answers_on_the_seeds_graph(
    neo4j_store: Neo4jStore,
    neo4j_driver: neo4j.Driver,
    neo4j_server: Neo4jServer,
    seeds_graph: Graph,
) -> None:
    graph = seeds_graph
    answers = _all_answers(neo4j_store, neo4j_driver, neo4j_server, graph)
    for title, rows in answers.items():
        if title != UNCERTAIN:  # the seeds may hold no relation the extractor is unsure of
            assert rows, f"{title!r} returned nothing on the seeds graph"
    for which in (CURATED, UNCERTAIN):
        assert _listed(answers[which]) == _flagged(graph, which)
    # curation.yaml adds "Mumbai-Ahmedabad High-Speed Rail LOCATED_IN India" as curated.
    assert ("Mumbai-Ahmedabad High-Speed Rail", "LOCATED_IN", "India") in _listed(answers[CURATED])

    # Table 1 of the working paper: "5\t2021\tDenmark Memorandum of Cooperation (MOC)".
    (table,) = [p for p in (ROOT / "seeds").glob("002_*.txt")]
    assert "2021\tDenmark Memorandum of Cooperation (MOC)" in table.read_text(encoding="utf-8")
    partners = answers["Japan's partners by year"]
    assert any(
        p["year"] == 2021 and p["partner"] == "Denmark" and p["instrument"] == "SIGNED_MOC"
        for p in partners
    )
    assert (2021, "Denmark") in {
        (m["year"], m["party"] if m["other_party"] == "Japan" else m["other_party"])
        for m in answers["All MOCs"]
    }

    # 000_*.txt: "The Japan International Cooperation Agency (JICA) and the Japan International
    # Consultants for Transportation (JIC) are two of the key players in the project." (Its note
    # 26 headline "JICA inks pact for ..." is a footnote, never evidence.)
    projects = {p["project"]: p for p in answers["ODA projects with funder, implementer and host"]}
    rail = projects["Mumbai-Ahmedabad High-Speed Rail"]
    assert {
        "Japan International Cooperation Agency",
        "Japan International Consultants for Transportation",
    } <= set(rail["implementers"])
    assert rail["hosts"] == ["India"]
    routes = {
        tuple(h["route"]) for h in answers["Paths from JICA to India, hop by hop with evidence"]
    }
    assert (
        "Japan International Cooperation Agency",
        "Mumbai-Ahmedabad High-Speed Rail",
        "India",
    ) in routes

    documents = {d["document"] for d in answers["Which documents mention JICA"]}
    for name in documents:
        assert "JICA" in (ROOT / "seeds" / name).read_text(encoding="utf-8")
    for row in answers["Where the documents say what about JICA"]:
        text = (ROOT / "seeds" / row["document"]).read_text(encoding="utf-8")
        assert text[row["start"] : row["end"]] == row["sentence"]
