"""Choices shared by programs and their events."""

FORMATS = [("in_person", "In person"), ("online", "Online"), ("hybrid", "In person and online")]
FACILITATION = [("peer_led", "Peer-led"), ("professional_led", "Professional-led")]
HOW_TO_JOIN = [
    ("drop_in", "Drop in, no need to register"),
    ("register", "Register online"),
    ("email", "Email to join"),
]
STATUSES = [("scheduled", "Scheduled"), ("cancelled", "Cancelled"), ("postponed", "Postponed")]
REPEATS = [("", "Does not repeat"), ("weekly", "Every week"), ("monthly", "Every month")]
DATE_CHANGE_KINDS = [
    ("cancel", "Cancel this date"),
    ("move", "Move this date"),
    ("add", "Add an extra date"),
]
# What happened to one date of an event, as visitors see it.
DATE_CHANGES = [
    ("", "As planned"),
    ("cancelled", "Cancelled"),
    ("moved", "Moved"),
    ("added", "Extra date"),
]
