"""Factories for the home and content pages, and partners."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale, Page, Site

from home.blocks import ContentStreamBlock, HomeStreamBlock
from home.models import ContentPage, HomePage
from partners.blocks import PartnersBlock
from partners.models import Partner
from tests.cms.factories import BodyStreamBlockFactory
from tests.programs.factories import UpcomingEventsBlockFactory
from tests.resources.factories import ResourceListBlockFactory


class PartnersBlockFactory(wagtail_factories.StructBlockFactory):
    heading = "Our partners"

    class Meta:
        model = PartnersBlock


class ContentStreamBlockFactory(BodyStreamBlockFactory):
    resources = factory.SubFactory(ResourceListBlockFactory)

    class Meta:
        model = ContentStreamBlock


class HomeStreamBlockFactory(ContentStreamBlockFactory):
    upcoming_events = factory.SubFactory(UpcomingEventsBlockFactory)
    partners = factory.SubFactory(PartnersBlockFactory)

    class Meta:
        model = HomeStreamBlock


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    hero_heading = factory.Faker("sentence", nb_words=6)
    hero_subheading = factory.Faker("sentence")
    intro = factory.LazyAttribute(lambda page: f"<p>{page.hero_subheading}</p>")
    body = wagtail_factories.StreamFieldFactory(HomeStreamBlockFactory)

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4)
    intro = factory.Faker("sentence")
    body = wagtail_factories.StreamFieldFactory(ContentStreamBlockFactory)

    class Meta:
        model = ContentPage


def home_page_as_site_root(**kwargs):
    """A HomePage at the root of the default site, replacing Wagtail's placeholder page."""
    home = HomePageFactory(parent=Page.get_first_root_node(), **kwargs)
    site = Site.objects.get(is_default_site=True)
    placeholder = site.root_page
    site.root_page = home
    site.save()
    placeholder.delete()
    return home


class PartnerFactory(DjangoModelFactory):
    name = factory.Faker("company")
    url = factory.Faker("url")
    description = factory.Faker("sentence")
    logo = factory.SubFactory(wagtail_factories.ImageFactory)
    sort_order = factory.Sequence(int)

    class Meta:
        model = Partner


def translated(page, language_code="fr", **fields):
    """The page's live translation into `language_code`, with `fields` changed (its parent must be
    translated first; the home page's parent, the root, needs none)."""
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()  # its address, made anew from a changed slug on publishing
    return translation
