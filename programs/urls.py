"""The calendar's feed files: a host site includes these before Wagtail's own URLs."""

from django.urls import re_path

from cms.views import serve

urlpatterns = [
    # Wagtail serves only paths of slash-ended segments; a page's calendar files end in ".ics".
    re_path(r"^((?:[\w\-]+/)+[\w\-]+\.ics)$", serve, name="wagtail_serve_ics"),
]
