"""Two `make bench` results side by side, as a Markdown table: each route's requests per second,
its change, and its share of the static file's (the yardstick, since the machine's speed moves
from run to run), uncached and cached, with SQL queries.

    .venv/bin/python -m benchmarks.compare benchmarks/results/issue-19-before.json \\
        benchmarks/results/issue-19-after.json
"""

import argparse
import json
from pathlib import Path

STATIC = "static file (whitenoise)"
MODES = ("uncached", "cached")


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    return parser.parse_args()


def rates(data, mode):
    return {name: route["rps"] for name, route in data["modes"][mode]["routes"].items()}


def queries(data, name, mode):
    return data["routes"].get(name, {}).get(mode, {}).get("queries", "–")


def table(before, after):
    header = ["Route"] + [
        f"{mode} {column}"
        for mode in MODES
        for column in ("queries", "req/s", "change", "share of static")
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for name in after["routes"]:
        cells = [name]
        for mode in MODES:
            old, new = rates(before, mode), rates(after, mode)
            if name not in old:
                cells += [str(queries(after, name, mode)), f"{new[name]:,.0f}", "new", ""]
                continue
            change = 100 * (new[name] / old[name] - 1)
            share = (100 * old[name] / old[STATIC], 100 * new[name] / new[STATIC])
            cells += [
                f"{queries(before, name, mode)} → {queries(after, name, mode)}",
                f"{old[name]:,.0f} → {new[name]:,.0f}",
                f"{change:+.0f}%",
                f"{share[0]:.1f}% → {share[1]:.1f}%",
            ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    args = arguments()
    before, after = (json.loads(path.read_text()) for path in (args.before, args.after))
    print(
        f"Before: {before['when']}, {before.get('configuration', 'configuration not recorded')}, factor {before['factor']}"
    )
    print(f"After: {after['when']}, {after['configuration']}, factor {after['factor']}\n")
    print(table(before, after))


if __name__ == "__main__":
    main()
