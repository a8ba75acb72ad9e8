"""The shared app's own announcements: pages published, unpublished, moved or deleted, and the
site settings changed. Drafts, revisions and editing sessions announce nothing."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.models import SiteSettings
from cms.webhooks.events import absolute, announce, api_url, register_events

EVENTS = {
    "page.published": "A page was published (first or again, with changes).",
    "page.unpublished": "A page was unpublished: it is no longer shown.",
    "page.moved": "A page was moved: its address changed.",
    "page.deleted": "A page that had been published was deleted.",
    "site_settings.changed": "The organisation's name, address, contact details, social links "
    "or crisis notice changed.",
}


def page_subject(page, **extra):
    url = page.get_url()
    return {
        "type": "page",
        "id": page.pk,
        "page_type": page.specific_class._meta.label,
        "locale": page.locale.language_code,
        "slug": page.slug,
        "html_url": absolute(url) if url and url.startswith("/") else url,
        "api_url": api_url("detail_page", page_id=page.pk),
        **extra,
    }


def published(sender, instance, **kwargs):
    announce("page.published", page_subject(instance))


def unpublished(sender, instance, **kwargs):
    announce("page.unpublished", page_subject(instance))


def moved(sender, instance, url_path_before, url_path_after, **kwargs):
    if instance.live and url_path_before != url_path_after:
        announce("page.moved", page_subject(instance, previous_url_path=url_path_before))


def deleted(sender, instance, **kwargs):
    # Wagtail unpublishes a live page before deleting it (page.unpublished goes first); a page
    # never published was never shown.
    if instance.first_published_at is not None:
        announce("page.deleted", {**page_subject(instance), "api_url": None})


def settings_saved(sender, instance, created=False, raw=False, **kwargs):
    # Created with the defaults on first reading: nothing a visitor sees has changed yet.
    if not (raw or created):
        site = instance.site
        announce(
            "site_settings.changed",
            {
                "type": "site_settings",
                "id": instance.pk,
                "site": site.hostname,
                "html_url": site.root_url + "/",
                "api_url": api_url("site_settings"),
            },
        )


def connect():
    register_events(EVENTS)
    page_published.connect(published, dispatch_uid="cms.webhooks:published")
    page_unpublished.connect(unpublished, dispatch_uid="cms.webhooks:unpublished")
    post_page_move.connect(moved, dispatch_uid="cms.webhooks:moved")
    post_delete.connect(deleted, sender=Page, dispatch_uid="cms.webhooks:deleted")
    post_save.connect(settings_saved, sender=SiteSettings, dispatch_uid="cms.webhooks:settings")
