"""Factories for programs, the calendar page and events."""

from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from programs.blocks import UpcomingEventsBlock
from programs.models import (
    Closure,
    DateChange,
    Event,
    EventIndexPage,
    ProgramIndexPage,
    ProgramPage,
)
from tests.cms.factories import BodyStreamBlockFactory


class ProgramIndexPageFactory(wagtail_factories.PageFactory):
    title = "Programs"
    slug = "programs"

    class Meta:
        model = ProgramIndexPage


class ProgramPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3)
    summary = factory.Faker("sentence")
    audience = factory.Faker("sentence", nb_words=6)
    body = wagtail_factories.StreamFieldFactory(BodyStreamBlockFactory)

    class Meta:
        model = ProgramPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"

    class Meta:
        model = EventIndexPage


class EventFactory(DjangoModelFactory):
    """A live, in-person, two-hour event a week from now; if it repeats, for four weeks."""

    title = factory.Faker("sentence", nb_words=3)
    start = factory.LazyFunction(
        lambda: (
            timezone.localtime().replace(hour=18, minute=0, second=0, microsecond=0)
            + timedelta(days=7)
        )
    )
    end = factory.LazyAttribute(lambda event: event.start + timedelta(hours=2))
    repeat = ""
    # A repeating event needs its last date, as the admin form asks for one.
    repeat_until = factory.LazyAttribute(
        lambda event: event.start.date() + timedelta(weeks=4) if event.repeat else None
    )
    venue_name = factory.Faker("company")
    street_address = factory.Faker("street_address")
    city = "London"
    postal_code = "N6B 1Y8"
    description = factory.LazyFunction(lambda: "<p>Come as you are.</p>")
    live = True

    class Meta:
        model = Event


def change_dates(event, *changes):
    """Give a saved event these changes to single dates (DateChange keyword arguments), as its
    live version, and remake its dates as publishing does."""
    event.date_changes = [DateChange(**change) for change in changes]
    event.save()
    return event


class ClosureFactory(DjangoModelFactory):
    date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=7))
    label = factory.Faker("sentence", nb_words=3)

    class Meta:
        model = Closure


class UpcomingEventsBlockFactory(wagtail_factories.StructBlockFactory):
    heading = "Upcoming Events"
    count = 3

    class Meta:
        model = UpcomingEventsBlock


def days_from_now(days, hour=18):
    """Today (Toronto) plus some days, at the hour, as an aware datetime."""
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)
