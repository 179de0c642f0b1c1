"""A second contract graph: two actors joined by parallel MOCs, and a curated partnership.

Every relation points at the sentence that states it, so the expected routes can be checked by
reading this file.
"""

from __future__ import annotations

from graph.model import Actor, Evidence, Graph, Relation

__all__ = ["routes_graph"]

TEXT = (
    "Japan and Denmark signed an MOC in 2019. Japan and Denmark signed an MOC in 2023. "
    "Denmark is a member of the EU. Japan partners with the EU."
)


def _evidence(sentence: str) -> Evidence:
    start = TEXT.index(sentence)
    return Evidence(doc="d.txt", quote=sentence, start=start, end=start + len(sentence))


def routes_graph() -> Graph:
    actors = [
        Actor(id="country:JPN", name="Japan", type="Country"),
        Actor(id="country:DNK", name="Denmark", type="Country"),
        Actor(id="org:eu", name="European Union", type="Organization"),
    ]
    relations = [
        Relation(
            source="country:DNK",
            target="country:JPN",
            type="SIGNED_MOC",
            year=year,
            evidence=[_evidence(f"Japan and Denmark signed an MOC in {year}.")],
        )
        for year in (2019, 2023)
    ]
    relations += [
        Relation(
            source="country:DNK",
            target="org:eu",
            type="MEMBER_OF",
            evidence=[_evidence("Denmark is a member of the EU.")],
        ),
        Relation(
            source="country:JPN",
            target="org:eu",
            type="PARTNERS_WITH",
            curated=True,
            evidence=[_evidence("Japan partners with the EU.")],
        ),
    ]
    return Graph(actors=actors, relations=relations)
