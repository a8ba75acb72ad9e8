"""Our apps' settings: `PEER_SUPPORT_<NAME>` in the host site's settings, else the default here.

Read at each use (not at import), so `override_settings` and a host's settings alike apply.
docs/plugins.md lists them for a host site.
"""

from django.conf import settings

PREFIX = "PEER_SUPPORT_"

DEFAULTS = {
    # Where editors may add the one calendar, program list and directory page: page types as
    # "app_label.ModelName"; None allows any. Read once, when the page models are defined.
    "PARENT_PAGE_TYPES": None,
    # cms.caching: seconds a fragment (menu, footer, listing entry) is kept; any change renews it.
    "FRAGMENT_CACHE_TIMEOUT": 3600,
    # cms.caching.AnswerCacheMiddleware: seconds a whole anonymous answer is kept (0: none), and
    # how long browsers and proxies may reuse a page or an API answer.
    "PAGE_CACHE_TIMEOUT": 300,
    "PAGE_CACHE_MAX_AGE": 60,
    "API_CACHE_MAX_AGE": 60,
    # cms.api.preview: seconds an external front end's preview token works.
    "HEADLESS_PREVIEW_MAX_AGE": 3600,
    # cms.views.server_error: shown when the site settings cannot be read (database down).
    "CRISIS_NOTICE_FALLBACK": {"crisis_notice": "", "crisis_phone": ""},
    "QUICK_EXIT_FALLBACK_URL": "",
    # contact: spam protection of form posts, and the newsletter's confirmation link.
    "FORM_MINIMUM_SECONDS": 3,
    "FORM_RATE_LIMIT": "20/h",
    "NEWSLETTER_CONFIRMATION_DAYS": 7,
    # cms.api.cors: the API routes taking visitors' posts (contact.api), and the sites whose front
    # ends may post to them from a browser (origins such as "https://www.example.org").
    "FORMS_API_URLS_REGEX": r"^/api/v3/(forms/\d+/submissions|newsletter/subscriptions)/$",
    "FORMS_API_ALLOWED_ORIGINS": [],
    # cms.webhooks: addresses on private, loopback or link-local networks (refused unless True),
    # plain http (refused unless True: development and tests), seconds an attempt may take, hours
    # an old secret keeps signing after a rotation, hours a delivery is retried, and days a
    # subscriber may keep failing before it is paused.
    # The task backend (TASKS) that queues webhook deliveries: one that keeps tasks until a
    # worker runs them (django-tasks-db's DatabaseBackend), so none is lost with a process.
    "WEBHOOKS_TASK_BACKEND": "default",
    "WEBHOOKS_ALLOW_PRIVATE_NETWORKS": False,
    "WEBHOOKS_ALLOW_HTTP": False,
    "WEBHOOKS_TIMEOUT": 10,
    "WEBHOOKS_SECRET_OVERLAP_HOURS": 24,
    "WEBHOOKS_RETRY_HOURS": 24,
    "WEBHOOKS_PAUSE_AFTER_DAYS": 3,
}


class AppSettings:
    """`app_settings.FORM_RATE_LIMIT` is the host's PEER_SUPPORT_FORM_RATE_LIMIT or its default."""

    def __getattr__(self, name):
        if name not in DEFAULTS:
            raise AttributeError(f"{PREFIX}{name} is not one of our settings.")
        return getattr(settings, PREFIX + name, DEFAULTS[name])


app_settings = AppSettings()
