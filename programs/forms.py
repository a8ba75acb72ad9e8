"""The event's admin form: changes to single dates are chosen from the event's own dates, and
checked against the dates the form's repeat rule gives before anything is saved."""

from datetime import UTC, datetime

from django import forms
from django.utils import timezone
from django.utils.dateformat import format as format_date
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel

from programs.models.repeats import starts_of


def date_key(moment):
    """A date's value in the choice of dates: its start in UTC."""
    return moment.astimezone(UTC).isoformat()


def date_label(moment):
    """A date as volunteers read it, e.g. 'Tuesday, December 8, 2026, 6 p.m.'."""
    return format_date(timezone.localtime(moment), "l, F j, Y, P")


class DateChangeForm(WagtailAdminModelForm):
    """One change to a date; the date is picked from the event's upcoming ones, never typed."""

    def __init__(self, *args, date_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "Choose a date"), *date_choices]
        current = self.instance.original_start
        if current and date_key(current) not in dict(choices):
            choices.append((date_key(current), date_label(current)))
        if current:
            self.initial["original_start"] = date_key(current)
        self.fields["original_start"] = forms.TypedChoiceField(
            label="Date",
            choices=choices,
            coerce=datetime.fromisoformat,
            empty_value=None,
            required=False,
            help_text=self.fields["original_start"].help_text,
            error_messages={"invalid_choice": "Choose one of the event's dates from the list."},
        )


class DateChangesPanel(InlinePanel):
    """The inline list of changes to single dates, each with its choice of the event's dates."""

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        formset.update(form=DateChangeForm, inherit_kwargs=["date_choices"])
        return options


class EventForm(WagtailAdminModelForm):
    """An event; its changes to single dates must each fit the dates it repeats on."""

    @property
    def date_choices(self):
        """The event's saved dates still to come, as (value, label) choices."""
        event = self.instance
        if not (event.start and event.end):
            return []
        now, duration = timezone.now(), event.end - event.start
        return [(date_key(s), date_label(s)) for s in event.starts() if s + duration >= now]

    def is_valid(self):
        valid = super().is_valid()
        return self.date_changes_fit() and valid

    def date_changes_fit(self):
        """Put a message next to each change that is for no date of the event (e.g. after its
        repeat rule changed), is the second for a date, or adds a date it already has."""
        if self.errors or "date_changes" not in self.formsets:
            return True  # the event's own dates need fixing first
        data = self.cleaned_data
        starts = set(starts_of(data["start"], data["repeat"], data["repeat_until"]))
        seen, fits = set(), True
        for form in self.formsets["date_changes"].forms:
            change = form.cleaned_data if form.is_valid() else None
            if not change or change.get("DELETE"):
                continue
            problem = date_change_problem(change, starts, seen)
            if problem:
                form.add_error(*problem)
                fits = False
        return fits


def date_change_problem(change, starts, seen):
    """(field, message) for what is wrong with this change, given the event's dates and the
    dates already changed or added (updated here); None if nothing is."""
    if change["kind"] == "add":
        moment, field = change["new_start"], "new_start"
        if moment in starts or moment in seen:
            return field, f"{date_label(moment)} is already one of its dates: no need to add it."
    else:
        moment, field = change["original_start"], "original_start"
        if moment not in starts:
            return field, (
                f"{date_label(moment)} is not one of its dates (check when it repeats): "
                "choose another date, or delete this change."
            )
        if moment in seen:
            return field, f"{date_label(moment)} already has a change: keep only one."
    seen.add(moment)
    return None
