"""The examples /docs shows for the response models of api/responses.py, one answer each.

Each is named for the answer it shows (HEALTH for HealthReport, PATHS for PathsAnswer, ...).
They are shaped on the contract graph (tests/contract/sample_graph.py) - JICA funds the
Mumbai-Ahmedabad High-Speed Rail, which is in India - and shortened: an example shows the
shape of an answer, not all of it. They live apart from the models so that the models read
as the wire format they define.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ACTOR_PROFILE",
    "ACTOR_SEARCH",
    "CENTRALITY",
    "COMMUNITIES",
    "DOCUMENTS",
    "DOCUMENT_SPAN",
    "ERROR",
    "HEALTH",
    "NEIGHBOURHOOD",
    "PATHS",
    "STATS",
]

EVIDENCE: dict[str, Any] = {
    "doc": "contract.txt",
    "quote": "JICA funds the Mumbai-Ahmedabad High-Speed Rail.",
    "start": 252,
    "end": 300,
    "title": "Japan's partners, one sentence each",
    "source": "https://example.org/kizuna/contract",
    "row": None,
}
RAIL_IN_INDIA: dict[str, Any] = {
    "doc": "contract.txt",
    "quote": "The Mumbai-Ahmedabad High-Speed Rail is in India.",
    "start": 301,
    "end": 350,
    "title": "Japan's partners, one sentence each",
    "source": "https://example.org/kizuna/contract",
    "row": None,
}

NO_FILTERS: dict[str, Any] = {
    "types": None,
    "actor_types": None,
    "since": None,
    "until": None,
    "min_confidence": 0.5,
}

HEALTH: dict[str, Any] = {
    "status": "ok",
    "backend": "memory",
    "actors": 13,
    "relations": 13,
    "documents": 1,
}

ACTOR_SEARCH: dict[str, Any] = {
    "query": "jica",
    "type": None,
    "total": 1,
    "limit": 20,
    "offset": 0,
    "hits": [
        {
            "id": "agency:jica",
            "name": "Japan International Cooperation Agency",
            "type": "Agency",
            "matched": "JICA",
            "score": 100.0,
            "degree": 2,
        }
    ],
}

ACTOR_PROFILE: dict[str, Any] = {
    "id": "agency:jica",
    "name": "Japan International Cooperation Agency",
    "type": "Agency",
    "aliases": ["JICA"],
    "identifiers": {"wikidata": "Q958590"},
    "discovered": False,
    "documents": ["contract.txt"],
    "relation_count": 1,
    "relation_counts": {"FUNDS": 1},
    "min_confidence": 0.5,
    "limit": 500,
    "offset": 0,
    "relations": {
        "FUNDS": [
            {
                "id": "agency:jica|FUNDS|project:mahsr|",
                "source": "agency:jica",
                "target": "project:mahsr",
                "type": "FUNDS",
                "direction": "outgoing",
                "other": {
                    "id": "project:mahsr",
                    "name": "Mumbai-Ahmedabad High-Speed Rail",
                    "type": "Project",
                },
                "year": None,
                "curated": False,
                "evidence": [EVIDENCE],
            }
        ]
    },
}

NEIGHBOURHOOD: dict[str, Any] = {
    "center": {"id": "agency:jica", "name": "JICA", "type": "Agency"},
    "depth": 1,
    "limit": 100,
    "truncated": False,
    "level_counts": [3],
    "filters": NO_FILTERS,
    "nodes": [
        {"id": "agency:jica", "label": "JICA", "type": "Agency", "depth": 0},
        {
            "id": "project:mahsr",
            "label": "Mumbai-Ahmedabad High-Speed Rail",
            "type": "Project",
            "depth": 1,
        },
    ],
    "edges": [
        {
            "id": "agency:jica|FUNDS|project:mahsr|",
            "source": "agency:jica",
            "target": "project:mahsr",
            "type": "FUNDS",
            "year": None,
            "curated": False,
            "evidence": [EVIDENCE],
        }
    ],
    "cypher": None,
}

PATHS: dict[str, Any] = {
    "source": {"id": "agency:jica", "name": "JICA", "type": "Agency"},
    "target": {"id": "country:IND", "name": "India", "type": "Country"},
    "max_hops": 4,
    "k": 1,
    "filters": NO_FILTERS,
    "paths": [
        {
            "length": 2,
            "nodes": [
                {"id": "agency:jica", "name": "JICA", "type": "Agency"},
                {
                    "id": "project:mahsr",
                    "name": "Mumbai-Ahmedabad High-Speed Rail",
                    "type": "Project",
                },
                {"id": "country:IND", "name": "India", "type": "Country"},
            ],
            "hops": [
                {
                    "from": "agency:jica",
                    "to": "project:mahsr",
                    "relations": [
                        {
                            "id": "agency:jica|FUNDS|project:mahsr|",
                            "source": "agency:jica",
                            "target": "project:mahsr",
                            "type": "FUNDS",
                            "direction": "forward",
                            "year": None,
                            "curated": False,
                            "evidence": [EVIDENCE],
                        }
                    ],
                },
                {
                    "from": "project:mahsr",
                    "to": "country:IND",
                    "relations": [
                        {
                            "id": "project:mahsr|LOCATED_IN|country:IND|",
                            "source": "project:mahsr",
                            "target": "country:IND",
                            "type": "LOCATED_IN",
                            "direction": "forward",
                            "year": None,
                            "curated": True,
                            "evidence": [RAIL_IN_INDIA],
                        }
                    ],
                },
            ],
        }
    ],
    "cypher": None,
}

DOCUMENTS: dict[str, Any] = {
    "min_confidence": 0.5,
    "documents": [
        {
            "name": "contract.txt",
            "title": "Japan's partners, one sentence each",
            "source": "https://example.org/kizuna/contract",
            "date": "2024-03",
            "sha256": "0" * 64,
            "chars": 640,
            "words": 98,
            "actors": 13,
            "relations": 13,
        }
    ],
}

STATS: dict[str, Any] = {
    "actors": 13,
    "relations": 13,
    "documents": 1,
    "evidence": 13,
    "actors_by_type": {"Agency": 2, "Country": 5},
    "relations_by_type": {"FUNDS": 1, "SIGNED_MOC": 3},
    "most_connected": [{"id": "country:JPN", "name": "Japan", "type": "Country", "degree": 8}],
    "min_confidence": 0.5,
    "hidden_relations": 0,
}

ERROR: dict[str, Any] = {
    "error": "ActorNotFound",
    "message": "No actor has the id or name 'JICAA'; did you mean "
    "Japan International Cooperation Agency (agency:jica)?",
    "close_matches": [
        {
            "id": "agency:jica",
            "name": "Japan International Cooperation Agency",
            "type": "Agency",
        }
    ],
}

DOCUMENT_SPAN: dict[str, Any] = {
    "document": "contract.txt",
    "chars": 351,
    "start": 252,
    "end": 300,
    "window_start": 200,
    "window_end": 350,
    "before": "Japan and India signed an MOC in 2019. ",
    "span": "JICA funds the Mumbai-Ahmedabad High-Speed Rail.",
    "after": " The Mumbai-Ahmedabad High-Speed Rail is in India.",
}

CENTRALITY: dict[str, Any] = {
    "measure": "degree",
    "reading": "degree: how many partners an actor has in view.",
    "method": "networkx degree_centrality",
    "approximate": False,
    "actors_in_view": 3,
    "ties_in_view": 2,
    "filters": NO_FILTERS,
    "limit": 20,
    "actors": [{"id": "country:JPN", "name": "Japan", "type": "Country", "score": 1.0}],
}

COMMUNITIES: dict[str, Any] = {
    "method": "networkx louvain_communities (seed 42)",
    "modularity": 0.32,
    "actors_in_view": 4,
    "ties_in_view": 3,
    "filters": NO_FILTERS,
    "communities": [
        {"id": 0, "size": 2, "members": ["agency:jica", "country:IND"]},
        {"id": 1, "size": 2, "members": ["country:JPN", "org:asean"]},
    ],
}
