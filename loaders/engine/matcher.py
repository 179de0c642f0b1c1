"""Running the compiled rules over a parse: DependencyMatcher patterns, matched fast.

Every rule is compiled (loaders.rules.grammar) to a pattern in spaCy's DependencyMatcher
language. spaCy's own DependencyMatcher evaluates each node's attribute sets and
extension attributes for every token through Python predicates, which made it the most
expensive stage of extraction. This module runs the very same patterns: the anchor node
is looked up by its lemma (or its recognised-name role) instead of being tested on every
token, and each further node is reached from the one it hangs on through the relation
operator (`>`, `>>`, `<`, `;*`). The parse is read once into plain lists (lemmas, tags,
heads, children, marks), so no test builds a spaCy Token. The matches are those
DependencyMatcher finds; a test compares the two on every rule and a corpus of sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, HEAD, LEMMA, LOWER, TAG
from spacy.tokens import Doc

from loaders.rules.marks import MARKS, marks_of

__all__ = ["CompiledPattern", "PatternIndex"]


@dataclass
class _Parse:
    """One parse as plain lists, read from its arrays once: the tests index them instead of
    making a spaCy Token on every access."""

    lemma: list[str]
    lower: list[str]
    dep: list[str]
    tag: list[str]
    head: list[int]
    children: list[list[int]]
    marks: dict[str, dict[int, str]]

    @classmethod
    def of(cls, doc: Doc) -> _Parse:
        strings = doc.vocab.strings
        rows = doc.to_array([LEMMA, LOWER, DEP, TAG, HEAD]).tolist()
        text = _STRINGS
        lemma: list[str] = []
        lower: list[str] = []
        dep: list[str] = []
        tag: list[str] = []
        columns = (lemma, lower, dep, tag)
        head: list[int] = []
        for i, row in enumerate(rows):
            for k in range(4):
                value = text.get(row[k])
                if value is None:
                    value = text[row[k]] = strings[row[k]]
                columns[k].append(value)
            head.append(i + _signed(row[4]))
        children: list[list[int]] = [[] for _ in rows]
        for i, h in enumerate(head):
            if h != i:
                children[h].append(i)
        marks = {name: marks_of(doc, name) for name in MARKS}
        return cls(lemma, lower, dep, tag, head, children, marks)

    def subtree(self, i: int) -> list[int]:
        """Every word below word `i` (in no set order: matches are sorted at the end)."""
        out: list[int] = []
        stack = list(self.children[i])
        while stack:
            k = stack.pop()
            out.append(k)
            stack.extend(self.children[k])
        return out


_STRINGS: dict[int, str] = {}  # a string id of the shared vocabulary -> its text


def _signed(value: int) -> int:
    """A HEAD offset as to_array gives it (an unsigned 64-bit integer) as a signed one."""
    return value - (1 << 64) if value >= 1 << 63 else value


_Predicate = Callable[[_Parse, int], bool]


def _values(spec: Any) -> frozenset[str] | None:
    if isinstance(spec, dict) and "IN" in spec:
        return frozenset(spec["IN"])
    if isinstance(spec, str):
        return frozenset({spec})
    return None


def _column_in(column: str, wanted: frozenset[str]) -> _Predicate:
    return lambda parse, i: getattr(parse, column)[i] in wanted


def _tag_matches(regex: re.Pattern[str]) -> _Predicate:
    return lambda parse, i: regex.match(parse.tag[i]) is not None


def _mark_in(name: str, wanted: frozenset[str]) -> _Predicate:
    return lambda parse, i: parse.marks[name].get(i, "") in wanted


def _predicate(attrs: dict[str, Any]) -> _Predicate:
    """One node's attributes as a test on a token (the subset of the pattern language the
    rules compile to: LEMMA, LOWER, DEP as values or IN sets, TAG as REGEX, and the
    `role` and `actor_type` extensions)."""
    tests: list[_Predicate] = []
    for key, column in (("LEMMA", "lemma"), ("LOWER", "lower"), ("DEP", "dep")):
        if key in attrs:
            wanted = _values(attrs[key])
            assert wanted is not None, f"unsupported {key} pattern {attrs[key]!r}"
            tests.append(_column_in(column, wanted))
    if "TAG" in attrs:
        regex = re.compile(attrs["TAG"]["REGEX"])
        tests.append(_tag_matches(regex))
    for name, spec in attrs.get("_", {}).items():
        wanted = _values(spec)
        assert wanted is not None, f"unsupported extension pattern {spec!r}"
        assert name in MARKS, f"unsupported extension {name!r}"
        tests.append(_mark_in(name, wanted))
    if not tests:
        return lambda parse, i: True
    if len(tests) == 1:
        return tests[0]

    def every(parse: _Parse, i: int) -> bool:
        for test in tests:  # noqa: SIM110 - all() over a generator costs more, on every word
            if not test(parse, i):
                return False
        return True

    return every


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CONTROLLED = frozenset({"xcomp", "conj", "advcl", "pcomp"})


def _inherited_subjects(parse: _Parse, verb: int) -> list[int]:
    """The subjects a verb without one takes from the verb it depends on: "X agreed to
    sign", "X signed ... and launched", "X addressed this by aiding" (one inference every
    rule shares, so no rule is written twice for it)."""
    node = verb
    while parse.tag[node].startswith("VB") and not any(
        parse.dep[c] in _SUBJECTS for c in parse.children[node]
    ):
        head = parse.head[node]
        if parse.dep[node] == "pcomp" and parse.dep[head] == "prep":  # "by aiding": on the verb
            node = parse.head[head]
            continue
        if parse.dep[node] not in _CONTROLLED or head == node:
            return []
        node = head
    if node == verb or not parse.tag[node].startswith("VB"):
        return []
    return [c for c in parse.children[node] if parse.dep[c] == "nsubj"]


def _related(parse: _Parse, i: int, operator: str) -> list[int]:
    """The tokens `operator` relates to token `i`, as DependencyMatcher defines it, and for
    `>` the subjects a verb inherits."""
    if operator == ">":
        if parse.tag[i].startswith("VB"):
            return parse.children[i] + _inherited_subjects(parse, i)
        return parse.children[i]
    if operator == ">>":
        return parse.subtree(i)
    if operator == "<":
        return [parse.head[i]] if parse.head[i] != i else []
    if operator == ";*":
        return list(range(i))
    raise ValueError(f"unsupported relation operator {operator!r}")


@dataclass(frozen=True)
class CompiledPattern:
    """One DependencyMatcher pattern, ready to run: each node's test and how it hangs on
    an earlier node."""

    name: str
    anchor_lemmas: frozenset[str] | None
    anchor_role: frozenset[str] | None
    tests: tuple[_Predicate, ...]
    links: tuple[tuple[int, str], ...]  # node k: (earlier node, operator), from node 1 on
    words: tuple[frozenset[str], ...]  # for each node that names its words: one must be there

    @classmethod
    def of(cls, name: str, pattern: list[dict[str, Any]]) -> CompiledPattern:
        ids = [node["RIGHT_ID"] for node in pattern]
        anchor = pattern[0]["RIGHT_ATTRS"]
        return cls(
            name=name,
            anchor_lemmas=_values(anchor.get("LEMMA")),
            anchor_role=_values(anchor.get("_", {}).get("role")),
            tests=tuple(_predicate(node["RIGHT_ATTRS"]) for node in pattern),
            links=tuple((ids.index(node["LEFT_ID"]), node["REL_OP"]) for node in pattern[1:]),
            words=tuple(
                wanted
                for node in pattern[1:]
                for key in ("LEMMA", "LOWER")
                if (wanted := _values(node["RIGHT_ATTRS"].get(key))) is not None
            ),
        )

    def may_match(self, present: set[str]) -> bool:
        """Whether a sentence holding these lemmas and lower-case words has, for each node
        that names its words, one of them: a pattern missing one cannot match there."""
        return all(not wanted.isdisjoint(present) for wanted in self.words)

    def matches(self, parse: _Parse, anchor: int) -> list[list[int]]:
        """Every assignment of tokens to the pattern's nodes with `anchor` as its first."""
        if not self.tests[0](parse, anchor):
            return []
        partial: list[list[int]] = [[anchor]]
        for k, (left, operator) in enumerate(self.links, start=1):
            test = self.tests[k]
            partial = [
                [*assigned, i]
                for assigned in partial
                for i in _related(parse, assigned[left], operator)
                if test(parse, i)
            ]
            if not partial:
                return []
        return partial


