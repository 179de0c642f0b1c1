"""Every relation's evidence is verbatim in its document at its offsets."""

from __future__ import annotations

from graph.model import Graph
from tests.extraction.conftest import SEEDS


def test_every_relation_has_verbatim_evidence(seed_graph: Graph) -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    assert len(seed_graph.relations) > 50
    for relation in seed_graph.relations:
        assert relation.evidence, relation.key
        for evidence in relation.evidence:
            assert texts[evidence.doc][evidence.start : evidence.end] == evidence.quote


def test_repeated_evidence_is_merged_onto_one_relation(seed_graph: Graph) -> None:
    keys = [r.key for r in seed_graph.relations]
    assert len(keys) == len(set(keys))
    # JICA FUNDS the rail line is stated twice in 000 (note 26 and its bibliography entry)
    (funds,) = [
        r for r in seed_graph.relations
        if r.key == "agency:jica|FUNDS|project:mumbai-ahmedabad-high-speed-rail|"
    ]  # fmt: skip
    assert len(funds.evidence) == 2
    assert all("JICA inks pact" in e.quote for e in funds.evidence)


def test_relation_and_actor_types_exist_in_the_schema(seed_graph: Graph) -> None:
    from graph.schema import domain_schema

    schema = domain_schema()
    assert {r.type for r in seed_graph.relations} <= set(schema.relation_types)
    assert {a.type for a in seed_graph.actors} <= set(schema.actor_types)
    ids = {a.id for a in seed_graph.actors}
    assert all(r.source in ids and r.target in ids for r in seed_graph.relations)
