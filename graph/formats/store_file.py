"""The embedded store's file: the canonical graph as JSON, with its relations in columns.

Actors and documents are written as objects; relations, the bulk of a big graph, as columns
(`RelationColumns`): each fact one array of fixed-width little-endian numbers (`DTYPES`),
base64 in the JSON, with ends as actor numbers (actors in id order) and strings as codes into
small tables; evidence likewise (`EvidenceColumns`). A quote is left out (null) when its
document's text gives it back (`text[start:end] == quote`). The name index of the embedded
store (`graph.name_index.NameTable`) is written too, so that opening the file builds nothing
per name. So the file reads fast and into arrays without a copy: msgspec decodes and
type-checks it in one pass, and `check_columns` validates, vectorised, what types alone
cannot say, without building a model object per relation. The graph is sorted and normalised
before it is written, so the same documents always give the same file, byte for byte.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any, Literal

import msgspec
import numpy as np
import numpy.typing as npt
from pydantic import ValidationError

from graph.model import DatePrecision, DateSource, Graph
from graph.name_index import NameTable, name_table
from graph.schema import domain_schema

__all__ = [
    "DTYPES",
    "FORMAT",
    "NO_YEAR",
    "VERSION",
    "ActorRow",
    "DocumentRow",
    "EvidenceColumns",
    "NameColumns",
    "RelationColumns",
    "StoreFile",
    "check_columns",
    "column",
    "decode_store",
    "encode_store",
    "name_columns",
    "quote_missing",
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
    title: str | None = None
    source: str | None = None
    date: str | None = None
    text: str = ""


DTYPES: dict[str, str] = {
    "source": "<i4",
    "target": "<i4",
    "type": "<i2",
    "year": "<i4",
    "date": "<i4",
    "date_precision": "<i1",
    "date_source": "<i1",
    "rule": "<i4",
    "confidence": "<f8",
    "curated": "|u1",
    "evidence": "<i4",
    "doc": "<i4",
    "start": "<i8",
    "end": "<i8",
    "owners": "<i4",
    "owner_counts": "<i4",
    "word_names": "<i4",
}
"""The type of each binary column; a year not stated is NO_YEAR, a string code not set -1."""

NO_YEAR = int(np.iinfo(np.int32).min)


class RelationColumns(msgspec.Struct, forbid_unknown_fields=True):
    """One array per relation fact; `evidence` says how many evidence spans each relation
    has, and they follow one another in `EvidenceColumns` in relation order."""

    types: list[str]
    rules: list[str]
    dates: list[str]
    date_precisions: list[DatePrecision]
    date_sources: list[DateSource]
    source: bytes
    target: bytes
    type: bytes
    year: bytes
    date: bytes
    date_precision: bytes
    date_source: bytes
    rule: bytes
    confidence: bytes
    curated: bytes
    evidence: bytes


class EvidenceColumns(msgspec.Struct, forbid_unknown_fields=True):
    docs: list[str]
    doc: bytes
    start: bytes
    end: bytes
    quote: list[str | None]


class NameColumns(msgspec.Struct, forbid_unknown_fields=True):
    """graph.name_index.NameTable, with `owner_counts` for its offsets."""

    names: list[str]
    owners: bytes
    owner_counts: bytes
    words: list[str]
    word_names: bytes


class StoreFile(msgspec.Struct, forbid_unknown_fields=True):
    format: Literal["kizuna-store"]
    version: Literal[2]
    actors: list[ActorRow]
    documents: list[DocumentRow]
    relations: RelationColumns
    evidence: EvidenceColumns
    names: NameColumns


def column(owner: msgspec.Struct, name: str) -> npt.NDArray[Any]:
    """A binary column as a read-only numpy array over the file's bytes (no copy)."""
    data: bytes = getattr(owner, name)
    dtype = np.dtype(DTYPES[name])
    if len(data) % dtype.itemsize:
        raise ValueError(f"column {name} is not a whole number of {dtype} values")
    return np.frombuffer(data, dtype=dtype)


def _bytes(values: Sequence[float | int] | npt.NDArray[Any], name: str) -> bytes:
    return np.asarray(values, dtype=DTYPES[name]).tobytes()


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
    names = name_table(graph.actors)
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
            source=_bytes([number[r.source] for r in relations], "source"),
            target=_bytes([number[r.target] for r in relations], "target"),
            type=_bytes(type_codes, "type"),
            year=_bytes([NO_YEAR if r.year is None else r.year for r in relations], "year"),
            date=_bytes(date_codes, "date"),
            date_precision=_bytes(precision_codes, "date_precision"),
            date_source=_bytes(source_codes, "date_source"),
            rule=_bytes(rule_codes, "rule"),
            confidence=_bytes([r.confidence for r in relations], "confidence"),
            curated=_bytes([r.curated for r in relations], "curated"),
            evidence=_bytes([len(r.evidence) for r in relations], "evidence"),
        ),
        evidence=EvidenceColumns(
            docs=docs,
            doc=_bytes(doc_codes, "doc"),
            start=_bytes([e.start for e in spans], "start"),
            end=_bytes([e.end for e in spans], "end"),
            quote=[
                None if texts.get(e.doc, "")[e.start : e.end] == e.quote else e.quote for e in spans
            ],
        ),
        names=NameColumns(
            names=names.names,
            owners=_bytes(names.owners, "owners"),
            owner_counts=_bytes(np.diff(names.owner_ptr), "owner_counts"),
            words=names.words,
            word_names=_bytes(names.word_names, "word_names"),
        ),
    )


