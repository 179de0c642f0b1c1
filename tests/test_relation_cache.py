"""The Neo4j store's cache of built relations answers only for the load generation it was filled
in, and only when a relation's ends and type are those the query found."""

from __future__ import annotations

from graph.model import Relation
from graph.relation_cache import RelationCache


def _relation(source: str, target: str) -> Relation:
    return Relation(source=source, target=target, type="FUNDS", year=2020)


def _found(element: str, relation: Relation) -> dict[str, str]:
    return {
        "element": element,
        "source": relation.source,
        "target": relation.target,
        "type": relation.type,
    }


def test_a_relation_kept_in_a_generation_is_known_in_that_generation_only() -> None:
    cache = RelationCache()
    funds = _relation("agency:jica", "project:mahsr")
    cache.keep("g1", {"5:a:1": funds})
    assert cache.known("g1", [_found("5:a:1", funds)]) == {"5:a:1": funds}
    assert cache.known("g2", [_found("5:a:1", funds)]) == {}


def test_a_new_generation_forgets_the_old_one() -> None:
    cache = RelationCache()
    funds = _relation("agency:jica", "project:mahsr")
    cache.keep("g1", {"5:a:1": funds})
    cache.keep("g2", {"5:a:2": funds})
    assert len(cache) == 1
    assert cache.known("g2", [_found("5:a:1", funds)]) == {}


def test_an_element_id_found_on_other_ends_is_not_answered_from_the_cache() -> None:
    cache = RelationCache()
    funds = _relation("agency:jica", "project:mahsr")
    cache.keep("g1", {"5:a:1": funds})
    elsewhere = _relation("agency:jica", "country:IND")
    assert cache.known("g1", [_found("5:a:1", elsewhere)]) == {}


def test_a_full_cache_starts_again() -> None:
    cache = RelationCache(capacity=2)
    relations = {f"5:a:{i}": _relation("agency:jica", f"project:p{i}") for i in range(3)}
    cache.keep("g1", dict(list(relations.items())[:2]))
    cache.keep("g1", dict(list(relations.items())[2:]))
    assert len(cache) == 1
    assert list(cache.known("g1", [_found(e, r) for e, r in relations.items()])) == ["5:a:2"]
