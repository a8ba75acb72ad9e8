"""/api/v3/partners/: the partners the home page shows, in its order."""

from ninja import Router, Schema
from wagtail.api.v3.auth import AllowAnonymous

from cms.api.media import ImageRenditions
from cms.renditions import image_representation
from home.models import Partner

router = Router(tags=["partners"], auth=AllowAnonymous())


class PartnerOut(Schema):
    id: int
    name: str
    url: str
    description: str
    logo: ImageRenditions | None


@router.get("/", response=list[PartnerOut], url_name="partners", summary="Partners")
def partners(request):
    """Active partners in display order, with logo renditions; alt text defaults to the name."""
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
