"""The apps installed, one at a time and all together, into a bare `wagtail start` site from the wheel.

Once per run (marker `plugins`, SQLite only): the wheel is built from this tree and installed into a
folder of its own that the host's Python reads first, so the host imports the wheel, never this tree.
The host shares this virtualenv's other packages (Wagtail, the extras' libraries). It has templates
of its own named as some of ours once were (as bakerydemo has `blocks/heading_block.html`), and
nothing of ours but the wheel: no translations but the wheel's.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.plugins

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
# What a developer's tree may hold beside the apps: none of it goes into the wheel.
NOT_BUILT = [
    ".*",
    "build",
    "*.egg-info",
    "node_modules",
    "tests",
    "benchmarks",
    "media",
    "static_collected",
    "*.sqlite3",
    # A checkout's compiled translations: the wheel's are compiled as it is built.
    "*.mo",
]
HOST_APPS = [
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail_headless_preview",
    "wagtail.api.v3",
]
NEEDS = {"programs": [], "resources": ["wagtail_modeladmin"], "contact": [], "partners": []}
API_ROUTES = {"programs": "/events/", "resources": "/resources/", "partners": "/partners/"}
# What each app's answers hold once it works: its data, and its admin menu item.
SHOWS = {
    "programs": {
        "visitor /api/v3/events/": "Drop-in evening",
        "visitor /events/feed.ics": "BEGIN:VCALENDAR",
        "visitor /programs/peer-circle/": "Drop-in evening",
        "Editors /admin/": "Events",
    },
    "resources": {
        "visitor /api/v3/resources/": "Warm line",
        "visitor /resources/": "Warm line",
        "Editors /admin/": "Resource directory",
    },
    "contact": {
        "visitor /contact-us/": "Your message",
        "Form managers /admin/": "Newsletter",
    },
    "partners": {
        "visitor /api/v3/partners/": "Family network",
        "Editors /admin/snippets/partners/partner/": "Family network",
    },
}
# What the host's own base.html shows: wagtail start's stylesheet for the project.
HOST_LAYOUT = "/static/css/hostsite.css"
# The host's own heading block template, in its home app, which comes after ours.
HOST_HEADING = '<p class="host-heading">{{ value }}</p>'
# What wagtail start's own 500.html says.
HOST_ERROR = "Sorry, there seems to be an error."
# What each app's pages say in French, from the wheel's catalogues.
IN_FRENCH = {
    "visitor /events/": "Voir les événements passés",
    "visitor /resources/": "Trouver une ressource",
    "visitor /contact-us/": "Votre vie privée",
}


def run(*args, cwd=None, env=None):
    result = subprocess.run(  # noqa: S603 (our own tools, our own arguments)
        [str(arg) for arg in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    """A bare Wagtail site, and the wheel of this tree installed where only the host looks."""
    root = tmp_path_factory.mktemp("host")
    # Built from a copy: an in-tree build keeps a build/ folder whose stale files reach the next wheel.
    source = shutil.copytree(REPO, root / "source", ignore=shutil.ignore_patterns(*NOT_BUILT))
    run(BIN / "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", root / "dist", source)
    (wheel,) = (root / "dist").glob("wagtail_peer_support-*.whl")
    run(BIN / "pip", "install", "--quiet", "--no-deps", "--target", root / "lib", wheel)
    (root / "site").mkdir()
    run(BIN / "wagtail", "start", "hostsite", root / "site")
    heading = root / "site" / "home" / "templates" / "blocks" / "heading_block.html"
    heading.parent.mkdir(parents=True)
    heading.write_text(HOST_HEADING)
    (root / "site" / "visit_host.py").write_text(
        Path(__file__).with_name("visit_host.py").read_text()
    )
    # The host as it was before adding any of ours: its own tables made once, copied for each case.
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hostsite.settings.dev"}
    run(BIN / "python", "manage.py", "migrate", "--noinput", cwd=root / "site", env=env)
    return root


def configure(host, name, plugins, leave_out=(), language_code=None):
    """The lines docs/plugins.md asks a host to add, for these plugins, as settings and URLs (but
    the apps in `leave_out`); a host in another language starts its database anew in it."""
    site = host / "site" / "hostsite"
    extra = [app for plugin in plugins for app in NEEDS[plugin]]
    needed = [app for app in HOST_APPS + extra if app not in leave_out]
    (site / "settings" / f"with_{name}.py").write_text(
        "from .dev import *  # noqa: F403\n"
        f"INSTALLED_APPS = ['cms', *{plugins!r}, *{needed!r}, *INSTALLED_APPS]  # noqa: F405\n"
        f"DATABASES = {{'default': {{'ENGINE': 'django.db.backends.sqlite3', 'NAME': BASE_DIR / '{name}.sqlite3'}}}}  # noqa: F405\n"
        f"ROOT_URLCONF = 'hostsite.urls_{name}'\n"
        "TEMPLATES[0]['OPTIONS']['context_processors'].append(  # noqa: F405\n"
        "    'wagtail.contrib.settings.context_processors.settings'\n"
        ")\n" + (f"LANGUAGE_CODE = {language_code!r}\n" if language_code else "")
    )
    routes = "".join(
        f"from {plugin}.api import router as {plugin}_router\n"
        f"api.add_router({API_ROUTES[plugin]!r}, {plugin}_router)\n"
        for plugin in plugins
        if plugin in API_ROUTES
    )
    includes = "".join(
        f"    path('', include('{app}.urls')),\n"
        for app in [*plugins, "cms"]
        if app in ("programs", "contact", "cms")
    )
    (site / f"urls_{name}.py").write_text(
        "from django.urls import include, path\n"
        "from wagtail.api.v3.api import api\n"
        "from hostsite.urls import urlpatterns as host_urls\n"
        f"{routes}"
        "urlpatterns = [\n"
        "    path('api/v3/', api.urls),\n"
        "    *host_urls[:-1],\n"
        f"{includes}"
        "    host_urls[-1],  # Wagtail's pages\n"
        "]\n"
    )
    if not language_code:  # Wagtail's first migration makes the site's locale in LANGUAGE_CODE
        shutil.copy(host / "site" / "db.sqlite3", host / "site" / f"{name}.sqlite3")
    env = {**os.environ, "PYTHONPATH": str(host / "lib")}
    env["DJANGO_SETTINGS_MODULE"] = f"hostsite.settings.with_{name}"
    return env


@pytest.mark.parametrize(
    "plugins",
    [["programs"], ["resources"], ["contact"], ["programs", "resources", "contact", "partners"]],
    ids=["programs", "resources", "contact", "all"],
)
def test_plugins_install_into_a_bare_wagtail_site(host, plugins):
    name = "_".join(plugins)
    env = configure(host, name, plugins)
    python = BIN / "python"
    cwd = host / "site"
    where = run(python, "-c", f"import cms, {plugins[0]}; print(cms.__file__)", cwd=cwd, env=env)
    assert where.startswith(str(host / "lib")), "the host must import the wheel, not this tree"
    # check, migrate, makemigrations --check, then the visits
    visited = json.loads(run(python, "visit_host.py", cwd=cwd, env=env))
    answers = visited["pages"]

    assert answers, "no app's pages were visited"
    failed = {url: answer[:2] for url, answer in answers.items() if answer[0] != 200}
    assert failed == {}
    pages = {url: body for url, (_, kind, body) in answers.items() if kind.startswith("text/html")}
    public_pages = [url for url in pages if url.startswith("visitor ")]
    assert public_pages
    outside_layout = [url for url in public_pages if HOST_LAYOUT not in pages[url]]
    assert outside_layout == [], "our pages are shown inside the host's own base.html"
    expected = {url: text for plugin in plugins for url, text in SHOWS[plugin].items()}
    missing = {url: text for url, text in expected.items() if text not in answers[url][2]}
    assert missing == {}
    templates = visited["templates"]
    assert "host-heading" in templates["host blocks/heading_block.html"]
    assert HOST_ERROR in templates["host 500.html"]
    assert "host-heading" not in templates["our heading block"]
    assert HOST_ERROR not in templates["our server error page"]


def test_a_host_in_french_shows_the_apps_in_french_from_the_wheel_alone(host):
    plugins = ["programs", "resources", "contact"]
    env = configure(host, "in_french", plugins, language_code="fr")

    visited = json.loads(run(BIN / "python", "visit_host.py", cwd=host / "site", env=env))

    answers = visited["pages"]
    assert {url: answer[0] for url, answer in answers.items() if answer[0] != 200} == {}
    untranslated = {url: text for url, text in IN_FRENCH.items() if text not in answers[url][2]}
    assert untranslated == {}
    assert "Désolés, un problème est survenu" in visited["templates"]["our server error page"]


def test_a_host_without_an_app_ours_need_is_told_which_by_the_checks(host):
    env = configure(host, "no_preview", ["programs"], leave_out=["wagtail_headless_preview"])

    result = subprocess.run(  # noqa: S603 (our own tools, our own arguments)
        [str(BIN / "python"), "manage.py", "check"],
        cwd=host / "site",
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "(cms.E001) cms needs 'wagtail_headless_preview' in INSTALLED_APPS." in result.stderr
