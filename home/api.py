"""/api/v3/partners/: the partners the home page shows, in its order."""

from django.conf import settings
from django.core.cache import cache
from ninja import Router, Schema
from ninja.pagination import paginate
from wagtail.api.utils import get_base_url
from wagtail.api.v3.auth import AllowAnonymous

from cms.models import ContentVersion
from cms.pagination import ListPagination
from cms.renditions import ImageRenditions, image_representation

router = Router(tags=["partners"], auth=AllowAnonymous())


class PartnerOut(Schema):
    id: int
    name: str
    url: str
    description: str
    logo: ImageRenditions | None


@router.get("/", response=list[PartnerOut], url_name="partners", summary="Partners")
@paginate(ListPagination)
def partners(request):
    """Active partners in display order, with logo renditions; alt text defaults to the name."""
    return partners_representation(request)


def partners_representation(request):
    """Remembered until the content next changes, like the home page's partners section: fifty
    logos with their renditions cost more than the rest of the home page."""
    if request is None:
        return read_partners(request)
    key = ContentVersion.cache_key(request, "partners-api", get_base_url(request))
    return cache.get_or_set(key, lambda: read_partners(request), settings.FRAGMENT_CACHE_TIMEOUT)


def read_partners(request):
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
