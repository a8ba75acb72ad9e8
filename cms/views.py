"""Site-wide views."""

import logging

from django.conf import settings
from django.http import HttpResponseServerError
from django.template.loader import render_to_string

from cms.models import SiteSettings

logger = logging.getLogger(__name__)


def server_error(request):
    """The 500 page, still showing where to get help in a crisis even if the database is down."""
    try:
        site_settings = SiteSettings.for_request(request)
        crisis = {
            "crisis_notice": site_settings.crisis_notice,
            "crisis_phone": site_settings.crisis_phone,
        }
    except Exception:  # the error being reported may be the database itself
        logger.exception("Could not read site settings for the error page")
        crisis = settings.CRISIS_NOTICE_FALLBACK
    html = render_to_string("500.html", {"crisis": crisis, "LANGUAGE_CODE": settings.LANGUAGE_CODE})
    return HttpResponseServerError(html)
