"""Who publishes a document: a government's own release speaks for that government.

A press release of a ministry calls its minister "the Minister" and its country "we"; the
address of the page says whose it is. The hosts are patterns.yaml's `publishers` (a host
suffix to an actor id), matched on the document's `source:` line.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from loaders.catalogue import patterns

__all__ = ["publisher_of"]


def publisher_of(source: str | None) -> str | None:
    """The government that publishes a document at `source`, or None."""
    if not source:
        return None
    host = (urlsplit(source if "://" in source else f"//{source}").hostname or "").lower()
    publishers = patterns().publishers
    labels = host.split(".")
    for k in range(len(labels)):  # the longest suffix first
        suffix = ".".join(labels[k:])
        if suffix in publishers:
            return publishers[suffix]
    return None
