"""The footer's newsletter signup, and Wagtail's page view letting form pages skip the CSRF token
(contact.views): a host site includes these before Wagtail's own URLs."""

from django.urls import path, re_path

from contact.views import footer_signup, serve_page

urlpatterns = [
    path("newsletter-signup/", footer_signup, name="newsletter_footer_signup"),
    # Wagtail's _util/ views are left to Wagtail's own URLs.
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", serve_page),
]
