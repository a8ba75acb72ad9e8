from resources.models.directory import (
    Language,
    PhoneNumber,
    Resource,
    ResourceTag,
    UnknownFilterValue,
)
from resources.models.pages import ResourceIndexPage

__all__ = [
    "Language",
    "PhoneNumber",
    "Resource",
    "ResourceIndexPage",
    "ResourceTag",
    "UnknownFilterValue",
]
