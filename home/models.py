"""The home page and general content (explainer) pages."""

from django.db import models
from django.db.models import Prefetch
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import PARAGRAPH_FEATURES
from cms.models import CachedRoutesMixin, ExternalPreviewMixin, RememberedPrivacyMixin
from cms.renditions import LOGO_SPEC, RENDITION_SPECS
from home.blocks import ContentStreamBlock, HomeStreamBlock


class HomePage(CachedRoutesMixin, RememberedPrivacyMixin, ExternalPreviewMixin, Page):
    """The welcome page at the root of the site; one per site."""

    page_description = "The welcome page at the top of the site. A site has only one."
    admin_icon = "home"

    hero_heading = models.CharField(
        max_length=120,
        help_text="The big welcome line at the top, e.g. 'Recovery is Possible. You are not alone.'",
    )
    hero_subheading = models.CharField(
        max_length=250, blank=True, help_text="Optional: a short line under the welcome heading."
    )
    intro = RichTextField(
        features=PARAGRAPH_FEATURES,
        blank=True,
        help_text="The welcome text: who you are and what you offer, in a few sentences.",
    )
    body = StreamField(
        HomeStreamBlock(),
        blank=True,
        help_text="The rest of the page, built from headings, paragraphs, quotes and other blocks.",
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ContentPage",
        "programs.ProgramIndexPage",
        "programs.EventIndexPage",
        "contact.FormPage",
        "contact.NewsletterPage",
        "resources.ResourceIndexPage",
    ]
    max_count = 1

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_subheading")], heading="Welcome"
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("hero_heading"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("hero_heading"),
        APIField("hero_subheading"),
        APIField("intro"),
        APIField("body"),
    ]

    class Meta:
        verbose_name = "home page"


class ContentPage(RememberedPrivacyMixin, ExternalPreviewMixin, Page):
    """A page that explains one thing, e.g. 'What is Peer Support?'."""

    page_description = (
        "A page that explains one thing, e.g. 'What is Peer Support?', built from headings, "
        "text, pictures and other blocks."
    )
    admin_icon = "doc-full"

    intro = models.TextField(
        blank=True,
        max_length=500,
        help_text="One or two plain sentences saying what this page is about; also used in listings.",
    )
    body = StreamField(ContentStreamBlock(), help_text="The page's content, built from blocks.")

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = "content page"


def logo_renditions():
    """The logo sizes pages and the API show: not every size an image may have been made at."""
    specs = [LOGO_SPEC, *RENDITION_SPECS.values()]
    return get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)


class PartnerQuerySet(models.QuerySet):
    def active(self):
        """Partners to show, in display order, with their logos' renditions fetched together."""
        return (
            self.filter(active=True)
            .select_related("logo")
            .prefetch_related(Prefetch("logo__renditions", queryset=logo_renditions()))
            .order_by("sort_order", "name")
        )


class Partner(models.Model):
    """An organisation that works with or supports us, shown in the home page's partners section."""

    name = models.CharField(max_length=120, help_text="The partner's name, e.g. 'CMHA Ontario'.")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: their logo. Without one, their name is shown instead.",
    )
    logo_alt_text = models.CharField(
        max_length=200,
        blank=True,
        help_text="What screen readers say for the logo. Leave blank to use the partner's name.",
    )
    url = models.URLField(
        "website", blank=True, help_text="Optional: their website; the logo links to it."
    )
    description = models.TextField(
        max_length=300, blank=True, help_text="Optional: one or two sentences about the partner."
    )
    sort_order = models.PositiveIntegerField(
        "display order", default=0, help_text="Lower numbers are shown first."
    )
    active = models.BooleanField(
        default=True, help_text="Untick to stop showing this partner without deleting it."
    )

    objects = PartnerQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("logo"),
        FieldPanel("logo_alt_text"),
        FieldPanel("url"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
        FieldPanel("active"),
    ]
    api_fields = [APIField("name"), APIField("url"), APIField("description")]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def logo_alt(self):
        return self.logo_alt_text or self.name
