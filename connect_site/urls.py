from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api.openapi import openapi_json
from cms.views import serve
from connect_site.api import api_v2, api_v3
from contact.views import footer_signup

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_v2.urls),
    # Before Wagtail's own: the document made valid and complete (cms/api/openapi.py).
    path("api/v3/openapi.json", openapi_json, name="openapi_json"),
    path("api/v3/", api_v3.urls),
    path("newsletter-signup/", footer_signup, name="newsletter_footer_signup"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Wagtail serves only paths of slash-ended segments; a page's calendar files end in ".ics".
    re_path(r"^((?:[\w\-]+/)+[\w\-]+\.ics)$", serve, name="wagtail_serve_ics"),
    # Wagtail's page view, routing from a cached root page and letting a page's own view be
    # csrf_exempt (cms.views.serve); Wagtail's _util/ views follow.
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", serve),
    path("", include(wagtail_urls)),
]

handler500 = "cms.views.server_error"
