"""Wagtail's page view as the apps need it (cms.views.serve): a host site includes this just before
Wagtail's own URLs."""

from django.urls import re_path

from cms.views import serve

urlpatterns = [
    # Wagtail's _util/ views are left to Wagtail's own URLs.
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", serve),
]
