"""Benchmark: how fast this Neo4j server creates relationships over Bolt, with nothing else.

The floor under any Bolt load, Kizuna's included: it creates `--nodes` bare nodes, then
`--relationships` relationships between random pairs of them, found by element id, in
transactions of `--batch-size` rows from one session, first without any property and then
with properties shaped like a Kizuna relation's (a key, a year, a rule, a confidence and one
piece of evidence as four lists). It prints relationships per second for each, and deletes
what it made. Run it against a private server, as bench.neo4j_load says:

    NEO4J_URI=bolt://127.0.0.1:7688 .venv/bin/python -m bench.neo4j_floor
"""

from __future__ import annotations

import argparse
import random
import time
from typing import Any

import neo4j

from api.settings import Settings
from bench.synthetic_graph import load_average

__all__ = ["main"]

_MAKE_NODES = "UNWIND range(1, $count) AS i CREATE (n:FloorProbe {i: i}) RETURN elementId(n) AS e"
_BARE = """
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.a
MATCH (b) WHERE elementId(b) = row.b
CREATE (a)-[:FLOOR_PROBE]->(b)
"""
_WITH_PROPERTIES = """
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.a
MATCH (b) WHERE elementId(b) = row.b
CREATE (a)-[r:FLOOR_PROBE]->(b)
SET r = row.props
"""
_CLEAN = """
MATCH (n:FloorProbe)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS
"""


def _props(i: int) -> dict[str, Any]:
    return {
        "key": f"probe:{i}|FUNDS|probe:{i + 1}|2020",
        "year": 2020,
        "rule": "probe",
        "confidence": 1.0,
        "evidence_docs": ["probe.txt"],
        "evidence_quotes": [f"Probe {i} funds probe {i + 1} in 2020."],
        "evidence_starts": [i],
        "evidence_ends": [i + 36],
    }


def _rate(session: neo4j.Session, statement: str, rows: list[dict[str, Any]], batch: int) -> float:
    began = time.perf_counter()
    for start in range(0, len(rows), batch):
        chunk = rows[start : start + batch]
        session.execute_write(lambda tx, c: tx.run(statement, rows=c).consume(), chunk)
    return len(rows) / (time.perf_counter() - began)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--relationships", type=int, default=200_000)
    parser.add_argument("--batch-size", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=3)
    options = parser.parse_args(argv)
    rng = random.Random(options.seed)
    with Settings().neo4j_driver() as driver, driver.session() as session:
        session.run(_CLEAN).consume()
        elements = [r["e"] for r in session.run(_MAKE_NODES, count=options.nodes)]
        pairs = [(rng.choice(elements), rng.choice(elements)) for _ in range(options.relationships)]
        bare = [{"a": a, "b": b} for a, b in pairs]
        shaped = [{"a": a, "b": b, "props": _props(i)} for i, (a, b) in enumerate(pairs)]
        try:
            for label, statement, rows in (
                ("without properties", _BARE, bare),
                ("with a relation's properties", _WITH_PROPERTIES, shaped),
            ):
                rate = _rate(session, statement, rows, options.batch_size)
                print(f"{label:30} {rate:10,.0f} relationships/s ({load_average()})", flush=True)
        finally:
            session.run(_CLEAN).consume()


if __name__ == "__main__":
    main()
