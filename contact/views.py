"""The views behind the visitor forms, which carry no CSRF token so that their pages can be cached.

A page cached for everyone cannot hold each visitor's CSRF token, and a forged post gains an
attacker nothing they could not get by posting directly: an inquiry is only stored, a signup only
gets a confirmation link (double opt-in), and the honeypot, time token and rate limit still apply.
So form pages, the newsletter page's signup and the footer's signup are CSRF-exempt, and nothing
else is: the admin, the API, the newsletter's confirm and unsubscribe buttons and every other page
keep the check.
"""

from django.http import Http404
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from contact.models import NewsletterPage

checked_serve = csrf_protect(wagtail_views.serve)


@csrf_exempt
def serve_page(request, path):
    """Wagtail's page view, CSRF-checked as usual unless the page's own view is csrf_exempt.

    Wagtail serves every page through one view, and CsrfViewMiddleware looks for csrf_exempt on
    that view only, so marking a page's serve method or route would change nothing
    (wagtail/wagtail#3066). This view is exempt from the middleware and applies its check itself.
    """
    if getattr(page_view(request, path), "csrf_exempt", False):
        return wagtail_views.serve(request, path)
    return checked_serve(request, path)


def page_view(request, path):
    """The method that will answer: a routable page's route, or the page's serve; None if no page."""
    # Wagtail keeps the route on the request, so serving the page afterwards does not route again.
    route = Page.route_for_request(request, path)
    if route is None:
        return None
    page, args, _ = route
    if isinstance(page, RoutablePageMixin) and args:
        return args[0]
    return page.serve


@csrf_exempt
@require_POST
def footer_signup(request):
    """A signup from any page's footer, handled as the newsletter page's own form."""
    newsletter_page = NewsletterPage.objects.live().first()
    if newsletter_page is None:
        raise Http404("There is no newsletter page.")
    return newsletter_page.sign_up(request)
