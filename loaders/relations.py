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
    reducer = _Reducer(ids, type_of)
    skeleton = reducer.reduce(skeleton)
    if skeleton.count("«") < 2:
        return reducer.found
    return reducer.found + _pattern_relations(skeleton, ids, type_of)


class _Reducer:
    """Folds what is not a party out of a skeleton before the patterns run: an acronym or a
    hyphenated repeat of the same actor, a country owning a body ("India's «Ministry»",
    "«Ministry» of India", both PART_OF the country) and a country in apposition."""

    def __init__(self, ids: list[str], type_of: Callable[[str], str]) -> None:
        self.ids = ids
        self.type_of = type_of
        self.found: list[Found] = []

    def reduce(self, skeleton: str) -> str:
        skeleton = _SAME.sub(self._same, skeleton)
        skeleton = _POSSESSIVE.sub(self._possessive, skeleton)
        skeleton = _OF_COUNTRY.sub(self._of_country, skeleton)
        return _APPOSITION.sub(self._apposition, skeleton)

    def _part_of(self, owned: str, owner: str) -> None:
        item = make_found(owned, owner, "PART_OF", None)
        if item is not None:
            self.found.append(item)

    def _same(self, match: re.Match[str]) -> str:
        first = match.group(1)
        other = match.group(2) or match.group(3)
        return f"«{first}»" if self.ids[int(first)] == self.ids[int(other)] else match.group()

    def _possessive(self, match: re.Match[str]) -> str:
        owner, owned = self.ids[int(match.group(1))], self.ids[int(match.group(2))]
        if self.type_of(owner) == "Country" and self.type_of(owned) != "Country":
            if self.type_of(owned) == "Agency":
                self._part_of(owned, owner)
            return f"«{match.group(2)}»"
        return match.group()

    def _of_country(self, match: re.Match[str]) -> str:
        owned, owner = self.ids[int(match.group(1))], self.ids[int(match.group(2))]
        if self.type_of(owner) == "Country" and self.type_of(owned) == "Agency":
            self._part_of(owned, owner)
            return f"«{match.group(1)}»"
        return match.group()

    def _apposition(self, match: re.Match[str]) -> str:
        first, place = self.ids[int(match.group(1))], self.ids[int(match.group(2))]
        if self.type_of(place) == "Country" and self.type_of(first) in (
            "University",
            "Company",
            "Agency",
        ):
            return f"«{match.group(1)}»"
        return match.group()


def _pattern_relations(skeleton: str, ids: list[str], type_of: Callable[[str], str]) -> list[Found]:
    """The relations of every pattern of patterns.yaml that matches the reduced skeleton."""
    found: list[Found] = []
    for regex, emits in compiled_patterns():
        for match in regex.finditer(skeleton):
            groups = match.groupdict()
            year_text = groups.get("Y")
            year = int(year_text) if year_text else None
            for emit in emits:
                for source, target in _emitted_pairs(emit, groups, ids, type_of):
                    item = make_found(source, target, emit.type, year)
                    if item is not None:
                        found.append(item)
    return found


def _emitted_pairs(
    emit: EmitSpec,
    groups: dict[str, str | None],
    ids: list[str],
    type_of: Callable[[str], str],
) -> list[tuple[str, str]]:
    """The (source, target) actor pairs one emit of a match names, within its types: each
    pair of one group when source and target are the same group, else each source with
    each target."""
    sources = _actors(groups.get(emit.source), ids)
    targets = _actors(groups.get(emit.target), ids)
    pairs = (
        list(combinations(sources, 2))
        if emit.source == emit.target
        else list(product(sources, targets))
    )
    return [
        (source, target)
        for source, target in pairs
        if not (emit.source_types and type_of(source) not in emit.source_types)
        and not (emit.target_types and type_of(target) not in emit.target_types)
    ]
