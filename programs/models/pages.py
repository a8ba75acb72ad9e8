"""Page types for workshops and groups, and the events calendar page."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.template.loader import get_template
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from rest_framework.fields import Field as SerializerField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import PARAGRAPH_FEATURES, BodyStreamBlock
from cms.caching import CachedPrivacyMixin, cached, cached_each, valid_until
from cms.conf import app_settings
from cms.models import ExternalPreviewMixin
from cms.translations import localized_pages, original_locale_id
from programs.ics import calendar_response
from programs.models.choices import FACILITATION, FORMATS, HOW_TO_JOIN
from programs.models.events import Event, EventDate, until_one_ends, upcoming_dates_change
from programs.schemas import EventBase, occurrences_representation

UPCOMING_ON_PROGRAM_PAGE = 10
UPCOMING_ON_EVENT_PAGE = 10


class CalendarFileRoutesMixin(RoutablePageMixin):
    """Routes that end in a file name, e.g. feed.ics, without the slash Wagtail adds to each path."""

    def resolve_subpage(self, path):
        if path.endswith(".ics/"):
            path = path.removesuffix("/")
        return super().resolve_subpage(path)


class UpcomingEventsField(SerializerField):
    """A program's next dates in the page API (v2 and v3), shaped as /api/v3/events/ items."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, program) -> list[EventBase]:
        # Looked up once for a whole v2 listing of programs (v3 gives a fresh dict each time).
        context = self.context
        if "events_page" not in context:
            context["events_page"] = live_events_page()
        return occurrences_representation(program.upcoming_occurrences(), context["events_page"])


