"""The project's layout, read from the source: the shared app imports no domain app and nothing
imports the wiring, and no module imports itself round a cycle (issue 19)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = "cms"
WIRING = "connect_site"
DOMAIN_APPS = {"home", "programs", "resources", "contact", "partners", "accounts"}


def modules():
    """{dotted name: path} of every module of ours but migrations."""
    found = {}
    for app in {SHARED, WIRING} | DOMAIN_APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = modules()


def imported(module, node):
    """The dotted names an import statement in `module` reads: a module of ours where it names
    one, else the package it imports from."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package = module.split(".")
        if MODULES[module].name != "__init__.py":
            package = package[:-1]
        package = package[: len(package) - node.level + 1]
        base = ".".join([*package, base] if base else package)
    names = [f"{base}.{alias.name}" for alias in node.names]
    return [name if name in MODULES else base for name in names]


def imports(module, top_level_only):
    tree = ast.parse(MODULES[module].read_text())
    nodes = tree.body if top_level_only else ast.walk(tree)
    return [
        name
        for node in nodes
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in imported(module, node)
    ]


def app_of(name):
    return name.split(".")[0]


@pytest.mark.parametrize("module", sorted(name for name in MODULES if app_of(name) == SHARED))
def test_shared_code_imports_no_domain_app_and_not_the_wiring(module):
    assert not [name for name in imports(module, False) if app_of(name) in DOMAIN_APPS | {WIRING}]


@pytest.mark.parametrize("module", sorted(name for name in MODULES if app_of(name) in DOMAIN_APPS))
def test_domain_apps_do_not_import_the_wiring(module):
    assert not [name for name in imports(module, False) if app_of(name) == WIRING]


def cycle_from(start, graph):
    """A path of imports in `graph` ({module: modules it imports}) from `start` back to it, or None."""
    paths, seen = [[start]], set()
    while paths:
        path = paths.pop()
        for name in sorted(graph[path[-1]]):
            if name == start:
                return [*path, name]
            if name not in seen:
                seen.add(name)
                paths.append([*path, name])
    return None


def test_no_module_imports_itself_round_a_cycle():
    graph = {
        module: {name for name in imports(module, True) if name in MODULES and name != module}
        for module in MODULES
    }
    assert not [cycle for module in sorted(graph) if (cycle := cycle_from(module, graph))]


def test_the_layout_reader_sees_imports_and_cycles():
    assert "programs.models" in imports("programs.api", False)
    assert "cms.caching" in imports("programs.api", False)
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycle_from("a", graph) == ["a", "b", "c", "a"]
    assert cycle_from("d", graph) is None


@pytest.mark.parametrize("app", [SHARED, "programs", "resources", "contact", "partners"])
def test_every_template_of_a_plugin_app_is_under_its_own_name(app):
    """So that a host's templates and ours never stand in for each other (issue 31). Wagtail's
    admin templates are extended only by cms.branding, which a host chooses to install."""
    templates = ROOT / app / "templates"
    names = [path.relative_to(templates).parts for path in templates.rglob("*") if path.is_file()]
    # wagtail-modeladmin looks a model's list up as modeladmin/<app>/<model>/index.html.
    outside = [name for name in names if name[0] != app and name[:2] != ("modeladmin", app)]
    assert names and not outside
