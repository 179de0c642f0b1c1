"""Exports of a graph: JSON (`{"nodes", "edges", "documents"}`), GraphML (networkx) and CSV.

Every format is deterministic: the same graph gives the same bytes on every run. Every piece
of evidence names its document's title and source, as the API's answers do.
JSON is `{"nodes": [...], "edges": [...], "documents": [...]}`, every edge of the graph given
with its date, rule and confidence (`kizuna export` leaves out, as the API does, the
relations below the configured floor, KIZUNA_MIN_CONFIDENCE, unless `--min-confidence` says
otherwise); CSV is two tables, nodes and edges (an edge row per piece of evidence), written
as a zip holding nodes.csv and edges.csv, or as two files `<stem>.nodes.csv` and
`<stem>.edges.csv`.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

import networkx as nx

from graph.model import Evidence, Graph

__all__ = ["to_csv_tables", "to_csv_zip", "to_graphml", "to_json", "to_json_data"]


def _cited(graph: Graph) -> dict[str, tuple[str | None, str | None]]:
    """Each document's title and source, by name: how every piece of evidence names its
    document, as the API's answers do."""
    return {d.name: (d.title, d.source) for d in graph.documents}


def _evidence(
    evidence: Evidence, cited: dict[str, tuple[str | None, str | None]]
) -> dict[str, Any]:
    title, source = cited.get(evidence.doc, (None, None))
    return {
        "doc": evidence.doc,
        "quote": evidence.quote,
        "start": evidence.start,
        "end": evidence.end,
        "title": title,
        "source": source,
    }


def to_json_data(graph: Graph) -> dict[str, list[dict[str, Any]]]:
    graph = graph.normalised()
    cited = _cited(graph)
    nodes = [
        {
            "id": a.id,
            "name": a.name,
            "type": a.type,
            "aliases": a.aliases,
            "identifiers": a.identifiers,
            "documents": a.documents,
            "discovered": a.discovered,
        }
        for a in graph.actors
    ]
    edges = [
        {
            "source": r.source,
            "target": r.target,
            "type": r.type,
            "year": r.year,
            "date": r.date,
            "date_precision": r.date_precision,
            "date_source": r.date_source,
            "rule": r.rule,
            "confidence": r.confidence,
            "key": r.key,
            "curated": r.curated,
            "evidence": [_evidence(e, cited) for e in r.evidence],
        }
        for r in graph.relations
    ]
    documents = [
        {"name": d.name, "title": d.title, "source": d.source, "date": d.date}
        for d in graph.documents
    ]
    return {"nodes": nodes, "edges": edges, "documents": documents}


def to_json(graph: Graph) -> bytes:
    return (json.dumps(to_json_data(graph), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_graphml(graph: Graph) -> bytes:
    graph = graph.normalised()
    cited = _cited(graph)
    g = nx.MultiDiGraph()
    for a in graph.actors:
        g.add_node(
            a.id,
            name=a.name,
            type=a.type,
            aliases="|".join(a.aliases),
            documents="|".join(a.documents),
            discovered=a.discovered,
            **{f"id_{k}": v for k, v in a.identifiers.items()},
        )
    for r in graph.relations:
        attrs: dict[str, Any] = {
            "type": r.type,
            "curated": r.curated,
            "rule": r.rule,
            "confidence": r.confidence,
        }
        if r.year is not None:
            attrs["year"] = r.year
        if r.date is not None:
            attrs["date"] = r.date
        attrs["evidence"] = json.dumps(
            [_evidence(e, cited) for e in r.evidence], ensure_ascii=False, sort_keys=True
        )
        g.add_edge(r.source, r.target, key=r.key, **attrs)
    buffer = io.BytesIO()
    nx.write_graphml(g, buffer, encoding="utf-8")
    return buffer.getvalue()


def to_csv_tables(graph: Graph) -> tuple[bytes, bytes]:
    """(nodes.csv, edges.csv); an edge row per piece of evidence, so every quote is kept."""
    data = to_json_data(graph)
    nodes = io.StringIO()
    writer = csv.writer(nodes, lineterminator="\n")
    writer.writerow(["id", "name", "type", "aliases", "wikidata", "documents", "discovered"])
    for n in data["nodes"]:
        writer.writerow([
            n["id"], n["name"], n["type"], "|".join(n["aliases"]),
            n["identifiers"].get("wikidata", ""), "|".join(n["documents"]), n["discovered"],
        ])  # fmt: skip
    edges = io.StringIO()
    writer = csv.writer(edges, lineterminator="\n")
    writer.writerow([
        "source", "target", "type", "year", "curated", "doc", "start", "end", "quote",
        "doc_title", "doc_source",
    ])  # fmt: skip
    no_evidence = {"doc": "", "start": "", "end": "", "quote": "", "title": "", "source": ""}
    for e in data["edges"]:
        year = "" if e["year"] is None else e["year"]
        for ev in e["evidence"] or [no_evidence]:
            writer.writerow([
                e["source"], e["target"], e["type"], year, e["curated"],
                ev["doc"], ev["start"], ev["end"], ev["quote"],
                ev["title"] or "", ev["source"] or "",
            ])  # fmt: skip
    return nodes.getvalue().encode("utf-8"), edges.getvalue().encode("utf-8")


def to_csv_zip(graph: Graph) -> bytes:
    nodes, edges = to_csv_tables(graph)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in (("nodes.csv", nodes), ("edges.csv", edges)):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return buffer.getvalue()
