"""/api/v3/preview/: an editor's unpublished draft, for an external front end holding a preview token.

A preview is withdrawn once its page is published, unpublished or deleted: it shows a draft that is
no longer what the page is, or will be.
"""

from django.core.signing import BadSignature, SignatureExpired
from django.db.models.signals import post_delete
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from ninja import Router
from ninja.errors import HttpError
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.routers.pages import PageDetailSchema
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished
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
    admin's "External front end" preview and expires after HEADLESS_PREVIEW_MAX_AGE seconds, or
    sooner once the page is published, unpublished or deleted."""
    patch_cache_control(response, private=True, no_store=True)  # a draft is for that editor only
    check_signature(token)
    found = PagePreview.objects.filter(token=token).select_related("content_type").first()
    if not found:  # signed by us, so it was made, and withdrawn since
        raise HttpError(
            403,
            "token: this preview is no longer available: its page was published, unpublished or "
            "deleted since, or the preview is over a day old. Preview again from the admin.",
        )
    app_label, _, model = content_type.partition(".")
    if (found.content_type.app_label, found.content_type.model) != (app_label, model.lower()):
        raise Http404("No preview with this token and content_type.")
    return found.as_page()


def check_signature(token):
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


def connect():
    page_published.connect(withdraw_previews, dispatch_uid="withdraw-previews-published")
    page_unpublished.connect(withdraw_previews, dispatch_uid="withdraw-previews-unpublished")
    post_delete.connect(withdraw_previews, sender=Page, dispatch_uid="withdraw-previews-deleted")


def withdraw_previews(sender, instance, **kwargs):
    """Delete the page's previews: wagtail-headless-preview signs "id=<page id>" as their token."""
    signer = HeadlessPreviewMixin.get_preview_signer()
    PagePreview.objects.filter(token__startswith=f"id={instance.pk}{signer.sep}").delete()
