"""The form pages and newsletter page described in the seed file, ready to add under the home page."""

from contact.models import FormField, FormPage, NewsletterPage


def contact_pages_from_seed(seed):
    """Unsaved pages: each form with its questions in order, then the newsletter page."""
    pages = [form_page(data) for data in seed.get("form_pages", [])]
    if "newsletter_page" in seed:
        pages.append(NewsletterPage(**seed["newsletter_page"]))
    return pages


def form_page(data):
    questions = [
        FormField(sort_order=position, **field)
        for position, field in enumerate(data["form_fields"])
    ]
    return FormPage(**{**data, "form_fields": questions})
