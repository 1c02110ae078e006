"""Site furniture told by vocabulary and shape (onrecord.ingest.furniture), and its removal."""

from __future__ import annotations

import json

import pytest

from onrecord.ingest.boilerplate import is_credit_line, remove_boilerplate
from onrecord.ingest.furniture import (
    clean_title,
    furniture_rule,
    is_glued_line,
    load_vocabulary,
    site_name,
    strip_markers,
)
from onrecord.ingest.html import parse_html
from onrecord.ingest.jsonl import parse_jsonl
from onrecord.ingest.text import parse_text
from onrecord.models import Article

LEDE = (
    "The port authority of Vesthamn closed two of its five container terminals on Monday after "
    "a fire in a warehouse spread to a crane, officials said."
)
SECOND = (
    "“Nobody was hurt, and the terminals will reopen on Wednesday,” harbour chief Ola Brenne said."
)
BODY = f"{LEDE}\n\n{SECOND}"


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("IE 11 is not supported. For an optimal experience visit our site on another browser.",
         "notice"),
        ("Your email address will not be published. Required fields are marked *", "notice"),
        ("Copyright: Vesthamn Post © 2024 All rights reserved.", "notice"),
        ("©2024 Harbour Media Group", "notice"),
        ("Disclaimer: this story was generated from a syndicated feed", "notice"),
        ("Syndicated Feed Plugin Powered By :", "notice"),
        ("As low as £1.99 per week", "notice"),
        ("KVHN logo", "notice"),
        ("Share on WhatsApp", "buttons"),
        ("Click to log in!", "notice"),
        ("Advertisement 4", "buttons"),
        ("Image 01 Image 02", "buttons"),
        ("Accessibility links", "buttons"),
        ("Login to access your account", "notice"),
        ("Watch KVHN News Live", "buttons"),
        ("Send in e-mailSend in e-mail", "buttons"),
        ("Read more: Crane collapse injures two | Port strike called off", "link"),
        ("MORE: Port authority says terminals will reopen", "link"),
        ("Read: Dock workers vote to accept pay offer", "link"),
        ("More: Who runs the port of Vesthamn?", "link"),
        ("SportSports Results", "glued"),
        ("Listen to the podcastPodcasts", "glued"),
        ('[pullquote author="Ola Brenne" align="left"]', "template"),
        ("Menu icon Three horizontal lines stacked on top of each other.", "icon"),
    ],
)
def test_furniture_lines(line: str, rule: str) -> None:
    assert furniture_rule(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        LEDE,
        SECOND,
        "Sign of the times",
        "Follow the money",
        "Share prices fell",
        "Pause.",
        "Instagram and Facebook.",
        "Live music returns to the quay",
        "Read more, the harbour master told latecomers at the gate.",
        "Powered by a surge in exports, the port handled a record 9 million containers.",
        "Copyright lawsuits against the port's software supplier were settled last year.",
        "Watch: the crane folds in seconds as workers run for cover.",
        "Click here to read the minister's full statement, the opposition urged voters.",
        "PlayStation sales",
        "McAllister and DeWitt",
        "Fox News",
        "Vesthamn Post",
    ],
)
def test_text_is_not_furniture(line: str) -> None:
    assert furniture_rule(line) is None


def test_site_name_alone_is_furniture_only_on_its_site() -> None:
    assert furniture_rule("The Vesthamn Post Online", "https://www.vesthamnpost.example/a/1")
    assert furniture_rule("The Vesthamn Post Online", "https://www.otherpaper.example/a/1") is None
    assert furniture_rule("The Vesthamn Post reported the fire first.",
                          "vesthamnpost.example") is None


@pytest.mark.parametrize(
    ("site", "name"),
    [
        ("https://www.vesthamnpost.co.uk/news/1", "vesthamnpost"),
        ("in.wirefeed.com", "wirefeed"),
        ("archive.dailycoast.com.pk", "dailycoast"),
        ("The Harbour Gazette", "harbourgazette"),
        ("x.io", None),
    ],
)
def test_site_name(site: str, name: str | None) -> None:
    assert site_name(site) == name


def test_glued_repeats_and_labels() -> None:
    assert is_glued_line("Print this pagePrint this page")
    assert is_glued_line("NewsNewsletters")
    assert not is_glued_line("iPhone")
    assert not is_glued_line("The PlayStation 5 arrives")


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Login to access your account", None, None),
        ("Image 01 Image 02", None, None),
        ("Watch KVHN News Live", None, None),
        ("Advertisement 1", None, None),
        ("Accessibility links", None, None),
        ("Harbour Gazette - Charting the coast since 1921", "harbourgazette.example", None),
        ("Harbour Gazette", "harbourgazette.example", None),
        ("Dock strike ends after nine days | Harbour Gazette", "harbourgazette.example",
         "Dock strike ends after nine days"),
        ("Dock strike ends after nine days | Business", None, "Dock strike ends after nine days"),
        ("Dock strike ends after nine days - Harbour Gazette", "harbourgazette.example",
         "Dock strike ends after nine days"),
        ("<pre><pre>Dock strike ends after nine days", None, "Dock strike ends after nine days"),
        ("Union vs employers | Who blinked first?", None,
         "Union vs employers | Who blinked first?"),
        ("Watch: Minister visits the burned terminal", None,
         "Watch: Minister visits the burned terminal"),
        ("Strike ends - union", "harbourgazette.example", "Strike ends - union"),
    ],
)
def test_clean_title(title: str, site: str | None, expected: str | None) -> None:
    assert clean_title(title, site) == expected


