"""The site's page cache: anonymous answers shared, renewed at once on change, never one person's."""

import re
import time

import pytest
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission

from contact.models import NewsletterSubscriber
from tests.cms.conftest import rename_quietly, visit
from tests.contact.factories import (
    NewsletterPageFactory,
    NewsletterSubscriberFactory,
    human,
    inquiry_form,
)
from tests.home.factories import ContentPageFactory
from tests.programs.factories import EventFactory, EventIndexPageFactory
from tests.resources.factories import ResourceFactory, ResourceIndexPageFactory

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_share_one_cached_answer(page):
    first = visit("/en/about/")
    rename_quietly(page, "Renamed")
    second = visit("/en/about/")
    assert "About us" in second.content.decode()
    assert second.content == first.content
    assert second["Cache-Control"] == "public, max-age=60"


def test_cache_can_be_turned_off(page, settings):
    settings.PEER_SUPPORT_PAGE_CACHE_TIMEOUT = 0
    visit("/en/about/")
    rename_quietly(page, "Renamed")
    assert "Renamed" in visit("/en/about/").content.decode()


def test_publishing_shows_at_once(page):
    visit("/en/about/")
    page.title = "About CONNECT"
    page.save_revision().publish()
    assert "About CONNECT" in visit("/en/about/").content.decode()


def test_an_unpublished_page_disappears_at_once(page):
    assert visit("/en/about/").status_code == 200
    page.unpublish()
    assert visit("/en/about/").status_code == 404


def test_a_page_published_where_there_was_none_replaces_the_cached_not_found(page, home_page):
    assert visit("/en/groups/").status_code == 404
    ContentPageFactory(parent=home_page, title="Groups", slug="groups")
    assert visit("/en/groups/").status_code == 200


def test_an_event_or_resource_saved_shows_at_once(page, home_page):
    calendar = EventIndexPageFactory(parent=home_page, slug="events")
    directory = ResourceIndexPageFactory(parent=home_page, slug="resources")
    event, resource = EventFactory(title="Art night"), ResourceFactory(name="Peer line")
    assert "Art night" in visit("/en/events/").content.decode()
    assert "Peer line" in visit("/en/resources/").content.decode()
    assert "Art night" in visit("/api/v3/events/").content.decode()
    event.title, resource.name = "Music night", "Warm line"
    event.save()
    resource.save()
    assert "Music night" in visit(calendar.url).content.decode()
    assert "Warm line" in visit(directory.url).content.decode()
    assert "Music night" in visit("/api/v3/events/").content.decode()


def test_an_editors_page_never_reaches_visitors_nor_theirs_the_editor(page, admin_client):
    visitor_before = visit("/en/about/").content.decode()
    editor = admin_client.get("/en/about/")
    assert "wagtail-userbar" in editor.content.decode()
    assert "wagtail-userbar" not in visitor_before
    assert "wagtail-userbar" not in visit("/en/about/").content.decode()
    assert "private" in editor["Cache-Control"]
    rename_quietly(page, "Renamed")
    assert "Renamed" in admin_client.get("/en/about/").content.decode()  # never from the cache


def test_a_previewed_draft_never_reaches_the_cache(page, admin_client):
    visit("/en/about/")
    page.title = "Draft title"
    page.save_revision()
    preview = admin_client.post(
        f"/admin/pages/{page.pk}/edit/preview/",
        {"title": "Draft title", "slug": "about", "body-count": "0"},
    )
    assert preview.status_code == 200
    assert (
        "Draft title" in admin_client.get(f"/admin/pages/{page.pk}/edit/preview/").content.decode()
    )
    assert "Draft title" not in visit("/en/about/").content.decode()


def test_requests_with_a_token_or_session_are_never_answered_from_the_cache(page, client):
    visit("/en/about/")
    rename_quietly(page, "Renamed")
    assert "Renamed" in visit("/en/about/", HTTP_AUTHORIZATION="Bearer abc").content.decode()
    client.cookies["sessionid"] = "someone-elses"
    assert "Renamed" in client.get("/en/about/").content.decode()


