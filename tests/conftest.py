"""Fixtures shared by the whole suite: a small site with a home page."""

from datetime import time
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation

from tests.accounts.factories import signed_in_with_two_step
from tests.home.factories import home_page_as_site_root


def pytest_sessionstart(session):
    """The translations, the project's and each app's, compiled when a .po is newer than its .mo
    (`make messages` does it too), once, before any worker starts."""
    if hasattr(session.config, "workerinput"):
        return
    base = Path(settings.BASE_DIR)
    catalogues = [
        *base.glob("locale/*/LC_MESSAGES/django.po"),
        *base.glob("*/locale/*/LC_MESSAGES/django.po"),
    ]
    if any(is_stale(po.with_suffix(".mo"), po) for po in catalogues):
        call_command(
            "compilemessages", ignore_patterns=[".venv", "node_modules", "tests"], verbosity=0
        )


def is_stale(made, source):
    return not made.exists() or made.stat().st_mtime < source.stat().st_mtime


@pytest.fixture(autouse=True)
def noon_in_toronto():
    """Every test starts at noon today, Toronto time, and the clock runs on from there: tests that
    make an event "today at 18:00" find it still to come whatever time of day the suite runs."""
    noon = timezone.make_aware(timezone.datetime.combine(timezone.localdate(), time(12)))
    with time_machine.travel(noon, tick=True):
        yield


@pytest.fixture(autouse=True)
def english_to_start():
    """Every test starts in English, whatever language the last request on this thread answered
    in (Django sets it at the start of each request and leaves it at the end)."""
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def home_page(db):
    """A HomePage as the root of the default site."""
    return home_page_as_site_root(slug="home-page")


@pytest.fixture(autouse=True)
def isolated_media(settings, tmp_path):
    """Uploads go to a folder of the test's own; caches start empty.

    Wagtail caches renditions by image id, and ids come round again once a test rolls back.
    """
    settings.MEDIA_ROOT = tmp_path / "media"
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def signed_in_as(db, django_user_model):
    """A function giving a test client signed in as a new member of the named groups."""

    def sign_in(*groups):
        number = django_user_model.objects.count() + 1
        user = django_user_model.objects.create_user(f"volunteer-{number}", password="x")
        user.groups.add(*Group.objects.filter(name__in=groups))
        return signed_in_with_two_step(Client(), user)

    return sign_in


@pytest.fixture
def admin_client(admin_user):
    """A client signed in as a superuser, code and all (as pytest-django's, plus two-step)."""
    return signed_in_with_two_step(Client(), admin_user)
