"""Short names a document gives what it names: "(hereinafter referred to as "Brazil")".

Legal and diplomatic texts name their parties once in full and then by a short name of
their own: "the Federative Republic of Brazil (hereinafter referred to as "Brazil")", "The
Ministry of ... of Japan and The Ministry of ... of Singapore (hereinafter "the
ministries")". The short name stands for the one actor, or for the group of parties, named
just before it in the same sentence; every later use of it is a mention of that actor, or
of the group (a group is read as its members wherever it is an argument). A short name
that is an instrument's own ("this Partnership") defines no party.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.recognise import ActorInfo, Mention
from loaders.rules.lexicon import lexicon

__all__ = ["GROUP_PREFIX", "ShortNames", "short_names"]

GROUP_PREFIX = "group:"
_DEFINITION = re.compile(
    r"\(\s*(?:hereinafter|hereafter)\s*,?\s*(?:referred\s+to\s+as|called|the)?\s*"
    r"[\"'](?P<name>[^\"'()\n]{2,40})[\"']\s*\)",
    re.IGNORECASE,
)
_DETERMINERS = ("the ", "The ", "this ", "This ")


@dataclass
class ShortNames:
    """What a document's short names add: mentions, the groups they stand for, and the
    bodies named once with their country and once without (one body)."""

    mentions: list[Mention] = field(default_factory=list)
    groups: dict[str, list[str]] = field(default_factory=dict)
    same: dict[str, str] = field(default_factory=dict)

    def pointed(self, mentions: list[Mention]) -> list[Mention]:
        """`mentions` with each short-named body pointing at its full name."""
        return [
            Mention(m.start, m.end, self.same[m.actor], m.kind) if m.actor in self.same else m
            for m in mentions
        ]


def _bare(name: str) -> str:
    for determiner in _DETERMINERS:
        if name.startswith(determiner):
            return name[len(determiner) :]
    return name


def _without_country(name: str) -> str | None:
    """A body's name without the country that closes it ("Ministry of Industry and Trade
    of Viet Nam" -> "Ministry of Industry and Trade"), or None when none closes it."""
    from loaders.engine.instruments import country_named  # the scan of country names

    cut = name.rfind(" of ")
    if cut <= 0:
        return None
    tail = name[cut + 4 :].removeprefix("the ")
    return name[:cut] if country_named([tail]) is not None and len(tail.split()) <= 4 else None


def short_names(folded: str, mentions: list[Mention], actors: dict[str, ActorInfo]) -> ShortNames:
    """The mentions of every short name the document defines, after its definition; and
    which bodies it names both with and without their country."""
    out = ShortNames()
    full = {
        base: actor_id
        for actor_id, info in sorted(actors.items())
        if info.discovered and (base := _without_country(info.name)) is not None
    }
    for actor_id, info in sorted(actors.items()):
        long_id = full.get(info.name)
        if info.discovered and long_id is not None and long_id != actor_id:
            out.same[actor_id] = long_id
            actors[long_id].aliases |= {info.name, *info.aliases}
    for actor_id in out.same:
        del actors[actor_id]
    taken = [(m.start, m.end) for m in mentions]
    lex = lexicon()
    for definition in _DEFINITION.finditer(folded):
        name = _bare(definition.group("name").strip())
        if lex.kind_of_name(name) is not None:
            continue  # "this Partnership" is the instrument's own short name
        sentence_start = max(
            folded.rfind(".", 0, definition.start()), folded.rfind("\n", 0, definition.start())
        )
        named = list(
            dict.fromkeys(
                m.actor
                for m in mentions
                if sentence_start < m.start and m.end <= definition.start()
            )
        )
        if not named:
            continue
        if len(named) == 1:
            target = named[0]
            if target in actors:
                actors[target].aliases.add(name)
        else:
            target = f"{GROUP_PREFIX}{len(out.groups) + 1}"
            out.groups[target] = named
        pattern = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", re.IGNORECASE)
        for use in pattern.finditer(folded, definition.end()):
            start, end = use.span()
            if not any(s < end and start < e for s, e in taken):
                out.mentions.append(Mention(start, end, target, "alias"))
                taken.append((start, end))
    return out
