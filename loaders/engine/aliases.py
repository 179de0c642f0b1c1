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
    """What a document's short names add: mentions, and the groups they stand for."""

    mentions: list[Mention] = field(default_factory=list)
    groups: dict[str, list[str]] = field(default_factory=dict)


def _bare(name: str) -> str:
    for determiner in _DETERMINERS:
        if name.startswith(determiner):
            return name[len(determiner) :]
    return name


def short_names(
    folded: str, mentions: list[Mention], actors: dict[str, ActorInfo]
) -> ShortNames:
    """The mentions of every short name the document defines, after its definition."""
    out = ShortNames()
    taken = [(m.start, m.end) for m in mentions]
    lex = lexicon()
    for definition in _DEFINITION.finditer(folded):
        name = _bare(definition.group("name").strip())
        if lex.kind_of_name(name) is not None:
            continue  # "this Partnership" is the instrument's own short name
        sentence_start = max(folded.rfind(".", 0, definition.start()), folded.rfind("\n", 0, definition.start()))
        named = list(
            dict.fromkeys(
                m.actor for m in mentions if sentence_start < m.start and m.end <= definition.start()
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
