"""All the Cypher of Kizuna, in one place: schema, batched writes and the store's reads.

Every statement takes its values as parameters. The only names written into the text are
labels and relationship types, and those come from the closed domain schema (`domain.yaml`)
through `label()` and `rel_type()`, which refuse anything else; user input never reaches the
text of a query.
"""

from __future__ import annotations

import functools
import re

from graph.model import RELATION_FACTS
from graph.schema import domain_schema

__all__ = [
    "ACTORS_BY_EXACT_NAME",
    "ACTOR_BY_ID",
    "ACTOR_SUMMARIES",
    "ALL_ACTORS",
    "ALL_DOCUMENTS",
    "ALL_RELATIONS",
    "AWAIT_INDEXES",
    "CLEAR_LEFTOVERS",
    "COUNT_ACTORS_BY_TYPE",
    "COUNT_DOCUMENTS",
    "DELTA_CREATE_MENTIONS",
    "DELTA_DELETE_ACTORS",
    "DELTA_DELETE_DOCUMENTS",
    "DELTA_DELETE_MENTIONS",
    "DELTA_DELETE_RELATIONS",
    "DELTA_WRITE_DOCUMENTS",
    "DOCUMENT_BY_NAME",
    "DOCUMENT_FACTS",
    "EXISTING_DOCUMENTS",
    "EXISTING_GRAPH",
    "EXISTING_RELATION_KEYS",
    "FULLTEXT_ACTORS",
    "FULLTEXT_INDEX",
    "LOADED_DIGEST",
    "PING",
    "PROMOTE_DOCUMENTS",
    "RECORD_DIGEST",
    "RELATIONS_BY_ELEMENT",
    "RETIRE_DOCUMENTS",
    "SEARCH_NAMES",
    "STAGE_ACTORS",
    "STAGE_DOCUMENTS",
    "STAGE_MENTIONS",
    "WARM_UP",
    "WIPE_FOREIGN",
    "Filtering",
    "actor_relations",
    "count_relations_by_type",
    "delta_create_actors",
    "delta_create_relations",
    "delta_update_actors",
    "document_summaries",
    "ends_neighbours",
    "explain_neighbourhood_query",
    "explain_paths_query",
    "hop_relations",
    "label",
    "middle_relations",
    "most_connected",
    "neighbourhood_edges",
    "neighbourhood_step",
    "neighbourhood_two_steps",
    "projection",
    "promote_actors",
    "rel_type",
    "retire_actors",
    "routes_query",
    "schema_statements",
    "search_degrees",
    "stage_relations",
]

_NAME = re.compile(r"[A-Z][A-Za-z0-9_]*")

FULLTEXT_INDEX = "actor_names"


def label(actor_type: str) -> str:
    """The label of an actor type, backquoted; only the schema's actor types are accepted."""
    if actor_type not in domain_schema().actor_types or not _NAME.fullmatch(actor_type):
        raise ValueError(f"not an actor type of the schema: {actor_type!r}")
    return f"`{actor_type}`"


def rel_type(relation_type: str) -> str:
    """A relationship type, backquoted; only the schema's relation types are accepted."""
    if relation_type not in domain_schema().relation_types or not _NAME.fullmatch(relation_type):
        raise ValueError(f"not a relation type of the schema: {relation_type!r}")
    return f"`{relation_type}`"


# --- schema ------------------------------------------------------------------------------


@functools.cache
def _domain_relations() -> str:
    """The domain's relation types as one relationship-type alternative: `A`|`B`|..."""
    return "|".join(rel_type(t) for t in sorted(domain_schema().relation_types))