def test_unchanged_pages_answer_not_modified(page):
    first = visit("/en/about/")
    assert visit("/en/about/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert "Last-Modified" not in first  # listings of upcoming events change with the clock alone
    page.title = "About CONNECT"
    page.save_revision().publish()
    assert visit("/en/about/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_head_is_answered_from_the_cached_get(page):
    first = visit("/en/about/")
    rename_quietly(page, "Renamed")
    response = Client().head("/en/about/")
    assert response.status_code == 200
    assert response["ETag"] == first["ETag"]


def test_pages_with_a_csrf_token_are_kept_for_one_visitor_only(page, home_page):
    newsletter = NewsletterPageFactory(parent=home_page)
    subscriber = NewsletterSubscriberFactory(confirmed_at=None)
    confirm = f"{newsletter.url}confirm/?token={subscriber.confirm_token()}"
    first, second = visit(confirm), visit(confirm)
    assert csrf_token(first.content.decode()) != csrf_token(second.content.decode())
    assert "private" in first["Cache-Control"]


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]


def test_the_footer_signup_works_from_a_page_another_visitor_filled_the_cache_with(
    page, home_page, settings
):
    settings.PEER_SUPPORT_FORM_MINIMUM_SECONDS = 0  # the time token is the cached page's own
    NewsletterPageFactory(parent=home_page)
    visit("/en/about/")
    browser = Client(enforce_csrf_checks=True)
    html = browser.get("/en/about/").content.decode()
    assert "csrfmiddlewaretoken" not in html
    answers = {"email": "robin@example.org", "consent": "on", "homepage": ""}
    response = browser.post("/en/newsletter-signup/", {**form_fields(html), **answers})
    assert "Please check your email" in response.content.decode()
    assert NewsletterSubscriber.objects.get().email == "robin@example.org"


def form_fields(html):
    """The hidden fields of the page's last form, as a browser sends them."""
    form = html[html.rindex("<form") : html.rindex("</form>")]
    return dict(re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', form))


ANSWERS = {
    "form page": {"your_name": "Sam Rivera", "email": "sam@example.org", "message": "Groups?"},
    "newsletter page": {"email": "sam@example.org", "consent": "on"},
}


@pytest.fixture(params=ANSWERS)
def form_page(request, page, home_page):
    """A form page or the newsletter page, with the answers a visitor gives it."""
    if request.param == "form page":
        form_page = inquiry_form(home_page, slug="inquire")
    else:
        form_page = NewsletterPageFactory(parent=home_page)
    return form_page, ANSWERS[request.param]


def test_form_pages_are_cached_for_everyone_and_can_be_sent_from_the_cached_copy(
    form_page, monkeypatch
):
    form_page, answers = form_page
    first = visit(form_page.url)
    rename_quietly(form_page, "Renamed")
    browser = Client(enforce_csrf_checks=True)
    cached = browser.get(form_page.url)
    assert cached.content == first.content
    assert cached["Cache-Control"] == "public, max-age=60"
    assert not cached.cookies and "csrfmiddlewaretoken" not in cached.content.decode()
    later = time.time() + 60  # the visitor reads and fills in the form
    monkeypatch.setattr(time, "time", lambda: later)
    fields = {**form_fields(cached.content.decode()), **answers, "homepage": ""}
    response = browser.post(form_page.url, fields)
    assert response.status_code == 200
    assert "form-alert" not in response.content.decode()
    assert "sam@example.org" in sent_addresses()


def sent_addresses():
    """Every address a form submission or signup holds."""
    submissions = [str(s.form_data) for s in FormSubmission.objects.all()]
    return " ".join(submissions + [s.email for s in NewsletterSubscriber.objects.all()])


def test_answers_are_never_cached_for_the_next_visitor(form_page):
    form_page, answers = form_page
    thanked = Client().post(form_page.url, human(answers))
    corrected = Client().post(form_page.url, human({**answers, "email": "sam-at-example.org"}))
    assert "form-alert" not in thanked.content.decode()
    assert 'value="sam-at-example.org"' in corrected.content.decode()
    assert "private" in thanked["Cache-Control"] and "private" in corrected["Cache-Control"]
    next_visitor = visit(form_page.url).content.decode()
    assert 'name="homepage"' in next_visitor  # the form, not the thank-you page
    assert "sam@example.org" not in next_visitor and "sam-at-example.org" not in next_visitor
    assert "form-alert" not in next_visitor
