from django.apps import AppConfig


class CmsConfig(AppConfig):
    """Site-wide pieces: settings, shared blocks, the caching layer."""

    name = "cms"
    # As our migrations were made: the same whatever DEFAULT_AUTO_FIELD the host site has.
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Site"

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

        from cms import caching, page_schema, renditions, streamfield_schema
        from cms.models import SiteSettings
        from cms.webhooks import site_content

        renditions.connect()
        site_content.connect()
        streamfield_schema.register()
        page_schema.register()
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
