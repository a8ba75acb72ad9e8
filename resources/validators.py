"""Phone number checks for the directory, using Google's libphonenumber rules for Canada."""

import functools

import phonenumbers
from django.core.exceptions import ValidationError

REGION = "CA"


def parse_phone_number(value):
    """The number as libphonenumber reads it, assuming Canada; None if it is not a number at all."""
    try:
        return phonenumbers.parse(value, REGION)
    except phonenumbers.NumberParseException:
        return None


def is_short_number(number):
    """True for three-digit services such as 2-1-1 and 9-8-8."""
    return phonenumbers.is_valid_short_number_for_region(number, REGION)


def validate_phone_number(value):
    """Accept a full Canadian or international number, or a short one such as 2-1-1."""
    number = parse_phone_number(value)
    if number is None or not (phonenumbers.is_valid_number(number) or is_short_number(number)):
        raise ValidationError(
            "This is not a phone number we can call. Enter it with the area code, "
            "e.g. 519-433-1234 or 1-866-504-1693 (or a short number such as 2-1-1).",
            code="invalid_phone_number",
        )
    if number.extension:
        raise ValidationError(
            "Put the extension in the 'Extension' box, e.g. 416-633-9420 here and 6969 there.",
            code="extension_in_number",
        )


@functools.lru_cache(maxsize=4096)  # parsing is slow, and a listing shows dozens of numbers
def tel_uri(value, extension=""):
    """A tap-to-call link target (RFC 3966), e.g. 'tel:+1-416-633-9420;ext=6969'."""
    number = parse_phone_number(value)
    if number is None:
        return ""
    if not phonenumbers.is_valid_number(number) and is_short_number(number):
        return f"tel:{phonenumbers.national_significant_number(number)}"
    if extension:
        number.extension = extension
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.RFC3966)


def e164(value):
    """The number in international form, e.g. '+14166339420', for exports; '' for short numbers."""
    number = parse_phone_number(value)
    if number is None or not phonenumbers.is_valid_number(number):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
