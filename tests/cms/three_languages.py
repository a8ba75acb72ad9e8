"""The seeded site in English, French and Arabic (CONTENT_LANGUAGES=en,fr,ar), Arabic written right
to left. The languages are read as the site starts, so test_three_languages.py runs this module in
a pytest of its own with that variable set; elsewhere it is skipped."""

import io
import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.formats import date_format

from contact.models import FormPage
from home.models import HomePage
from programs.models import Event, EventIndexPage
from resources.models import Resource, ResourceIndexPage
from tests.home.factories import translated

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        [code for code, _ in settings.LANGUAGES] != ["en", "fr", "ar"],
        reason="run by test_three_languages.py with CONTENT_LANGUAGES=en,fr,ar",
    ),
]

# Test content, not a translation of the site: the pages' titles as editors might give them.
FRENCH_TITLES = {
    EventIndexPage: "Calendrier",
    ResourceIndexPage: "Répertoire",
    FormPage: "Nous joindre",
}
ARABIC_TITLES = {
    HomePage: "الصفحة الرئيسية",
    EventIndexPage: "الفعاليات",
    ResourceIndexPage: "دليل الموارد",
    FormPage: "تواصل معنا",
}

HERO = {
    (HomePage, "ar"): {"hero_heading": "التعافي ممكن. لست وحدك.", "hero_subheading": "دعم الأقران"},
}


@pytest.fixture
def site(db):
    """The seed and the example programs, with the home page, the calendar, the directory and a
    form page translated into French and Arabic (events and resources have no Arabic texts)."""
    for command in ("load_seed_content", "load_example_programs"):
        call_command(command, stdout=io.StringIO())
    translate_pages({"fr": FRENCH_TITLES, "ar": ARABIC_TITLES})
    caches["default"].clear()


def translate_pages(titles):
    """Each page of these types translated into each language, with the title given (the rest,
    and the home page's texts in its body, copied in English)."""
    for language, titled in titles.items():
        for model, title in titled.items():
            original = model.objects.filter(locale__language_code="en").first()
            translated(original, language, title=title, **HERO.get((model, language), {}))


def pages(language):
    """Every kind of public page, and the API, in the language."""
    event = Event.objects.order_by("pk").first()
    resource = Resource.objects.order_by("pk").first()
    form = FormPage.objects.filter(locale__language_code="en").first()
    return {
        "home": f"/{language}/",
        "calendar": f"/{language}/events/",
        "event": f"/{language}/events/{event.slug}/",
        "directory": f"/{language}/resources/",
        "resource": f"/{language}/resources/{resource.slug}/",
        "form": f"/{language}/{form.slug}/",
        "api pages": f"/api/v3/pages/?locale={language}",
        "api events": f"/api/v3/events/?locale={language}",
        "api resource": f"/api/v3/resources/{resource.slug}/?locale={language}",
    }


def test_every_page_in_arabic_is_written_right_to_left(client, site):
    for name, address in pages("ar").items():
        response = client.get(address)
        assert response.status_code == 200, address
        if not name.startswith("api"):
            assert '<html lang="ar" dir="rtl">' in response.content.decode(), address


def test_english_and_french_pages_stay_left_to_right(client, site):
    for language in ("en", "fr"):
        html = client.get(f"/{language}/events/").content.decode()
        assert f'<html lang="{language}">' in html


def test_texts_not_in_arabic_show_in_english_marked_left_to_right(client, site):
    event = Event.objects.order_by("pk").first()
    html = client.get(pages("ar")["event"]).content.decode()
    assert f'<h1><span lang="en" dir="ltr">{event.title}</span></h1>' in html


def test_the_language_switch_offers_every_language_each_in_its_own_direction(client, site):
    english = client.get("/en/").content.decode()
    arabic = client.get("/ar/").content.decode()
    assert '<a href="/ar/" hreflang="ar" lang="ar" dir="rtl">العربيّة</a>' in english
    assert '<a href="/en/" hreflang="en" lang="en" dir="ltr">English</a>' in arabic
    assert '<a href="/fr/" hreflang="fr" lang="fr" dir="ltr">Français</a>' in arabic
    for code in ("en", "fr", "ar"):
        assert f'<link rel="alternate" hreflang="{code}" href="/{code}/">' in arabic


def test_the_bare_address_follows_a_browser_that_prefers_arabic(client, site):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ar-EG,ar;q=0.9,en;q=0.5")["Location"] == "/ar/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de")["Location"] == "/en/"


def test_a_page_not_in_arabic_is_english_with_a_note_in_the_sites_own_words(client, site):
    html = client.get("/ar/what-is-peer-support/").content.decode()
    assert '<html lang="en">' in html
    # No Arabic catalogue of the site's words yet: the note is in English, and marked so.
    assert 'role="note" lang="en">This page has not been translated yet.' in html


def test_the_calendar_writes_its_months_as_arabic_does(client, site):
    today = timezone.localdate()
    coming = [today.replace(day=1) + timedelta(days=31 * n) for n in range(12)]
    with translation.override("ar"):
        months = [date_format(month, "YEAR_MONTH_FORMAT") for month in coming]
    headings = re.findall(r"<h2>(.*?)</h2>", client.get("/ar/events/").content.decode())
    assert headings and headings[0] in months, (headings, months)
    with translation.override("en"):
        assert date_format(today, "YEAR_MONTH_FORMAT") not in months


def test_the_api_takes_arabic_and_names_it_among_the_languages(client, site):
    arabic_pages = client.get("/api/v3/pages/?locale=ar").json()["items"]
    assert {page["title"] for page in arabic_pages} >= set(ARABIC_TITLES.values())
    problem = client.get("/api/v3/events/?locale=de").json()
    assert "'ar'" in problem["detail"]
    document = client.get("/api/v3/openapi.json").json()
    parameters = document["paths"]["/api/v3/events/"]["get"]["parameters"]
    locale = next(parameter for parameter in parameters if parameter["name"] == "locale")
    assert locale["schema"]["anyOf"][0]["enum"] == ["en", "fr", "ar"]


def warm_queries(client, address):
    """The queries of an answer with the kept parts made (as test_query_counts.py measures)."""
    client.get(address)
    with CaptureQueriesContext(connection) as queries:
        client.get(address)
    return len(queries)


def test_a_page_in_the_third_language_costs_what_it_costs_in_the_second(client, site, settings):
    settings.PEER_SUPPORT_PAGE_CACHE_TIMEOUT = 0  # whole answers never kept
    counts = {
        language: {name: warm_queries(client, address) for name, address in pages(language).items()}
        for language in ("en", "fr", "ar")
    }
    assert counts["ar"] == counts["fr"]
    for name, english in counts["en"].items():
        # Give or take the one lookup of translations test_query_counts.py allows French.
        assert english <= counts["ar"][name] <= english + 1, (name, counts)
