"""Site-wide views: the error pages, which work even when the database does not."""

import logging
import sys

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.http import HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from cms.models import ShownText, SiteSettings

logger = logging.getLogger(__name__)


def organisation_and_crisis_line(request):
    """The organisation's name, crisis line and quick exit, from its settings or, failing that,
    from settings.py."""
    try:
        site_settings = SiteSettings.for_request(request)
        return {
            "organisation_name": site_settings.organisation_name,
            "crisis_notice_shown": site_settings.crisis_notice_shown,
            "crisis_phone": site_settings.crisis_phone,
            "quick_exit": site_settings.quick_exit,
            "quick_exit_url": site_settings.quick_exit_url,
            "browse_safely_url": site_settings.browse_safely_url,
        }
    except Exception:  # the error being reported may be the database itself
        logger.exception("Could not read site settings for the error page")
        return fallback_settings()


def fallback_settings():
    """What the error pages show when the site's own settings cannot be read."""
    fallback = settings.CRISIS_NOTICE_FALLBACK
    return {
        "organisation_name": settings.WAGTAIL_SITE_NAME,
        "crisis_notice_shown": ShownText(fallback["crisis_notice"], settings.LANGUAGE_CODE),
        "crisis_phone": fallback["crisis_phone"],
        "quick_exit": bool(settings.QUICK_EXIT_FALLBACK_URL),
        "quick_exit_url": settings.QUICK_EXIT_FALLBACK_URL,
    }


def database_is_down(error):
    """Whether `error` came from a database that cannot be reached right now (not a bad query)."""
    if not isinstance(error, DatabaseError):
        return False
    probe = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        probe.ensure_connection()
    except DatabaseError:
        return True
    finally:
        probe.close()
    return False


def preferred_language_home(request):
    """The bare address: the home page in the browser's preferred language, English by default."""
    # LocaleMiddleware has chosen it from Accept-Language, since the address has no prefix.
    response = HttpResponseRedirect(reverse("wagtail_serve", args=[""]))
    patch_vary_headers(response, ["Accept-Language"])
    return response


def moved_to_english(request, path):
    """An address from before the language prefixes, moved for good to its English page."""
    return HttpResponsePermanentRedirect(f"/{settings.LANGUAGE_CODE}{request.get_full_path()}")


def error_page(template, status, crisis):
    """A static-safe error page: no database, no request context, no traceback."""
    html = render_to_string(template, {"crisis": crisis, "LANGUAGE_CODE": get_language()})
    return HttpResponse(html, status=status)


def server_error(request):
    """The 500 page, still showing where to get help in a crisis even if the database is down."""
    if database_is_down(sys.exc_info()[1]):  # raised outside a view, e.g. by a middleware
        return database_unavailable(request)
    return error_page("500.html", 500, organisation_and_crisis_line(request))


def database_unavailable(request):
    """The 503 page while the database is down: try again soon, and the crisis line meanwhile."""
    response = error_page("503.html", 503, fallback_settings())
    response["Retry-After"] = "60"
    return response
