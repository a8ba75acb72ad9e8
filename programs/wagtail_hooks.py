"""Admin screens: events, searchable and filterable by upcoming/past and program."""

import django_filters
from django.utils import timezone
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from programs.models import Event, ProgramPage


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


register_snippet(EventViewSet)
