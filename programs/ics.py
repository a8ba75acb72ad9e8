"""iCalendar (RFC 5545) feeds of events."""


def calendar_response(events, name):
    raise NotImplementedError
