"""Pictures and logos drawn with Pillow (no network), stored as Wagtail images in one collection."""

import hashlib
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image as Picture
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.search.backends import get_search_backend

from benchmarks.scale import rng
from cms.renditions import pregenerate_renditions

COLLECTION = "Scale content"
PICTURE_SIZE = (960, 640)
LOGO_SIZE = (400, 160)
# Calm colours, as a mental-health site would choose.
PALETTE = ["#2a6f97", "#61a5c2", "#a9d6e5", "#588157", "#a3b18a", "#dad7cd", "#e9c46a", "#f4a261"]
SUBJECTS = [
    "Two people talking on a park bench",
    "A circle of chairs in a community room",
    "A cup of tea on a windowsill",
    "A path through autumn trees",
    "Hands holding a warm mug",
    "A notebook and pen on a table",
    "Sunlight over the Thames River",
    "A community garden in summer",
    "Paintbrushes and watercolours",
    "A group walking by the river",
]


def collection():
    """The collection generated images are kept in, made the first time."""
    found = Collection.objects.filter(name=COLLECTION).first()
    return found or Collection.get_first_root_node().add_child(name=COLLECTION)


def picture_title(number):
    return f"{SUBJECTS[number % len(SUBJECTS)]} ({number // len(SUBJECTS) + 1})"


def ensure_images(titles, draw):
    """The collection's images with these titles, drawing and storing the missing ones."""
    Image = get_image_model()
    home = collection()
    existing = {image.title: image for image in Image.objects.filter(collection=home)}
    missing = [(n, title) for n, title in enumerate(titles) if title not in existing]
    made = Image.objects.bulk_create([stored_image(home, n, t, draw) for n, t in missing])
    get_search_backend().add_bulk(Image, made)
    pregenerate_renditions(made)
    existing.update((image.title, image) for image in made)
    return [existing[title] for title in titles], len(made)


def stored_image(home, number, title, draw):
    """An unsaved Image for a newly drawn file, saved to media storage."""
    data, size, extension = draw(number, title)
    name = default_storage.save(
        f"original_images/scale-{number:04d}.{extension}", ContentFile(data)
    )
    return get_image_model()(
        title=title,
        file=name,
        width=size[0],
        height=size[1],
        file_size=len(data),
        file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
        collection=home,
    )


def draw_picture(number, title):
    """A soft abstract scene: a two-colour gradient with a few overlapping circles."""
    source = rng("picture", number)
    top, bottom = source.sample(PALETTE, 2)
    gradient = Picture.linear_gradient("L").resize(PICTURE_SIZE)
    canvas = Picture.composite(
        Picture.new("RGB", PICTURE_SIZE, bottom), Picture.new("RGB", PICTURE_SIZE, top), gradient
    )
    pen = ImageDraw.Draw(canvas)
    for _ in range(source.randint(3, 7)):
        x, y, r = source.randint(0, 960), source.randint(0, 640), source.randint(40, 220)
        pen.ellipse((x - r, y - r, x + r, y + r), fill=source.choice(PALETTE))
    return encode(canvas, "JPEG", quality=80), PICTURE_SIZE, "jpg"


def draw_logo(number, name):
    """A simple logo: a coloured disc with the organisation's initials beside its name's start."""
    source = rng("logo", number)
    colour = source.choice(PALETTE[:5])
    canvas = Picture.new("RGB", LOGO_SIZE, "white")
    pen = ImageDraw.Draw(canvas)
    pen.ellipse((16, 16, 144, 144), fill=colour)
    initials = "".join(word[0] for word in name.split() if word[0].isupper())[:3]
    pen.text((80, 80), initials, fill="white", anchor="mm", font=ImageFont.load_default(48))
    pen.text((164, 80), name.split()[0], fill=colour, anchor="lm", font=ImageFont.load_default(36))
    return encode(canvas, "PNG"), LOGO_SIZE, "png"


def encode(canvas, image_format, **options):
    buffer = BytesIO()
    canvas.save(buffer, image_format, **options)
    return buffer.getvalue()
