"""People stand for the institution they speak for; a person is never an actor.

A person's mention opens with an honorific or a capitalised title ("H.E. Mr.", "Minister",
"Ambassador") and runs over the name and the title that follows it ("..., Minister for
Internal Affairs and Communications", "..., Ambassador of Japan to Bangladesh"). The whole
mention becomes one slot for the institution it names: the most specific actor inside it
(a ministry before its country; never the country after "to"), else the body the title
names ("Minister for Digital" -> the agency whose name holds "Digital"), else an institution
the document named with the same person before ("Minister Makishima" after "MAKISHIMA
Karen, then Minister for Digital"). A mention that resolves to nothing is left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from loaders.items import Item
from loaders.lexicon import Lexicon

__all__ = ["PeopleResolver"]

_JOINERS = frozenset({",", "of", "for", "the", "to", "then", "-", ".", "'s", "and", "on", "in"})
_TRAILING = frozenset({",", "of", "for", "the", "to", "then", "-", "and", "on", "in"})
_SMALL = frozenset({"of", "for", "the", "and", "on", "to", "in", "&", ","})


class PeopleResolver:
    """Collapses person mentions into slots, remembering who speaks for whom in a document."""

    def __init__(
        self,
        lexicon: Lexicon,
        type_of: Callable[[str], str],
        bodies: Iterable[tuple[str, str]],
        known: Callable[[str], bool] = lambda actor: True,
    ) -> None:
        self.lex = lexicon
        self.type_of = type_of
        self.known = known
        self.rank = {t: i for i, t in enumerate(lexicon.frames.people.stands_for)}
        heads = frozenset(lexicon.frames.people.body_heads)
        self.bodies: list[tuple[frozenset[str], str]] = []
        for actor_id, name in bodies:
            name_words = frozenset(w.strip(",.").lower() for w in name.split()) - _SMALL
            if name_words & heads:
                self.bodies.append((name_words - heads, actor_id))
        self.bodies.sort(key=lambda b: (len(b[0]), b[1]))
        self.known_people: dict[str, str] = {}

    def _opens(self, item: Item) -> bool:
        if item.actor is not None or not item.capitalised:
            return False
        key = item.text.lower().rstrip(".")
        return key in self.lex.honorifics or key in self.lex.titles

    def collapse(self, items: list[Item]) -> list[Item]:
        """`items` with every person mention replaced by a slot for its institution."""
        out: list[Item] = []
        i = 0
        while i < len(items):
            item = items[i]
            if not self._opens(item):
                out.append(item)
                i += 1
                continue
            j = self._mention_end(items, i)
            group = items[i:j]
            actor = self._speaks_for(out, group)
            if actor is not None:
                self._remember(group, actor)
                text = " ".join(g.text for g in group)
                out.append(Item(group[0].start, group[-1].end, text, "<person>", actor, "person"))
            else:
                out.append(Item(group[0].start, group[-1].end, "", "<person>"))
            i = j
        return out

    def _mention_end(self, items: list[Item], i: int) -> int:
        """The end of the person mention opened by a title or honorific at item i: its
        capitalised words, the bodies its title names and the words joining them, up to a
        new phrase or the next person."""
        j = i + 1
        while j < len(items):
            nxt = items[j]
            if nxt.actor is not None and self.type_of(nxt.actor) not in self.rank:
                break  # "... Minister Modi for the Quad Summit": the summit is no title
            if nxt.actor is not None or (nxt.capitalised and nxt.text != "And"):
                if (
                    nxt.actor is None
                    and items[j - 1].text == ","
                    and nxt.text.lower().rstrip(".") in self.lex.honorifics
                ):
                    break  # ", Mr. KOZUKI ...": the next person
                j += 1
                continue
            if (nxt.text in _JOINERS or nxt.lemma in _JOINERS) and not self._joiner_ends(items, j):
                j += 1
                continue
            break
        while j > i + 1 and items[j - 1].text in _TRAILING:
            j -= 1
        return j

    def _joiner_ends(self, items: list[Item], j: int) -> bool:
        """Whether the joining word at item j ("the", "and") starts a new phrase or the
        next person instead of continuing the mention."""
        nxt = items[j]
        if nxt.lemma == "the" and items[j - 1].text == ",":
            return True  # "..., the Department of Commerce announced": a new phrase
        if nxt.lemma == "and" and j + 2 < len(items) and items[j + 2].text == "'s":
            return True  # "... and Japan's Prime Minister ...": the next person
        return nxt.lemma == "and" and (
            j + 1 >= len(items)
            or not items[j + 1].capitalised
            or self._opens(items[j + 1])
            or (j + 2 < len(items) and self._opens(items[j + 2]))
        )

    def _speaks_for(self, out: list[Item], group: list[Item]) -> str | None:
        """The institution a person mention speaks for: from its title, else the body
        named just before it ("METI Minister Sato", "Japan's Prime Minister", "DSIT (DSIT)
        Director"), whose slot the mention then takes over in `out`; or None."""
        actor = self._resolve(group)
        if (
            actor is None
            and len(out) > 3
            and out[-1].text == ")"
            and out[-3].text == "("
            and out[-4].actor is not None
            and not out[-4].rule
        ):
            actor = out[-4].actor  # "DSIT (DSIT) Director ..."
        if actor is None and self._named_after_title(out, group):
            actor = out[-2].actor  # "DSIT Director for ..., Mr Adam Jackson": one person
        if actor is None and out and out[-1].actor is not None and not out[-1].rule:
            actor = out.pop().actor  # "METI Minister Sato", "Japan's Prime Minister"
        elif actor is None and len(out) > 1 and out[-1].text == "'s" and out[-2].actor is not None:
            out.pop()
            actor = out.pop().actor
        return actor

    def _named_after_title(self, out: list[Item], group: list[Item]) -> bool:
        """Whether `group` ("Mr Adam Jackson") names the person whose title was the mention
        just before it ("Director for International Research, Mr Adam Jackson")."""
        if len(out) < 2 or out[-1].text != "," or out[-2].rule != "person" or not out[-2].actor:
            return False
        before = out[-2].text.split()[:1]
        opened_with_title = bool(before) and before[0].lower() in self.lex.titles
        return opened_with_title and group[0].text.lower().rstrip(".") in self.lex.honorifics

    def _name_words(self, group: list[Item]) -> list[str]:
        return [
            g.text.lower()
            for g in group
            if g.actor is None
            and g.capitalised
            and len(g.text) > 2
            and g.text.lower().rstrip(".") not in self.lex.honorifics
            and g.text.lower() not in self.lex.titles
        ]

    def _remember(self, group: list[Item], actor: str) -> None:
        for word in self._name_words(group):
            self.known_people.setdefault(word, actor)

    def _resolve(self, group: list[Item]) -> str | None:
        slots: list[str] = []
        for k, g in enumerate(group):
            if g.actor is None or g.actor is None:
                continue
            before = group[k - 2 : k] if k > 1 and group[k - 1].lemma == "the" else group[k - 1 : k]
            if before and before[0].lemma in self.lex.frames.people.away_words:
                continue  # "Ambassador of Japan to (the) Bangladesh": not the one spoken for
            if self.type_of(g.actor) in self.rank:
                slots.append(g.actor)
        if slots:
            return min(slots, key=self._speaks_first)
        title_words = self._title_words(group)
        if title_words:
            matches = [
                (len(name_words & title_words), -len(name_words), actor_id)
                for name_words, actor_id in self.bodies
                if name_words and (title_words <= name_words or name_words <= title_words)
            ]
            if matches:
                return max(matches)[2]
        for word in self._name_words(group):
            if word in self.known_people:
                return self.known_people[word]
        return None

    def _speaks_first(self, actor: str) -> tuple[bool, bool, int]:
        """The order in which the bodies of one address speak for its person: a body before
        a country, a body of the reference data before a unit found only in the text
        ("Director-General, International Cooperation Bureau, Ministry of Foreign Affairs of
        Japan" speaks for the ministry), then the most specific type."""
        actor_type = self.type_of(actor)
        return actor_type == "Country", not self.known(actor), self.rank[actor_type]

    def _title_words(self, group: list[Item]) -> frozenset[str]:
        """Content words after "for"/"of" in a title: "Minister for Digital" -> {"digital"}."""
        for k, g in enumerate(group):
            if (
                g.text.lower() in self.lex.titles
                and k + 1 < len(group)
                and group[k + 1].text.lower() in ("for", "of")
            ):
                rest: list[str] = []
                for w in group[k + 2 :]:
                    if w.text in (",", ".") or w.actor is not None:
                        break
                    rest.append(w.text.lower())
                return frozenset(rest) - _SMALL
        return frozenset()
