"""load_seed_content builds the directory from the CMHA page once, and never duplicates it."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from resources.models import Resource, ResourceIndexPage

pytestmark = pytest.mark.django_db

CMHA_ORGANISATIONS = {
    "Self-Help and Peer Support Services, CMHA Ontario branches",
    "Peer/Self-Help Initiatives in Ontario",
    "Family Initiatives in Ontario",
    "Ontario Peer Development Initiative",
    "Ontario Council of Alternative Businesses",
    "Ontario Association of Patient Councils",
    "Empowerment Council",
    "Mood Disorders Association of Ontario",
    "Ontario Obsessive-Compulsive Network",
    "Ontario Self-Help Network",
}


def load(*args):
    out = io.StringIO()
    call_command("load_seed_content", *args, stdout=out)
    return out.getvalue()


def test_directory_page_is_published_in_the_menu_with_the_intro_and_references():
    load()
    page = ResourceIndexPage.objects.get()
    assert page.url == "/en/resources/"
    assert page.live and page.show_in_menus and not page.has_unpublished_changes
    blocks = [block.block_type for block in page.intro]
    assert blocks == ["paragraph", "paragraph", "paragraph", "references"]
    assert "[1]" in page.intro[0].value.source and "[2]" in page.intro[1].value.source
    assert len(page.intro[3].value["references"]) == 2


def test_every_cmha_organisation_is_loaded_with_its_details():
    load()
    assert set(Resource.objects.values_list("name", flat=True)) == CMHA_ORGANISATIONS
    ocab = Resource.objects.get(name="Ontario Council of Alternative Businesses")
    assert ocab.address_lines == ["1499 Queen Street West, Suite 203", "Toronto, ON"]
    assert [(p.label, p.number) for p in ocab.phone_numbers.all()] == [
        ("Toll-free", "1-866-504-1693"),
        ("Toronto", "416-504-1693"),
    ]
    assert "films on the values of alternative businesses" in ocab.description
    assert sorted(ocab.categories.names()) == [
        "alternative businesses",
        "consumer/survivor initiatives",
        "employment",
    ]
    oapc = Resource.objects.get(name="Ontario Association of Patient Councils")
    assert [(p.number, p.extension) for p in oapc.phone_numbers.all()] == [("416-633-9420", "6969")]
    family = Resource.objects.get(name="Family Initiatives in Ontario")
    assert "family members" in family.short_description
    assert all(r.languages.filter(code="en").exists() for r in Resource.objects.all())
    for category in ("family", "mood disorders", "OCD", "patient councils", "advocacy"):
        assert Resource.objects.filter(categories__name=category).exists(), category


def test_seeded_directory_is_searchable_and_filterable(client):
    load()
    html = client.get("/en/resources/?search=obsessive").content.decode()
    assert ">Ontario Obsessive-Compulsive Network</a>" in html
    html = client.get("/en/resources/?category=patient-councils").content.decode()
    assert '<h2 id="results-heading">1 resource</h2>' in html
    assert 'href="/en/resources/"' in html.split('<nav class="main-menu"')[1].split("</nav>")[0]


def test_second_run_duplicates_nothing_and_keeps_edits():
    load()
    ocab = Resource.objects.get(name="Ontario Council of Alternative Businesses")
    ocab.short_description = "Edited by a volunteer"
    ocab.save()
    Resource.objects.get(name="Ontario Self-Help Network").delete()

    output = load()

    assert Resource.objects.count() == len(CMHA_ORGANISATIONS)
    assert ResourceIndexPage.objects.count() == 1
    assert Resource.objects.get(pk=ocab.pk).short_description == "Edited by a volunteer"
    assert "Resources: 1 added, 9 already there." in output
    assert "Page /resources/ exists; left as it is." in output


def test_invalid_seed_resource_is_a_clear_error_and_rolls_back(tmp_path, settings):
    data = json.loads((settings.BASE_DIR / "connect_site/seed/connect.json").read_text())
    data["resource_directory"]["resources"][0]["phone_numbers"] = [{"number": "555"}]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data))
    with pytest.raises(CommandError, match="Seed resource is not valid: Self-Help and Peer"):
        load("--data", str(broken))
    assert not Resource.objects.exists() and not ResourceIndexPage.objects.exists()
