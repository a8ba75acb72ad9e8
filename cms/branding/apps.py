from django.apps import AppConfig


class BrandingConfig(AppConfig):
    """The organisation's name and logo (Site settings) in Wagtail's admin, and each page type's
    own icon under "Add a page": for a site that lists this app before `wagtail.admin`. Installing
    `cms` alone leaves the admin as Wagtail made it."""

    name = "cms.branding"
    label = "cms_branding"
    verbose_name = "Admin branding"
