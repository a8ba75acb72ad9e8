"""Choices shared by programs and their events."""

from django.utils.translation import gettext_lazy as _

FORMATS = [
    ("in_person", _("In person")),
    ("online", _("Online")),
    ("hybrid", _("In person and online")),
]
FACILITATION = [("peer_led", _("Peer-led")), ("professional_led", _("Professional-led"))]
HOW_TO_JOIN = [
    ("drop_in", _("Drop in, no need to register")),
    ("register", _("Register online")),
    ("email", _("Email to join")),
]
STATUSES = [
    ("scheduled", _("Scheduled")),
    ("cancelled", _("Cancelled")),
    ("postponed", _("Postponed")),
]
REPEATS = [("", _("Does not repeat")), ("weekly", _("Every week")), ("monthly", _("Every month"))]
DATE_CHANGE_KINDS = [
    ("cancel", _("Cancel this date")),
    ("move", _("Move this date")),
    ("add", _("Add an extra date")),
]
# What happened to one date of an event, as visitors see it.
DATE_CHANGES = [
    ("", _("As planned")),
    ("cancelled", _("Cancelled")),
    ("moved", _("Moved")),
    ("added", _("Extra date")),
]
