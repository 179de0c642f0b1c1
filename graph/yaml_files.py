"""YAML read strictly: a key given twice in one mapping is an error with its line.

PyYAML keeps the last of two equal keys and drops the first without a word, so a curation
file with two `actors:` blocks silently lost its first one. Every YAML file Kizuna reads (the
curation file, the extractor's data files, the domain schema) goes through `load_yaml`, which
refuses that, and parses the text once for both the data and the node tree that error
messages take their line numbers from.
"""

from __future__ import annotations

from collections.abc import Hashable

import yaml
from yaml.constructor import ConstructorError

__all__ = ["load_yaml"]


class _UniqueKeyLoader(yaml.SafeLoader):
    """The safe loader, refusing a key that a mapping states twice (merge keys `<<` aside)."""

    def construct_mapping(
        self, node: yaml.MappingNode, deep: bool = False
    ) -> dict[Hashable, object]:
        first: dict[object, int] = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, Hashable):
                continue  # the base class reports an unhashable key
            line = key_node.start_mark.line + 1
            if key in first:
                raise ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    f"the key {key!r} is given twice (first on line {first[key]}, again on "
                    f"line {line}); keep one",
                    key_node.start_mark,
                )
            first[key] = line
        return super().construct_mapping(node, deep=deep)


def load_yaml(text: str) -> tuple[object, yaml.Node | None]:
    """The data of a YAML document and its node tree (None for an empty document).

    Raises yaml.YAMLError (a MarkedYAMLError with the line for a duplicated key, as for a
    syntax error)."""
    loader = _UniqueKeyLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node
