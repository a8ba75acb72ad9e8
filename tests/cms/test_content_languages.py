"""The site's languages come from CONTENT_LANGUAGES; each gets a Wagtail locale, and parts of a
page in another language are marked with their language and, where it differs, direction."""

import os
import subprocess
import sys

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.template import Context, Template
from django.utils import translation
from wagtail.models import Locale

from connect_site.apps import add_content_locales
from connect_site.settings.base import env_languages
from resources.models import Resource
from tests.resources.factories import ResourceFactory


def test_content_languages_default_to_english_and_french(monkeypatch):
    monkeypatch.delenv("CONTENT_LANGUAGES", raising=False)
    assert env_languages("CONTENT_LANGUAGES", "en,fr") == [("en", "English"), ("fr", "Français")]
    monkeypatch.setenv("CONTENT_LANGUAGES", "")
    assert env_languages("CONTENT_LANGUAGES", "en,fr") == [("en", "English"), ("fr", "Français")]


def test_each_language_is_named_in_itself_in_the_order_given(monkeypatch):
    monkeypatch.setenv("CONTENT_LANGUAGES", "fr, EN,ar,es,zh-hans")
    assert env_languages("CONTENT_LANGUAGES", "en,fr") == [
        ("fr", "Français"),
        ("en", "English"),
        ("ar", "العربيّة"),
        ("es", "Español"),
        ("zh-hans", "简体中文"),
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("en,xx,ar", "CONTENT_LANGUAGES names 'xx', not a language code Django knows"),
        ("en,french", "CONTENT_LANGUAGES names 'french', not a language code Django knows"),
        ("en,fr,en", "CONTENT_LANGUAGES names a language twice: en,fr,en."),
    ],
)
def test_a_bad_content_language_is_an_error_naming_it(monkeypatch, value, message):
    monkeypatch.setenv("CONTENT_LANGUAGES", value)
    with pytest.raises(ImproperlyConfigured, match=message):
        env_languages("CONTENT_LANGUAGES", "en,fr")


def settings_with_languages(value):
    """The site's languages and original language, read by a fresh interpreter."""
    return subprocess.run(  # noqa: S603 (our own interpreter and code)
        [
            sys.executable,
            "-c",
            "import connect_site.settings.test as s; print(s.LANGUAGES, s.LANGUAGE_CODE,"
            " s.WAGTAIL_CONTENT_LANGUAGES == s.LANGUAGES)",
        ],
        env={**os.environ, "CONTENT_LANGUAGES": value},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_site_takes_its_languages_from_the_environment_the_first_as_original():
    result = settings_with_languages("fr,en,ar")
    assert result.returncode == 0, result.stderr
    expected = "[('fr', 'Français'), ('en', 'English'), ('ar', 'العربيّة')] fr True"
    assert result.stdout.strip() == expected


def test_the_site_refuses_to_start_with_an_unknown_language():
    result = settings_with_languages("en,fr,arabic")
    assert result.returncode != 0
    assert "ImproperlyConfigured: CONTENT_LANGUAGES names 'arabic'" in result.stderr


@pytest.mark.django_db
def test_each_content_language_has_a_locale_made_again_when_one_is_added(settings):
    configured = {code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES}
    assert set(Locale.objects.values_list("language_code", flat=True)) == configured
    settings.WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("fr", "Français"), ("pa", "Punjabi")]
    for _ in range(2):  # each migrate
        add_content_locales(using="default", apps=apps)
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert codes == configured | {"pa"}


@pytest.mark.parametrize(
    ("page_language", "part_language", "attributes"),
    [
        ("en", "fr", ' lang="fr"'),
        ("en", "ar", ' lang="ar" dir="rtl"'),
        ("ar", "en", ' lang="en" dir="ltr"'),
        ("ar", "he", ' lang="he"'),
        ("en", "not-a-language", ' lang="not-a-language"'),
    ],
)
def test_a_part_in_another_language_gets_its_direction_where_it_differs(
    page_language, part_language, attributes
):
    template = Template("{% load cms_tags %}<span{{ code|language_attributes }}>")
    with translation.override(page_language):
        assert template.render(Context({"code": part_language})) == f"<span{attributes}>"


def test_the_sites_own_words_come_in_english_for_a_language_without_their_translation():
    template = Template("{% load cms_tags %}{{ code|interface_language }}")
    shown = {code: template.render(Context({"code": code})) for code in ("en", "fr", "ar")}
    assert shown == {"en": "en", "fr": "fr", "ar": "en"}


@pytest.mark.django_db
def test_texts_without_a_field_for_the_language_fall_back_to_english_marked_as_such():
    ResourceFactory(name="Zeta Club", name_fr="Club Zêta")
    ResourceFactory(name="Alpha House", name_fr="Maison Alpha")
    template = Template('{% load cms_tags %}{% shown resource "name" %}')
    with translation.override("ar"):
        resources = list(Resource.objects.filtered())
        names = [template.render(Context({"resource": each})) for each in resources]
    assert names == [
        '<span lang="en" dir="ltr">Alpha House</span>',
        '<span lang="en" dir="ltr">Zeta Club</span>',
    ]
