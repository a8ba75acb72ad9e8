"""The home page and general content (explainer) pages."""

from django.db import models
from django.http import Http404
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import PARAGRAPH_FEATURES
from cms.caching import CachedPrivacyMixin, CachedRoutesMixin
from cms.models import ExternalPreviewMixin
from cms.translations import original_locale_id
from home.blocks import ContentStreamBlock, HomeStreamBlock


class HomePage(CachedRoutesMixin, CachedPrivacyMixin, ExternalPreviewMixin, Page):
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

    def way(self, request, path_components):
        """An address in another language whose page is not translated yet leads to the original
        page, which the template marks as such (and the way there is kept, as any other)."""
        try:
            return super().way(request, path_components)
        except Http404:
            if self.locale_id == original_locale_id():
                raise
            original = self.get_translation_or_none(original_locale_id())
            if original is None:
                raise
            return original.specific.way(request, path_components)


class ContentPage(CachedPrivacyMixin, ExternalPreviewMixin, Page):
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
