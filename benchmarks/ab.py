"""Two checkouts of the site measured in turns, route by route: which is faster, robust to the
machine's own speed moving during a run (on a shared machine it moves by a fifth within minutes,
more than most changes a `make bench` before and after would show).

    git worktree add /tmp/before <commit> && ln -s "$PWD/.venv" /tmp/before/.venv
    .venv/bin/python -m benchmarks.ab /tmp/before --output benchmarks/results/ab.json
    scripts/bench_with_services.sh ab /tmp/before --output benchmarks/results/ab-production.json

Each checkout builds its own site with its own `benchmarks.site` (or reuses one, `--sites`) and is
served by its own gunicorn, as `make bench` serves it. Run by scripts/bench_with_services.sh, each
side has its own PostgreSQL database and Redis database on the servers that script started (a site
folder given with `--sites` is then rebuilt, as those servers are new). For each mode (page cache
off, then on) and each round, every route is loaded with wrk on one checkout, then the other, in
alternating order; the table gives each side's median requests per second and the median of the
rounds' ratios.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import load

HERE = Path(__file__).resolve().parent.parent

# Run inside each checkout, with its own code: its settings, its site, its routes.
SETUP = """
import json, os, sys
from pathlib import Path
from benchmarks import site
workdir, cached, port, factor = Path(sys.argv[1]), sys.argv[2] == "1", int(sys.argv[3]), int(sys.argv[4])
services = json.loads(os.environ["AB_SERVICES"])
served = {**site.environment(workdir, port, cached), **services}
os.environ.update({**site.environment(workdir, 0, cached=False), **services})
import django
django.setup()
if not (workdir / "built").exists():
    site.build(factor)
    (workdir / "built").touch()
print("SETUP " + json.dumps({"env": served, "routes": site.routes()}))
"""


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="the other checkout, with its .venv")
    parser.add_argument("--factor", type=int, default=int(os.environ.get("FACTOR", "1000")))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--sites", type=Path, nargs=2, help="site folders to build or reuse")
    parser.add_argument("--routes", nargs="+", help="only these routes (names as in the table)")
    parser.add_argument("--output", type=Path)
    return parser.parse_args()


def services(side):
    """The side's own database and cache on the servers bench_with_services.sh started, if any.

    Set as DATABASE_URL and CACHE_URL, which every checkout's settings read, rather than as
    BENCH_*, which older checkouts' `benchmarks.site` does not know.
    """
    database, cache = os.environ.get("BENCH_DATABASE_URL"), os.environ.get("BENCH_CACHE_URL")
    if not (database and cache):
        return {}
    import psycopg

    server, name = database.rsplit("/", 1)
    with psycopg.connect(database, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [f"{name}_{side}"]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}_{side}"')
    number = {"before": 1, "after": 2}[side]
    return {
        "DATABASE_URL": f"{server}/{name}_{side}",
        "CACHE_URL": f"{cache.rsplit('/', 1)[0]}/{number}",
    }


def setup(tree, workdir, cached, factor, side):
    """(gunicorn's environment, routes) of the checkout `tree`, its site built in `workdir`."""
    workdir.mkdir(parents=True, exist_ok=True)
    output = subprocess.run(  # noqa: S603
        [".venv/bin/python", "-c", SETUP, str(workdir), "1" if cached else "0"]
        + [str(load.free_port()), str(factor)],
        cwd=tree,
        env={**os.environ, "AB_SERVICES": json.dumps(services(side))},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("SETUP "))
    found = json.loads(line.removeprefix("SETUP "))
    return found["env"], [tuple(route) for route in found["routes"]]


def serve(tree, env, log_path):
    server = subprocess.Popen(  # noqa: S603
        [".venv/bin/gunicorn", "--config", "gunicorn.conf.py", env_wsgi(env)],
        cwd=tree,
        env=env,
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://{env['GUNICORN_BIND']}"
    for _ in range(300):
        if load_ok(base):
            return server, base
        time.sleep(0.1)
    server.terminate()
    raise RuntimeError(f"gunicorn did not start; see {log_path}")


def env_wsgi(env):
    """The WSGI module next to the checkout's settings (the project package moved over time)."""
    return env["DJANGO_SETTINGS_MODULE"].split(".settings")[0] + ".wsgi"


def load_ok(base):
    try:
        load.fetch(base + "/")
        return True
    except OSError:
        return False


def measure(trees, sites, cached, args):
    """{route: {side: [rps per round]}} with both checkouts served at once, loaded in turns."""
    sides = {}
    for name, tree in trees.items():
        env, routes = setup(tree, sites[name], cached, args.factor, name)
        sides[name] = {"env": env, "routes": dict(routes)}
    servers = {}
    try:
        for name, tree in trees.items():
            log = sites[name] / f"gunicorn-{'cached' if cached else 'uncached'}.log"
            servers[name] = serve(tree, sides[name]["env"], log)
        common = [
            route
            for route in sides["after"]["routes"]
            if route in sides["before"]["routes"] and (not args.routes or route in args.routes)
        ]
        rates = {route: {"before": [], "after": []} for route in common}
        for number in range(args.rounds):
            order = ["before", "after"] if number % 2 == 0 else ["after", "before"]
            for route in common:
                for name in order:
                    url = servers[name][1] + sides[name]["routes"][route]
                    load.fetch(url)
                    rates[route][name].append(load.wrk(url, args.seconds, args.connections)["rps"])
        return rates
    finally:
        for server, _ in servers.values():
            load.stop(server)


def summary(rates):
    rows = {}
    for route, sides in rates.items():
        ratios = [a / b for a, b in zip(sides["after"], sides["before"], strict=True)]
        rows[route] = {
            "before": statistics.median(sides["before"]),
            "after": statistics.median(sides["after"]),
            "change": statistics.median(ratios) - 1,
            "rounds": sides,
        }
    return rows


def table(results):
    lines = [
        "| Route | Uncached req/s before → after | Change | Cached req/s before → after | Change |",
        "| --- | --- | --- | --- | --- |",
    ]
    for route in results["uncached"]:
        cells = [route]
        for mode in ("uncached", "cached"):
            row = results[mode].get(route)
            cells += (
                [f"{row['before']:,.0f} → {row['after']:,.0f}", f"{100 * row['change']:+.0f}%"]
                if row
                else ["", ""]
            )
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    args = arguments()
    trees = {"before": args.before.resolve(), "after": HERE}
    folder = Path(tempfile.mkdtemp(prefix="cms-ab-"))
    sites = dict(zip(trees, args.sites or (folder / "before", folder / "after"), strict=True))
    production = bool(services("after"))
    if production:
        for workdir in sites.values():
            (workdir / "built").unlink(missing_ok=True)
    results = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "factor": args.factor,
        "configuration": "postgresql, redis" if production else "sqlite, local memory",
    }
    for mode, cached in (("uncached", False), ("cached", True)):
        results[mode] = summary(measure(trees, sites, cached, args))
        print(f"{mode}: done", file=sys.stderr, flush=True)
    print(table(results))
    if args.output:
        args.output.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
