"""The site's own cache of whole answers: pages and API reads that are the same for every visitor.

Built on Django's cache helpers, so an answer's Vary header is honoured. Every key carries the
site's content version (cms.models.ContentVersion, in the database), which any content write moves
on: publishing, unpublishing, moving or deleting a page, or saving a snippet, resource, event or
the settings shows at once, in every worker process, with no list of keys to find and delete.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import (
    get_cache_key,
    get_conditional_response,
    has_vary_header,
    learn_cache_key,
    patch_cache_control,
    set_response_etag,
)
from django.utils.http import parse_http_date_safe

from cms.models import ContentVersion

CACHED_STATUSES = (200, 404)
# The admin and its previews, documents (their privacy is checked per person), and API previews.
NEVER_CACHED_PATHS = ("/admin/", "/documents/", "/api/v3/preview/")
PER_PERSON_CACHE_CONTROL = ("private", "no-cache", "no-store")


class PageCacheMiddleware:
    """Answers anonymous GET and HEAD requests from the cache, and keeps the answers anyone may get."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_anonymous(request):
            return mark_private(self.get_response(request))
        key_prefix, response = None, None
        if settings.PAGE_CACHE_TIMEOUT:
            # Read before the view: a change made while it runs then misses this key instead of
            # leaving a stale answer under the new one.
            key_prefix = ContentVersion.cache_key(request, "page")
            response = fetch(request, key_prefix)
        return conditional(request, response or self.answer(request, key_prefix))

    def answer(self, request, key_prefix):
        """The view's answer, marked for browsers and proxies, and kept when it is for anyone."""
        response = self.get_response(request)
        if response.cookies:  # e.g. the CSRF token of this visitor's form
            return mark_private(response)
        if is_for_anyone(response):
            if "Cache-Control" not in response:
                patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)
            if response.status_code == 200 and not response.has_header("ETag"):
                set_response_etag(response)
            if key_prefix and request.method == "GET":
                timeout = settings.PAGE_CACHE_TIMEOUT
                key = learn_cache_key(request, response, timeout, key_prefix, cache)
                cache.set(key, response, timeout)
        return response


def is_anonymous(request):
    """A read with no session (so no login, preview or password), no token, outside the admin."""
    return (
        request.method in ("GET", "HEAD")
        and "Authorization" not in request.headers
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith(NEVER_CACHED_PATHS)
    )


def is_for_anyone(response):
    """A page or not-found answer, whole, that its view did not mark as meant for one person."""
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code in CACHED_STATUSES
        and not response.streaming
        and not any(word in cache_control for word in PER_PERSON_CACHE_CONTROL)
        and not has_vary_header(response, "*")
    )


def fetch(request, key_prefix):
    """The stored answer to a GET for this address (HEAD gets the same), if there is one."""
    key = get_cache_key(request, key_prefix, "GET", cache=cache)
    return cache.get(key) if key else None


def conditional(request, response):
    """304 Not Modified when the visitor already has this answer (If-None-Match/-Modified-Since)."""
    if response.status_code != 200 or not response.has_header("ETag"):
        return response
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return get_conditional_response(
        request, etag=response["ETag"], last_modified=last_modified, response=response
    )


def mark_private(response):
    """Keep shared caches (proxies, CDNs) from storing an answer meant for one person."""
    if "Cache-Control" not in response:
        patch_cache_control(response, private=True)
    return response
