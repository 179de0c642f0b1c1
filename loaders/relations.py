"""Relation extraction from sentences: typed patterns over a sentence "skeleton".

Each recognised actor in a sentence becomes a placeholder «i», the surrounding text is
cleaned of markup, and the patterns of loaders/data/patterns.yaml are matched against the
result. A match yields typed relations between the placeholders' actors, with a year only
when the matched clause states one. Possessives and "X of <country>" are read first
("India's Ministry of ..." is PART_OF India) so that the country is not taken for a party.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import combinations, product

from graph.model import ordered_ends
from loaders.catalogue import EmitSpec, patterns

__all__ = ["Found", "compiled_patterns", "sentence_relations"]


@dataclass(frozen=True)
class Found:
    """A relation found in one segment; evidence is the segment's span."""

    source: str
    target: str
    type: str
    year: int | None


_LIST = r"«\d+»(?:(?:,? and (?:the )?|, (?:the )?|,? as well as (?:the )?)«\d+»)*"
_PLACEHOLDERS = {
    "{SS}": rf"(?P<SS>{_LIST})",
    "{TT}": rf"(?P<TT>{_LIST})",
    "{PP}": rf"(?P<PP>{_LIST})",
    "{S}": r"«(?P<S>\d+)»",
    "{T}": r"«(?P<T>\d+)»",
    "{C}": r"«(?P<C>\d+)»",
    "{Y}": r"(?P<Y>(?:19|20)\d\d)(?!\d)",
    "{G}": r"[^«»]{0,60}?",
}
_INDEX = re.compile(r"«(\d+)»")
_CLEAN = re.compile(r"\(#\)|</?sup>|[\[\]*\"]|'(?!s\b)|\(\s*\)")
_ASIDE = re.compile(r"\((?![^()]*\d)[^()«»]*\)")
_SAME = re.compile(r"«(\d+)»\s*(?:\(\s*«(\d+)»\s*\)|-\s*«(\d+)»)")
_POSSESSIVE = re.compile(r"«(\d+)»'s «(\d+)»")
_OF_COUNTRY = re.compile(r"«(\d+)» of (?:the )?«(\d+)»")
_APPOSITION = re.compile(r"«(\d+)», «(\d+)»(?=\s*[.;)]|\s*$)")


@cache
def compiled_patterns() -> list[tuple[re.Pattern[str], list[EmitSpec]]]:
    out = []
    for spec in patterns().relation_patterns:
        regex = spec.pattern
        for key, value in _PLACEHOLDERS.items():
            regex = regex.replace(key, value)
        out.append((re.compile(regex, re.IGNORECASE), spec.emit))
    return out


def make_found(source: str, target: str, rel_type: str, year: int | None) -> Found | None:
    if source == target:
        return None
    source, target = ordered_ends(rel_type, source, target)
    return Found(source, target, rel_type, year)


def build_skeleton(
    pieces: list[tuple[str, str | None]],
) -> tuple[str, list[str]]:
    """Join (text, actor) pieces into a skeleton string and its placeholder actor list."""
    parts: list[str] = []
    ids: list[str] = []
    for text, actor in pieces:
        if actor is None:
            parts.append(_CLEAN.sub("", text))
        else:
            parts.append(f"«{len(ids)}»")
            ids.append(actor)
    skeleton = " ".join("".join(parts).split())
    skeleton = re.sub(r" ([,.;:)])", r"\1", skeleton).replace("( ", "(")
    skeleton = " ".join(_ASIDE.sub("", skeleton).split())
    return skeleton, ids


def _actors(group: str | None, ids: list[str]) -> list[str]:
    if not group:
        return []
    if group.isdigit():
        return [ids[int(group)]]
    return list(dict.fromkeys(ids[int(i)] for i in _INDEX.findall(group)))


def sentence_relations(skeleton: str, ids: list[str], type_of: Callable[[str], str]) -> list[Found]:
    """Every relation the patterns find in one sentence skeleton."""
    found: list[Found] = []

    def add(source: str, target: str, rel_type: str, year: int | None) -> None:
        item = make_found(source, target, rel_type, year)
        if item is not None:
            found.append(item)

    def same(match: re.Match[str]) -> str:
        first = match.group(1)
        other = match.group(2) or match.group(3)
        return f"«{first}»" if ids[int(first)] == ids[int(other)] else match.group()

    def possessive(match: re.Match[str]) -> str:
        owner, owned = ids[int(match.group(1))], ids[int(match.group(2))]
        if type_of(owner) == "Country" and type_of(owned) != "Country":
            if type_of(owned) == "Agency":
                add(owned, owner, "PART_OF", None)
            return f"«{match.group(2)}»"
        return match.group()

    def of_country(match: re.Match[str]) -> str:
        owned, owner = ids[int(match.group(1))], ids[int(match.group(2))]
        if type_of(owner) == "Country" and type_of(owned) == "Agency":
            add(owned, owner, "PART_OF", None)
            return f"«{match.group(1)}»"
        return match.group()

    def apposition(match: re.Match[str]) -> str:
        first, place = ids[int(match.group(1))], ids[int(match.group(2))]
        if type_of(place) == "Country" and type_of(first) in ("University", "Company", "Agency"):
            return f"«{match.group(1)}»"
        return match.group()

    skeleton = _SAME.sub(same, skeleton)
    skeleton = _POSSESSIVE.sub(possessive, skeleton)
    skeleton = _OF_COUNTRY.sub(of_country, skeleton)
    skeleton = _APPOSITION.sub(apposition, skeleton)
    if skeleton.count("«") < 2:
        return found
    for regex, emits in compiled_patterns():
        for match in regex.finditer(skeleton):
            groups = match.groupdict()
            year_text = groups.get("Y")
            year = int(year_text) if year_text else None
            for emit in emits:
                sources = _actors(groups.get(emit.source), ids)
                targets = _actors(groups.get(emit.target), ids)
                pairs = (
                    list(combinations(sources, 2))
                    if emit.source == emit.target
                    else list(product(sources, targets))
                )
                for source, target in pairs:
                    if emit.source_types and type_of(source) not in emit.source_types:
                        continue
                    if emit.target_types and type_of(target) not in emit.target_types:
                        continue
                    add(source, target, emit.type, year)
    return found
