"""Admin screens: events, searchable and filterable by upcoming/past and program; a dashboard panel."""

import django_filters
from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from cms.dashboard import DashboardPanel
from programs.models import Closure, Event, EventDate, ProgramPage


class EventFilterSet(WagtailFilterSet):
    when = django_filters.ChoiceFilter(
        label="When",
        choices=[("upcoming", "Upcoming"), ("past", "Past")],
        method="filter_when",
        empty_label="Any time",
    )
    program = django_filters.ModelChoiceFilter(
        queryset=ProgramPage.objects.order_by("title"), empty_label="Any program"
    )

    class Meta:
        model = Event
        fields = ["when", "program", "status"]

    def filter_when(self, queryset, name, value):
        now = timezone.now()
        upcoming = queryset.overlapping(start=now)
        if value == "upcoming":
            return upcoming
        return queryset.exclude(pk__in=upcoming.values("pk"))


class EventCreateView(CreateView):
    """The add-event form, without autosave: a click on Save while the first autosave was still
    under way created the event a second time. Autosave starts once the event is saved."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.autosave_enabled = False


class EventViewSet(SnippetViewSet):
    """Events, under their own menu item so volunteers find them without knowing 'snippets'."""

    model = Event
    icon = "date"
    menu_label = "Events"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["title", "program", "start", "repeat", "status", "live"]
    list_export = ["title", "program", "start", "end", "repeat", "repeat_until", "status"]
    filterset_class = EventFilterSet
    ordering = ["-start"]
    add_view_class = EventCreateView


register_snippet(EventViewSet)


class ClosureViewSet(SnippetViewSet):
    """Days the whole organisation is closed: every event's date that day shows as cancelled."""

    model = Closure
    icon = "calendar-alt"
    menu_label = "Closure days"
    menu_order = 201
    add_to_admin_menu = True
    list_display = ["date", "label"]
    ordering = ["-date"]


register_snippet(ClosureViewSet)


STATUS_NOTES = {"cancelled": " (cancelled)", "postponed": " (postponed)", "moved": " (moved)"}


class UpcomingEventsPanel(DashboardPanel):
    """The next dates on the calendar, each linked to its event's edit screen."""

    name = "upcoming_events"
    order = 50
    heading = "Upcoming events"
    empty_text = "No events are coming up. Add one under Events."
    all_label = "All events"

    def rows(self):
        edit = Event.snippet_viewset.get_url_name("edit")
        return [
            (
                occurrence.event.title,
                reverse(edit, args=[quote(occurrence.event.pk)]),
                f"{timezone.localtime(occurrence.start):%a %b %-d, %-I:%M %p}"
                + STATUS_NOTES.get(occurrence.status, ""),
            )
            for occurrence in EventDate.objects.live().select_related("event").upcoming()[:5]
        ]

    def all_url(self):
        return reverse(Event.snippet_viewset.get_url_name("list"))


@hooks.register("construct_homepage_panels")
def add_upcoming_events_panel(request, panels):
    if request.user.has_perm("programs.change_event"):
        panels.append(UpcomingEventsPanel(request))
