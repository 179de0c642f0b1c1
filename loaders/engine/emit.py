"""Emitting relations: the one place where the schema's ends are enforced, and where facts
become relations with their evidence and dates.

Every fact of every rule and reader passes `admit`: its type is settled (a party's "role"
towards an instrument is what that instrument's kind makes its parties do; a partnership
"with" a programme is taking part in it) and the schema's `source_types` and
`target_types` decide whether the edge may exist. Nothing else in the extractor checks
them. A relation is dated by the date its sentence states nearest to its trigger, else by
the document's dateline, at the precision the text gives; a relation type that is not
dated (a part, a place) takes none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache

from graph.model import Evidence, Relation, ordered_ends
from graph.schema import domain_schema
from loaders.dates import StatedDate, dates_in
from loaders.engine.resolution import Fact
from loaders.rules.lexicon import Instrument, lexicon

__all__ = ["admit", "admitted", "relations_of"]


@cache
def _default_roles() -> dict[str, str]:
    """The role a party has towards an instrument of each type whose kind is unknown: the
    role of the first kind of that type in the lexicon."""
    out: dict[str, str] = {}
    for instrument in lexicon().data.instruments:
        out.setdefault(instrument.type, instrument.role)
    return out


def admit(
    rel_type: str, source_type: str, target_type: str, target_kind: Instrument | None
) -> str | None:
    """The relation type an edge of `rel_type` between these actor types is, or None when
    the schema allows none."""
    schema = domain_schema()
    lex = lexicon()
    instrument = target_type in schema.types_with_role("instrument")
    role = target_kind.role if target_kind else _default_roles().get(target_type)
    if rel_type == "role":
        if role is None:
            return None
        rel_type = role
    relation = schema.relation_types[rel_type]
    if relation.allows(source_type, target_type):
        return rel_type
    if not relation.directed and relation.allows(target_type, source_type):
        return rel_type
    if instrument:  # the trigger's relation does not fit this instrument: what its parties do
        for other in (lex.data.to_instrument.get(rel_type), role):
            if other is not None and schema.relation_types[other].allows(source_type, target_type):
                return other
    return None


def admitted(
    facts: list[Fact],
    type_of: Callable[[str], str],
    kind_of: Callable[[str], Instrument | None],
) -> list[Fact]:
    """The facts the schema allows, each with its settled relation type."""
    out: list[Fact] = []
    for fact in facts:
        rel_type = admit(
            fact.type, type_of(fact.source), type_of(fact.target), kind_of(fact.target)
        )
        if rel_type is not None:
            out.append(fact if rel_type == fact.type else replace(fact, type=rel_type))
    return out


def _nearest(dates: list[StatedDate], position: int) -> StatedDate | None:
    if not dates:
        return None
    return min(dates, key=lambda d: (abs(d.start - position), d.start))


def relations_of(
    facts: list[Fact], text: str, folded: str, document_date: StatedDate | None
) -> list[Relation]:
    """Relations from facts, each with its sentence as evidence and its date."""
    schema = domain_schema()
    stated_in: dict[tuple[int, int], list[StatedDate]] = {}
    out: list[Relation] = []
    for fact in facts:
        start, end = fact.span
        if fact.span not in stated_in:
            stated_in[fact.span] = dates_in(folded[start:end], start)
        stated = _nearest(stated_in[fact.span], fact.position)
        date, source = (stated, "sentence") if stated is not None else (document_date, "document")
        if not schema.relation_types[fact.type].dated:
            date = None
        ends = ordered_ends(fact.type, fact.source, fact.target)
        out.append(
            Relation(
                source=ends[0],
                target=ends[1],
                type=fact.type,
                year=date.year if date else None,
                date=date.iso if date else None,
                date_precision=date.precision if date else None,
                date_source=source if date else None,
                rule=fact.rule,
                confidence=fact.confidence,
                evidence=[Evidence(doc="", quote=text[start:end], start=start, end=end)],
            )
        )
    return out
