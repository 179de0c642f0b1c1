"""Actor recognition: catalogue names, countries, metonyms, acronyms and discovered names.

Recognition works on the folded text (same offsets as the original) and returns mentions:
character spans resolved to one canonical actor id. Known actors are found with one compiled
trie-shaped regular expression (the longest name wins at each position, so "University of
Tōkyō" is never Japan). Unknown actors are discovered from the text itself: acronym
definitions "Full Name (ACR)" and capitalised names headed by an organisation word
("Metro Manila Subway Project"). Each document is recognised on its own, so its result
depends only on its content and can be cached by content hash.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

from graph.schema import domain_schema
from loaders.catalogue import (
    Catalogue,
    Patterns,
    catalogue,
    compact,
    patterns,
    slugify,
    subdivision_places,
)
from loaders.rules.lexicon import lexicon
from loaders.text import fold, trie_pattern

# the phase or tranche of a project written after its name: "(V)", "(Phase 2)", "(Phase II)"
_PART_NUMBER = re.compile(r"\s?\((?:[IVX]{1,5}|(?:Phase|Tranche|Stage)\s+(?:\d{1,2}|[IVX]{1,5}))\)")

__all__ = ["ActorInfo", "Mention", "Recogniser", "Recognition", "recogniser"]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor: str
    kind: str  # catalogue | metonym | acronym | discovered


@dataclass
class ActorInfo:
    id: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    identifiers: dict[str, str] = field(default_factory=dict)
    discovered: bool = False


@dataclass
class Recognition:
    mentions: list[Mention]
    actors: dict[str, ActorInfo]


_TOKEN = (
    r"(?:[A-Z](?:[\w&'\-]|\.(?=\w))*|[a-z]-[A-Z][\w\-]*|[ld]'[A-Z][\w\-]*"
    r"|\d+(?:st|nd|rd|th)\b|\d{1,4}\b|\d[A-Z]\b)"
)
_CONNECTOR = r"(?:of|for|and|the|on|to|de|del|in|&|la|le|les|pour|et|des|du|da|do|dos|di)"
_RUN = re.compile(rf"{_TOKEN}(?:,?[ \t]+(?:{_CONNECTOR}[ \t]+)*{_TOKEN})*")
# where a run may start: a capital or a digit, or the "-" of "e-Government", the "'" of
# "l'Institut" (the run then starts one character before)
_RUN_START = re.compile(r"[A-Z\d]|-(?<=[a-z]-)(?=[A-Z])|'(?<=[ld]')(?=[A-Z])")
_PIECE_SPLIT = re.compile(
    r",\s+(?:and\s+)?the\s+|\s+and\s+the\s+|,\s+and\s+|\s+in\s+|\s+to\s+(?=[a-z])"
)
_WORD = re.compile(r"[\w&'\-.]+")
# a name closed by its kind in lower case ("the X Y project"), or a quoted title with its
# kind inside or right after the quotes ("'X Y project'", "'X Y' initiative")
_KINDS = r"(?:project|programme|program|initiative|scheme|fund)"
_TITLED = re.compile(
    rf"(?P<name>(?:[A-Z](?:[\w&'-]|\.(?=\w))*[ \t]+(?:(?:and|for|of|on|in|the|&)[ \t]+)*){{1,8}})"
    rf"(?P<kind>{_KINDS})\b"
    rf"|[\"'](?P<quoted>[A-Z][^\"'\n]{{2,80}}?)[\"'](?:[ \t](?P<after>{_KINDS})\b)?"
)
_DATE_TAIL = re.compile(
    r"\s+(?:on|in|of|from)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|April|May|"
    r"June|July|August|September|October|November|December|\d{4})\b.*$"
)
_TOPIC_BEFORE = re.compile(r"\s(?:on|for)\s")
_OWNER_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9&\-]*[A-Za-z0-9])\)\s+$")
_ACRONYM_DEF = re.compile(r"\(\s*([A-Z][A-Za-z0-9&\-]*[A-Za-z0-9])\s*\)")
_PHRASE_TOKEN = re.compile(r"[A-Za-z0-9][\w&'\-]*")
_NAME = r"[A-Z][\w&\-.]*(?: [A-Z][\w&\-.]*){0,3}"
_LIST_NAME = re.compile(_NAME)
# the word is matched possessively: a shorter word would end before a word character,
# which is never the blank or bracket that must follow, so backtracking could never match
_NAME_COUNTRY = re.compile(r"(?<![\w'.\-])([\w'.\-]++)\s?\(([A-Z][\w .'\-]{2,40})\)")
_ACRONYM_COUNTRY = re.compile(r"(?<![\w\-])([A-Z][A-Z0-9\-]{1,9})\s?\(([A-Z][\w .'\-]{2,40})\)")
_BRACKETED = re.compile(r"\(([A-Z][\w .'\-]{2,40})\)")  # the bracketed part of both
_EXTEND_CONNECTORS = {"of", "for", "on", "to", "de", "del", "pour", "da", "do", "di"}
# known names a longer discovered name may hold ("Hiroshima AI Process Friends Group")
_CONTAINED = frozenset({"Country", "Organization", "Programme", "Agreement", "Event", "Project"})
_STOP_IN_ACRONYM = {"of", "for", "and", "the", "on", "to", "de", "in", "with", "&"}


class Recogniser:
    """Recognises actors in one document; built once per process from the catalogue."""

    def __init__(self) -> None:
        pat = patterns()
        self.schema = domain_schema()
        # "Executing Agency: X" is a field label, never a name
        self.labels = {p.lower() for ps in lexicon().data.fields.values() for p in ps}
        self.never = {fold(n).lower() for n in pat.never_actors}
        self._known_names(catalogue(), pat)
        self._demonym_pattern(pat)
        self._organisation_words(pat)
        self._class_lists(pat)
        # the kind words that may close a name in lower case ("... Promotion project")
        self.titled_kinds = {
            word.lower(): actor_type
            for actor_type in ("Project", "Programme")
            for word in pat.organisation_words[actor_type]
            if " " not in word and word[:1].isupper()
        }
        self.acronym_type = pat.acronym_with_country
        self.generic = set(pat.generic_modifiers)
        self.leading = set(pat.leading_stopwords)
        # words a discovered name never starts with
        self.openers = self.leading | {"of", "for", "and", "the", "on", "to", "de", "&"}
        self.titles = [t.split() for t in pat.person_titles]
        self.locatives = set(pat.locative_prepositions)
        self.venue_free = set(pat.venue_free_names)
        self.gov = re.compile(
            r"(?:" + "|".join(re.escape(g) for g in pat.government_words) + r")\s+$"
        )

    def _known_names(self, cat: Catalogue, pat: Patterns) -> None:
        """The actors of the reference data, and every name, alias, acronym and metonym
        that names one (the first entry wins a name two share; a never-actor names none),
        compiled into the one scan that finds them in a text."""
        self.known: dict[str, ActorInfo] = {}
        lookup: dict[str, tuple[str, str]] = {}
        acronyms: dict[str, str] = {}
        for actor in cat.actors.values():
            self.known[actor.id] = ActorInfo(
                actor.id, actor.name, actor.type, set(actor.aliases) | set(actor.acronyms),
                actor.identifiers,
            )  # fmt: skip
            for name in (actor.name, *actor.aliases):
                lookup.setdefault(fold(name), (actor.id, "catalogue"))
            for acronym in actor.acronyms:
                acronyms.setdefault(acronym, actor.id)
        for acronym, actor_id in acronyms.items():
            lookup.setdefault(acronym, (actor_id, "catalogue"))
        for name, actor_id in pat.metonyms.items():
            lookup.setdefault(fold(name), (actor_id, "metonym"))
        self.lookup = {k: v for k, v in lookup.items() if k.lower() not in self.never}
        self.matcher = re.compile(trie_pattern(sorted(self.lookup), not_after=r"\w") + r"(?!\w)")

    def _demonym_pattern(self, pat: Patterns) -> None:
        """Demonyms and the scan that finds one acting for its country: before a head word
        ("Japanese Prime Minister") or as "<demonym> Government"."""
        self.demonyms = {fold(d): demonym_actor(code) for d, code in pat.demonyms.items()}
        heads = "|".join(re.escape(h) for h in sorted(pat.demonym_heads, key=len, reverse=True))
        self.demonym = re.compile(
            "(" + trie_pattern(sorted(self.demonyms), not_after=r"[\w-]") + ")"
            r"(\s+[Gg]overnment(?!\s+of\b))?" + rf"(?=\s+(?:{heads})\b|(?<=ent)\b)"
        )

    def _organisation_words(self, pat: Patterns) -> None:
        """The organisation words that head a discovered name, by their word tuples, with
        the longest one's length and their first words to find them fast."""
        self.org_words: dict[tuple[str, ...], str] = {}
        for actor_type, words in pat.organisation_words.items():
            for word in words:
                self.org_words[tuple(word.rstrip(".").split())] = actor_type
        self.max_org_len = max(len(k) for k in self.org_words)
        self.org_firsts = frozenset(k[0] for k in self.org_words)

    def _class_lists(self, pat: Patterns) -> None:
        """Class nouns and the scan for the names listed after one ("companies NVIDIA,
        Amazon and Softbank Group")."""
        self.class_nouns = {
            noun.lower(): actor_type
            for actor_type, nouns in pat.class_nouns.items()
            for noun in nouns
        }
        nouns = trie_pattern(n.lower() for n in self.class_nouns)
        self.class_list = re.compile(
            rf"\b((?i:{nouns}))\s+(?:such as |including |like |namely |i\.e\.,? )?"
            rf"({_NAME}(?:(?:,\s+|,?\s+and\s+){_NAME})*)"
        )

    @staticmethod
    def bodies(found: dict[str, ActorInfo]) -> list[tuple[str, str]]:
        """(id, name) of the government bodies a document names, for its people's titles to
        point at (a title alone is too vague to pick a body the document never names)."""
        return sorted((a.id, a.name) for a in found.values() if a.type == "Agency")

    def _demonyms(self, folded: str) -> list[Mention]:
        """Demonyms that act for their country: "Japanese Prime Minister", "the Indian
        government" (never "Japanese universities", which only describes)."""
        return [
            Mention(m.start(1), m.end(), self.demonyms[m.group(1)], "demonym")
            for m in self.demonym.finditer(folded)
            if m.group(1) in self.demonyms
        ]

    # --- discovery helpers ------------------------------------------------------------

    def head_of(self, words: list[str]) -> tuple[int, int, str] | None:
        """(start, end, type) of the organisation word heading a name, or None."""
        heads: list[tuple[int, int, str]] = []
        first_connector = next(
            (i for i, w in enumerate(words) if w in _EXTEND_CONNECTORS), len(words)
        )
        bare = [w.rstrip(".") for w in words]
        i = 0
        while i < len(bare):
            if bare[i] in self.org_firsts:
                for size in range(min(self.max_org_len, len(bare) - i), 0, -1):
                    key = tuple(bare[i : i + size])
                    if key in self.org_words:
                        heads.append((i, i + size, self.org_words[key]))
                        i += size - 1
                        break
            i += 1
        if not heads:
            return None
        before = [h for h in heads if h[1] <= first_connector]
        return before[-1] if before else heads[-1]

    def _listed_names(self, folded: str) -> list[tuple[int, int, str]]:
        """Names listed after a class noun: "companies NVIDIA, Amazon and Softbank Group"."""
        found: list[tuple[int, int, str]] = []
        for match in self.class_list.finditer(folded):
            actor_type = self.class_nouns[match.group(1).lower()]
            for name in _LIST_NAME.finditer(folded, match.start(2), match.end(2)):
                words = name.group().split()
                if fold(name.group()).lower() in self.never or words[0] in self.leading:
                    continue
                found.append((name.start(), name.end(), actor_type))
        return found

    def _country_acronyms(self, folded: str) -> list[tuple[int, int, str]]:
        """Unknown acronyms or names followed by a country: "DFG(Germany)", "National
        Research Fund (Kenya)", in a list or after a separator."""
        found: list[tuple[int, int, str]] = []
        for match in _before_brackets(_NAME_COUNTRY, "_'.-", folded):
            country = self.lookup.get(match.group(2))
            if country is None or self.known[country[0]].type != "Country":
                continue
            run = None
            for candidate in _RUN.finditer(folded, max(0, match.start(1) - 120), match.end(1)):
                if candidate.end() == match.end(1):
                    run = candidate
            if run is None or " " not in run.group():
                continue
            before = folded[max(0, run.start() - 6) : run.start()]
            if not re.search(r"(?:^|[,;:(]|i\.e\.|\n|-)\s*(?:the\s+)?$", before):
                continue  # a name starts a list item, not in the middle of a phrase
            words = run.group().split()
            if words[0] in self.leading or run.group() in self.lookup:
                continue
            head = self.head_of(words)
            found.append((run.start(), run.end(), head[2] if head else self.acronym_type))
        for match in _before_brackets(_ACRONYM_COUNTRY, "_-", folded):
            country = self.lookup.get(match.group(2))
            if country is None or self.known[country[0]].type != "Country":
                continue
            if match.group(1) in self.lookup or fold(match.group(1)).lower() in self.never:
                continue
            found.append((match.start(1), match.end(1), self.acronym_type))
        return found

    def _split_and(self, text: str, s: int, e: int) -> list[tuple[int, int]]:
        """ "Hanoi University of Science and Technology and Tohoku University" is two names:
        split at an "and" whose right part, up to the next "and", has a head of its own."""
        cuts = [m for m in re.finditer(r"\s+and\s+", text[s:e])]
        parts: list[tuple[int, int]] = []
        start = s
        for n, cut in enumerate(cuts):
            right_end = s + cuts[n + 1].start() if n + 1 < len(cuts) else e
            right = [w.group() for w in _WORD.finditer(text, s + cut.end(), right_end)]
            left = [w.group() for w in _WORD.finditer(text, start, s + cut.start())]
            if (
                self.head_of(right) is not None
                and self.head_of(left) is not None
                and right[0][:1].isupper()
            ):
                parts.append((start, s + cut.start()))
                start = s + cut.end()
        parts.append((start, e))
        return parts

    def _acceptable(self, name: str, words: list[str], head: tuple[int, int, str]) -> bool:
        if fold(name).lower() in self.never or len(words) < 2:
            return False
        lex = lexicon()
        if lex.is_role(" ".join(words[: head[1]])):
            return False  # "the Executing Agency of the Project" holds a role, it is no name
        if lex.is_kind(name):
            return False  # "Technical Cooperation Project" is a kind of instrument, not one
        for title in self.titles:
            n = len(title)
            if any(words[i : i + n] == title for i in range(len(words) - n + 1)):
                return False
        others = [
            w
            for i, w in enumerate(words)
            if not head[0] <= i < head[1] and w not in _STOP_IN_ACRONYM and w[:1].isupper()
        ]
        numbered = any(w.isdigit() for w in words[head[1] :])  # "Metro Line 6"
        return numbered or any(w not in self.generic for w in others)

    def _discover_names(self, folded: str) -> list[tuple[int, int, str]]:
        """(start, end, type) of capitalised names headed by an organisation word."""
        found: list[tuple[int, int, str]] = []
        for run in _runs(folded):
            text = run.group()
            if " " not in text and "\n" not in text:
                continue
            # a run holds only words, commas and blanks, so these are its _WORD tokens; a
            # run none of whose words can start an organisation word names nothing
            words = text.replace(",", " ").split()
            if self.org_firsts.isdisjoint(words) and self.org_firsts.isdisjoint(
                w.rstrip(".") for w in words if w.endswith(".")
            ):
                continue
            for s, e in self._run_parts(text):
                name = self._headed_name(folded, run.start(), text, s, e)
                if name is not None:
                    found.append(name)
        return found

    def _run_parts(self, text: str) -> list[tuple[int, int]]:
        """The parts of a run of capitalised words that may each be a name: cut at "in",
        "and the", ", and" (not "Meeting on Cooperation in Science"), at a comma whose
        right part has its own head, and at an "and" between two headed names."""
        cursor = 0
        pieces: list[tuple[int, int]] = []
        for cut in _PIECE_SPLIT.finditer(text):
            if cut.group().strip() == "in" and _TOPIC_BEFORE.search(text, cursor, cut.start()):
                continue  # "Meeting on Cooperation in Science and Technology" is one name
            pieces.append((cursor, cut.start()))
            cursor = cut.end()
        pieces.append((cursor, len(text)))
        split: list[tuple[int, int]] = []
        for s, e in pieces:  # split at ", " when the part after it has its own head
            parts = [(s, e)]
            for comma in reversed([m.start() for m in re.finditer(r",\s", text[s:e])]):
                ps, pe = parts[0]
                tail = [w.group() for w in _WORD.finditer(text, s + comma + 1, pe)]
                if self.head_of(tail) is not None or " ".join(tail) in self.lookup:
                    parts[0] = (ps, s + comma)
                    parts.insert(1, (s + comma + 1, pe))
            split.extend(parts)
        return [part for s, e in split for part in self._split_and(text, s, e)]

    def _headed_name(
        self, folded: str, offset: int, text: str, s: int, e: int
    ) -> tuple[int, int, str] | None:
        """(start, end, type) of the name in part text[s:e] of a run at `offset`: from its
        first capitalised word after any connector up to its head and what extends it ("of
        ...", a number), without a possessive before it, a date or a role after it."""
        tokens = [(m.start() + s, m.end() + s) for m in _WORD.finditer(text[s:e])]
        while tokens and text[tokens[0][0] : tokens[0][1]].isdigit():
            tokens = tokens[1:]
        # a possessive ("India's Ministry") starts a new name after it
        for k in range(len(tokens) - 1, -1, -1):
            word = text[tokens[k][0] : tokens[k][1]]
            if word.endswith("'s") and [word[:-2]] not in self.titles:
                tokens = tokens[k + 1 :]  # not "G7 ICT Minister's Meeting"
                break
        while tokens and text[tokens[0][0] : tokens[0][1]] in self.openers:
            tokens = tokens[1:]
        words = [text[a:b] for a, b in tokens]
        head = self.head_of(words)
        if head is None:
            return None
        lead = [k for k in range(head[0]) if words[k] in _EXTEND_CONNECTORS]
        if lead:  # "ODA for the Metro Manila Subway Project": the name starts late
            skip = lead[-1] + 1
            while skip < head[0] and not words[skip][:1].isupper():
                skip += 1
            tokens, words = tokens[skip:], words[skip:]
            head = (head[0] - skip, head[1] - skip, head[2])
        last = head[1]
        if last < len(words) and words[last] in _EXTEND_CONNECTORS:
            last = len(words)
        while last > head[1] and not (
            words[last - 1][:1].isupper() or words[last - 1][:1].isdigit()
        ):  # "Conference on 5G" keeps its number
            last -= 1
        while last < len(words) and words[last].isdigit():
            last += 1  # "Metro Line 2", "Summit 2024" keep their number
        words = words[:last]
        start = offset + tokens[0][0]
        end = offset + tokens[last - 1][1]
        while folded[end - 1] in ".,'-":
            end -= 1
        dated = _DATE_TAIL.search(folded, start, end)
        if dated is not None:  # "... Line Project on 12 March 2024": the date is not the name
            end = dated.start()
            words = words[: len(folded[start:end].split())]
        if head[2] in self.venue_free:  # "Conference on 5G in Hanoi": held in Hanoi
            end = self._before_venue(folded, offset + tokens[head[1] - 1][1], end)
            words = words[: len(folded[start:end].split())]
        part = _PART_NUMBER.match(folded, end)
        if part is not None and head[2] == "Project":
            end = part.end()  # "... Project (V)", "... Ring Road (Phase 2)": one phase
        if folded[max(0, start - 3) : start] == "as ":
            return None  # "added as Eligible Partner Funding Agency": a role, not a name
        if self._acceptable(folded[start:end], words, head):
            return start, end, head[2]
        return None

    def _before_venue(self, folded: str, head_end: int, end: int) -> int:
        """Where a name that does not hold its venue ends: before a last "in <place>" after
        its head, when the place is a country, a metonym or an ISO 3166-2 subdivision."""
        cut = folded.rfind(" in ", head_end, end)
        if cut < 0:
            return end
        place = folded[cut + 4 : end].removeprefix("the ")
        known = self.lookup.get(place)
        if known is not None and (known[1] == "metonym" or self.known[known[0]].type == "Country"):
            return cut
        return cut if compact(place) in subdivision_places() else end

    def _defined(self, words: list[str]) -> bool:
        """A name of three capitalised words or more that an acronym spells is a proper name
        even when its words are generic: "National Research Foundation (NRF)"."""
        capitals = [w for w in words if w[:1].isupper()]
        return len(capitals) >= 3 and fold(" ".join(words)).lower() not in self.never

    def _initials_match(self, acronym: str, words: list[str]) -> bool:
        letters = [c for c in acronym if c.isalpha()]
        parts: list[tuple[str, bool]] = []
        for word in words:
            for part in word.split("-"):
                if part:
                    parts.append((part, part.lower() in _STOP_IN_ACRONYM))

        def match(i: int, j: int) -> bool:
            if i == len(letters):
                rest = parts[j:]
                return (
                    not rest
                    or rest[0][0].lower() in _EXTEND_CONNECTORS
                    or (len(rest) == 1 and self.head_of([rest[0][0]]) is not None)
                )
            if j == len(parts):
                return False
            part, stop = parts[j]
            if part[0].lower() == letters[i].lower() and match(i + 1, j + 1):
                return True
            return stop and match(i, j + 1)

        return bool(parts) and parts[0][0][0].lower() == letters[0].lower() and match(0, 0)

    # --- recognition ------------------------------------------------------------------

    def recognise(self, text: str, folded: str | None = None) -> Recognition:
        """The actor mentions of one document (no two overlapping) and their actors."""
        folded = fold(text) if folded is None else folded
        actors: dict[str, ActorInfo] = {}
        mentions = self._known_mentions(folded)
        known = _Spans(sorted((m.start, m.end, m.actor) for m in mentions))
        discovered = self._discovered(text, folded, known, actors)
        ends = {e: a for s, e, a in known.spans} | {e: a for (s, e), a in discovered.items()}
        local_acronyms = self._acronym_definitions(text, folded, ends, actors, discovered)
        self._name_by_owner(text, folded, discovered, local_acronyms, ends, actors)
        for (start, end), actor_id in discovered.items():
            mentions.append(Mention(start, end, actor_id, "discovered"))
        mentions.extend(_acronym_mentions(folded, local_acronyms))
        kept = _without_overlaps(mentions)
        return Recognition(kept, self._referenced(kept, actors))

    def _known_mentions(self, folded: str) -> list[Mention]:
        """Names of the reference data (a capital after "in" is a place, not its
        government; "the Government of" joins its country) and demonyms that act."""
        mentions: list[Mention] = []
        for match in self.matcher.finditer(folded):
            actor_id, kind = self.lookup[match.group()]
            start = match.start()
            if kind == "metonym":
                before = folded[max(0, start - 12) : start].split()
                if before and before[-1].lower() in self.locatives:
                    continue
            if actor_id.startswith("country:"):
                gov = self.gov.search(folded, max(0, start - 24), start)
                if gov:
                    start = gov.start()
            mentions.append(Mention(start, match.end(), actor_id, kind))
        mentions.extend(self._demonyms(folded))
        return mentions

    def _discovered(
        self, text: str, folded: str, known: _Spans, actors: dict[str, ActorInfo]
    ) -> dict[tuple[int, int], str]:
        """(start, end) -> actor id of the names found from the text itself.

        Names listed after a class noun come first: "companies NVIDIA, Amazon, Arm and
        Softbank Group" are four companies, not "Arm and Softbank Group". A name headed by
        an organisation word may contain a known country or organisation, nothing else.
        """
        discovered: dict[tuple[int, int], str] = {}
        for start, end, actor_type in self._listed_names(folded) + self._country_acronyms(folded):
            if known.overlapping(start, end) or any(s < end and start < e for (s, e) in discovered):
                continue
            discovered[(start, end)] = self.discovered_actor(
                text[start:end], folded[start:end], actor_type, actors
            )
        listed = sorted(discovered)
        for start, end, actor_type in self._discover_names(folded) + self._titled_by_kind(folded):
            if any(s < end and start < e for (s, e) in listed):
                continue
            if (
                folded[end : end + 3].lstrip(" \t")[:1] == ":"
                and folded[start:end].lower() in self.labels
            ):
                continue  # "Executing Agency:" is a field label
            if any(
                s < start or e > end or not self._may_contain(actor_type, self.known[a].type)
                for s, e, a in known.overlapping(start, end)
            ):
                continue
            discovered[(start, end)] = self.discovered_actor(
                text[start:end], folded[start:end], actor_type, actors
            )
        return discovered

    def _titled_by_kind(self, folded: str) -> list[tuple[int, int, str]]:
        """Names a project or programme is given in running text, its kind in lower case:
        "the Digital and Innovation Promotion project", a quoted title ("embarked on the
        "ICT Innovation Ecosystem project"", "the 'Sustainable Pathways' initiative")."""
        found: list[tuple[int, int, str]] = []
        for match in _TITLED.finditer(folded):
            if match.group("quoted") is not None:
                start, end = match.start("quoted"), match.end("quoted")
                last = match.group("quoted").split()[-1]
                if match.group("quoted") in self.lookup:
                    continue  # "the 'Known Project' initiative" is the known one
                if match.group("after") is not None:
                    last, end = match.group("after"), match.end("after")
            else:
                start, end = match.start("name"), match.end()
                last = match.group("kind")
            kind = self.titled_kinds.get(last.lower())
            if kind is None:
                continue
            words = folded[start:end].replace('"', " ").replace("'", " ").split()[:-1]
            while words and (words[0] in self.leading or words[0].lower() in self.openers):
                start = folded.index(words[0], start) + len(words[0])
                words = words[1:]
            while start < end and folded[start] in " \t":
                start += 1
            if not words:
                continue
            capitals = [w for w in words if w[:1].isupper() and w not in self.generic]
            if not capitals or fold(" ".join(words)).lower() in self.never:
                continue
            if len(words) == 1 and folded[start:end].split()[0] in self.lookup:
                continue  # "the Japan project" names no project, only its country
            found.append((start, end, kind))
        return found

    @staticmethod
    def _may_contain(actor_type: str, known_type: str) -> bool:
        """Whether a discovered name of `actor_type` may hold a known name of `known_type`:
        a country or organisation ("UK-Japan Joint Committee"), or an instrument of another
        type ("Hiroshima AI Process Friends Group"); never one of its own type ("Saudi
        Arabia-G20 Digital Economy Ministers Meeting" is the known meeting, prefixed)."""
        if known_type in ("Country", "Organization"):
            return True
        return known_type in _CONTAINED and known_type != actor_type

    def _acronym_definitions(
        self,
        text: str,
        folded: str,
        ends: dict[int, str],
        actors: dict[str, ActorInfo],
        discovered: dict[tuple[int, int], str],
    ) -> dict[str, str]:
        """Acronym -> actor id of the definitions "Full Name (ACR)" of the document: the
        actor whose mention ends right before the brackets, else one discovered from the
        words the acronym spells. An acronym of the reference data keeps its meaning."""
        local_acronyms: dict[str, str] = {}
        for match in _ACRONYM_DEF.finditer(folded):
            acronym = match.group(1)
            if sum(c.isupper() for c in acronym) < 2 or fold(acronym).lower() in self.never:
                continue
            name_end = match.start()
            while name_end > 0 and folded[name_end - 1] in " \t-":
                name_end -= 1
            owner = ends.get(name_end)
            if owner is None:
                owner = self._define(acronym, text, folded, name_end, actors, discovered)
            if owner is None:
                continue
            if acronym in self.lookup and self.lookup[acronym][0] != owner:
                if owner in actors and actors[owner].discovered:
                    self._same_as_known(owner, self.lookup[acronym][0], actors, discovered)
                continue
            local_acronyms.setdefault(acronym, owner)
            if owner in actors:
                actors[owner].aliases.add(acronym)
        return local_acronyms

    def _same_as_known(
        self,
        owner: str,
        known: str,
        actors: dict[str, ActorInfo],
        discovered: dict[tuple[int, int], str],
    ) -> None:
        """ "German Ministry of Education and Research (BMBF)": a name the text defines with
        an acronym of the reference data is that known actor, under one more alias."""
        found = actors.pop(owner)
        entry = actors.setdefault(known, self._copy_of_known(known))
        entry.aliases |= {found.name, *found.aliases}
        for span, actor_id in discovered.items():
            if actor_id == owner:
                discovered[span] = known

    def _copy_of_known(self, actor_id: str) -> ActorInfo:
        known = self.known[actor_id]
        return ActorInfo(
            known.id, known.name, known.type, set(known.aliases), dict(known.identifiers)
        )

    def _referenced(
        self, kept: list[Mention], actors: dict[str, ActorInfo]
    ) -> dict[str, ActorInfo]:
        """The actors the kept mentions name: discovered ones, and copies of known ones
        (a copy, since a document may add aliases to its own)."""
        referenced = {m.actor for m in kept}
        out = {k: v for k, v in actors.items() if k in referenced}
        for mention in kept:
            if mention.actor not in out:
                out[mention.actor] = self._copy_of_known(mention.actor)
        return out

    def _name_by_owner(
        self,
        text: str,
        folded: str,
        discovered: dict[tuple[int, int], str],
        local_acronyms: dict[str, str],
        ends: dict[int, str],
        actors: dict[str, ActorInfo],
    ) -> None:
        """A meeting named right after its owner's acronym definition ("Africa-Japan
        Collaborative Research Programme (AJ-CORE) Funders' Meeting") is the owner's meeting:
        named "AJ-CORE Funders' Meeting", with the whole phrase as an alias."""
        for (start, end), actor_id in list(discovered.items()):
            if actors.get(actor_id) is None or actors[actor_id].type != "Event":
                continue
            owned = _OWNER_ACRONYM.search(folded, max(0, start - 24), start)
            if owned is None or owned.group(1) not in local_acronyms:
                continue
            name_end = owned.start()
            while name_end > 0 and folded[name_end - 1] in " \t-":
                name_end -= 1
            if ends.get(name_end) != local_acronyms[owned.group(1)]:
                continue
            owner_start = next((s for (s, e) in discovered if e == name_end), None)
            name = f"{owned.group(1)} {' '.join(text[start:end].split())}"
            new_id = self.discovered_actor(name, fold(name), "Event", actors)
            if owner_start is not None:  # the mention spans the whole phrase
                actors[new_id].aliases.add(" ".join(text[owner_start:end].split()))
                del discovered[(start, end)]
                start = owner_start
            discovered[(start, end)] = new_id

    def discovered_actor(
        self, original: str, folded_name: str, actor_type: str, actors: dict[str, ActorInfo]
    ) -> str:
        known = self.lookup.get(folded_name)
        if known is not None:
            return known[0]
        name = " ".join(original.split())
        actor_id = f"{self.schema.prefix_of(actor_type)}:{slugify(name)}"
        info = actors.setdefault(actor_id, ActorInfo(actor_id, name, actor_type, discovered=True))
        if name != info.name:
            info.aliases.add(name)
        return actor_id

    def _define(
        self,
        acronym: str,
        text: str,
        folded: str,
        end: int,
        actors: dict[str, ActorInfo],
        discovered: dict[tuple[int, int], str],
    ) -> str | None:
        """Discover the actor an acronym definition "Full Name (ACR)" names, if typed."""
        window_start = max(0, end - 160)
        window = folded[window_start:end]
        stop = max(window.rfind(c) for c in '.;:()\n"')
        tokens = [
            (m.start() + window_start, m.end() + window_start)
            for m in _PHRASE_TOKEN.finditer(window, stop + 1)
        ]
        for first in range(len(tokens) - 1, max(-1, len(tokens) - 13), -1):
            words = [folded[a:b] for a, b in tokens[first:]]
            if not words[0][:1].isupper() and "-" not in words[0]:
                continue
            if not self._initials_match(acronym, words):
                continue
            head = self.head_of(words)
            if head is None or not (
                self._acceptable(" ".join(words), words, head) or self._defined(words)
            ):
                return None
            start = tokens[first][0]
            actor_id = self.discovered_actor(text[start:end], folded[start:end], head[2], actors)
            discovered[(start, end)] = actor_id
            return actor_id
        return None


