"""The dates a repeat rule gives, shared by events and their admin form."""

from datetime import datetime, time

from dateutil.rrule import MONTHLY, WEEKLY, rrule
from django.utils import timezone


def starts_of(start, repeat, repeat_until):
    """Start of every date of an event, aware, keeping local wall-clock time across DST."""
    if not repeat:
        return [start]
    local_start = timezone.localtime(start)
    until = datetime.combine(repeat_until, time.max)
    rule = rrule(
        WEEKLY if repeat == "weekly" else MONTHLY,
        dtstart=local_start.replace(tzinfo=None),
        until=until,
    )
    zone = local_start.tzinfo
    return [moment.replace(tzinfo=zone) for moment in rule]


def spans_of(start, end, repeat, repeat_until):
    """(start, end) of every date of an event with these fields, soonest first."""
    duration = end - start
    return [(begin, begin + duration) for begin in starts_of(start, repeat, repeat_until)]
