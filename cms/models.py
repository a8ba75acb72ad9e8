"""Site-wide models: the organisation's settings and the postal address shared with other apps."""

import hashlib
from collections.abc import Sequence

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import PageViewRestriction, Site
from wagtail.url_routing import RouteResult
from wagtail_headless_preview.models import HeadlessPreviewMixin

from cms.blocks import SocialLinkBlock
from cms.validators import canadian_postal_code, phone_number, secure_web_address

PROVINCES = [
    ("AB", "Alberta"),
    ("BC", "British Columbia"),
    ("MB", "Manitoba"),
    ("NB", "New Brunswick"),
    ("NL", "Newfoundland and Labrador"),
    ("NS", "Nova Scotia"),
    ("NT", "Northwest Territories"),
    ("NU", "Nunavut"),
    ("ON", "Ontario"),
    ("PE", "Prince Edward Island"),
    ("QC", "Quebec"),
    ("SK", "Saskatchewan"),
    ("YT", "Yukon"),
]
# Environment Canada's forecasts: an everyday page with no advertising or trackers.
QUICK_EXIT_DEFAULT_URL = "https://weather.gc.ca/"


class PostalAddress(models.Model):
    """A Canadian street address; abstract, for anything that has one."""

    street_address = models.CharField(
        max_length=200, blank=True, help_text="Number and street, e.g. 536 Queens Ave."
    )
    unit = models.CharField(
        max_length=50, blank=True, help_text="Optional: unit, suite or floor, e.g. Unit 202."
    )
    city = models.CharField(max_length=100, blank=True, help_text="e.g. London")
    province = models.CharField(max_length=2, choices=PROVINCES, blank=True, default="ON")
    postal_code = models.CharField(
        max_length=7, blank=True, validators=[canadian_postal_code], help_text="e.g. N6B 1Y8"
    )

    address_panels = [
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("unit"),
                FieldRowPanel(
                    [
                        FieldPanel("city"),
                        FieldPanel("province", help_text="The province or territory."),
                        FieldPanel("postal_code"),
                    ]
                ),
            ],
            heading="Postal address",
        )
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        compact = self.postal_code.upper().replace(" ", "")
        self.postal_code = f"{compact[:3]} {compact[3:]}" if len(compact) == 6 else compact
        super().save(*args, **kwargs)

    @property
    def address_lines(self):
        """The address as the lines of an envelope, blank parts left out."""
        street = ", ".join(part for part in (self.street_address, self.unit) if part)
        place = " ".join(
            part for part in (self.city + ("," if self.city else ""), self.province) if part
        )
        last = " ".join(part for part in (place, self.postal_code) if part)
        return [line for line in (street, last) if line]


@register_setting(icon="home")
class SiteSettings(PostalAddress, BaseSiteSetting):
    """Who the organisation is and how to reach it; shown in the header, footer and API."""

    organisation_name = models.CharField(
        max_length=200, help_text="The full name, shown in the header and footer of every page."
    )
    tagline = models.CharField(
        max_length=200, blank=True, help_text="Optional: a short line under the name in the header."
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: the organisation's logo, shown on the admin's sign-in page and menu. "
        "A square or wide picture (PNG or JPEG) with a plain background works best.",
    )
    phone = models.CharField(
        max_length=40, blank=True, validators=[phone_number], help_text="Main phone number, if any."
    )
    email = models.EmailField(blank=True, help_text="General email address for inquiries, if any.")
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        blank=True,
        help_text="Links to the organisation's pages on Facebook and other sites, shown in the footer.",
    )
    crisis_notice = models.TextField(
        blank=True,
        help_text="Shown at the top of every page when filled in: where to get help right now.",
    )
    crisis_phone = models.CharField(
        max_length=40,
        blank=True,
        validators=[phone_number],
        help_text="The crisis line's number, made into a tap-to-call link, e.g. 9-8-8.",
    )
    quick_exit = models.BooleanField(
        "Show the quick exit button",
        default=False,
        help_text="Puts a “Leave this site” button at the top of every page. Someone worried that "
        "another person may see their screen can tap it (or press the Shift key three times) to "
        "swap this site at once for the everyday website chosen below.",
    )
    quick_exit_url = models.URLField(
        "Where the quick exit goes",
        default=QUICK_EXIT_DEFAULT_URL,
        validators=[secure_web_address],
        help_text="An everyday website that draws no attention, such as the weather forecast. "
        "It must start with https://.",
    )
    browse_safely_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: the page explaining how to browse privately and clear the history, "
        "linked beside the quick exit button.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("tagline"), FieldPanel("logo")],
            heading="Organisation",
        ),
        *PostalAddress.address_panels,
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("social_links")],
            heading="Contact",
        ),
        MultiFieldPanel(
            [FieldPanel("crisis_notice"), FieldPanel("crisis_phone")], heading="Crisis notice"
        ),
        MultiFieldPanel(
            [
                FieldPanel("quick_exit"),
                FieldPanel("quick_exit_url"),
                FieldPanel("browse_safely_page"),
            ],
            heading="Quick exit",
        ),
    ]

    class Meta:
        verbose_name = "Site settings"

    def __str__(self):
        return self.organisation_name or "Site settings"

    @property
    def browse_safely_url(self):
        """The browse-safely page's address while it is live, else an empty string."""
        page = self.browse_safely_page
        return page.get_url() if page and page.live else ""


