"""Factories for the resource directory."""

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from resources.blocks import ResourceListBlock
from resources.models import Language, PhoneNumber, Resource, ResourceIndexPage
from tests.cms.factories import BodyStreamBlockFactory


class ResourceListBlockFactory(wagtail_factories.StructBlockFactory):
    heading = "Support for families"
    category = "family"
    count = 5

    class Meta:
        model = ResourceListBlock


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Resources"
    slug = "resources"
    intro = wagtail_factories.StreamFieldFactory(BodyStreamBlockFactory)

    class Meta:
        model = ResourceIndexPage


class ResourceFactory(DjangoModelFactory):
    """A resource checked today, in English; pass categories, languages (codes) and phones."""

    name = factory.LazyAttributeSequence(lambda resource, n: f"{resource.organisation} {n}")
    short_description = factory.Faker("sentence")
    description = factory.LazyFunction(lambda: "<p>Peer support for adults.</p>")
    street_address = factory.Faker("street_address")
    city = "London"
    postal_code = "N6B 1Y8"
    service_area = "London and Middlesex"
    last_verified = factory.LazyFunction(timezone.localdate)
    categories = ()
    languages = ("en",)
    phones = ()

    class Params:
        organisation = factory.Faker("company")

    class Meta:
        model = Resource

    @classmethod
    def _build(cls, model_class, *args, categories, languages, phones, **kwargs):
        resource = model_class(**kwargs)
        resource.phone_numbers = [PhoneNumber(**phone) for phone in phones]
        resource.languages = list(Language.objects.filter(code__in=languages))
        resource.categories.add(*categories)
        return resource

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        resource = cls._build(model_class, *args, **kwargs)
        resource.save()
        return resource


def translated_resource():
    """A resource offered in English and French, with every text translated into French."""
    return ResourceFactory(
        name="Empowerment Council",
        name_fr="Conseil d’habilitation",
        short_description="A voice for clients of mental health services.",
        short_description_fr="Une voix pour les clients des services de santé mentale.",
        description="<p>Advocacy by and for clients.</p>",
        description_fr="<p>Défense des droits par et pour les clients.</p>",
        languages=["en", "fr"],
    )


def bare_resource():
    """A resource with only its name: no descriptions, address, area, languages or check date."""
    return ResourceFactory(
        name="Online only",
        short_description="",
        description="",
        street_address="",
        city="",
        postal_code="",
        service_area="",
        last_verified=None,
        languages=[],
    )
