"""One error hierarchy: every exception class that graph/, loaders/ and api/ define derives
from KizunaError, so the CLI's `output.fail` and the API's one handler meet them all."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import api
import graph
import loaders
from graph.errors import KizunaError


def _modules() -> list[str]:
    return sorted(
        info.name
        for package in (graph, loaders, api)
        for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}.")
    )


def test_every_exception_class_of_the_project_is_a_kizuna_error() -> None:
    outside = [
        f"{name}.{cls.__name__}"
        for name in _modules()
        for cls in vars(importlib.import_module(name)).values()
        if inspect.isclass(cls)
        and issubclass(cls, BaseException)
        and cls.__module__ == name
        and not issubclass(cls, KizunaError)
    ]
    assert outside == []
