"""Every public page and API route costs the same few queries, however much content there is.

The site is built once for the module (seed plus generated scale content), measured, grown a
hundredfold (cheap: pages, events and resources go in in bulk) and measured again. Each route is
asked for once to warm Python's own per-process caches (content types), as in a running server,
then measured twice:

- cold: every Django cache emptied first (menu and footer fragments, renditions, site root paths).
  The count must be the same at both sizes, so no part of any page grows with the content.
- warm: the next request, with those caches filled but the whole-answer cache (cms.page_cache)
  off throughout, as a visitor meets a page that is not in it. The count must be under 16 for pages
  and 12 for API routes, and a page in French must cost what it costs in English. Our pages and
  routes find the request's site without the database (cms.caching.site_for); Wagtail's own page
  and image APIs read it once.
"""

import io

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from benchmarks.scale import PREFIX
from home.models import ContentPage, HomePage
from programs.models import Event, ProgramPage
from resources.hsds.records import child_id, term_id
from resources.models import Resource

# Run with the other database tests, before any transactional test empties the database.
pytestmark = pytest.mark.django_db

SMALL, LARGE = 1, 100
# One more each since translation is on: Wagtail reads the visitor's locale before routing to the
# home page's translation, and the page API shows each page's locale.
PAGE_LIMIT, API_LIMIT = 16, 12


def scale_content(model, **filters):
    """The first generated object of a kind: the same one at both sizes."""
    return model.objects.filter(slug__startswith=PREFIX, **filters).order_by("pk").first()


def program():
    return scale_content(ProgramPage)


def event():
    return scale_content(Event, program__isnull=False)


def resource():
    return scale_content(Resource)


def first_image():
    return get_image_model().objects.order_by("pk").first().pk


PAGES = {
    "home": lambda: "/en/",
    # The seed translates the home page; the rest shows in English on the French site.
    "home in French": lambda: "/fr/",
    "explainer": lambda: "/en/what-is-peer-support/",
    "explainer in French, not translated": lambda: "/fr/what-is-peer-support/",
    "events in French, not translated": lambda: "/fr/events/",
    "content page": lambda: scale_content(ContentPage).url,
    "program list": lambda: "/en/programs/",
    "program page": lambda: program().url,
    "events": lambda: "/en/events/",
    "past events": lambda: "/en/events/?past=1",
    "event": lambda: f"/en/events/{event().slug}/",
    "resource directory": lambda: "/en/resources/",
    "directory by category": lambda: "/en/resources/?category=anxiety",
    "directory by language": lambda: "/en/resources/?language=fr",
    "directory search": lambda: "/en/resources/?search=support",
    "directory page 2": lambda: "/en/resources/?page=2",
    "resource": lambda: f"/en/resources/{resource().slug}/",
    "directory in French, not translated": lambda: "/fr/resources/",
    "directory by language in French": lambda: "/fr/resources/?language=fr",
    "resource in French": lambda: f"/fr/resources/{resource().slug}/",
    "form page": lambda: "/en/inquire/",
    "newsletter page": lambda: "/en/newsletter/",
    "not found": lambda: "/en/no-such-page/",
}
API_ROUTES = {
    "v2 pages": lambda: "/api/v2/pages/",
    "v2 programs with all fields": lambda: "/api/v2/pages/?type=programs.ProgramPage&fields=*",
    "v2 content pages": lambda: "/api/v2/pages/?type=home.ContentPage",
    "v2 home page": lambda: f"/api/v2/pages/{HomePage.objects.get(locale__language_code='en').pk}/",
    "v2 program page": lambda: f"/api/v2/pages/{program().pk}/",
    "v2 images": lambda: "/api/v2/images/",
    "v2 image": lambda: f"/api/v2/images/{first_image()}/",
    "v3 pages": lambda: "/api/v3/pages/",
    "v3 program page": lambda: f"/api/v3/pages/{program().pk}/",
    "v3 image": lambda: f"/api/v3/images/{first_image()}/",
    "v3 image renditions": lambda: f"/api/v3/images/{first_image()}/renditions/",
    "v3 events": lambda: "/api/v3/events/",
    "v3 past events": lambda: "/api/v3/events/?when=past",
    "v3 event": lambda: f"/api/v3/events/{event().pk}/",
    "v3 events in French": lambda: "/api/v3/events/?locale=fr",
    "v3 event in French": lambda: f"/api/v3/events/{event().pk}/?locale=fr",
    "v3 resources": lambda: "/api/v3/resources/",
    "v3 resources by category": lambda: "/api/v3/resources/?category=anxiety&limit=100",
    "v3 resource": lambda: f"/api/v3/resources/{resource().slug}/",
    "v3 resources in French": lambda: "/api/v3/resources/?locale=fr",
    "v3 resource in French": lambda: f"/api/v3/resources/{resource().slug}/?locale=fr",
    "v3 partners": lambda: "/api/v3/partners/",
    "v3 summaries": lambda: "/api/v3/summaries/",
    "v3 site settings": lambda: "/api/v3/site-settings/",
    "hsds services": lambda: "/api/hsds/services",
    "hsds services whole": lambda: "/api/hsds/services?full=true&per_page=1000",
    "hsds services by term and search": lambda: (
        f"/api/hsds/services?taxonomy_term_id={term_id('anxiety')}&search=support"
    ),
    "hsds service": lambda: f"/api/hsds/services/{child_id(resource(), 'service')}",
    "hsds organizations whole": lambda: "/api/hsds/organizations?full_service=true",
    "hsds organization": lambda: f"/api/hsds/organizations/{resource().uuid}?full_service=true",
    "hsds taxonomy terms": lambda: "/api/hsds/taxonomy_terms",
    "hsds services at locations": lambda: (
        f"/api/hsds/service_at_locations?full=true&postcode={resource().postal_code[:3]}"
    ),
    "hsds service at location": lambda: (
        f"/api/hsds/service_at_locations/{child_id(resource(), 'service_at_location')}"
    ),
}


