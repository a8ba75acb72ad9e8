"""A mistyped PEER_SUPPORT_FORM_RATE_LIMIT is reported at start-up, not on a visitor's post."""

import pytest

from contact.checks import check_form_rate_limit


@pytest.mark.parametrize("rate", ["20/h", "5/m", "100/10m", "1/d"])
def test_valid_rates_pass(settings, rate):
    settings.PEER_SUPPORT_FORM_RATE_LIMIT = rate
    assert check_form_rate_limit(None) == []


@pytest.mark.parametrize("rate", ["20/hour", "0/h", "twenty", ""])
def test_invalid_rate_is_an_error_with_a_hint(settings, rate):
    settings.PEER_SUPPORT_FORM_RATE_LIMIT = rate
    (error,) = check_form_rate_limit(None)
    assert error.id == "contact.E001" and "e.g. '20/h'" in error.hint
