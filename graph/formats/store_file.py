"""The embedded store's file: the canonical graph as JSON, with its relations in columns.

Actors and documents are written as objects; relations, the bulk of a big graph, as one list
per fact (`RelationColumns`), with ends as actor numbers (actors in id order) and strings as
codes into small tables; evidence as one list per field (`EvidenceColumns`). A quote is left
out (null) when its document's text gives it back (`text[start:end] == quote`). So the file
reads fast and into arrays: msgspec decodes and type-checks it in one pass, and
`check_columns` validates, vectorised, what types alone cannot say, without building a model
object per relation. The graph is sorted and normalised before it is written, so the same
documents always give the same file, byte for byte.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Literal

import msgspec
import numpy as np

from graph.model import DatePrecision, DateSource, Graph
from graph.schema import domain_schema

__all__ = [
    "FORMAT",
    "VERSION",
    "ActorRow",
    "DocumentRow",
    "EvidenceColumns",
    "RelationColumns",
    "StoreFile",
    "check_columns",
    "decode_store",
    "encode_store",
    "store_bytes",
    "store_file",
]

FORMAT: Literal["kizuna-store"] = "kizuna-store"
VERSION: Literal[2] = 2


class ActorRow(msgspec.Struct, forbid_unknown_fields=True):
    id: str
    name: str
    type: str
    aliases: list[str]
    identifiers: dict[str, str]
    documents: list[str]
    discovered: bool


class DocumentRow(msgspec.Struct, forbid_unknown_fields=True):
    name: str
    sha256: str
    chars: int
    words: int
    text: str


class RelationColumns(msgspec.Struct, forbid_unknown_fields=True):
    """One list per relation fact; `-1` codes and nulls stand for facts not stated.

    `evidence` says how many evidence spans each relation has; they follow one another in
    `EvidenceColumns` in relation order."""

    types: list[str]
    rules: list[str]
    dates: list[str]
    date_precisions: list[DatePrecision]
    date_sources: list[DateSource]
    source: list[int]
    target: list[int]
    type: list[int]
    year: list[int | None]
    date: list[int]
    date_precision: list[int]
    date_source: list[int]
    rule: list[int]
    confidence: list[float]
    curated: list[bool]
    evidence: list[int]


class EvidenceColumns(msgspec.Struct, forbid_unknown_fields=True):
    docs: list[str]
    doc: list[int]
    start: list[int]
    end: list[int]
    quote: list[str | None]


class StoreFile(msgspec.Struct, forbid_unknown_fields=True):
    format: Literal["kizuna-store"]
    version: Literal[2]
    actors: list[ActorRow]
    documents: list[DocumentRow]
    relations: RelationColumns
    evidence: EvidenceColumns


def _codes(values: Sequence[str | None]) -> tuple[list[str], list[int]]:
    """A sorted table of the distinct values and each value's code in it (-1 for None)."""
    table = sorted({v for v in values if v is not None})
    code = {v: i for i, v in enumerate(table)}
    return table, [-1 if v is None else code[v] for v in values]


def store_file(graph: Graph) -> StoreFile:
    """The file's content for a graph, in canonical order."""
    graph = graph.normalised()
    number = {a.id: i for i, a in enumerate(graph.actors)}
    relations = graph.relations
    texts = {d.name: d.text for d in graph.documents}
    types, type_codes = _codes([r.type for r in relations])
    rules, rule_codes = _codes([r.rule for r in relations])
    dates, date_codes = _codes([r.date for r in relations])
    precisions, precision_codes = _codes([r.date_precision for r in relations])
    sources, source_codes = _codes([r.date_source for r in relations])
    spans = [e for r in relations for e in r.evidence]
    docs, doc_codes = _codes([e.doc for e in spans])
    return StoreFile(
        format=FORMAT,
        version=VERSION,
        actors=[ActorRow(**a.model_dump()) for a in graph.actors],
        documents=[DocumentRow(**d.model_dump()) for d in graph.documents],
        relations=RelationColumns(
            types=types,
            rules=rules,
            dates=dates,
            date_precisions=precisions,  # type: ignore[arg-type]
            date_sources=sources,  # type: ignore[arg-type]
            source=[number[r.source] for r in relations],
            target=[number[r.target] for r in relations],
            type=type_codes,
            year=[r.year for r in relations],
            date=date_codes,
            date_precision=precision_codes,
            date_source=source_codes,
            rule=rule_codes,
            confidence=[r.confidence for r in relations],
            curated=[r.curated for r in relations],
            evidence=[len(r.evidence) for r in relations],
        ),
        evidence=EvidenceColumns(
            docs=docs,
            doc=doc_codes,
            start=[e.start for e in spans],
            end=[e.end for e in spans],
            quote=[
                None if texts.get(e.doc, "")[e.start : e.end] == e.quote else e.quote for e in spans
            ],
        ),
    )


_ENCODER = msgspec.json.Encoder(order="deterministic")
_DECODER = msgspec.json.Decoder(StoreFile)


def encode_store(content: StoreFile) -> bytes:
    """The canonical bytes of the file's content, ending in a newline."""
    return _ENCODER.encode(content) + b"\n"


def store_bytes(graph: Graph) -> bytes:
    """The canonical bytes of a graph's store file."""
    return encode_store(store_file(graph))


class _Header(msgspec.Struct):
    format: object = None
    version: object = None


