"""Generated pages saved in bulk: Wagtail adds pages to its tree one at a time (treebeard's
add_child locks the parent, reads its last child and validates each page), which made adding
thousands of pages the slowest step of a big load."""

from itertools import groupby

from django.db.models import F
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

BATCH_SIZE = 500


def add_children(parent, pages):
    """Save new, unsaved pages as the parent's last children, in order, and index them for search.

    Each gets the tree path, depth and url_path that treebeard's add_child and Page.save() would
    give it, its parent's locale, and its title as draft title; the parent's numchild grows by
    their number. Saving sends no save signals, so the caller moves the content version once.
    """
    if not pages:
        return pages
    place_under(parent, pages)
    rows = Page.objects.bulk_create([page_row(page) for page in pages], batch_size=BATCH_SIZE)
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
        # A raw save writes only the page type's own table: the Page row is written above.
        page.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    for model, same_type in groupby(pages, key=type):
        get_search_backend().add_bulk(model, list(same_type))
    return pages


def place_under(parent, pages):
    """Set the tree fields as add_child does: paths continue after the parent's last child."""
    depth = parent.depth + 1
    last = parent.get_last_child() if parent.numchild else None
    first = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    for step, page in enumerate(pages, start=first):
        page.depth = depth
        page.path = Page._get_path(parent.path, depth, step)
        page.numchild = 0
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.set_url_path(parent)


def page_row(page):
    """The Page table's row of a page of any type (its content type says which)."""
    return Page(
        **{
            field.attname: getattr(page, field.attname)
            for field in Page._meta.concrete_fields
            if not field.primary_key
        }
    )
