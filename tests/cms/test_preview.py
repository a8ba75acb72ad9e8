"""Editors preview drafts on our own pages as always, and in an external front end with a token."""

import time
from unittest import mock

import pytest
from wagtail_headless_preview.models import PagePreview

from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db
PREVIEW = "/api/v3/preview/"


@pytest.fixture
def front_end(settings):
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {"default": "https://front.example/preview"},
        "ENFORCE_TRAILING_SLASH": False,
    }


@pytest.fixture
def draft(home_page):
    page = ContentPageFactory(parent=home_page, title="Published title", slug="about")
    page.title = "Draft title"
    page.save_revision()
    return page.get_latest_revision_as_object()


def test_without_a_front_end_only_the_usual_preview_is_offered(draft):
    assert [mode for mode, _ in draft.preview_modes] == [""]


def test_usual_preview_still_renders_our_own_page(draft, front_end):
    assert [mode for mode, _ in draft.preview_modes] == ["", "external"]
    response = draft.make_preview_request(preview_mode="")
    assert response.status_code == 200
    assert "<h1>Draft title</h1>" in response.content.decode()


def test_external_preview_hands_the_front_end_a_token_that_returns_the_draft(
    client, draft, front_end
):
    response = draft.make_preview_request(preview_mode="external")
    (preview,) = PagePreview.objects.all()
    assert "https://front.example/preview?content_type=home.contentpage&amp;token=" in (
        response.content.decode()
    )

    api = client.get(PREVIEW, {"content_type": "home.contentpage", "token": preview.token})

    assert api.status_code == 200, api.content
    assert api.json()["title"] == "Draft title"
    assert api["Cache-Control"] == "private, no-store"
    assert client.get(f"/api/v3/pages/{draft.pk}/").json()["title"] == "Published title"


def test_bad_expired_or_unknown_tokens_are_refused(client, draft, front_end, settings):
    preview = draft.create_page_preview()
    good = {"content_type": "home.contentpage", "token": preview.token}

    tampered = client.get(PREVIEW, {**good, "token": preview.token[:-2] + "xx"})
    assert tampered.status_code == 403
    assert tampered.json()["detail"] == "token: not a valid preview token."

    later = time.time() + settings.PEER_SUPPORT_HEADLESS_PREVIEW_MAX_AGE + 5
    with mock.patch("time.time", return_value=later):
        expired = client.get(PREVIEW, good)
    assert expired.status_code == 403
    assert "expired" in expired.json()["detail"]

    assert client.get(PREVIEW, {**good, "content_type": "home.homepage"}).status_code == 404
    assert client.get(PREVIEW, {**good, "content_type": "nope"}).status_code == 404
    assert client.get(PREVIEW, {"content_type": "home.contentpage"}).status_code == 400
    preview.delete()
    assert client.get(PREVIEW, good).status_code == 404
