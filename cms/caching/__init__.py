"""The site's one caching layer: what is kept between requests, under which key, for how long.

- **The content version** (`version()`): a counter in the database (`cms.models.ContentVersion`)
  that moves on whenever something visitors can see changes. Every key holds it, so a change shows
  at once in every process and old entries simply expire. It moves on only for what is registered
  with `invalidated_by()`: publishing, unpublishing, moving or deleting a page, and saving or
  deleting a model visitors see; inside `moving_once()` (a bulk load) it moves once, at the
  end. Drafts, revisions, editing sessions, renditions, form answers and
  logins never move it.
- **Time** (`valid_until()`): what shows upcoming dates declares when the soonest of them ends.
  Every entry made while it was declared expires then, and so does the whole answer holding it.
- **Keys** (`key()`) hold the name, the version, the request's origin (scheme and host: the site),
  the language and the parts given.
- **The request's site** (`site_for()`): kept, and looked up once per answer.
- **Parts of answers**: one value (`cached()`), each of a listing's items (`cached_each()`), an API
  list's items (`CachedItems`), template fragments (`{% cached %}` in cms_tags), the way to a page
  (`CachedRoutesMixin`) and a page's lack of view restrictions (`CachedPrivacyMixin`).
- **The shared cache** (`FailSafeRedisCache`): Redis that, while down, acts as an empty cache.
- **Whole answers and HTTP** (`AnswerCacheMiddleware`): anonymous GET and HEAD answers kept and
  served without the database; ETag of the body, 304s, Cache-Control, Vary.
"""

from cms.caching.answers import AnswerCacheMiddleware, is_anonymous
from cms.caching.backends import FailSafeRedisCache
from cms.caching.entries import (
    CachedItems,
    CachedPrivacyMixin,
    CachedRoutesMixin,
    cached,
    cached_each,
    key,
    site_for,
    site_url,
)
from cms.caching.scopes import valid_until
from cms.caching.version import (
    VERSION_KEY,
    invalidated_by,
    invalidated_by_pages,
    move_version_on,
    moving_once,
    version,
)

__all__ = [
    "VERSION_KEY",
    "AnswerCacheMiddleware",
    "CachedItems",
    "CachedPrivacyMixin",
    "CachedRoutesMixin",
    "FailSafeRedisCache",
    "cached",
    "cached_each",
    "invalidated_by",
    "invalidated_by_pages",
    "is_anonymous",
    "key",
    "move_version_on",
    "moving_once",
    "site_for",
    "site_url",
    "valid_until",
    "version",
]
