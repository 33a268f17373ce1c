"""Benchmarks: commands that print figures (``python -m bench.NAME``), and the graph generator they share."""
