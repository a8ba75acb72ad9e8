"""The admin as volunteers meet it: plain menu, our branding, page types, accessibility checker."""

import json
import re

import pytest
import wagtail_factories
from django.apps import apps
from django.urls import reverse
from wagtail.models import Page

from tests.cms.factories import SiteSettingsFactory
from tests.cms.test_help_text import OUR_APPS
from tests.contact.factories import FormPageFactory

pytestmark = pytest.mark.django_db


def main_menu(client):
    """The sidebar's menu as {label: [sub-item labels]}, as the admin's JavaScript receives it."""
    html = client.get("/admin/").content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S).group(1)
    (module,) = [
        module
        for module in json.loads(props)["modules"]
        if module["_type"] == "wagtail.sidebar.MainMenuModule"
    ]
    menu = {}
    for item in module["_args"][0]:
        details, children = item["_args"][0], item["_args"][1:2]
        submenu = children[0] if children and isinstance(children[0], list) else []
        menu[details["label"]] = [child["_args"][0]["label"] for child in submenu]
    return menu


def test_editors_menu_has_plain_names_and_nothing_technical(signed_in_as):
    menu = main_menu(signed_in_as("Editors"))
    assert list(menu)[:8] == [
        "Pages",
        "Events",
        "Closure days",
        "Resource directory",
        "Partners",
        "Images",
        "Documents",
        "Reports",
    ]
    assert menu["Resource directory"] == ["Resources", "Languages"]
    assert "Snippets" not in menu and "Settings" not in menu
    assert "Page types usage" not in menu["Reports"]
    assert "Forms" not in menu  # what visitors write is for Form managers


def test_form_managers_find_forms_and_the_newsletter(signed_in_as, home_page):
    FormPageFactory(parent=home_page)
    menu = main_menu(signed_in_as("Form managers"))
    assert {"Forms", "Newsletter"} <= set(menu)


def test_moderators_find_workflows_and_the_webhooks_log_under_settings(signed_in_as):
    settings = main_menu(signed_in_as("Moderators"))["Settings"]
    assert settings == ["Workflows", "Workflow tasks", "Webhooks"]


def test_superusers_keep_every_report_and_the_site_settings(admin_client):
    menu = main_menu(admin_client)
    assert "Page types usage" in menu["Reports"]
    assert "Site settings" in menu["Settings"]
    assert "Snippets" not in menu


def test_sign_in_page_and_admin_carry_the_organisations_name_and_logo(client, admin_client):
    logo = wagtail_factories.ImageFactory(title="Logo")
    SiteSettingsFactory(organisation_name="CONNECT for Mental Health", logo=logo)

    login = client.get("/admin/login/").content.decode()
    dashboard = admin_client.get("/admin/").content.decode()

    assert "<title>Sign in - CONNECT for Mental Health</title>" in login
    assert "<h1>Sign in to CONNECT for Mental Health</h1>" in login
    assert re.search(
        r'class="login-logo"><img alt="CONNECT for Mental Health"[^>]+max-240x120', login
    )
    assert re.search(r'<link rel="icon" href="[^"]+fill-64x64', login)
    assert re.search(
        r"<template data-wagtail-sidebar-branding-logo>\s*<img[^>]+max-80x80", dashboard
    )
    assert re.search(r"<h1[^>]*>\s*CONNECT for Mental Health\s*</h1>", dashboard)


def test_before_settings_are_filled_in_the_admin_uses_the_site_name(client, settings):
    settings.WAGTAIL_SITE_NAME = "Peer support site"
    login = client.get("/admin/login/").content.decode()
    assert "<h1>Sign in to Peer support site</h1>" in login
    assert 'class="icon-wagtail' in login  # Wagtail's own logo until there is one


def our_page_types():
    return [
        model
        for app in OUR_APPS
        for model in apps.get_app_config(app).get_models()
        if issubclass(model, Page)
    ]


@pytest.mark.parametrize("model", our_page_types(), ids=lambda model: model.__name__)
def test_every_page_type_has_a_description_and_an_icon_of_its_own(model):
    assert model.get_page_description()
    assert model.admin_icon != "doc-empty-inverse"


def test_add_a_page_shows_each_types_icon_and_description(admin_client, home_page):
    html = admin_client.get(reverse("wagtailadmin_pages:add_subpage", args=[home_page.pk]))
    html = html.content.decode()
    for model in home_page.specific_class.allowed_subpage_models():
        url = reverse(
            "wagtailadmin_pages:add",
            args=[model._meta.app_label, model._meta.model_name, home_page.pk],
        )
        entry = re.search(rf'href="{url}">(.*?)</a>', html, re.S).group(1)
        assert f'href="#icon-{model.admin_icon}"' in entry
        assert str(model.get_page_description()) in entry.replace("&#x27;", "'")


def test_editor_sees_the_accessibility_checker_on_the_sites_own_pages(signed_in_as, home_page):
    response = signed_in_as("Editors").get(home_page.url)
    html = response.content.decode()
    assert "<wagtail-userbar></wagtail-userbar>" in html
    assert 'id="checker-trigger"' in html and 'id="checker-axe-configuration"' in html
    # Its scripts come from the site itself, which the Content-Security-Policy allows.
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src" not in csp
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert any("wagtailadmin/js/userbar.js" in src for src in scripts)
    assert all(src.startswith(("/", "http://testserver/")) for src in scripts)


def test_visitors_get_no_userbar(client, home_page):
    assert "wagtail-userbar" not in client.get(home_page.url).content.decode()
