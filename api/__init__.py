"""Kizuna's faces: the FastAPI service and the `kizuna` command line."""
