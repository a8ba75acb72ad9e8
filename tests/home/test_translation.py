"""Volunteers translate pages and partners in the admin (wagtail-localize); visitors of /fr/ see
the French where there is some, the English original elsewhere."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from partners.models import Partner
from tests.home.factories import ContentPageFactory, PartnerFactory, translated

pytestmark = pytest.mark.django_db


@pytest.fixture
def french(home_page):
    home_page.body = [("partners", {"heading": "Partners"})]
    home_page.save_revision().publish()
    translated(home_page, body=[("partners", {"heading": "Nos partenaires"})])
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """What a volunteer does in wagtail-localize's editor: each segment given its French (or
    left as it is), then published (once the transaction commits, as wagtail-localize does it)."""

    def translate_into(instance, locale, into_french):
        with django_capture_on_commit_callbacks(execute=True):
            return translated_by_wagtail_localize(instance, locale, into_french)

    return translate_into


def translated_by_wagtail_localize(instance, locale, into_french):
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation = Translation.objects.create(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            data=into_french.get(segment.string.data, segment.string.data),
        )
    translation.save_target(publish=True)
    return instance.get_translation(locale)


def test_page_streamfield_blocks_are_translated_segment_by_segment(
    client, home_page, french, translate
):
    page = ContentPageFactory(
        parent=home_page, slug="about", title="About us", body__0__paragraph__value="<p>Welcome</p>"
    )
    page.save_revision().publish()
    french_page = translate(page, french, {"About us": "À propos", "Welcome": "Bienvenue"})
    assert french_page.body[0].value.source == "<p>Bienvenue</p>"
    html = client.get(french_page.url).content.decode()
    assert french_page.url == "/fr/about/"
    assert "À propos" in html and "<p>Bienvenue</p>" in html


def test_partners_show_in_french_where_translated_and_in_english_elsewhere(
    client, french, translate
):
    PartnerFactory(name="Western University", description="Research partner")
    cmha = PartnerFactory(name="CMHA", logo=None)
    translate(cmha, french, {"CMHA": "ACSM"})
    french_html = client.get("/fr/").content.decode()
    english_html = client.get("/en/").content.decode()
    assert "Nos partenaires" in french_html
    assert "Western University" in french_html and "Western University" in english_html
    assert "ACSM" in french_html and "CMHA" not in french_html
    assert "CMHA" in english_html and "ACSM" not in english_html
    assert Partner.objects.count() == 3


def test_admin_offers_to_translate_a_partner(admin_client, french):
    partner = PartnerFactory(name="CMHA")
    response = admin_client.post(
        f"/admin/localize/submit/snippet/partners/partner/{partner.pk}/", {"locales": [french.pk]}
    )
    assert response.status_code == 302
    assert partner.get_translation(french).name == "CMHA"


def test_editors_and_moderators_may_start_translations():
    for name in ("Editors", "Moderators"):
        codenames = Group.objects.get(name=name).permissions.values_list("codename", flat=True)
        assert "submit_translation" in codenames


def test_a_page_sent_for_translation_stays_a_draft_until_its_french_is_published(
    client, home_page, french, admin_user
):
    page = ContentPageFactory(parent=home_page, slug="about", title="About us")
    page.save_revision().publish()
    TranslationCreator(admin_user, [french]).create_translations(page)
    draft = page.get_translation(french)
    assert not draft.live
    html = client.get("/fr/about/").content.decode()
    assert "pas encore traduite" in html and "About us" in html
