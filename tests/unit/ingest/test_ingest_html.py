"""HTML pages: body and metadata through trafilatura, and pages with no article."""

from __future__ import annotations

import pytest

from onrecord.errors import EmptyInputError, InputError
from onrecord.ingest.html import parse_html

PARAGRAPHS = [
    "The city's transport authority approved a plan on Wednesday to extend the tram line to "
    "the eastern suburbs, ending a dispute that had delayed the project for six years.",
    "“This is the day the eastern districts stop being an afterthought,” councillor Amara "
    "Osei said after the vote, which passed by 31 to 9.",
    "Construction is due to start next spring and the first trams should run in 2028, the "
    "authority said, at a cost of about 410 million euros.",
]


def _page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def test_article_and_metadata(port_strike_html: str) -> None:
    article = parse_html(port_strike_html, "port.html", url="https://gazette.example/port")
    assert article.title == "Dock workers strike over pay"
    assert article.byline == "Marit Olsen"
    assert article.published == "2023-04-11"
    assert article.source == "The Harbour Gazette"
    assert article.url == "https://gazette.example/port"
    assert article.origin == "port.html"
    assert article.text.startswith("ROTTERVIK, April 11 (Reuters) - Dock workers")
    assert '\n\n"We have waited long enough," union spokesman' in article.text
    assert article.text.endswith("across the port's four terminals.")
    for furniture in ("Home", "Business", "Reporting by", "Share this", "Subscribe"):
        assert furniture not in article.text


def test_given_metadata_overrides_the_page(port_strike_html: str) -> None:
    article = parse_html(
        port_strike_html, "p", title="Port strike", published="2023-04-12", source="Wire"
    )
    assert (article.title, article.published, article.source) == (
        "Port strike",
        "2023-04-12",
        "Wire",
    )


def test_paragraphs_are_separated_by_blank_lines() -> None:
    body = "<article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>"
    article = parse_html(_page(body), "tram.html")
    assert article.text == "\n\n".join(PARAGRAPHS)


def test_date_from_the_url_when_the_page_has_none() -> None:
    body = "<article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>"
    article = parse_html(_page(body), "t", url="https://news.example/2021/03/04/tram-extension")
    assert article.published == "2021-03-04"


@pytest.mark.parametrize(
    "html",
    [
        _page(
            "<nav><ul><li><a href='/a'>World</a></li><li><a href='/b'>Sport</a></li></ul></nav>"
            "<footer>Contact us</footer>",
            "<title>Home</title>",
        ),
        _page(""),
        "<html></html>",
        _page("<script>var x = 1;</script><style>p {color: red}</style>"),
    ],
)
def test_page_without_an_article(html: str) -> None:
    with pytest.raises(EmptyInputError, match="^no article text found in the HTML$"):
        parse_html(html, "x.html")


def test_malformed_html_with_an_article_is_extracted() -> None:
    body = (
        "<div><article><p>" + PARAGRAPHS[0] + "<b>unclosed <i>tags</p></div></span></span>"
        "<p>" + PARAGRAPHS[1] + "<p>" + PARAGRAPHS[2] + " &amp &nbsp <<>> </html></html>"
    )
    article = parse_html("<html><body>" + body, "broken.html")
    assert "tram line to the eastern suburbs" in article.text
    assert "first trams should run in 2028" in article.text


@pytest.mark.parametrize(
    "html",
    [
        "<<<<>>>>",
        "<html><body><p>Unclosed <b>bold</p></div></span><p>x <<>> &&& </html></html>",
        "<" * 5000,
        "<div>" * 3000 + "deep" + "</div>" * 10,
    ],
)
def test_malformed_html_without_an_article_is_a_clear_error(html: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_html(html, "broken.html")
    assert "\n" not in str(caught.value)