def test_strip_markers() -> None:
    assert strip_markers("date 2024-03-02 Fire closes terminals") == "Fire closes terminals"
    assert strip_markers("Post by Harbour Watch Group. The group said the fire began at 6am.") == (
        "The group said the fire began at 6am."
    )
    assert strip_markers("Post by post, the clerks read the ledger.") == (
        "Post by post, the clerks read the ledger."
    )
    assert strip_markers("Two<br/>lines <b>bold</b><br>\nend") == "Two\nlines bold\nend"
    assert strip_markers("Tariffs rose by 3 < 5 points") == "Tariffs rose by 3 < 5 points"


@pytest.mark.parametrize(
    "line",
    [
        "Based on reporting by Wirefeed, AFP and dpa",
        "Additional reporting from our partner station KVHN.",
        "Staff and agencies",
        "Agencies and Vesthamn Post staff",
        "(Updates with minister's comments in paragraph 5)",
    ],
)
def test_credits_and_service_notes_anywhere(line: str) -> None:
    assert remove_boilerplate(f"{LEDE}\n\n{line}\n\n{SECOND}") == BODY


def test_reporting_from_a_place_is_not_a_credit() -> None:
    assert not is_credit_line("Reporting from the quay, she said the fire was out by noon.")


def test_headlines_of_other_stories_inside_the_article() -> None:
    block = (
        "Ferry fares to rise by a tenth in spring\n"
        "Council approves new cycle lanes on the seafront\n"
        "Lifeboat crew rescues kayakers off the point"
    )
    assert remove_boilerplate(f"{LEDE}\n\n{block}\n\n{SECOND}") == BODY


def test_a_list_in_text_without_blank_lines_is_kept() -> None:
    text = (
        f"{LEDE}\nThe terminals closed were:\nNorth Quay container terminal one\n"
        "North Quay container terminal two\nThe old timber wharf by the river"
    )
    assert remove_boilerplate(text) == text


def test_tags_only_after_the_article() -> None:
    tags = "Vesthamn, Port Authority, Fires"
    assert remove_boilerplate(f"{BODY}\n\n{tags}") == BODY
    assert tags in remove_boilerplate(f"{LEDE}\n\n{tags}\n\n{SECOND}")


def test_pictographs_only_before_the_article() -> None:
    menu = "☀️ + 🚢 + 📰 = 😊 Weather Ferries Your views"
    assert remove_boilerplate(f"{menu}\n\n{BODY}") == BODY
    tweet = "🔥 🔥 🔥 Terminal two right now, wow"
    assert tweet in remove_boilerplate(f"{LEDE}\n\n{tweet}\n\n{SECOND}")


def test_slogan_above_the_headline_is_not_the_title() -> None:
    text = f"Charting the coast since 1921\n\nFire closes two port terminals\n\n{BODY}"
    article = parse_text(text, "page.txt")
    assert article.title == "Fire closes two port terminals"
    assert article.text == BODY


def test_headline_ending_in_a_year_is_the_title() -> None:
    text = f"Soaring freight rates highest since 2008\n\nBy Ola Brenne\n\n{BODY}"
    assert parse_text(text, "page.txt").title == "Soaring freight rates highest since 2008"


def test_given_title_that_is_furniture_is_dropped() -> None:
    record = {"text": f"Advertisement 1\n\nFire closes two port terminals\n\n{BODY}",
              "title": "Advertisement 1", "url": "https://vesthamnpost.example/fire"}
    [article] = list(parse_jsonl(json.dumps(record), "feed.jsonl"))
    assert isinstance(article, Article)
    assert article.title == "Fire closes two port terminals"
    assert article.text == BODY


def test_given_title_loses_the_site_name() -> None:
    article = parse_text(BODY, "a.txt", title="Fire closes terminals | Vesthamn Post",
                         url="https://www.vesthamnpost.example/fire")
    assert article.title == "Fire closes terminals"


def test_html_title_that_is_furniture_is_no_title() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in (LEDE, SECOND, LEDE.replace("Monday", "Tuesday")))
    html = (
        "<html><head><title>Login to access your account</title></head><body>"
        f"<article>{paragraphs}</article></body></html>"
    )
    assert parse_html(html, "page.html", url="https://vesthamnpost.example/fire").title is None


def test_the_vocabulary_has_every_section() -> None:
    vocabulary = load_vocabulary()
    assert {"share", "subscribe", "print", "advertisement"} <= vocabulary.ui_words
    assert vocabulary.prefixes and vocabulary.suffixes
    assert vocabulary.links.match("Read more: a headline")
    assert vocabulary.slogans.search("since 1887")


def test_headline_inside_a_quotation_of_several_paragraphs() -> None:
    first = "“The fire started in the warehouse at six, and by seven it had reached the crane."
    second = "“We closed the terminals at once,” harbour chief Ola Brenne said."
    text = f"{LEDE}\n\n{first}\n\nCan the port insure itself against fire?\n\n{second}"
    assert remove_boilerplate(text) == f"{LEDE}\n\n{first}\n\n{second}"


def test_heading_after_a_closed_quotation_is_kept() -> None:
    first = "“The fire started in the warehouse at six,” the harbour chief said."
    second = "“We closed the terminals at once,” he added."
    text = f"{LEDE}\n\n{first}\n\nWhat happens next\n\n{second}"
    assert remove_boilerplate(text) == text
