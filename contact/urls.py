"""The footer's newsletter signup: a host site includes this before Wagtail's own URLs (and
cms.urls, whose page view lets form pages skip the CSRF token)."""

from django.urls import path

from contact.views import footer_signup

urlpatterns = [
    path("newsletter-signup/", footer_signup, name="newsletter_footer_signup"),
]
