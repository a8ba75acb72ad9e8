"""The partners section block and the partners' API representation, shared by it and /api/v3/partners/."""

from ninja import Schema
from wagtail import blocks

from cms.caching import cached
from cms.renditions import ImageRenditions, image_representation
from partners.models import Partner


class PartnerOut(Schema):
    id: int
    name: str
    url: str
    description: str
    logo: ImageRenditions | None


class PartnersSection(Schema):
    heading: str
    partners: list[PartnerOut]


class PartnersBlock(blocks.StructBlock):
    """The active partners' logos in display order; nothing is shown while there are none."""

    heading = blocks.CharBlock(
        default="Our partners", max_length=80, help_text="e.g. 'Our community partners'."
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["partners"] = Partner.objects.active()
        return context

    def get_api_representation(self, value, context=None):
        partners = partners_representation((context or {}).get("request"))
        return {**super().get_api_representation(value, context), "partners": partners}

    api_schema = PartnersSection

    class Meta:
        icon = "group"
        template = "partners/blocks/partners_block.html"
        label = "Partners"
        description = "Logos of your partners, from Snippets → Partners."
        preview_value = {"heading": "Our partners"}


def partners_representation(request):
    """Kept (cms.caching), like the home page's partners section: fifty logos with their
    renditions cost more than the rest of the home page."""
    if request is None:
        return read_partners(request)
    return cached("partners-api", make=lambda: read_partners(request))


def read_partners(request):
    return [
        {
            "id": partner.pk,
            "name": partner.name,
            "url": partner.url,
            "description": partner.description,
            "logo": logo_representation(partner, request),
        }
        for partner in Partner.objects.active()
    ]


def logo_representation(partner, request):
    if partner.logo is None:
        return None
    return {**image_representation(partner.logo, request), "alt": partner.logo_alt}
