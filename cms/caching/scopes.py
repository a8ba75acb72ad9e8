"""What one answer, or one cached part of it, has read so far: the version, and until when it holds."""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime

from django.http import HttpRequest
from django.utils import timezone


@dataclass
class Scope:
    """What one answer (or one cached part of it) has read so far."""

    request: HttpRequest | None = None
    version: int | None = None
    until: datetime | None = None
    # What the answer has looked up once (e.g. its site), shared with the parts made inside it.
    looked_up: dict = field(default_factory=dict)

    @property
    def origin(self):
        """The request's scheme and host (the site), worked out once per answer."""
        if "origin" not in self.looked_up:
            request = self.request
            self.looked_up["origin"] = f"{request.scheme}://{request.get_host()}" if request else ""
        return self.looked_up["origin"]


current = ContextVar("cms_caching_scope", default=None)


@contextmanager
def answering(request=None):
    """The scope of one answer: the version is read once, and `valid_until()` lands here."""
    token = current.set(Scope(request=request))
    try:
        yield current.get()
    finally:
        current.reset(token)


@contextmanager
def making():
    """The scope of one cached part: what it declares also holds for the answer around it."""
    parent = current.get()
    scope = Scope(
        request=parent and parent.request,
        version=parent and parent.version,
        looked_up=parent.looked_up if parent else {},
    )
    token = current.set(scope)
    try:
        yield scope
    finally:
        current.reset(token)
        if parent is not None:
            parent.version = parent.version or scope.version
        valid_until(scope.until)


def valid_until(moment):
    """What is being made changes with the clock alone at `moment` (e.g. when the soonest upcoming
    date ends): the entries and the answer holding it expire then. None: no such moment."""
    scope = current.get()
    if moment is not None and scope is not None:
        scope.until = moment if scope.until is None else min(scope.until, moment)


def seconds_left(until, longest):
    """How long an entry valid until `until` may be kept, at most `longest` seconds."""
    if until is None:
        return longest
    return max(0, min(longest, int((until - timezone.now()).total_seconds())))
