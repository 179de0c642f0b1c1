"""Every relation's evidence is verbatim in its document at its offsets."""

from __future__ import annotations

from graph.model import Graph
from loaders.extract import extract_document
from tests.extraction.conftest import SEEDS


def test_every_relation_has_verbatim_evidence(seed_graph: Graph) -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    assert len(seed_graph.relations) > 50
    for relation in seed_graph.relations:
        assert relation.evidence, relation.key
        for evidence in relation.evidence:
            assert texts[evidence.doc][evidence.start : evidence.end] == evidence.quote


def test_one_relation_per_key(seed_graph: Graph) -> None:
    keys = [r.key for r in seed_graph.relations]
    assert len(keys) == len(set(keys))


def test_footnotes_and_bibliographies_are_never_evidence(seed_graph: Graph) -> None:
    # 000 cites "JICA inks pact for Mumbai-Ahmedabad high speed rail project" only in its
    # note 26 and its bibliography: a headline there is not a statement of the text
    quotes = [e.quote for r in seed_graph.relations if not r.curated for e in r.evidence]
    assert not any("JICA inks pact" in q or "http" in q for q in quotes)
    rail = "project:mumbai-ahmedabad-high-speed-rail"
    (implements,) = [
        r for r in seed_graph.relations
        if (r.source, r.type, r.target) == ("agency:jica", "IMPLEMENTS", rail)
    ]  # fmt: skip
    assert all("two of the key players" in e.quote for e in implements.evidence)


def test_relation_and_actor_types_exist_in_the_schema(seed_graph: Graph) -> None:
    from graph.schema import domain_schema

    schema = domain_schema()
    assert {r.type for r in seed_graph.relations} <= set(schema.relation_types)
    assert {a.type for a in seed_graph.actors} <= set(schema.actor_types)
    ids = {a.id for a in seed_graph.actors}
    assert all(r.source in ids and r.target in ids for r in seed_graph.relations)


def test_a_quote_cut_by_a_page_break_runs_to_the_end_of_its_sentence() -> None:
    text = (
        "Japan reoriented its aid by establishing JICA in 1972 to incorporate human\n\n"
        "security, environmental concern and sustainable development. A new sentence.\n\n"
        "A new paragraph with Japan and JICA.\n\n"
        "Japan established JETRO in 1958.\n"
    )
    result = extract_document(text)
    (established,) = [
        r
        for r in result.relations
        if (r.source, r.type, r.target) == ("country:JPN", "ESTABLISHED", "agency:jica")
    ]
    (evidence,) = established.evidence
    assert evidence.quote.startswith("Japan reoriented its aid")
    assert evidence.quote.endswith("environmental concern and sustainable development.")
    (jetro,) = [
        r for r in result.relations if r.target == "agency:jetro" and r.type == "ESTABLISHED"
    ]
    assert jetro.evidence[0].quote == "Japan established JETRO in 1958."
