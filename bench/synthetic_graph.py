"""A deterministic synthetic graph for benchmarks: many actors, many relations, real evidence.

The shape imitates the seeds graph at scale: actor and relation types come from the domain
schema, most relations state a year, each relation has one evidence sentence that sits at its
offsets in a generated document text, degrees are bounded except for a few hub actors (the
"Japan" and "ASEAN" of the synthetic world). The same arguments always give the same graph.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
from collections.abc import Sequence

from graph.model import Actor, Document, Evidence, Graph, Relation
from graph.schema import domain_schema

__all__ = ["add_graph_options", "load_average", "synthetic_documents", "synthetic_graph"]

_SYLLABLES = ["ka", "ri", "to", "na", "mi", "su", "ro", "ha", "ze", "lo", "ven", "dor", "tan"]
_TYPE_WEIGHTS = {
    "Country": 2,
    "Organization": 4,
    "Agency": 12,
    "Company": 25,
    "University": 15,
    "Programme": 15,
    "Project": 15,
    "Event": 7,
    "Agreement": 5,
}
_HUBS = 20
_HUB_SHARE = 0.08
_YEAR_SHARE = 0.7


def _name(rng: random.Random, index: int) -> str:
    parts = [rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))]
    return f"{''.join(parts).capitalize()} {index}"


def _types(count: int) -> list[str]:
    known = list(domain_schema().actor_types)
    weights = [_TYPE_WEIGHTS.get(t, 1) for t in known]
    rng = random.Random(count)
    return rng.choices(known, weights=weights, k=count)


def synthetic_graph(
    actors: int = 100_000, relations: int = 1_000_000, seed: int = 7, documents: int = 200
) -> Graph:
    """A graph of `actors` actors and `relations` distinct relations, the same for the same args."""
    if actors < 2:
        raise ValueError("a graph needs at least two actors")
    schema = domain_schema()
    rng = random.Random(seed)
    types = _types(actors)
    types[:_HUBS] = ["Country"] * min(_HUBS, actors)
    ids = [f"{schema.prefix_of(t)}:syn-{i:06d}" for i, t in enumerate(types)]
    names = [_name(rng, i) for i in range(actors)]
    hubs = min(_HUBS, actors)
    relation_types = sorted(schema.relation_types)
    doc_names = [f"synthetic-{d:04d}.txt" for d in range(documents)]
    offsets = [0] * documents
    mentions: list[set[int]] = [set() for _ in range(actors)]
    seen: set[tuple[int, str, int, int | None]] = set()
    rels: list[Relation] = []

    def endpoint() -> int:
        if rng.random() < _HUB_SHARE:
            return rng.randrange(hubs)
        return rng.randrange(actors)

    while len(rels) < relations:
        source, target = endpoint(), endpoint()
        if source == target:
            continue
        rel_type = rng.choice(relation_types)
        year = rng.randint(1990, 2024) if rng.random() < _YEAR_SHARE else None
        key = (source, rel_type, target, year)
        if key in seen:
            continue
        seen.add(key)
        doc = source % documents
        verb = rel_type.lower().replace("_", " ")
        quote = f"{names[source]} {verb} {names[target]}" + (
            f" in {year}." if year is not None else "."
        )
        start = offsets[doc]
        offsets[doc] = start + len(quote) + 1
        evidence = Evidence.model_construct(
            doc=doc_names[doc], quote=quote, start=start, end=start + len(quote)
        )
        rels.append(
            Relation.model_construct(
                source=ids[source],
                target=ids[target],
                type=rel_type,
                year=year,
                evidence=[evidence],
                curated=False,
            )
        )
        mentions[source].add(doc)
        mentions[target].add(doc)

    actor_list = [
        Actor.model_construct(
            id=ids[i],
            name=names[i],
            type=types[i],
            aliases=[names[i].split()[0].upper()[:4] + str(i)] if i % 3 == 0 else [],
            identifiers={"wikidata": f"Q{900_000 + i}"} if i % 10 == 0 else {},
            documents=sorted(doc_names[d] for d in mentions[i]),
            discovered=i % 2 == 1,
        )
        for i in range(actors)
    ]
    texts = synthetic_documents(rels, doc_names)
    docs = [
        Document(
            name=name,
            sha256=hashlib.sha256(texts[name].encode("utf-8")).hexdigest(),
            chars=len(texts[name]),
            words=len(texts[name].split()),
        )
        for name in doc_names
    ]
    return Graph.model_construct(actors=actor_list, relations=rels, documents=docs)


def synthetic_documents(
    relations: Sequence[Relation], doc_names: Sequence[str] | None = None
) -> dict[str, str]:
    """The document texts the evidence points into: each quote followed by one space."""
    parts: dict[str, list[str]] = {name: [] for name in doc_names or []}
    for relation in relations:
        for ev in relation.evidence:
            parts.setdefault(ev.doc, []).append(ev.quote)
    return {name: "".join(q + " " for q in quotes) for name, quotes in parts.items()}


def add_graph_options(parser: argparse.ArgumentParser) -> None:
    """The size and seed of the synthetic graph, the same in every benchmark."""
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)


def load_average() -> str:
    """The machine's load average, printed beside every figure: the cores may be shared."""
    return "load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg())