class ContentVersion(models.Model):
    """When anything on the site last changed, one row for the site: the API's Last-Modified and the
    version of every cached page and fragment (cms.page_cache, the menu and footer)."""

    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return f"Content changed at {self.changed_at:%Y-%m-%d %H:%M:%S}"

    @classmethod
    def bump(cls):
        cls.objects.update_or_create(pk=1, defaults={"changed_at": timezone.now()})

    @classmethod
    def last_changed(cls):
        # Read on every request, page cache hits included: a raw query is not compiled each time
        # (0.04 ms instead of 0.12), and Django still converts the column as for any model.
        for version in cls.objects.raw(
            "SELECT id, changed_at FROM cms_contentversion WHERE id = 1"
        ):
            return version.changed_at
        version, _ = cls.objects.get_or_create(pk=1, defaults={"changed_at": timezone.now()})
        return version.changed_at

    @classmethod
    def for_request(cls, request):
        """last_changed(), read once per request however many parts of the answer ask (read
        afresh when there is no request to hand)."""
        if request is None:
            return cls.last_changed()
        if not hasattr(request, "_content_changed_at"):
            request._content_changed_at = cls.last_changed()
        return request._content_changed_at

    @classmethod
    def cache_key(cls, request, name, *parts):
        """A cache key that the next content change replaces: the name, the version, the parts."""
        return ":".join([name, str(cls.for_request(request).timestamp()), *map(str, parts)])

    @classmethod
    def remembered(cls, request, name, items, key, make):
        """What is made for each of a listing's items (its HTML, its API data), remembered until
        the content next changes.

        `key(item)` gives what the result depends on besides the site and language;
        `make(items)` makes the results of those not remembered, in order, so that only they need
        their related rows read. HTML stays marked safe through the cache.
        """
        site = Site.find_for_request(request)
        parts = (site and site.pk, get_language())
        keys = [cls.cache_key(request, name, *parts, *key(item)) for item in items]
        found = cache.get_many(keys)
        missing = [(k, item) for k, item in zip(keys, items, strict=True) if k not in found]
        if missing:
            made = make([item for _, item in missing])
            made = dict(zip([k for k, _ in missing], made, strict=True))
            cache.set_many(made, settings.FRAGMENT_CACHE_TIMEOUT)
            found.update(made)
        return [found[k] for k in keys]


class RememberedItems(Sequence):
    """An API listing's items, made only as a page of them is taken (the total counted in the
    database), each remembered under `name` until the content next changes: `make(rows)` makes
    the items of the rows not remembered, in order, reading their related rows only then."""

    def __init__(self, request, name, rows, make):
        self.request = request
        self.name = name
        self.rows = rows
        self.make = make

    def __len__(self):
        return self.rows.count()

    def __getitem__(self, index):
        rows = list(self.rows[index]) if isinstance(index, slice) else [self.rows[index]]
        items = ContentVersion.remembered(
            self.request, self.name, rows, lambda row: (row.pk,), self.make
        )
        return items if isinstance(index, slice) else items[0]


class CachedRoutesMixin:
    """For a site's root page: which page each address leads to (and which sub-route of a routable
    page), remembered until the content next changes, instead of two queries per level of the path.

    Only the way is remembered: the page itself is read afresh, and privacy checks still run.
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        path = hashlib.sha1("/".join(path_components).encode(), usedforsecurity=False).hexdigest()
        key = ContentVersion.cache_key(request, "route", self.pk, path)  # hashed: any characters
        if way := cache.get(key):
            model, pk, args, kwargs = way
            if page := model.objects.filter(pk=pk).first():
                return RouteResult(page, args, kwargs)
        found = super().route(request, path_components)  # Http404 is not remembered
        way = (found.page.specific_class, found.page.pk, found.args, found.kwargs)
        cache.set(key, way, settings.FRAGMENT_CACHE_TIMEOUT)
        return found


class RememberedPrivacyMixin:
    """A page that no view restriction applies to is remembered as such until the content next
    changes: Wagtail otherwise reads the page's ancestors and then their restrictions (two
    queries, 0.6 ms) before every view.

    Only the absence of restrictions is remembered, under the content version read at the check,
    which saving or deleting a restriction, moving or deleting a page and making an alias all move
    on. A page with a restriction has it checked afresh on every view.
    """

    def get_view_restrictions(self):
        key = ContentVersion.cache_key(None, "unrestricted", self.pk)  # Wagtail passes no request
        if cache.get(key):
            return PageViewRestriction.objects.none()
        restrictions = super().get_view_restrictions()
        if not restrictions:
            cache.set(key, True, settings.FRAGMENT_CACHE_TIMEOUT)
        return restrictions


class ExternalPreviewMixin(HeadlessPreviewMixin):
    """Pages previewed as usual, and also in an external front end once one is configured."""

    @property
    def preview_modes(self):
        modes = super().preview_modes
        if settings.WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"]:
            return [*modes, ("external", "External front end")]
        return modes

    def serve_preview(self, request, mode_name):
        if mode_name == "external":
            return super().serve_preview(request, mode_name)
        # The library's mixin previews only externally; skip it for our own templates.
        return super(HeadlessPreviewMixin, self).serve_preview(request, mode_name)
