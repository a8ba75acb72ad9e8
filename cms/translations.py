"""Texts in the visitor's language: translated snippets (wagtail-localize), and models that keep
a field per language beside each text (`title_fr` beside `title`)."""

from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant as content_language
from wagtail.models import Locale, Page

from cms.caching import cached


def localized(items, translations=None):
    """Of these items (a queryset of a TranslatableMixin model), each one's translation into the
    visitor's language, or the original where there is none yet among `translations` (by default
    all the model's items): in one query, with the locales' ids kept."""
    # As Wagtail names locales: a site in "en-us" has its pages in the "en" locale.
    language, original = (
        content_language(get_language()),
        content_language(settings.LANGUAGE_CODE),
    )
    in_language = Q(locale_id=locale_id(language))
    if language == original:
        return items.filter(in_language)
    if translations is None:
        translations = items.model.objects.all()
    translated = translations.filter(in_language).values("translation_key")
    untranslated = Q(locale_id=locale_id(original)) & ~Q(translation_key__in=translated)
    return items.filter(in_language | untranslated)


def locale_id(language_code):
    """The id of the locale of this content language (None when there is none)."""
    return next((pk for pk, code in language_codes().items() if code == language_code), None)


def language_codes():
    """{locale id: its language code} of every locale: kept."""
    return cached(
        "locale-codes",
        make=lambda: dict(Locale.objects.values_list("pk", "language_code")),
        language=settings.LANGUAGE_CODE,
    )


class TranslatedQuerySet(models.QuerySet):
    """For models with Wagtail's TranslatableMixin."""

    def localized(self):
        """In the visitor's language: see localized()."""
        return localized(self)


def original_locale_id():
    """The id of the locale the site is written in first (kept: most answers ask)."""
    return locale_id(content_language(settings.LANGUAGE_CODE))


def localized_pages(pages):
    """Each page's live translation into the visitor's language where there is one, else the page
    itself: in one query, none while the visitor reads the original language."""
    pages = list(pages)
    language = content_language(get_language())
    if not pages or language == content_language(settings.LANGUAGE_CODE):
        return pages
    keys = [page.translation_key for page in pages]
    translations = Page.objects.live().filter(
        locale__language_code=language, translation_key__in=keys
    )
    by_key = {page.translation_key: page for page in translations}
    return [by_key.get(page.translation_key, page) for page in pages]


class ShownText(NamedTuple):
    """A text as visitors see it, and the language it is written in (for a lang attribute)."""

    text: str
    language: str


class TranslatedFieldsMixin:
    """For models whose texts have a field per other language beside them, named with the
    language's suffix (`description_fr` beside `description`), filled in on the same admin form."""

    def shown(self, name):
        """The text `name` in the visitor's language when it has been translated, else the
        original."""
        language = get_language()
        if language != settings.LANGUAGE_CODE:
            translated = getattr(self, f"{name}_{language}", "")
            if translated:
                return ShownText(translated, language)
        return ShownText(getattr(self, name), settings.LANGUAGE_CODE)

    def shown_text(self, name):
        return self.shown(name).text


def shown_order(model, name):
    """For order_by: the text `name` of a TranslatedFieldsMixin model as the visitor reads it, so
    a list on the French site goes by the French names where there are some (and by the original
    ones in a language the model has no field for)."""
    language = get_language()
    translated = f"{name}_{language}"
    if language == settings.LANGUAGE_CODE or not hasattr(model, translated):
        return F(name)
    return Coalesce(NullIf(translated, Value("")), F(name))