class ProgramIndexPage(CachedPrivacyMixin, ExternalPreviewMixin, Page):
    """The list of workshops and groups, at /programs/."""

    page_description = "The list of all your workshops and groups. A site has only one."
    admin_icon = "list-ul"

    intro = RichTextField(
        features=PARAGRAPH_FEATURES,
        blank=True,
        help_text="A few sentences introducing the workshops and groups you run.",
    )

    parent_page_types = app_settings.PARENT_PAGE_TYPES
    subpage_types = ["programs.ProgramPage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = "program list page"

    def programs(self):
        """The live, public programs listed here, by title, without their bodies."""
        programs = ProgramPage.objects.child_of(self).live().public()
        return programs.defer_streamfields().order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        programs = Paginator(self.programs().values_list("pk", flat=True), PROGRAMS_PER_PAGE)
        page = context["programs"] = programs.get_page(request.GET.get("page"))
        context["cards"] = self.cards(request, list(page))
        return context

    def cards(self, request, program_ids):
        """Each program's entry in the list, as HTML, kept (cms.caching): only the programs not
        kept are read."""

        def render(missing):
            programs = ProgramPage.objects.defer_streamfields().in_bulk(missing)
            template = get_template("programs/components/program_card.html")
            return [
                template.render({"request": request, "program": programs[pk]}) for pk in missing
            ]

        return cached_each("program-card", program_ids, lambda pk: (self.pk, pk), render)


class ProgramPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "programs.ProgramPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ProgramPage(CachedPrivacyMixin, ExternalPreviewMixin, CalendarFileRoutesMixin, Page):
    """One workshop or group: who it is for, how it runs and how to join."""

    page_description = "One workshop or group: who it is for, how it runs and how to join."
    admin_icon = "group"

    summary = models.TextField(
        max_length=300,
        help_text="One or two sentences shown in listings, e.g. 'A weekly drop-in group for "
        "adults living with anxiety or depression.'",
    )
    audience = models.CharField(
        "who it is for",
        max_length=200,
        blank=True,
        help_text="e.g. 'Adults 18+ with lived experience of mental health or addiction issues'.",
    )
    format = models.CharField(
        max_length=20, choices=FORMATS, default="in_person", help_text="Where it happens."
    )
    facilitation = models.CharField(
        max_length=20,
        choices=FACILITATION,
        default="peer_led",
        help_text="Who runs it: people with lived experience, or professionals.",
    )
    cost = models.CharField(
        max_length=100, default="Free", help_text="e.g. 'Free' or '$5 suggested donation'."
    )
    how_to_join = models.CharField(
        max_length=20, choices=HOW_TO_JOIN, default="drop_in", help_text="How people join."
    )
    registration_url = models.URLField(
        blank=True, help_text="Needed when people register online: the registration form."
    )
    contact_email = models.EmailField(
        blank=True, help_text="Needed when people email to join: where they write."
    )
    accessibility_notes = models.TextField(
        blank=True,
        help_text="e.g. step-free entrance, accessible washroom, captions on video calls.",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional picture shown at the top of the page.",
    )
    image_alt_text = models.CharField(
        max_length=250,
        blank=True,
        help_text="Describe the picture for people who cannot see it. Required with a picture.",
    )
    body = StreamField(
        BodyStreamBlock(), blank=True, help_text="More about the program, built from blocks."
    )
    categories = ClusterTaggableManager(
        through=ProgramPageTag,
        blank=True,
        help_text="Topics visitors can browse by, e.g. 'anxiety', 'family', 'wellness'.",
    )

    parent_page_types = ["programs.ProgramIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldRowPanel([FieldPanel("format"), FieldPanel("facilitation")]),
                FieldPanel("cost"),
                FieldPanel("accessibility_notes"),
            ],
            heading="About the program",
        ),
        MultiFieldPanel(
            [
                FieldPanel("how_to_join"),
                FieldPanel("registration_url"),
                FieldPanel("contact_email"),
            ],
            heading="How to join",
        ),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt_text")], heading="Picture"),
        FieldPanel("body"),
        FieldPanel("categories"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("audience"),
        index.SearchField("body"),
        index.FilterField("format"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("audience"),
        APIField("format"),
        APIField("facilitation"),
        APIField("cost"),
        APIField("how_to_join"),
        APIField("registration_url"),
        APIField("contact_email"),
        APIField("accessibility_notes"),
        APIField("image_alt_text"),
        APIField("body"),
        APIField("categories"),
        APIField("upcoming_events", serializer=UpcomingEventsField()),
    ]

    class Meta:
        verbose_name = "program"

    def clean(self):
        super().clean()
        errors = {}
        if self.how_to_join == "register" and not self.registration_url:
            errors["registration_url"] = "Add the registration form's web address."
        if self.how_to_join == "email" and not self.contact_email:
            errors["contact_email"] = "Add the email address people write to."
        if self.image and not self.image_alt_text.strip():
            errors["image_alt_text"] = "Describe the picture for people who cannot see it."
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming"] = self.upcoming_occurrences()
        context["events_page"] = live_events_page()
        return context

    def upcoming_occurrences(self, limit=UPCOMING_ON_PROGRAM_PAGE):
        """This program's next event dates, soonest first."""
        dates = getattr(self, "upcoming_dates", None)  # fetched with the page, see prefetch_for_api
        if dates is None or self.locale_id != original_locale_id():
            dates = self.dates().live().select_related("event").upcoming()
        dates = until_one_ends(dates[:limit])
        for date in dates:
            date.event.program = self  # this page, rather than read again for each event
        return dates

    def dates(self):
        """Its events' dates, whichever of its translations the events name."""
        return EventDate.objects.filter(program__translation_key=self.translation_key)

    @classmethod
    def prefetch_for_api(cls, queryset):
        """API listings: each program's categories and next dates in two queries for all."""
        dates = EventDate.objects.live().select_related("event").upcoming()
        return queryset.prefetch_related(
            "categories",
            Prefetch("event_dates", dates[:UPCOMING_ON_PROGRAM_PAGE], to_attr="upcoming_dates"),
        )

    @path("feed.ics", name="feed")
    def feed(self, request):
        """This program's events, for calendar apps to subscribe to."""
        events = Event.objects.live().filter(program__translation_key=self.translation_key)
        events = events.recent_and_upcoming().with_changed_dates()
        valid_until(self.dates().recent_until())
        return calendar_response(events, self.slug, self.title, live_events_page())


class EventIndexPage(CachedPrivacyMixin, ExternalPreviewMixin, CalendarFileRoutesMixin, Page):
    """The events calendar, at /events/; events themselves are edited under Events in the menu."""

    page_description = (
        "The events calendar. A site has only one; add the events themselves under Events in "
        "the menu."
    )
    admin_icon = "date"

    intro = RichTextField(
        features=PARAGRAPH_FEATURES,
        blank=True,
        help_text="Optional text above the calendar, e.g. how to get to events.",
    )

    parent_page_types = app_settings.PARENT_PAGE_TYPES
    subpage_types = []
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = "events calendar page"

    def event_url(self, event):
        return self.full_url + self.reverse_subpage("event", args=[event.slug])

    def event_ics_url(self, event):
        return self.full_url + self.reverse_subpage("event_ics", args=[event.slug])

    @path("", name="index")
    def index(self, request):
        """Upcoming dates by month, or past ones (?past=1), most relevant first."""
        past = request.GET.get("past") == "1"
        dates = EventDate.objects.live()
        occurrences = dates.past() if past else dates.upcoming()
        valid_until(upcoming_dates_change())
        page = Paginator(occurrences, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
        dates = list(page)
        entries = zip(dates, self.entries(request, dates), strict=True)
        context = {"past": past, "occurrences": page, "months": group_by_month(entries)}
        return self.render(request, context_overrides=context)

    def entries(self, request, dates):
        """Each date's entry in the calendar, as HTML, kept (cms.caching): only the dates not kept
        have their events read."""

        def render(missing):
            prefetch_related_objects(missing, "event")
            template = get_template("programs/components/occurrence.html")
            context = {"request": request, "events_page": self}
            return [template.render({**context, "occurrence": date}) for date in missing]

        return cached_each("calendar-entry", dates, lambda date: (self.pk, date.pk), render)

    @path("feed.ics", name="feed")
    def feed(self, request):
        """Every live event, upcoming and recent, for calendar apps to subscribe to."""
        valid_until(EventDate.objects.recent_until())
        events = Event.objects.live().recent_and_upcoming().with_changed_dates()
        return calendar_response(events, "events", self.title, self)

    @path("<slug:slug>/", name="event")
    def event_detail(self, request, slug):
        """One event, with its next dates if it repeats."""
        event = get_object_or_404(Event.objects.live().select_related("program"), slug=slug)
        dates = until_one_ends(event.dates.upcoming()[:UPCOMING_ON_EVENT_PAGE])
        changed = [date for date in dates if date.change in ("cancelled", "moved")]
        program = event.program and localized_pages([event.program])[0]
        context = {
            "event": event,
            "program": program,
            "occurrences": dates,
            "changed_dates": changed,
        }
        return self.render(request, context_overrides=context, template="programs/event.html")

    @path("<slug:slug>/event.ics", name="event_ics")
    def event_ics(self, request, slug):
        """One event as a calendar file, for "add to my calendar"."""
        event = get_object_or_404(Event.objects.live().with_changed_dates(), slug=slug)
        return calendar_response([event], event.slug, event.shown_text("title"), self)


def live_events_page():
    """The events calendar page, in the visitor's language where translated, under which each
    event has its own page; None if none is live. Kept (cms.caching): most answers that list
    events ask for it."""
    return cached("events-page", make=lambda: localized_events_page())


def localized_events_page():
    page = EventIndexPage.objects.live().filter(locale_id=original_locale_id()).first()
    return page and localized_pages([page])[0].specific


EVENTS_PER_PAGE = 20
PROGRAMS_PER_PAGE = 20


def group_by_month(entries):
    """[(first day of month, [entries in it])], in the order given, from (date, entry) pairs."""
    months = []
    for occurrence, entry in entries:
        month = timezone.localtime(occurrence.start).date().replace(day=1)
        if not months or months[-1][0] != month:
            months.append((month, []))
        months[-1][1].append(entry)
    return months
