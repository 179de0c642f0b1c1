"""Running the compiled rules over a parse: DependencyMatcher patterns, matched fast.

Every rule is compiled (loaders.rules.grammar) to a pattern in spaCy's DependencyMatcher
language. spaCy's own DependencyMatcher evaluates each node's attribute sets and
extension attributes for every token through Python predicates, which made it the most
expensive stage of extraction. This module runs the very same patterns: the anchor node
is looked up by its lemma (or its recognised-name role) instead of being tested on every
token, and each further node is reached from the one it hangs on through the relation
operator (`>`, `>>`, `<`, `;*`). The matches are those DependencyMatcher finds; a test
compares the two on every rule and a corpus of sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from loaders.rules.marks import mark_of

__all__ = ["CompiledPattern", "PatternIndex"]

_Predicate = Callable[[Token], bool]


def _values(spec: Any) -> frozenset[str] | None:
    if isinstance(spec, dict) and "IN" in spec:
        return frozenset(spec["IN"])
    if isinstance(spec, str):
        return frozenset({spec})
    return None


def _attribute_in(getter: str, wanted: frozenset[str]) -> _Predicate:
    return lambda token: getattr(token, getter) in wanted


def _tag_matches(regex: re.Pattern[str]) -> _Predicate:
    return lambda token: regex.match(token.tag_) is not None


def _extension_in(name: str, wanted: frozenset[str]) -> _Predicate:
    return lambda token: mark_of(token, name) in wanted


def _predicate(attrs: dict[str, Any]) -> _Predicate:
    """One node's attributes as a test on a token (the subset of the pattern language the
    rules compile to: LEMMA, LOWER, DEP as values or IN sets, TAG as REGEX, and the
    `role` and `actor_type` extensions)."""
    tests: list[_Predicate] = []
    for key, getter in (("LEMMA", "lemma_"), ("LOWER", "lower_"), ("DEP", "dep_")):
        if key in attrs:
            wanted = _values(attrs[key])
            assert wanted is not None, f"unsupported {key} pattern {attrs[key]!r}"
            tests.append(_attribute_in(getter, wanted))
    if "TAG" in attrs:
        regex = re.compile(attrs["TAG"]["REGEX"])
        tests.append(_tag_matches(regex))
    for name, spec in attrs.get("_", {}).items():
        wanted = _values(spec)
        assert wanted is not None, f"unsupported extension pattern {spec!r}"
        tests.append(_extension_in(name, wanted))
    if not tests:
        return lambda t: True
    if len(tests) == 1:
        return tests[0]

    def every(token: Token) -> bool:
        return all(test(token) for test in tests)

    return every


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CONTROLLED = frozenset({"xcomp", "conj", "advcl", "pcomp"})


def _inherited_subjects(verb: Token) -> list[Token]:
    """The subjects a verb without one takes from the verb it depends on: "X agreed to
    sign", "X signed ... and launched", "X addressed this by aiding" (one inference every
    rule shares, so no rule is written twice for it)."""
    node = verb
    while node.tag_.startswith("VB") and not any(c.dep_ in _SUBJECTS for c in node.children):
        if node.dep_ == "pcomp" and node.head.dep_ == "prep":  # "by aiding": on the verb
            node = node.head.head
            continue
        if node.dep_ not in _CONTROLLED or node.head.i == node.i:
            return []
        node = node.head
    if node.i == verb.i or not node.tag_.startswith("VB"):
        return []
    return [c for c in node.children if c.dep_ == "nsubj"]


def _related(token: Token, operator: str) -> Iterator[Token]:
    """The tokens `operator` relates to `token`, as DependencyMatcher defines it, and for
    `>` the subjects a verb inherits."""
    if operator == ">":
        yield from token.children
        if token.tag_.startswith("VB"):
            yield from _inherited_subjects(token)
    elif operator == ">>":
        yield from (t for t in token.subtree if t.i != token.i)
    elif operator == "<":
        if token.head.i != token.i:
            yield token.head
    elif operator == ";*":
        yield from token.doc[: token.i]
    else:
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
        )

    def matches(self, anchor: Token) -> list[list[int]]:
        """Every assignment of tokens to the pattern's nodes with `anchor` as its first."""
        if not self.tests[0](anchor):
            return []
        partial: list[list[int]] = [[anchor.i]]
        doc = anchor.doc
        for k, (left, operator) in enumerate(self.links, start=1):
            test = self.tests[k]
            partial = [
                [*assigned, token.i]
                for assigned in partial
                for token in _related(doc[assigned[left]], operator)
                if test(token)
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
        found: list[tuple[int, str, list[int]]] = []
        for token in doc:
            candidates = [
                *self.by_lemma.get(token.lemma_, ()),
                *self.by_role.get(mark_of(token, "role"), ()),
            ]
            for pattern in candidates:
                for ids in pattern.matches(token):
                    found.append((self.order[pattern.name], pattern.name, ids))
        found.sort(key=lambda f: (f[0], f[2]))
        return [(name, ids) for _, name, ids in found]
