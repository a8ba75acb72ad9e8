"""The caching layer (cms.caching): what moves the content version on and what never does, what
the clock expires, and what every key holds."""

from datetime import timedelta

import pytest
import time_machine
import wagtail_factories
from django.core.cache import cache, caches
from django.db.models.deletion import Collector
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import http_date
from wagtail.admin.models import EditingSession
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.redirects.models import Redirect
from wagtail.embeds.models import Embed

from cms import caching
from cms.models import SiteSettings
from contact.models import NewsletterSubscriber
from programs.models import EventDate
from resources.models import Language
from tests.cms.conftest import rename_quietly, visit
from tests.cms.factories import SiteSettingsFactory
from tests.contact.factories import NewsletterSubscriberFactory, inquiry_form
from tests.home.factories import PartnerFactory
from tests.programs.factories import (
    EventFactory,
    EventIndexPageFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
    UpcomingEventsBlockFactory,
)
from tests.resources.factories import ResourceFactory, ResourceIndexPageFactory

pytestmark = pytest.mark.django_db


def text(path):
    return visit(path).content.decode()


# The version


def test_the_version_is_a_counter_moved_on_by_one():
    before = caching.version()
    caching.move_version_on()
    assert caching.version() == before + 1


def test_inside_moving_once_the_version_moves_once_at_the_end(page):
    before = caching.version()
    with caching.moving_once():
        page.save_revision().publish()
        caching.move_version_on()
        with caching.moving_once():
            caching.move_version_on()
        assert caching.version() == before
    assert caching.version() == before + 1
    with caching.moving_once():
        pass
    assert caching.version() == before + 1


def test_the_version_is_read_once_per_answer(page, django_assert_num_queries):
    visit("/en/about/")
    with django_assert_num_queries(1) as queries:  # the version alone: the answer is kept
        assert visit("/en/about/").status_code == 200
    assert "cms_contentversion" in queries.captured_queries[0]["sql"]


def test_a_page_made_afresh_reads_neither_its_site_nor_the_root_page_nor_the_settings(
    page, settings, django_assert_num_queries
):
    settings.PEER_SUPPORT_PAGE_CACHE_TIMEOUT = 0  # no whole answers: made on every visit
    visit("/en/about/")
    with django_assert_num_queries(2) as queries:  # the version, then the page itself
        assert "About us" in text("/en/about/")
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "wagtailcore_site" not in sql and "cms_sitesettings" not in sql


# What never moves it


def test_drafts_editing_sessions_workflows_renditions_and_answers_leave_answers_in_place(
    page, admin_client, admin_user, home_page
):
    image = wagtail_factories.ImageFactory()
    form_page = inquiry_form(home_page, slug="inquire")
    assert "About us" in text("/en/about/")
    before = caching.version()

    page.title = "Draft title"
    page.save_revision(user=admin_user)  # a draft
    admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))  # opens a session
    session = EditingSession.objects.get(object_id=str(page.pk))
    ping = reverse(
        "wagtailadmin_editing_sessions:ping", args=["wagtailcore", "page", page.pk, session.pk]
    )
    assert admin_client.post(ping).status_code == 200
    page.get_workflow().start(page, admin_user)  # submitted to the moderators
    image.get_rendition("width-120")
    Embed.objects.create(url="https://example.org/v", max_width=None, html="<p>v</p>")
    FormSubmission.objects.create(page=form_page, form_data={"message": "Hello"})
    NewsletterSubscriberFactory()
    admin_client.get("/admin/")  # a login, its session and last_login

    assert caching.version() == before
    rename_quietly(page, "Renamed quietly")
    assert "About us" in text("/en/about/")


def test_deleting_what_visitors_never_see_stays_a_fast_delete():
    collector = Collector(using="default")
    for model in (FormSubmission, NewsletterSubscriber, EventDate, EditingSession, Embed):
        assert collector.can_fast_delete(model.objects.all()), model


# What moves it: each kind of content visitors see, at once


def renamed(instance, field):
    """A change that saves the instance with its `field` made "After-change"."""

    def change():
        setattr(instance, field, "After-change")
        instance.save()

    return change


def partner_renamed(home_page):
    partner = PartnerFactory(name="Before-change", active=True)
    return "/api/v3/partners/", renamed(partner, "name")


def resource_renamed(home_page):
    return "/api/v3/resources/", renamed(ResourceFactory(name="Before-change"), "name")


def language_renamed(home_page):
    ResourceIndexPageFactory(parent=home_page, slug="resources")
    language = Language.objects.create(code="pa", name="Before-change")
    ResourceFactory().languages.add(language)
    return "/en/resources/", renamed(language, "name")


def settings_renamed(home_page):
    settings = SiteSettings.objects.get()
    settings.organisation_name = "Before-change"
    settings.save()
    return "/api/v3/site-settings/", renamed(settings, "organisation_name")


def image_renamed(home_page):
    image = wagtail_factories.ImageFactory(title="Before-change")
    return "/api/v2/images/", renamed(image, "title")


def document_renamed(home_page):
    document = wagtail_factories.DocumentFactory(title="Before-change")
    return "/api/v2/documents/", renamed(document, "title")


def event_published(home_page):
    event = EventFactory(title="Before-change")

    def publish():
        event.title = "After-change"
        event.save_revision().publish()

    return "/api/v3/events/", publish


