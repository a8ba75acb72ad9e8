"""Events: dated sessions, one-off or repeating weekly or monthly, edited as snippets."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PublishingPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from cms.blocks import INLINE_FEATURES
from cms.caching import cached, valid_until
from cms.models import PostalAddress
from cms.translations import TranslatedFieldsMixin
from programs.forms import DateChangesPanel, EventForm
from programs.models.changes import Closure, DateChange
from programs.models.choices import DATE_CHANGES, FORMATS, REPEATS, STATUSES
from programs.models.repeats import spans_of, starts_of

MAX_REPEAT_SPAN = relativedelta(years=2)
# How far back "recent" reaches, e.g. for the calendar feed.
RECENT = timedelta(days=30)
# What each kind of change to one date makes of it.
CHANGE_OUTCOMES = {"cancel": "cancelled", "move": "moved", "add": "added"}
# The fields an event's dates are made or copied from.
DATE_FIELDS = {"start", "end", "repeat", "repeat_until", "program", "live", "meets_on_closure_days"}


class EventQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def overlapping(self, start=None, end=None):
        """Events with at least one date between start and end (either may be open)."""
        dates = EventDate.objects.filter(event=OuterRef("pk")).between(start, end)
        return self.filter(Exists(dates))

    def with_changed_dates(self):
        """With `changed_dates`: each event's dates cancelled, moved or added, soonest first."""
        changed = EventDate.objects.exclude(change="").order_by("start")
        return self.prefetch_related(Prefetch("dates", changed, to_attr="changed_dates"))

    def recent_and_upcoming(self, now=None):
        """Events with a date in the last month or still to come, e.g. for calendar feeds."""
        return self.overlapping(start=(now or timezone.now()) - RECENT)


