"""Changes to single dates of an event (cancelled, moved, extra) and the site's closure days."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from programs.models.choices import DATE_CHANGE_KINDS


class DateChange(Orderable):
    """One date of an event cancelled or moved, or an extra date added; edited inline on the event,
    so it is part of the event's revisions and goes through its workflow."""

    event = ParentalKey("programs.Event", on_delete=models.CASCADE, related_name="date_changes")
    kind = models.CharField(
        "change",
        max_length=10,
        choices=DATE_CHANGE_KINDS,
        default="cancel",
        help_text="What happens to this date.",
    )
    original_start = models.DateTimeField(
        "date",
        null=True,
        blank=True,
        help_text="Which meeting this is about. Leave empty for an extra date. The list shows "
        "the event's saved dates: save the event first if you just changed when it repeats.",
    )
    new_start = models.DateTimeField(
        null=True, blank=True, help_text="For a moved or extra date: when it now starts."
    )
    new_end = models.DateTimeField(
        null=True, blank=True, help_text="For a moved or extra date: when it now ends."
    )
    note = models.CharField(
        "reason or note",
        max_length=200,
        blank=True,
        help_text="Shown to visitors, e.g. 'Facilitator away' or 'Room B this week'.",
    )
    venue_name = models.CharField(
        "other venue",
        max_length=200,
        blank=True,
        help_text="Only if it meets somewhere else that day, e.g. 'Room B'.",
    )
    online_url = models.URLField(
        "other online link", blank=True, help_text="Only if the link to join is different that day."
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("original_start")]),
        FieldRowPanel([FieldPanel("new_start"), FieldPanel("new_end")]),
        FieldPanel("note"),
        FieldRowPanel([FieldPanel("venue_name"), FieldPanel("online_url")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "change to one date"

    def __str__(self):
        return f"{self.get_kind_display()}: {self.original_start or self.new_start}"

    def clean(self):
        super().clean()
        errors = {}
        if self.kind in ("cancel", "move") and not self.original_start:
            errors["original_start"] = "Choose which date this is about."
        if self.kind in ("move", "add"):
            if not self.new_start:
                errors["new_start"] = "Give the date and time it now starts."
            if not self.new_end:
                errors["new_end"] = "Give the date and time it now ends."
            elif self.new_start and self.new_end < self.new_start:
                errors["new_end"] = "The new end must be after the new start."
        if errors:
            raise ValidationError(errors)


class Closure(models.Model):
    """A day the whole organisation is closed (e.g. a statutory holiday): every event's date that
    day is cancelled, with the label as the reason, unless the event meets on closure days."""

    date = models.DateField(unique=True, help_text="The day you are closed.")
    label = models.CharField(
        max_length=100,
        help_text="Shown to visitors as the reason, e.g. 'Closed for Thanksgiving'.",
    )

    panels = [FieldPanel("date"), FieldPanel("label")]

    class Meta:
        ordering = ["date"]
        verbose_name = "closure day"

    def __str__(self):
        return f"{self.label} ({self.date:%B %-d, %Y})"

    def save(self, *args, **kwargs):
        # The day it was on before, whose dates are remade too (see programs.models.events).
        self.previous_date = (
            Closure.objects.filter(pk=self.pk).values_list("date", flat=True).first()
        )
        super().save(*args, **kwargs)
