"""The directory as CSV, for spreadsheets, and as Open Referral HSDS 3.1 JSON, for other directories."""

import csv
import json
import re
import uuid
from html import unescape

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils.html import strip_tags
from wagtail.rich_text import expand_db_html

from resources.validators import e164

CSV_COLUMNS = [
    "name",
    "slug",
    "short_description",
    "description",
    "website",
    "email",
    "phones",
    "street_address",
    "unit",
    "city",
    "province",
    "postal_code",
    "service_area",
    "languages",
    "peer_run",
    "last_verified",
    "categories",
]
# Spreadsheets run a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Fixed, so a category's HSDS id is the same in every export and on every site.
CATEGORY_NAMESPACE = uuid.UUID("6f1d8c2e-4b7a-5e39-9c0d-2a1b3c4d5e6f")
TAXONOMY = "Resource directory categories"
PEER_RUN = (
    "peer-run",
    "Peer-run",
    "Run by peers: people with lived experience of what they support.",
)
BLOCK_END = re.compile(r"</(p|li|h[1-6])>|<br\s*/?>")


def plain_text(html):
    """Rich text as plain text, one line per paragraph or list item."""
    lines = unescape(strip_tags(BLOCK_END.sub("\n", html))).splitlines()
    return "\n".join(line.strip() for line in lines if line.strip())


def spreadsheet_safe(value):
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_row(resource):
    """One resource as the CSV_COLUMNS, in order."""
    derived = {
        "description": plain_text(resource.description),
        "phones": "; ".join(
            f"{phone.label}: {phone}" if phone.label else str(phone)
            for phone in resource.phone_list
        ),
        "languages": ", ".join(language.name for language in resource.language_list),
        "peer_run": "yes" if resource.peer_run else "no",
        "last_verified": resource.last_verified.isoformat() if resource.last_verified else "",
        "categories": ", ".join(category.name for category in resource.category_list),
    }
    return [
        spreadsheet_safe(derived[column] if column in derived else getattr(resource, column))
        for column in CSV_COLUMNS
    ]


def csv_response(resources, filename="resources.csv"):
    """A CSV file download, one resource (from Resource.objects.with_details()) a row, with a header."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_row(resource) for resource in resources)
    return response


def child_id(resource, *parts):
    """A stable HSDS id for a part of a resource, derived from the resource's own id."""
    return str(uuid.uuid5(resource.uuid, ":".join(parts)))


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
    term_id = str(uuid.uuid5(CATEGORY_NAMESPACE, code))
    return {
        "id": child_id(resource, "attribute", code),
        "link_id": service_id,
        "link_type": "category",
        "link_entity": "service",
        "taxonomy_term_id": term_id,
        "taxonomy_term": {
            "id": term_id,
            "code": code,
            "name": name,
            "description": description,
            "taxonomy": TAXONOMY,
        },
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


def hsds_service_at_locations(resource, service_id, location):
    if not location:
        return []
    return [
        {
            "id": child_id(resource, "service_at_location"),
            "service_id": service_id,
            "location_id": location["id"],
        }
    ]


def hsds_service(resource, location):
    """The resource's service: what it offers, in which languages, where, and its phones."""
    service_id = child_id(resource, "service")
    terms = [
        (category.slug, category.name, f"Resources in the directory's category '{category.name}'.")
        for category in resource.category_list
    ]
    if resource.peer_run and PEER_RUN[0] not in [code for code, *_ in terms]:
        terms.append(PEER_RUN)
    return {
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
        "attributes": [hsds_attribute(resource, service_id, *term) for term in terms],
        "service_at_locations": hsds_service_at_locations(resource, service_id, location),
    }


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


def hsds_organization(resource):
    """One resource as an HSDS organization with its service and location nested in it."""
    location = hsds_location(resource)
    return {
        "id": str(resource.uuid),
        "name": resource.name,
        "description": resource.short_description,
        "email": resource.email or None,
        "website": resource.website or None,
        "services": [hsds_service(resource, location)],
        "locations": [location] if location else [],
    }


def without_nulls(value):
    """The record with every property that has no value left out: HSDS allows a property to be
    missing, never null (an email, a website, a phone's extension…)."""
    if isinstance(value, dict):
        return {key: without_nulls(each) for key, each in value.items() if each is not None}
    if isinstance(value, list):
        return [without_nulls(each) for each in value]
    return value


def hsds_document(resources):
    """Every resource, as one page of an HSDS 3.1 organization list."""
    contents = [without_nulls(hsds_organization(resource)) for resource in resources]
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }


def hsds_response(resources, filename="resources-hsds.json"):
    """An HSDS JSON file download of resources from Resource.objects.with_details()."""
    response = HttpResponse(
        json.dumps(hsds_document(resources), cls=DjangoJSONEncoder, indent=2),
        content_type="application/json",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
