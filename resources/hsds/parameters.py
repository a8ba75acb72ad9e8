"""The HSDS API's query parameters, read and checked: a bad one raises BadParameter, which the
API answers with 400 saying what is wrong."""

import math
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, time

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 1000
MAX_PAGE = 10**6
TRUE, FALSE = ("true", "1"), ("false", "0")
# What the HSDS 3.1 API reference lets each kind of list take (its components/parameters).
PAGING = ("search", "page", "per_page", "format")
FILTERS = ("taxonomy_term_id", "taxonomy_id")


class BadParameter(ValueError):
    """A query parameter the API cannot use, with a message saying why."""


@dataclass(frozen=True)
class Parameters:
    search: str = ""
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    taxonomy_term_id: str = ""
    taxonomy_id: str = ""
    organization_id: str = ""
    parent_id: str = ""
    modified_after: datetime | None = None
    postcode: str = ""
    proximity: float | None = None
    full: bool = False
    full_service: bool = False
    minimal: bool = False
    top_only: bool = False


def read(query, accepted):
    """The parameters of a query string (a QueryDict) that may hold only the `accepted` names."""
    unknown = sorted(set(query) - set(accepted))
    if unknown:
        raise BadParameter(
            f"Unknown query parameter: {', '.join(unknown)}. "
            f"This route accepts: {', '.join(sorted(accepted)) or 'no parameters'}."
        )
    for name in query:
        if len(query.getlist(name)) > 1:
            raise BadParameter(f"{name} is given more than once: give it once.")
    if query.get("format", "json") != "json":
        raise BadParameter("format: only json is offered (the HSDS default).")
    values = {name: READERS.get(name, text)(name, query[name]) for name in query if name in FIELDS}
    if values.get("proximity") is not None and not values.get("postcode"):
        raise BadParameter("proximity is a distance from a postcode's centre: give postcode too.")
    return Parameters(**values)


def text(name, value):
    return value.strip()


def whole_number(maximum):
    def reader(name, value):
        is_number = value.isascii() and value.isdigit() and len(value) <= len(str(maximum))
        if not is_number or not 1 <= int(value) <= maximum:
            raise BadParameter(f"{name} must be a whole number from 1 to {maximum}.")
        return int(value)

    return reader


def boolean(name, value):
    if value.lower() not in TRUE + FALSE:
        raise BadParameter(f"{name} must be true or false.")
    return value.lower() in TRUE


def identifier(name, value):
    """An HSDS id: ours are all UUIDs, so anything else cannot match and is a mistake."""
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise BadParameter(f"{name} must be an HSDS id (a UUID).") from None


def moment(name, value):
    """A date and time (ISO 8601), or a date (from its start), in the site's time zone if the
    time has no offset."""
    try:
        parsed = parse_datetime(value) or datetime.combine(parse_date(value), time())
        parsed = parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)
        return parsed.astimezone(UTC)
    except (TypeError, ValueError, OverflowError):
        raise BadParameter(
            f"{name} must be a date or a date and time, e.g. 2026-01-31 or 2026-01-31T09:00:00Z."
        ) from None


def distance(name, value):
    try:
        metres = float(value)
    except ValueError:
        metres = math.nan
    if not (math.isfinite(metres) and metres > 0):
        raise BadParameter(f"{name} must be a distance in metres greater than 0, e.g. 5000.")
    return metres


READERS = {
    "page": whole_number(MAX_PAGE),
    "per_page": whole_number(MAX_PER_PAGE),
    "taxonomy_term_id": identifier,
    "taxonomy_id": identifier,
    "organization_id": identifier,
    "parent_id": identifier,
    "modified_after": moment,
    "proximity": distance,
    "full": boolean,
    "full_service": boolean,
    "minimal": boolean,
    "top_only": boolean,
}
FIELDS = set(Parameters.__dataclass_fields__)
