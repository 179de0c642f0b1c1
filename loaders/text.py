"""Text utilities that keep character offsets: folding and segmentation.

`fold` maps every character to exactly one character (Tōkyō -> Tokyo, ’ -> '), so a match
found in the folded text has the same offsets in the original and evidence stays verbatim.
`segment` splits a document into paragraphs, sentences and tab-separated table rows.
`trie_pattern` writes a list of phrases as one regular expression that scans fast.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["Segment", "fold", "segment", "trie_pattern", "unmarked", "word_count"]

_FOLD: dict[int, str] = {}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SPECIAL = {
    "’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "„": '"',
    "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " ", "\u3000": " ",
}  # fmt: skip
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def _fold_char(char: str) -> str:
    if char in _SPECIAL:
        return _SPECIAL[char]
    if char in _SUPERSCRIPTS:
        return " "
    stripped = "".join(
        c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
    )
    return stripped if len(stripped) == 1 else char


def fold(text: str) -> str:
    """The text with diacritics and typographic variants folded, one character for one."""
    if text.isascii():
        return text
    return _NON_ASCII.sub(_folded, text)  # few characters change: touch only those


def _folded(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code not in _FOLD:
        _FOLD[code] = _fold_char(char)
    return _FOLD[code]


_NOTE_MARK = re.compile(r"(?<=[A-Za-z.,;:)\]])(?:\*+\d*|\[\d{1,3}\])")


def unmarked(text: str) -> str:
    """The text with footnote marks blanked, one blank for each character ("founding
    members*2 are" -> "founding members   are"): what the parser reads, at the same offsets."""
    return _NOTE_MARK.sub(lambda m: " " * len(m.group()), text)


def word_count(text: str) -> int:
    return len(text.split())


@dataclass(frozen=True)
class Segment:
    """A sentence or a table row: `text[start:end]` of its document, trimmed."""

    kind: str  # "sentence" | "row"
    start: int
    end: int


_BLOCK_START = re.compile(r"[ \t]*(?:[-*•][ \t]|#|\d+\.[ \t])")
_BOUNDARY = re.compile(r"([.!?][\"')\]]*)\s+(?=[\"'(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_FIELD_LINE = re.compile(r"[ \t]*[A-Z][\w /&()-]{0,40}:[ \t]*\S")
_CLOSED = re.compile(r"[.!?:;,\"')\]]\s*$")


def _stands_alone(line: str) -> bool:
    """A "Field: value" line, or a short heading with no closing punctuation."""
    if _FIELD_LINE.match(line):
        return True
    return len(line.split()) <= 6 and not _CLOSED.search(line)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentences(
    folded: str, start: int, end: int, abbreviations: frozenset[str], protected: Sequence[int]
) -> list[tuple[int, int]]:
    """Split folded[start:end] at sentence ends, never inside a protected (mention) span.

    `protected` is a flat sorted list [s0, e0, s1, e1, ...] of mention spans.
    """
    out: list[tuple[int, int]] = []
    cursor = start
    for match in _BOUNDARY.finditer(folded, start, end):
        before = _WORD_BEFORE.search(folded, max(start, match.start() - 20), match.start())
        word = before.group(1) if before else ""
        if word in abbreviations or (len(word) == 1 and word.isupper()):
            continue
        if bisect_right(protected, match.start()) % 2 == 1:  # inside a mention span
            continue
        cut = match.end(1)
        s, e = _trimmed(folded, cursor, cut)
        if e > s:
            out.append((s, e))
        cursor = cut
    s, e = _trimmed(folded, cursor, end)
    if e > s:
        out.append((s, e))
    return out


def segment(
    folded: str, abbreviations: frozenset[str], protected: Sequence[int] = ()
) -> list[Segment]:
    """Sentences and table rows of a (folded) document, in document order. A blank line ends
    a paragraph, unless it cuts a sentence (see `_broken_sentence`)."""
    segments: list[Segment] = []
    block_start: int | None = None
    position = 0
    length = len(folded)
    previous_alone = False

    def flush(end: int) -> None:
        nonlocal block_start
        if block_start is not None:
            for s, e in _sentences(folded, block_start, end, abbreviations, protected):
                segments.append(Segment("sentence", s, e))
        block_start = None

    while position < length:
        newline = folded.find("\n", position)
        line_end = length if newline < 0 else newline
        line = folded[position:line_end]
        if not line.strip():
            if block_start is None or not _broken_sentence(folded, block_start, position):
                flush(position)
        elif line.count("\t") >= 2:
            flush(position)
            s, e = _trimmed(folded, position, line_end)
            segments.append(Segment("row", s, e))
        elif _BLOCK_START.match(line) or previous_alone or _FIELD_LINE.match(line):
            flush(position)
            block_start = position
        elif block_start is None:
            block_start = position
        previous_alone = bool(line.strip()) and _stands_alone(line)
        position = line_end + 1
    flush(length)
    return segments


_SENTENCE_GOES_ON = re.compile(r"\s*[a-z]")


def _broken_sentence(folded: str, block_start: int, blank: int) -> bool:
    """Whether a blank line cuts a sentence in two, as a page or column break of a PDF
    extraction does ("... to incorporate human\n\nsecurity, environmental concern ..."): the
    block ends with a word or a comma and the text goes on in lower case."""
    ending = folded[block_start:blank].rstrip()
    if not ending or not (ending[-1].isalnum() or ending[-1] in ",-"):
        return False
    return _SENTENCE_GOES_ON.match(folded, blank) is not None


def trie_pattern(words: Iterable[str], not_after: str = "") -> str:
    """One regex alternation shaped as a trie: fast, and longest-first at every branch.

    `not_after` is a character class (r"[\\w-]") that may not come right before a match: the
    same as a leading lookbehind, but checked after the first character, so the regex
    engine still skips straight to the characters a word can start with instead of trying
    the pattern at every position of the text. The words must not be empty.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict, guard: str = "") -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [
            re.escape(ch) + (f"(?<!{guard}{re.escape(ch)})" if guard else "") + render(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return render(trie, not_after)
