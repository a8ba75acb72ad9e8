from django.apps import AppConfig


class ConnectSiteConfig(AppConfig):
    """CONNECT's site: settings, URLs, API registration, its seed and example content."""

    name = "connect_site"
    verbose_name = "CONNECT's site"
