"""The 503 page while the database is down, and the visitor's language."""

from django.middleware import locale
from django.utils import translation
from django.utils.cache import patch_vary_headers

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
