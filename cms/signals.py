"""Any saved, deleted, published or moved object moves the site's content version on."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.models import ContentVersion

# Apps whose writes never change what the API shows (logins, migrations' bookkeeping...).
IGNORED_APPS = {"admin", "auth", "axes", "contenttypes", "migrations", "sessions"}
# Writes that visitors' requests make, which change nothing shown: a resized image made on first
# view, a form answer, a newsletter signup. Each would otherwise empty the whole page cache.
IGNORED_MODELS = {
    "wagtailimages.rendition",
    "wagtailforms.formsubmission",
    "contact.newslettersubscriber",
    # An event's dates, deleted and made again only as its own save moves the version on.
    "programs.eventdate",
}


def content_changed(sender, raw=False, **kwargs):
    # Migrations' historical models live in "__fake__", perhaps before our table exists.
    if raw or sender.__module__ == "__fake__" or sender is ContentVersion:
        return
    if (
        sender._meta.app_label not in IGNORED_APPS
        and sender._meta.label_lower not in IGNORED_MODELS
    ):
        ContentVersion.bump()


def connect():
    for signal in (post_save, post_delete, page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"content_changed_{id(signal)}")