def schema_statements() -> list[str]:
    """Constraints and indexes, all IF NOT EXISTS so that running them again changes nothing.

    Relation keys have no index: a relation is found from its two actors (both indexed by id),
    and maintaining an index on a million relationship keys halved the load speed. The
    full-text index comes first: it fills in the background while the constraints are built.
    """
    statements = [
        f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (a:Actor) ON EACH "
        "[a.name, a.aliases] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}",
        "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE",
        "CREATE CONSTRAINT document_name IF NOT EXISTS FOR (d:Document) REQUIRE d.name IS UNIQUE",
        "CREATE CONSTRAINT staged_actor_id IF NOT EXISTS "
        "FOR (a:StagedActor) REQUIRE a.id IS UNIQUE",
        "CREATE CONSTRAINT staged_document_name IF NOT EXISTS "
        "FOR (d:StagedDocument) REQUIRE d.name IS UNIQUE",
    ]
    return statements


PING = "RETURN 1 AS ok"
AWAIT_INDEXES = "CALL db.awaitIndexes(300)"

# What the first answers after a start or a load read, read once beforehand so that the pages
# are in Neo4j's page cache (`Neo4jStore.warm`): the id index that every look-up starts from,
# each actor's relationships as degrees and neighbourhoods walk them, the facts a filter tests
# on each relationship, and the full-text index. The name index is warmed by building it.
WARM_UP = (
    "MATCH (a:Actor) WHERE a.id IS NOT NULL RETURN count(a.id) AS n",
    "MATCH (a:Actor) RETURN sum(COUNT { (a)--() }) AS n",
    "MATCH (:Actor)-[r]->(:Actor) RETURN count(r.year) + count(r.confidence) AS n",
    f"CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', 'kizuna', {{limit: 1}}) "
    "YIELD node RETURN count(node) AS n",
)

# --- writes: stage the new graph in small transactions, then switch in one ---------------
#
# A load writes the new graph as :StagedActor / :StagedDocument nodes, which no query of Kizuna
# (and no Browser query on :Actor or :Document) sees. One short transaction then retires the
# old graph (:RetiredActor / :RetiredDocument) and promotes the staged one; the retired nodes
# are deleted afterwards. A load that dies before the switch leaves only staged nodes behind,
# which the next load clears; the graph in use is never touched before the switch.

CLEAR_LEFTOVERS = """
MATCH (n) WHERE n:StagedActor OR n:StagedDocument OR n:RetiredActor OR n:RetiredDocument
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 500 ROWS
"""

WIPE_FOREIGN = """
MATCH (n) WHERE NOT n:Actor AND NOT n:Document AND NOT n:KizunaLoad
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 500 ROWS
"""

# One :KizunaLoad node remembers the digest of the graph last switched in, so that loading the
# same graph again writes nothing. It is set in the switch transaction, with the graph, and
# with a new `generation`: an element id names the same relation only within one generation
# (a load may give the ids of the relations it deletes to those it creates).
LOADED_DIGEST = "MATCH (m:KizunaLoad {name: 'graph'}) RETURN m.digest AS digest"
RECORD_DIGEST = """
MERGE (m:KizunaLoad {name: 'graph'}) SET m.digest = $digest, m.generation = randomUUID()
"""

# What a reload compares the new graph with: each actor's digest and the digests of the
# relations it starts (None where an older layout wrote them), in pages of $page actors; and
# what identifies a document's content with its title, source and date (its text is not
# read; a bulk import writes no empty text, and `d[$text]` does not warn of a key never
# written, as `d.text` would). A full load counts the keys
# that went.
EXISTING_GRAPH = """
MATCH (a:Actor)
WITH collect(a) AS actors
UNWIND range(0, size(actors) - 1, $page) AS start
WITH actors[start..start + $page] AS page
RETURN [a IN page | a.id] AS ids, [a IN page | a.digest] AS digests,
       [a IN page | [(a)-[r]->(:Actor) WHERE r.key IS NOT NULL | r.digest]] AS relations
"""
EXISTING_DOCUMENTS = """
MATCH (d:Document)
RETURN d.name AS name,
       [d.sha256, d.chars, d.words, size(coalesce(d[$text], '')), d[$title], d[$source], d[$date]]
         AS content
"""
EXISTING_RELATION_KEYS = """
MATCH (:Actor)-[r]->(:Actor) WHERE r.key IS NOT NULL
RETURN r.key AS key
"""

