"""Run inside the host site: the checks and migrations, then one page of each installed app, visited
by visitors and volunteers (one process for all of it: each start of Django and Wagtail costs seconds).

Prints {"pages": {"<who> <url>": [status, content type, body]}, "templates": {"<whose> <name>": html}}
as JSON for tests/plugins/test_install.py to judge: "templates" renders the host's templates that
have the same short names as some of ours, and ours, each as its own side asks for them.
Stays free of pytest and of the tests package: only the host site and the installed wheel exist here.
"""

import json
import sys
from datetime import timedelta

import django

django.setup()

from django.core.management import call_command  # noqa: E402

call_command("check", fail_level="WARNING", stdout=sys.stderr)
call_command("migrate", interactive=False, verbosity=0)
call_command("makemigrations", check=True, dry_run=True, verbosity=0)

from django.apps import apps  # noqa: E402
from django.contrib.auth.models import Group, User  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Site  # noqa: E402

home = Site.objects.get(is_default_site=True).root_page.specific


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def volunteer(app, group):
    user = User.objects.create_user(f"{app}-volunteer", password="x")
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


def add_programs():
    from programs.models import Event, EventIndexPage, ProgramIndexPage, ProgramPage

    index = publish(home, ProgramIndexPage(title="Programs", slug="programs"))
    program = publish(
        index,
        ProgramPage(title="Peer circle", slug="peer-circle", summary="Weekly.", audience="All"),
    )
    publish(home, EventIndexPage(title="Events", slug="events"))
    start = timezone.localtime().replace(microsecond=0) + timedelta(days=7)
    event = Event.objects.create(
        title="Drop-in evening",
        program=program,
        start=start,
        end=start + timedelta(hours=2),
        venue_name="Community hall",
        street_address="1 Main St",
        city="London",
        postal_code="N6B 1Y8",
        live=True,
    )
    public = [
        "/programs/",
        "/programs/peer-circle/",
        "/programs/peer-circle/feed.ics",
        "/events/",
        "/events/feed.ics",
        f"/events/{event.slug}/",
        "/api/v3/events/",
    ]
    return public, "Editors", ["/admin/snippets/programs/event/", f"/admin/pages/{index.pk}/"]


def add_resources():
    from resources.models import Resource, ResourceIndexPage

    publish(home, ResourceIndexPage(title="Resources", slug="resources"))
    resource = Resource.objects.create(
        name="Warm line", short_description="Someone to talk to.", city="London"
    )
    public = [
        "/resources/",
        f"/resources/{resource.slug}/",
        "/api/v3/resources/",
        "/api/v3/resources/export/csv/",
        "/api/v3/resources/export/hsds/",
    ]
    return public, "Editors", ["/admin/resources/resource/", "/admin/resources/language/"]


def add_contact():
    from contact.models import FormField, FormPage, NewsletterPage

    form = FormPage(title="Contact us", slug="contact-us", intro="<p>Write to us.</p>")
    form.form_fields = [FormField(label="Your message", field_type="multiline", required=True)]
    publish(home, form)
    publish(home, NewsletterPage(title="Newsletter", slug="newsletter", intro="<p>News.</p>"))
    admin = [
        "/admin/forms/",
        f"/admin/forms/submissions/{form.pk}/",
        "/admin/newsletter_subscribers/",
    ]
    return ["/contact-us/", "/newsletter/"], "Form managers", admin


def add_partners():
    from partners.models import Partner

    Partner.objects.create(name="Family network", url="https://family.example.org/")
    return ["/api/v3/partners/"], "Editors", ["/admin/snippets/partners/partner/"]


def visit(client, urls, who="visitor"):
    answers = {}
    for url in urls:
        response = client.get(url)
        body = b"".join(response) if response.streaming else response.content
        answers[f"{who} {url}"] = [
            response.status_code,
            response["Content-Type"],
            body.decode(),
        ]
    return answers


def templates_of_both_sides():
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    from cms.blocks import HeadingBlock
    from cms.views import server_error

    heading = HeadingBlock()
    return {
        "host blocks/heading_block.html": render_to_string(
            "blocks/heading_block.html", {"value": "A heading of the host's"}
        ),
        "host 500.html": render_to_string("500.html"),
        "our heading block": heading.render(heading.to_python({"text": "Ours", "level": "h2"})),
        "our server error page": server_error(RequestFactory().get("/")).content.decode(),
    }


# cms's static files, from the wheel, served by the host in development as any app's are.
answers = visit(Client(), ["/static/cms/site.css"])
for app, add in [
    ("programs", add_programs),
    ("resources", add_resources),
    ("contact", add_contact),
    ("partners", add_partners),
]:
    if apps.is_installed(app):
        public, group, admin = add()
        answers.update(visit(Client(), public))
        answers.update(visit(volunteer(app, group), ["/admin/", *admin], who=group))
json.dump({"pages": answers, "templates": templates_of_both_sides()}, sys.stdout)
