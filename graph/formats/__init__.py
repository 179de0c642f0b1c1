"""Every way a graph is written out, in one place: the embedded store's file (`store_file`),
the user's exports as JSON, GraphML and CSV (`exports`), and the CSV files of
`neo4j-admin database import` for bulk loads (`neo4j_csv`).

Each is imported from its module, and this package imports none of them: the store file's
readers (the writer lock, the settings through it) do not pay for networkx."""
