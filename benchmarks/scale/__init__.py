"""Generated "scale" content for measuring the site at many times the seed's size.

Everything generated is marked so it can be topped up or removed without touching editors' work:
slugs start with PREFIX, websites and emails use the reserved WEBSITE_DOMAIN, and images live in
their own collection.
"""

import random
import uuid
from itertools import islice

from django.core.management.base import CommandError

PREFIX = "scale-"
# A reserved top-level domain (RFC 2606): no generated link can reach a real organisation.
WEBSITE_DOMAIN = "scale.example"
MAX_FACTOR = 10_000
SEED = "load_scale_content"
# Generated things are made, saved and let go this many at a time, so memory stays flat at any
# factor.
BATCH_SIZE = 2000


def parse_factor(text):
    """--factor as a whole number from 1 to MAX_FACTOR, or a CommandError saying what is wrong."""
    try:
        factor = int(str(text).strip())
    except ValueError:
        raise CommandError(
            f"--factor must be a whole number from 1 to {MAX_FACTOR:,}, not '{text}'."
        ) from None
    if not 1 <= factor <= MAX_FACTOR:
        raise CommandError(f"--factor must be from 1 to {MAX_FACTOR:,}, not {factor:,}.")
    return factor


def scaled(at_1000, factor, cap=None):
    """How many to make: the count at factor 1,000 scaled to this factor, at least 1, at most cap."""
    count = max(1, round(at_1000 * factor / 1000))
    return min(count, cap) if cap else count


def batched(items, size):
    """The items in lists of at most `size` (itertools.batched arrives with Python 3.12)."""
    items = iter(items)
    while batch := list(islice(items, size)):
        yield batch


def rng(kind, number):
    """The random source for one generated thing, so it comes out the same on every run."""
    return random.Random(f"{SEED}:{kind}:{number}")  # noqa: S311 (seeded on purpose)


def shuffled(kind, items):
    """The items in a fixed, seeded order (for picking unique combinations of words)."""
    items = list(items)
    random.Random(f"{SEED}:{kind}").shuffle(items)  # noqa: S311 (seeded on purpose)
    return items


def block_id(source):
    """A StreamField block id from the seeded random source."""
    return str(uuid.UUID(int=source.getrandbits(128), version=4))


def website(slug):
    return f"https://{slug[:50].strip('-')}.{WEBSITE_DOMAIN}/"


def email(slug, mailbox="info"):
    return f"{mailbox}@{slug[:50].strip('-')}.{WEBSITE_DOMAIN}"


CATEGORIES = [
    "anxiety",
    "depression",
    "addiction",
    "housing",
    "employment",
    "family",
    "youth",
    "seniors",
    "crisis support",
    "peer support",
    "self-help",
    "grief",
    "trauma",
    "eating disorders",
    "psychosis",
    "bipolar disorder",
    "suicide prevention",
    "newcomers",
    "2SLGBTQIA+",
    "Indigenous wellness",
    "legal help",
    "income support",
    "food security",
    "caregivers",
    "recovery",
    "mindfulness",
    "advocacy",
    "harm reduction",
    "services in French",
    "counselling",
]


def ensure_categories(count):
    """The first `count` category tags, reusing tags of the same name that exist already."""
    from taggit.models import Tag

    tags = []
    for name in CATEGORIES[:count]:
        tag = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)
        tags.append(tag)
    return tags


def remove_unused_categories():
    """Delete generated category tags that nothing is tagged with any more."""
    from taggit.models import Tag

    Tag.objects.filter(name__in=CATEGORIES, taggit_taggeditem_items=None).filter(
        resources_resourcetag_items=None, programs_programpagetag_items=None
    ).delete()