def demonym_actor(value: str) -> str:
    """The actor a demonym stands for: a country by its ISO alpha-3 code ("JPN"), or an
    actor id for one that names no country ("European": "org:eu")."""
    return value if ":" in value else f"country:{value}"


def _runs(folded: str) -> list[re.Match[str]]:
    """What `_RUN.finditer(folded)` yields, tried only where a run may start.

    A plain search tries the pattern at every lower-case letter (for "e-Government"); the
    places where a run may start are found by a pattern the regex engine skips to directly.
    """
    out: list[re.Match[str]] = []
    position = 0
    while (candidate := _RUN_START.search(folded, position)) is not None:
        at = candidate.start()
        start = at - 1 if folded[at] in "-'" else at
        run = _RUN.match(folded, start) if start >= position else None
        if run is None:
            position = at + 1
        else:
            out.append(run)
            position = run.end()
    return out


def _before_brackets(pattern: re.Pattern[str], joiners: str, folded: str) -> list[re.Match[str]]:
    """What `pattern.finditer(folded)` yields, for a pattern of one word (word characters
    and `joiners`, not preceded by one) and a `_BRACKETED` part after at most one blank.

    A plain search would try the pattern at every word of the text; brackets are rare, so
    the word before each is found backwards and the pattern tried there only. Matches
    cannot overlap (the bracketed part holds no bracket), so the result is the same.
    """
    out: list[re.Match[str]] = []
    for bracket in _BRACKETED.finditer(folded):
        end = bracket.start()
        if end > 1 and folded[end - 1].isspace():  # the one blank `\s?` allows
            end -= 1
        start = end
        while start > 0 and (folded[start - 1].isalnum() or folded[start - 1] in joiners):
            start -= 1  # str.isalnum is what `\w` matches, less the underscore
        match = pattern.match(folded, start) if start < end else None
        if match is not None:
            out.append(match)
    return out


class _Spans:
    """Sorted (start, end, actor) spans of known names, searched for overlaps by bisection."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self.spans = spans
        self.starts = [s for s, _, _ in spans]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The spans that overlap [start, end)."""
        spans = self.spans
        k = bisect_left(self.starts, start)
        while k > 0 and spans[k - 1][1] > start:
            k -= 1
        out = []
        while k < len(spans) and spans[k][0] < end:
            if spans[k][1] > start:
                out.append(spans[k])
            k += 1
        return out


def _acronym_mentions(folded: str, local_acronyms: dict[str, str]) -> list[Mention]:
    """Every use of the acronyms the document defined, as whole words."""
    if not local_acronyms:
        return []
    local = re.compile(trie_pattern(local_acronyms, not_after=r"[\w\-]") + r"(?!\w)")
    return [
        Mention(match.start(), match.end(), local_acronyms[match.group()], "acronym")
        for match in local.finditer(folded)
    ]


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Mentions in order, the longest winning where two overlap (a name of the reference
    data before a discovered one of the same length)."""
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start), m.kind != "catalogue"))
    kept: list[Mention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


@cache
def recogniser() -> Recogniser:
    return Recogniser()
