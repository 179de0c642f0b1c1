"""Importing this module readies extraction in the importing process: the model, the
catalogue's recogniser and the compiled rules. The fork server of a parallel build
(`loaders.extraction_workers`) imports it once, so that every worker forked from it
starts ready."""

from loaders.extract import extract_document

extract_document("Japan and India signed a Memorandum of Cooperation in 2024.")
