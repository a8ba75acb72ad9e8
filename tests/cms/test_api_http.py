"""The API over HTTP: caching with revalidation, CORS for other sites, and writes locked."""

import json
import time

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils.http import http_date
from wagtail.models import APIToken, GroupPagePermission, Page

from tests.accounts.factories import TOTPDeviceFactory
from tests.home.factories import ContentPageFactory
from tests.programs.factories import EventFactory, EventIndexPageFactory

pytestmark = pytest.mark.django_db
PAGES = "/api/v3/pages/"


def get(client, url, **headers):
    return client.get(url, headers=headers)


def bearer(user):
    _, plaintext = APIToken.create_token(user=user, name="test")
    return {"Authorization": f"Bearer {plaintext}"}


@pytest.fixture
def page(home_page):
    return ContentPageFactory(parent=home_page, title="About us", slug="about")


# Caching


@pytest.mark.parametrize(
    "url", ["/api/v3/pages/", "/api/v3/site-settings/", "/api/v3/events/", "/api/v2/pages/"]
)
def test_anonymous_answers_are_public_with_validators(client, page, url):
    response = get(client, url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
    assert response["ETag"].startswith('"') and len(response["ETag"]) == 34
    assert "Last-Modified" not in response  # lists of upcoming dates change with the clock alone
    assert "Authorization" in response["Vary"]


def test_if_none_match_answers_304_until_the_content_changes(client, page):
    first = get(client, PAGES)
    again = get(client, PAGES, if_none_match=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]

    page.title = "About CONNECT"
    page.save_revision().publish()

    changed = get(client, PAGES, if_none_match=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
    assert "About CONNECT" in changed.content.decode()


def test_if_modified_since_alone_never_answers_304(client, page):
    """Without Last-Modified, only the ETag (of the body) can tell a client nothing changed."""
    response = get(client, PAGES, if_modified_since=http_date(time.time() + 3600))
    assert response.status_code == 200
    assert "About us" in response.content.decode()


def test_publishing_a_snippet_changes_the_etag_at_once(client, home_page):
    EventIndexPageFactory(parent=home_page)
    event = EventFactory(live=False, title="Picnic")
    before = get(client, "/api/v3/events/")
    event.save_revision().publish()
    after = get(client, "/api/v3/events/", if_none_match=before["ETag"])
    assert after.status_code == 200
    assert "Picnic" in after.content.decode()


def test_authenticated_draft_is_private_and_never_shown_to_anyone_else(client, page, admin_user):
    page.title = "Draft title"
    page.save_revision()
    url = f"{PAGES}{page.pk}/?version=draft"

    TOTPDeviceFactory(user=admin_user)  # a superuser's token works once two-step sign-in is set up
    editor = get(client, url, **bearer(admin_user))
    assert editor.json()["title"] == "Draft title"
    assert editor["Cache-Control"] == "private, no-store"
    assert "ETag" not in editor
    assert "Authorization" in editor["Vary"]

    visitor = get(client, url)
    assert visitor.json()["title"] == "About us"
    assert visitor["Cache-Control"] == "public, max-age=60"
    assert get(client, url, if_none_match=visitor["ETag"]).status_code == 304


def test_errors_are_not_marked_cacheable(client):
    response = get(client, "/api/v3/events/?when=soon")
    assert response.status_code == 400
    assert "ETag" not in response
    assert "public" not in response.get("Cache-Control", "")


# CORS


def test_any_site_may_read_anonymously_without_cookies(client, page):
    response = get(client, PAGES, origin="https://partner.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_preflight_allows_reads_only(client):
    response = client.options(
        PAGES,
        headers={
            "origin": "https://partner.example",
            "access-control-request-method": "GET",
        },
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert "Access-Control-Allow-Credentials" not in response


def test_allowed_origins_restrict_who_may_read(client, page, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://partner.example"]
    settings.CORS_ALLOW_ALL_ORIGINS = False
    allowed = get(client, PAGES, origin="https://partner.example")
    assert allowed["Access-Control-Allow-Origin"] == "https://partner.example"
    assert "Access-Control-Allow-Origin" not in get(client, PAGES, origin="https://evil.example")


def test_site_pages_get_no_cors_headers(client, page):
    response = get(client, "/en/about/", origin="https://partner.example")
    assert "Access-Control-Allow-Origin" not in response


# Writes


def post_json(client, url, data, method="post", **headers):
    return getattr(client, method)(
        url, data=json.dumps(data), content_type="application/json", headers=headers
    )


def rename(title):
    return {"meta": {"type": "home.ContentPage"}, "title": title}


@pytest.fixture
def reader(django_user_model):
    """A user with admin access but no rights to change pages."""
    user = django_user_model.objects.create_user("reader", password="x")
    group = Group.objects.create(name="Readers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


@pytest.mark.parametrize("as_reader", [False, True])
def test_writes_need_a_token_with_the_right_permissions(client, page, home_page, reader, as_reader):
    headers = bearer(reader) if as_reader else {}
    expected = 403 if as_reader else 401
    titles = set(Page.objects.values_list("title", flat=True))

    created = post_json(
        client,
        PAGES,
        {"meta": {"type": "home.ContentPage", "parent_id": home_page.pk}, "title": "Spam"},
        **headers,
    )
    changed = post_json(client, f"{PAGES}{page.pk}/", rename("Hacked"), "patch", **headers)
    deleted = client.delete(f"{PAGES}{page.pk}/", headers=headers)

    assert [created.status_code, changed.status_code, deleted.status_code] == [expected] * 3
    assert set(Page.objects.values_list("title", flat=True)) == titles
    page.refresh_from_db()
    assert page.live


def test_an_editor_token_can_write(client, page, home_page, reader):
    GroupPagePermission.objects.create(
        group=reader.groups.get(), page=home_page, permission_type="change"
    )
    response = post_json(client, f"{PAGES}{page.pk}/", rename("Renamed"), "patch", **bearer(reader))
    assert response.status_code == 200, response.content
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "Renamed"
    assert page.title == "About us"  # saved as a draft, not published
