from django.apps import AppConfig


class CmsConfig(AppConfig):
    """Site-wide pieces: settings, shared blocks, API wiring, seed content."""

    name = "cms"
    verbose_name = "Site"

    def ready(self):
        from cms import page_schema, renditions, signals, streamfield_schema

        renditions.connect()
        signals.connect()
        streamfield_schema.register()
        page_schema.register()
