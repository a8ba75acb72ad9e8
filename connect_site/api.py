"""API wiring: every app's public v3 routes registered in one place, and the v2 router."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v3.api import api as api_v3

from cms.api.errors import answer_bad_queries_with_400, answer_server_faults_with_500
from cms.api.media import DocumentsAPIViewSet, ImagesWithRenditionsAPIViewSet, images_router
from cms.api.pages import PagesWithRelationsAPIViewSet
from cms.api.preview import router as preview_router
from cms.api.site_settings import router as site_settings_router
from cms.api.summaries import router as summaries_router
from contact.api import newsletter_router
from contact.api import router as forms_router
from partners.api import router as partners_router
from programs.api import router as events_router
from resources.api import router as resources_router

# Our public, anonymous, read-only routes, added to Wagtail's own v3 API.
V3_ROUTERS = [
    ("/site-settings/", site_settings_router),
    ("/summaries/", summaries_router),
    ("/images/", images_router),
    ("/events/", events_router),
    ("/preview/", preview_router),
    ("/partners/", partners_router),
    ("/resources/", resources_router),
    # The only ones that take posts: visitors' forms, from front ends on other sites.
    ("/forms/", forms_router),
    ("/newsletter/", newsletter_router),
]
for prefix, router in V3_ROUTERS:
    api_v3.add_router(prefix, router)
answer_bad_queries_with_400(api_v3)
answer_server_faults_with_500(api_v3)

api_v2 = WagtailAPIRouter("wagtailapi_v2")
api_v2.register_endpoint("pages", PagesWithRelationsAPIViewSet)
api_v2.register_endpoint("images", ImagesWithRenditionsAPIViewSet)
api_v2.register_endpoint("documents", DocumentsAPIViewSet)
