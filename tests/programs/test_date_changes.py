"""Volunteers cancel, move or add one date of a repeating event, and close the whole site on a day."""

from datetime import date, timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from programs.models import Event, EventDate
from tests.programs.factories import ClosureFactory, change_dates
from tests.programs.test_admin import EVENTS, form_data
from tests.programs.test_events import timezone_free, toronto, weekly

pytestmark = pytest.mark.django_db
# The weekly event form_data makes: Thursdays at 6 p.m., March 7 to 28, 2030, in Toronto
# (daylight saving time starts on March 10, so the UTC hour changes).
WEEKLY = {"repeat": "weekly", "repeat_until": "2030-03-28"}
MARCH_14 = "2030-03-14T22:00:00+00:00"
MARCH_21 = "2030-03-21T22:00:00+00:00"


def dates(event):
    """The event's dates as (Toronto wall-clock start, change, note), soonest first."""
    return [(timezone_free(d.start), d.change, d.note) for d in event.dates.order_by("start")]


@pytest.fixture
def weekly_event(admin_client):
    assert admin_client.post(f"{EVENTS}add/", form_data(**WEEKLY)).status_code == 302
    return Event.objects.get()


def edit(admin_client, event, *changes, publish=True, **overrides):
    """Post the event's edit form, published or as a draft, with these changes to single dates."""
    changes = [
        {
            "kind": "cancel",
            "note": "",
            "venue_name": "",
            "online_url": "",
            "original_start": "",
            "new_start": "",
            "new_end": "",
            **c,
        }
        for c in changes
    ]
    data = form_data(date_changes=changes, **WEEKLY, **overrides)
    if not publish:
        del data["action-publish"]
    return admin_client.post(f"{EVENTS}edit/{event.pk}/", data)


def change_errors(response):
    """Each change's errors, by field, as the form shows them."""
    assert response.status_code == 200, "the form should be shown again, with messages"
    formset = response.context["form"].formsets["date_changes"]
    return [dict(form.errors) for form in formset.forms]


def test_edit_form_offers_the_events_own_dates_to_choose_from(admin_client, weekly_event):
    html = admin_client.get(f"{EVENTS}edit/{weekly_event.pk}/").content.decode()
    assert "Cancel, move or add one date" in html
    assert f'<option value="{MARCH_14}">Thursday, March 14, 2030, 6 p.m.</option>' in html


def test_cancelling_one_date_with_a_reason_cancels_that_date_only(admin_client, weekly_event):
    response = edit(admin_client, weekly_event, {"original_start": MARCH_14, "note": "Snow day"})
    assert response.status_code == 302
    assert [change for _, change, _ in dates(weekly_event)] == ["", "cancelled", "", ""]
    cancelled = weekly_event.dates.get(change="cancelled")
    assert cancelled.note == "Snow day" and cancelled.is_cancelled
    assert cancelled.status == "cancelled"


def test_moving_one_date_gives_it_its_new_time_and_room(admin_client, weekly_event):
    moved = {
        "kind": "move",
        "original_start": MARCH_21,
        "new_start": "2030-03-22 19:00",
        "new_end": "2030-03-22 21:00",
        "venue_name": "Room B",
        "note": "Hall booked",
    }
    assert edit(admin_client, weekly_event, moved).status_code == 302
    date = weekly_event.dates.get(change="moved")
    assert timezone_free(date.start).isoformat() == "2030-03-22T19:00:00"
    assert timezone_free(date.original_start).isoformat() == "2030-03-21T18:00:00"
    assert (date.venue, date.link, date.status) == ("Room B", "", "moved")
    assert date.event.venue_name == "CONNECT drop-in room"  # the other dates keep theirs
    assert weekly_event.dates.count() == 4


def test_an_extra_date_is_added(admin_client, weekly_event):
    extra = {"kind": "add", "new_start": "2030-03-16 10:00", "new_end": "2030-03-16 12:00"}
    assert edit(admin_client, weekly_event, extra).status_code == 302
    assert dates(weekly_event)[2] == (timezone_free(toronto(2030, 3, 16, 10)), "added", "")
    assert weekly_event.dates.get(change="added").original_start is None


@pytest.mark.parametrize(
    "changes, index, field, message",
    [
        (
            [
                {"original_start": MARCH_14},
                {
                    "original_start": MARCH_14,
                    "kind": "move",
                    "new_start": "2030-03-15 18:00",
                    "new_end": "2030-03-15 20:00",
                },
            ],
            1,
            "original_start",
            "Thursday, March 14, 2030, 6 p.m. already has a change: keep only one.",
        ),
        (
            [
                {
                    "kind": "move",
                    "original_start": MARCH_14,
                    "new_start": "2030-03-15 18:00",
                    "new_end": "2030-03-15 17:00",
                }
            ],
            0,
            "new_end",
            "The new end must be after the new start.",
        ),
        (
            [{"kind": "add", "new_start": "2030-03-21 18:00", "new_end": "2030-03-21 20:00"}],
            0,
            "new_start",
            "Thursday, March 21, 2030, 6 p.m. is already one of its dates: no need to add it.",
        ),
        ([{"kind": "cancel"}], 0, "original_start", "Choose which date this is about."),
        (
            [{"kind": "move", "original_start": MARCH_14}],
            0,
            "new_start",
            "Give the date and time it now starts.",
        ),
        (
            [{"original_start": "2030-03-15T22:00:00+00:00"}],
            0,
            "original_start",
            "Choose one of the event's dates from the list.",
        ),
    ],
)
def test_mistaken_changes_are_explained_next_to_them_and_nothing_is_saved(
    admin_client, weekly_event, changes, index, field, message
):
    errors = change_errors(edit(admin_client, weekly_event, *changes))
    assert message in errors[index][field]
    assert not weekly_event.date_changes.exists()
    assert not weekly_event.dates.exclude(change="").exists()


