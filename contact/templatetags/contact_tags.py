"""The newsletter signup form in every page's footer."""

from django import template
from django.conf import settings
from django.core.cache import cache

from cms.models import ContentVersion
from contact.forms import NewsletterSignupForm
from contact.models import NewsletterPage

register = template.Library()


@register.inclusion_tag("components/newsletter_signup.html", takes_context=True)
def newsletter_signup(context):
    """The signup form, posting to the newsletter page; nothing without one, or on that page."""
    newsletter_page = live_newsletter_page(context.get("request"))
    current = context.get("page")
    if newsletter_page is None or getattr(current, "pk", None) == newsletter_page.pk:
        return {}
    return {
        "newsletter_page": newsletter_page,
        "form": NewsletterSignupForm(auto_id="newsletter-%s"),
        "request": context.get("request"),
    }


def live_newsletter_page(request):
    """The live newsletter page, or None; kept until the site's content next changes."""
    key = ContentVersion.cache_key(request, "contact:newsletter-page")
    return cache.get_or_set(
        key, lambda: NewsletterPage.objects.live().first(), settings.FRAGMENT_CACHE_TIMEOUT
    )
