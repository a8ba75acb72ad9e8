"""Browser tests: Debian's Chromium, driven by Playwright, against pytest-django's live server.

scripts/test_with_services.sh installs Chromium (Debian's package) and axe-core (npm, pinned in
tests/browser/package.json); without them these tests are skipped with the reason.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from pytest_django.live_server_helper import LiveServer

# Playwright's sync API runs an event loop in the test's thread; the test itself still talks to the
# database synchronously (to set up and check rows), which Django refuses inside a loop unless told.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE_SCRIPT = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "images"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(items):
    missing = [
        reason
        for reason, ok in (
            ("Chromium is not installed", os.path.exists(CHROMIUM)),
            ("axe-core is not installed (npm ci --prefix tests/browser)", AXE_SCRIPT.exists()),
        )
        if not ok
    ]
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)
            if missing:
                item.add_marker(pytest.mark.skip(reason="; ".join(missing)))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # The site's Content-Security-Policy forbids inline scripts, which is how axe-core is loaded.
    return {**browser_context_args, "bypass_csp": True, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def site(live_server, transactional_db, settings):
    """The seeded CONNECT site on a live server; returns its base URL."""
    call_command("load_seed_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    return live_server.url


@pytest.fixture(scope="package")
def public_site(django_db_setup, django_db_blocker):
    """The seeded site with example programs on a live server of its own, shared by the tests that
    only look at public pages (seeding once instead of once a test); returns its base URL.

    Tests using it must not change the database, nor ask for `live_server` or `db`: those would
    empty the shared site. pytest-django runs such database-less tests last, and the site is
    emptied again once they are done, as `transactional_db` does.
    """
    with django_db_blocker.unblock():
        for command in ("load_seed_content", "load_example_programs"):
            call_command(command, stdout=open(os.devnull, "w"))  # noqa: SIM115
        server = LiveServer("localhost")
        yield server.url
        server.stop()
        call_command("flush", interactive=False, verbosity=0)


def axe_violations(page):
    """WCAG 2.2 A/AA violations axe-core finds on the page as it is now, in a readable form."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(node["target"][0] for node in v["nodes"][:5])
        for v in results["violations"]
    ]


def screenshot(page, name):
    """Save a screenshot for docs/editor-guide.md (docs/images/<name>.png)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
