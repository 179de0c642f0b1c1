"""Benchmarks: scripts that print figures (speed never goes into timed tests)."""
