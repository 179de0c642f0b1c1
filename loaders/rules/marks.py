"""The marks the rules read on a parse's tokens: a name's role and actor type, and an
instrument phrase's kind.

They are kept in the Doc's `user_data`, by token index, and read with `mark_of`. Reading
spaCy's `token._` builds an object on every access, which cost a tenth of extraction's
time. The extension attributes stay registered, as getters over the same data, so that
spaCy's own DependencyMatcher runs the compiled patterns unchanged.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

__all__ = ["MARKS", "mark", "mark_of", "marks_of", "register_marks"]

MARKS = ("role", "actor_type", "instrument_kind")


def mark(token: Token, name: str, value: str) -> None:
    """Mark `token` with a value the rules can ask for."""
    token.doc.user_data.setdefault(f"kizuna.{name}", {})[token.i] = value


def mark_of(token: Token, name: str) -> str:
    """The token's mark, "" when it has none (the matcher compares strings, never None)."""
    marks: dict[int, str] | None = token.doc.user_data.get(f"kizuna.{name}")
    return marks.get(token.i, "") if marks else ""


def marks_of(doc: Doc, name: str) -> dict[int, str]:
    """Every token index of `doc` that has the mark, with its value."""
    marks: dict[int, str] = doc.user_data.get(f"kizuna.{name}", {})
    return marks


def _getter(name: str) -> Callable[[Token], str]:
    return lambda token: mark_of(token, name)


def register_marks() -> None:
    """The marks as `token._` attributes, for spaCy's DependencyMatcher."""
    for name in MARKS:
        if not Token.has_extension(name):
            Token.set_extension(name, getter=_getter(name))
