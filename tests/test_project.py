"""Project-wide checks: migrations are complete and every static asset a page uses exists."""

import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import override_settings

from connect_site.management.commands import create_local_admin
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def test_no_model_change_lacks_a_migration():
    call_command("makemigrations", "--check", "--dry-run", stdout=io.StringIO())


def test_pages_and_api_docs_render_with_collected_manifest_static_files(
    tmp_path, client, home_page
):
    """As in production: collectstatic once, then a missing asset would make rendering fail."""
    manifest = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STORAGES=manifest, STATIC_ROOT=tmp_path, DEBUG=False):
        call_command("collectstatic", "--noinput", verbosity=0)
        page = ContentPageFactory(parent=home_page, body__0="paragraph")
        page.save_revision().publish()
        for url in ("/en/", page.url, "/en/no-such-page/", "/api/v3/docs/"):
            response = client.get(url)
            assert response.status_code in (200, 404), url
            assert "/static/" in response.content.decode()
        css = client.get("/en/").content.decode().split('rel="stylesheet" href="')[1].split('"')[0]
    assert css.startswith("/static/cms/site.") and css != "/static/cms/site.css"  # hashed
    assert (tmp_path / css.removeprefix("/static/")).exists()
    assert (tmp_path / "ninja" / "swagger-ui-bundle.js").exists()
    assert list(tmp_path.glob("cms/site.*.css.gz"))  # compressed copies for whitenoise


def test_local_admin_is_created_once_and_its_password_printed(settings, tmp_path, monkeypatch):
    monkeypatch.setattr(create_local_admin, "PASSWORD_FILE", tmp_path / "pw")
    settings.DEBUG = True
    first, second = io.StringIO(), io.StringIO()
    call_command("create_local_admin", stdout=first)
    call_command("create_local_admin", stdout=second)
    password = (tmp_path / "pw").read_text().strip()
    assert f"password: {password}" in first.getvalue()
    assert f"password: {password}" in second.getvalue()
    assert authenticate(username="admin", password=password).is_superuser


def test_local_admin_refuses_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="local development only"):
        call_command("create_local_admin")
