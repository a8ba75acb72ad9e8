"""Every public page type is valid HTML: no errors from the W3C Nu HTML Checker (vnu.jar).

scripts/test_with_services.sh installs the checker from npm (pinned in tests/html_checker/); it
runs on the machine's Java. Without either, the test is skipped and says which is missing.
"""

import io
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import RequestFactory, override_settings

from tests.browser.public_pages import PUBLIC_PAGES
from tests.contact.factories import human

pytestmark = pytest.mark.django_db
JAVA = shutil.which("java")
CHECKER = Path(__file__).parent / "html_checker/node_modules/vnu-jar/build/dist/vnu.jar"
MISSING = [
    reason
    for reason, ok in (
        ("Java is not installed", JAVA),
        ("vnu.jar is not installed (npm ci --prefix tests/html_checker)", CHECKER.exists()),
    )
    if not ok
]
SIGNUP = {"email": "robin@example.org", "consent": "on"}


@pytest.fixture
def seeded_site(db, settings):
    """The seeded site with the example programs and events, as the browser tests see it."""
    for command in ("load_seed_content", "load_example_programs"):
        call_command(command, stdout=io.StringIO())
    settings.PEER_SUPPORT_FORM_MINIMUM_SECONDS = 0


def public_page_html(client, public_page):
    """The page as a visitor gets it; a form page after sending it empty, with its errors shown."""
    if public_page.served_by:
        response = public_page.served_by(RequestFactory().get(public_page.path))
    elif public_page.status == 429:
        with override_settings(PEER_SUPPORT_FORM_RATE_LIMIT="0/h"):
            response = client.post(public_page.path, human({}))
    elif public_page.submit_empty_form:
        response = client.post(public_page.path, human({}))
        assert b'class="form-alert"' in response.content
    else:
        response = client.get(public_page.path)
    assert response.status_code == public_page.status, public_page.path
    return response.content


def newsletter_action_pages(client):
    """The pages behind the links of the newsletter's emails: confirm, then unsubscribe."""
    client.post("/en/newsletter/", human(SIGNUP))
    confirm = local(re.search(r"\S+/confirm/\?token=\S+", mail.outbox[-1].body)[0])
    pages = {"newsletter-confirm": client.get(confirm)}
    pages["newsletter-confirmed"] = confirmed = client.post(confirm)
    pages["newsletter-unsubscribe"] = client.get(local(confirmed.context["unsubscribe_link"]))
    for response in pages.values():
        assert response.status_code == 200
    return {name: response.content for name, response in pages.items()}


def local(link):
    """A link of an email (to the seeded site's address) as a path the test client asks for."""
    parts = urlsplit(link)
    return f"{parts.path}?{parts.query}"


@pytest.mark.skipif(bool(MISSING), reason="; ".join(MISSING))
def test_every_public_page_type_is_valid_html(client, seeded_site, tmp_path):
    pages = {name: public_page_html(client, page) for name, page in PUBLIC_PAGES.items()}
    pages.update(newsletter_action_pages(client))
    for name, html in pages.items():
        (tmp_path / f"{name}.html").write_bytes(html)
    # One Java start for every page: the checker takes several files at once.
    checked = subprocess.run(  # noqa: S603 (our own arguments, no shell)
        [
            JAVA,
            "-jar",
            str(CHECKER),
            "--errors-only",
            "--format",
            "gnu",
            *sorted(tmp_path.iterdir()),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert checked.returncode == 0, checked.stderr.replace(f"{tmp_path}/", "")
