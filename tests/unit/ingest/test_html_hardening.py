"""HTML hardening (issue 14): an article nested deeper than libxml2's depth limit is still
extracted, and a page that is only a cookie-consent or login wall is refused as no article.

Every text here is invented for these tests.
"""

from __future__ import annotations

import re

import pytest

from onrecord.errors import EmptyInputError
from onrecord.ingest import boilerplate, html
from onrecord.ingest.html import parse_html

BREAKWATER = [
    "PORT VELL — The harbour authority said on Tuesday that the northern breakwater would close "
    "for repairs after a winter storm cracked two of its concrete blocks.",
    "Engineers from the regional ministry inspected the damage on Monday and told reporters "
    "that the work would take about six weeks, weather permitting.",
    "“We cannot let the fishing fleet moor behind a wall that may not hold,” the harbour master, "
    "Oriol Mestres, said at the quay. Crews will be moved to the southern quay until May.",
]
TITLE = "Storm-damaged breakwater to close for six weeks"


def _page(body: str, title: str = TITLE) -> str:
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
            f"</head><body>{body}</body></html>")


def _article(paragraphs: list[str] = BREAKWATER, title: str = TITLE) -> str:
    ps = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<article><h1>{title}</h1>{ps}</article>"


# -- deep nesting -------------------------------------------------------------------------------
@pytest.mark.parametrize("depth", [300, 1000, 5000])
@pytest.mark.parametrize("wrapper", ["div", "span", "section", "blockquote"])
def test_an_article_nested_deeper_than_the_parser_limit_is_extracted(depth, wrapper):
    page = _page(f"<{wrapper} class='w'>" * depth + _article() + f"</{wrapper}>" * depth)
    article = parse_html(page, "deep.html")
    assert article.title == TITLE
    assert article.text == "\n\n".join(BREAKWATER)


def test_an_article_after_a_deeply_nested_block_is_extracted():
    sidebar = "<div>" * 400 + "<p>Advertisement</p>" + "</div>" * 400
    article = parse_html(_page(sidebar + _article()), "after.html")
    assert article.text == "\n\n".join(BREAKWATER)


def test_deep_lists_and_unclosed_items_are_flattened():
    page = _page("<ul><li>" * 3000 + _article())
    assert parse_html(page, "lists.html").text.endswith(BREAKWATER[-1])


def test_flatten_nesting_keeps_shallow_markup_and_all_text():
    shallow = _page("<div><div>" + _article() + "</div></div>")
    assert html.flatten_nesting(shallow) == shallow
    deep = _page("<div>" * 600 + "<script>var s = '<div>';</script>" + _article()
                 + "</div>" * 600)
    flat = html.flatten_nesting(deep, limit=50)
    # html and body are two of the 50 levels kept; one more "<div>" is the script's
    assert flat.count("<div>") - 1 == flat.count("</div>") == 48
    assert "<script>var s = '<div>';</script>" in flat
    assert re.sub(r"<[^>]*>", "", flat) == re.sub(r"<[^>]*>", "", deep)


# -- walls --------------------------------------------------------------------------------------
CONSENT = _page("""<div class="page"><h1>We value your privacy</h1>
<p>We and our 612 partners store and/or access information on a device, such as cookies, and
process personal data, such as unique identifiers and standard information sent by a device,
for personalised ads and content, ad and content measurement, and audience insights.</p>
<p>With your permission we and our partners may use precise geolocation data and
identification through device scanning. You may click to consent to our and our partners'
processing as described above.</p>
<p>Alternatively you may change your preferences before consenting, or refuse to consent.
Some processing of your personal data may not require your consent, but you have a right to
object to such processing.</p>
<p>You can withdraw your consent at any time from the Privacy button at the foot of the
page.</p>
<p><button>Accept all</button> <button>Reject all</button>
<button>Manage preferences</button></p></div>""", title="Coastal Courier")

LOGIN = _page("""<div class="gate"><h1>Sign in to continue reading</h1>
<p>Login to access your account and keep reading the stories from your town. Subscribers get
unlimited digital access to every article and the full archive.</p>
<p>Email address</p><p>Password</p><p>Remember me. Forgot your password?</p>
<p>Don't have an account? Create a free account in a minute, or subscribe to read everything
for 1 euro a week for the first three months. Cancel anytime.</p>
<p>Already a subscriber? Sign in with the email address you subscribed with.</p></div>""",
              title="Coastal Courier")

SUBSCRIBE = _page("<div><h1>Subscribe to read</h1><p>This article is for subscribers. "
                  "Subscribe now to keep reading.</p></div>", title="The Valley Post")

