"""Generated directory entries for load_scale_content: services across Ontario, in many languages."""

from datetime import timedelta
from itertools import product

from django.utils import timezone
from django.utils.text import slugify
from wagtail.search.backends import get_search_backend

from benchmarks.scale import BATCH_SIZE, PREFIX, batched, email, rng, shuffled, website
from benchmarks.scale.places import address, phone_number, place
from resources.models import Language, PhoneNumber, Resource, ResourceTag

REGIONS = [
    "London",
    "Middlesex",
    "Thames Valley",
    "Forest City",
    "Elgin",
    "Oxford County",
    "Huron",
    "Perth",
    "Lambton",
    "Chatham-Kent",
    "Grey Bruce",
    "Waterloo Region",
    "Wellington",
    "Hamilton",
    "Niagara",
    "Windsor-Essex",
    "Toronto",
    "Ottawa",
    "Kingston",
    "Northern Ontario",
    "Southwestern Ontario",
    "Ontario",
]
GROUPS = ["", "Youth", "Women's", "Francophone", "Indigenous", "Newcomer", "Seniors'", "Family"]
SERVICES = [
    "Peer Support",
    "Family Support",
    "Housing Help",
    "Crisis Line",
    "Wellness",
    "Recovery",
    "Addiction Services",
    "Counselling",
    "Employment Support",
    "Grief Support",
    "Eating Disorder Support",
    "Legal Clinic",
    "Food Bank",
    "Mental Health",
    "Warm Line",
    "Harm Reduction",
    "Caregiver Support",
    "Trauma Recovery",
    "Self-Help",
    "Income Support",
    "Advocacy",
    "Mindfulness",
    "Suicide Prevention",
    "Community Health",
]
KINDS = [
    "Centre",
    "Network",
    "Association",
    "Services",
    "Collective",
    "Clinic",
    "Program",
    "Coalition",
    "Alliance",
    "Hub",
    "Society",
    "Outreach",
    "Circle",
    "Project",
]
AREAS = ["London and Middlesex", "Southwestern Ontario", "Ontario", "Online, anywhere in Canada"]
# Languages spoken in London beyond English and French, for the directory's language filter.
LANGUAGES = [
    ("ar", "Arabic"),
    ("es", "Spanish"),
    ("pa", "Punjabi"),
    ("zh", "Chinese"),
    ("pt", "Portuguese"),
    ("vi", "Vietnamese"),
    ("so", "Somali"),
    ("tl", "Tagalog"),
]
PHONE_LABELS = ["Main line", "Intake", "Warm line", "Front desk"]


def ensure_languages():
    """English, French and the generated languages, adding those missing."""
    for code, name in LANGUAGES:
        Language.objects.get_or_create(code=code, defaults={"name": name})
    return list(Language.objects.filter(code__in=["en", "fr", *dict(LANGUAGES)]))


def remove_unused_languages():
    Language.objects.filter(code__in=dict(LANGUAGES), resources=None).delete()


def resource_names(count):
    """The first `count` (name, service), e.g. 'Thames Valley Youth Housing Help Network'."""
    combos = shuffled("resource-names", product(REGIONS, GROUPS, SERVICES, KINDS))[:count]
    return [(" ".join(part for part in combo if part), combo[2]) for combo in combos]


def resource_slug(name):
    return f"{PREFIX}{slugify(name)}"[:200]


def resource_spec(number, name, service, languages, categories):
    """An unsaved Resource with its phones, languages and categories."""
    source = rng("resource", number)
    slug = resource_slug(name)
    located = place(source)
    resource = Resource(
        name=name,
        slug=slug,
        short_description=f"{service}: free and confidential, in {located[0]} and nearby. "
        "No referral needed.",
        description="<p>Call or drop in to talk with someone who understands. Staff and peer "
        "volunteers can connect you with other services too.</p>",
        website=website(slug.removeprefix(PREFIX)),
        email=email(slug.removeprefix(PREFIX)) if source.random() < 0.7 else "",
        service_area=source.choice(AREAS),
        peer_run=source.random() < 0.25,
        last_verified=None if source.random() < 0.1 else verified_on(source),
        **(address(source, located) if source.random() < 0.8 else {"city": located[0]}),
    )
    phones = [
        PhoneNumber(label=label, number=phone_number(source, located[2]), sort_order=n)
        for n, label in enumerate(source.sample(PHONE_LABELS, source.randint(1, 2)))
    ]
    if source.random() < 0.2:
        phones.append(
            PhoneNumber(
                label="Toll-free", number=phone_number(source, toll_free=True), sort_order=2
            )
        )
    spoken = [languages[0], *source.sample(languages[1:], source.randint(0, 2))]
    chosen = source.sample(categories, min(len(categories), source.randint(1, 3)))
    return resource, phones, spoken, chosen


def verified_on(source):
    return timezone.localdate() - timedelta(days=source.randint(0, 730))


def ensure_resources(count, categories):
    """The generated resources, adding the missing ones in bulk, a batch at a time; returns (the
    generated resources, how many were added)."""
    languages = ensure_languages()
    languages.sort(key=lambda language: language.code != "en")
    existing = set(Resource.objects.filter(slug__startswith=PREFIX).values_list("slug", flat=True))
    taken = {name.lower() for name in Resource.objects.values_list("name", flat=True)}
    missing = [
        (n, name, service)
        for n, (name, service) in enumerate(resource_names(count))
        if resource_slug(name) not in existing and name.lower() not in taken
    ]
    for batch in batched(missing, BATCH_SIZE):
        specs = [resource_spec(*spec, languages, categories) for spec in batch]
        Resource.objects.bulk_create([resource for resource, *_ in specs])
        save_details(specs)
        made = Resource.objects.filter(pk__in=[resource.pk for resource, *_ in specs])
        get_search_backend().add_bulk(Resource, made.prefetch_related("categories"))
    return Resource.objects.filter(slug__startswith=PREFIX), len(missing)


def save_details(specs):
    """Phones, languages and categories of newly saved resources, in three bulk inserts."""
    phones, spoken, tagged = [], [], []
    through = Resource.languages.through
    for resource, resource_phones, languages, categories in specs:
        for phone in resource_phones:
            phone.resource = resource
        phones.extend(resource_phones)
        spoken.extend(through(resource=resource, language=language) for language in languages)
        tagged.extend(ResourceTag(content_object=resource, tag=tag) for tag in categories)
    PhoneNumber.objects.bulk_create(phones)
    through.objects.bulk_create(spoken)
    ResourceTag.objects.bulk_create(tagged)