STAGE_DOCUMENTS = """
UNWIND $rows AS row
CREATE (d:StagedDocument)
SET d = row
"""

STAGE_ACTORS = """
UNWIND $rows AS row
CREATE (a:StagedActor)
SET a = row
RETURN a.id AS id, elementId(a) AS element
"""

STAGE_MENTIONS = """
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.element
UNWIND row.documents AS name
MATCH (d:StagedDocument {name: name})
CREATE (d)-[:MENTIONS]->(a)
"""


def stage_relations(relation_type: str) -> str:
    """New relations of one type, between staged actors found by the element ids that staging
    them returned (a direct lookup, cheaper than the id index)."""
    return f"""
UNWIND $rows AS row
MATCH (s) WHERE elementId(s) = row.source
MATCH (t) WHERE elementId(t) = row.target
CREATE (s)-[r:{rel_type(relation_type)}]->(t)
SET r = row.props
"""


def retire_actors() -> str:
    """The switch, part 1: the actors in use lose :Actor and their type label."""
    labels = ":".join(["Actor", *(label(t) for t in sorted(domain_schema().actor_types))])
    return f"""
MATCH (a:Actor)
REMOVE a:{labels}
SET a:RetiredActor
"""


RETIRE_DOCUMENTS = """
MATCH (d:Document)
REMOVE d:Document
SET d:RetiredDocument
"""


def promote_actors(actor_type: str) -> str:
    """The switch, part 2: staged actors of one type become :Actor with their type label."""
    return f"""
MATCH (a:StagedActor) WHERE a.type = $type
REMOVE a:StagedActor
SET a:Actor:{label(actor_type)}
"""


PROMOTE_DOCUMENTS = """
MATCH (d:StagedDocument)
REMOVE d:StagedDocument
SET d:Document
"""

# --- writes: a delta, all in one transaction ---------------------------------------------
#
# When a reload changes little, the load applies the difference to the graph in use in one
# transaction instead of staging the whole graph: it commits whole or not at all, like the
# switch. Actors and documents are found by their unique ids; a relation that went or changed
# by the actor it starts from and its digest (relationship properties have no index).

DELTA_DELETE_RELATIONS = """
UNWIND $rows AS row
MATCH (:Actor {id: row.source})-[r]->(:Actor)
WHERE r.digest = row.digest
WITH r, r.key AS key
DELETE r
RETURN key
"""

DELTA_DELETE_ACTORS = """
UNWIND $rows AS id
MATCH (a:Actor {id: id})
DETACH DELETE a
"""

DELTA_DELETE_DOCUMENTS = """
UNWIND $rows AS name
MATCH (d:Document {name: name})
DETACH DELETE d
"""

DELTA_WRITE_DOCUMENTS = """
UNWIND $rows AS row
MERGE (d:Document {name: row.name})
SET d = row
"""

DELTA_DELETE_MENTIONS = """
UNWIND $rows AS id
MATCH (:Document)-[m:MENTIONS]->(:Actor {id: id})
DELETE m
"""

DELTA_CREATE_MENTIONS = """
UNWIND $rows AS row
MATCH (a:Actor {id: row.id})
UNWIND row.documents AS name
MATCH (d:Document {name: name})
CREATE (d)-[:MENTIONS]->(a)
"""


def delta_update_actors(actor_type: str) -> str:
    """Changed actors of one (new) type: their properties replaced, their type label set."""
    labels = ":".join(label(t) for t in sorted(domain_schema().actor_types))
    return f"""
UNWIND $rows AS row
MATCH (a:Actor {{id: row.id}})
REMOVE a:{labels}
SET a = row, a:{label(actor_type)}
"""


def delta_create_actors(actor_type: str) -> str:
    """New actors of one type."""
    return f"""
UNWIND $rows AS row
CREATE (a:Actor:{label(actor_type)})
SET a = row
"""


