"""HTTP caching for the API: Last-Modified and public caching when anonymous, never with a token.

The ETag, 304 answers and the shared cache of whole answers come from cms.page_cache, as for pages.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from cms.models import ContentVersion


class APICachingMiddleware:
    """Anonymous API reads may be cached anywhere and revalidated; anything with a user, nowhere."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith("/api/") or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        # Read before the view (in whole seconds, as HTTP dates are): content changed while it
        # runs is then newer than Last-Modified, so the next If-Modified-Since gets it in full.
        last_changed = int(ContentVersion.for_request(request).timestamp())
        response = self.get_response(request)
        patch_vary_headers(response, ["Authorization"])
        if is_private(request, response):
            patch_cache_control(response, private=True, no_store=True)
        elif response.status_code == 200 and not response.streaming:
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
            response["Last-Modified"] = http_date(last_changed)
        return response


def is_private(request, response):
    """An answer for one caller: sent with a token or a login, or marked private by its view."""
    if "Authorization" in request.headers:
        return True
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    cache_control = response.get("Cache-Control", "")
    return "private" in cache_control or "no-store" in cache_control