# Wagtail's own v3 page and image routes, which look the request's site up in the database
# themselves (our v2 endpoints' serializers use the kept site).
WAGTAILS_OWN = {
    name for name in API_ROUTES if name.startswith(("v3 pages", "v3 program", "v3 image"))
}

# Wagtail 8.0.1's own v3 image list reads each listed image's collection in a query of its own,
# and offers no public way to read them at once: it grows with the page of images, up to its size.
PER_IMAGE_ROUTES = {"v3 images": lambda: "/api/v3/images/"}
IMAGES_PER_PAGE = 20


def measure(client, routes):
    """{route: (status, cold queries, warm queries, whether warm read the sites)} for each route,
    as the module explains."""
    counts = {}
    for name, url in routes.items():
        address = url()
        client.get(address)
        for cache in caches.all():
            cache.clear()
        with CaptureQueriesContext(connection) as cold:
            response = client.get(address)
        with CaptureQueriesContext(connection) as warm:
            client.get(address)
        reads_site = any("wagtailcore_site" in query["sql"] for query in warm)
        counts[name] = (response.status_code, len(cold), len(warm), reads_site)
    return counts


@pytest.fixture(scope="module")
def counts(django_db_setup, django_db_blocker, tmp_path_factory):
    """Query counts of every route at the small and the large size, built and rolled back once."""
    client = Client()
    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=media, PEER_SUPPORT_PAGE_CACHE_TIMEOUT=0
        ),  # whole answers never cached
        transaction.atomic(),
    ):
        call_command("load_seed_content", stdout=io.StringIO())
        call_command("load_scale_content", "--factor", SMALL, stdout=io.StringIO())
        small = measure(client, PAGES | API_ROUTES | PER_IMAGE_ROUTES)
        call_command("load_scale_content", "--factor", LARGE, stdout=io.StringIO())
        large = measure(client, PAGES | API_ROUTES | PER_IMAGE_ROUTES)
        transaction.set_rollback(True)
    return small, large


def assert_constant_and_within(counts, route, limit, status=200):
    small, large = counts[0][route], counts[1][route]
    assert small[0] == large[0] == status
    assert large[1:] == small[1:], (
        f"{route}: {small[1:]} queries (cold, warm) at factor {SMALL}, {large[1:]} at {LARGE}"
    )
    assert small[2] < limit, f"{route}: {small[2]} queries with the fragments cached"


@pytest.mark.parametrize("route", PAGES)
def test_page_costs_the_same_few_queries_at_any_size(counts, route):
    status = 404 if route == "not found" else 200
    assert_constant_and_within(counts, route, PAGE_LIMIT, status)


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("home", "home in French"),
        ("explainer", "explainer in French, not translated"),
        ("events", "events in French, not translated"),
        ("v3 events", "v3 events in French"),
        ("v3 event", "v3 event in French"),
        ("resource directory", "directory in French, not translated"),
        ("directory by language", "directory by language in French"),
        ("resource", "resource in French"),
    ],
)
def test_a_page_in_french_costs_what_it_costs_in_english(counts, english, french):
    """Give or take one lookup of translations: of the home page before routing, or of the
    programs an API list of events names."""
    small = counts[0]
    assert small[english][2] <= small[french][2] <= small[english][2] + 1, (
        f"{french}: {small[french][2]} queries with the fragments cached, "
        f"{english}: {small[english][2]}"
    )


@pytest.mark.parametrize(
    "route", [*PAGES, *(name for name in API_ROUTES if name not in WAGTAILS_OWN)]
)
def test_a_warm_answer_finds_its_site_without_the_database(counts, route):
    assert not counts[0][route][3], f"{route} read the site from the database"


@pytest.mark.parametrize("route", API_ROUTES)
def test_api_route_costs_the_same_few_queries_at_any_size(counts, route):
    assert_constant_and_within(counts, route, API_LIMIT)


@pytest.mark.parametrize(
    ("english", "french"),
    [("v3 resources", "v3 resources in French"), ("v3 resource", "v3 resource in French")],
)
def test_an_api_answer_in_french_costs_what_it_costs_in_english(counts, english, french):
    for size in counts:
        assert size[french][1:] == size[english][1:], (
            f"{french}: {size[french]}, {english}: {size[english]}"
        )


def test_wagtails_image_list_costs_at_most_one_query_per_listed_image(counts):
    small, large = counts[0]["v3 images"], counts[1]["v3 images"]
    assert small[0] == large[0] == 200
    assert large[2] - small[2] <= IMAGES_PER_PAGE
    assert large[2] < API_LIMIT + IMAGES_PER_PAGE
