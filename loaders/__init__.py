"""Loaders: turn documents into a graph of actors and relations, each with its evidence.

read (documents) -> segment (text) -> recognise actors (recognise) -> extract relations
(relations, tables) -> per-document results (extract, cached by content hash in cache) ->
merge -> curation -> a Graph. `build` (pipeline) runs it all.
"""
