"""Reading the extractor's YAML data files, with errors that name the file and the line.

A lexicon, gazetteer or pattern file that is empty, not YAML, or does not fit its model is
rejected here, when it is loaded and before anything is extracted or written, with the file
name and the line of the offending entry, so that whoever edits it knows where to look.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from graph.errors import DataFileError
from graph.files import file_problem
from graph.yaml_files import load_yaml

__all__ = [
    "DataFileError",
    "line_of",
    "load_data_file",
    "load_data_file_with_nodes",
    "read_data_file",
]

Model = TypeVar("Model", bound=BaseModel)


def line_of(node: yaml.Node | None, location: tuple[int | str, ...]) -> int | None:
    """The 1-based line of the YAML node at a pydantic error location (deepest node found)."""
    line = node.start_mark.line + 1 if node is not None else None
    for key in location:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
            node = node.value[key] if key < len(node.value) else None
        else:
            break
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def _line_of_value(node: yaml.Node | None, value: str) -> int | None:
    """The 1-based line of the first scalar equal to `value` in a node tree."""
    stack = [node]
    while stack:
        current = stack.pop(0)
        if isinstance(current, yaml.ScalarNode) and current.value == value:
            return int(current.start_mark.line) + 1
        if isinstance(current, yaml.MappingNode):
            stack.extend(n for pair in current.value for n in pair)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return None


def read_data_file(path: Path) -> tuple[object, yaml.Node]:
    """The parsed content of a YAML data file and its node tree (for line numbers); a key
    given twice in one mapping is refused with its line (`graph.yaml_files`)."""
    try:
        text = path.read_text(encoding="utf-8")
        data, node = load_yaml(text)
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read it ({file_problem(exc)})") from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(
            f"{path}: not UTF-8 text (invalid byte at offset {exc.start}); save it as UTF-8"
        ) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "somewhere"
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataFileError(f"{path}, {where}: not valid YAML ({problem}); fix it") from exc
    if node is None or data is None:
        raise DataFileError(f"{path}: the file is empty; it must define its entries")
    return data, node


def load_data_file(path: Path, model: type[Model]) -> Model:
    """`path` parsed and typed as `model`; a DataFileError with file and line otherwise."""
    return load_data_file_with_nodes(path, model)[0]


def load_data_file_with_nodes(path: Path, model: type[Model]) -> tuple[Model, yaml.Node]:
    """`path` typed as `model`, with its YAML node tree (to name lines of entries later)."""
    data, node = read_data_file(path)
    try:
        return model.model_validate(data), node
    except ValidationError as exc:
        error = exc.errors()[0]
        line = line_of(node, tuple(error["loc"]))
        named = re.search(r"'([^']+)'", str(error["msg"]))
        if named is not None:  # the offending key or value itself, when the message names it
            line = _line_of_value(node, named.group(1)) or line
        where = ".".join(str(p) for p in error["loc"]) or "top level"
        raise DataFileError(
            f"{path}, line {line}: {where}: {error['msg']}; fix this entry and build again"
        ) from exc
