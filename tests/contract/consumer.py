"""A small Python reader as the API's users write one: the client openapi-python-client generates
from /api/v3/openapi.json (package `wagtail_api`), a page narrowed by its class, its blocks walked
by an exhaustive match, a form read and sent. Run: python consumer.py <site address> <content page
id> <form page id>; prints JSON."""

import json
import sys
import time
from typing import Any, assert_never

from wagtail_api import Client
from wagtail_api.api.events import events_list
from wagtail_api.api.forms import forms_detail, forms_submit
from wagtail_api.api.pages import pages_detail
from wagtail_api.api.resources import resources_list
from wagtail_api.api.site_settings import site_settings
from wagtail_api.models import (
    CallToActionItem,
    ContactCardItem,
    ContentPageSchema,
    EmbedItem,
    FaqItem,
    FormFieldOut,
    FormFieldOutType,
    FormOut,
    FormsSubmitFormSubmissionIn,
    FormsSubmitFormSubmissionInAnswers,
    HeadingItem,
    ImageItem,
    PagedEventBase,
    PagedResourceOut,
    ParagraphItem,
    ProblemDetail,
    QuoteItem,
    ReceiptOut,
    ReferencesItem,
    ResourcesItem,
    SiteSettingsOut,
)

Block = (
    CallToActionItem
    | ContactCardItem
    | EmbedItem
    | FaqItem
    | HeadingItem
    | ImageItem
    | ParagraphItem
    | QuoteItem
    | ReferencesItem
    | ResourcesItem
)
# The block types describe() handles; the generated parser refuses a page with any other.
HANDLED = {
    "call_to_action",
    "contact_card",
    "embed",
    "faq",
    "heading",
    "image",
    "paragraph",
    "quote",
    "references",
    "resources",
}


def describe(block: Block) -> str:
    match block:
        case HeadingItem():
            return f"h{block.value.level} {block.value.text}"
        case ParagraphItem():
            return block.value
        case QuoteItem():
            return block.value.text
        case ImageItem():
            return block.value.image.alt if block.value.image else block.value.caption
        case CallToActionItem():
            return f"{block.value.label} -> {block.value.href}"
        case ContactCardItem():
            return block.value.email or block.value.purpose
        case ReferencesItem():
            return f"{len(block.value.references)} references"
        case FaqItem():
            return f"{len(block.value.questions)} questions"
        case EmbedItem():
            return block.value.url
        case ResourcesItem():
            return f"{block.value.count} resources in {block.value.category}"
        case _:
            assert_never(block)  # mypy fails here when a block type is not handled above


def readable_page(data: dict[str, Any]) -> ContentPageSchema:
    """The page without the blocks added after this client was generated."""
    return ContentPageSchema.from_dict(
        {**data, "body": [block for block in data["body"] if block["type"] in HANDLED]}
    )


Answer = bool | float | int | list[str] | str


def answer(field: FormFieldOut) -> Answer:
    """What a visitor might answer to this question."""
    match field.type_:
        case FormFieldOutType.EMAIL:
            return "sam@example.org"
        case FormFieldOutType.CHECKBOX:
            return True
        case FormFieldOutType.CHECKBOXES | FormFieldOutType.MULTISELECT:
            return field.choices[:1]
        case FormFieldOutType.DROPDOWN | FormFieldOutType.RADIO:
            return field.choices[0]
        case _:
            return f"My answer to {field.label}"


def send_form(client: Client, form_id: int) -> dict[str, Any]:
    """Read a form, fill it in, send it; then send it empty, in French, to be refused."""
    form = forms_detail.sync(form_id, client=client)
    assert isinstance(form, FormOut)
    time.sleep(form.protection.minimum_seconds)  # as long as a person takes at the very least
    answers = FormsSubmitFormSubmissionInAnswers.from_dict(
        {field.name: answer(field) for field in form.fields}
    )
    token = form.protection.token
    body = FormsSubmitFormSubmissionIn(answers=answers, token=token)
    receipt = forms_submit.sync(form.id, client=client, body=body)
    empty = FormsSubmitFormSubmissionIn(answers=FormsSubmitFormSubmissionInAnswers(), token=token)
    refused = forms_submit.sync(form.id, client=client, body=empty, locale="fr")
    assert isinstance(receipt, ReceiptOut)
    assert isinstance(refused, ProblemDetail) and isinstance(refused.errors, list)
    return {
        "form_fields": [field.name for field in form.fields],
        "form_receipt": receipt.receipt,
        "form_refused": [refused.status, sorted(error["msg"] for error in refused.errors)],
    }


def main(base_url: str, page_id: int, form_id: int) -> None:
    client = Client(base_url=base_url, raise_on_unexpected_status=True)
    page = pages_detail.sync(page_id, client=client)
    if not isinstance(page, ContentPageSchema):
        raise SystemExit(f"expected a content page, got {page!r}")
    blocks = [f"{block.type_}: {describe(block)}" for block in page.body or []]
    newer = {"type": "added_later", "value": {}, "id": "x"}
    lenient = readable_page({**page.to_dict(), "body": [*page.to_dict()["body"], newer]})
    events = events_list.sync(client=client, limit=3)
    resources = resources_list.sync(client=client)
    settings = site_settings.sync(client=client)
    missing = pages_detail.sync(999999, client=client)
    assert isinstance(events, PagedEventBase)
    assert isinstance(resources, PagedResourceOut)
    assert isinstance(settings, SiteSettingsOut)
    assert isinstance(missing, ProblemDetail)
    result = {
        "page": page.title,
        "blocks": blocks,
        "blocks_kept_beside_a_newer_one": len(lenient.body or []),
        "events": [f"{event.title} {event.start.isoformat()}" for event in events.items],
        "event_count": events.count,
        "resources": [resource.name for resource in resources.items],
        "organisation": settings.organisation_name,
        "not_found": missing.status,
        **send_form(client, form_id),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
