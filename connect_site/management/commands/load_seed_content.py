"""Build the site from the seed data file; safe to run again (what exists is left as editors made it)."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.coreutils import resolve_model_string
from wagtail.models import Locale, Page, Site

from cms.models import SiteSettings
from connect_site.seed.contact import contact_pages_from_seed
from connect_site.seed.resources import load_resources
from connect_site.seed.translations import translate_page
from home.models import HomePage
from resources.models import ResourceIndexPage

DEFAULT_DATA_FILE = Path(__file__).resolve().parents[2] / "seed" / "connect.json"


class Command(BaseCommand):
    help = (
        "Create the home page, explainer pages and site settings from a seed data file, if missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--data",
            type=Path,
            default=DEFAULT_DATA_FILE,
            help=f"JSON seed file to load (default: {DEFAULT_DATA_FILE.name} in connect_site/seed/).",
        )
        parser.add_argument(
            "--hostname", default="127.0.0.1", help="Host name of the site, if one is created."
        )
        parser.add_argument(
            "--port",
            type=int,
            default=8000,
            help="Port of the site, if one is created (80 or 443 in production).",
        )

    def handle(self, *args, data, hostname, port, **options):
        if not 1 <= port <= 65535:
            raise CommandError(f"--port must be between 1 and 65535, not {port}.")
        seed = read_seed(data)
        with transaction.atomic():
            home, created = self.ensure_home_page(seed["home_page"])
            for page_data in seed.get("pages", []):
                self.ensure_page(home, page_data)
            for page in contact_pages_from_seed(seed):
                self.add_if_missing(home, page)
            if "resource_directory" in seed:
                self.ensure_resource_directory(home, seed["resource_directory"])
            if created:
                home.body = resolve_page_slugs(HomePage, seed["home_page"].get("body", []))
                publish(home)
            self.ensure_site(home, seed["site_settings"], hostname, port)
            for language_code, texts in seed.get("translations", {}).items():
                if language_code != "_comment":
                    self.ensure_translation(home, language_code, texts)
        self.stdout.write(self.style.SUCCESS(f"Seed content ready: {home.title} at /"))

    def ensure_home_page(self, data):
        """The site's HomePage, replacing Wagtail's placeholder 'Welcome' page on a new install."""
        home = HomePage.objects.filter(locale=Locale.get_default()).first()
        if home:
            self.stdout.write(f"Home page exists ({home.title}); left as it is.")
            return home, False
        root = Page.get_first_root_node()
        for placeholder in root.get_children().exact_type(Page).filter(slug=data["slug"]):
            placeholder.delete()
        fields = {key: value for key, value in data.items() if key != "body"}
        home = root.add_child(instance=HomePage(**fields))
        self.stdout.write(f"Created home page: {home.title}")
        return home, True

    def ensure_page(self, parent, data):
        """A page under the home page, of the seed's "type" (an explainer page by default)."""
        model = seed_page_type(data.get("type", "home.ContentPage"))
        fields = {key: value for key, value in data.items() if key != "type"}
        if "body" in fields:
            fields["body"] = resolve_page_slugs(model, fields["body"])
        self.add_if_missing(parent, model(**fields))

    def add_if_missing(self, parent, page):
        if parent.get_children().filter(slug=page.slug).exists():
            self.stdout.write(f"Page /{page.slug}/ exists; left as it is.")
            return
        if not type(page).can_create_at(parent):
            self.stdout.write(f"A {page._meta.verbose_name} exists; /{page.slug}/ not added.")
            return
        parent.add_child(instance=page)
        publish(page)
        self.stdout.write(f"Created page: {page.title}")

    def ensure_resource_directory(self, home, data):
        """The directory page under the home page, and the seed resources not yet in it."""
        page_data = data["page"]
        intro = resolve_page_slugs(ResourceIndexPage, page_data["intro"], field="intro")
        self.add_if_missing(home, ResourceIndexPage(**{**page_data, "intro": intro}))
        try:
            created, kept = load_resources(data["resources"])
        except ValueError as error:
            raise CommandError(f"Seed resource is not valid: {error}") from error
        self.stdout.write(f"Resources: {len(created)} added, {len(kept)} already there.")

    def ensure_translation(self, home, language_code, texts):
        """The welcome page in another language, sent for review by a native speaker."""
        translation = translate_page(home, language_code, texts.get("home_page", {}))
        if translation is None:
            self.stdout.write(f"Home page in {language_code!r} exists; left as it is.")
        else:
            self.stdout.write(f"Created home page in {language_code!r}, to be reviewed.")

    def ensure_site(self, home, settings_data, hostname, port):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.create(
                hostname=hostname, port=port, is_default_site=True, root_page=home
            )
        if site.root_page_id != home.pk or not site.site_name:
            site.root_page = home
            site.site_name = site.site_name or settings_data["organisation_name"]
            site.save()
        settings = SiteSettings.for_site(site)
        if settings.organisation_name:
            self.stdout.write("Site settings exist; left as they are.")
            self.add_missing_translated_texts(settings, settings_data)
            return
        for field, value in settings_data.items():
            if field.endswith("_page_slug"):
                field, value = field.removesuffix("_slug"), seed_page(value)
            setattr(settings, field, value)
        validate(settings, "site settings")
        settings.save()
        self.stdout.write("Filled in site settings.")

    def add_missing_translated_texts(self, settings, settings_data):
        """Texts in other languages (e.g. the crisis notice in French) new to the seed file."""
        blank = [
            field
            for field in ("tagline_fr", "crisis_notice_fr")
            if field in settings_data and not getattr(settings, field)
        ]
        for field in blank:
            setattr(settings, field, settings_data[field])
        if blank:
            settings.save(update_fields=blank)
            self.stdout.write(f"Added to site settings: {', '.join(blank)}.")


