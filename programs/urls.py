"""The calendar's feed files: a host site includes these before Wagtail's own URLs."""

from django.urls import re_path
from wagtail import views as wagtail_views

urlpatterns = [
    # Wagtail serves only paths of slash-ended segments; a page's calendar files end in ".ics".
    re_path(r"^((?:[\w\-]+/)+[\w\-]+\.ics)$", wagtail_views.serve, name="wagtail_serve_ics"),
]
