"""The API's contract tried as its users would: clients generated from the live /api/v3/openapi.json
by @hey-api/openapi-ts and openapi-python-client, a small consumer in each language type-checked
strictly (tsc --strict, mypy --strict), then run against a live server.

The npm tools are pinned in package.json / package-lock.json here and installed with `npm ci` on
first use; the Python ones in requirements-dev.txt. Each client is generated once per run.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test import override_settings
from pytest_django.live_server_helper import LiveServer
from wagtail.contrib.forms.models import FormSubmission

from home.models import ContentPage
from tests.cms.factories import SiteSettingsFactory
from tests.contact.factories import inquiry_form
from tests.home.factories import ContentPageFactory, home_page_as_site_root
from tests.programs.factories import EventFactory
from tests.resources.factories import ResourceFactory

# Each test reads the module's site through its live server, inside the site's transaction.
pytestmark = pytest.mark.django_db

HERE = Path(__file__).parent
BIN = Path(sys.executable).parent
NPX = HERE / "node_modules" / ".bin"
BODY_BLOCKS = list(ContentPage.body.field.stream_block.child_blocks)


def run(*command, cwd=HERE, **env):
    """Run a tool; fail the test with its output if it fails."""
    result = subprocess.run(  # noqa: S603 (pinned tools, our own arguments)
        [str(part) for part in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", **env},
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"{' '.join(map(str, command))} failed:\n{output}"
    return output


@pytest.fixture(scope="module")
def npm_tools():
    """The pinned npm packages, installed from the lock file unless they already are."""
    if (NPX / "openapi-ts").exists() and (NPX / "tsc").exists():
        return
    npm = shutil.which("npm")
    result = npm and subprocess.run(  # noqa: S603 (npm, our own arguments)
        [npm, "ci", "--no-audit", "--no-fund", "--silent"],
        cwd=HERE,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if not result or result.returncode:
        reason = result.stderr[-500:] if result else "npm is not installed"
        pytest.skip(f"The client generator could not be installed from npm: {reason}")


@pytest.fixture(autouse=True)
def isolated_media():
    """Left alone: the module's site keeps its own media folder for all of its tests."""


@pytest.fixture(scope="module")
def contract_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """A live server holding a content page with every block, an event, resources, settings and
    a form page.

    The server's thread shares the in-memory SQLite connection, so it sees this transaction's
    rows, rolled back after the module's tests.
    """
    if not (connection.vendor == "sqlite" and connection.is_in_memory_db()):
        pytest.skip("The contract tests share the test database in memory: they run on SQLite.")
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with django_db_blocker.unblock(), transaction.atomic(), media:
        home = home_page_as_site_root(slug="home-page")
        SiteSettingsFactory(site=home.get_site(), organisation_name="CONNECT for Mental Health")
        blocks = {f"body__{i}": name for i, name in enumerate(BODY_BLOCKS)}
        page = ContentPageFactory(parent=home, title="About peer support", **blocks)
        event = EventFactory(title="Peer support group")
        resources = [ResourceFactory(name=name) for name in ("Distress Centre", "Safe Haven")]
        form = inquiry_form(home, title="Inquire", slug="inquire")
        server = LiveServer("localhost")
        yield {
            "url": server.url,
            "page": page,
            "form": form,
            "event": event,
            "resources": resources,
        }
        server.stop()
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def typescript_client(npm_tools, contract_site):
    """The TypeScript client generated into generated/, and the generator's output."""
    shutil.rmtree(HERE / "generated", ignore_errors=True)
    document = f"{contract_site['url']}/api/v3/openapi.json"
    return run(NPX / "openapi-ts", "--input", document, "--output", "generated")


@pytest.fixture(scope="module")
def python_client(contract_site, tmp_path_factory):
    """The folder holding the generated Python package (wagtail_api) and the consumer."""
    folder = tmp_path_factory.mktemp("python-client")
    output = run(
        BIN / "openapi-python-client",
        "generate",
        "--url",
        f"{contract_site['url']}/api/v3/openapi.json",
        "--output-path",
        folder / "wagtail_api",
        "--meta",
        "none",
        "--config",
        HERE / "openapi-python-client.yaml",
    )
    shutil.copy(HERE / "consumer.py", folder)
    return folder, output


def assert_no_warnings(output):
    assert "warn" not in output.lower(), output


def assert_read_the_site(result, site):
    assert result["page"] == "About peer support"
    assert [block.split(":")[0] for block in result["blocks"]] == BODY_BLOCKS
    assert result["events"][0].startswith("Peer support group ")
    assert result["event_count"] == 1
    assert result["resources"] == ["Distress Centre", "Safe Haven"]
    assert result["organisation"] == "CONNECT for Mental Health"
    assert result["not_found"] == 404
    assert result["form_fields"] == ["your_name", "email", "message"]
    assert len(result["form_receipt"]) == 32
    assert result["form_refused"] == [400, ["Veuillez répondre à cette question."] * 3]
    stored = FormSubmission.objects.filter(page=site["form"]).latest("submit_time").form_data
    assert stored == {
        "your_name": "My answer to Your name",
        "email": "sam@example.org",
        "message": "My answer to Message",
    }


def test_typescript_client_generates_without_warnings(typescript_client):
    assert "Done" in typescript_client
    assert_no_warnings(typescript_client)


def test_typescript_consumer_type_checks_strictly_and_reads_the_site(
    typescript_client, contract_site
):
    run(NPX / "tsc", "--project", "tsconfig.json")

    site = contract_site
    output = run("node", "build/consumer.js", site["url"], site["page"].pk, site["form"].pk)

    result = json.loads(output)
    assert_read_the_site(result, contract_site)
    assert result["newer_block"] == "skipped added_later"


def test_python_client_generates_without_warnings(python_client):
    _folder, output = python_client

    assert_no_warnings(output)


def test_python_consumer_type_checks_strictly_and_reads_the_site(python_client, contract_site):
    folder, _output = python_client
    run(
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--cache-dir",
        folder / ".mypy",
        "consumer.py",
        cwd=folder,
    )

    site = contract_site
    output = run(
        sys.executable, "consumer.py", site["url"], site["page"].pk, site["form"].pk, cwd=folder
    )

    result = json.loads(output)
    assert_read_the_site(result, contract_site)
    assert result["blocks_kept_beside_a_newer_one"] == len(BODY_BLOCKS)
