"""Generated programs and events for load_scale_content: plausible groups, workshops and dates."""

from datetime import datetime, time, timedelta
from itertools import product

from django.utils import timezone
from django.utils.text import slugify
from wagtail.search.backends import get_search_backend

from benchmarks.scale import (
    BATCH_SIZE,
    PREFIX,
    WEBSITE_DOMAIN,
    batched,
    block_id,
    email,
    rng,
    shuffled,
    website,
)
from benchmarks.scale.pages import add_children
from benchmarks.scale.places import VENUES, address
from programs.models import Event, EventDate, ProgramPage, ProgramPageTag

TOPICS = [
    "Anxiety",
    "Depression",
    "Grief and Loss",
    "Bipolar Disorder",
    "Hearing Voices",
    "Self-Compassion",
    "Sleep",
    "Stress",
    "Recovery",
    "Mindfulness",
    "Art",
    "Music",
    "Gardening",
    "Walking",
    "Cooking",
    "Employment",
    "Housing",
    "Money Management",
    "Parenting",
    "Caregiving",
    "Substance Use",
    "Trauma",
    "Wellness Recovery Action Plan",
    "Loneliness",
    "Self-Advocacy",
    "Eating Disorders",
    "Obsessive-Compulsive Disorder",
    "Postpartum Mental Health",
    "Chronic Pain",
    "Peer Leadership",
]
KINDS = [
    "Peer Support Group",
    "Drop-In Circle",
    "Workshop",
    "Workshop Series",
    "Skills Group",
    "Discussion Group",
    "Social Club",
    "Walk and Talk",
    "Coffee Hour",
    "Learning Circle",
]
AUDIENCES = [
    ("", "Adults 18+ with lived experience of mental health or addiction issues"),
    ("for Young Adults", "Young adults aged 18 to 29"),
    ("for Families", "Family members and friends of someone living with a mental illness"),
    ("for Older Adults", "Adults 55 and over"),
    ("for Newcomers", "People new to Canada, in their first five years here"),
    ("for Women", "Women and gender-diverse people"),
    ("for Men", "Men and gender-diverse people"),
    ("for 2SLGBTQIA+ People", "Two-spirit, lesbian, gay, bisexual, trans and queer people"),
    ("for Caregivers", "Anyone caring for someone with a mental health or addiction issue"),
]
STANDALONE_EVENTS = [
    "Community Art Night",
    "Open House",
    "Volunteer Information Session",
    "Mental Health Awareness Talk",
    "Peer Supporter Training Information Night",
    "Wellness Fair",
    "Movie Night and Discussion",
    "Holiday Potluck",
    "Bell Let's Talk Day Gathering",
    "Annual General Meeting",
    "Gratitude Walk",
    "Naloxone Training",
    "Coffee with the Board",
    "Book Club",
    "Open Mic Night",
]
TIMES = [time(10), time(10, 30), time(13), time(14), time(18), time(18, 30), time(19)]


def program_specs(count, categories):
    """The first `count` programs: (slug, ProgramPage fields, category tags), titles unique."""
    titles = shuffled("program-titles", product(TOPICS, KINDS, AUDIENCES))[:count]
    return [program_spec(n, title, categories) for n, title in enumerate(titles)]


def program_spec(number, title_parts, categories):
    topic, kind, (audience_title, audience) = title_parts
    source = rng("program", number)
    title = " ".join(part for part in (topic, kind, audience_title) if part)
    slug = f"{PREFIX}{slugify(title)}"[:80]
    how_to_join = source.choice(["drop_in", "drop_in", "register", "email"])
    fields = {
        "title": title,
        "slug": slug,
        "summary": f"A {source.choice(['weekly', 'monthly', 'friendly', 'small'])} "
        f"{kind.lower()} about {topic.lower()}: share what helps, learn from others and leave "
        "with ideas to try.",
        "audience": audience,
        "format": source.choice(["in_person", "in_person", "online", "hybrid"]),
        "facilitation": source.choice(["peer_led", "peer_led", "professional_led"]),
        "cost": source.choice(["Free", "Free", "Free", "$5 suggested donation"]),
        "how_to_join": how_to_join,
        "registration_url": website(slug) if how_to_join == "register" else "",
        "contact_email": email(slug, "programs") if how_to_join == "email" else "",
        "accessibility_notes": source.choice(
            ["Step-free entrance and an accessible washroom.", "Captions on video calls.", ""]
        ),
        "body": [
            {
                "type": "heading",
                "value": {"text": "What to expect", "level": "h2"},
                "id": block_id(source),
            },
            {
                "type": "paragraph",
                "value": f"<p>Each session starts with a check-in. Facilitators with lived "
                f"experience of {topic.lower()} guide the conversation; you can listen or share, "
                "as you like.</p>",
                "id": block_id(source),
            },
        ],
    }
    return slug, fields, source.sample(categories, min(len(categories), source.randint(1, 3)))


