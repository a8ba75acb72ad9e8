"""Events validate like a volunteer expects, repeat on local wall-clock time and list in order."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from wagtail_factories import ImageFactory

from programs.models import Event, EventDate, ProgramPage
from tests.programs.factories import EventFactory

pytestmark = pytest.mark.django_db
TORONTO = ZoneInfo("America/Toronto")


def toronto(*args):
    return datetime(*args, tzinfo=TORONTO)


def errors(instance):
    """The messages full_clean gives, by field; {} when the instance is valid."""
    try:
        instance.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


def weekly(start, until, **kwargs):
    return EventFactory(
        start=start, end=start + timedelta(hours=2), repeat="weekly", repeat_until=until, **kwargs
    )


# Validation


def test_end_before_start_is_refused():
    event = EventFactory.build(start=toronto(2026, 3, 5, 18), end=toronto(2026, 3, 5, 17))
    assert errors(event) == {"end": ["The end must be after the start."]}


def test_valid_one_off_event_passes():
    assert errors(EventFactory.build()) == {}


@pytest.mark.parametrize("format", ["online", "hybrid"])
def test_online_or_hybrid_event_needs_the_link(format):
    event = EventFactory.build(format=format, online_url="")
    assert errors(event)["online_url"] == ["Add the link people use to join online."]


def test_online_event_needs_no_venue():
    event = EventFactory.build(format="online", venue_name="", online_url="https://meet.example/x")
    assert errors(event) == {}


@pytest.mark.parametrize("format", ["in_person", "hybrid"])
def test_in_person_or_hybrid_event_needs_a_venue(format):
    event = EventFactory.build(format=format, venue_name="", online_url="https://meet.example/x")
    assert errors(event) == {"venue_name": ["Add where it happens, e.g. the venue's name."]}


def test_repeating_event_needs_a_last_date():
    event = EventFactory.build(repeat="weekly", repeat_until=None)
    assert errors(event) == {"repeat_until": ["Choose the last date it repeats on."]}


def test_last_repeat_before_the_first_date_is_refused():
    event = EventFactory.build(
        start=toronto(2026, 3, 5, 18),
        end=toronto(2026, 3, 5, 20),
        repeat="monthly",
        repeat_until=date(2026, 3, 4),
    )
    assert errors(event) == {
        "repeat_until": ["The last repeat must be on or after the first date."]
    }


def test_last_repeat_on_the_first_date_is_allowed():
    event = EventFactory.build(
        start=toronto(2026, 3, 5, 18),
        end=toronto(2026, 3, 5, 20),
        repeat="weekly",
        repeat_until=date(2026, 3, 5),
    )
    assert errors(event) == {}


def test_repeats_longer_than_two_years_are_refused_with_the_latest_date():
    start = toronto(2026, 3, 5, 18)
    event = EventFactory.build(start=start, end=start + timedelta(hours=2), repeat="weekly")
    event.repeat_until = date(2028, 3, 5)
    assert errors(event) == {}
    event.repeat_until = date(2028, 3, 6)
    assert errors(event) == {
        "repeat_until": ["Repeats can run for at most two years: choose March 5, 2028 or earlier."]
    }


# ProgramPage.clean


def program_errors(**fields):
    page = ProgramPage(title="Art group", slug="art-group", summary="Paint together.", **fields)
    try:
        page.clean()
    except ValidationError as error:
        return error.message_dict
    return {}


def test_program_registering_online_needs_the_form_address():
    assert program_errors(how_to_join="register") == {
        "registration_url": ["Add the registration form's web address."]
    }
    assert program_errors(how_to_join="register", registration_url="https://example.org/") == {}


def test_program_joined_by_email_needs_the_address():
    assert program_errors(how_to_join="email") == {
        "contact_email": ["Add the email address people write to."]
    }
    assert program_errors(how_to_join="email", contact_email="groups@example.org") == {}


def test_program_picture_needs_alt_text():
    image = ImageFactory()
    assert program_errors(image=image, image_alt_text="  ") == {
        "image_alt_text": ["Describe the picture for people who cannot see it."]
    }
    assert program_errors(image=image, image_alt_text="Chairs in a circle") == {}


# Repeats


def test_weekly_event_repeats_every_week_up_to_and_including_the_last_date():
    event = weekly(toronto(2026, 3, 5, 18), date(2026, 4, 2))
    starts = [timezone_free(start) for start in event.starts()]
    assert starts == [datetime(2026, 3, day, 18) for day in (5, 12, 19, 26)] + [
        datetime(2026, 4, 2, 18)
    ]


def test_monthly_event_repeats_on_the_same_day_each_month():
    start = toronto(2026, 1, 15, 19, 30)
    event = EventFactory(
        start=start,
        end=start + timedelta(hours=1),
        repeat="monthly",
        repeat_until=date(2026, 6, 15),
    )
    occurrences = event.dates.all()
    assert [timezone_free(o.start) for o in occurrences] == [
        datetime(2026, month, 15, 19, 30) for month in range(1, 7)
    ]
    assert all(o.end - o.start == timedelta(hours=1) for o in occurrences)


def test_weekly_event_keeps_its_local_time_across_the_autumn_clock_change():
    event = weekly(toronto(2026, 10, 22, 18), date(2026, 11, 12))
    starts = event.starts()
    assert [start.astimezone(TORONTO).hour for start in starts] == [18, 18, 18, 18]
    assert [start.utcoffset() for start in starts] == [
        timedelta(hours=-4),
        timedelta(hours=-4),
        timedelta(hours=-5),
        timedelta(hours=-5),
    ]
    utc_hours = [start.astimezone(ZoneInfo("UTC")).hour for start in starts]
    assert utc_hours == [22, 22, 23, 23]


def test_one_off_event_has_one_occurrence():
    event = EventFactory(start=toronto(2026, 5, 1, 10), end=toronto(2026, 5, 1, 12))
    [occurrence] = event.dates.all()
    assert (occurrence.start, occurrence.end) == (event.start, event.end)


def test_dates_between_open_and_closed_ranges():
    event = weekly(toronto(2026, 3, 5, 18), date(2026, 4, 2))  # Mar 5, 12, 19, 26, Apr 2

    def days(start=None, end=None):
        return [timezone_free(o.start).day for o in event.dates.between(start, end)]

    assert days() == [5, 12, 19, 26, 2]
    assert days(start=toronto(2026, 3, 20)) == [26, 2]
    assert days(end=toronto(2026, 3, 20)) == [5, 12, 19]
    assert days(toronto(2026, 3, 10), toronto(2026, 3, 27)) == [12, 19, 26]
    # A session under way at the start of the range is still in it.
    assert days(start=toronto(2026, 3, 12, 19)) == [12, 19, 26, 2]
    assert days(toronto(2026, 4, 3), None) == []


# Listing queries


def test_upcoming_dates_are_soonest_first_across_events():
    now = toronto(2026, 3, 1, 12)
    group = weekly(toronto(2026, 3, 5, 18), date(2026, 3, 19), title="Group")
    workshop = EventFactory(
        title="Workshop", start=toronto(2026, 3, 10, 10), end=toronto(2026, 3, 10, 12)
    )
    EventFactory(title="Finished", start=toronto(2026, 2, 20, 10), end=toronto(2026, 2, 20, 12))

    upcoming = EventDate.objects.upcoming(now)

    assert [(o.event, timezone_free(o.start).day) for o in upcoming] == [
        (group, 5),
        (workshop, 10),
        (group, 12),
        (group, 19),
    ]
    assert len(EventDate.objects.upcoming(now)[:2]) == 2


def test_the_first_few_upcoming_dates_are_the_same_as_the_start_of_all_of_them():
    now = toronto(2026, 3, 1, 12)
    weekly(toronto(2026, 3, 4, 18), date(2026, 4, 29), title="Group")
    weekly(toronto(2026, 2, 2, 18), date(2026, 3, 30), title="Walk")
    for day in (3, 6, 9, 12, 20, 25):
        EventFactory(start=toronto(2026, 3, day, 10), end=toronto(2026, 3, day, 12))
    EventFactory(start=toronto(2026, 2, 27, 10), end=toronto(2026, 3, 2, 12), title="Retreat")

    everything = list(EventDate.objects.upcoming(now))

    for limit in (1, 3, 5, 8):
        assert list(EventDate.objects.upcoming(now)[:limit]) == everything[:limit]


def test_past_dates_are_most_recent_first_and_exclude_those_under_way():
    now = toronto(2026, 3, 12, 19)  # during the second session
    group = weekly(toronto(2026, 3, 5, 18), date(2026, 3, 19), title="Group")
    earlier = EventFactory(
        title="Earlier", start=toronto(2026, 3, 1, 10), end=toronto(2026, 3, 1, 12)
    )

    past = EventDate.objects.past(now)

    assert [(o.event, timezone_free(o.start).day) for o in past] == [(group, 5), (earlier, 1)]


def test_session_under_way_on_the_last_repeat_date_is_still_upcoming():
    # 21:00 in Toronto is already the next day in UTC: the last date must be compared locally.
    group = weekly(toronto(2026, 3, 5, 18), date(2026, 3, 12))
    group.end = group.start + timedelta(hours=4)
    group.save()
    upcoming = EventDate.objects.upcoming(toronto(2026, 3, 12, 21))
    assert [(o.event, timezone_free(o.start).day) for o in upcoming] == [(group, 12)]


def test_drafts_are_not_live():
    published = EventFactory(title="Published")
    EventFactory(title="Draft", live=False)
    assert list(Event.objects.live()) == [published]
    assert [o.event for o in EventDate.objects.live().upcoming()] == [published]


# Slugs


def test_slug_is_made_unique_from_the_title():
    first, second, third = (EventFactory(title="Art night!") for _ in range(3))
    assert [first.slug, second.slug, third.slug] == ["art-night", "art-night-2", "art-night-3"]
    first.save()
    first.refresh_from_db()
    assert first.slug == "art-night"


def test_slug_chosen_by_an_editor_is_kept():
    assert EventFactory(title="Art night", slug="art").slug == "art"


def timezone_free(moment):
    """A moment as Toronto wall-clock time, without its zone, for readable comparisons."""
    return moment.astimezone(TORONTO).replace(tzinfo=None)