def delta_create_relations(relation_type: str) -> str:
    """New relations of one type between actors in use."""
    return f"""
UNWIND $rows AS row
MATCH (s:Actor {{id: row.source}}), (t:Actor {{id: row.target}})
CREATE (s)-[r:{rel_type(relation_type)}]->(t)
SET r = row.props
"""


# --- reads -------------------------------------------------------------------------------

ACTOR_BY_ID = "MATCH (a:Actor {id: $id}) RETURN properties(a) AS actor"
ACTOR_SUMMARIES = """
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a.id AS id, a.name AS name, a.type AS type
"""

ACTORS_BY_EXACT_NAME = """
MATCH (a:Actor) WHERE a.name IN $names OR any(alias IN a.aliases WHERE alias IN $names)
RETURN properties(a) AS actor
"""

FULLTEXT_ACTORS = f"""
CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $query, {{limit: $limit}})
YIELD node, score
RETURN properties(node) AS actor
"""

# What a search ranks, for the name index the store builds once per loaded graph.
SEARCH_NAMES = """
MATCH (a:Actor)
RETURN a.id AS id, a.name AS name, a.type AS type, a.aliases AS aliases
ORDER BY id
"""

ALL_ACTORS = "MATCH (a:Actor) RETURN properties(a) AS actor"
ALL_DOCUMENTS = "MATCH (d:Document) RETURN properties(d) AS document"
DOCUMENT_BY_NAME = "MATCH (d:Document {name: $name}) RETURN properties(d) AS document"
ALL_RELATIONS = """
MATCH (s:Actor)-[r]->(t:Actor) WHERE r.key IS NOT NULL
RETURN s.id AS source, t.id AS target, type(r) AS type, properties(r) AS props
"""

Filtering = frozenset[str]
"""The filters a query applies, by name (`relation_types`, `since`, `until`, `min_confidence`,
`actor_types`: those set in `Filters`). A statement is written with the tests of these only,
so that a filter left unset costs nothing per relation a query walks (a test of a null
parameter on each of a hub's thousands of relations cost a sixth of a neighbourhood)."""

_RELATION_TESTS = {
    "relation_types": "type(r) IN $relation_types",
    "since": "r.year >= $since",
    "until": "r.year <= $until",
    "min_confidence": "coalesce(r.confidence, 1.0) >= $min_confidence",
}


def _relation_test(active: Filtering) -> str:
    """The test a relation `r` must pass under the active filters."""
    return " AND ".join(t for name, t in _RELATION_TESTS.items() if name in active) or "true"


def _actor_test(actor: str, active: Filtering) -> str:
    """The test an actor must pass under the active filters."""
    return f"{actor}.type IN $actor_types" if "actor_types" in active else "true"


@functools.cache
def actor_relations(active: Filtering) -> str:
    """Every passing relation of the actor $id, whole."""
    return f"""
MATCH (a:Actor {{id: $id}})-[r]-(:Actor) WHERE r.key IS NOT NULL AND {_relation_test(active)}
WITH DISTINCT r
RETURN startNode(r).id AS source, endNode(r).id AS target, type(r) AS type,
       properties(r) AS props
"""


# One level of a neighbourhood: the actors one relation from the frontier, not yet placed,
# counted in all and cut at $wanted in id order. Distinct actors are taken as nodes before
# their ids are read, and only the first $wanted ids are sorted (a top-k, not a full sort): a
# level through a hub holds thousands of actors. Neighbourhoods expand the domain's relation
# types by name, which reads no property of the hub's thousands of relations (a check of
# `r.key`, which only Kizuna's relations carry, cost a third of the step).
@functools.cache
def neighbourhood_step(active: Filtering) -> str:
    """One level of a neighbourhood (see above)."""
    return f"""
UNWIND $frontier AS fid
MATCH (f:Actor {{id: fid}})-[r:{_domain_relations()}]-(o:Actor)
WHERE {_relation_test(active)} AND {_actor_test("o", active)}
WITH DISTINCT o
WITH o.id AS id WHERE NOT id IN $placed
WITH collect(id) AS ids
RETURN size(ids) AS total,
       COLLECT {{ UNWIND ids AS id RETURN id ORDER BY id LIMIT $wanted }} AS first
"""