def name_columns(content: StoreFile) -> NameTable:
    """The name table the file holds."""
    names = content.names
    counts = column(names, "owner_counts")
    owner_ptr = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=owner_ptr[1:])
    return NameTable(
        names=names.names,
        owner_ptr=owner_ptr,
        owners=column(names, "owners"),
        words=names.words,
        word_names=column(names, "word_names"),
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
            legacy = _legacy_graph(data)
            if legacy is not None:
                return store_file(legacy)
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


def _legacy_graph(data: bytes) -> Graph | None:
    """The graph of a store file written before the columns (the whole graph as one object),
    so an upgrade reads the user's store instead of refusing it; None if it is not one."""
    try:
        return Graph.model_validate_json(data)
    except ValidationError:
        return None


def check_columns(content: StoreFile) -> None:
    """Raise ValueError naming the first fact the columns get wrong."""
    rel, ev, names = content.relations, content.evidence, content.names
    count, actors = len(column(rel, "source")), len(content.actors)
    for name in DTYPES:
        holder = rel if hasattr(rel, name) else ev if hasattr(ev, name) else names
        column(holder, name)  # each a whole number of values
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
        if len(column(rel, name)) != count:
            raise ValueError(f"relations.{name} has {len(column(rel, name))} rows, not {count}")
    ids = [a.id for a in content.actors]
    if any(a >= b for a, b in itertools.pairwise(ids)):
        raise ValueError("actors are not in strictly increasing order of id")
    unknown = sorted(set(rel.types) - set(domain_schema().relation_types))
    if unknown:
        raise ValueError(f"unknown relation types {unknown}")
    _within("relations.source", column(rel, "source"), 0, actors)
    _within("relations.target", column(rel, "target"), 0, actors)
    _within("relations.type", column(rel, "type"), 0, len(rel.types))
    _within("relations.rule", column(rel, "rule"), 0, len(rel.rules))
    _within("relations.date", column(rel, "date"), -1, len(rel.dates))
    _within("relations.date_precision", column(rel, "date_precision"), -1, len(rel.date_precisions))
    _within("relations.date_source", column(rel, "date_source"), -1, len(rel.date_sources))
    _within("relations.curated", column(rel, "curated"), 0, 2)
    confidence = column(rel, "confidence")
    if not ((confidence >= 0) & (confidence <= 1)).all():
        raise ValueError("a relation's confidence is outside 0..1")
    spans = column(rel, "evidence")
    if count and spans.min() < 0:
        raise ValueError("a relation has a negative number of evidence spans")
    total = int(spans.sum(dtype=np.int64))
    for name in ("doc", "start", "end"):
        if len(column(ev, name)) != total:
            raise ValueError(f"evidence.{name} has {len(column(ev, name))} rows, not {total}")
    if len(ev.quote) != total:
        raise ValueError(f"evidence.quote has {len(ev.quote)} rows, not {total}")
    _within("evidence.doc", column(ev, "doc"), 0, len(ev.docs))
    start, end = column(ev, "start"), column(ev, "end")
    if total and (start.min() < 0 or (end < start).any()):
        raise ValueError("an evidence span starts before 0 or ends before it starts")
    _check_quotes(content, start, end)
    _check_keys(content)
    _check_names(content)


def _within(name: str, values: npt.NDArray[Any], low: int, high: int) -> None:
    if len(values) and (values.min() < low or values.max() >= high):
        raise ValueError(f"{name} holds a number outside {low}..{high - 1}")


def quote_missing(quotes: list[str | None]) -> npt.NDArray[np.bool_]:
    """Which quotes the file leaves to their document's text (all of them, usually)."""
    if quotes.count(None) == len(quotes):
        return np.ones(len(quotes), dtype=bool)
    return np.fromiter((q is None for q in quotes), dtype=bool, count=len(quotes))


def _check_quotes(content: StoreFile, start: npt.NDArray[Any], end: npt.NDArray[Any]) -> None:
    """A given quote fills its span; a missing one lies inside its document's text."""
    ev = content.evidence
    lengths = {d.name: len(d.text) for d in content.documents}
    text_length = np.array([lengths.get(name, -1) for name in ev.docs], dtype=np.int64)
    missing = quote_missing(ev.quote)
    if missing.any():
        doc = column(ev, "doc")[missing]
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
    source = column(rel, "source").astype(np.int64)
    if len(source) < 2:
        return
    year = column(rel, "year").astype(np.int64)
    stated = year != NO_YEAR
    keys = np.stack(
        [
            source,
            column(rel, "type").astype(np.int64),
            column(rel, "target").astype(np.int64),
            np.where(stated, year, 0),
            stated.astype(np.int64),
        ]
    )
    step = np.diff(keys, axis=1)
    # the first differing column of (source, type, target, year) must grow
    order_ok = np.ones(step.shape[1], dtype=bool)
    decided = np.zeros(step.shape[1], dtype=bool)
    for row in step[:4]:
        order_ok &= decided | (row >= 0)
        decided |= row != 0
    if not order_ok.all():
        raise ValueError("relations are not in canonical order")
    if (~step.any(axis=0)).any():
        raise ValueError("two relations share one key")


def _check_names(content: StoreFile) -> None:
    """The name table points at actors and names that exist."""
    names = content.names
    counts, owners = column(names, "owner_counts"), column(names, "owners")
    if len(counts) != len(names.names) or int(counts.sum(dtype=np.int64)) != len(owners):
        raise ValueError("names.owner_counts does not match names and owners")
    _within("names.owners", owners, 0, len(content.actors))
    if len(column(names, "word_names")) != len(names.words):
        raise ValueError("names.word_names does not match names.words")
    _within("names.word_names", column(names, "word_names"), 0, len(names.names))
