"""Two-step sign-in's pages in the admin, and its entry on every volunteer's account page."""

from django.urls import include, path, reverse
from wagtail import hooks

from accounts import views


@hooks.register("register_admin_urls")
def two_step_urls():
    return [
        path("two-step/", views.setup, name="accounts_two_step_setup"),
        path("two-step/code/", views.verify, name="accounts_two_step_verify"),
        path("two-step/app/", views.add_app, name="accounts_two_step_app"),
        path(
            "two-step/recovery-codes/",
            views.replace_recovery_codes,
            name="accounts_two_step_recovery_codes",
        ),
        path("two-step/turn-off/", views.turn_off, name="accounts_two_step_turn_off"),
        path("two-step/passkeys/<int:pk>/", views.name_passkey, name="accounts_passkey"),
        path(
            "two-step/passkeys/<int:pk>/remove/",
            views.remove_passkey,
            name="accounts_passkey_remove",
        ),
        # What the passkey buttons call (django-otp-webauthn's views, JSON in and out).
        path("two-step/passkeys/", include("django_otp_webauthn.urls")),
    ]


@hooks.register("register_account_menu_item")
def two_step_menu_item(request):
    return {
        "url": reverse("accounts_two_step_setup"),
        "label": "Two-step sign-in",
        "help_text": "Sign in with your password and then a passkey or a code from an app on your "
        "phone, so a stolen password alone is not enough.",
    }