def read_seed(path):
    """The seed file as a dict, or a CommandError saying what is wrong with it."""
    try:
        seed = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise CommandError(f"Seed file not found: {path}") from error
    except json.JSONDecodeError as error:
        raise CommandError(f"Seed file {path} is not valid JSON: {error}") from error
    missing = {"home_page", "site_settings"} - set(seed)
    if missing:
        raise CommandError(f"Seed file {path} lacks: {', '.join(sorted(missing))}")
    return seed


def seed_page_type(name):
    try:
        model = resolve_model_string(name)
    except (LookupError, ValueError) as error:
        raise CommandError(f"Seed has an unknown page type: {name!r}") from error
    if not issubclass(model, Page):
        raise CommandError(f"Seed page type {name!r} is not a page type.")
    return model


def seed_page(slug):
    """The page the seed names by its slug, or a CommandError saying it does not exist."""
    page = Page.objects.filter(slug=slug).first()
    if page is None:
        raise CommandError(f"Seed links to a page that does not exist: {slug}")
    return page


def resolve_page_slugs(model, stream, field="body"):
    """Check block types (Wagtail drops unknown ones silently) and swap page slugs for ids."""
    block_types = model._meta.get_field(field).stream_block.child_blocks
    resolved = []
    for block in stream:
        if block.get("type") not in block_types:
            raise CommandError(f"Seed has an unknown block type: {block.get('type')!r}")
        value = block["value"]
        if isinstance(value, dict) and "page_slug" in value:
            value = {k: v for k, v in value.items() if k != "page_slug"}
            value["page"] = seed_page(block["value"]["page_slug"]).pk
        resolved.append({"type": block["type"], "value": value})
    return resolved


def publish(page):
    validate(page, f"page '{page.title}'")
    page.save_revision().publish()


def validate(instance, name):
    try:
        instance.full_clean()
    except ValidationError as error:
        raise CommandError(f"Seed {name} is not valid: {error}") from error
