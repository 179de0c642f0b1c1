"""Table rows: tab-separated tables with a header naming a Year column.

A table's caption ("Table 1: International Digital Engagement of Japan") names its subject;
each data row is read as one engagement of that subject in the row's year:
- a Memorandum of Cooperation row is a SIGNED_MOC edge between the subject and the party;
- a meeting or council row is an Event node: the subject PARTICIPATES_IN it, the country that
  prefixes it ("Saudi Arabia-G20 ...") HOSTS it, a council is PART_OF its partnership;
- a partnership row is an Agreement node its parties have an AGREEMENT_WITH, and the two
  parties PARTNERS_WITH each other.
The evidence of every relation from a row is the row itself. The rows' claims go through
the same resolution and schema checks as the rules'.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from loaders.catalogue import patterns
from loaders.engine.matching import Claim
from loaders.engine.referents import ActorRef
from loaders.recognise import Mention, recogniser

__all__ = ["TABLE_CONFIDENCE", "TableReader"]

TABLE_CONFIDENCE = 0.9
_PARTIES = ("Country", "Organization")
_Edge = tuple[str, str, str]  # source, target, relation type


def _prefix_countries(
    folded: str, node: Mention, inside: list[Mention], by_type: dict[Mention, str]
) -> list[str]:
    """The countries that prefix a row's node with nothing but a hyphen and words between
    ("Saudi Arabia-G20 ...")."""
    return [
        m.actor
        for m in inside
        if m.end <= node.start
        and by_type[m] == "Country"
        and not any(o.start >= m.end and o.end <= node.start for o in inside if o is not m)
        and re.fullmatch(r"\s*-\s*[\w\s']*", folded[m.end : node.start])
    ]


@cache
def _party_matcher() -> re.Pattern[str]:
    rec = recogniser()
    names = sorted(
        (n for n, (a, _) in rec.lookup.items() if rec.known[a].type in _PARTIES),
        key=len,
        reverse=True,
    )
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


@cache
def _word_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


@dataclass
class _Header:
    year: int
    text: int
    kind: int | None


class TableReader:
    """Reads the rows of one document's tables; feed it segments in document order."""

    def __init__(self, type_of: Callable[[str], str]) -> None:
        self.type_of = type_of
        self.subject: str | None = None
        self.header: _Header | None = None
        spec = patterns().table
        self.spec = spec
        self.moc = _word_regex(tuple(spec.moc_words))
        self.partnership = _word_regex(tuple(spec.partnership_words))

    def caption(self, sentence: str, mentions: list[Mention]) -> None:
        """A sentence outside a table: a caption sets the subject, other text ends a table."""
        if re.match(r"\s*\**\s*Table\b", sentence):
            parties = [m.actor for m in mentions if self.type_of(m.actor) in _PARTIES]
            self.subject = parties[-1] if parties else None
            self.header = None
        elif self.header is not None:
            self.header = None
            self.subject = None

    def row(self, folded: str, start: int, end: int, mentions: list[Mention]) -> list[Claim]:
        """The claims of one row (none for a header row, which sets the columns)."""
        edges = self._row(folded, start, end, mentions)
        return [
            Claim(ActorRef(source), ActorRef(target), rel_type, "table", TABLE_CONFIDENCE,
                  (start, end), start)
            for source, target, rel_type in dict.fromkeys(edges)
            if source != target
        ]  # fmt: skip

    def _row(self, folded: str, start: int, end: int, mentions: list[Mention]) -> list[_Edge]:
        cells: list[tuple[int, int]] = []
        cursor = start
        for piece in folded[start:end].split("\t"):
            cells.append((cursor, cursor + len(piece)))
            cursor += len(piece) + 1
        texts = [folded[s:e].strip() for s, e in cells]
        if self.header is None:
            lowered = [t.lower() for t in texts]

            def find(options: list[str]) -> int | None:
                wanted = {o.lower() for o in options}
                return next((i for i, t in enumerate(lowered) if t in wanted), None)

            year, text = find(self.spec.year_headers), find(self.spec.text_headers)
            if year is not None and text is not None:
                self.header = _Header(year, text, find(self.spec.kind_headers))
            return []
        header = self.header
        if max(header.year, header.text) >= len(cells):
            return []
        cell_start, cell_end = cells[header.text]
        inside = [m for m in mentions if cell_start <= m.start and m.end <= cell_end]
        return self._engagement(folded, cell_start, cell_end, inside)

    def _engagement(
        self, folded: str, cell_start: int, cell_end: int, inside: list[Mention]
    ) -> list[_Edge]:
        """The relations of one engagement cell: an MOC row, else a meeting row or a
        partnership row around the cell's Event or Agreement node."""
        by_type = {m: self.type_of(m.actor) for m in inside}
        if self.moc.search(folded[cell_start:cell_end]) and self.subject:
            return [
                (self.subject, m.actor, "SIGNED_MOC")
                for m in inside
                if by_type[m] in _PARTIES and m.actor != self.subject
            ]
        node = next((m for m in inside if by_type[m] == "Event"), None)
        node = node or next((m for m in inside if by_type[m] == "Agreement"), None)
        if node is None:
            return []
        name = folded[node.start : node.end]
        inner = [recogniser().lookup[m.group()][0] for m in _party_matcher().finditer(name)]
        inner = list(dict.fromkeys(inner))
        prefix = _prefix_countries(folded, node, inside, by_type)
        if by_type[node] == "Event":
            return self._meeting_row(node.actor, name, inner, prefix)
        return self._partnership_row(node.actor, name, inner, prefix)

    def _meeting_row(
        self, event: str, name: str, inner: list[str], prefix: list[str]
    ) -> list[_Edge]:
        """A meeting row: the prefixing country HOSTS it, the subject takes part, so do the
        parties its name holds (or it is PART_OF the one organisation it names), and it is
        PART_OF the agreement its name opens with."""
        edges: list[_Edge] = [(host, event, "HOSTS") for host in prefix]
        if self.subject:
            edges.append((self.subject, event, "PARTICIPATES_IN"))
        if len(inner) == 1 and self.type_of(inner[0]) == "Organization":
            edges.append((event, inner[0], "PART_OF"))
        else:
            edges += [(party, event, "PARTICIPATES_IN") for party in inner]
        words = name.split()
        lookup = recogniser().lookup
        for k in range(len(words) - 1, 0, -1):
            hit = lookup.get(" ".join(words[:k]))
            if hit and self.type_of(hit[0]) == "Agreement":
                edges.append((event, hit[0], "PART_OF"))
                break
        return edges

    def _partnership_row(
        self, agreement: str, name: str, inner: list[str], prefix: list[str]
    ) -> list[_Edge]:
        """A partnership row: its parties (named in it, prefixing it, else the subject) have
        an AGREEMENT_WITH it, and two parties of a partnership PARTNERS_WITH each other."""
        edges: list[_Edge] = []
        if len(inner) == 1 and self.type_of(inner[0]) == "Organization":
            edges.append((agreement, inner[0], "PART_OF"))
            parties = prefix
        else:
            parties = list(dict.fromkeys(inner + prefix))
        if self.subject and self.subject not in parties and not prefix:
            parties.append(self.subject)
        edges += [(party, agreement, "AGREEMENT_WITH") for party in parties]
        if len(parties) == 2 and self.partnership.search(name):
            edges.append((parties[0], parties[1], "PARTNERS_WITH"))
        return edges
