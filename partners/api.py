"""/api/v3/partners/: the partners the home page shows, in its order."""

from ninja import Router
from ninja.pagination import paginate
from wagtail.api.v3.auth import AllowAnonymous

from cms.api.languages import LanguageCode, LocaleQuery, answer_in
from cms.pagination import ListPagination
from partners.blocks import PartnerOut, partners_representation

router = Router(tags=["partners"], auth=AllowAnonymous())


@router.get(
    "/",
    response=list[PartnerOut],
    url_name="partners",
    operation_id="partners_list",
    summary="Partners",
)
@paginate(ListPagination)
def partners(request, locale: LanguageCode | None = LocaleQuery):
    """Active partners in display order, with logo renditions; alt text defaults to the name.
    With `locale=fr`, each partner's French translation where there is one."""
    answer_in(locale)
    return partners_representation(request)
