"""A signed-in editor runs Wagtail's accessibility checker on the site, under its real CSP."""

from django.contrib.auth.models import Group

# Records every Content-Security-Policy violation the page reports, before any script runs.
CSP_LISTENER = """
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', event => {
    window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""


def test_editor_runs_the_accessibility_checker_from_the_user_bar(site, browser, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="a long test password")
    editor.groups.add(Group.objects.get(name="Editors"))
    # Unlike the axe-core tests, this one keeps the site's Content-Security-Policy in force.
    context = browser.new_context(bypass_csp=False)
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a long test password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{site}/admin/")

    page.goto(site)
    page.click("#wagtail-userbar-trigger")
    page.click("#checker-trigger")

    assert page.locator("#checker-results").is_visible()
    assert page.evaluate("window.cspViolations") == []
    context.close()