def ensure_programs(index, count, categories, images):
    """The generated programs under the programs page, adding the missing ones in bulk;
    (all, added)."""
    specs = program_specs(count, categories)
    existing = {
        p.slug: p for p in ProgramPage.objects.child_of(index).filter(slug__startswith=PREFIX)
    }
    now = timezone.now()
    added, chosen_tags = [], []
    for n, (slug, fields, chosen) in enumerate(specs):
        if slug in existing:
            continue
        image = images[n % len(images)] if images and n % 3 == 0 else None
        existing[slug] = ProgramPage(
            **fields,
            image=image,
            image_alt_text=image.title if image else "",
            first_published_at=now,
            last_published_at=now,
        )
        added.append(existing[slug])
        chosen_tags.append(chosen)
    add_children(index, added)
    ProgramPageTag.objects.bulk_create(
        ProgramPageTag(content_object=page, tag=tag)
        for page, chosen in zip(added, chosen_tags, strict=True)
        for tag in chosen
    )
    return [existing[slug] for slug, _, _ in specs], len(added)


def event_spec(number, programs, today):
    """Event number n: two in three are sessions of a program, the rest one-offs."""
    source = rng("event", number)
    program = programs[number % len(programs)] if programs and number % 3 else None
    title = program.title if program else source.choice(STANDALONE_EVENTS)
    day = today + timedelta(days=source.randint(-365, 365))
    start = timezone.make_aware(datetime.combine(day, source.choice(TIMES)))
    fields = {
        "title": title,
        "slug": f"{PREFIX}{slugify(title)[:80]}-{number + 1}",
        "program": program,
        "start": start,
        "end": start + timedelta(minutes=source.choice([60, 90, 120, 180])),
        "status": source.choices(["scheduled", "cancelled", "postponed"], [92, 5, 3])[0],
        "description": f"<p>{program.summary if program else 'Everyone is welcome.'}</p>",
        **event_place(source),
        **event_repeat(source, day),
    }
    return fields


def event_place(source):
    """Where an event happens: a venue with an address, a video call, or both."""
    event_format = source.choices(["in_person", "online", "hybrid"], [65, 20, 15])[0]
    place = {"format": event_format}
    if event_format != "online":
        place.update(venue_name=source.choice(VENUES), **address(source))
    if event_format != "in_person":
        place["online_url"] = f"https://meet.{WEBSITE_DOMAIN}/{source.randint(1000, 9999)}"
    return place


def event_repeat(source, day):
    """About one in eight repeat weekly for a few months, one in sixteen monthly for up to a year."""
    roll = source.random()
    if roll < 0.125:
        return {"repeat": "weekly", "repeat_until": day + timedelta(weeks=source.randint(4, 26))}
    if roll < 0.1875:
        return {
            "repeat": "monthly",
            "repeat_until": day + timedelta(days=30 * source.randint(3, 12)),
        }
    return {}


def ensure_events(count, programs, today):
    """The generated events, adding the missing ones (known by the number their slugs end in)
    in batches, with their dates and search entries; returns (the generated events, how many
    were added)."""
    slugs = Event.objects.filter(slug__startswith=PREFIX).values_list("slug", flat=True)
    existing = {int(slug.rsplit("-", 1)[1]) - 1 for slug in slugs}
    missing = [n for n in range(count) if n not in existing]
    for batch in batched(missing, BATCH_SIZE):
        made = Event.objects.bulk_create([Event(**event_spec(n, programs, today)) for n in batch])
        EventDate.objects.rebuild(made)
        get_search_backend().add_bulk(Event, made)
    return Event.objects.filter(slug__startswith=PREFIX), len(missing)
