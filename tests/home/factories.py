"""Factories for the home and content pages."""

import factory
import wagtail_factories

from home.models import ContentPage, HomePage
from tests.cms.factories import BodyStreamBlockFactory


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    hero_heading = factory.Faker("sentence", nb_words=6)
    hero_subheading = factory.Faker("sentence")
    intro = factory.LazyAttribute(lambda page: f"<p>{page.hero_subheading}</p>")
    body = wagtail_factories.StreamFieldFactory(BodyStreamBlockFactory)

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4)
    intro = factory.Faker("sentence")
    body = wagtail_factories.StreamFieldFactory(BodyStreamBlockFactory)

    class Meta:
        model = ContentPage
