"""Importing this module readies extraction in the importing process (see
`loaders.extraction_workers.warm`). The fork server of a parallel build imports it once, so
that every worker forked from it starts ready."""

from loaders.extraction_workers import warm

warm()
