"""A loopback port nothing listens on, for servers the tests start or for services that are down."""

import socket


def unused_port():
    """A free port on 127.0.0.1 (free now; nothing else in the suite binds it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
