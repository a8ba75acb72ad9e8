"""Whole answers for anonymous visitors, and what browsers and proxies are told about them."""

from django.conf import settings
from django.core.cache import cache, caches
from django.utils.cache import (
    get_cache_key,
    get_conditional_response,
    has_vary_header,
    learn_cache_key,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)

from cms.caching.entries import fresh
from cms.caching.scopes import answering, seconds_left
from cms.caching.version import version
from cms.conf import app_settings

ANSWER_STATUSES = (200, 404)
# The admin and its previews, documents (their privacy is checked per person), and API previews.
NEVER_CACHED_PATHS = ("/admin/", "/documents/", "/api/v3/preview/")
PER_PERSON_CACHE_CONTROL = ("private", "no-cache", "no-store")
NOT_FOUND_CACHE = "not_found"


class AnswerCacheMiddleware:
    """Serves anonymous GET and HEAD requests from the cache, keeps answers anyone may get, and
    tells browsers and proxies how long they may keep them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with answering(request) as scope:
            if not is_anonymous(request):
                return private(request, self.get_response(request))
            response = None
            if app_settings.PAGE_CACHE_TIMEOUT:
                response = fetch(request)
            if response is None:
                response = self.answer(request, scope)
            return conditional(request, response)

    def answer(self, request, scope):
        """The view's answer, marked for browsers and proxies, and kept when it is for anyone."""
        # The version is read before the view: a change made while it runs then misses this key
        # instead of leaving a stale answer under the new one.
        key_prefix = answer_prefix()
        response = self.get_response(request)
        if is_api(request):
            patch_vary_headers(response, ["Authorization"])
        if response.cookies:  # e.g. the CSRF token of this visitor's form
            return private(request, response)
        if is_for_anyone(response):
            patch_cache_control(response, public=True)
            if response.status_code == 200:
                set_response_etag(response)
            timeout = seconds_left(scope.until, app_settings.PAGE_CACHE_TIMEOUT)
            if app_settings.PAGE_CACHE_TIMEOUT and timeout and request.method == "GET":
                store = answers_store(response)
                entry_key = learn_cache_key(request, response, timeout, key_prefix, store)
                store.set(entry_key, (scope.until, response), timeout)
            set_max_age(request, response, scope.until)
        return response


def answer_prefix():
    """What every whole answer's key starts with: the content version."""
    return f"answer:{version()}"


def is_api(request):
    return request.path_info.startswith("/api/")


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
        response.status_code in ANSWER_STATUSES
        and not response.streaming
        and not any(word in cache_control for word in PER_PERSON_CACHE_CONTROL)
        and not has_vary_header(response, "*")
    )


def answers_store(response):
    """Not-found answers are kept apart, in a small local store, so that requests for made-up
    addresses cannot push useful answers out of the cache."""
    return caches[NOT_FOUND_CACHE] if response.status_code == 404 else cache


def fetch(request):
    """The kept answer to a GET for this address (HEAD gets the same), if there is one."""
    key_prefix = answer_prefix()
    for store in (cache, caches[NOT_FOUND_CACHE]):
        entry_key = get_cache_key(request, key_prefix, "GET", cache=store)
        entry = entry_key and store.get(entry_key)
        if entry and (found := fresh(entry)):
            response = found[0]
            set_max_age(request, response, entry[0])
            return response
    return None


def set_max_age(request, response, until):
    """How long browsers and proxies may keep an answer: never past the moment it changes."""
    longest = app_settings.API_CACHE_MAX_AGE if is_api(request) else app_settings.PAGE_CACHE_MAX_AGE
    patch_cache_control(response, max_age=seconds_left(until, longest))


def conditional(request, response):
    """304 Not Modified when the visitor already has this answer (If-None-Match). There is no
    Last-Modified: an answer listing upcoming dates changes with the clock alone."""
    if response.status_code != 200 or not response.has_header("ETag"):
        return response
    return get_conditional_response(request, etag=response["ETag"], response=response)


def private(request, response):
    """Keep shared caches (proxies, CDNs) from storing an answer meant for one person."""
    if is_api(request):
        patch_vary_headers(response, ["Authorization"])
        patch_cache_control(response, private=True, no_store=True)
    elif "Cache-Control" not in response:
        patch_cache_control(response, private=True)
    return response