class Event(
    TranslatedFieldsMixin,
    WorkflowMixin,
    DraftStateMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
    PostalAddress,
):
    """A dated event: a session of a program, a workshop, a social; may repeat."""

    title = models.CharField(max_length=200, help_text="e.g. 'Peer support group'.")
    slug = models.SlugField(
        max_length=100,
        unique=True,
        blank=True,
        help_text="Part of the event's web address; made from the title if left blank.",
    )
    program = models.ForeignKey(
        "programs.ProgramPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text="Optional: the workshop or group this is a session of.",
    )
    start = models.DateTimeField(help_text="Date and time it starts (Toronto time).")
    end = models.DateTimeField(help_text="Date and time it ends (Toronto time).")
    all_day = models.BooleanField(
        default=False, help_text="Tick for an all-day event; the times are then not shown."
    )
    format = models.CharField(
        max_length=20, choices=FORMATS, default="in_person", help_text="Where it happens."
    )
    venue_name = models.CharField(
        max_length=200, blank=True, help_text="e.g. 'Community centre, room 2'. Needed in person."
    )
    online_url = models.URLField(
        blank=True, help_text="The video call or stream link. Needed for online events."
    )
    description = RichTextField(
        features=INLINE_FEATURES + ["ol", "ul"],
        blank=True,
        help_text="What happens, who it is for, what to bring.",
    )
    registration_url = models.URLField(
        blank=True, help_text="Optional: where to register, if people need to."
    )
    status = models.CharField(
        max_length=20,
        choices=STATUSES,
        default="scheduled",
        help_text="Cancelled and postponed events stay listed, clearly marked.",
    )
    repeat = models.CharField(
        max_length=10, choices=REPEATS, blank=True, default="", help_text="Does it repeat?"
    )
    repeat_until = models.DateField(
        null=True,
        blank=True,
        help_text="The last date it repeats on (at most two years after it starts).",
    )
    meets_on_closure_days = models.BooleanField(
        default=False,
        help_text="Tick if it still meets on the days the whole organisation is closed "
        "(Closure days, in the menu).",
    )
    title_fr = models.CharField(
        "Title in French",
        max_length=200,
        blank=True,
        help_text="Optional: the title as French-speaking visitors read it, e.g. 'Groupe de "
        "soutien par les pairs'. Left blank, they see the English one.",
    )
    description_fr = RichTextField(
        "Description in French",
        features=INLINE_FEATURES + ["ol", "ul"],
        blank=True,
        help_text="Optional: the description in French. Left blank, French-speaking visitors read "
        "the English one.",
    )
    # When its dates were last remade, for calendar apps to see that it changed (SEQUENCE).
    dates_changed_at = models.DateTimeField(null=True, editable=False)

    objects = EventQuerySet.as_manager()
    base_form_class = EventForm
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="event")

    panels = [
        FieldPanel("title"),
        FieldPanel("program"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldRowPanel([FieldPanel("repeat"), FieldPanel("repeat_until")]),
                FieldPanel("meets_on_closure_days"),
            ],
            heading="When",
        ),
        DateChangesPanel(
            "date_changes",
            heading="Cancel, move or add one date",
            label="Change to one date",
            help_text="For one meeting only: the rest of the dates stay as they are.",
        ),
        MultiFieldPanel(
            [FieldPanel("format"), FieldPanel("venue_name"), FieldPanel("online_url")],
            heading="Where",
        ),
        *PostalAddress.address_panels,
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("title_fr"), FieldPanel("description_fr")],
            heading="In French",
        ),
        FieldPanel("registration_url"),
        FieldPanel("status"),
        FieldPanel("slug"),
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.SearchField("title_fr"),
        index.SearchField("description_fr"),
        index.FilterField("program"),
        index.FilterField("start"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["start"]
        # The calendar reads events in date order, and a program's events in date order.
        indexes = [
            models.Index(fields=["start"], name="event_start_idx"),
            models.Index(fields=["program", "start"], name="event_program_start_idx"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = "The end must be after the start."
        if self.format in ("online", "hybrid") and not self.online_url:
            errors["online_url"] = "Add the link people use to join online."
        if self.format in ("in_person", "hybrid") and not self.venue_name:
            errors["venue_name"] = "Add where it happens, e.g. the venue's name."
        if self.repeat and not self.repeat_until:
            errors["repeat_until"] = "Choose the last date it repeats on."
        elif self.repeat and self.start and self.repeat_until:
            start_date = timezone.localtime(self.start).date()
            if self.repeat_until < start_date:
                errors["repeat_until"] = "The last repeat must be on or after the first date."
            elif self.repeat_until > start_date + MAX_REPEAT_SPAN:
                latest = start_date + MAX_REPEAT_SPAN
                errors["repeat_until"] = (
                    f"Repeats can run for at most two years: choose {latest:%B %-d, %Y} or earlier."
                )
        if errors:
            raise ValidationError(errors)

    @transaction.atomic
    def save(self, *args, update_fields=None, **kwargs):
        if not self.slug:
            self.slug = self.unique_slug()
        super().save(*args, update_fields=update_fields, **kwargs)
        # Saving a draft (save_revision) writes only the revision fields, from an instance holding
        # the draft's dates: the dates visitors see change only when the live row's do.
        if update_fields is None or DATE_FIELDS.intersection(update_fields):
            EventDate.objects.rebuild([self])

    def unique_slug(self):
        base = slugify(self.title)[:90] or "event"
        slug, n = base, 1
        while Event.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    def starts(self):
        """Start of every date of this event, aware, keeping local wall-clock time across DST."""
        return starts_of(self.start, self.repeat, self.repeat_until)


def until_one_ends(dates):
    """The first upcoming dates, as a list: whatever shows them is kept only until one of them ends
    (later dates cannot take their place before then)."""
    dates = list(dates)
    valid_until(min((date.end for date in dates), default=None))
    return dates


def upcoming_dates_change():
    """When the live upcoming dates next change with the clock alone (`upcoming_until`), kept
    until then: the calendar and the events API ask on every answer."""

    def make():
        until = EventDate.objects.upcoming_until()
        valid_until(until)  # the kept moment expires when it passes
        return until

    return cached("upcoming-dates-change", make=make, language=settings.LANGUAGE_CODE)


def programs_of_events():
    """The prefetch of dates' events' programs, each read once and without its body."""
    programs = apps.get_model("programs", "ProgramPage").objects.defer_streamfields()
    return Prefetch("event__program", queryset=programs)


class EventDateQuerySet(models.QuerySet):
    def live(self):
        """Dates of published events."""
        return self.filter(live=True)

    def rebuild(self, events):
        """Replace the dates of these (saved) events with those their fields, their changes to
        single dates and the closure days give, in bulk."""
        ids = [event.pk for event in events]
        self.filter(event__in=ids).delete()
        changes = {}
        for change in DateChange.objects.filter(event__in=ids):
            changes.setdefault(change.event_id, []).append(change)
        dates = [date for event in events for date in dates_of(event, changes.get(event.pk, []))]
        close_on_closure_days([date for date in dates if not date.event.meets_on_closure_days])
        self.bulk_create(dates)
        now = timezone.now()
        Event.objects.filter(pk__in=ids).update(dates_changed_at=now)
        for event in events:
            event.dates_changed_at = now

    def between(self, start=None, end=None):
        """Dates that overlap start..end (either may be open), e.g. one under way at the start."""
        dates = self
        if end is not None:
            dates = dates.filter(start__lt=end)
        if start is not None:
            dates = dates.filter(end__gte=start)
        return dates

    def upcoming(self, now=None):
        """Dates still to come or under way, soonest first."""
        return self.between(start=now or timezone.now()).order_by("start", "event_id")

    def past(self, now=None):
        """Dates that have ended, most recent first."""
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-event_id")

    def upcoming_until(self, now=None):
        """When the upcoming and past dates next change with the clock alone: the soonest end
        among the live dates still to come (None if there are none)."""
        dates = self.live().between(start=now or timezone.now()).order_by("end")
        return dates.values_list("end", flat=True).first()

    def recent_until(self, now=None):
        """When an event drops out of the recent and upcoming ones with the clock alone, at the
        soonest: RECENT after the soonest end among the dates that are still recent."""
        until = self.upcoming_until((now or timezone.now()) - RECENT)
        return until and until + RECENT


def dates_of(event, changes):
    """The event's dates as unsaved rows: its rule's, each as its change says, then extra ones."""
    by_start = {change.original_start: change for change in changes if change.kind != "add"}
    dates = [
        changed(
            EventDate(event=event, start=start, end=end, original_start=start), by_start.get(start)
        )
        for start, end in spans_of(event.start, event.end, event.repeat, event.repeat_until)
    ]
    dates += [changed(EventDate(event=event), change) for change in changes if change.kind == "add"]
    for date in dates:
        date.program_id, date.live = event.program_id, event.live
    return dates


def changed(date, change):
    """The date as its change (if any) leaves it."""
    if change is None:
        return date
    date.change, date.note = CHANGE_OUTCOMES[change.kind], change.note
    if change.kind != "cancel":
        date.start, date.end = change.new_start, change.new_end
        date.venue_name, date.online_url = change.venue_name, change.online_url
    return date


def close_on_closure_days(dates):
    """Cancel the dates that fall on a closure day, with its label as the reason."""
    if not dates:
        return
    days = [timezone.localtime(date.start).date() for date in dates]
    closures = dict(
        Closure.objects.filter(date__range=(min(days), max(days))).values_list("date", "label")
    )
    for date, day in zip(dates, days, strict=True):
        if day in closures and date.change != "cancelled":
            date.change, date.note = "cancelled", closures[day]


@receiver(post_save, sender=Closure)
def closure_saved(sender, instance, **kwargs):
    rebuild_dates_on({instance.date, instance.previous_date})


@receiver(post_delete, sender=Closure)
def closure_deleted(sender, instance, **kwargs):
    rebuild_dates_on({instance.date})


def rebuild_dates_on(days):
    """Remake the dates of every event that has a date on one of these (Toronto) days."""
    on_days = Q(dates__start__date__in=[day for day in days if day is not None])
    EventDate.objects.rebuild(list(Event.objects.filter(on_days).distinct()))


class EventDate(models.Model):
    """One date of an event (its only one, or one repeat), made from the live event, never edited."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="dates", editable=False)
    # The event's program, copied so a program's next dates are one indexed query.
    program = models.ForeignKey(
        "programs.ProgramPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="event_dates",
        editable=False,
    )
    start = models.DateTimeField(editable=False)
    end = models.DateTimeField(editable=False)
    # The event's, copied so that listing and counting live dates reads this table's index alone.
    live = models.BooleanField(default=True, editable=False)
    # What a change to this one date or a closure day made of it, copied from them.
    change = models.CharField(
        max_length=10, choices=DATE_CHANGES, blank=True, default="", editable=False
    )
    original_start = models.DateTimeField(null=True, editable=False)  # None for an extra date
    note = models.CharField(max_length=200, blank=True, editable=False)
    venue_name = models.CharField(max_length=200, blank=True, editable=False)
    online_url = models.URLField(blank=True, editable=False)

    objects = EventDateQuerySet.as_manager()

    class Meta:
        ordering = ["start", "event_id"]
        # Upcoming dates are live ones ending after now, in start order; past ones the others.
        # The first index is in a listing's order and holds what it filters by, so a page of
        # dates reads the table for those dates alone; the second starts at now for counting
        # them and for the soonest end (upcoming_until).
        indexes = [
            models.Index(fields=["start", "event", "live", "end"], name="event_date_order_idx"),
            models.Index(fields=["end", "live", "start", "event"], name="event_date_end_idx"),
            models.Index(fields=["program", "start"], name="event_date_program_start_idx"),
        ]

    def __str__(self):
        return f"{self.event}, {timezone.localtime(self.start):%Y-%m-%d %H:%M}"

    @property
    def is_cancelled(self):
        return self.event.status == "cancelled" or self.change == "cancelled"

    @property
    def status(self):
        """This date's status: the event's, unless this one date was cancelled or moved."""
        if self.is_cancelled:
            return "cancelled"
        if self.event.status == "scheduled" and self.change == "moved":
            return "moved"
        return self.event.status

    @property
    def venue(self):
        return self.venue_name or self.event.venue_name

    @property
    def link(self):
        """The link to join online, this date's own if it has one."""
        return self.online_url or self.event.online_url
