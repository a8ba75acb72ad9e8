"""Start-up checks of how a site installs our apps, so that a missing piece is named at
`manage.py check` instead of failing on a page, an admin screen or an import."""

from django.apps import apps
from django.core import checks


@checks.register(checks.Tags.compatibility)
def check_needed_apps(app_configs, **kwargs):
    """An error for each app that one of ours needs (its AppConfig's `needs`) and INSTALLED_APPS
    lacks."""
    return [
        checks.Error(
            f"{config.name} needs {needed!r} in INSTALLED_APPS.",
            hint=f"Add {needed!r} to INSTALLED_APPS (see docs/plugins.md).",
            id="cms.E001",
        )
        for config in apps.get_app_configs()
        for needed in getattr(config, "needs", ())
        if not apps.is_installed(needed)
    ]


@checks.register(checks.Tags.templates)
def check_branding_comes_before_the_admin(app_configs, **kwargs):
    """cms.branding's templates extend Wagtail's admin templates of the same names: listed after
    wagtail.admin, they are never found."""
    names = [config.name for config in apps.get_app_configs()]
    if "cms.branding" not in names or "wagtail.admin" not in names:
        return []
    if names.index("cms.branding") < names.index("wagtail.admin"):
        return []
    return [
        checks.Warning(
            "cms.branding comes after wagtail.admin in INSTALLED_APPS: the admin is not branded.",
            hint="Move 'cms.branding' before 'wagtail.admin'.",
            id="cms.W001",
        )
    ]
