"""Validators for Canadian contact details and web addresses, shared by site settings and the
resource directory."""

from django.core.validators import RegexValidator, URLValidator

canadian_postal_code = RegexValidator(
    r"(?i)^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$",
    "Enter a Canadian postal code like N6B 1Y8.",
)
phone_number = RegexValidator(
    r"^[0-9+()\-. ]{3,25}( (ext\.?|x) ?\d{1,6})?$",
    "Enter a phone number using digits, spaces, dashes or brackets, e.g. 519-555-0123 ext. 12.",
)
secure_web_address = URLValidator(
    schemes=["https"],
    message="Enter a web address that starts with https://, e.g. https://weather.gc.ca/.",
    code="not_https",  # not "invalid", whose message the model field swaps for its own
)
