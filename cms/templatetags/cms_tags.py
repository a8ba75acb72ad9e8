"""Template tags shared by every page: navigation, phone links and fragment caching."""

from django import template
from django.conf import settings
from wagtail.models import Site

from cms.models import ContentVersion

register = template.Library()


@register.filter
def tel_href(number):
    """A phone number as a tap-to-call link target: "9-8-8" becomes "tel:988"; extensions dropped."""
    main_part = str(number).lower().split("ext")[0].split("x")[0]
    digits = "".join(ch for ch in main_part if ch.isdigit() or ch == "+")
    return f"tel:{digits}" if digits else ""


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """Home, then the live, public pages under it marked 'Show in menus'."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"home": None, "items": [], "request": request}
    home = site.root_page
    return {
        "home": home,
        "items": home.get_children().live().public().in_menu(),
        "current": context.get("page"),
        "request": request,
    }


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the home page to this one; nothing on the home page itself."""
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"page": None}
    return {
        "page": page,
        "ancestors": page.get_ancestors().filter(depth__gt=1),
        "request": context.get("request"),
    }


@register.simple_tag(takes_context=True)
def fragment_cache(context):
    """How long, and under which version, to cache the menu and footer.

    Rather than finding every cached variant (one per page, for the menu's "current page" mark),
    the key holds the site's content version, which any content write moves on (cms.signals);
    old fragments simply expire. Being in the database, it is the same for every worker process.
    """
    version = ContentVersion.for_request(context["request"]).timestamp()
    return {"timeout": settings.FRAGMENT_CACHE_TIMEOUT, "version": version}