# Which actors of a long list come first in id order: a long list (a level through a hub holds
# thousands) is met in the id index's own order, which stops at the $wanted-th and reads no
# other id; a short one has every id read and the first sorted out, as walking the index would
# pass over most actors first. Walking costs about a quarter of a read per actor passed, and
# passes (actors / length) actors per one found: the walk wins when 4 * length^2 exceeds
# $wanted * actors. The count of actors comes from Neo4j's count store.
def _first_by_id(nodes: str, first: str) -> str:
    """A subquery that gives `first`, the ids of the first $wanted actors of the list `nodes`."""
    walk = f"4 * size({nodes}) * size({nodes}) >= $wanted * COUNT {{ (:Actor) }}"
    return f"""
  CALL ({nodes}) {{
    WITH {nodes} WHERE {walk}
    RETURN COLLECT {{
      MATCH (x:Actor) WHERE x.id >= '' AND x IN {nodes} RETURN x.id AS id ORDER BY id LIMIT $wanted
    }} AS {first}
    UNION ALL
    WITH {nodes} WHERE NOT {walk}
    RETURN COLLECT {{
      UNWIND {nodes} AS n WITH n.id AS id RETURN id ORDER BY id LIMIT $wanted
    }} AS {first}
  }}"""


# The first two levels of a neighbourhood in one query, each as neighbourhood_step gives it:
# the second is expanded only when the first leaves it room under $limit (`expanded`), and is
# cut at $wanted (the caller keeps as many as the first level leaves room for).
@functools.cache
def neighbourhood_two_steps(active: Filtering) -> str:
    """The first two levels of a neighbourhood (see above); no row for an unknown centre."""

    def level(unplaced: str) -> str:
        return f"""
  MATCH (f)-[r:{_domain_relations()}]-(o:Actor)
  WHERE {_relation_test(active)} AND {_actor_test("o", active)} AND {unplaced}
  WITH DISTINCT o"""

    return f"""
MATCH (c:Actor {{id: $centre}})
CALL (c) {{
  WITH c AS f{level("o <> c")}
  WITH collect(o) AS nodes{_first_by_id("nodes", "first1")}
  RETURN nodes AS one, size(nodes) AS total1, first1
}}
WITH c, one, total1, first1, 0 < total1 <= $limit AS expanded
CALL (c, one, expanded) {{
  UNWIND CASE WHEN expanded THEN one ELSE [] END AS f{level("o <> c AND NOT o IN one")}
  WITH collect(o) AS nodes{_first_by_id("nodes", "first2")}
  RETURN size(nodes) AS total2, first2
}}
RETURN total1, first1, expanded, total2, first2
"""


def _projected(properties: tuple[str, ...]) -> str:
    """A map projection of these properties of `r`."""
    return "r {" + ", ".join(f".{name}" for name in properties) + "}"


