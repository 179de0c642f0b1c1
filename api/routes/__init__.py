"""The REST endpoints, one small module per resource."""

from __future__ import annotations

from api.routes import actors, analytics, documents, explorer, health, paths

__all__ = ["actors", "analytics", "documents", "explorer", "health", "paths"]
