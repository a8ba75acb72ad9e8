"""Two-step sign-in in the admin: the passkey or code after the password, and setting it up where
required."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from accounts.two_step import has_two_step, must_use_two_step

ADMIN_PREFIX = "/admin/"
# Pages a volunteer can always reach while a step is missing.
ALWAYS_OPEN = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",  # the icons every admin page fetches
    "otp_webauthn:js-i18n-catalog",  # the passkey buttons' messages
)
# What each step's page calls: its passkey button (django-otp-webauthn refuses to add a passkey
# before the code of an existing device, and passkeys never sign anyone in without the password).
STEP_CALLS = {
    "accounts_two_step_verify": (
        "otp_webauthn:credential-authentication-begin",
        "otp_webauthn:credential-authentication-complete",
    ),
    "accounts_two_step_setup": (
        "otp_webauthn:credential-registration-begin",
        "otp_webauthn:credential-registration-complete",
    ),
}


class TwoStepMiddleware:
    """Sends a signed-in volunteer to the step they are missing before anything else in the admin.

    Someone with a device who has not typed its code yet goes to the code page; someone whose role
    requires two-step sign-in and who has none goes to its setup page.
    Public pages and the API are untouched. Needs django_otp's OTPMiddleware before it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        step = missing_step(request)
        if step and request.path_info not in open_paths(step):
            return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


def missing_step(request):
    """The URL name of the page the signed-in volunteer must go through first, if any."""
    user = request.user
    if not request.path_info.startswith(ADMIN_PREFIX) or not user.is_authenticated:
        return None
    if user.is_verified():
        return None
    if has_two_step(user):
        return "accounts_two_step_verify"
    if must_use_two_step(user):
        return "accounts_two_step_setup"
    return None


def open_paths(step):
    return [reverse(name) for name in (step, *STEP_CALLS[step], *ALWAYS_OPEN)]
