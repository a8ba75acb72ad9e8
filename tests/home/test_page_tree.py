"""Editors can only build the page tree the templates expect."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from contact.models import FormPage, NewsletterPage
from home.models import ContentPage, HomePage
from programs.models import EventIndexPage, ProgramIndexPage
from resources.models import ResourceIndexPage
from tests.home.factories import ContentPageFactory, HomePageFactory, home_page_as_site_root


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_only_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_content_pages_sit_under_home_or_other_content_pages(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
        self.assertCanNotCreateAt(Page, ContentPage)

    def test_home_page_accepts_content_programs_calendar_form_and_directory_pages(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                ContentPage,
                ProgramIndexPage,
                EventIndexPage,
                FormPage,
                NewsletterPage,
                ResourceIndexPage,
            },
        )
        self.assertCanCreateAt(HomePage, ContentPage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_content_pages_nest(self):
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage})

    def test_only_one_home_page_can_exist(self):
        root = Page.get_first_root_node()
        self.assertTrue(HomePage.can_create_at(root))
        HomePageFactory(parent=root, slug="welcome")
        self.assertFalse(HomePage.can_create_at(root))


class PagesAreRoutableTests(WagtailPageTestCase):
    def test_home_and_content_pages_render(self):
        home = home_page_as_site_root(slug="welcome", body__0="paragraph")
        page = ContentPageFactory(parent=home, body__0="heading", body__1="paragraph")
        # Wagtail's assertPageIsRoutable does not expect the language prefix (/en/): a visit does.
        self.assertEqual(self.client.get(page.url).status_code, 200)
        self.assertPageIsRenderable(home)
        self.assertPageIsRenderable(page)
