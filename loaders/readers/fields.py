"""Field lines: "Executing agency: X", "Country: A, B and C", "Partners: X; Y".

A project page often states its parties as labelled lines instead of sentences. The label
(lexicon.yaml's `fields`) gives the relation; every actor named in the value takes it
towards the document's instrument (the latest one named, else the first): the implementer
IMPLEMENTS it, the lender FUNDS it, the instrument is LOCATED_IN the country. The claims go
through the same resolution and schema checks as the rules'.
"""

from __future__ import annotations

import re

from graph.schema import domain_schema
from loaders.engine.matching import Claim
from loaders.engine.referents import ActorRef, GiverRef, ImplicitRef, Ref
from loaders.recognise import Mention
from loaders.rules.lexicon import lexicon

__all__ = ["FIELD_CONFIDENCE", "field_claims"]

FIELD_CONFIDENCE = 0.85
_LABEL = re.compile(r"[ \t]*[-*•]?[ \t]*([A-Za-z][\w /&()'-]{0,40}?)[ \t]*:[ \t]*")


def _whose(folded: str, body: Mention, country: Mention) -> bool:
    """Whether a country named right after a body says whose body it is ("X, Thailand",
    "X (Thailand)")."""
    between = folded[body.end : country.start].strip()
    return country.actor.startswith("country:") and between in (",", "(", "")


def field_claims(folded: str, start: int, end: int, mentions: list[Mention]) -> list[Claim]:
    """The claims of one field line (none when its label gives no relation)."""
    match = _LABEL.match(folded, start, end)
    if match is None:
        return []
    lex = lexicon()
    label = tuple(match.group(1).strip(" -*").lower().split())
    instruments = frozenset(domain_schema().types_with_role("instrument"))
    if " ".join(label) in lex.amount_fields:  # "Loan amount: JPY 12.5 billion" under a project
        projects = frozenset(lex.data.covered_types)
        return [
            Claim(GiverRef(start), ImplicitRef(start, projects), "FUNDS", "field",
                  FIELD_CONFIDENCE, (start, end), start)
        ]  # fmt: skip
    rel_type = lex.fields.get(label)
    if rel_type is None:
        return []
    document_instrument: Ref = ImplicitRef(start, instruments)
    out: list[Claim] = []
    values = [m for m in mentions if m.start >= match.end()]
    for k, mention in enumerate(values):
        if k > 0 and _whose(folded, values[k - 1], mention):
            continue  # "Ministry of Digital Economy and Society, Thailand": the ministry's
        value: Ref = ActorRef(mention.actor)
        source, target = (
            (document_instrument, value)
            if rel_type == "LOCATED_IN"
            else (value, document_instrument)
        )
        out.append(
            Claim(source, target, rel_type, "field", FIELD_CONFIDENCE, (start, end), mention.start)
        )
    return out
