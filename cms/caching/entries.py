"""Parts of answers kept under a key: one value, each item of a list, and what pages look up."""

import hashlib
from collections.abc import Sequence
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache, caches
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.api.utils import get_base_url
from wagtail.models import PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from cms.caching.scopes import current, making, seconds_left, valid_until
from cms.caching.version import version
from cms.conf import app_settings

NEAR_CACHE = "near"


def key(name, *parts, language=None):
    """A key for `name` and `parts`, in this version, for this site (origin) and language (the
    visitor's, unless given)."""
    scope = current.get()
    origin = scope.origin if scope else ""
    digest = hashlib.sha1(  # hashed: any characters are safe in any backend
        repr((origin, language or get_language(), parts)).encode(), usedforsecurity=False
    ).hexdigest()
    return f"{name}:{version()}:{digest}"


def fresh(entry):
    """An entry's value if it has not expired with the clock (and says so to the answer)."""
    until, value = entry
    if until is not None and until <= timezone.now():
        return None
    valid_until(until)
    return (value,)


def cached(name, *parts, make, language=None):
    """`make()`, kept under `name` and `parts` until the version moves on or its time ends (for
    one `language`, when it is the same in every language)."""
    entry_key = key(name, *parts, language=language)
    entry = read([entry_key]).get(entry_key)
    found = entry and fresh(entry)
    if found:
        return found[0]
    with making() as scope:
        value = make()
    keep({entry_key: value}, scope.until)
    return value


def cached_each(name, items, parts, make):
    """What `make(items)` makes for each item (in order), kept per item under `parts(item)`.

    Only the items not kept are given to `make`, so only they need their related rows read.
    """
    keys = [key(name, *parts(item)) for item in items]
    found = {}
    for entry_key, entry in read(keys).items():
        if value := fresh(entry):
            found[entry_key] = value[0]
    missing = [(k, item) for k, item in zip(keys, items, strict=True) if k not in found]
    if missing:
        with making() as scope:
            made = dict(zip([k for k, _ in missing], make([i for _, i in missing]), strict=True))
        found.update(made)
        keep(made, scope.until)
    return [found[k] for k in keys]


def keep(made, until):
    """Keep {key: value} until the version moves on, or `until` (if sooner)."""
    timeout = seconds_left(until, app_settings.FRAGMENT_CACHE_TIMEOUT)
    if timeout:
        entries = {k: (until, value) for k, value in made.items()}
        cache.set_many(entries, timeout)
        if near := near_cache():
            near.set_many(entries, timeout)


def read(keys):
    """{key: entry} of the entries kept under `keys`: from this process's own copies first, then
    from the shared cache (and copied here)."""
    near = near_cache()
    if near is None:
        return cache.get_many(keys)
    found = near.get_many(keys)
    if missing := [k for k in keys if k not in found]:
        shared = cache.get_many(missing)
        for entry_key, (until, value) in shared.items():
            if timeout := seconds_left(until, app_settings.FRAGMENT_CACHE_TIMEOUT):
                near.set(entry_key, (until, value), timeout)
        found.update(shared)
    return found


def near_cache():
    """This process's own copy of the parts kept in a shared cache (Redis), when there is one
    (the `near` cache): their keys hold the content version, so a kept part never changes, and
    reading it here saves a round trip to the shared cache for each part of each answer."""
    return caches[NEAR_CACHE] if NEAR_CACHE in settings.CACHES else None


def site_for(request):
    """The Wagtail site answering `request`, with its root page: kept, and looked up once per
    answer (Wagtail's `Site.find_for_request` reads it from the database on every request). Pass
    it on, as Wagtail's performance guide advises: `page.relative_url(site, request)`."""
    scope = current.get()
    looked_up = scope.looked_up if scope and scope.request is request else {}
    if "site" not in looked_up:
        looked_up["site"] = cached(
            "site", make=lambda: Site.find_for_request(request), language=settings.LANGUAGE_CODE
        )
    return looked_up["site"]


def site_url(request, path):
    """Wagtail's `get_full_url(request, path)` from the kept site: `path` after
    WAGTAILAPI_BASE_URL's scheme and host, else the request's site's."""
    if configured := get_base_url():
        return configured + path
    site = site_for(request)
    if site is None:
        return path
    root = urlsplit(site.root_url)
    return f"{root.scheme}://{root.netloc}{path}"


class CachedItems(Sequence):
    """An API list's items, made only as a page of them is taken (the total counted in the
    database), each kept under `name` and its row's id: `make(rows)` makes the items of the rows
    not kept, in order."""

    def __init__(self, name, rows, make):
        self.name = name
        self.rows = rows
        self.make = make

    def __len__(self):
        return self.rows.count()

    def __getitem__(self, index):
        rows = list(self.rows[index]) if isinstance(index, slice) else [self.rows[index]]
        items = cached_each(self.name, rows, lambda row: (row.pk,), self.make)
        return items if isinstance(index, slice) else items[0]


class CachedRoutesMixin:
    """For a site's root page: which page each address leads to (and which sub-route of a routable
    page), kept instead of two queries per level of the path. Only the way is kept: the page itself
    is read afresh, and privacy checks still run."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        way = cached(
            "route", self.pk, *path_components, make=lambda: self.way(request, path_components)
        )
        model, pk, args, kwargs = way
        if page := model.objects.filter(pk=pk).first():
            return RouteResult(page, args, kwargs)
        return super().route(request, path_components)

    def way(self, request, path_components):
        """Where Wagtail's routing leads: the page's type and id, and the sub-route's arguments
        (Http404, when it leads nowhere, is not kept)."""
        found = super().route(request, path_components)
        return (found.page.specific_class, found.page.pk, found.args, found.kwargs)


class CachedPrivacyMixin:
    """A page no view restriction applies to is kept as such: Wagtail otherwise reads its ancestors
    and their restrictions before every view. A restricted page is checked afresh every time."""

    def get_view_restrictions(self):
        if cached("unrestricted", self.pk, make=self.has_no_view_restrictions):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def has_no_view_restrictions(self):
        return not super().get_view_restrictions().exists()
