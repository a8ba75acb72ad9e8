"""The 503 page while the database is down, the visitor's language, and redirects."""

from urllib.parse import urlparse

from django.conf import settings
from django.middleware import locale
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.encoding import uri_to_iri
from wagtail.contrib.redirects import middleware as redirects
from wagtail.contrib.redirects.models import Redirect

from cms.caching import cached
from cms.views import database_is_down, database_unavailable


class DatabaseUnavailableMiddleware:
    """Turns a view's database error into the 503 page when the database itself is down."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if database_is_down(exception):
            return database_unavailable(request)
        return None


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, minus its redirect of an unprefixed address that is not found to the visitor's
    language: old addresses redirect for good to English instead (connect_site/urls.py), and the
    API's and the admin's not-found answers stay 404s."""

    def process_response(self, request, response):
        if response.status_code != 404 or translation.get_language_from_path(request.path_info):
            return super().process_response(request, response)
        patch_vary_headers(response, ["Accept-Language"])
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class RedirectMiddleware(redirects.RedirectMiddleware):
    """Wagtail's, looking redirects up only for a not-found address that one of them starts from:
    which addresses those are is kept (redirects move the content version), so the many
    not-found addresses no redirect names cost no lookup of the site and its redirects."""

    def process_response(self, request, response):
        if response.status_code != 404:
            return response
        path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
        tried = {path, urlparse(path).path}
        if tried.union(map(uri_to_iri, tried)).isdisjoint(redirected_paths()):
            return response
        return super().process_response(request, response)


def redirected_paths():
    """Every address a redirect starts from (normalised, as Wagtail stores them)."""
    return cached(
        "redirected-paths",
        make=lambda: frozenset(Redirect.objects.values_list("old_path", flat=True)),
        language=settings.LANGUAGE_CODE,
    )