COOKIE_RULING = [
    "BRUSSELS — The data protection authority fined an online retailer 2.4 million euros on "
    "Wednesday over cookie banners that made it far harder to refuse tracking than to accept "
    "it.",
    "Inspectors found that the retailer's banner offered an \"Accept all\" button on its first "
    "screen while visitors who wanted to reject all cookies had to open four menus, the "
    "authority said in its decision.",
    "\"Consent that is squeezed out of people by design is not consent,\" the authority's "
    "chair, Hedda Lindqvist, told reporters, adding that the retailer had processed the "
    "personal data of millions of shoppers without a valid legal basis.",
    "The retailer said it would appeal. Its lawyers argued that the banner had been built by "
    "an outside firm and followed the guidance the authority itself published in 2021.",
    "The fine is the largest the authority has imposed under the privacy law, and it comes as "
    "the European Commission weighs rules that would let browsers send a single signal "
    "refusing consent on every site.",
]


@pytest.mark.parametrize("page, wall", [(CONSENT, "a cookie-consent wall"),
                                        (LOGIN, "a login or subscription wall"),
                                        (SUBSCRIBE, "a login or subscription wall")])
def test_a_wall_is_refused_as_no_article(page, wall):
    with pytest.raises(EmptyInputError) as caught:
        parse_html(page, "wall.html")
    assert str(caught.value) == f"no article text found in the HTML: the page is {wall}"


def test_an_article_with_a_sign_in_line_is_kept():
    body = ("<header><a href='/login'>Sign in</a> <a href='/subscribe'>Subscribe</a></header>"
            + _article(BREAKWATER[:2] + ["Sign in"] + BREAKWATER[2:]))
    article = parse_html(_page(body), "signin.html")
    assert article.text.startswith(BREAKWATER[0]) and article.text.endswith(BREAKWATER[-1])


def test_an_article_with_a_short_consent_banner_is_kept():
    banner = ("<div><p>We use cookies to personalise content. By clicking Accept all you "
              "consent to our cookie policy.</p><p>Accept all</p><p>Manage preferences</p></div>")
    article = parse_html(_page(_article() + banner), "banner.html")
    assert article.text.startswith(BREAKWATER[0])


def test_an_article_about_cookie_banners_is_not_a_wall():
    title = "Retailer fined over cookie banners that hid the reject button"
    article = parse_html(_page(_article(COOKIE_RULING, title), title), "ruling.html")
    assert article.text.startswith(COOKIE_RULING[0])
    assert boilerplate.detect_wall("\n\n".join(COOKIE_RULING)) is None


def test_detect_wall_on_plain_text():
    login = ("Sign in to continue reading\n\nEmail address\nPassword\nForgot your password?\n\n"
             "Already a subscriber? Log in to your account.")
    assert boilerplate.detect_wall(login) == "login"
    consent = ("We value your privacy\n\nThis website uses cookies and similar technologies. "
               "By clicking Accept all you consent to our use of cookies.\n\nAccept all\n"
               "Reject all")
    assert boilerplate.detect_wall(consent) == "consent"
    assert boilerplate.detect_wall("\n\n".join([*BREAKWATER, "Sign in"])) is None
    assert boilerplate.detect_wall("") is None


def test_the_wall_phrases_are_package_data():
    from importlib import resources

    raw = resources.files("onrecord").joinpath("data/walls.txt").read_text("utf-8")
    assert "[consent]" in raw and "[login]" in raw


def test_a_plain_text_wall_is_refused_and_an_article_kept():
    from onrecord.ingest.text import parse_text

    wall = ("Sign in to continue reading\n\nLogin to access your account and keep reading the "
            "stories from your town. Subscribers get unlimited digital access to every article."
            "\n\nAlready a subscriber? Sign in with the email address you subscribed with.\n")
    with pytest.raises(EmptyInputError, match="a login or subscription wall"):
        parse_text(wall, "wall.txt")
    article = parse_text("\n\n".join(BREAKWATER[:2] + ["Sign in"] + BREAKWATER[2:]), "a.txt")
    assert article.text.startswith(BREAKWATER[0])


def test_a_short_quotation_about_partners_is_no_consent_wall():
    # an envoy speaking of "our partners" in a short wire item is an article
    text = ("LESBOS — “We are not closing any door,” she said after meeting EU ambassadors. "
            "“But if the survey ship comes back to our continental shelf, we will ask our "
            "partners for sanctions, and we will not be asking alone.”\n\n"
            "(Reporting by the Island Times desk)")
    assert boilerplate.detect_wall(text) is None
    assert boilerplate.detect_wall("We and our partners use cookies. Accept all") == "consent"
