"""Volunteers manage the directory in the admin: list, filter, search, inspect, add, download."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from resources.models import Language, Resource
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db
ADMIN = "/admin/resources/resource/"


@pytest.fixture
def listed():
    today = timezone.localdate()
    ResourceFactory(name="Family Initiatives", categories=["family"], last_verified=None)
    ResourceFactory(
        name="Mood Disorders Association",
        categories=["mood disorders"],
        languages=["en", "fr"],
        last_verified=today - timedelta(days=400),
        phones=[{"label": "Office", "number": "416-633-9420", "extension": "6969"}],
    )
    ResourceFactory(name="Empowerment Council", categories=["advocacy"], last_verified=today)


def listed_names(admin_client, query=""):
    response = admin_client.get(f"{ADMIN}{query}")
    assert response.status_code == 200
    return [resource.name for resource in response.context["object_list"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Empowerment Council", "Family Initiatives", "Mood Disorders Association"]),
        ("?category=family", ["Family Initiatives"]),
        ("?language=fr", ["Mood Disorders Association"]),
        ("?checked=overdue", ["Family Initiatives", "Mood Disorders Association"]),
        ("?checked=recent", ["Empowerment Council"]),
        ("?q=mood", ["Mood Disorders Association"]),
        ("?checked=overdue&language=en&category=family", ["Family Initiatives"]),
        ("?o=-0", ["Mood Disorders Association", "Family Initiatives", "Empowerment Council"]),
    ],
)
def test_list_searches_filters_and_sorts(admin_client, listed, query, expected):
    assert listed_names(admin_client, query) == expected


def test_list_flags_resources_due_for_checking_and_offers_downloads(admin_client, listed):
    html = admin_client.get(ADMIN).content.decode()
    assert "Needs re-checking" in html
    assert 'href="/admin/resources/export/csv/"' in html
    assert 'href="/admin/resources/export/hsds/"' in html


def test_inspect_view_shows_phones_languages_and_categories(admin_client, listed):
    resource = Resource.objects.get(name="Mood Disorders Association")
    html = admin_client.get(f"{ADMIN}inspect/{resource.pk}/").content.decode()
    assert "416-633-9420 ext. 6969" in html
    assert "English, French" in html
    assert "mood disorders" in html


def add_form(**overrides):
    """What a volunteer posts from the Add resource form."""
    data = {
        "name": "Ontario Association of Patient Councils",
        "slug": "",
        "short_description": "The provincial association of patient councils.",
        "description": rich_text("<p>Shares ideas, issues and concerns.</p>"),
        "name_fr": "Association ontarienne des conseils de patients",
        "short_description_fr": "L’association provinciale des conseils de patients.",
        "description_fr": rich_text("<p>Partage idées, enjeux et préoccupations.</p>"),
        "website": "https://example.org/",
        "email": "info@example.org",
        "phone_numbers": inline_formset(
            [{"label": "Main line", "number": "416-633-9420", "extension": "6969"}]
        ),
        "street_address": "",
        "unit": "",
        "city": "Toronto",
        "province": "ON",
        "postal_code": "m6r1a3",
        "service_area": "Ontario",
        "peer_run": "on",
        "categories": "patient councils, advocacy",
        "last_verified": "2026-03-02",
    }
    data.update(overrides)
    # nested_form_data would number a list's items; checkboxes post the same name repeatedly.
    return {**nested_form_data(data), "languages": [str(Language.objects.get(code="fr").pk)]}


def test_add_form_saves_everything_entered(admin_client):
    response = admin_client.post(f"{ADMIN}create/", add_form())
    assert response.status_code == 302
    resource = Resource.objects.get()
    assert resource.slug == "ontario-association-of-patient-councils"
    assert resource.postal_code == "M6R 1A3"
    assert resource.peer_run and str(resource.last_verified) == "2026-03-02"
    assert [(p.label, p.number, p.extension) for p in resource.phone_numbers.all()] == [
        ("Main line", "416-633-9420", "6969")
    ]
    assert [language.code for language in resource.languages.all()] == ["fr"]
    assert sorted(resource.categories.names()) == ["advocacy", "patient councils"]
    assert ">Shares ideas, issues and concerns.</p>" in resource.description
    assert resource.name_fr == "Association ontarienne des conseils de patients"
    assert resource.short_description_fr == "L’association provinciale des conseils de patients."
    assert ">Partage idées, enjeux et préoccupations.</p>" in resource.description_fr


def test_add_form_has_the_french_texts_in_a_panel_of_their_own(admin_client):
    html = admin_client.get(f"{ADMIN}create/").content.decode()
    assert "<span data-panel-heading-text>In French</span>" in html
    panel = html.split('id="panel-in_french-content"')[1].split("data-panel-heading")[0]
    for field in ("name_fr", "short_description_fr", "description_fr"):
        assert f'name="{field}"' in panel


@pytest.mark.parametrize(
    ("field", "overrides", "message"),
    [
        (
            "website",
            {"website": "opdi dot org"},
            "Enter the whole web address, e.g. https://www.opdi.org",
        ),
        ("email", {"email": "info at example"}, "Enter an email address like info@example.org"),
        ("postal_code", {"postal_code": "12345"}, "Enter a Canadian postal code like N6B 1Y8."),
        (
            "name",
            {"name": "empowerment council"},
            "A resource with this name is already in the directory.",
        ),
    ],
)
def test_add_form_refuses_bad_input_with_a_clear_message(
    admin_client, listed, field, overrides, message
):
    response = admin_client.post(f"{ADMIN}create/", add_form(**overrides))
    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert Resource.objects.count() == 3


def test_add_form_refuses_a_malformed_phone_number_and_keeps_what_was_typed(admin_client):
    data = add_form(phone_numbers=inline_formset([{"label": "Main", "number": "416-633"}]))
    response = admin_client.post(f"{ADMIN}create/", data)
    assert response.status_code == 200
    phone_form = response.context["form"].formsets["phone_numbers"].forms[0]
    assert phone_form.errors["number"][0].startswith("This is not a phone number we can call.")
    assert 'value="416-633"' in response.content.decode()
    assert not Resource.objects.exists()


def test_downloads_from_the_admin(admin_client, listed):
    response = admin_client.get("/admin/resources/export/csv/")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["name"] for row in rows] == [
        "Empowerment Council",
        "Family Initiatives",
        "Mood Disorders Association",
    ]
    hsds = admin_client.get("/admin/resources/export/hsds/")
    assert hsds["Content-Disposition"] == 'attachment; filename="resources-hsds.json"'
    assert hsds.json()["total_items"] == 3


def test_downloads_need_a_login(client, listed):
    response = client.get("/admin/resources/export/csv/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_volunteer_editors_can_manage_the_directory(client, listed):
    editor = User.objects.create_user("volunteer", password="pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(ADMIN).status_code == 200
    assert client.get(f"{ADMIN}create/").status_code == 200
    assert client.get("/admin/resources/export/hsds/").status_code == 200


def test_admin_users_without_directory_permissions_cannot_download_it(client, listed):
    user = User.objects.create_user("other", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get("/admin/resources/export/csv/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_unknown_filter_in_the_address_shows_the_whole_list_with_a_message(admin_client, listed):
    response = admin_client.get("/admin/resources/resource/?needs_reverification=yes", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [("/admin/resources/resource/", 302)]
    assert "That filter is not one this list offers" in response.content.decode()
