"""Dates as people write them, kept at the precision the text gives them.

"on 12 March 2024", "March 12, 2024", "March 2024", "12/03/2024", "2024-03-12", "FY2023",
"fiscal 2022", "the 2023 meeting", "in 2019": each is read into a `StatedDate` with its
precision (day, month or year). Nothing is guessed: a day and month without a year is not a
date, and slash dates are read day first only when that is unambiguous or the usual order.
The dateline of a document is a date line among its opening lines ("Published on May 6,
2022", "Tokyo, 12 March 2024 —"); a paper has none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["StatedDate", "dateline", "dates_in"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<{g}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR = r"(?P<{g}>(?:19|20)\d\d)(?!\d)"
_PATTERNS = [
    # 2024-03-12
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
    # 12/03/2024 (day first, the international order)
    re.compile(r"(?<!\d)(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>(?:19|20)\d\d)(?!\d)"),
    # 12 March 2024, 12 March, 2024, 3-4 July 2024
    re.compile(
        r"(?<!\d)(?:\d{1,2}\s*[-–]\s*)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+"
        + _MONTH.format(g="mn")
        + r",?\s+"
        + _YEAR.format(g="y"),
        re.IGNORECASE,
    ),
    # March 12, 2024, July 3-4, 2024
    re.compile(
        _MONTH.format(g="mn")
        + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2})?,?\s+"
        + _YEAR.format(g="y"),
        re.IGNORECASE,
    ),
    # March 2024
    re.compile(r"\b" + _MONTH.format(g="mn") + r",?\s+" + _YEAR.format(g="y"), re.IGNORECASE),
    # FY2023, FY 2023, fiscal 2022, fiscal year 2022
    re.compile(r"\b(?:FY\s?|fiscal\s+(?:year\s+)?)" + _YEAR.format(g="y"), re.IGNORECASE),
    # a bare year: in 2019, the 2023 meeting, (2024)
    re.compile(r"(?<![\w\-/.,])" + _YEAR.format(g="y") + r"(?![\w\-/]|\.\d|,\d)"),
]


@dataclass(frozen=True)
class StatedDate:
    """A date as stated: "2024-03-12" (day), "2024-03" (month) or "2024" (year)."""

    year: int
    month: int | None = None
    day: int | None = None
    start: int = 0
    end: int = 0

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def iso(self) -> str:
        if self.day and self.month:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


def _date(match: re.Match[str]) -> StatedDate | None:
    groups = match.groupdict()
    year = int(groups["y"])
    month: int | None = None
    if groups.get("mn"):
        month = _MONTHS[groups["mn"].lower().rstrip(".")]
    elif groups.get("m"):
        month = int(groups["m"])
    day = int(groups["d"]) if groups.get("d") else None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    return StatedDate(year, month, day, match.start(), match.end())


def dates_in(text: str, offset: int = 0) -> list[StatedDate]:
    """Every date stated in `text`, most precise reading first where readings overlap."""
    found: list[StatedDate] = []
    taken: list[tuple[int, int]] = []
    if _ANY_YEAR.search(text) is None:  # every form holds a year
        return found
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            date = _date(match)
            if date is not None:
                taken.append((match.start(), match.end()))
                found.append(
                    StatedDate(
                        date.year, date.month, date.day, offset + date.start, offset + date.end
                    )
                )
    found.sort(key=lambda d: d.start)
    return found


def dateline(text: str, paper_marks: Sequence[str] = (), lines: int = 15) -> StatedDate | None:
    """The document's own date, read from a dateline, or None when it has none.

    A dateline is one of the first `lines` non-blank lines that opens with a full date (day
    or month precision: "March 14, 2019", "2024-03-12 Signing ...") or holds one after a
    short label and nothing much after it ("Published on May 6, 2022", "Updated 10 June
    2019", "Date: 2024-03-12", "Takasaki, Gunma, April 30, 2023") or a dash ("Tokyo,
    12 March 2024 - The ministry ..."). A sentence that opens with
    a date ("On 29 March, 2022, X signed ...") dates its own relations, not the document's.
    A paper (a line opening with one of `paper_marks`: "Abstract", "DOI", "Working Paper")
    has no dateline: its publication date does not date what it discusses.
    """
    if paper_marks and _paper_pattern(tuple(paper_marks)).search(text):
        return None
    seen = 0
    offset = 0
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        if not line.strip():
            continue
        seen += 1
        if seen > lines:
            break
        if "://" in line:
            continue
        for date in dates_in(line, start):
            if date.month is None:
                continue
            before = line[: date.start - start].split()
            rest = line[date.end - start :]
            labelled = len(before) <= _LABEL_WORDS and (
                len(_WORD.findall(rest)) <= 1 or _DASHED.match(rest) is not None
            )
            if not before or labelled:
                return date
            break
    return None


_LABEL_WORDS = 4
_WORD = re.compile(r"\w+")
_DASHED = re.compile(r"\s*(?:\([^)]*\)\s*)?[-–—]")  # "TOKYO, 8 March 2024 (Kyodo) - ..."


@lru_cache(maxsize=8)
def _paper_pattern(marks: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(m) for m in sorted(marks, key=len, reverse=True))
    return re.compile(r"^[ \t#*\[(]*(?:" + words + r")\b", re.IGNORECASE | re.MULTILINE)
