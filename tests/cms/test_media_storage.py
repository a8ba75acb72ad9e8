"""Uploads in an S3-compatible bucket: a real S3 API (moto's server) on loopback, not a mock object."""

import io
import os
import urllib.request
import uuid

import boto3
import pytest
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from connect_site.settings import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def bucket(settings, monkeypatch):
    """A fresh bucket on the throwaway S3 server, made the default storage as an env var would."""
    endpoint = os.environ.get("TEST_S3_ENDPOINT_URL")
    if not endpoint:
        pytest.skip(
            "TEST_S3_ENDPOINT_URL is unset: run the suite with scripts/test_with_services.sh"
        )
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    name = f"media-{uuid.uuid4().hex}"
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    s3.create_bucket(Bucket=name)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": services.media_storage(name, signed_urls=True),
    }
    return lambda: {item["Key"] for item in s3.list_objects_v2(Bucket=name).get("Contents", [])}


def png_upload(name="photo.png", size=(120, 80)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "teal").save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = name
    return buffer


def test_image_upload_and_rendition_are_stored_in_the_bucket(bucket, admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"), {"title": "Group photo", "file": png_upload()}
    )
    assert response.status_code == 302, response.context["form"].errors
    image = get_image_model().objects.get(title="Group photo")
    rendition = image.get_rendition("fill-60x40")
    assert {image.file.name, rendition.file.name} <= bucket()
    assert rendition.url.startswith(os.environ["TEST_S3_ENDPOINT_URL"])
    with urllib.request.urlopen(rendition.url) as served:  # noqa: S310 (our loopback server)
        assert PILImage.open(served).size == (60, 40)


def test_document_in_the_bucket_is_served_through_the_privacy_checking_view(
    bucket, admin_client, client
):
    upload = io.BytesIO(b"Volunteer handbook, version 3.")
    upload.name = "handbook.txt"
    response = admin_client.post(reverse("wagtaildocs:add"), {"title": "Handbook", "file": upload})
    assert response.status_code == 302
    document = get_document_model().objects.get(title="Handbook")
    assert document.file.name in bucket()
    served = client.get(document.url)
    assert served.status_code == 200  # streamed by Django, not a redirect to the bucket
    assert b"".join(served.streaming_content) == b"Volunteer handbook, version 3."
