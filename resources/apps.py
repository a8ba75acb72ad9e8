from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    """The directory of organisations and services."""

    name = "resources"

    def ready(self):
        from cms.caching import invalidated_by
        from resources.models import Language, PhoneNumber, Resource, ResourceTag

        invalidated_by(Resource, PhoneNumber, ResourceTag, Language)
