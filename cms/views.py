"""Site-wide views: every page's, and the error pages, which work even when the database does not."""

import logging
import sys

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from wagtail import hooks
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.views import serve_chain

from cms.caching import cached, site_for
from cms.conf import app_settings
from cms.models import SiteSettings
from cms.translations import ShownText, original_locale_id

logger = logging.getLogger(__name__)


def organisation_and_crisis_line(request):
    """The organisation's name, crisis line and quick exit, from its settings or, failing that,
    from settings.py."""
    try:
        site_settings = SiteSettings.for_request(request)
        return {
            "organisation_name": site_settings.shown_text("organisation_name"),
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
    fallback = app_settings.CRISIS_NOTICE_FALLBACK
    return {
        "organisation_name": getattr(settings, "WAGTAIL_SITE_NAME", ""),
        "crisis_notice_shown": ShownText(fallback["crisis_notice"], settings.LANGUAGE_CODE),
        "crisis_phone": fallback["crisis_phone"],
        "quick_exit": bool(app_settings.QUICK_EXIT_FALLBACK_URL),
        "quick_exit_url": app_settings.QUICK_EXIT_FALLBACK_URL,
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


@csrf_exempt  # it only redirects: the address it leads to checks the post as usual
def moved_to_english(request, path):
    """An address from before the language prefixes, moved for good to its English page. A form
    posted there, from a page opened before the move, goes on with its answers (308, not 301,
    which browsers follow with a GET, dropping them)."""
    return HttpResponsePermanentRedirect(
        f"/{settings.LANGUAGE_CODE}{request.get_full_path()}",
        preserve_request=request.method not in ("GET", "HEAD"),
    )


def error_page(template, status, crisis):
    """A static-safe error page: no database, no request context, no traceback."""
    html = render_to_string(template, {"crisis": crisis, "LANGUAGE_CODE": get_language()})
    return HttpResponse(html, status=status)


def server_error(request):
    """The 500 page, still showing where to get help in a crisis even if the database is down."""
    if database_is_down(sys.exc_info()[1]):  # raised outside a view, e.g. by a middleware
        return database_unavailable(request)
    return error_page("cms/500.html", 500, organisation_and_crisis_line(request))


def permission_denied(request, exception=None):
    """The 403 page, in the site's own layout with the crisis line."""
    return error_page("cms/403.html", 403, organisation_and_crisis_line(request))


def csrf_failure(request, reason=""):
    """A post refused by Django's CSRF check (CSRF_FAILURE_VIEW): the 403 page, saying how to send
    it again."""
    return error_page("cms/403_csrf.html", 403, organisation_and_crisis_line(request))


def database_unavailable(request):
    """The 503 page while the database is down: try again soon, and the crisis line meanwhile."""
    response = error_page("cms/503.html", 503, fallback_settings())
    response["Retry-After"] = "60"
    return response


@csrf_exempt
def serve(request, path):
    """Wagtail's page view (wagtail.views.serve), with two differences.

    - The site's root page, as its own type, is kept in the cache under the request's host:
      Wagtail reads the Site and then the root page on every request to route from it.
    - A page's own view may be csrf_exempt (the visitor forms, whose pages are cached for
      everyone and so carry no token): Wagtail serves every page through one view, and
      CsrfViewMiddleware looks for csrf_exempt on that view only, so marking a page's serve method
      or route would change nothing (wagtail/wagtail#3066). This view is exempt from the
      middleware and applies the same check itself unless the page's view is exempt.
    """
    found = route(request, path)
    if found and getattr(page_view(*found), "csrf_exempt", False):
        return serve_found(request, found)
    return checked_serve_found(request, found)


def route(request, path):
    """(page, args, kwargs) for `path`, or None when it leads to no page."""
    root = cached("root-page", request.get_host(), make=lambda: site_root_page(request))
    if root is None:  # no site for this host
        return None
    try:
        return tuple(root.route(request, [part for part in path.split("/") if part]))
    except Http404:
        return None


def site_root_page(request):
    site = site_for(request)
    return site.root_page.localized.specific if site else None


def page_view(page, args, kwargs):
    """The method that will answer: a routable page's route, or the page's serve."""
    return args[0] if isinstance(page, RoutablePageMixin) and args else page.serve


def serve_found(request, found):
    """The rest of Wagtail's page view once the page is found: its hooks, then the page's view.

    A page not translated into the visitor's language yet (reached at /fr/...) is answered whole
    in its own language, so that everything on it is in one language, as its `lang` says; the
    template adds a note in the visitor's language (cms_tags.page_languages).
    """
    if found is None:
        raise Http404
    page = found[0]
    if page.locale_id == original_locale_id() and get_language() != settings.LANGUAGE_CODE:
        with translation.override(settings.LANGUAGE_CODE):
            response = run_page_view(request, found)
            if not getattr(response, "is_rendered", True):
                response.render()
        response.headers.setdefault("Content-Language", settings.LANGUAGE_CODE)
        return response
    return run_page_view(request, found)


def run_page_view(request, found):
    page, args, kwargs = found
    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = fn(on_serve_chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return on_serve_chain(page, request, args, kwargs)


checked_serve_found = csrf_protect(serve_found)
