"""Generated partners and explainer pages for load_scale_content."""

from itertools import product

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from benchmarks.scale import PREFIX, WEBSITE_DOMAIN, block_id, rng, shuffled, website
from benchmarks.scale.pages import add_children
from home.models import ContentPage
from partners.models import Partner

PARTNER_PLACES = ["London", "Forest City", "Middlesex", "Thames Valley", "Elgin", "Oxford", "Huron"]
PARTNER_KINDS = [
    "Community Foundation",
    "Mental Health Coalition",
    "Peer Network",
    "Family Alliance",
    "Public Library",
    "Community Health Centre",
    "United Neighbours",
    "Youth Services",
    "Recovery College",
    "Arts Collective",
]
PAGE_PATTERNS = [
    "Understanding {}",
    "Living with {}",
    "Supporting Someone with {}",
    "{}: Questions and Answers",
    "Finding Help for {}",
    "Talking About {}",
    "Self-Care Ideas: {}",
    "Myths and Facts About {}",
]
PAGE_TOPICS = [
    "Anxiety",
    "Depression",
    "Grief",
    "Bipolar Disorder",
    "Psychosis",
    "Trauma",
    "Addiction",
    "Eating Disorders",
    "Loneliness",
    "Burnout",
    "Panic Attacks",
    "Postpartum Depression",
    "Self-Harm",
    "Stress",
    "Sleep Problems",
    "Obsessive-Compulsive Disorder",
    "Seasonal Depression",
    "Chronic Pain",
    "Hoarding",
    "Gambling",
]
PAGE_AUDIENCES = ["", " for Families", " for Young Adults", " at Work", " in Later Life"]


def partner_names(count):
    combos = shuffled("partner-names", product(PARTNER_PLACES, PARTNER_KINDS))[:count]
    return [" ".join(combo) for combo in combos]


def partner_url(name):
    return website(slugify(name))


def ensure_partners(names, logos):
    """The generated partners (known by their websites); returns (those added, how many)."""
    english = Locale.get_default()
    existing = set(
        Partner.objects.filter(url__contains=WEBSITE_DOMAIN).values_list("url", flat=True)
    )
    new = [
        Partner(
            name=name,
            logo=logo,
            url=partner_url(name),
            description=f"{name} works with us on peer support in the community.",
            sort_order=100 + n,
            locale=english,  # bulk_create skips the signal that sets it
        )
        for n, (name, logo) in enumerate(zip(names, logos, strict=True))
        if partner_url(name) not in existing
    ]
    made = Partner.objects.bulk_create(new)
    return made, len(made)


def page_titles(count):
    combos = shuffled("page-titles", product(PAGE_PATTERNS, PAGE_TOPICS, PAGE_AUDIENCES))[:count]
    return [pattern.format(topic) + audience for pattern, topic, audience in combos]


def ensure_content_pages(home, count, material):
    """Explainer pages, a tenth of them sections under the home page with the rest shared among
    them; adds the missing ones in bulk and returns (those added, how many). The material is the
    images, (label, page id) links and category tags their blocks draw on."""
    titles = page_titles(count)
    existing = {
        page.slug: page
        for page in ContentPage.objects.descendant_of(home).filter(slug__startswith=PREFIX)
    }
    sections = max(1, count // 10)
    under = {}  # parent's slug (None: the home page) -> its new pages, sections first
    for n, title in enumerate(titles):
        slug = f"{PREFIX}{slugify(title)}"
        if slug in existing:
            continue
        existing[slug] = ContentPage(**content_page_fields(n, title, slug, material))
        parent = None if n < sections else f"{PREFIX}{slugify(titles[n % sections])}"
        under.setdefault(parent, []).append(existing[slug])
    added = add_children(home, under.pop(None, []))
    for parent, pages in under.items():
        added += add_children(existing[parent], pages)
    return added, len(added)


def content_page_fields(number, title, slug, material):
    """A page's fields: an intro, then headings, paragraphs, and some pictures, FAQs and buttons."""
    subject = title.split(":")[0].lower()
    now = timezone.now()
    return {
        "title": title,
        "slug": slug,
        "intro": f"What {subject} can feel like, what helps, and where to find support nearby.",
        "body": content_blocks(number, subject, material),
        "first_published_at": now,
        "last_published_at": now,
    }


def content_blocks(number, subject, material):
    """Paragraphs under a heading, then some of: a picture, questions, a button and a category's
    resources. Every tenth page has them all, so each kind of block is measured at any size."""
    source = rng("content-page", number)
    every = number % 10 == 0
    blocks = [
        block(
            source,
            "paragraph",
            f"<p>Many people find {subject} hard to talk about. You are "
            "not alone: peer supporters have been there too.</p>",
        ),
        block(source, "heading", {"text": "What can help", "level": "h2"}),
        block(
            source,
            "paragraph",
            "<ul><li>Talking with someone you trust</li><li>Regular "
            "sleep, meals and time outdoors</li><li>A peer support group</li></ul>",
        ),
    ]
    if every or source.random() < 0.4:
        image = source.choice(material["images"])
        value = {"image": image.pk, "decorative": False, "alt_text": image.title}
        blocks.append(block(source, "image", {"image": value, "caption": ""}))
    if every or source.random() < 0.4:
        blocks.append(block(source, "faq", faq(source, subject)))
    if every or source.random() < 0.6:
        label, page_id = source.choice(material["links"])
        blocks.append(block(source, "call_to_action", {"label": label, "page": page_id, "url": ""}))
    if every or source.random() < 0.2:
        category = source.choice(material["categories"]).slug
        listing = {"heading": "Where to find help", "category": category, "count": 5}
        blocks.append(block(source, "resources", listing))
    return blocks


def faq(source, subject):
    questions = [
        ("Do I need a referral?", "<p>No. Anyone can come to our groups, free of charge.</p>"),
        ("Can a family member come with me?", "<p>Yes, family and friends are welcome.</p>"),
        ("Is it confidential?", "<p>Yes. What is shared in the group stays in the group.</p>"),
        (f"Where can I learn more about {subject}?", "<p>Ask us, or see our resource list.</p>"),
    ]
    chosen = source.sample(questions, source.randint(2, 4))
    return {
        "heading": "Common questions",
        "questions": [{"question": q, "answer": a} for q, a in chosen],
    }


def block(source, block_type, value):
    return {"type": block_type, "value": value, "id": block_id(source)}
