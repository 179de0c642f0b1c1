"""Tests that must run on one pytest-xdist worker, one after another, and the scheduler that
keeps them together while it shares out the rest.

The tests that use the session's Neo4j database reload that one database, so two of them at
once would see each other's graphs: they form one group. The tests of a module that runs a
Neo4j server of its own (the bulk import's) form another. pytest-xdist's `--dist loadgroup`
would read `xdist_group` marks by renaming each test's node id, which pytest 9.2 no longer
allows (a node id is computed from the collection tree). So each worker writes the group of
every test it collected into a folder the controller names (`GROUPS_FOLDER`), and
`GroupScheduling`, which tests/conftest.py gives xdist, sends each group to one worker as one
unit, the largest first, and every other test on its own to whichever worker is free.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from xdist.scheduler import LoadScopeScheduling

__all__ = ["GROUPS_FOLDER", "GroupScheduling", "group_of", "record_groups"]

GROUPS_FOLDER = "KIZUNA_TEST_GROUPS"
"""The environment variable naming the folder the workers write their groups to."""


def group_of(item: pytest.Item, needs_neo4j: bool) -> str | None:
    """The group a test runs in (None: anywhere, on its own)."""
    if needs_neo4j:
        return "neo4j-database"
    if item.get_closest_marker("neo4j") is not None:  # a server of its own
        module = getattr(item, "module", None)
        return f"neo4j-{getattr(module, '__name__', item.nodeid.split('::')[0])}"
    return None


def record_groups(config: pytest.Config, groups: dict[str, str]) -> None:
    """In a worker: write the groups of the tests it collected (node id -> group)."""
    folder = os.environ.get(GROUPS_FOLDER)
    workerinput = getattr(config, "workerinput", None)
    if not folder or workerinput is None:
        return
    path = Path(folder) / f"{workerinput['workerid']}.json"
    path.write_text(json.dumps(groups, sort_keys=True), encoding="utf-8")


class GroupScheduling(LoadScopeScheduling):
    """xdist's scheduling by scope, where a scope is a test's group, or the test itself."""

    _groups: dict[str, str] | None = None

    def _split_scope(self, nodeid: str) -> str:
        if self._groups is None:  # asked once every worker has collected (and written)
            self._groups = {}
            folder = os.environ.get(GROUPS_FOLDER)
            for path in sorted(Path(folder).glob("*.json")) if folder else []:
                self._groups.update(json.loads(path.read_text(encoding="utf-8")))
        return self._groups.get(nodeid, nodeid)
