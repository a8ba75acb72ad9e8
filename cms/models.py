"""Site-wide models: the organisation's settings and the postal address shared with other apps."""

from django.apps import apps
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail_headless_preview.settings import headless_preview_settings

from cms.blocks import SocialLinkBlock
from cms.caching import cached
from cms.translations import TranslatedFieldsMixin
from cms.validators import canadian_postal_code, phone_number, secure_web_address
from cms.webhooks.models import Attempt, Delivery, Subscriber  # noqa: F401 (found here by Django)

if apps.is_installed("wagtail_headless_preview"):
    from wagtail_headless_preview.models import HeadlessPreviewMixin
else:
    # Its models module cannot even be imported outside INSTALLED_APPS: our models still load, so
    # that check cms.E001 can tell the host to add it, instead of an import error.
    HeadlessPreviewMixin = object

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
class SiteSettings(TranslatedFieldsMixin, PostalAddress, BaseSiteSetting):
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
    organisation_name_fr = models.CharField(
        "Name in French",
        max_length=200,
        blank=True,
        help_text="Optional: the organisation's French name, if it has one. Left blank, "
        "French-speaking visitors see the name above.",
    )
    tagline_fr = models.CharField(
        "Tagline in French",
        max_length=200,
        blank=True,
        help_text="Optional: the tagline as French-speaking visitors read it. Left blank, they "
        "see the English one.",
    )
    crisis_notice_fr = models.TextField(
        "Crisis notice in French",
        blank=True,
        help_text="The crisis notice as French-speaking visitors read it. Left blank, they see the "
        "English one.",
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
                FieldPanel("organisation_name_fr"),
                FieldPanel("tagline_fr"),
                FieldPanel("crisis_notice_fr"),
            ],
            heading="In French",
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

    @classmethod
    def for_request(cls, request):
        """As Wagtail finds them, kept in the cache: every page and API answer shows them."""
        find = super().for_request
        return cached("site-settings", request.get_host(), make=lambda: find(request))

    @property
    def crisis_notice_shown(self):
        return self.shown("crisis_notice")

    @property
    def browse_safely_url(self):
        """The browse-safely page's address while it is live, else an empty string."""
        page = self.browse_safely_page
        return page.get_url() if page and page.live else ""


class ContentVersion(models.Model):
    """A counter, one row for the whole site, that moves on whenever anything visitors see changes:
    every cached entry's key holds it (cms.caching)."""

    counter = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return f"Content version {self.counter}"


class ExternalPreviewMixin(HeadlessPreviewMixin):
    """Pages previewed as usual, and also in an external front end once one is configured."""

    @property
    def preview_modes(self):
        modes = super().preview_modes
        if headless_preview_settings.CLIENT_URLS:
            return [*modes, ("external", "External front end")]
        return modes

    def serve_preview(self, request, mode_name):
        if mode_name == "external":
            return super().serve_preview(request, mode_name)
        # The library's mixin previews only externally; skip it for our own templates.
        return super(HeadlessPreviewMixin, self).serve_preview(request, mode_name)
