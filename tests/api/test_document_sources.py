"""Where a quote comes from: GET /documents lists the documents with their titles, sources and
counts, and every piece of evidence in an answer names its document by title with its
source; a quoted table row comes with its table's header. On every store.

Expectations come from the sample graph's document (tests/contract/sample_graph.py), from
the graph built from seeds/ (counted here from its relations), and from the seed texts.
"""

from __future__ import annotations

from typing import Any

import pytest

from api.evidence import row_text, tables_in
from graph.model import Graph
from tests.api.conftest import PROJECT, Api
from tests.contract.sample_graph import DOC, DOC_SOURCE, DOC_TITLE

SEEDS = PROJECT / "seeds"


def _evidence(body: Any) -> list[dict[str, Any]]:
    """Every piece of evidence anywhere in an answer."""
    found: list[dict[str, Any]] = []
    if isinstance(body, dict):
        if "evidence" in body:
            found.extend(body["evidence"])
        for value in body.values():
            found.extend(_evidence(value))
    elif isinstance(body, list):
        for value in body:
            found.extend(_evidence(value))
    return found


def test_documents_are_listed_with_title_source_date_and_counts(
    api: Api, contract_graph: Graph
) -> None:
    body = api.get("/documents").json()
    assert body["min_confidence"] == api.get("/explorer/config").json()["default_min_confidence"]
    (document,) = body["documents"]
    assert {k: document[k] for k in ("name", "title", "source", "date")} == {
        "name": DOC,
        "title": DOC_TITLE,
        "source": DOC_SOURCE,
        "date": "2024-03",
    }
    assert document["actors"] == sum(DOC in a.documents for a in contract_graph.actors)
    assert document["relations"] == len(contract_graph.relations)


@pytest.mark.parametrize(
    "path",
    [
        "/actors/agency:jica",
        "/actors/country:JPN/neighbourhood?depth=2",
        "/paths?source=JICA&target=India&k=3",
    ],
)
def test_every_evidence_item_names_its_document_by_title_and_source(api: Api, path: str) -> None:
    evidence = _evidence(api.get(path).json())
    assert evidence
    for piece in evidence:
        assert (piece["doc"], piece["title"], piece["source"], piece["row"]) == (
            DOC,
            DOC_TITLE,
            DOC_SOURCE,
            None,
        )


def test_the_seed_documents_counts_are_those_of_their_relations(
    seeds_api: Api, seeds_graph: Graph
) -> None:
    body = seeds_api.get("/documents").json()
    floor = body["min_confidence"]
    listed = {d["name"]: d for d in body["documents"]}
    assert set(listed) == {p.name for p in SEEDS.glob("*.txt")}
    for name, document in listed.items():
        cited = [
            r
            for r in seeds_graph.relations
            if r.confidence >= floor and name in {e.doc for e in r.evidence}
        ]
        assert document["relations"] == len(cited), name
        assert document["actors"] == sum(name in a.documents for a in seeds_graph.actors), name


def test_a_table_rows_evidence_comes_with_its_header(seeds_api: Api) -> None:
    (paper,) = SEEDS.glob("002_*.txt")
    text = paper.read_text(encoding="utf-8")
    # Table 1 of the working paper: its header, and the row of Jordan's MOC.
    assert "S.No\tYear\tEngagement\tClassification\n" in text
    assert "\n18\t2023\tJordan Memorandum of Cooperation (MOC)\tBilateral\n" in text
    body = seeds_api.get("/actors/country:JPN/neighbourhood", since=2023, until=2023).json()
    (moc,) = [
        e
        for e in body["edges"]
        if e["type"] == "SIGNED_MOC" and "country:JOR" in (e["source"], e["target"])
    ]
    rows = [piece for piece in moc["evidence"] if "\t" in piece["quote"]]
    assert rows
    for piece in rows:
        assert piece["doc"] == paper.name
        assert piece["row"] == "No. 18 · 2023 · Jordan Memorandum of Cooperation (MOC) · Bilateral"
        assert piece["title"] == (
            "Japan's Technology Diplomacy: A critical link for Free and Open Indo-Pacific"
        )
    profile = _evidence(seeds_api.get("/actors/country:JPN").json())
    sentences = [p for p in profile if "\t" not in p["quote"]]
    assert sentences and all(p["row"] is None for p in sentences)


def test_the_papers_evidence_links_to_its_doi(seeds_api: Api) -> None:
    (paper,) = SEEDS.glob("000_*.txt")
    assert "DOI: 10.24193/subbeuropaea.2024.2.02" in paper.read_text(encoding="utf-8")
    evidence = _evidence(seeds_api.get("/actors/country:JPN").json())
    cited = [p for p in evidence if p["doc"] == paper.name]
    assert cited
    for piece in cited:
        assert piece["source"] == "https://doi.org/10.24193/subbeuropaea.2024.2.02"
        assert piece["title"] == "THE RISING SUN IN THE DIGITAL ERA: JAPAN'S TECH DIPLOMACY"


def test_a_table_is_found_across_a_blank_line_and_ends_at_prose() -> None:
    text = (
        "Table 1\n\nS.No\tYear\tEngagement\n1\t2019\tA summit\n\n2\t2020\tAn MOC\n"
        "Note: below the table.\n"
    )
    (table,) = tables_in(text)
    assert table.header == ("S.No", "Year", "Engagement")
    assert text[table.rows_start : table.end] == "1\t2019\tA summit\n\n2\t2020\tAn MOC\n"
    assert row_text(table.header, "2\t2020\tAn MOC") == "No. 2 · 2020 · An MOC"
    assert row_text(("Year", "Party"), "2021\tDenmark") == "2021 · Denmark"
