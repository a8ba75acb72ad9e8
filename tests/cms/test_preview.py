"""Editors preview drafts on our own pages as always, and in an external front end with a token."""

import time
from unittest import mock

import pytest
from wagtail.models import Page
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
    preview.delete()  # as wagtail-headless-preview does to previews over a day old
    assert client.get(PREVIEW, good).status_code == 403


def preview_of(draft):
    preview = draft.create_page_preview()
    return {"content_type": "home.contentpage", "token": preview.token}


def assert_withdrawn(response):
    assert response.status_code == 403
    assert "its page was published, unpublished or deleted since" in response.json()["detail"]


def test_preview_is_refused_once_its_page_is_published(client, draft, front_end):
    token = preview_of(draft)
    assert client.get(PREVIEW, token).json()["title"] == "Draft title"

    draft.get_latest_revision().publish()

    assert_withdrawn(client.get(PREVIEW, token))


def test_preview_is_refused_once_its_page_is_unpublished(client, draft, front_end):
    token = preview_of(draft)

    Page.objects.get(pk=draft.pk).specific.unpublish()

    assert_withdrawn(client.get(PREVIEW, token))


def test_previews_are_refused_once_their_page_or_its_parent_is_deleted(client, draft, front_end):
    child = ContentPageFactory(parent=Page.objects.get(pk=draft.pk), live=False)
    tokens = [preview_of(draft), preview_of(child)]

    Page.objects.get(pk=draft.pk).delete()

    for token in tokens:
        assert_withdrawn(client.get(PREVIEW, token))


def test_publishing_another_page_keeps_a_preview(client, draft, home_page, front_end):
    token = preview_of(draft)
    other = ContentPageFactory(parent=home_page, live=False, slug=f"about-{draft.pk}0")

    other.save_revision().publish()

    assert client.get(PREVIEW, token).json()["title"] == "Draft title"
