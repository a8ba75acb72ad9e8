"""The limit/offset pagination of our v3 lists: Wagtail's, with its bounds in the OpenAPI document."""

from django.conf import settings
from ninja import Field
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

# Wagtail's own setting, with its default.
LIMIT_MAX = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)


class ListPagination(WagtailLimitOffsetPagination):
    """`{items, count}`, 20 items by default and at most LIMIT_MAX (more answers 400, as Wagtail's
    own lists do): the maximum is stated so that clients need not find it by trial."""

    class Input(WagtailLimitOffsetPagination.Input):
        limit: int = Field(
            20,
            ge=1,
            description=f"How many items to answer: 1 to {LIMIT_MAX}; more answers 400.",
            json_schema_extra={"maximum": LIMIT_MAX},
        )
        offset: int = Field(0, ge=0, description="How many items to skip.")
