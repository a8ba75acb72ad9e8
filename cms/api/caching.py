"""HTTP caching for the API: ETag and Last-Modified with 304s, public only when anonymous."""

import hashlib

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
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
            return response
        if response.status_code != 200 or response.streaming:
            return response
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_changed)
        return get_conditional_response(
            request, etag=etag, last_modified=last_changed, response=response
        )


def is_private(request, response):
    """An answer for one caller: sent with a token or a login, or marked private by its view."""
    if "Authorization" in request.headers:
        return True
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    cache_control = response.get("Cache-Control", "")
    return "private" in cache_control or "no-store" in cache_control
