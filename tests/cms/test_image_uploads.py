"""An image uploaded in the admin has its renditions made at once, so no visitor waits for them."""

import io
import logging

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from cms.renditions import PREGENERATED_SPECS

pytestmark = pytest.mark.django_db
Image = get_image_model()


def png(size=(60, 40), colour="#2a6f97", name="photo.png"):
    """A small PNG upload, quick to resize."""
    data = io.BytesIO()
    PILImage.new("RGB", size, colour).save(data, "PNG")
    return SimpleUploadedFile(name, data.getvalue(), content_type="image/png")


def tiff():
    """A TIFF: accepted where a site allows the extension, but Wagtail cannot write renditions of it."""
    data = io.BytesIO()
    PILImage.new("RGB", (300, 200), "#588157").save(data, "TIFF")
    return SimpleUploadedFile("scan.tiff", data.getvalue(), content_type="image/tiff")


def rendition_specs(image):
    return sorted(image.renditions.values_list("filter_spec", flat=True))


@pytest.fixture
def upload(admin_client, django_capture_on_commit_callbacks):
    """Post to an admin image view as an editor's browser does, committing as the live site would."""

    def post(url, data):
        with django_capture_on_commit_callbacks(execute=True):
            return admin_client.post(url, data)

    return post


def test_multiple_upload_makes_every_pregenerated_rendition(upload):
    response = upload(reverse("wagtailimages:add_multiple"), {"files[]": png()})
    assert response.json()["success"] is True
    assert rendition_specs(Image.objects.get()) == sorted(PREGENERATED_SPECS)


def test_single_upload_makes_every_pregenerated_rendition(upload):
    response = upload(reverse("wagtailimages:add"), {"title": "Group photo", "file": png()})
    assert response.status_code == 302
    assert rendition_specs(Image.objects.get(title="Group photo")) == sorted(PREGENERATED_SPECS)


def test_replacing_the_file_makes_new_renditions_from_the_new_file(upload):
    upload(reverse("wagtailimages:add"), {"title": "Group photo", "file": png()})
    image = Image.objects.get()
    old_files = set(image.renditions.values_list("file", flat=True))
    edit = reverse("wagtailimages:edit", args=[image.pk])
    response = upload(edit, {"title": "Group photo", "file": png(size=(90, 30), name="new.png")})
    assert response.status_code == 302
    assert rendition_specs(image) == sorted(PREGENERATED_SPECS)
    assert not old_files & set(image.renditions.values_list("file", flat=True))
    assert {r.width for r in image.renditions.all()} == {90}


def test_changing_only_the_title_keeps_the_renditions(upload):
    upload(reverse("wagtailimages:add"), {"title": "Group photo", "file": png()})
    image = Image.objects.get()
    made = set(image.renditions.values_list("pk", flat=True))
    upload(reverse("wagtailimages:edit", args=[image.pk]), {"title": "Circle of chairs"})
    assert set(image.renditions.values_list("pk", flat=True)) == made


@pytest.mark.parametrize("view, field", [("add", "file"), ("add_multiple", "files[]")])
def test_a_file_that_is_not_an_image_gets_wagtails_own_error_and_saves_nothing(upload, view, field):
    text = SimpleUploadedFile("notes.png", b"Meeting notes, not a picture.")
    response = upload(reverse(f"wagtailimages:{view}"), {"title": "Notes", field: text})
    assert response.status_code == 200
    assert "Upload a valid image." in response.content.decode()
    assert not Image.objects.exists()


def test_an_image_whose_renditions_fail_is_kept_and_the_failure_logged(upload, settings, caplog):
    settings.WAGTAILIMAGES_EXTENSIONS = ["png", "jpg", "tiff"]
    with caplog.at_level(logging.ERROR, logger="cms.renditions"):
        response = upload(reverse("wagtailimages:add"), {"title": "Poster", "file": tiff()})
    assert response.status_code == 302
    image = Image.objects.get(title="Poster")
    assert (image.width, image.height) == (300, 200)
    assert not image.renditions.exists()
    assert f"Could not make the renditions of image {image.pk} ('Poster')" in caplog.text