def test_changing_the_rule_keeps_matching_changes_and_names_those_that_no_longer_match(
    admin_client, weekly_event
):
    edit(admin_client, weekly_event, {"original_start": MARCH_14}, {"original_start": MARCH_21})
    shorter = {"repeat_until": "2030-03-14"}
    kept = [
        {"id": str(c.pk), "original_start": key}
        for c, key in zip(
            weekly_event.date_changes.order_by("sort_order"), [MARCH_14, MARCH_21], strict=True
        )
    ]
    data = form_data(
        date_changes=[
            {
                "kind": "cancel",
                "note": "",
                "venue_name": "",
                "online_url": "",
                "new_start": "",
                "new_end": "",
                **c,
            }
            for c in kept
        ],
        initial_changes=2,
        **{**WEEKLY, **shorter},
    )
    errors = change_errors(admin_client.post(f"{EVENTS}edit/{weekly_event.pk}/", data))
    assert errors[0] == {}
    assert errors[1]["original_start"] == [
        "Thursday, March 21, 2030, 6 p.m. is not one of its dates (check when it repeats): "
        "choose another date, or delete this change."
    ]
    assert weekly_event.date_changes.count() == 2  # nothing dropped
    weekly_event.refresh_from_db()
    assert weekly_event.repeat_until == date(2030, 3, 28)


def test_a_change_saved_as_draft_shows_only_once_published(admin_client, weekly_event):
    change = {"original_start": MARCH_14, "note": "Snow day"}
    assert edit(admin_client, weekly_event, change, publish=False).status_code == 302
    assert not weekly_event.dates.exclude(change="").exists()
    weekly_event.refresh_from_db()
    revision = weekly_event.latest_revision.as_object()
    assert [c.note for c in revision.date_changes.all()] == ["Snow day"]

    weekly_event.latest_revision.publish()
    assert weekly_event.dates.get(change="cancelled").note == "Snow day"


def test_a_closure_day_cancels_every_date_that_day_unless_the_event_meets_anyway():
    group = weekly(toronto(2030, 3, 7, 18), date(2030, 3, 28))
    social = weekly(toronto(2030, 3, 14, 12), date(2030, 3, 14), meets_on_closure_days=True)
    closure = ClosureFactory(date=date(2030, 3, 14), label="Closed for March Break")

    assert dates(group)[1][1:] == ("cancelled", "Closed for March Break")
    assert dates(social)[0][1] == ""

    closure.date = date(2030, 3, 21)
    closure.save()
    assert [change for _, change, _ in dates(group)] == ["", "", "cancelled", ""]
    closure.delete()
    assert [change for _, change, _ in dates(group)] == ["", "", "", ""]


def test_the_events_own_reason_wins_over_a_closure_on_that_day():
    group = weekly(toronto(2030, 3, 7, 18), date(2030, 3, 28))
    change_dates(
        group, {"kind": "cancel", "original_start": toronto(2030, 3, 14, 18), "note": "Snow"}
    )
    ClosureFactory(date=date(2030, 3, 14), label="March Break")
    assert dates(group)[1][1:] == ("cancelled", "Snow")


def test_dates_are_remade_with_their_changes_in_constant_queries(django_assert_num_queries):
    start = timezone.localtime().replace(hour=18, minute=0, second=0, microsecond=0)
    group = weekly(start + timedelta(days=1), (start + timedelta(weeks=30)).date())
    starts = group.starts()
    for changes in (starts[:1], starts[:20]):
        change_dates(group, *({"kind": "cancel", "original_start": s} for s in changes))
        # Delete, read the changes, read the closures, insert, mark the event changed.
        with django_assert_num_queries(5):
            EventDate.objects.rebuild([group])
    assert EventDate.objects.filter(change="cancelled").count() == 20


def test_a_scheduled_change_goes_live_when_publish_scheduled_runs_past_its_time(
    admin_client, weekly_event
):
    go_live = timezone.localtime() + timedelta(hours=2)
    change = {"original_start": MARCH_14, "note": "Snow day"}
    edit(admin_client, weekly_event, change, go_live_at=f"{go_live:%Y-%m-%d %H:%M}")
    call_command("publish_scheduled")
    assert not weekly_event.dates.exclude(change="").exists()

    with mock.patch("django.utils.timezone.now", return_value=go_live + timedelta(minutes=1)):
        call_command("publish_scheduled")
    assert weekly_event.dates.get(change="cancelled").note == "Snow day"


def test_an_editors_change_waits_for_a_moderator(signed_in_as, weekly_event):
    editor = signed_in_as("Editors")
    data = form_data(
        date_changes=[{"kind": "cancel", "original_start": MARCH_14, "note": "Snow day"}],
        **WEEKLY,
        **{"action-submit": "submit"},
    )
    del data["action-publish"]
    assert editor.post(f"{EVENTS}edit/{weekly_event.pk}/", data).status_code == 302
    weekly_event.refresh_from_db()
    assert weekly_event.workflow_in_progress
    assert not weekly_event.dates.exclude(change="").exists()


def test_moderators_manage_closure_days_and_editors_see_them(signed_in_as):
    closures = "/admin/snippets/programs/closure/"
    moderator, editor = signed_in_as("Moderators"), signed_in_as("Editors")
    added = moderator.post(f"{closures}add/", {"date": "2030-10-14", "label": "Thanksgiving"})
    assert added.status_code == 302
    assert editor.get(closures).status_code == 200
    assert editor.get(f"{closures}add/").status_code == 302  # sent away: not allowed
