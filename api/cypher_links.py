"""Links that open a query in Neo4j Browser, for answers computed on the Neo4j backend.

Neo4j Browser 5 reads `?cmd=edit&arg=<text>` (put text in the editor) and
`?cmd=params&arg=<map>` (set parameters) from its URL, one command per link. The API runs its
queries with parameters only; for the one-click link the parameters are written into the text
as Cypher literals (strings escaped as Cypher string literals), because a Browser link cannot
carry both a `:params` command and the query. Nothing built here is ever executed by the API.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

__all__ = ["browser_link", "cypher_literal", "inline_parameters"]

_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def cypher_literal(value: Any) -> str:
    """`value` written as a Cypher literal: strings double-quoted with escapes, lists, maps."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=True)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_key(k)}: {cypher_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value) if isinstance(value, set | frozenset) else value
        return "[" + ", ".join(cypher_literal(v) for v in items) + "]"
    raise TypeError(f"No Cypher literal for {type(value).__name__}")


def _key(key: object) -> str:
    text = str(key)
    if _IDENTIFIER.fullmatch(text):
        return text
    return "`" + text.replace("`", "``") + "`"


def inline_parameters(cypher: str, parameters: Mapping[str, Any]) -> str:
    """The query with each `$name` replaced by its value as a literal, for reading and running."""

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        return cypher_literal(parameters[name]) if name in parameters else match.group(0)

    return _PARAMETER.sub(substitute, cypher)


def browser_link(base_url: str, command: str, argument: str) -> str:
    """A Neo4j Browser URL that pre-fills a command: `edit` (the editor) or `params`."""
    separator = "&" if "?" in base_url else "?"
    return f"{base_url}{separator}cmd={command}&arg={quote(argument, safe='')}"
