"""Dates and times as each language writes them: "Tuesday, March 3, 2026, 6:30 p.m.",
"mardi 3 mars 2026, 18 h 30" and "الثلاثاء، 3 مارس 2026، 6:30 م" (FORMAT_MODULE_PATH); other
languages take Django's own formats."""
