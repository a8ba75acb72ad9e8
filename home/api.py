"""/api/v3/partners/: the partners the home page shows, in its order."""

from ninja import Router, Schema
from wagtail.api.v3.auth import AllowAnonymous

from cms.renditions import ImageRenditions, image_representation

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
    return partners_representation(request)


def partners_representation(request):
    from home.models import Partner  # Not at the top: the home page's blocks import us.

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