def decode_store(data: bytes) -> StoreFile:
    """The file's content, type-checked; msgspec.DecodeError or ValueError says what is wrong."""
    try:
        content = _DECODER.decode(data)
    except msgspec.ValidationError as exc:
        try:
            header = msgspec.json.decode(data, type=_Header)
        except msgspec.ValidationError:
            header = _Header()
        if header.format != FORMAT:
            raise ValueError(
                f'it has no "format": "{FORMAT}" marker, so it is not a store file of this '
                "Kizuna (older versions wrote the whole graph as one object)"
            ) from exc
        if header.version != VERSION:
            raise ValueError(
                f"it is in store format version {header.version}; this Kizuna reads {VERSION}"
            ) from exc
        raise ValueError(str(exc)) from exc
    check_columns(content)
    return content


def check_columns(content: StoreFile) -> None:
    """Raise ValueError naming the first fact the columns get wrong."""
    rel, ev = content.relations, content.evidence
    count, actors = len(rel.source), len(content.actors)
    for name in (
        "target",
        "type",
        "year",
        "date",
        "date_precision",
        "date_source",
        "rule",
        "confidence",
        "curated",
        "evidence",
    ):
        if len(getattr(rel, name)) != count:
            raise ValueError(f"relations.{name} has {len(getattr(rel, name))} rows, not {count}")
    ids = [a.id for a in content.actors]
    if any(a >= b for a, b in itertools.pairwise(ids)):
        raise ValueError("actors are not in strictly increasing order of id")
    unknown = sorted(set(rel.types) - set(domain_schema().relation_types))
    if unknown:
        raise ValueError(f"unknown relation types {unknown}")
    _within("relations.source", rel.source, 0, actors)
    _within("relations.target", rel.target, 0, actors)
    _within("relations.type", rel.type, 0, len(rel.types))
    _within("relations.rule", rel.rule, 0, len(rel.rules))
    _within("relations.date", rel.date, -1, len(rel.dates))
    _within("relations.date_precision", rel.date_precision, -1, len(rel.date_precisions))
    _within("relations.date_source", rel.date_source, -1, len(rel.date_sources))
    confidence = np.array(rel.confidence, dtype=np.float64)
    if count and not ((confidence >= 0) & (confidence <= 1)).all():
        raise ValueError("a relation's confidence is outside 0..1")
    spans = np.array(rel.evidence, dtype=np.int64)
    if count and spans.min() < 0:
        raise ValueError("a relation has a negative number of evidence spans")
    total = int(spans.sum())
    for name in ("doc", "start", "end", "quote"):
        if len(getattr(ev, name)) != total:
            raise ValueError(f"evidence.{name} has {len(getattr(ev, name))} rows, not {total}")
    _within("evidence.doc", ev.doc, 0, len(ev.docs))
    start, end = np.array(ev.start, dtype=np.int64), np.array(ev.end, dtype=np.int64)
    if total and (start.min() < 0 or (end < start).any()):
        raise ValueError("an evidence span starts before 0 or ends before it starts")
    _check_quotes(content, start, end)
    _check_keys(content)


def _within(name: str, values: list[int], low: int, high: int) -> None:
    if values:
        array = np.array(values, dtype=np.int64)
        if array.min() < low or array.max() >= high:
            raise ValueError(f"{name} holds a number outside {low}..{high - 1}")


def _check_quotes(content: StoreFile, start: np.ndarray, end: np.ndarray) -> None:
    """A given quote fills its span; a missing one lies inside its document's text."""
    ev = content.evidence
    lengths = {d.name: len(d.text) for d in content.documents}
    text_length = np.array([lengths.get(name, -1) for name in ev.docs], dtype=np.int64)
    missing = np.fromiter((q is None for q in ev.quote), dtype=bool, count=len(ev.quote))
    if missing.any():
        doc = np.array(ev.doc, dtype=np.int64)[missing]
        if (end[missing] > text_length[doc]).any():
            raise ValueError("an evidence span without a quote lies outside its document's text")
    for i in np.flatnonzero(~missing).tolist():
        quote = ev.quote[i]
        assert quote is not None
        if len(quote) != end[i] - start[i]:
            raise ValueError("an evidence span's length does not match its quote's length")


def _check_keys(content: StoreFile) -> None:
    """Relations are in canonical order, one per key (source, type, target, year)."""
    rel = content.relations
    if len(rel.source) < 2:
        return
    source = np.array(rel.source, dtype=np.int64)
    target = np.array(rel.target, dtype=np.int64)
    kind = np.array(rel.type, dtype=np.int64)
    stated = np.fromiter((y is not None for y in rel.year), dtype=bool, count=len(rel.year))
    year = np.fromiter((y or 0 for y in rel.year), dtype=np.int64, count=len(rel.year))
    keys = np.stack([source, kind, target, year, stated.astype(np.int64)])
    step = np.diff(keys[:4], axis=1)
    # the first differing column of (source, type, target, year) must grow
    order_ok = np.ones(step.shape[1], dtype=bool)
    decided = np.zeros(step.shape[1], dtype=bool)
    for row in step:
        order_ok &= decided | (row >= 0)
        decided |= row != 0
    if not order_ok.all():
        raise ValueError("relations are not in canonical order")
    same = ~np.diff(keys, axis=1).any(axis=0)
    if same.any():
        raise ValueError("two relations share one key")
