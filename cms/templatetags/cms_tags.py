"""Template tags shared by every page: navigation, phone links, languages and cached fragments."""

import gettext
from functools import cache
from pathlib import Path
from typing import NamedTuple

from django import template
from django.apps import apps
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Left, Length
from django.urls import reverse
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from wagtail.models import Page, PageViewRestriction
from wagtail.templatetags.wagtailcore_tags import richtext

from cms.caching import cached, site_for
from cms.translations import localized_pages

register = template.Library()


@register.filter
def tel_href(number):
    """A phone number as a tap-to-call link target: "9-8-8" becomes "tel:988"; extensions dropped."""
    main_part = str(number).lower().split("ext")[0].split("x")[0]
    digits = "".join(ch for ch in main_part if ch.isdigit() or ch == "+")
    return f"tel:{digits}" if digits else ""


@register.simple_tag(takes_context=True)
def page_url(context, page, route=None, *args):
    """{% page_url page %}, or {% page_url page "route" arg ... %} for a route of a routable page:
    Wagtail's {% pageurl %} and {% routablepageurl %}, with the answer's site from the cache."""
    request = context.get("request")
    url = page.relative_url(site_for(request), request) if request else page.url
    if route is None:
        return url
    return url.rstrip("/") + "/" + page.reverse_subpage(route, args=args)


@register.filter
def translated(item, name):
    """The text `name` of an item with a field per language (cms.translations), as plain text in
    the visitor's language where it is translated: for attributes and titles."""
    return item.shown_text(name)


@register.simple_tag
def shown(item, name, rich=False):
    """The text `name` of an item with a field per language (cms.translations) in the visitor's
    language, or in the original marked with its `lang` when it is not translated yet; `rich` for
    rich text."""
    text, language = item.shown(name)
    html = richtext(text) if rich else conditional_escape(text)
    if not text or language == translation.get_language():
        return html
    tag = "div" if rich else "span"
    return format_html("<{0}{1}>{2}</{0}>", tag, language_attributes(language), html)


@register.filter
def language_attributes(code):
    """` lang="en"` for a part of the page in another language, with `dir` where that language
    is written the other way (English on an Arabic page: ` lang="en" dir="ltr"`)."""
    attributes = format_html(' lang="{}"', code)
    right_to_left = LANG_INFO.get(code, {}).get("bidi", False)
    if right_to_left != translation.get_language_bidi():
        attributes += format_html(' dir="{}"', "rtl" if right_to_left else "ltr")
    return attributes


@register.filter
def interface_language(code):
    """The language the site's own words (menus, notices) come in for visitors reading `code`:
    that language where the site's strings have been translated into it, else the original."""
    return code if has_site_catalogue(code) else settings.LANGUAGE_CODE


@cache
def has_site_catalogue(code):
    """Whether the project's or the shared app's strings are translated into this language."""
    folders = [*settings.LOCALE_PATHS, Path(apps.get_app_config("cms").path) / "locale"]
    locale = translation.to_locale(code)
    return code == settings.LANGUAGE_CODE or any(
        gettext.find("django", folder, [locale]) for folder in folders
    )


@register.inclusion_tag("cms/components/main_menu.html", takes_context=True)
def main_menu(context):
    """Home, then the live, public pages under it marked 'Show in menus': each in the visitor's
    language where it is translated, else the original (its link marked with its language)."""
    request = context.get("request")
    site = site_for(request) if request else None
    if site is None:
        return {"home": None, "items": [], "request": request}
    original = site.root_page
    pages = original.get_children().live().in_menu().exclude(Exists(restricted_ancestor()))
    return {
        "home": original.localized,
        "items": in_visitor_language(list(pages), original, request),
        "current": context.get("page"),
        "request": request,
    }


class MenuItem(NamedTuple):
    """A page in the menu, its address, and the language of its title when it is not the
    visitor's."""

    page: Page
    url: str
    other_language: str = ""


def in_visitor_language(pages, root, request):
    """Each page's live translation into the visitor's language where there is one (one query),
    else the page itself, its title marked as written in the original language and its address in
    the visitor's language (where it shows in English, marked as not translated yet)."""
    if translation.get_language() == settings.LANGUAGE_CODE:
        return [MenuItem(page, page.get_url(request)) for page in pages]
    shown = localized_pages(pages)
    return [
        MenuItem(page, page.get_url(request))
        if page is not original
        else MenuItem(page, address_in_visitor_language(page, root), settings.LANGUAGE_CODE)
        for page, original in zip(shown, pages, strict=True)
    ]


def address_in_visitor_language(page, root):
    """The address of a page under the site's root in the visitor's language, e.g. /fr/events/:
    the home page's translation leads there to the page itself until it is translated."""
    return reverse("wagtail_serve", args=[page.url_path.removeprefix(root.url_path)])


def restricted_ancestor():
    """View restrictions on a page or its ancestors, as a subquery: what public() does in two."""
    page_path = Left(OuterRef("path"), Length("page__path"))
    return PageViewRestriction.objects.filter(page__path=page_path)


@register.inclusion_tag("cms/components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the home page to this one; nothing on the home page itself."""
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"page": None}
    request = context.get("request")
    return {"page": page, "ancestors": ancestors_below_root(page, request), "request": request}


def ancestors_below_root(page, request):
    """The page's ancestors from the home page down; no query for a child of the site's root."""
    site = site_for(request) if request else None
    if site and page.path[: -page.steplen] == site.root_page.path:
        return [site.root_page]
    return page.get_ancestors().filter(depth__gt=1)


@register.tag("cached")
def do_cached(parser, token):
    """{% cached "name" part ... %}...{% endcached %}: the enclosed HTML, kept (cms.caching) under
    the name and parts, for this site and language, until the content changes."""
    name, *parts = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endcached",))
    parser.delete_first_token()
    return CachedNode(nodelist, name, parts)


class CachedNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist, self.name, self.parts = nodelist, name, parts

    def render(self, context):
        parts = [part.resolve(context) for part in self.parts]
        name = f"fragment:{self.name.resolve(context)}"
        return cached(name, *parts, make=lambda: self.nodelist.render(context))


class PageLanguage(NamedTuple):
    """One of the site's languages, as the language switcher and hreflang links show it."""

    code: str
    name: str
    url: str
    current: bool
    translated: bool


class PageLanguages(NamedTuple):
    """A link to the page in each of the site's languages, and the language its address asked
    for (/fr/...), which is not the page's own while the page is not translated yet (see
    cms.views.serve_found)."""

    links: list[PageLanguage]
    asked_in: str = ""


@register.simple_tag(takes_context=True)
def page_languages(context):
    """Each of the site's languages: this page's live translation in it, else that language's
    home page (kept, cms.caching, with the page's other parts); and the language the address
    asked for."""
    page, request = context.get("page"), context.get("request")
    if not isinstance(page, Page):
        languages = links_to_languages(None, request)
    else:
        languages = cached(
            "page-languages", page.pk, make=lambda: links_to_languages(page, request)
        )
    asked_in = getattr(request, "LANGUAGE_CODE", "") or translation.get_language()
    return languages._replace(asked_in=asked_in)


def links_to_languages(page, request):
    current = translation.get_language()
    translations = {}
    if page is not None:
        versions = page.get_translations(inclusive=True).filter(Q(live=True) | Q(pk=page.pk))
        for version in versions.select_related("locale"):
            translations[version.locale.language_code] = version
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_url(request)
        else:
            with translation.override(code):
                url = reverse("wagtail_serve", args=[""])
        links.append(PageLanguage(code, name, url, code == current, code in translations))
    return PageLanguages(links)
