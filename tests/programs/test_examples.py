"""load_example_programs shows a newcomer the calendar working, and takes the examples away again."""

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from programs.models import Closure, Event, EventDate, ProgramPage

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("load_example_programs", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def seeded(db):
    call_command("load_seed_content", stdout=io.StringIO())


def test_examples_are_marked_dated_from_today_and_visible(client, seeded):
    run()
    programs = ProgramPage.objects.live()
    assert programs.count() == 2
    events = Event.objects.live()
    assert events.count() == 4
    for item in [*programs, *events]:
        assert item.title.startswith("Example: "), item.title
    assert {event.status for event in events} == {"scheduled", "cancelled"}
    assert {event.repeat for event in events} == {"weekly", "monthly", ""}
    assert len(EventDate.objects.live().upcoming()) > 10
    assert len(EventDate.objects.live().past()) == 1

    home = client.get("/en/").content.decode()
    assert "There are no upcoming events at this time." not in home
    assert "Example: Peer support group" in home
    assert "Example: Art night" in client.get("/en/events/").content.decode()
    assert "Example: Open house" in client.get("/en/events/?past=1").content.decode()
    program = client.get("/en/programs/example-peer-support-group/").content.decode()
    assert "Example: Peer support group" in program


def test_weekly_group_shows_a_cancelled_a_moved_and_an_extra_date_and_a_closure_day(client, seeded):
    run()
    group = Event.objects.get(slug="example-peer-support-group")
    changed = group.dates.exclude(change="").order_by("start")
    assert [date.change for date in changed] == ["cancelled", "moved", "added", "cancelled"]
    six_weeks = timezone.now() + timedelta(weeks=6)
    assert all(timezone.now() < date.start < six_weeks for date in changed)
    assert changed[3].note == Closure.objects.get().label == "Example: office closed"
    calendar = client.get("/en/events/").content.decode()
    assert "Cancelled this time: Our facilitators are at a training day." in calendar
    assert "Room 204, upstairs" in calendar and "Extra date" in calendar

    run("--remove")
    assert not Closure.objects.exists()


def test_second_run_adds_nothing(seeded):
    run()
    output = run()
    assert ProgramPage.objects.count() == 2 and Event.objects.count() == 4
    assert "exists; left as it is" in output


def test_remove_takes_only_the_examples_away(seeded):
    run()
    kept = Event.objects.create(
        title="Real event",
        start=Event.objects.first().start,
        end=Event.objects.first().end,
        venue_name="Library",
    )
    output = run("--remove")
    assert "Removed 2 example programs, 4 events." in output
    assert list(Event.objects.all()) == [kept]
    assert not ProgramPage.objects.exists()


def test_needs_the_seeded_programs_page(db):
    with pytest.raises(CommandError, match="run load_seed_content first"):
        run()
    assert not Event.objects.exists()
