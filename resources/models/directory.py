"""The directory's data: resources (organisations and services), their phones and languages."""

import re
import uuid

from dateutil.relativedelta import relativedelta
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from cms.blocks import PARAGRAPH_FEATURES
from cms.models import PostalAddress
from cms.translations import TranslatedFieldsMixin, shown_order
from resources.validators import tel_uri, validate_phone_number

# A resource not checked for this long is flagged for a volunteer to re-check.
VERIFY_EVERY = relativedelta(months=12)
MAX_SEARCH_LENGTH = 200
# Characters the SQLite full-text search treats as syntax, and would fail on when unbalanced.
SEARCH_SYNTAX = re.compile(r'["\x00*^():{}\[\]]')


class Language(TranslatedFieldsMixin, models.Model):
    """A language a resource offers its services in."""

    code = models.CharField(
        max_length=12,
        unique=True,
        validators=[
            RegexValidator(
                r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$",
                "Use the short lowercase language code, e.g. 'fr' for French or 'pa' for Punjabi.",
            )
        ],
        help_text="The standard short code, used in web addresses: 'en' for English, 'fr' for "
        "French, 'ar' for Arabic…",
    )
    name = models.CharField(
        max_length=60, unique=True, help_text="The language as visitors read it, e.g. 'French'."
    )
    name_fr = models.CharField(
        "Name in French",
        max_length=60,
        blank=True,
        help_text="The language as French-speaking visitors read it, e.g. 'français' for French or "
        "'arabe' for Arabic. Left blank, French-speaking visitors read the English one.",
    )

    panels = [FieldPanel("name"), FieldPanel("name_fr"), FieldPanel("code")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class ResourceTag(TaggedItemBase):
    content_object = ParentalKey(
        "resources.Resource", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        # A category's resources straight from the index, without reading the tagging rows.
        indexes = [
            models.Index(fields=["tag", "content_object"], name="resourcetag_tag_resource_idx")
        ]


def categories_in_use():
    """The tags given to at least one resource, by name. (EXISTS looks up each of the few tags in
    the index; a join with DISTINCT read all 10,000 taggings at factor 1,000: 2 ms, now 0.1.)"""
    given = ResourceTag.objects.filter(tag=OuterRef("pk"))
    return Tag.objects.filter(Exists(given)).order_by(Lower("name"))


class UnknownFilterValue(ValueError):
    """A category or language the directory does not have: which parameter, and what exists."""

    def __init__(self, parameter, value, known):
        super().__init__(f"There is no {parameter} '{value}'.")
        self.parameter = parameter
        self.known = list(known)


def clean_search(text):
    """Free text as plain words: search syntax removed, spaces collapsed, length capped."""
    return " ".join(SEARCH_SYNTAX.sub(" ", text or "").split())[:MAX_SEARCH_LENGTH]


def details():
    """What a listing shows of each resource, as plain lists (phone_list, language_list,
    category_list): a prefetch into a manager builds a queryset per resource, which costs more
    than the queries saved on a long listing."""
    return (
        Prefetch("phone_numbers", to_attr="phone_list"),
        Prefetch("languages", to_attr="language_list"),
        Prefetch("categories", to_attr="category_list"),
    )


class ResourceQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def in_category(self, slug):
        return self.filter(categories__slug=slug)

    def in_language(self, code):
        return self.filter(languages__code=code)

    def needing_verification(self, today=None):
        """Never checked, or last checked more than 12 months ago."""
        cutoff = (today or timezone.localdate()) - VERIFY_EVERY
        return self.filter(
            models.Q(last_verified__isnull=True) | models.Q(last_verified__lt=cutoff)
        )

    def matching(self, text):
        """Those a Wagtail search finds by name, description or category, or by a name's start.
        Only their ids are read, unranked: the listing has its own order, and ranking every match
        (SQLite scores each row in a subquery of its own) cost seconds with 50,000 resources."""
        ids = Resource.objects.only("pk")
        found = {resource.pk for resource in ids.search(text, order_by_relevance=False)}
        found.update(resource.pk for resource in ids.autocomplete(text, order_by_relevance=False))
        return self.filter(pk__in=found)

    def with_details(self):
        """Everything a listing shows, fetched in a fixed number of queries however many there are
        (see details)."""
        return self.prefetch_related(*details())

    def filtered(self, category="", language="", search="", categories=None, languages=None):
        """In a category and language, matching the text, by name as the visitor reads it (add
        with_details() for what a listing shows). Pass the categories in use and the languages if
        already fetched, so they are not fetched again."""
        resources = self
        if category:
            categories = categories_in_use() if categories is None else categories
            known = [tag.slug for tag in categories]
            if category not in known:
                raise UnknownFilterValue("category", category, known)
            resources = resources.in_category(category)
        if language:
            languages = Language.objects.all() if languages is None else languages
            known = [each.code for each in languages]
            if language not in known:
                raise UnknownFilterValue("language", language, known)
            resources = resources.in_language(language)
        search = clean_search(search)
        if search:
            resources = resources.matching(search)
        return resources.order_by(shown_order(self.model, "name"))


class ResourceForm(WagtailAdminModelForm):
    """The admin form, with messages a volunteer can act on."""

    class Meta:
        error_messages = {
            "website": {"invalid": "Enter the whole web address, e.g. https://www.opdi.org"},
            "email": {"invalid": "Enter an email address like info@example.org"},
        }


class Resource(TranslatedFieldsMixin, index.Indexed, PostalAddress, ClusterableModel):
    """An organisation or service in the directory, in a shape that exports to Open Referral."""

    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    name = models.CharField(
        max_length=200,
        unique=True,
        help_text="The organisation's or service's own name, e.g. 'Ontario Peer Development "
        "Initiative'.",
    )
    slug = models.SlugField(
        max_length=200,
        unique=True,
        blank=True,
        error_messages={
            "unique": "Another resource already uses this web address: type a different one."
        },
        help_text="The end of its web address, e.g. 'ontario-peer-development-initiative'. "
        "Leave blank to make it from the name.",
    )
    short_description = models.TextField(
        max_length=300,
        help_text="One or two sentences shown in the list: what it offers and to whom.",
    )
    description = RichTextField(
        features=PARAGRAPH_FEATURES,
        blank=True,
        help_text="Optional: more detail shown on the resource's own page.",
    )
    name_fr = models.CharField(
        "Name in French",
        max_length=200,
        blank=True,
        help_text="Optional: the French name, if the organisation has one. Left blank, "
        "French-speaking visitors read the English one.",
    )
    short_description_fr = models.TextField(
        "Short description in French",
        max_length=300,
        blank=True,
        help_text="The one or two sentences shown in the list, as French-speaking visitors read "
        "them. Left blank, French-speaking visitors read the English one.",
    )
    description_fr = RichTextField(
        "Description in French",
        features=PARAGRAPH_FEATURES,
        blank=True,
        help_text="Optional: the more detailed text, as French-speaking visitors read it. Left "
        "blank, French-speaking visitors read the English one.",
    )
    website = models.URLField(
        max_length=500, blank=True, help_text="Its website, e.g. https://www.opdi.org"
    )
    email = models.EmailField(blank=True, help_text="Optional: a general email address.")
    service_area = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who it serves, by place, e.g. 'Ontario', 'London and Middlesex' or 'Online, "
        "anywhere in Canada'.",
    )
    languages = ParentalManyToManyField(
        Language,
        blank=True,
        related_name="resources",
        help_text="The languages people can get help in.",
    )
    peer_run = models.BooleanField(
        "run by peers",
        default=False,
        help_text="Tick if it is run by and for people with lived experience (a peer support or "
        "consumer/survivor organisation).",
    )
    last_verified = models.DateField(
        null=True,
        blank=True,
        help_text="When a volunteer last checked these details with the organisation or its "
        "website. Resources not checked for 12 months are flagged for checking.",
    )
    categories = ClusterTaggableManager(
        through=ResourceTag,
        blank=True,
        help_text="Topics visitors can filter by, e.g. 'family', 'mood disorders', 'advocacy'. "
        "Reuse existing ones where they fit.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ResourceQuerySet.as_manager()
    base_form_class = ResourceForm

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("short_description"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("name_fr"),
                FieldPanel("short_description_fr"),
                FieldPanel("description_fr"),
            ],
            heading="In French",
        ),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("email"),
                InlinePanel("phone_numbers", label="Phone number"),
            ],
            heading="How to reach it",
        ),
        *PostalAddress.address_panels,
        MultiFieldPanel(
            [
                FieldPanel("service_area"),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("peer_run"),
                FieldPanel("categories"),
            ],
            heading="Who it is for",
        ),
        FieldPanel("last_verified"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("name_fr", boost=3),
        index.AutocompleteField("name"),
        index.AutocompleteField("name_fr"),
        index.SearchField("short_description"),
        index.SearchField("short_description_fr"),
        index.SearchField("description"),
        index.SearchField("description_fr"),
        index.RelatedFields("categories", [index.SearchField("name")]),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        duplicates = Resource.objects.exclude(pk=self.pk).filter(name__iexact=self.name.strip())
        if self.name and duplicates.exists():
            raise ValidationError(
                {"name": "A resource with this name is already in the directory."}
            )
        self.slug = self.slug or slugify(self.name)[:200]
        if self.name and not self.slug:
            raise ValidationError(
                {
                    "slug": "Type the end of its web address in letters, numbers and hyphens, e.g. 'peer-line'."
                }
            )

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify(self.name)[:200]
        super().save(*args, **kwargs)
        # Index again now the categories are saved: the automatic update ran before they were.
        index.insert_or_update_object(self)

    @property
    def has_address(self):
        return bool(self.street_address or self.city or self.postal_code)

    @property
    def needs_verification(self):
        return (
            self.last_verified is None or self.last_verified < timezone.localdate() - VERIFY_EVERY
        )


class PhoneNumber(Orderable):
    """One of a resource's phone numbers, with what it is for."""

    resource = ParentalKey(Resource, on_delete=models.CASCADE, related_name="phone_numbers")
    label = models.CharField(
        max_length=60,
        blank=True,
        help_text="What the number is for, e.g. 'Toll-free', 'Main line', 'Warm line'.",
    )
    number = models.CharField(
        max_length=40,
        validators=[validate_phone_number],
        help_text="With the area code, e.g. 416-504-1693 or 1-866-504-1693.",
    )
    extension = models.CharField(
        max_length=10,
        blank=True,
        validators=[RegexValidator(r"^\d{1,8}$", "An extension is digits only, e.g. 6969.")],
        help_text="Optional, digits only, e.g. 6969.",
    )

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("number"), FieldPanel("extension")])]

    def __str__(self):
        return f"{self.number} ext. {self.extension}" if self.extension else self.number

    @property
    def tel_href(self):
        return tel_uri(self.number, self.extension)
