"""Authenticator apps and recovery codes for test users, and signing in past two-step sign-in."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from factory.django import DjangoModelFactory


class TOTPDeviceFactory(DjangoModelFactory):
    name = "Authenticator app"
    confirmed = True

    class Meta:
        model = TOTPDevice


def current_code(device):
    """The 6 digits the volunteer's authenticator app shows now."""
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def signed_in_with_two_step(client, user):
    """Sign the client in as the user, past two-step sign-in: an authenticator app, its code typed."""
    device = TOTPDeviceFactory(user=user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
