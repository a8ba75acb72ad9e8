"""Partners: organisations shown in a partners section (PartnersBlock) and /api/v3/partners/."""

from django.db import models
from django.db.models import Prefetch
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.images import get_image_model
from wagtail.models import TranslatableMixin

from cms.renditions import LOGO_SPEC, RENDITION_SPECS
from cms.translations import TranslatedQuerySet


def logo_renditions():
    """The logo sizes pages and the API show: not every size an image may have been made at."""
    specs = [LOGO_SPEC, *RENDITION_SPECS.values()]
    return get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)


class PartnerQuerySet(TranslatedQuerySet):
    def active(self):
        """Partners to show, in the visitor's language and display order, with their logos'
        renditions fetched together."""
        return (
            self.localized()
            .filter(active=True)
            .select_related("logo")
            .prefetch_related(Prefetch("logo__renditions", queryset=logo_renditions()))
            .order_by("sort_order", "name")
        )


class Partner(TranslatableMixin, models.Model):
    """An organisation that works with or supports us, shown in the partners section."""

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

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def logo_alt(self):
        return self.logo_alt_text or self.name
