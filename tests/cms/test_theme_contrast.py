"""The theme's colours (custom properties in site.css) keep WCAG 2.2 AA contrast, checked without a browser."""

from pathlib import Path

import pytest
import tinycss2
from coloraide import Color

SITE_CSS = Path(__file__).resolve().parents[2] / "cms" / "static" / "cms" / "site.css"
TEXT, NON_TEXT = 4.5, 3  # WCAG 1.4.3 for text; 1.4.11 for focus outlines and field borders

# (foreground, background, minimum ratio, where the pair is seen)
PAIRS = [
    ("--text", "--page", TEXT, "body text"),
    ("--text", "--surface", TEXT, "breadcrumbs, footer, quotes, directory filters"),
    ("--muted", "--page", TEXT, "introductions, help text, '(required)'"),
    ("--muted", "--surface", TEXT, "breadcrumb separators, privacy notices"),
    ("--brand", "--page", TEXT, "links"),
    ("--brand", "--surface", TEXT, "links in the footer and breadcrumbs"),
    ("--brand-dark", "--page", TEXT, "links under the pointer, home page heading"),
    ("--brand-dark", "--surface", TEXT, "footer links under the pointer"),
    ("--on-brand", "--brand", TEXT, "header and buttons"),
    ("--on-brand", "--brand-dark", TEXT, "buttons under the pointer, skip link"),
    ("--notice-text", "--notice-bg", TEXT, "crisis notice"),
    ("--error", "--page", TEXT, "form errors"),
    ("--cancelled", "--page", TEXT, "'Cancelled' labels"),
    ("--postponed", "--page", TEXT, "'Postponed' labels"),
    ("--focus", "--page", NON_TEXT, "focus outline"),
    ("--focus", "--surface", NON_TEXT, "focus outline in the footer and filters"),
    ("--focus", "--notice-bg", NON_TEXT, "skip link's focus outline, over the crisis notice"),
    ("--focus-on-brand", "--brand", NON_TEXT, "focus outline in the header"),
    ("--muted", "--page", NON_TEXT, "form field borders"),
    ("--error", "--page", NON_TEXT, "borders of fields with errors"),
]
# Lines between things, which nobody needs to see to use the page (WCAG 1.4.11 exempts them).
DECORATIVE = {"--rule", "--notice-rule", "--menu-rule"}


def rules(css):
    return tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)


def text(tokens):
    return tinycss2.serialize(tokens).strip()


def declarations(rule):
    return tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)


def theme_colours():
    """The custom properties declared in site.css's :root rule, by name."""
    root = next(rule for rule in rules(SITE_CSS.read_text()) if text(rule.prelude) == ":root")
    values = {declaration.name: text(declaration.value) for declaration in declarations(root)}
    return {name: value for name, value in values.items() if Color.match(value)}


def colour_literals(rule_list):
    """Colours written out (#hex, rgb(), hsl()) in these rules, leaving out :root and print."""
    for rule in rule_list:
        if rule.type == "at-rule" and rule.content is not None:
            if "print" not in text(rule.prelude):
                yield from colour_literals(rules(text(rule.content)))
        elif rule.type == "qualified-rule" and text(rule.prelude) != ":root":
            for token in tinycss2.parse_component_value_list(text(rule.content)):
                if token.type == "hash" or (
                    token.type == "function" and token.lower_name in {"rgb", "rgba", "hsl", "hsla"}
                ):
                    yield f"{text(rule.prelude)}: {token.serialize()}"


@pytest.mark.parametrize(
    "foreground, background, minimum",
    [pytest.param(*pair[:3], id=f"{pair[0]} on {pair[1]} ({pair[3]})") for pair in PAIRS],
)
def test_theme_colour_pair_has_enough_contrast(foreground, background, minimum):
    colours = theme_colours()
    ratio = Color(colours[foreground]).contrast(colours[background], method="wcag21")
    assert ratio >= minimum, f"{ratio:.2f}:1"


def test_every_theme_colour_is_checked_or_only_decorative():
    checked = {name for pair in PAIRS for name in pair[:2]}
    assert set(theme_colours()) - checked == DECORATIVE


def test_colours_are_only_set_in_the_theme():
    assert list(colour_literals(rules(SITE_CSS.read_text()))) == []


def test_contrast_check_catches_a_pale_colour():
    assert Color("#767676").contrast("#fff", method="wcag21") >= TEXT
    assert Color("#777777").contrast("#fff", method="wcag21") < TEXT