# The kept actors are compared as nodes, not by id: a hub among them has thousands of
# relations, and reading the id at the far end of each cost more than the whole rest. The
# edges come back as one list in one record, beside the kept actors' names: the driver reads
# thousands of small records about twice as slowly.
#
# A relation between two hubs (actors with at least $hub_degree relationships of any kind)
# comes without its properties, which the store keeps for the graph's load `generation`
# (`RelationCache`): the hubs of a large graph sit in most neighbourhoods, with thousands of
# relations between them, and reading those relations' properties was most of such an answer.
# Without a generation (no Kizuna load recorded) every relation comes whole.
@functools.cache
def neighbourhood_edges(active: Filtering) -> str:
    """The kept actors of a neighbourhood (id, name, type) and the relations between them,
    each with its element id, and with its properties unless it joins two hubs."""
    return f"""
MATCH (k:Actor) WHERE k.id IN $kept
WITH collect(k) AS kept
OPTIONAL MATCH (m:KizunaLoad {{name: 'graph'}})
WITH m.generation AS generation, kept
WITH generation, kept,
     CASE WHEN generation IS NULL THEN []
          ELSE [k IN kept WHERE COUNT {{ (k)--() }} >= $hub_degree] END AS hubs
RETURN generation, [k IN kept | {{id: k.id, name: k.name, type: k.type}}] AS actors,
       COLLECT {{
         UNWIND kept AS s
         MATCH (s)-[r:{_domain_relations()}]->(t)
         WHERE t IN kept AND {_relation_test(active)}
         RETURN {{source: s.id, target: t.id, type: type(r), element: elementId(r),
                 props: CASE WHEN s IN hubs AND t IN hubs THEN null ELSE properties(r) END}}
       }} AS edges
"""


# The properties of relations by element id, with the load generation they were read in.
RELATIONS_BY_ELEMENT = """
UNWIND $elements AS element
MATCH (s)-[r]->(t) WHERE elementId(r) = element
WITH collect({element: element, source: s.id, target: t.id, type: type(r),
              props: properties(r)}) AS relations
OPTIONAL MATCH (m:KizunaLoad {name: 'graph'})
RETURN m.generation AS generation, relations
"""


# Routes of up to three hops meet in the middle: the actors one passing relation from each
# end (ENDS_NEIGHBOURS: a route of one hop is the other end among them, of two hops an actor
# in both), then the passing relations between the two sets (MIDDLE_RELATIONS), expanded from
# the set whose actors hold fewer relations and matched by element id against the other (in a
# subquery, so that Neo4j expands the relations instead of checking every pair of actors).
# The ends are found by the id index; intermediate actors must pass the actor filter.
@functools.cache
def ends_neighbours(active: Filtering) -> str:
    """The actors one passing relation from $source and from $target (see above)."""
    return f"""
UNWIND [$source, $target] AS end
MATCH (e:Actor {{id: end}})
CALL (e) {{
  MATCH (e)-[r]-(x:Actor)
  WHERE r.key IS NOT NULL AND {_relation_test(active)}
    AND (x.id IN [$source, $target] OR {_actor_test("x", active)})
  WITH DISTINCT x
  RETURN collect(x.id) AS ids, collect(elementId(x)) AS elements,
         sum(COUNT {{ (x)--() }}) AS cost
}}
RETURN end, ids, elements, cost
"""


@functools.cache
def middle_relations(active: Filtering) -> str:
    """The (here, there) pairs joined by a passing relation, from $expand into $into."""
    return f"""
UNWIND $expand AS element
MATCH (x:Actor) WHERE elementId(x) = element
CALL (x) {{
  MATCH (x)-[r]-(y:Actor)
  WHERE r.key IS NOT NULL AND {_relation_test(active)}
  RETURN DISTINCT y
}}
WITH x, y WHERE elementId(y) IN $into AND y <> x
RETURN x.id AS here, y.id AS there
"""


@functools.cache
def routes_query(max_hops: int, groups: int, active: Filtering) -> str:
    """The first $k routes through distinct actors from $source to $target, among the paths of
    the `groups` shortest lengths up to `max_hops`, in the canonical order (length, ids).

    Both ends are bound and every filter sits inside the quantified pattern, so Neo4j plans a
    bidirectional breadth-first search (StatefulShortestPath(Into)) that never enters a
    relation or an actor the filters refuse. Cypher's paths may take different parallel
    relations or revisit an actor; the query keeps each route once, and only simple ones.
    `lengths` says which path lengths the groups held.
    """
    return f"""
MATCH (s:Actor {{id: $source}}), (t:Actor {{id: $target}})
MATCH p = SHORTEST {int(groups)} GROUPS (s)
  (()-[r WHERE r.key IS NOT NULL AND {_relation_test(active)}]-
   (x:Actor WHERE x.id = $target OR {_actor_test("x", active)})
  ){{1,{int(max_hops)}}}
  (t)
WITH length(p) AS hops, [n IN nodes(p) | n.id] AS route
WITH collect(DISTINCT hops) AS lengths,
     collect(DISTINCT CASE
       WHEN all(i IN range(0, size(route) - 2) WHERE NOT route[i] IN route[i + 1..])
       THEN route END) AS routes
RETURN lengths,
       COLLECT {{ UNWIND routes AS route RETURN route ORDER BY size(route), route LIMIT $k }}
         AS routes
"""


