"""Start-up checks for the contact settings, so a typo fails loudly instead of on a visitor's post."""

import re

from django.core import checks

from cms.conf import app_settings

RATE = re.compile(r"^[1-9]\d*/\d*[smhd]$")


@checks.register(checks.Tags.compatibility)
def check_form_rate_limit(app_configs, **kwargs):
    if RATE.match(app_settings.FORM_RATE_LIMIT):
        return []
    return [
        checks.Error(
            f"PEER_SUPPORT_FORM_RATE_LIMIT is {app_settings.FORM_RATE_LIMIT!r}.",
            hint="Use a number of posts per s, m, h or d, e.g. '20/h' or '5/10m'.",
            id="contact.E001",
        )
    ]
