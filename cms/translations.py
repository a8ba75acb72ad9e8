"""Texts in the visitor's language: translated snippets (wagtail-localize), and models that keep
a field per language beside each text (`title_fr` beside `title`)."""

from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant as content_language


class TranslatedQuerySet(models.QuerySet):
    """For models with Wagtail's TranslatableMixin."""

    def localized(self):
        """In the visitor's language: each item's translation, or the original where there is
        none yet (in one query, with no lookup of the locales)."""
        # As Wagtail names locales: a site in "en-us" has its pages in the "en" locale.
        language, original = (
            content_language(get_language()),
            content_language(settings.LANGUAGE_CODE),
        )
        in_language = Q(locale__language_code=language)
        if language == original:
            return self.filter(in_language)
        translated = self.model.objects.filter(in_language).values("translation_key")
        untranslated = Q(locale__language_code=original) & ~Q(translation_key__in=translated)
        return self.filter(in_language | untranslated)


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


def shown_order(name):
    """For order_by: the text `name` of a TranslatedFieldsMixin model as the visitor reads it, so
    a list on the French site goes by the French names where there are some."""
    language = get_language()
    if language == settings.LANGUAGE_CODE:
        return F(name)
    return Coalesce(NullIf(f"{name}_{language}", Value("")), F(name))
