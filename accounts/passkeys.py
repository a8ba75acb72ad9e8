"""Passkeys as a second step (django-otp-webauthn): the site they belong to, and a volunteer's own."""

from ipaddress import ip_address

from django.conf import settings
from django.http.request import split_domain_port
from django_otp_webauthn.models import WebAuthnCredential


def relying_party_id(request):
    """The domain passkeys belong to: PASSKEY_DOMAIN, or the host name the admin is visited at."""
    return settings.PASSKEY_DOMAIN or split_domain_port(request.get_host())[0]


def passkeys_work_here(request):
    """Browsers make passkeys only for a site's name (such as localhost), never for an IP address."""
    try:
        ip_address(relying_party_id(request).strip("[]"))
    except ValueError:
        return True
    return False


def passkeys_of(user):
    return WebAuthnCredential.objects.filter(user=user).order_by("created_at")
