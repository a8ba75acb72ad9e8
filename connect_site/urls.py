from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api.openapi import openapi_json
from cms.views import moved_to_english, preferred_language_home
from connect_site.api import api_v2, api_v3

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_v2.urls),
    # Before Wagtail's own: the document made valid and complete (cms/api/openapi.py).
    path("api/v3/openapi.json", openapi_json, name="openapi_json"),
    path("api/v3/", api_v3.urls),
    path("api/hsds/", include("resources.hsds.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

LANGUAGE_PREFIXES = "|".join(code for code, _ in settings.LANGUAGES)

urlpatterns += [
    path("", preferred_language_home, name="preferred_language_home"),
    # Addresses from before the language prefixes (/events/…) keep working: for good, in English.
    re_path(rf"^(?!(?:{LANGUAGE_PREFIXES})(?:/|$))(?P<path>.+)$", moved_to_english),
]

urlpatterns += i18n_patterns(
    # The apps' own URLs, as any host site includes them (docs/plugins.md); Wagtail's pages last.
    path("", include("programs.urls")),
    path("", include("contact.urls")),
    path("", include("cms.urls")),
    path("", include(wagtail_urls)),
)

handler403 = "cms.views.permission_denied"
handler500 = "cms.views.server_error"