@pytest.mark.parametrize(
    "change",
    [
        partner_renamed,
        resource_renamed,
        language_renamed,
        settings_renamed,
        image_renamed,
        document_renamed,
        event_published,
    ],
)
def test_each_kind_of_visible_content_shows_its_change_at_once(change, page, home_page):
    url, make_change = change(home_page)
    assert "Before-change" in text(url)
    make_change()
    after = text(url)
    assert "After-change" in after and "Before-change" not in after


def test_a_redirect_replaces_a_kept_not_found_at_once(page):
    assert visit("/en/old-about/").status_code == 404
    Redirect.objects.create(old_path="/en/old-about", redirect_link="/en/about/")
    assert visit("/en/old-about/").status_code == 301


def test_a_draft_event_and_a_draft_edit_of_a_live_one_leave_answers_in_place(page):
    live = EventFactory(title="Live event")
    assert "Live event" in text("/api/v3/events/")
    before = caching.version()
    EventFactory(title="Draft event", live=False)
    live.title = "Draft title"
    live.save_revision()
    assert caching.version() == before


# Time: what lists upcoming dates expires when the soonest of them ends


@pytest.fixture
def frozen():
    start = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    with time_machine.travel(start, tick=False) as traveller:
        yield traveller


@pytest.fixture
def soon_over_and_next_week(frozen, home_page):
    """The calendar, a program list, and one of its program's dates ending in an hour, the other
    next week; a home page listing upcoming events."""
    SiteSettingsFactory()
    EventIndexPageFactory(parent=home_page)
    program = ProgramPageFactory(parent=ProgramIndexPageFactory(parent=home_page), slug="circle")
    now = timezone.now()
    EventFactory(
        title="Soon over",
        program=program,
        start=now - timedelta(hours=1),
        end=now + timedelta(hours=1),
    )
    EventFactory(
        title="Next week",
        program=program,
        start=now + timedelta(days=7),
        end=now + timedelta(days=7, hours=2),
    )
    home_page.body = [("upcoming_events", UpcomingEventsBlockFactory.build())]
    home_page.save_revision().publish()
    return program


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/en/events/",
        "/en/programs/circle/",
        "/api/v3/events/",
        "/api/v2/pages/?type=programs.ProgramPage&fields=upcoming_events",
    ],
)
def test_upcoming_dates_drop_out_when_they_end_even_for_a_client_revalidating(
    url, soon_over_and_next_week, frozen
):
    first = visit(url)
    body = first.content.decode()
    assert "Soon over" in body and "Next week" in body
    assert first["Cache-Control"].endswith("max-age=60")  # within the hour it has left

    frozen.shift(timedelta(minutes=59, seconds=30))
    assert "max-age=30" in visit(url)["Cache-Control"]  # never kept past the end

    frozen.shift(timedelta(minutes=1))
    again = visit(url, HTTP_IF_NONE_MATCH=first["ETag"], HTTP_IF_MODIFIED_SINCE=http_date())
    assert again.status_code == 200
    body = again.content.decode()
    assert "Soon over" not in body and "Next week" in body


def test_the_calendar_feed_drops_an_event_a_month_after_it_ended(soon_over_and_next_week, frozen):
    assert "Soon over" in text("/en/events/feed.ics")
    frozen.shift(timedelta(days=30, minutes=59))
    assert "Soon over" in text("/en/events/feed.ics")
    frozen.shift(timedelta(minutes=2))
    feed = text("/en/events/feed.ics")
    assert "Soon over" not in feed and "Next week" in feed


def test_the_past_listing_gains_a_date_when_it_ends(soon_over_and_next_week, frozen):
    assert "Soon over" not in text("/api/v3/events/?when=past")
    frozen.shift(timedelta(hours=2))
    assert "Soon over" in text("/api/v3/events/?when=past")


# Keys


def test_keys_hold_the_language_and_the_version():
    with translation.override("en"):
        english = caching.key("card", 1)
    with translation.override("fr"):
        french = caching.key("card", 1)
    assert english != french
    caching.move_version_on()
    with translation.override("en"):
        assert caching.key("card", 1) != english


def test_made_up_addresses_cannot_push_useful_answers_out(page, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {**settings.CACHES["default"], "OPTIONS": {"MAX_ENTRIES": 40}},
    }
    assert "About us" in text("/en/about/")
    rename_quietly(page, "Renamed quietly")
    for number in range(100):
        assert visit(f"/en/no-such-page-{number}/").status_code == 404
    assert "About us" in text("/en/about/")
    kept = caches["not_found"]._cache  # noqa: SLF001 (how full the local store is)
    assert 0 < len(kept) <= settings.CACHES["not_found"]["OPTIONS"]["MAX_ENTRIES"]


def test_with_a_shared_cache_a_kept_answer_needs_no_database(
    redis_cache, page, django_assert_num_queries
):
    visit("/en/about/")
    with django_assert_num_queries(0):
        assert visit("/en/about/").status_code == 200
    assert cache.get(caching.VERSION_KEY) is not None


def test_with_a_shared_cache_each_process_keeps_its_own_copy_of_parts(redis_cache, page, settings):
    settings.PEER_SUPPORT_PAGE_CACHE_TIMEOUT = 0  # parts of answers only
    near = caches["near"]
    visit("/en/about/")
    copied = set(near._cache)  # noqa: SLF001 (what the process keeps)
    assert copied
    near.clear()  # as in another process: the parts come from Redis, and are copied here
    assert "About us" in text("/en/about/")
    assert set(near._cache) and set(near._cache) <= copied  # noqa: SLF001
    page.title = "About CONNECT"
    page.save_revision().publish()  # a new version: no copy is read again
    assert "About CONNECT" in text("/en/about/")
