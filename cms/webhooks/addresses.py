"""Which addresses webhooks may be sent to: never the site's own network, unless allowed."""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError

from cms.conf import app_settings


def check_address(url):
    """Raise ValidationError, saying why, unless `url` is an address notices may be sent to."""
    parts = urlsplit(url)
    allowed_schemes = {"https", "http"} if app_settings.WEBHOOKS_ALLOW_HTTP else {"https"}
    if parts.scheme not in allowed_schemes:
        raise ValidationError("The address must start with https://.")
    if not parts.hostname:
        raise ValidationError("The address has no host name, e.g. https://example.org/hooks.")
    if parts.username or parts.password:
        raise ValidationError("Put no name or password in the address; notices are signed.")
    if app_settings.WEBHOOKS_ALLOW_PRIVATE_NETWORKS:
        return
    for address in resolved(parts.hostname, parts.port or 443):
        if not address.is_global:
            raise ValidationError(
                f"{parts.hostname} is on a private, loopback or link-local network ({address}); "
                "notices go only to public addresses."
            )


def resolved(host, port):
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        raise ValidationError(f"{host} cannot be found; check the address.") from None
    addresses = {ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos}
    return {getattr(address, "ipv4_mapped", None) or address for address in addresses}
