"""The code a volunteer types after their password, or when setting up their authenticator app;
the name they give a passkey."""

from django import forms
from django.core.exceptions import ValidationError
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from accounts.two_step import code_devices

WRONG_CODE = (
    "That code is not right. Type the 6 digits your authenticator app shows now, or one of your "
    "recovery codes."
)
WRONG_RECOVERY_CODE = "That code is not right. Type one of your recovery codes."
TOO_MANY = "Too many wrong codes in a row. Please wait a minute, then try again."


class CodeForm(forms.Form):
    """One code, checked against the given devices; self.device is the one it matched."""

    code = forms.CharField(
        label="Code",
        max_length=20,
        error_messages={"required": "Please type the code."},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )

    def __init__(self, devices, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.devices = devices
        self.device = None

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split()).lower()
        # Only the kind of device the code is for counts a wrong try (django-otp's throttling):
        # an app's code does not slow down the recovery codes, nor the other way round.
        candidates = [device for device in self.devices if is_code_for(device, code)]
        if candidates and not any(device.verify_is_allowed()[0] for device in candidates):
            raise ValidationError(TOO_MANY)
        self.device = next((device for device in candidates if device.verify_token(code)), None)
        if self.device is None:
            has_app = any(isinstance(device, TOTPDevice) for device in self.devices)
            raise ValidationError(WRONG_CODE if has_app else WRONG_RECOVERY_CODE)
        return code


def is_code_for(device, code):
    """An app shows 6 digits; recovery codes are 8 letters and digits."""
    return isinstance(device, TOTPDevice) == (len(code) == 6 and code.isdigit())


def sign_in_code_form(user, data=None):
    """The second step of signing in by code: the app's, or a recovery code."""
    form = CodeForm(code_devices(user), data=data)
    has_app = any(isinstance(device, TOTPDevice) for device in form.devices)
    form.fields["code"].help_text = (
        "The 6 digits your authenticator app shows, or one of your recovery codes."
        if has_app
        else "One of your recovery codes."
    )
    return form


class PasskeyNameForm(forms.ModelForm):
    """The name a volunteer gives a passkey, to tell their passkeys apart."""

    class Meta:
        model = WebAuthnCredential
        fields = ["name"]
        labels = {"name": "Name"}
        help_texts = {
            "name": "Where this passkey is, such as “Work laptop” or “My phone”, so "
            "you know which one to remove if you lose that device."
        }
        error_messages = {"name": {"required": "Please give the passkey a name."}}
