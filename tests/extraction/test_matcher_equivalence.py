"""The fast matcher (loaders.engine.matcher) finds what spaCy's own DependencyMatcher finds
with the same compiled patterns, on the parses of real documents, and more only where a
verb takes the subject of the verb it depends on (the one inference it adds)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

from loaders import extract
from loaders.engine.matcher import CompiledPattern, PatternIndex
from loaders.engine.parsed import ParsedUnit
from loaders.rules.grammar import dependency_matcher, grammar

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [
    *sorted((ROOT / "seeds").glob("*.txt")),
    *sorted((Path(__file__).parent / "data").glob("*.txt")),
]


@pytest.fixture(scope="module")
def parsed_docs() -> list[Doc]:
    """The parses the rules run on, each with its mentions laid on it."""
    seen: list[Doc] = []
    real = extract.match_unit  # type: ignore[attr-defined]

    def keeping(unit: ParsedUnit, *args: object, **kwargs: object) -> object:
        seen.append(unit.doc)
        return real(unit, *args, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extract, "match_unit", keeping)
        for path in DOCUMENTS:
            extract.extract_document(path.read_text(encoding="utf-8"))
    assert len(seen) > 100
    return seen


def _inherited(doc: Doc, pattern: list[dict[str, object]], ids: list[int]) -> bool:
    """Whether a match uses a subject the verb inherits: a `>` link to no child."""
    names = [node["RIGHT_ID"] for node in pattern]
    for k, node in enumerate(pattern[1:], start=1):
        left = ids[names.index(node["LEFT_ID"])]
        if node["REL_OP"] == ">" and doc[ids[k]].head.i != left:
            return True
    return False


def test_the_fast_matcher_finds_what_dependency_matcher_finds(parsed_docs: list[Doc]) -> None:
    rules = grammar()
    reference = dependency_matcher(rules)
    fast = PatternIndex([CompiledPattern.of(name, r.pattern) for name, r in rules.rules.items()])
    vocab = parsed_docs[0].vocab
    compared = 0
    for doc in parsed_docs:
        expected = {(vocab.strings[key], tuple(ids)) for key, ids in reference(doc)}
        found = {(name, tuple(ids)) for name, ids in fast(doc)}
        assert expected <= found, doc.text
        for name, ids in found - expected:
            assert _inherited(doc, rules.rules[name].pattern, list(ids)), (name, doc.text)
        compared += len(expected)
    assert compared > 100