@functools.cache
def hop_relations(active: Filtering) -> str:
    """Every passing relation between the two actors of each pair in $pairs, whole."""
    return f"""
UNWIND $pairs AS pair
MATCH (a:Actor {{id: pair[0]}})-[r]-(b:Actor {{id: pair[1]}})
WHERE r.key IS NOT NULL AND {_relation_test(active)}
RETURN collect({{here: pair[0], there: pair[1], source: startNode(r).id,
                 target: endNode(r).id, type: type(r), props: properties(r)}}) AS hops
"""


@functools.cache
def projection(active: Filtering) -> str:
    """The passing relations between passing actors, with their facts but not their evidence."""
    return f"""
MATCH (s:Actor)-[r]->(t:Actor)
WHERE r.key IS NOT NULL AND {_relation_test(active)}
  AND {_actor_test("s", active)} AND {_actor_test("t", active)}
RETURN s.id AS source, t.id AS target, type(r) AS type,
       {_projected(RELATION_FACTS)} AS props
"""


COUNT_ACTORS_BY_TYPE = "MATCH (a:Actor) RETURN a.type AS type, count(*) AS n"


@functools.cache
def count_relations_by_type(active: Filtering) -> str:
    """The passing relations (`min_confidence` the only filter counts take) by type, with
    their pieces of evidence."""
    return f"""
MATCH (:Actor)-[r]->(:Actor) WHERE r.key IS NOT NULL AND {_relation_test(active)}
RETURN type(r) AS type, count(*) AS n, sum(size(r.evidence_docs)) AS evidence
"""


COUNT_DOCUMENTS = "MATCH (d:Document) RETURN count(d) AS n"


_DOCUMENT_FACTS = "d {.name, .title, .source, .date, .sha256, .chars, .words}"

DOCUMENT_FACTS = f"""
MATCH (d:Document)
RETURN {_DOCUMENT_FACTS} AS document
ORDER BY d.name
"""


# Every document without its text: the actors it mentions, and the passing relations it gives
# evidence for, counted in one pass over the relations (a relation citing one document twice
# counts once for it).
@functools.cache
def document_summaries(active: Filtering) -> str:
    """Every document's facts and counts, by name (see above)."""
    return f"""
CALL () {{
  MATCH (:Actor)-[r]->(:Actor) WHERE r.key IS NOT NULL AND {_relation_test(active)}
  WITH r.evidence_docs AS docs
  UNWIND [i IN range(0, size(docs) - 1) WHERE NOT docs[i] IN docs[..i] | docs[i]] AS name
  WITH name, count(*) AS relations
  RETURN collect([name, relations]) AS counts
}}
MATCH (d:Document)
RETURN {_DOCUMENT_FACTS} AS document,
       COUNT {{ (d)-[:MENTIONS]->(:Actor) }} AS actors, counts
ORDER BY document.name
"""


# Degrees are read from Neo4j's degree store by naming the domain's relation types, without
# looking at the far end or at a property: a hub's degree then costs one lookup instead of an
# expansion of its thousands of relations. Out plus in, as the embedded store counts them.
# Under a confidence floor each relation's confidence must be read: the relations are
# expanded (a hub's thousands too).
def _degree(actor: str, active: Filtering = frozenset()) -> str:
    relations = _domain_relations()
    if "min_confidence" not in active:
        return (
            f"COUNT {{ ({actor})-[:{relations}]->() }} + COUNT {{ ({actor})<-[:{relations}]-() }}"
        )
    test = _relation_test(active)
    return (
        f"COUNT {{ ({actor})-[r:{relations}]->() WHERE {test} }}"
        f" + COUNT {{ ({actor})<-[r:{relations}]-() WHERE {test} }}"
    )


