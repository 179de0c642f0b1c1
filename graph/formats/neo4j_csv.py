"""A graph as the CSV files `neo4j-admin database import full` reads, for bulk initial loads.

The offline importer writes a database at disk speed (no transactions), which is much faster
than any Bolt load for a first load of a large graph; `scripts/neo4j-local import DIR` stops
the local server, imports these files and starts it again. The layout is the same as a Bolt
load writes (labels, relationship types, properties with the digests a reload compares,
MENTIONS), so the stores cannot tell the difference; constraints and indexes are created
afterwards by `Neo4jStore.ensure_schema`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path

from graph.model import Graph
from graph.neo4j_props import ACTOR_CORE, DIGEST, actor_digest, relation_digest

__all__ = ["ARRAY_DELIMITER", "write_import_csv"]

# A character no name, alias or quote contains (ASCII unit separator). It also separates
# labels. Empty fields are written unquoted, which the importer reads as "no property".
ARRAY_DELIMITER = "\x1f"


def _array(values: Iterable[object]) -> str:
    return ARRAY_DELIMITER.join(str(v) for v in values)


def write_import_csv(graph: Graph, folder: Path) -> dict[str, list[Path]]:
    """Write actors, documents, mentions and relations as CSV; return the importer's inputs."""
    folder.mkdir(parents=True, exist_ok=True)
    actors = _write(folder / "actors.csv", _actor_rows(graph))
    documents = _write(folder / "documents.csv", _document_rows(graph))
    mentions = _write(folder / "mentions.csv", _mention_rows(graph))
    relations = _write(folder / "relations.csv", _relation_rows(graph))
    return {"nodes": [actors, documents], "relationships": [mentions, relations]}


def _write(path: Path, rows: Iterable[list[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, quoting=csv.QUOTE_MINIMAL).writerows(rows)
    return path


def _actor_rows(graph: Graph) -> Iterator[list[object]]:
    """Actors with their identifiers as properties; labels :Actor and the actor's type."""
    identifiers = sorted({k for a in graph.actors for k in a.identifiers} - set(ACTOR_CORE))
    yield [
        "id:ID(Actor)",
        "name",
        "type",
        "aliases:string[]",
        "documents:string[]",
        "discovered:boolean",
        DIGEST,
        *identifiers,
        ":LABEL",
    ]
    for a in graph.actors:
        yield [
            a.id,
            a.name,
            a.type,
            _array(sorted(set(a.aliases))),
            _array(sorted(set(a.documents))),
            "true" if a.discovered else "false",
            actor_digest(a),
            *(a.identifiers.get(k, "") for k in identifiers),
            f"Actor{ARRAY_DELIMITER}{a.type}",
        ]


def _document_rows(graph: Graph) -> Iterator[list[object]]:
    yield [
        "name:ID(Document)", "sha256", "chars:long", "words:long", "title", "source", "date",
        "text", ":LABEL",
    ]  # fmt: skip
    for d in graph.documents:
        yield [
            d.name, d.sha256, d.chars, d.words, d.title or "", d.source or "", d.date or "",
            d.text, "Document",
        ]  # fmt: skip


def _mention_rows(graph: Graph) -> Iterator[list[object]]:
    """(:Document)-[:MENTIONS]->(:Actor) for every document of the graph an actor names."""
    documents = {d.name for d in graph.documents}
    yield [":START_ID(Document)", ":END_ID(Actor)", ":TYPE"]
    for a in graph.actors:
        for name in sorted(set(a.documents) & documents):
            yield [name, a.id, "MENTIONS"]


def _relation_rows(graph: Graph) -> Iterator[list[object]]:
    """Relations with the properties a Bolt load writes; evidence as parallel arrays."""
    yield [
        ":START_ID(Actor)",
        ":END_ID(Actor)",
        ":TYPE",
        "key",
        "year:long",
        "date",
        "date_precision",
        "date_source",
        "rule",
        "confidence:double",
        "curated:boolean",
        "evidence_docs:string[]",
        "evidence_quotes:string[]",
        "evidence_starts:long[]",
        "evidence_ends:long[]",
        DIGEST,
    ]
    join = ARRAY_DELIMITER.join
    for r in graph.relations:  # one per key: the model merged duplicates already
        evidence = r.evidence
        if len(evidence) == 1:  # most relations: no lists to build and join
            e = evidence[0]
            docs, quotes, starts, ends = e.doc, e.quote, str(e.start), str(e.end)
        else:
            docs = join([e.doc for e in evidence])
            quotes = join([e.quote for e in evidence])
            starts = join([str(e.start) for e in evidence])
            ends = join([str(e.end) for e in evidence])
        yield [
            r.source,
            r.target,
            r.type,
            r.key,
            "" if r.year is None else r.year,
            r.date or "",
            r.date_precision or "",
            r.date_source or "",
            r.rule,
            repr(r.confidence),
            "true" if r.curated else "false",
            docs,
            quotes,
            starts,
            ends,
            relation_digest(r),
        ]
