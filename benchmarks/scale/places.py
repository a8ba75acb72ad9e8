"""Plausible Ontario addresses and phone numbers for generated content.

Postal codes use each place's real forward sortation areas; phone numbers use the 555-01xx range
that North America keeps for fiction, so no generated number rings a real person.
"""

from cms.validators import canadian_postal_code
from resources.validators import validate_phone_number

# (city, forward sortation areas, area codes)
PLACES = [
    ("London", "N5V N5W N5X N5Y N5Z N6A N6B N6C N6E N6G N6H N6J N6K N6M", "519 226 548"),
    ("St. Thomas", "N5P N5R", "519"),
    ("Strathroy", "N7G", "519"),
    ("Woodstock", "N4S N4T N4V", "519"),
    ("Stratford", "N5A", "519"),
    ("Sarnia", "N7S N7T N7V N7W", "519"),
    ("Kitchener", "N2A N2B N2E N2G N2H N2M N2P", "519 226"),
    ("Guelph", "N1E N1G N1H N1K", "519 226"),
    ("Windsor", "N8S N8T N8W N8X N9A N9B", "519 226"),
    ("Chatham", "N7L N7M", "519"),
    ("Goderich", "N7A", "519"),
    ("Owen Sound", "N4K", "519"),
    ("Hamilton", "L8L L8M L8N L8P L8R L9A", "905 289"),
    ("Toronto", "M4C M4M M5A M5B M5R M5T M6G M6K", "416 647"),
    ("Ottawa", "K1N K1P K1R K1S K1Y", "613 343"),
    ("Kingston", "K7K K7L K7M", "613"),
    ("Sudbury", "P3A P3B P3C P3E", "705"),
    ("Thunder Bay", "P7A P7B P7C", "807"),
]
STREETS = [
    "Dundas St",
    "Queens Ave",
    "Richmond St",
    "Wellington St",
    "Oxford St E",
    "Adelaide St N",
    "Commissioners Rd E",
    "Wharncliffe Rd S",
    "Hamilton Rd",
    "York St",
    "King St",
    "Queen St",
    "Talbot St",
    "Colborne St",
    "Waterloo St",
    "Clarence St",
    "Horton St E",
    "Central Ave",
    "Dufferin Ave",
    "Huron St",
    "Cheapside St",
    "Springbank Dr",
    "Main St",
    "Church St",
    "Victoria St",
    "Albert St",
    "Ontario St",
    "Erie St",
    "Water St",
    "Elm St",
]
UNITS = ["", "", "", "", "Unit 2", "Suite 100", "Suite 204", "2nd floor", "Unit 12", "Lower level"]
VENUES = [
    "Central Library, Community Room",
    "Carling Heights Community Centre",
    "Trinity Church Hall",
    "CONNECT drop-in room",
    "Kiwanis Seniors' Community Centre",
    "Northwest Community Centre",
    "South London Neighbourhood Resource Centre",
    "Wellness Hub, Room 3",
    "Family Centre Argyle",
    "Covent Garden Market, Market Lane Room",
]
# Letters Canada Post uses in the last three characters of a postal code.
LDU_LETTERS = "ABCEGHJKLMNPRSTVWXYZ"


def place(source):
    """(city, postal code, area codes) of a random place; half of them in London."""
    city, areas, area_codes = PLACES[0] if source.random() < 0.5 else source.choice(PLACES)
    fsa = source.choice(areas.split())
    ldu = f"{source.randint(0, 9)}{source.choice(LDU_LETTERS)}{source.randint(0, 9)}"
    postal_code = f"{fsa} {ldu}"
    canadian_postal_code(postal_code)
    return city, postal_code, area_codes.split()


def address(source, located=None):
    """The PostalAddress fields of a street address in a random place (or the one given)."""
    city, postal_code, _ = located or place(source)
    return {
        "street_address": f"{source.randint(1, 1999)} {source.choice(STREETS)}",
        "unit": source.choice(UNITS),
        "city": city,
        "province": "ON",
        "postal_code": postal_code,
    }


def phone_number(source, area_codes=("519",), toll_free=False):
    """A fictional but valid number, e.g. 519-555-0142 or 1-888-555-0107."""
    line = f"555-01{source.randint(0, 99):02d}"
    number = f"1-{source.choice(['800', '855', '866', '888'])}-{line}" if toll_free else None
    number = number or f"{source.choice(area_codes)}-{line}"
    validate_phone_number(number)
    return number
