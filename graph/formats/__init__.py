"""Every way a graph is written out, in one place: the embedded store's file (`store_file`),
the user's exports as JSON, GraphML and CSV (`exports`), and the CSV files of
`neo4j-admin database import` for bulk loads (`neo4j_csv`)."""

from __future__ import annotations

from graph.formats.exports import to_csv_tables, to_csv_zip, to_graphml, to_json, to_json_data
from graph.formats.neo4j_csv import write_import_csv
from graph.formats.store_file import store_bytes

__all__ = [
    "store_bytes",
    "to_csv_tables",
    "to_csv_zip",
    "to_graphml",
    "to_json",
    "to_json_data",
    "write_import_csv",
]
