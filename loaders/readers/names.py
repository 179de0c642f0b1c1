"""Instrument names: the parties and the instruments a name holds.

"The Japan-UK Digital Partnership" names its two parties; "the Japan-EU Digital
Partnership Council" is a council of the "Japan-EU Digital Partnership"; "the G7 Digital
and Tech Ministers' Meeting" is a meeting of the G7. Where a document names such an
instrument, the name itself says so, at a lower confidence than a sentence that states it:
each country or organisation the name holds takes the instrument's role towards it, and an
instrument the name holds is what it is PART_OF. The claims go through the same resolution
and schema checks as the rules'.
"""

from __future__ import annotations

import re
from functools import cache

from loaders.catalogue import compact, slugify, subdivision_places
from loaders.engine.matching import Claim
from loaders.engine.referents import ActorRef
from loaders.recognise import recogniser
from loaders.text import fold

__all__ = ["NAMED_PARTIES", "country_claims", "name_claims", "named_place"]

NAMED_PARTIES = 0.7
_PARTY_TYPES = frozenset({"Country", "Organization"})
_INSTRUMENT_TYPES = frozenset({"Agreement", "Programme", "Project", "Event"})
_WORD_START = re.compile(r"(?<![\w'])\w")
_ENDING_PLACE = re.compile(r"\bin (?:the )?(?P<place>[A-Z][^()]*?)(?:\s*\([^()]*\))?$")
_LOCATED_TYPES = frozenset({"Project", "Programme"})


def named_place(name: str, actor_type: str) -> tuple[str, str] | None:
    """The country or state a project's name ends with ("the Project for Promoting
    Start-up and Innovation in Kerala"): its actor id and name, or None."""
    if actor_type not in _LOCATED_TYPES:
        return None
    match = _ENDING_PLACE.search(fold(name))
    if match is None:
        return None
    place = match.group("place").strip()
    rec = recogniser()
    found = rec.lookup.get(place)
    if found is not None and rec.known[found[0]].type == "Country":
        return found[0], rec.known[found[0]].name
    if compact(place) in subdivision_places():
        return f"place:{slugify(place)}", place
    return None


@cache
def _held_names() -> re.Pattern[str]:
    """One scan for the names a longer name may hold: parties and instruments."""
    rec = recogniser()
    names = [
        name
        for name, (actor, kind) in rec.lookup.items()
        if kind != "metonym" and rec.known[actor].type in _PARTY_TYPES | _INSTRUMENT_TYPES
    ]
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


def held(name: str) -> list[str]:
    """The known actors a name holds at its words' starts, the whole name aside."""
    rec = recogniser()
    folded = fold(name)
    pattern = _held_names()
    out: list[str] = []
    for start in _WORD_START.finditer(folded):
        at = start.start()
        match = pattern.match(folded, at, len(folded) - 1 if at == 0 else len(folded))
        if match is None:
            continue
        end = match.end()
        if end < len(folded) and (folded[end].isalnum()):
            continue
        actor = rec.lookup[match.group()][0]
        if actor not in out:
            out.append(actor)
    return out


def country_claims(actor: str, surface: str, span: tuple[int, int], position: int) -> list[Claim]:
    """ "the Ministry of Foreign Affairs of Japan", "Japan's Ministry of ...": a body whose
    own name, as the text writes it, holds one country is PART_OF that country."""
    rec = recogniser()
    countries = [a for a in held(surface) if rec.known[a].type == "Country"]
    if len(countries) != 1:
        return []
    return [
        Claim(ActorRef(actor), ActorRef(countries[0]), "PART_OF", "name:country", NAMED_PARTIES,
              span, position)
    ]  # fmt: skip


def name_claims(
    actor: str, name: str, actor_type: str, span: tuple[int, int], position: int
) -> list[Claim]:
    """What an instrument's name says of it, with its sentence as evidence."""
    rec = recogniser()
    place = named_place(name, actor_type)
    inner = [a for a in held(name) if a != actor and (place is None or a != place[0])]
    parties = [a for a in inner if rec.known[a].type in _PARTY_TYPES]
    out: list[Claim] = []
    if len(parties) == 1 and rec.known[parties[0]].type == "Organization":
        # "the G7 ICT Ministers' Meeting", "the GPAI Summit": one of the organisation's own
        if actor_type != "Agreement":
            out.append(
                Claim(ActorRef(actor), ActorRef(parties[0]), "PART_OF", "name:parties",
                      NAMED_PARTIES, span, position)
            )  # fmt: skip
        parties = []
    for party in parties:
        out.append(
            Claim(ActorRef(party), ActorRef(actor), "role", "name:parties", NAMED_PARTIES,
                  span, position)
        )  # fmt: skip
    if place is not None:
        out.append(
            Claim(ActorRef(actor), ActorRef(place[0]), "LOCATED_IN", "name:place", NAMED_PARTIES,
                  span, position)
        )  # fmt: skip
    for other in inner:
        inner_type = rec.known[other].type
        if inner_type in _INSTRUMENT_TYPES and inner_type != actor_type:
            out.append(
                Claim(ActorRef(actor), ActorRef(other), "PART_OF", "name:parties", NAMED_PARTIES,
                      span, position)
            )  # fmt: skip
    return out
