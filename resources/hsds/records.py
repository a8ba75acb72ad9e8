"""HSDS 3.1 records of the directory: each resource is an organization offering one service, at
its street address when it has one; its categories are the terms of one taxonomy. Every id is
derived from the resource's own uuid (or, for the taxonomy and its terms, from a fixed namespace),
so a record keeps its id in every export and every API answer."""

import uuid

from wagtail.rich_text import expand_db_html

from resources.validators import e164

# Fixed, so a category's HSDS id is the same in every export and on every site.
CATEGORY_NAMESPACE = uuid.UUID("6f1d8c2e-4b7a-5e39-9c0d-2a1b3c4d5e6f")
TAXONOMY = "Resource directory categories"
TAXONOMY_ID = str(uuid.uuid5(CATEGORY_NAMESPACE, "taxonomy"))
PEER_RUN = (
    "peer-run",
    "Peer-run",
    "Run by peers: people with lived experience of what they support.",
)
# One-to-one fields: what a list gives of each record unless asked for the full one.
SERVICE_LIST_FIELDS = (
    "id",
    "organization_id",
    "name",
    "description",
    "url",
    "email",
    "status",
    "assured_date",
    "last_modified",
)
LOCATION_LIST_FIELDS = ("id", "location_type", "organization_id", "name")


def child_id(resource, *parts):
    """A stable HSDS id for a part of a resource, derived from the resource's own id."""
    return str(uuid.uuid5(resource.uuid, ":".join(parts)))


def term_id(code):
    return str(uuid.uuid5(CATEGORY_NAMESPACE, code))


def category_term(category):
    """A category as (code, name, description), the parts of its taxonomy term."""
    return (
        category.slug,
        category.name,
        f"Resources in the directory's category '{category.name}'.",
    )


def hsds_taxonomy():
    return {
        "id": TAXONOMY_ID,
        "name": TAXONOMY,
        "description": "The topics the directory's resources are filed under, and whether a "
        "resource is run by peers.",
    }


def hsds_taxonomy_term(code, name, description):
    return {
        "id": term_id(code),
        "code": code,
        "name": name,
        "description": description,
        "taxonomy": TAXONOMY,
        "taxonomy_id": TAXONOMY_ID,
    }


def service_terms(resource):
    """The taxonomy terms of a resource's service: its categories, and peer-run if it is."""
    terms = [category_term(category) for category in resource.category_list]
    if resource.peer_run and PEER_RUN[0] not in [code for code, *_ in terms]:
        terms.append(PEER_RUN)
    return terms


def hsds_phone(resource, service_id, phone):
    return {
        "id": child_id(resource, "phone", str(phone.pk)),
        "service_id": service_id,
        "number": e164(phone.number) or phone.number,
        "extension": int(phone.extension) if phone.extension else None,
        "type": "voice",
        "description": phone.label,
        "languages": [],
    }


def hsds_attribute(resource, service_id, code, name, description):
    """A category (or 'peer-run') as an HSDS attribute linking the service to a taxonomy term."""
    term = hsds_taxonomy_term(code, name, description)
    return {
        "id": child_id(resource, "attribute", code),
        "link_id": service_id,
        "link_type": "category",
        "link_entity": "service",
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
    }


def hsds_languages(resource, service_id):
    return [
        {
            "id": child_id(resource, "language", language.code),
            "service_id": service_id,
            "name": language.name,
            "code": language.code,
        }
        for language in resource.language_list
    ]


def hsds_service_areas(resource, service_id):
    if not resource.service_area:
        return []
    return [
        {
            "id": child_id(resource, "service_area"),
            "service_id": service_id,
            "name": resource.service_area,
            "description": resource.service_area,
        }
    ]


def hsds_service_at_location(resource, location, nested=False):
    """The service at the resource's location; with nested, the location's record in it."""
    record = {
        "id": child_id(resource, "service_at_location"),
        "service_id": child_id(resource, "service"),
        "location_id": location["id"],
    }
    if nested:
        record["location"] = location
    return record


def hsds_service(resource, location, nested=False):
    """The resource's service: what it offers, in which languages, where, and its phones. With
    nested, as the API gives one service: its organization and its location inside it."""
    service_id = child_id(resource, "service")
    service = {
        "id": service_id,
        "organization_id": str(resource.uuid),
        "name": resource.name,
        "description": expand_db_html(resource.description) or resource.short_description,
        "url": resource.website or None,
        "email": resource.email or None,
        "status": "active",
        "assured_date": resource.last_verified,
        "last_modified": resource.updated_at,
        "phones": [hsds_phone(resource, service_id, p) for p in resource.phone_list],
        "languages": hsds_languages(resource, service_id),
        "service_areas": hsds_service_areas(resource, service_id),
        "attributes": [hsds_attribute(resource, service_id, *t) for t in service_terms(resource)],
        "service_at_locations": [hsds_service_at_location(resource, location, nested)]
        if location
        else [],
    }
    if nested:
        service["organization"] = hsds_organization_fields(resource)
    return service


def hsds_location(resource):
    """The resource's street address as an HSDS physical location, or None without one."""
    if not resource.has_address:
        return None
    location_id = child_id(resource, "location")
    return {
        "id": location_id,
        "location_type": "physical",
        "organization_id": str(resource.uuid),
        "name": resource.name,
        "addresses": [
            {
                "id": child_id(resource, "address"),
                "location_id": location_id,
                "address_1": resource.street_address,
                "address_2": resource.unit,
                "city": resource.city,
                "state_province": resource.province,
                "postal_code": resource.postal_code,
                "country": "CA",
                "address_type": "physical",
            }
        ],
    }


def hsds_organization_fields(resource):
    """The organization's one-to-one fields: what a list of organizations gives."""
    return {
        "id": str(resource.uuid),
        "name": resource.name,
        "description": resource.short_description,
        "email": resource.email or None,
        "website": resource.website or None,
    }


def hsds_organization(resource, full_service=True):
    """One resource as an HSDS organization with its service and location nested in it; without
    full_service, only its service's one-to-one fields."""
    location = hsds_location(resource)
    service = hsds_service(resource, location)
    return {
        **hsds_organization_fields(resource),
        "services": [service if full_service else one_to_one(service, SERVICE_LIST_FIELDS)],
        "locations": [location] if location else [],
    }


def one_to_one(record, fields):
    """The record with only these of its fields: what a list gives of it."""
    return {field: record[field] for field in fields if field in record}


def without_nulls(value):
    """The record with every property that has no value left out: HSDS allows a property to be
    missing, never null (an email, a website, a phone's extension…)."""
    if isinstance(value, dict):
        return {key: without_nulls(each) for key, each in value.items() if each is not None}
    if isinstance(value, list):
        return [without_nulls(each) for each in value]
    return value


def page_of(contents, total_items, page_number, per_page):
    """The HSDS Page envelope around one page of records."""
    total_pages = max(1, -(-total_items // per_page))
    return {
        "total_items": total_items,
        "total_pages": total_pages,
        "page_number": page_number,
        "size": len(contents),
        "first_page": page_number == 1,
        "last_page": page_number >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def hsds_document(resources):
    """Every resource, as one page of an HSDS 3.1 organization list."""
    contents = [without_nulls(hsds_organization(resource)) for resource in resources]
    return page_of(contents, len(contents), 1, max(1, len(contents)))
