"""Load benchmarks for the public site and API: `make bench` (see README.md here)."""
