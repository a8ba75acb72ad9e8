from django.apps import AppConfig, apps


class CmsConfig(AppConfig):
    """Site-wide pieces: settings, shared blocks, the caching layer."""

    name = "cms"
    # As our migrations were made: the same whatever DEFAULT_AUTO_FIELD the host site has.
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Site"
    # Apps our code uses that a site may leave out of INSTALLED_APPS (check cms.E001).
    needs = [
        "wagtail.contrib.settings",
        "wagtail.contrib.redirects",
        "wagtail.images",
        "wagtail.documents",
        "wagtail.embeds",
        "wagtail_headless_preview",
    ]

    def ready(self):
        from taggit.models import Tag
        from wagtail.contrib.redirects.models import Redirect
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import (
            CollectionViewRestriction,
            Locale,
            PageViewRestriction,
            Site,
            get_page_models,
        )

        from cms import (
            caching,
            checks,  # noqa: F401 (registers the checks)
            page_schema,
            renditions,
            streamfield_schema,
        )
        from cms.models import SiteSettings
        from cms.webhooks import site_content

        renditions.connect()
        site_content.connect()
        streamfield_schema.register()
        page_schema.register()
        if apps.is_installed("wagtail_headless_preview"):  # else cms.E001 names it
            # Only now: it imports Wagtail's page API, whose schemas need ours registered first.
            from cms.api import preview

            preview.connect()
        caching.invalidated_by_pages()
        caching.invalidated_by(
            *get_page_models(),
            Site,
            Locale,
            SiteSettings,
            PageViewRestriction,
            CollectionViewRestriction,
            Redirect,
            get_image_model(),
            get_document_model(),
            Tag,
        )
