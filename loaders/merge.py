"""Merging per-document extractions into one graph.

Actors with the same id become one (aliases and documents united); relations with the same
key (source|type|target|year) become one, their evidence united, never duplicated. The
result depends only on the set of documents, not on the order they were read in.
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.model import Actor, Document, Evidence, Graph, Relation
from loaders.extract import DocExtraction

__all__ = ["merge"]


def merge(items: Iterable[tuple[Document, DocExtraction]]) -> Graph:
    actors: dict[str, Actor] = {}
    names: dict[str, set[str]] = {}
    main_names: dict[str, set[str]] = {}
    relations: dict[str, Relation] = {}
    evidence: dict[str, dict[tuple[str, int, int], Evidence]] = {}
    documents: list[Document] = []
    for document, extraction in items:
        documents.append(document)
        for actor in extraction.actors:
            current = actors.get(actor.id)
            if current is None:
                current = actor.model_copy(update={"aliases": [], "documents": []})
                actors[actor.id] = current
                names[actor.id] = set()
            names[actor.id].update([actor.name, *actor.aliases])
            main_names.setdefault(actor.id, set()).add(actor.name)
            current.documents.append(document.name)
            if not actor.discovered:
                current.discovered = False
                current.name = actor.name
                current.identifiers.update(actor.identifiers)
        for relation in extraction.relations:
            key = relation.key
            if key not in relations:
                relations[key] = relation.model_copy(update={"evidence": []})
                evidence[key] = {}
            for item in relation.evidence:
                placed = item.model_copy(update={"doc": document.name})
                evidence[key][(placed.doc, placed.start, placed.end)] = placed
    for actor_id, actor in actors.items():
        if actor.discovered:  # the same slug may be spelled differently: pick one stably
            actor.name = min(main_names[actor_id], key=lambda n: (n.isupper(), n))
        actor.aliases = sorted(names[actor_id] - {actor.name})
    merged = [
        relation.model_copy(update={"evidence": list(evidence[key].values())})
        for key, relation in relations.items()
    ]
    return Graph(actors=list(actors.values()), relations=merged, documents=documents).normalised()
