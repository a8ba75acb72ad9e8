"""The welcome page's translations from the seed file, made with wagtail-localize (so volunteers
go on editing them in its translation editor) and sent for review by a native speaker."""

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource


def translate_page(page, language_code, strings):
    """The page's live translation, each of its texts taken from `strings` (English to the
    language) or else left in English; None when it was already translated (left as it is)."""
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    if page.get_translation_or_none(locale) is not None:
        return None
    source, _ = TranslationSource.get_or_create_from_instance(page)
    for segment in source.stringsegment_set.select_related("string", "context"):
        if segment.string.data in strings:
            StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": strings[segment.string.data]},
            )
    Translation.objects.get_or_create(source=source, target_locale=locale)
    translation, _ = source.create_or_update_translation(locale, publish=False, fallback=True)
    translation.save_revision().publish()
    ask_for_review(translation)
    return translation


def ask_for_review(page):
    """Put the page in its moderation workflow, so that the admin shows it "In moderation" and
    moderators see it on their dashboard until someone who reads the language approves it."""
    workflow = page.get_workflow()
    if workflow is not None:
        page.save_revision()
        workflow.start(page, user=None)
