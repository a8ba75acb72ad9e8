"""/api/v3/preview/: an editor's unpublished draft, for an external front end holding a preview token."""

from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature, SignatureExpired
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from ninja import Router
from ninja.errors import HttpError
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.routers.pages import PageDetailSchema
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from cms.conf import app_settings

router = Router(tags=["preview"], auth=AllowAnonymous())


@router.get(
    "/",
    response=PageDetailSchema,
    url_name="preview",
    operation_id="preview",
    summary="Preview a draft",
)
def preview(request, response: HttpResponse, content_type: str, token: str):
    """The draft an editor is previewing, as the page detail gives it; the token comes from the
    admin's "External front end" preview and expires after HEADLESS_PREVIEW_MAX_AGE seconds."""
    patch_cache_control(response, private=True, no_store=True)  # a draft is for that editor only
    try:
        HeadlessPreviewMixin.get_preview_signer().unsign(
            token, max_age=app_settings.HEADLESS_PREVIEW_MAX_AGE
        )
    except SignatureExpired as error:
        raise HttpError(
            403, "token: this preview has expired; preview again from the admin."
        ) from error
    except BadSignature as error:
        raise HttpError(403, "token: not a valid preview token.") from error
    app_label, _, model = content_type.partition(".")
    page_type = ContentType.objects.filter(app_label=app_label, model=model.lower()).first()
    found = page_type and PagePreview.objects.filter(content_type=page_type, token=token).first()
    if not found:
        raise Http404("No preview with this token and content_type.")
    return found.as_page()
