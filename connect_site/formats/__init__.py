"""Dates and times as each language writes them: "Tuesday, March 3, 2026, 6:30 p.m." and
"mardi 3 mars 2026, 18 h 30" (FORMAT_MODULE_PATH)."""
