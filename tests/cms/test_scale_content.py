"""load_scale_content adds a realistic site of the size asked for, tops it up and removes it cleanly."""

import io

import pytest
from django.core.management import CommandError, call_command
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from benchmarks.management.commands.load_scale_content import plan
from benchmarks.scale.images import COLLECTION
from cms.caching.version import version_in_database
from home.models import ContentPage
from partners.models import Partner
from programs.models import Event, EventDate, ProgramPage
from resources.models import Language, Resource

pytestmark = pytest.mark.django_db

Image = get_image_model()


@pytest.fixture
def seeded():
    call_command("load_seed_content", stdout=io.StringIO())


def scale(*args):
    out = io.StringIO()
    call_command("load_scale_content", *args, stdout=out)
    return out.getvalue()


def generated_counts():
    return {
        "pictures": Image.objects.filter(collection__name=COLLECTION)
        .exclude(title__startswith="Logo")
        .count(),
        "partners": Partner.objects.count(),
        "programs": ProgramPage.objects.filter(slug__startswith="scale-").count(),
        "events": Event.objects.filter(slug__startswith="scale-").count(),
        "resources": Resource.objects.filter(slug__startswith="scale-").count(),
        "content pages": ContentPage.objects.filter(slug__startswith="scale-").count(),
    }


def wanted(factor):
    return {name: n for name, n in plan(factor).items() if name != "categories"}


def test_counts_scale_with_the_factor():
    assert plan(1) == {
        "categories": 3,
        "pictures": 1,
        "partners": 1,
        "programs": 1,
        "events": 2,
        "resources": 5,
        "content pages": 1,
    }
    assert plan(1000) == {
        "categories": 30,
        "pictures": 250,
        "partners": 50,
        "programs": 200,
        "events": 2000,
        "resources": 5000,
        "content pages": 500,
    }
    assert plan(10_000)["partners"] == 70  # capped: no more plausible partner names


def test_adds_what_the_factor_asks_for(seeded):
    output = scale("--factor", "4")
    assert generated_counts() == wanted(4)
    assert (
        "Added 1 pictures, 1 logos, 1 partners, 1 programs, 8 events, 20 resources, 2 content"
        in output
    )


def test_generated_content_passes_the_editors_validation(seeded):
    scale("--factor", "4")
    for resource in Resource.objects.filter(slug__startswith="scale-"):
        resource.full_clean()
        for phone in resource.phone_numbers.all():
            phone.full_clean()
        assert resource.languages.exists() and resource.categories.exists()
    for event in Event.objects.filter(slug__startswith="scale-"):
        event.full_clean()
    for page in Page.objects.filter(slug__startswith="scale-").specific():
        page.full_clean()
        assert page.live


def test_running_again_adds_nothing_and_a_bigger_factor_tops_up(seeded):
    scale("--factor", "2")
    first = set(Resource.objects.values_list("name", flat=True))
    again = scale("--factor", "2")
    assert (
        "Added 0 pictures, 0 logos, 0 partners, 0 programs, 0 events, 0 resources, 0 content"
        in again
    )
    scale("--factor", "6")
    assert generated_counts() == wanted(6)
    assert first < set(Resource.objects.values_list("name", flat=True))


def test_pages_added_in_bulk_make_a_valid_tree_and_move_the_version_once(seeded):
    before = version_in_database()
    scale("--factor", "4")
    assert version_in_database() == before + 1
    scale("--factor", "12")  # tops up under parents that have children already
    assert Page.find_problems() == ([], [], [], [], [])
    generated = Page.objects.filter(slug__startswith="scale-").specific()
    assert {type(page) for page in generated} == {ProgramPage, ContentPage}
    for page in generated:
        parent = page.get_parent()
        assert page.url_path == f"{parent.url_path}{page.slug}/"
        assert (page.locale_id, page.draft_title) == (parent.locale_id, page.title)
        assert page.live and page.url
    program = ProgramPage.objects.filter(slug__startswith="scale-").last()
    assert list(ProgramPage.objects.live().search(program.title))[0] == program


def test_the_same_factor_gives_the_same_content(seeded):
    scale("--factor", "2")
    before = sorted(Resource.objects.values_list("name", "postal_code", "phone_numbers__number"))
    events = sorted(Event.objects.values_list("slug", "start", "status", "repeat"))
    scale("--remove")
    scale("--factor", "2")
    assert (
        sorted(Resource.objects.values_list("name", "postal_code", "phone_numbers__number"))
        == before
    )
    assert sorted(Event.objects.values_list("slug", "start", "status", "repeat")) == events


def test_remove_takes_away_only_what_it_made(seeded):
    seed_resources = set(Resource.objects.values_list("pk", flat=True))
    seed_pages = set(Page.objects.values_list("pk", flat=True))
    seed_tags = set(Tag.objects.values_list("name", flat=True))
    editors_partner = Partner.objects.create(name="CMHA Thames Valley", url="https://cmhatv.ca/")
    scale("--factor", "3")
    output = scale("--remove")
    assert "Removed 3 pages, 6 events, 15 resources, 1 partners, 2 images" in output
    assert set(Resource.objects.values_list("pk", flat=True)) == seed_resources
    assert set(Page.objects.values_list("pk", flat=True)) == seed_pages
    assert set(Tag.objects.values_list("name", flat=True)) == seed_tags
    assert list(Partner.objects.all()) == [editors_partner]
    assert not Event.objects.exists() and not Image.objects.exists()
    assert not EventDate.objects.exists()
    assert not Collection.objects.filter(name=COLLECTION).exists()
    assert set(Language.objects.values_list("code", flat=True)) == {"en", "fr"}


def test_needs_the_seed_content_first():
    with pytest.raises(CommandError, match="run `python manage.py load_seed_content` first"):
        scale("--factor", "1")
    assert not Resource.objects.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "Say how big with --factor N"),
        (["--factor", "0"], "--factor must be from 1 to 10,000, not 0"),
        (["--factor", "-3"], "--factor must be from 1 to 10,000, not -3"),
        (["--factor", "ten"], "--factor must be a whole number from 1 to 10,000, not 'ten'"),
        (["--factor", "2.5"], "--factor must be a whole number from 1 to 10,000, not '2.5'"),
        (["--factor", "1000000"], "--factor must be from 1 to 10,000, not 1,000,000"),
        (["--factor", "5", "--remove"], "Give either --factor N or --remove, not both"),
    ],
)
def test_bad_arguments_are_refused_with_a_clear_message(args, message):
    with pytest.raises(CommandError, match=message):
        scale(*args)
    assert not Resource.objects.exists()
