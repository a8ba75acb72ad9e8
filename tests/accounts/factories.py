"""Authenticator apps, passkeys and recovery codes for test users, and signing in past two-step
sign-in."""

import factory
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from factory.django import DjangoModelFactory


class TOTPDeviceFactory(DjangoModelFactory):
    name = "Authenticator app"
    confirmed = True

    class Meta:
        model = TOTPDevice


class PasskeyFactory(DjangoModelFactory):
    """A passkey as django-otp-webauthn stores it once a browser has made one (its key made up)."""

    name = factory.Faker("random_element", elements=["Work laptop", "My phone", "Security key"])
    credential_id = factory.Faker("binary", length=32)
    public_key = factory.Faker("binary", length=77)
    aaguid = factory.Faker("uuid4")

    class Meta:
        model = WebAuthnCredential


def current_code(device):
    """The 6 digits the volunteer's authenticator app shows now."""
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def signed_in_with(client, device):
    """Sign the client in as the device's user, past two-step sign-in with that device."""
    client.force_login(device.user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def signed_in_with_two_step(client, user):
    """Sign the client in as the user, past two-step sign-in: an authenticator app, its code typed."""
    return signed_in_with(client, TOTPDeviceFactory(user=user))
