"""Factories for the shared blocks and the site settings."""

import factory
import wagtail_factories
from django.utils.html import escape
from factory.django import DjangoModelFactory
from wagtail.embeds.blocks import EmbedBlock
from wagtail.models import Site

from cms import blocks
from cms.models import SiteSettings


class RichTextBlockFactory(wagtail_factories.blocks.BlockFactory):
    """Builds a RichText value from HTML, or from plain text made into one paragraph."""

    value = factory.Faker("paragraph")

    class Meta:
        model = blocks.ParagraphBlock

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        value = kwargs["value"]
        html = value if value.startswith("<") else f"<p>{escape(value)}</p>"
        return block_class().to_python(html)


class HeadingBlockFactory(wagtail_factories.StructBlockFactory):
    text = factory.Faker("sentence", nb_words=4)
    level = "h2"

    class Meta:
        model = blocks.HeadingBlock


class QuoteBlockFactory(wagtail_factories.StructBlockFactory):
    text = factory.SubFactory(RichTextBlockFactory)
    attribution = factory.Faker("name")
    source_url = factory.Faker("url")

    class Meta:
        model = blocks.QuoteBlock


class ImageFigureBlockFactory(wagtail_factories.StructBlockFactory):
    image = factory.SubFactory(wagtail_factories.ImageBlockFactory, decorative=False)
    caption = factory.Faker("sentence")

    class Meta:
        model = blocks.ImageFigureBlock


class CallToActionBlockFactory(wagtail_factories.StructBlockFactory):
    label = factory.Faker("sentence", nb_words=3)
    page = None
    url = factory.Faker("url")

    class Meta:
        model = blocks.CallToActionBlock


class ContactCardBlockFactory(wagtail_factories.StructBlockFactory):
    purpose = factory.Faker("sentence", nb_words=3)
    name = factory.Faker("name")
    email = factory.Faker("email")
    phone = factory.Sequence(lambda n: f"519-555-{n % 10000:04d}")

    class Meta:
        model = blocks.ContactCardBlock


class ReferencesBlockFactory(wagtail_factories.StructBlockFactory):
    heading = "References"
    references = wagtail_factories.ListBlockFactory(RichTextBlockFactory)

    class Meta:
        model = blocks.ReferencesBlock


class QuestionBlockFactory(wagtail_factories.StructBlockFactory):
    question = factory.Faker("sentence")
    answer = factory.SubFactory(RichTextBlockFactory)

    class Meta:
        model = blocks.QuestionBlock


class FAQBlockFactory(wagtail_factories.StructBlockFactory):
    heading = factory.Faker("sentence", nb_words=3)
    questions = wagtail_factories.ListBlockFactory(QuestionBlockFactory)

    class Meta:
        model = blocks.FAQBlock


class EmbedBlockFactory(wagtail_factories.blocks.BlockFactory):
    """An embed by its web address (nothing fetches it until the page is rendered)."""

    value = factory.Sequence(lambda n: f"https://www.youtube.com/watch?v=video{n}")

    class Meta:
        model = EmbedBlock

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        return block_class().to_python(kwargs["value"])


class MediaEmbedBlockFactory(wagtail_factories.StructBlockFactory):
    media = factory.SubFactory(EmbedBlockFactory)
    title = factory.Faker("sentence", nb_words=4)
    caption = factory.Faker("sentence")

    class Meta:
        model = blocks.MediaEmbedBlock


class BodyStreamBlockFactory(wagtail_factories.StreamBlockFactory):
    heading = factory.SubFactory(HeadingBlockFactory)
    paragraph = factory.SubFactory(RichTextBlockFactory)
    quote = factory.SubFactory(QuoteBlockFactory)
    image = factory.SubFactory(ImageFigureBlockFactory)
    call_to_action = factory.SubFactory(CallToActionBlockFactory)
    contact_card = factory.SubFactory(ContactCardBlockFactory)
    references = factory.SubFactory(ReferencesBlockFactory)
    faq = factory.SubFactory(FAQBlockFactory)
    embed = factory.SubFactory(MediaEmbedBlockFactory)

    class Meta:
        model = blocks.BodyStreamBlock


class SiteSettingsFactory(DjangoModelFactory):
    """Settings for the default site (created with the test database)."""

    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))
    organisation_name = factory.Faker("company")
    tagline = factory.Faker("catch_phrase")
    street_address = factory.Faker("street_address")
    unit = factory.Sequence(lambda n: f"Unit {n + 1}")
    city = factory.Faker("city")
    province = "ON"
    postal_code = "N6B 1Y8"
    phone = factory.Sequence(lambda n: f"519-555-{n % 10000:04d}")
    email = factory.Faker("email")
    crisis_notice = factory.Faker("sentence")
    crisis_phone = "9-8-8"

    class Meta:
        model = SiteSettings
        django_get_or_create = ["site"]
