"""Generate a large, realistic site on top of the seed, to measure speed and query counts at scale."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page

from benchmarks.scale import (
    CATEGORIES,
    MAX_FACTOR,
    PREFIX,
    WEBSITE_DOMAIN,
    ensure_categories,
    parse_factor,
    remove_unused_categories,
    scaled,
)
from benchmarks.scale.home import (
    PAGE_PATTERNS,
    ensure_content_pages,
    ensure_partners,
    partner_names,
)
from benchmarks.scale.images import (
    COLLECTION,
    draw_logo,
    draw_picture,
    ensure_images,
    picture_title,
)
from benchmarks.scale.programs import ensure_events, ensure_programs
from benchmarks.scale.resources import ensure_resources, remove_unused_languages
from cms.caching import move_version_on, moving_once
from home.models import HomePage
from partners.models import Partner
from programs.models import Event, EventIndexPage, ProgramIndexPage
from resources.models import Resource, ResourceIndexPage


def plan(factor):
    """How many of each thing to generate at this factor (factor 1,000: a large organisation's site)."""
    return {
        "categories": max(3, scaled(30, factor, cap=len(CATEGORIES))),
        # Beyond factor 1,000 pictures are shared: more would only add renditions and media.
        "pictures": scaled(250, factor, cap=250),
        "partners": scaled(50, factor, cap=70),
        "programs": scaled(200, factor, cap=2000),
        "events": scaled(2000, factor),
        "resources": scaled(5000, factor),
        "content pages": scaled(500, factor, cap=20 * 5 * len(PAGE_PATTERNS)),
    }


class Command(BaseCommand):
    help = (
        "Add generated programs, events, resources, partners, pages and images on top of the seed "
        "content, scaled by --factor (1,000 makes a large site). Running it again adds only what "
        "is missing; --remove takes away everything it made."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--factor",
            help=f"How big: 1 adds a handful of each thing, 1000 about 5,000 resources and 2,000 "
            f"events. A whole number from 1 to {MAX_FACTOR:,}.",
        )
        parser.add_argument(
            "--remove", action="store_true", help="Delete everything this command generated."
        )

    def handle(self, *args, factor, remove, **options):
        if remove and factor is not None:
            raise CommandError("Give either --factor N or --remove, not both.")
        if not remove and factor is None:
            raise CommandError("Say how big with --factor N, e.g. --factor 1000.")
        started = time.monotonic()
        self.added = {}
        with moving_once(), transaction.atomic():
            counts = remove_generated() if remove else self.add(parse_factor(factor))
            move_version_on()
        seconds = time.monotonic() - started
        summary = ", ".join(f"{count:,} {name}" for name, count in counts.items())
        verb = "Removed" if remove else "Added"
        self.stdout.write(self.style.SUCCESS(f"{verb} {summary} in {seconds:.1f} s."))

    def add(self, factor):
        home, programs_page, directory, events_page = seed_pages()
        wanted = plan(factor)
        self.stdout.write("Generating " + ", ".join(f"{n:,} {name}" for name, n in wanted.items()))
        categories = ensure_categories(wanted["categories"])
        titles = [picture_title(n) for n in range(wanted["pictures"])]
        pictures = self.step("pictures", ensure_images, titles, draw_picture)
        names = partner_names(wanted["partners"])
        logos = self.step("logos", ensure_images, [f"Logo: {name}" for name in names], draw_logo)
        self.step("partners", ensure_partners, names, logos)
        programs = self.step(
            "programs", ensure_programs, programs_page, wanted["programs"], categories, pictures
        )
        today = timezone.localdate()
        self.step("events", ensure_events, wanted["events"], programs, today)
        self.step("resources", ensure_resources, wanted["resources"], categories)
        material = {
            "images": pictures,
            "categories": categories,
            "links": [
                ("See our calendar", events_page.pk),
                ("Browse our programs", programs_page.pk),
                ("Find a service near you", directory.pk),
            ],
        }
        self.step("content pages", ensure_content_pages, home, wanted["content pages"], material)
        return self.added

    def step(self, name, make, *args):
        """Run one generation step, saying how many it added and how long it took."""
        started = time.monotonic()
        made, added = make(*args)
        self.added[name] = added
        self.stdout.write(f"  {name}: {added:,} added in {time.monotonic() - started:.1f} s")
        return made


def seed_pages():
    """The seed's home, programs, directory and events pages, which generated content goes under."""
    pages = [
        model.objects.first()
        for model in (HomePage, ProgramIndexPage, ResourceIndexPage, EventIndexPage)
    ]
    if None in pages:
        raise CommandError(
            "The seed content is not there yet (home, programs, resources and events pages): "
            "run `python manage.py load_seed_content` first."
        )
    return pages


def remove_generated():
    """Delete everything generated, leaving editors' own content as it is; returns the counts."""
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    pages = (
        Page.objects.descendant_of(home).filter(slug__startswith=PREFIX)
        if home
        else Page.objects.none()
    )
    Image = get_image_model()
    images = Image.objects.filter(collection__name=COLLECTION)
    counts = {
        "pages": pages.count(),
        "events": Event.objects.filter(slug__startswith=PREFIX)
        .delete()[1]
        .get("programs.Event", 0),
        "resources": Resource.objects.filter(slug__startswith=PREFIX)
        .delete()[1]
        .get("resources.Resource", 0),
        "partners": Partner.objects.filter(url__contains=WEBSITE_DOMAIN).delete()[0],
        "images": images.count(),
    }
    pages.delete()
    images.delete()
    Collection.objects.filter(name=COLLECTION).delete()
    remove_unused_categories()
    remove_unused_languages()
    return counts