class PatternIndex:
    """The patterns by what their anchor can be, so that a sentence is matched only
    against the rules one of its words or names can trigger."""

    def __init__(self, patterns: list[CompiledPattern]) -> None:
        self.by_lemma: dict[str, list[CompiledPattern]] = {}
        self.by_role: dict[str, list[CompiledPattern]] = {}
        for pattern in patterns:
            if pattern.anchor_lemmas is not None:
                for lemma in pattern.anchor_lemmas:
                    self.by_lemma.setdefault(lemma, []).append(pattern)
            elif pattern.anchor_role is not None:
                for role in pattern.anchor_role:
                    self.by_role.setdefault(role, []).append(pattern)
            else:
                raise ValueError(f"pattern {pattern.name}: its anchor needs a lemma or a role")
        self.order = {p.name: k for k, p in enumerate(patterns)}

    def __call__(self, doc: Doc) -> list[tuple[str, list[int]]]:
        """(pattern name, token per node) of every match, in pattern then token order."""
        parse = _Parse.of(doc)
        roles = parse.marks["role"]
        present = {*parse.lemma, *parse.lower}
        viable: dict[str, bool] = {}
        found: list[tuple[int, str, list[int]]] = []
        for i, lemma in enumerate(parse.lemma):
            candidates = [*self.by_lemma.get(lemma, ()), *self.by_role.get(roles.get(i, ""), ())]
            for pattern in candidates:
                if pattern.name not in viable:
                    viable[pattern.name] = pattern.may_match(present)
                if not viable[pattern.name]:
                    continue
                for ids in pattern.matches(parse, i):
                    found.append((self.order[pattern.name], pattern.name, ids))
        found.sort(key=lambda f: (f[0], f[2]))
        return [(name, ids) for _, name, ids in found]
