"""Loads the resource directory's seed entries; one already there (by name) is left as it is."""

from django.core.exceptions import ValidationError

from resources.models import Language, PhoneNumber, Resource


def load_resources(entries):
    """Create the resources not yet in the directory; returns (names created, names kept)."""
    created, kept = [], []
    for entry in entries:
        if Resource.objects.filter(name__iexact=entry["name"]).exists():
            kept.append(entry["name"])
            continue
        create_resource(entry)
        created.append(entry["name"])
    return created, kept


def create_resource(entry):
    """One resource with its phones, languages and categories; invalid seed data raises ValueError."""
    fields = {
        k: v for k, v in entry.items() if k not in ("phone_numbers", "languages", "categories")
    }
    resource = Resource(**fields)
    resource.phone_numbers = [PhoneNumber(**phone) for phone in entry.get("phone_numbers", [])]
    languages = list(Language.objects.filter(code__in=entry.get("languages", [])))
    if len(languages) != len(entry.get("languages", [])):
        raise ValueError(f"{entry['name']}: unknown language in {entry['languages']}")
    try:
        resource.full_clean()
        for phone in resource.phone_numbers.all():
            phone.full_clean(exclude=["resource"])
    except ValidationError as error:
        raise ValueError(f"{entry['name']}: {error}") from error
    resource.languages = languages
    resource.categories.add(*entry.get("categories", []))
    resource.save()
    return resource
