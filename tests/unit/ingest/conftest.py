"""Invented news texts shared by the ingest tests (none of them is a real article)."""

from __future__ import annotations

import pytest

FERRY_BODY = (
    "PORTMERE, Wales (AP) — The regional harbour authority suspended all ferry crossings on "
    "Thursday after an engine fire forced a vessel carrying 212 passengers to turn back "
    "an hour into its voyage.\n\n"
    "“We will not resume sailings until every vessel has been inspected,” harbour master "
    "Gwen Prydderch told reporters on the quay, adding that the inquiry would take days.\n\n"
    "The operator, Celtic Strait Lines, said in a statement that none of the passengers "
    "were hurt and that the crew had followed the emergency procedure to the letter.\n\n"
    "In other news from the coast, the lifeboat station at Portmere reported a record "
    "number of callouts this summer, most of them to swimmers caught by the tide."
)

FERRY_TEXT = (
    "Harbour authority suspends ferry service after engine fire\n\n"
    "A video shows smoke rising from the stern of the ferry as passengers gather on the "
    "upper deck.\n\n"
    f"{FERRY_BODY}\n\n"
    "Associated Press writers Tomas Breen and Alia Haddad contributed to this report.\n\n"
    "In Other News\n"
    "Load More\n"
)

PORT_STRIKE_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Dock workers strike over pay | The Harbour Gazette</title>
<meta property="og:title" content="Dock workers strike over pay">
<meta property="og:site_name" content="The Harbour Gazette">
<meta name="author" content="Marit Olsen">
<meta property="article:published_time" content="2023-04-11T08:00:00Z">
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li></ul></nav>
<article>
<h1>Dock workers strike over pay</h1>
<p>ROTTERVIK, April 11 (Reuters) - Dock workers at the country's largest port walked off the
job on Tuesday, halting container traffic after talks with employers over a new wage deal
collapsed late on Monday night.</p>
<p>"We have waited long enough," union spokesman Pieter Vandermolen told reporters outside
the terminal gates. The employers' association said it regretted the decision and called for
a return to the negotiating table.</p>
<p>The strike is expected to last at least 48 hours, according to a statement from the union,
which represents about 9,000 workers across the port's four terminals.</p>
<p>Reporting by Anneke Smit; Editing by Jon Barrow</p>
</article>
<footer><p>Share this article</p><p>Subscribe to our newsletter</p></footer>
</body>
</html>
"""

GERMAN_TEXT = (
    "Die Stadtverwaltung hat am Dienstag angekündigt, dass die Brücke über den Fluss wegen "
    "dringender Reparaturen für mindestens drei Monate gesperrt wird. Der Bürgermeister "
    "sagte, man habe keine andere Wahl gehabt, nachdem Ingenieure Risse in den Pfeilern "
    "entdeckt hätten. Pendler müssen sich auf längere Wege einstellen."
)

SPANISH_TEXT = (
    "El gobierno regional anunció el martes que el puerto permanecerá cerrado hasta el fin "
    "de semana por el temporal. Según el portavoz, los pescadores recibirán una ayuda "
    "económica mientras dure el cierre, aunque los sindicatos consideran que la medida "
    "llega tarde y que no cubre las pérdidas de la temporada."
)

RUSSIAN_TEXT = (
    "Администрация города объявила во вторник, что мост будет закрыт на ремонт как минимум "
    "на три месяца. По словам мэра, другого выбора не было, после того как инженеры "
    "обнаружили трещины в опорах."
)


@pytest.fixture
def ferry_text() -> str:
    return FERRY_TEXT


@pytest.fixture
def port_strike_html() -> str:
    return PORT_STRIKE_HTML


@pytest.fixture
def ferry_body() -> str:
    return FERRY_BODY


@pytest.fixture
def german_text() -> str:
    return GERMAN_TEXT


@pytest.fixture
def spanish_text() -> str:
    return SPANISH_TEXT


@pytest.fixture
def russian_text() -> str:
    return RUSSIAN_TEXT
