"""Browser tests: Debian's Chromium, driven by Playwright, against pytest-django's live server.

scripts/test_with_services.sh installs Chromium (Debian's package) and axe-core (npm, pinned in
tests/browser/package.json); without them these tests are skipped with the reason.
"""

import io
import os
import re
import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from accounts.two_step import must_use_two_step
from tests.accounts.factories import TOTPDeviceFactory, current_code

# Playwright's sync API runs an event loop in the test's thread; the test itself still talks to the
# database synchronously (to set up and check rows), which Django refuses inside a loop unless told.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE_SCRIPT = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "images"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_itemcollected(item):
    # Marked as each is collected, so that `-m "not browser"` (the PostgreSQL pass) leaves them out.
    item.add_marker(pytest.mark.browser)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    # Last of all: each browser test empties the database when it ends (Wagtail's default locale and
    # root page too), so no other test may come after one. pytest-django puts such tests after the
    # others that use the database, but pytest then moves every test that uses Playwright's
    # fixtures next to each other, wherever the first one is.
    items.sort(key=lambda item: "tests/browser/" in str(item.path))
    missing = [
        reason
        for reason, ok in (
            ("Chromium is not installed", os.path.exists(CHROMIUM)),
            ("axe-core is not installed (npm ci --prefix tests/browser)", AXE_SCRIPT.exists()),
        )
        if not ok
    ]
    for item in items:
        if missing and "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.skip(reason="; ".join(missing)))


@pytest.fixture(scope="session")
def serialized_test_databases(django_db_setup):
    """What each test database held after its migrations, as transactional tests restore it."""
    return {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


@pytest.fixture(scope="session")
def playwright(serialized_test_databases, playwright):
    """Playwright, with the test databases' contents kept for the tests that run after it.

    Its event loop stays running in this thread, so Django then opens new connection objects
    (asgiref keeps them per context): without this, they would not know those contents, and
    later transactional tests with serialized_rollback would start from an empty database.
    """
    for alias, contents in serialized_test_databases.items():
        connections[alias]._test_serialized_contents = contents
    return playwright


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


@pytest.fixture(scope="session")
def migrated_data(serialized_test_databases, django_db_blocker):
    """What the data migrations made (Wagtail's root page, the volunteer groups), serialized.

    Browser tests run last, after transactional tests have emptied the database, so this is what
    Django serialized when it created the test database (the `site` fixture asks it to); when no
    test asked, nothing has emptied the database yet.
    """
    if DEFAULT_DB_ALIAS in serialized_test_databases:
        return serialized_test_databases[DEFAULT_DB_ALIAS]
    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


def restore_migrated_data(migrated_data):
    """Empty the database, then put back what the migrations made."""
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connection.creation.deserialize_db_from_string(migrated_data)


@pytest.fixture
def site(live_server, transactional_db, django_db_serialized_rollback, migrated_data, settings):
    """The seeded CONNECT site on a live server; returns its base URL.

    Each test empties the database when it ends, so each starts afresh from what the migrations
    made. (pytest-django's serialized rollback cannot do it: once Playwright's event loop runs,
    Django hands the test a new connection object, without the serialized data.)
    """
    restore_migrated_data(migrated_data)
    call_command("load_seed_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    # Wagtail 8 autosaves new snippets while they are typed in; a click on "Save" during an autosave
    # can make a second copy, so the tests save only when the volunteer says so.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    return live_server.url


@pytest.fixture(scope="module")
def shared_public_site(django_db_blocker, migrated_data):
    """The seeded site with example programs on a live server of its own, built once for a module's
    tests of public pages; everything is rolled back after them, before any transactional test.

    This works because the test database is SQLite in memory, whose one connection the server's
    thread shares: it sees the rows of this transaction (browser tests are not run on PostgreSQL).
    """
    if not (connection.vendor == "sqlite" and connection.is_in_memory_db()):
        pytest.skip("The shared site needs the test database in memory (SQLite).")
    with django_db_blocker.unblock(), transaction.atomic():
        restore_migrated_data(migrated_data)
        for command in ("load_seed_content", "load_example_programs"):
            call_command(command, stdout=open(os.devnull, "w"))  # noqa: SIM115
        server = LiveServer("localhost")
        yield server.url
        server.stop()
        transaction.set_rollback(True)


@pytest.fixture
def public_site(shared_public_site, db):
    """The shared seeded site's base URL; whatever a test changes is rolled back after it."""
    return shared_public_site


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


def screenshot(page, name, full_page=False):
    """Save a screenshot for the docs (docs/images/<name>.png)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # A 64-colour palette keeps admin screenshots sharp at about a third of the size.
    png = page.screenshot(animations="disabled", full_page=full_page)
    image = Image.open(io.BytesIO(png)).quantize(colors=64)
    image.save(SCREENSHOTS / f"{name}.png", optimize=True)


PASSWORD = "volunteer-password"


@pytest.fixture
def volunteer(django_user_model):
    """Make a volunteer in one of the groups the data migrations create: volunteer("Editors").

    One whose role needs two-step sign-in has an authenticator app already, unless with_app=False.
    """

    def make(group_name, with_app=True):
        username = group_name.lower().replace(" ", "-")
        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", PASSWORD, first_name=group_name.rstrip("s")
        )
        user.groups.add(Group.objects.get(name=group_name))
        if with_app and must_use_two_step(user):
            TOTPDeviceFactory(user=user)
        return user

    return make


def log_in(page, site, user):
    """Sign in to the admin through its login form, as a volunteer would, code and all."""
    page.goto(f"{site}/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    app = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if app:
        expect(page.get_by_role("heading", name="Type your code")).to_be_visible()
        field(page, "Code").fill(current_code(app))
        page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def field(page, label):
    """The admin's text box with this label (a required one's label ends in *)."""
    return page.get_by_role("textbox", name=re.compile(rf"^{re.escape(label)}\*?$"))


def type_rich_text(textbox, text):
    """Replace a rich text editor's text, as a volunteer does, and wait until the form has it:
    Draftail copies its text into the form 250 ms after the last change (stateSaveInterval), so a
    form sent sooner saves the old text."""
    textbox.fill(text)
    textbox.page.wait_for_timeout(1000)


def admin_menu(page):
    """The admin's sidebar menu (not the breadcrumb trail, which can hold the same names)."""
    return page.get_by_role("navigation", name="Main menu")
