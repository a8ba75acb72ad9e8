"""Example programs and events, dated from today, so a newcomer can see the calendar working."""

from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from programs.models import Closure, DateChange, Event, ProgramIndexPage, ProgramPage

PREFIX = "example-"
VENUE = {
    "venue_name": "CONNECT drop-in room",
    "street_address": "536 Queens Ave",
    "unit": "Unit 202",
    "city": "London",
    "postal_code": "N6B 1Y8",
}


class Command(BaseCommand):
    help = (
        "Add example programs and events (titles start with 'Example:'), dated from today; "
        "--remove takes them away again. Safe to run twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--remove", action="store_true", help="Delete the example programs and events."
        )

    def handle(self, *args, remove, **options):
        with transaction.atomic():
            if remove:
                self.remove()
            else:
                self.add()

    def add(self):
        index = ProgramIndexPage.objects.first()
        if index is None:
            raise CommandError("There is no programs page yet: run load_seed_content first.")
        programs = {data["slug"]: self.ensure_program(index, data) for data in example_programs()}
        today = timezone.localdate()
        self.ensure_closure(example_closure(today))
        for data in example_events(today):
            program = programs.get(data.pop("program", None))
            self.ensure_event({**data, "program": program})
        self.stdout.write(self.style.SUCCESS("Examples ready: see /programs/ and /events/."))

    def ensure_program(self, index, data):
        program = ProgramPage.objects.filter(slug=data["slug"]).first()
        if program:
            self.stdout.write(f"{program.title} exists; left as it is.")
            return program
        categories = data.pop("categories")
        program = index.add_child(instance=ProgramPage(**data))
        program.categories.add(*categories)
        validate(program)
        program.save_revision().publish()
        self.stdout.write(f"Created {program.title} at {program.url}")
        return program

    def ensure_event(self, data):
        if Event.objects.filter(slug=data["slug"]).exists():
            self.stdout.write(f"Event {data['title']} exists; left as it is.")
            return
        changes = data.pop("date_changes", [])
        event = Event(**data)
        validate(event)
        event.date_changes = [DateChange(**change) for change in changes]
        for change in event.date_changes.all():
            validate(change, exclude=["event"])
        event.save()
        event.save_revision().publish()
        self.stdout.write(f"Created event {event.title}")

    def ensure_closure(self, data):
        closure, created = Closure.objects.get_or_create(date=data["date"], defaults=data)
        if created:
            self.stdout.write(f"Created closure day {closure}")
        else:
            self.stdout.write(f"Closure day {closure} exists; left as it is.")

    def remove(self):
        Closure.objects.filter(label__startswith="Example:").delete()
        events = Event.objects.filter(slug__startswith=PREFIX)
        programs = Page.objects.type(ProgramPage).filter(slug__startswith=PREFIX)
        counts = f"{programs.count()} example programs, {events.count()} events"
        events.delete()
        for program in programs:
            program.delete()
        self.stdout.write(self.style.SUCCESS(f"Removed {counts}."))


def validate(instance, exclude=None):
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        raise CommandError(f"Example {instance} is not valid: {error}") from error


def example_programs():
    return [
        {
            "title": "Example: Weekly peer support group",
            "slug": f"{PREFIX}peer-support-group",
            "summary": "This is an example program. A weekly drop-in group where people with "
            "lived experience share what helps, in confidence.",
            "audience": "Adults 18+ living with mental health or addiction issues",
            "accessibility_notes": "Step-free entrance from the rear parking lot.",
            "categories": ["example", "peer support"],
        },
        {
            "title": "Example: Monthly wellness workshop",
            "slug": f"{PREFIX}wellness-workshop",
            "summary": "This is an example program. A monthly workshop on everyday wellness: "
            "sleep, stress and staying connected.",
            "audience": "Anyone interested, including family and friends",
            "format": "hybrid",
            "how_to_join": "register",
            "registration_url": "https://example.org/register",
            "categories": ["example", "wellness"],
        },
    ]


def next_tuesday(today):
    return today + timedelta(days=(1 - today.weekday()) % 7 or 7)


def example_closure(today):
    """A closure day on the weekly group's fifth Tuesday, which cancels it that day."""
    return {"date": next_tuesday(today) + timedelta(weeks=4), "label": "Example: office closed"}


def example_events(today):
    """The events, dated from today: a weekly group (one date cancelled, one moved and one extra
    date in the next weeks), a monthly workshop, a cancelled and a past one."""
    tuesday = next_tuesday(today)
    tenth_next_month = (today.replace(day=1) + timedelta(days=32)).replace(day=10)
    return [
        {
            "title": "Example: Peer support group",
            "slug": f"{PREFIX}peer-support-group",
            "program": f"{PREFIX}peer-support-group",
            **span(tuesday, time(18, 30), hours=1.5),
            "repeat": "weekly",
            "repeat_until": tuesday + timedelta(weeks=12),
            "date_changes": [
                {
                    "kind": "cancel",
                    "original_start": span(tuesday + timedelta(weeks=1), time(18, 30), 1.5)[
                        "start"
                    ],
                    "note": "Our facilitators are at a training day.",
                },
                {
                    "kind": "move",
                    "original_start": span(tuesday + timedelta(weeks=2), time(18, 30), 1.5)[
                        "start"
                    ],
                    **new_span(tuesday + timedelta(weeks=2, days=1), time(19), hours=1.5),
                    "venue_name": "Room 204, upstairs",
                    "note": "The drop-in room is being painted.",
                },
                {
                    "kind": "add",
                    **new_span(tuesday + timedelta(weeks=3, days=4), time(11), hours=2),
                    "note": "Extra Saturday session.",
                },
            ],
            "description": "<p>Drop in: no need to register. Tea and coffee provided.</p>",
            **VENUE,
        },
        {
            "title": "Example: Wellness workshop",
            "slug": f"{PREFIX}wellness-workshop",
            "program": f"{PREFIX}wellness-workshop",
            **span(tenth_next_month, time(13), hours=2),
            "repeat": "monthly",
            "repeat_until": tenth_next_month + timedelta(days=150),
            "format": "hybrid",
            "online_url": "https://example.org/meet",
            "registration_url": "https://example.org/register",
            "description": "<p>This month: <b>sleep and stress</b>.</p>",
            **VENUE,
        },
        {
            "title": "Example: Art night",
            "slug": f"{PREFIX}art-night",
            **span(today + timedelta(days=10), time(19), hours=2),
            "status": "cancelled",
            "description": "<p>Cancelled: the room is not available. We are sorry.</p>",
            **VENUE,
        },
        {
            "title": "Example: Open house",
            "slug": f"{PREFIX}open-house",
            **span(today - timedelta(days=14), time(11), hours=3),
            "description": "<p>Meet the volunteers and see what we do.</p>",
            **VENUE,
        },
    ]


def span(day, start, hours):
    begin = timezone.make_aware(datetime.combine(day, start))
    return {"start": begin, "end": begin + timedelta(hours=hours)}


def new_span(day, start, hours):
    """A moved or extra date's new start and end."""
    moved = span(day, start, hours)
    return {"new_start": moved["start"], "new_end": moved["end"]}
