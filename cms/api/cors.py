"""CORS: django-cors-headers as configured for reading the API, except for the routes that take
visitors' posts (contact's forms: PEER_SUPPORT_FORMS_API_URLS_REGEX), which only the sites in
PEER_SUPPORT_FORMS_API_ALLOWED_ORIGINS may call from a browser.

Reading is open to any site; a post from a browser on another site is preceded by a preflight
(its JSON body sees to that), answered here with the methods and headers the post needs, and the
post's answer readable, only for the sites named. No cookie or credential is ever allowed.
"""

import re

from corsheaders.conf import conf
from corsheaders.middleware import (
    ACCESS_CONTROL_ALLOW_HEADERS,
    ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_EXPOSE_HEADERS,
    ACCESS_CONTROL_MAX_AGE,
)
from corsheaders.middleware import CorsMiddleware as LibraryCorsMiddleware
from django.utils.cache import patch_vary_headers

from cms.conf import app_settings

POST_METHODS = ["POST", "OPTIONS"]
POST_EXPOSED_HEADERS = ["Retry-After"]


class CorsMiddleware(LibraryCorsMiddleware):
    """django-cors-headers' middleware (use it in its place), with its own rule for the routes
    that take visitors' posts."""

    def add_response_headers(self, request, response):
        if not re.match(app_settings.FORMS_API_URLS_REGEX, request.path_info):
            return super().add_response_headers(request, response)
        patch_vary_headers(response, ("origin",))
        origin = request.headers.get("origin")
        if origin not in app_settings.FORMS_API_ALLOWED_ORIGINS:
            return response
        response[ACCESS_CONTROL_ALLOW_ORIGIN] = origin
        response[ACCESS_CONTROL_EXPOSE_HEADERS] = ", ".join(POST_EXPOSED_HEADERS)
        if request.method == "OPTIONS":
            response[ACCESS_CONTROL_ALLOW_HEADERS] = ", ".join(conf.CORS_ALLOW_HEADERS)
            response[ACCESS_CONTROL_ALLOW_METHODS] = ", ".join(POST_METHODS)
            response[ACCESS_CONTROL_MAX_AGE] = str(conf.CORS_PREFLIGHT_MAX_AGE)
        return response
