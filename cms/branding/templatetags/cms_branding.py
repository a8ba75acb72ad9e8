"""For our admin templates: the organisation's name and logo (Site settings), page types' icons."""

from django import template
from django.apps import apps
from django.conf import settings

from cms.models import SiteSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def organisation(context):
    """The site's settings, for its logo, and its name (or WAGTAIL_SITE_NAME until one is set)."""
    request = context.get("request")
    site_settings = SiteSettings.for_request(request) if request else None
    name = (site_settings and site_settings.organisation_name) or getattr(
        settings, "WAGTAIL_SITE_NAME", ""
    )
    return {"name": name, "logo": site_settings.logo if site_settings else None}


@register.simple_tag
def page_type_icon(app_label, model_name):
    """The icon a page type declares as `admin_icon`, or Wagtail's usual one for a page."""
    return getattr(apps.get_model(app_label, model_name), "admin_icon", "doc-empty-inverse")
