"""Start-up checks that name what a site installing our apps left out (cms/checks.py)."""

from django.apps import apps
from django.core.checks import run_checks

from cms import checks


def check_ids(messages):
    return [message.id for message in messages if message.id.startswith("cms.")]


def test_this_site_has_every_app_ours_need_and_the_branding_in_place():
    assert check_ids(run_checks()) == []


def test_an_app_ours_need_but_the_site_lacks_is_named(monkeypatch):
    monkeypatch.setattr(apps.get_app_config("resources"), "needs", ["wagtail_not_installed"])

    (error,) = checks.check_needed_apps(None)

    assert error.id == "cms.E001"
    assert error.msg == "resources needs 'wagtail_not_installed' in INSTALLED_APPS."
    assert "Add 'wagtail_not_installed' to INSTALLED_APPS" in error.hint


def test_branding_listed_after_the_admin_is_warned_of(monkeypatch):
    configs = [config for config in apps.get_app_configs() if config.name != "cms.branding"]
    after_the_admin = [*configs, apps.get_app_config("cms_branding")]
    monkeypatch.setattr(checks.apps, "get_app_configs", lambda: after_the_admin)

    (warning,) = checks.check_branding_comes_before_the_admin(None)

    assert warning.id == "cms.W001"
