"""The recogniser's targeted scans find exactly what a plain regex search finds.

Some of recognition's patterns are tried only where a match may start (a capital, a
bracket) instead of at every character; these tests compare both ways on generated text
made of the characters the patterns turn on, and on the seeds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.recognise import (
    _ACRONYM_COUNTRY,
    _NAME_COUNTRY,
    _RUN,
    _before_brackets,
    _runs,
)
from loaders.text import fold, trie_pattern

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

_PIECES = st.sampled_from(
    ["a", "e", "l", "d", "A", "Z", "J", "1", "2024", "٣", "é", "_", "-", "'", ".", ",",
     " ", "\n", "\t", "(", ")", "(Japan)", " (Kenya)", "e-Gov", "l'Ins", "of", " and ", "3rd"]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=60).map("".join)


def _spans(
    matches: Iterable[re.Match[str]],
) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(_TEXTS)
def test_runs_of_capitalised_words_are_those_a_plain_search_finds(text: str) -> None:
    assert _spans(_runs(text)) == _spans(_RUN.finditer(text))


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(_TEXTS)
def test_names_before_a_bracketed_country_are_those_a_plain_search_finds(text: str) -> None:
    assert _spans(_before_brackets(_NAME_COUNTRY, "_'.-", text)) == _spans(
        _NAME_COUNTRY.finditer(text)
    )
    assert _spans(_before_brackets(_ACRONYM_COUNTRY, "_-", text)) == _spans(
        _ACRONYM_COUNTRY.finditer(text)
    )


_WORDS = ["Japan", "Japanese", "JICA", "e-ASIA", "EU", "Ja", "-J"]


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(_TEXTS.map(lambda t: t.replace("J", "Japan").replace("A", "-JICA e-ASIA")))
def test_a_trie_that_may_not_follow_a_class_matches_as_a_leading_lookbehind_does(
    text: str,
) -> None:
    for before in (r"\w", r"[\w-]"):
        plain = re.compile(f"(?<!{before})(" + trie_pattern(_WORDS) + r")(?!\w)")
        guarded = re.compile("(" + trie_pattern(_WORDS, not_after=before) + r")(?!\w)")
        assert _spans(guarded.finditer(text)) == _spans(plain.finditer(text))


def test_the_seeds_scan_the_same_both_ways() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = fold(path.read_text(encoding="utf-8"))
        runs = _spans(_runs(text))
        assert runs == _spans(_RUN.finditer(text))
        assert len(runs) > 30  # every seed names many actors: the scan really ran
        assert _spans(_before_brackets(_NAME_COUNTRY, "_'.-", text)) == _spans(
            _NAME_COUNTRY.finditer(text)
        )
