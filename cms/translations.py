"""Translated snippets: each item in the visitor's language where it has been translated."""

from django.conf import settings
from django.db import models
from django.db.models import Q
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
