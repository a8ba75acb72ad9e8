"""Security: deploy checks pass, headers and cookies are strict, sign-in locks out, uploads are limited."""

import io
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.cms.test_settings import import_production_settings

pytestmark = pytest.mark.django_db
PRODUCTION = {"SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "example.org"}


def test_check_deploy_reports_nothing_with_production_settings(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC"))
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=django_settings.BASE_DIR,
        env={
            **env,
            **PRODUCTION,
            "DJANGO_SETTINGS_MODULE": "connect_site.settings.production",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_cookies_are_secure_and_hsts_covers_subdomains():
    shown = "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_SSL_REDIRECT"
    result = import_production_settings(show=shown, **PRODUCTION)
    assert result.stdout.split() == ["True", "True", "31536000", "True", "True"], result.stderr


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "('HTTP_X_FORWARDED_PROTO', 'https')"),
        ("HTTP_X_FORWARDED_SSL,on", "('HTTP_X_FORWARDED_SSL', 'on')"),
        ("", "None"),
    ],
)
def test_proxy_https_header_is_configurable(value, expected):
    env = PRODUCTION if value is None else {**PRODUCTION, "SECURE_PROXY_SSL_HEADER": value}
    result = import_production_settings(show="s.SECURE_PROXY_SSL_HEADER", **env)
    assert result.stdout.strip() == expected, result.stderr


def test_a_malformed_proxy_header_setting_is_refused():
    result = import_production_settings(**PRODUCTION, SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto")
    assert result.returncode != 0
    assert "SECURE_PROXY_SSL_HEADER must be a header and a value" in result.stderr


def test_pages_send_a_strict_content_security_policy_and_headers(client, home_page):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy and "unsafe-inline" not in policy
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_admin_preview_can_still_be_shown_in_the_admins_own_frame(admin_client, home_page):
    response = admin_client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[home_page.pk]))
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "Content-Security-Policy" not in response


def test_our_templates_have_no_inline_styles_scripts_or_event_handlers():
    inline = re.compile(
        r"<style|\sstyle=|\son[a-z]+=|<script(?![^>]*\ssrc=)(?![^>]*application/(ld\+)?json)"
    )
    offenders = [
        str(path)
        for pattern in ["templates/**/*.html", "*/templates/**/*.html"]
        for path in Path(django_settings.BASE_DIR).glob(pattern)
        if inline.search(path.read_text())
    ]
    assert offenders == []


def test_session_and_csrf_cookies_are_http_only_and_same_site(client, django_user_model):
    django_user_model.objects.create_superuser("editor", password="a long passphrase")
    login_page = client.get(reverse("wagtailadmin_login"))
    csrf = login_page.cookies["csrftoken"]
    client.post(
        reverse("wagtailadmin_login"), {"username": "editor", "password": "a long passphrase"}
    )
    session = client.cookies["sessionid"]
    for cookie in (csrf, session):
        assert cookie["httponly"] and cookie["samesite"] == "Lax"


def sign_in(client, password):
    return client.post(reverse("wagtailadmin_login"), {"username": "editor", "password": password})


def test_sign_in_locks_after_repeated_wrong_passwords_until_reset(
    client, settings, django_user_model
):
    settings.AXES_ENABLED = True
    django_user_model.objects.create_superuser("editor", password="a long passphrase")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "guess").status_code == 200  # the form again, with an error
    assert sign_in(client, "guess").status_code == 429
    locked = sign_in(client, "a long passphrase")
    assert locked.status_code == 429
    assert "Signing in is paused after too many wrong passwords" in locked.content.decode()
    assert "axes_reset_username editor" in locked.content.decode()
    call_command("axes_reset_username", "editor", stdout=io.StringIO())
    assert sign_in(client, "a long passphrase").status_code == 302


def image_upload(name, content):
    upload = io.BytesIO(content)
    upload.name = name
    return upload


def png_bytes(size):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "teal").save(buffer, "PNG")
    return buffer.getvalue()


def test_svg_images_are_refused(admin_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = admin_client.post(
        reverse("wagtailimages:add"), {"title": "Logo", "file": image_upload("logo.svg", svg)}
    )
    assert "Not a supported image format" in str(response.context["form"].errors["file"])
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(
    ("limit", "message"),
    [
        ("WAGTAILIMAGES_MAX_IMAGE_PIXELS", "too many pixels"),
        ("WAGTAILIMAGES_MAX_UPLOAD_SIZE", "too big"),
    ],
)
def test_images_over_the_size_limits_are_refused(admin_client, settings, limit, message):
    setattr(settings, limit, 100)
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Photo", "file": image_upload("photo.png", png_bytes((40, 40)))},
    )
    assert message in str(response.context["form"].errors["file"])
    assert not get_image_model().objects.exists()


def test_documents_of_other_types_are_refused(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"), {"title": "Tool", "file": image_upload("tool.exe", b"MZ")}
    )
    assert "File extension “exe” is not allowed" in str(response.context["form"].errors["file"])
    assert not get_document_model().objects.exists()
