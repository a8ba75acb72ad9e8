"""The site's own middleware: the 503 page while the database is down; the Site looked up once."""

from django.conf import settings
from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Site

from cms.models import ContentVersion, SiteSettings
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


class SiteMiddleware:
    """Finds the request's Site and its settings once per content version, not on every request.

    Wagtail looks the Site up with a query (and builds its root page) on every request, and the
    settings with another. Both only change with a content write, which moves the content version
    on (cms.signals), so they are cached under it: the same in every worker, new at once.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hostname = split_domain_port(request._get_raw_host())[0]  # as Wagtail does: no host check
        key = ContentVersion.cache_key(request, "site", hostname, request.get_port())
        request._wagtail_site, site_settings = cache.get_or_set(
            key, lambda: site_and_settings(request), settings.FRAGMENT_CACHE_TIMEOUT
        )
        if site_settings is not None:
            site_settings._request = request  # as SiteSettings.for_request leaves it
            setattr(request, SiteSettings.get_cache_attr_name(), site_settings)
        return self.get_response(request)


def site_and_settings(request):
    """The request's Site, with its root page as its own type (so Wagtail's routing need not fetch
    it), and the site's settings if they exist: a read should not create them (and move the
    version on), as SiteSettings.for_site would."""
    site = Site._find_for_request(request)
    if site is None:
        return None, None
    site.root_page = site.root_page.specific
    return site, SiteSettings.objects.filter(site=site).first()
