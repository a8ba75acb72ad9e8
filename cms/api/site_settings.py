"""/api/v3/site-settings/: who the organisation is and how to reach it."""

from django.http import Http404
from ninja import Router, Schema
from wagtail.api.v3.auth import AllowAnonymous

from cms.api.languages import LanguageCode, LocaleQuery, answering_in
from cms.blocks import SocialLink
from cms.models import SiteSettings

router = Router(tags=["site settings"], auth=AllowAnonymous())


class Address(Schema):
    street_address: str
    unit: str
    city: str
    province: str
    postal_code: str
    lines: list[str]


class CrisisNotice(Schema):
    text: str
    phone: str


class SiteSettingsOut(Schema):
    organisation_name: str
    tagline: str
    address: Address
    phone: str
    email: str
    social_links: list[SocialLink]
    crisis_notice: CrisisNotice | None


def address_representation(place):
    """A postal address (cms.models.PostalAddress: the site settings, a resource) as Address."""
    fields = {field: getattr(place, field) for field in Address.model_fields if field != "lines"}
    return {**fields, "lines": place.address_lines}


@router.get(
    "/",
    response=SiteSettingsOut,
    url_name="site_settings",
    operation_id="site_settings",
    summary="Site settings",
)
def site_settings(request, locale: LanguageCode | None = LocaleQuery):
    """The organisation's name, address, contact details, social links and crisis notice; the
    name, tagline and crisis notice in French with `locale=fr` once they are translated."""
    try:
        settings = SiteSettings.for_request(request)
    except SiteSettings.DoesNotExist:  # no site for this host name
        raise Http404("No site is set up for this host name.") from None
    with answering_in(locale):
        name, tagline, crisis_notice = (
            settings.shown_text(field)
            for field in ("organisation_name", "tagline", "crisis_notice")
        )
    return {
        "organisation_name": name,
        "tagline": tagline,
        "address": address_representation(settings),
        "phone": settings.phone,
        "email": settings.email,
        "social_links": [
            link.block.get_api_representation(link.value) for link in settings.social_links
        ],
        "crisis_notice": (
            {"text": crisis_notice, "phone": settings.crisis_phone} if crisis_notice else None
        ),
    }
