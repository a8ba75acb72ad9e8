"""The throwaway site under test: its settings, content, routes, and SQL queries per request."""

import io
import os
import secrets


def environment(workdir, port, cached):
    """Production settings (and the scale generator) for a loopback-only site in `workdir`, with the page cache on or off."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "connect_site.settings.bench",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # SQLite and each process's own memory, or what scripts/bench_with_services.sh started.
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{workdir}/db.sqlite3",
        "CACHE_URL": os.environ.get("BENCH_CACHE_URL", ""),
        "STATIC_ROOT": f"{workdir}/static",
        "MEDIA_ROOT": f"{workdir}/media",
        # Plain HTTP on loopback: no proxy in front, so no HTTPS redirect.
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_PROXY_SSL_HEADER": "",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "PAGE_CACHE_TIMEOUT": "300" if cached else "0",
        # Steady state: a bench sends a worker its 20,000 requests within a minute, and a recycled
        # worker starts with an empty cache, which set the cached p99 of whichever route it hit.
        "GUNICORN_MAX_REQUESTS": "0",
        "LOG_LEVEL": "ERROR",
    }


def build(factor):
    """Create the database, load the seed (and scale content when it exists), collect static."""
    from django.core.management import call_command, get_commands

    quiet = {"verbosity": 0, "stdout": io.StringIO()}
    call_command("migrate", **quiet)
    call_command("load_seed_content", **quiet)
    if "load_scale_content" in get_commands():
        call_command("load_scale_content", factor=factor, **quiet)
    else:
        call_command("load_example_programs", **quiet)
    call_command("collectstatic", interactive=False, **quiet)


def routes():
    """(name, path) for one example of every public page type and API route, and a static file."""
    from django.templatetags.static import static

    pages = [(name, path) for name, path in page_routes() if path]
    return pages + api_routes() + [("static file (whitenoise)", static("cms/site.css"))]


def page_routes():
    from contact.models import FormPage, NewsletterPage
    from home.models import ContentPage
    from programs.models import Event, EventIndexPage, ProgramIndexPage, ProgramPage
    from resources.models import Resource, ResourceIndexPage

    calendar = EventIndexPage.objects.live().first()
    directory = ResourceIndexPage.objects.live().first()
    event = Event.objects.live().first()
    resource = Resource.objects.first()
    category = resource.categories.first() if resource else None
    page_types = (ContentPage, ProgramIndexPage, ProgramPage, FormPage, NewsletterPage)
    first_url = {model: getattr(model.objects.live().first(), "url", None) for model in page_types}
    return [
        ("home", "/en/"),
        ("content page", first_url[ContentPage]),
        ("program index", first_url[ProgramIndexPage]),
        ("program page", first_url[ProgramPage]),
        ("events list", calendar.url),
        ("event detail", calendar.url + calendar.reverse_subpage("event", args=[event.slug])),
        ("resource directory", directory.url),
        ("directory, one category", f"{directory.url}?category={category.slug}"),
        ("resource detail", directory.url + directory.reverse_subpage("resource", [resource.slug])),
        ("form page", first_url[FormPage]),
        ("newsletter page", first_url[NewsletterPage]),
        ("404", "/en/no-such-page/"),
    ]


def api_routes():
    from wagtail.models import Page

    from programs.models import Event
    from resources.models import Resource

    page = Page.objects.live().filter(depth__gt=1).first()
    return [
        ("api v2 pages", "/api/v2/pages/"),
        ("api v2 page", f"/api/v2/pages/{page.pk}/"),
        ("api v2 images", "/api/v2/images/"),
        ("api v3 pages", "/api/v3/pages/"),
        ("api v3 page", f"/api/v3/pages/{page.pk}/"),
        ("api v3 images", "/api/v3/images/"),
        ("api v3 events", "/api/v3/events/"),
        ("api v3 event", f"/api/v3/events/{Event.objects.live().first().pk}/"),
        ("api v3 resources", "/api/v3/resources/"),
        ("api v3 resource", f"/api/v3/resources/{Resource.objects.first().slug}/"),
        ("api v3 partners", "/api/v3/partners/"),
        ("api v3 summaries", "/api/v3/summaries/"),
        ("api v3 site settings", "/api/v3/site-settings/"),
    ]


def queries_and_bytes(path, cached):
    """Status, SQL queries and body bytes of the second of two anonymous requests for `path`."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    with override_settings(PEER_SUPPORT_PAGE_CACHE_TIMEOUT=300 if cached else 0):
        Client().get(path, HTTP_HOST="127.0.0.1")  # renditions, fragments and cache filled
        with CaptureQueriesContext(connection) as queries:
            response = Client().get(path, HTTP_HOST="127.0.0.1")
    body = b"".join(response) if response.streaming else response.content
    return {"status": response.status_code, "queries": len(queries), "bytes": len(body)}
