"""docs/editor-guide.md: every picture it shows exists and says in words what it shows."""

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
GUIDE = DOCS / "editor-guide.md"
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<path>[^)]+)\)")


def test_every_picture_in_the_guide_exists_and_has_alt_text():
    images = list(IMAGE.finditer(GUIDE.read_text()))
    assert len(images) >= 10
    for image in images:
        assert len(image["alt"]) > 20, f"{image['path']} needs alt text saying what it shows"
        assert (DOCS / image["path"]).is_file(), f"{image['path']} is missing"
