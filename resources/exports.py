"""The directory as CSV, for spreadsheets, and as Open Referral HSDS 3.1 JSON, for other directories."""

import csv
import json
import re
from html import unescape

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils.html import strip_tags

from resources.hsds.records import hsds_document

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


def hsds_response(resources, filename="resources-hsds.json"):
    """An HSDS JSON file download of resources from Resource.objects.with_details()."""
    response = HttpResponse(
        json.dumps(hsds_document(resources), cls=DjangoJSONEncoder, indent=2),
        content_type="application/json",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
