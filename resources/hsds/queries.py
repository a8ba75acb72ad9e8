"""Which resources, categories and ids an HSDS API request asks for. Every filter narrows the
answer further (AND), as the HSDS API reference requires."""

import uuid

from django.db.models import Exists, OuterRef, Q, Value
from django.db.models.functions import Replace, Upper

from cms.caching import cached
from resources.hsds.records import PEER_RUN, TAXONOMY_ID, category_term, child_id, term_id
from resources.models import Resource
from resources.models.directory import ResourceTag, categories_in_use

ADDRESS_FIELDS = ("street_address", "city", "postal_code")
HAS_ADDRESS = ~Q(street_address="") | ~Q(city="") | ~Q(postal_code="")
# A Canadian forward sortation area (the first three characters) names a whole area.
AREA_LENGTH = 3


def resources(parameters, at_a_location=False):
    """The resources a list asks for, by name (each is an organization with one service)."""
    found = Resource.objects.all()
    if parameters.search:
        found = found.filtered(search=parameters.search)
    if parameters.organization_id:
        found = found.filter(uuid=parameters.organization_id)
    if parameters.modified_after:
        found = found.filter(updated_at__gte=parameters.modified_after)
    if parameters.taxonomy_id:
        found = with_a_term(found) if parameters.taxonomy_id == TAXONOMY_ID else found.none()
    if parameters.taxonomy_term_id:
        found = with_term(found, parameters.taxonomy_term_id)
    if at_a_location:
        found = found.filter(HAS_ADDRESS)
    if parameters.postcode:
        found = at_postcode(found, parameters.postcode)
    return found.order_by("name", "pk")


def with_a_term(found):
    tagged = ResourceTag.objects.filter(content_object=OuterRef("pk"))
    return found.filter(Q(peer_run=True) | Exists(tagged))


def with_term(found, wanted):
    slugs = [category.slug for category in categories_in_use() if term_id(category.slug) == wanted]
    peer_run = Q(peer_run=True) if wanted == term_id(PEER_RUN[0]) else Q(pk__in=[])
    return found.filter(peer_run | Q(categories__slug__in=slugs)).distinct()


def postcode_key(postcode):
    return "".join(postcode.split()).upper()


def at_postcode(found, postcode):
    """At this postal code (spaces and case aside), or in this area (its first three characters).
    Locations have no coordinates yet, so a proximity around it narrows nothing further."""
    wanted = postcode_key(postcode)
    found = found.annotate(postcode_key=Replace(Upper("postal_code"), Value(" "), Value("")))
    if len(wanted) == AREA_LENGTH:
        return found.filter(postcode_key__startswith=wanted)
    return found.filter(postcode_key=wanted)


def terms(parameters):
    """The taxonomy terms a list asks for: the categories in use, and peer-run, by name."""
    if parameters.parent_id or parameters.taxonomy_id not in ("", TAXONOMY_ID):
        return []  # the terms have no parents, and belong to one taxonomy
    found = {
        code: (code, name, about) for code, name, about in map(category_term, categories_in_use())
    }
    found.setdefault(PEER_RUN[0], PEER_RUN)
    wanted = parameters.search.casefold()
    return sorted(
        (term for term in found.values() if wanted in " ".join(term[:2]).casefold()),
        key=lambda term: term[1].casefold(),
    )


def resource_by(kind, record_id):
    """The resource whose `kind` of record ("service", "service_at_location") has this id, or
    None. The ids are derived from the resources' own, so they are looked up in a table of them,
    kept until the directory changes."""
    pk = cached("hsds-ids", make=id_table, language="en").get((kind, record_id))
    return Resource.objects.with_details().filter(pk=pk).first() if pk else None


def id_table():
    table = {}
    for resource in Resource.objects.only("pk", "uuid", *ADDRESS_FIELDS):
        table["service", child_id(resource, "service")] = resource.pk
        if resource.has_address:
            table["service_at_location", child_id(resource, "service_at_location")] = resource.pk
    return table


def as_uuid(record_id):
    """The id as a UUID, or None when it is not one (so it matches nothing)."""
    try:
        return uuid.UUID(record_id)
    except ValueError:
        return None
