"""Country glosses: "the Japan Science and Technology Agency (Japan)", "DFG(Germany)".

A body named with its country in brackets right after it belongs to that country: it is
PART_OF it. The gloss is an aside, so the parser reads the sentence without it (see
loaders.engine.units.glosses); this reader says what it means. Its claims go through the
same resolution and schema checks as the rules'.
"""

from __future__ import annotations

from loaders.engine.matching import Claim
from loaders.engine.referents import ActorRef
from loaders.engine.units import glosses
from loaders.recognise import Mention

__all__ = ["GLOSS_CONFIDENCE", "gloss_claims"]

GLOSS_CONFIDENCE = 0.8


def gloss_claims(folded: str, mentions: list[Mention], span: tuple[int, int]) -> list[Claim]:
    """A PART_OF claim for every body glossed with its country in a unit."""
    return [
        Claim(ActorRef(g.body.actor), ActorRef(g.country.actor), "PART_OF", "gloss",
              GLOSS_CONFIDENCE, span, g.body.start)
        for g in glosses(folded, mentions)
    ]  # fmt: skip