@functools.cache
def search_degrees(active: Filtering = frozenset()) -> str:
    """The degree of each actor in $ids (see above), beside the digest of the graph in use:
    a search checks in the same round trip that its name index is still the graph's."""
    return f"""
OPTIONAL MATCH (m:KizunaLoad {{name: 'graph'}})
RETURN m.digest AS digest,
       COLLECT {{
         UNWIND $ids AS id
         MATCH (a:Actor {{id: id}})
         RETURN [a.id, {_degree("a", active)}]
       }} AS degrees
"""


@functools.cache
def most_connected(active: Filtering = frozenset()) -> str:
    """The $limit actors with the most (passing) relations, most first, then by id. Without a
    floor from the degree store; with one, in one pass over the relations."""
    if "min_confidence" not in active:
        return f"""
MATCH (a:Actor)
WITH a, {_degree("a")} AS degree
WHERE degree > 0
RETURN a.id AS id, a.name AS name, a.type AS type, degree
ORDER BY degree DESC, id ASC
LIMIT $limit
"""
    return f"""
MATCH (s:Actor)-[r]->(t:Actor) WHERE r.key IS NOT NULL AND {_relation_test(active)}
UNWIND [s, t] AS a
WITH a, count(*) AS degree
RETURN a.id AS id, a.name AS name, a.type AS type, degree
ORDER BY degree DESC, id ASC
LIMIT $limit
"""


# --- equivalent queries to show and to open in Browser -----------------------------------


def explain_neighbourhood_query(depth: int) -> str:
    """One Cypher query with the same answer as a neighbourhood (before the limit is applied)."""
    return f"""MATCH p = (c:Actor {{id: $id}})-[rels*1..{int(depth)}]-(n:Actor)
WHERE all(r IN rels WHERE r.key IS NOT NULL
        AND ($relation_types IS NULL OR type(r) IN $relation_types)
        AND ($since IS NULL OR r.year >= $since) AND ($until IS NULL OR r.year <= $until)
        AND ($min_confidence IS NULL OR coalesce(r.confidence, 1.0) >= $min_confidence))
  AND all(x IN nodes(p)[1..] WHERE x:Actor
        AND ($actor_types IS NULL OR x.type IN $actor_types))
  AND n <> c
WITH n, min(length(p)) AS depth, collect(p) AS ps
ORDER BY depth, n.id
LIMIT $limit
UNWIND ps AS p
RETURN p"""


def explain_paths_query(max_hops: int) -> str:
    """One Cypher query with the same answer as a paths question: the k first routes through
    distinct actors, each with every path over its parallel relations."""
    return f"""MATCH p = (s:Actor {{id: $source}})-[rels*1..{int(max_hops)}]-
      (t:Actor {{id: $target}})
WHERE all(r IN rels WHERE r.key IS NOT NULL
        AND ($relation_types IS NULL OR type(r) IN $relation_types)
        AND ($since IS NULL OR r.year >= $since) AND ($until IS NULL OR r.year <= $until)
        AND ($min_confidence IS NULL OR coalesce(r.confidence, 1.0) >= $min_confidence))
  AND all(x IN nodes(p)[1..-1] WHERE x:Actor
        AND ($actor_types IS NULL OR x.type IN $actor_types) AND x <> s AND x <> t)
  AND size(nodes(p)) = size(reduce(seen = [], x IN nodes(p) |
        CASE WHEN x IN seen THEN seen ELSE seen + x END))
WITH [x IN nodes(p) | x.id] AS route, collect(p) AS parallel
ORDER BY size(route), route
LIMIT $k
UNWIND parallel AS p
RETURN p"""
