"""Volunteers get a clear message for a bad phone number, postal code, name or web address."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from resources.models import PhoneNumber, Resource
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def errors_of(instance, **kwargs):
    try:
        instance.full_clean(**kwargs)
    except ValidationError as error:
        return error.message_dict
    return {}


@pytest.mark.parametrize(
    "number", ["519-433-1234", "1-866-504-1693", "(416) 504-1693", "+44 20 7946 0958", "2-1-1"]
)
def test_real_phone_numbers_are_accepted(number):
    assert errors_of(PhoneNumber(number=number), exclude=["resource"]) == {}


@pytest.mark.parametrize(
    "number", ["12", "not a number", "433-1234", "519-433-12345", "999-999-9999"]
)
def test_malformed_phone_number_says_how_to_write_one(number):
    errors = errors_of(PhoneNumber(number=number), exclude=["resource"])
    assert errors["number"] == [
        "This is not a phone number we can call. Enter it with the area code, "
        "e.g. 519-433-1234 or 1-866-504-1693 (or a short number such as 2-1-1)."
    ]


def test_extension_typed_into_the_number_is_sent_to_its_own_box():
    errors = errors_of(PhoneNumber(number="416-633-9420 ext. 6969"), exclude=["resource"])
    assert errors["number"] == [
        "Put the extension in the 'Extension' box, e.g. 416-633-9420 here and 6969 there."
    ]


def test_extension_is_digits_only():
    errors = errors_of(PhoneNumber(number="416-633-9420", extension="x69"), exclude=["resource"])
    assert errors["extension"] == ["An extension is digits only, e.g. 6969."]


@pytest.mark.parametrize(
    ("number", "extension", "href"),
    [
        ("416-633-9420", "6969", "tel:+1-416-633-9420;ext=6969"),
        ("1-866-504-1693", "", "tel:+1-866-504-1693"),
        ("2-1-1", "", "tel:211"),
    ],
)
def test_phone_links_dial_the_number_and_extension(number, extension, href):
    assert PhoneNumber(number=number, extension=extension).tel_href == href


@pytest.mark.parametrize("postal_code", ["12345", "N6B 1Y", "D6B 1Y8", "N6B-1Y8"])
def test_malformed_postal_code_shows_an_example(postal_code):
    errors = errors_of(ResourceFactory.build(postal_code=postal_code))
    assert errors["postal_code"] == ["Enter a Canadian postal code like N6B 1Y8."]


def test_postal_code_is_saved_in_capitals_with_a_space():
    resource = ResourceFactory(postal_code="n6b1y8")
    resource.refresh_from_db()
    assert resource.postal_code == "N6B 1Y8"


def test_duplicate_name_in_any_case_is_refused_on_the_name_field():
    ResourceFactory(name="Empowerment Council")
    errors = errors_of(ResourceFactory.build(name="empowerment council"))
    assert errors == {"name": ["A resource with this name is already in the directory."]}


def test_slug_is_made_from_the_name_and_a_taken_one_is_refused():
    ResourceFactory(name="Mood Disorders Association", slug="")
    assert Resource.objects.get().slug == "mood-disorders-association"
    errors = errors_of(
        ResourceFactory.build(name="Mood Disorders Assoc.", slug="mood-disorders-association")
    )
    assert errors == {
        "slug": ["Another resource already uses this web address: type a different one."]
    }


def test_online_only_resource_needs_no_address():
    resource = ResourceFactory.build(street_address="", city="", postal_code="")
    assert errors_of(resource) == {}
    assert not resource.has_address


def test_needing_verification_means_never_or_more_than_12_months_ago():
    today = timezone.localdate()
    ResourceFactory(name="Never", last_verified=None)
    ResourceFactory(name="Thirteen months", last_verified=today - timedelta(days=396))
    ResourceFactory(name="Eleven months", last_verified=today - timedelta(days=335))
    ResourceFactory(name="Today", last_verified=today)

    overdue = Resource.objects.needing_verification()

    assert sorted(overdue.values_list("name", flat=True)) == ["Never", "Thirteen months"]
    assert Resource.objects.get(name="Thirteen months").needs_verification
    assert not Resource.objects.get(name="Eleven months").needs_verification


def test_name_without_latin_letters_asks_for_a_web_address():
    errors = errors_of(ResourceFactory.build(name="安心热线", slug=""))
    assert errors == {
        "slug": [
            "Type the end of its web address in letters, numbers and hyphens, e.g. 'peer-line'."
        ]
    }


def test_missing_name_is_the_only_complaint():
    assert errors_of(ResourceFactory.build(name="", slug="")) == {
        "name": ["This field cannot be blank."]
    }
