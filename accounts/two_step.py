"""Who must use two-step sign-in, and the devices behind it (django-otp: TOTP, recovery codes and,
in accounts/passkeys.py, passkeys)."""

from base64 import b32encode
from io import BytesIO

import qrcode
import qrcode.image.svg
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

# Volunteers who publish or read what people send; superusers (administrators) too.
REQUIRED_FOR_GROUPS = ("Moderators", "Form managers")
RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"


def must_use_two_step(user):
    return user.is_superuser or user.groups.filter(name__in=REQUIRED_FOR_GROUPS).exists()


def has_two_step(user):
    return user_has_device(user, confirmed=True)


def has_app(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def has_recovery_codes(user):
    return StaticDevice.objects.filter(user=user).exists()


def code_devices(user):
    """The user's confirmed devices that take a typed code: the app and the recovery codes."""
    return [
        device for device in devices_for_user(user) if isinstance(device, TOTPDevice | StaticDevice)
    ]


def unconfirmed_app(user):
    """The authenticator app being set up: the same key on every visit until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def manual_key(device):
    """The app's secret as people type it: base32, in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[start : start + 4] for start in range(0, len(key), 4))


def qr_code_svg(device):
    """The app's setup address as an inline SVG QR code."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    svg = BytesIO()
    image.save(svg)
    return svg.getvalue().decode()


def new_recovery_codes(user):
    """Replace the user's recovery codes with new single-use ones, and return them."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name="Recovery codes")
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remove_two_step(user):
    """Delete every device the user has, confirmed or not: they set it up afresh."""
    for device in devices_for_user(user, confirmed=None):
        device.delete()
