"""Actor codes for states, their demonyms and their capitals (ISO 3166-1 alpha-3).

Facts from public references, written out here. A name maps to the code of the state; demonyms
("Iranian") and capitals used for governments ("Tehran") map to the same code. The events issue
extends this with organisations, armed groups and sector suffixes.
"""

from __future__ import annotations

import re

# code: (names, demonyms, capitals)
_STATES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "AFG": (("Afghanistan",), ("Afghan", "Afghans"), ("Kabul",)),
    "ALB": (("Albania",), ("Albanian", "Albanians"), ("Tirana",)),
    "DZA": (("Algeria",), ("Algerian", "Algerians"), ("Algiers",)),
    "ARG": (("Argentina",), ("Argentine", "Argentinian", "Argentines"), ("Buenos Aires",)),
    "ARM": (("Armenia",), ("Armenian", "Armenians"), ("Yerevan",)),
    "AUS": (("Australia",), ("Australian", "Australians"), ("Canberra",)),
    "AUT": (("Austria",), ("Austrian", "Austrians"), ("Vienna",)),
    "AZE": (("Azerbaijan",), ("Azerbaijani", "Azeri", "Azerbaijanis"), ("Baku",)),
    "BHR": (("Bahrain",), ("Bahraini", "Bahrainis"), ("Manama",)),
    "BGD": (("Bangladesh",), ("Bangladeshi", "Bangladeshis"), ("Dhaka",)),
    "BLR": (("Belarus",), ("Belarusian", "Belarusians"), ("Minsk",)),
    "BEL": (("Belgium",), ("Belgian", "Belgians"), ("Brussels",)),
    "BOL": (("Bolivia",), ("Bolivian", "Bolivians"), ("La Paz", "Sucre")),
    "BIH": (("Bosnia and Herzegovina", "Bosnia"), ("Bosnian", "Bosnians"), ("Sarajevo",)),
    "BRA": (("Brazil",), ("Brazilian", "Brazilians"), ("Brasilia", "Brasília")),
    "BGR": (("Bulgaria",), ("Bulgarian", "Bulgarians"), ("Sofia",)),
    "KHM": (("Cambodia",), ("Cambodian", "Cambodians"), ("Phnom Penh",)),
    "CAN": (("Canada",), ("Canadian", "Canadians"), ("Ottawa",)),
    "CHL": (("Chile",), ("Chilean", "Chileans"), ("Santiago",)),
    "CHN": (("China", "People's Republic of China", "PRC"), ("Chinese",), ("Beijing",)),
    "COL": (("Colombia",), ("Colombian", "Colombians"), ("Bogota", "Bogotá")),
    "COD": (("Democratic Republic of the Congo", "DR Congo", "DRC"), ("Congolese",), ("Kinshasa",)),
    "HRV": (("Croatia",), ("Croatian", "Croat", "Croats"), ("Zagreb",)),
    "CUB": (("Cuba",), ("Cuban", "Cubans"), ("Havana",)),
    "CYP": (("Cyprus",), ("Cypriot", "Cypriots"), ("Nicosia",)),
    "CZE": (("Czech Republic", "Czechia"), ("Czech", "Czechs"), ("Prague",)),
    "DNK": (("Denmark",), ("Danish", "Dane", "Danes"), ("Copenhagen",)),
    "EGY": (("Egypt",), ("Egyptian", "Egyptians"), ("Cairo",)),
    "EST": (("Estonia",), ("Estonian", "Estonians"), ("Tallinn",)),
    "ETH": (("Ethiopia",), ("Ethiopian", "Ethiopians"), ("Addis Ababa",)),
    "FIN": (("Finland",), ("Finnish", "Finn", "Finns"), ("Helsinki",)),
    "FRA": (("France",), ("French",), ("Paris",)),
    "GEO": (("Georgia",), ("Georgian", "Georgians"), ("Tbilisi",)),
    "DEU": (("Germany",), ("German", "Germans"), ("Berlin",)),
    "GRC": (("Greece",), ("Greek", "Greeks"), ("Athens",)),
    "HUN": (("Hungary",), ("Hungarian", "Hungarians"), ("Budapest",)),
    "IND": (("India",), ("Indian", "Indians"), ("New Delhi",)),
    "IDN": (("Indonesia",), ("Indonesian", "Indonesians"), ("Jakarta",)),
    "IRN": (("Iran", "Islamic Republic of Iran", "Islamic Republic"), ("Iranian", "Iranians"),
            ("Tehran",)),
    "IRQ": (("Iraq",), ("Iraqi", "Iraqis"), ("Baghdad",)),
    "IRL": (("Ireland",), ("Irish",), ("Dublin",)),
    "ISR": (("Israel",), ("Israeli", "Israelis"), ("Jerusalem",)),
    "ITA": (("Italy",), ("Italian", "Italians"), ("Rome",)),
    "JPN": (("Japan",), ("Japanese",), ("Tokyo",)),
    "JOR": (("Jordan",), ("Jordanian", "Jordanians"), ("Amman",)),
    "KAZ": (("Kazakhstan",), ("Kazakh", "Kazakhs"), ("Astana",)),
    "KEN": (("Kenya",), ("Kenyan", "Kenyans"), ("Nairobi",)),
    "PRK": (("North Korea", "Democratic People's Republic of Korea", "DPRK"), ("North Korean",
            "North Koreans"), ("Pyongyang",)),
    "KOR": (("South Korea", "Republic of Korea"), ("South Korean", "South Koreans"), ("Seoul",)),
    "KWT": (("Kuwait",), ("Kuwaiti", "Kuwaitis"), ("Kuwait City",)),
    "LVA": (("Latvia",), ("Latvian", "Latvians"), ("Riga",)),
    "LBN": (("Lebanon",), ("Lebanese",), ("Beirut",)),
    "LBY": (("Libya",), ("Libyan", "Libyans"), ("Tripoli",)),
    "LTU": (("Lithuania",), ("Lithuanian", "Lithuanians"), ("Vilnius",)),
    "MYS": (("Malaysia",), ("Malaysian", "Malaysians"), ("Kuala Lumpur",)),
    "MEX": (("Mexico",), ("Mexican", "Mexicans"), ("Mexico City",)),
    "MDA": (("Moldova",), ("Moldovan", "Moldovans"), ("Chisinau",)),
    "MAR": (("Morocco",), ("Moroccan", "Moroccans"), ("Rabat",)),
    "MMR": (("Myanmar", "Burma"), ("Burmese",), ("Naypyitaw",)),
    "NLD": (("Netherlands", "Holland"), ("Dutch",), ("Amsterdam", "The Hague")),
    "NZL": (("New Zealand",), ("New Zealander", "New Zealanders"), ("Wellington",)),
    "NGA": (("Nigeria",), ("Nigerian", "Nigerians"), ("Abuja",)),
    "NOR": (("Norway",), ("Norwegian", "Norwegians"), ("Oslo",)),
    "OMN": (("Oman",), ("Omani", "Omanis"), ("Muscat",)),
    "PAK": (("Pakistan",), ("Pakistani", "Pakistanis"), ("Islamabad",)),
    "PSE": (("Palestine", "Palestinian territories", "Gaza", "West Bank"), ("Palestinian",
            "Palestinians"), ("Ramallah",)),
    "PER": (("Peru",), ("Peruvian", "Peruvians"), ("Lima",)),
    "PHL": (("Philippines",), ("Filipino", "Filipinos", "Philippine"), ("Manila",)),
    "POL": (("Poland",), ("Polish", "Pole", "Poles"), ("Warsaw",)),
    "PRT": (("Portugal",), ("Portuguese",), ("Lisbon",)),
    "QAT": (("Qatar",), ("Qatari", "Qataris"), ("Doha",)),
    "ROU": (("Romania",), ("Romanian", "Romanians"), ("Bucharest",)),
    "RUS": (("Russia", "Russian Federation"), ("Russian", "Russians"), ("Moscow", "Kremlin")),
    "SAU": (("Saudi Arabia",), ("Saudi", "Saudis", "Saudi Arabian"), ("Riyadh",)),
    "SRB": (("Serbia",), ("Serbian", "Serb", "Serbs"), ("Belgrade",)),
    "SGP": (("Singapore",), ("Singaporean", "Singaporeans"), ()),
    "SOM": (("Somalia",), ("Somali", "Somalis"), ("Mogadishu",)),
    "ZAF": (("South Africa",), ("South African", "South Africans"), ("Pretoria",)),
    "ESP": (("Spain",), ("Spanish", "Spaniard", "Spaniards"), ("Madrid",)),
    "SDN": (("Sudan",), ("Sudanese",), ("Khartoum",)),
    "SWE": (("Sweden",), ("Swedish", "Swede", "Swedes"), ("Stockholm",)),
    "CHE": (("Switzerland",), ("Swiss",), ("Bern",)),
    "SYR": (("Syria",), ("Syrian", "Syrians"), ("Damascus",)),
    "TWN": (("Taiwan",), ("Taiwanese",), ("Taipei",)),
    "THA": (("Thailand",), ("Thai", "Thais"), ("Bangkok",)),
    "TUN": (("Tunisia",), ("Tunisian", "Tunisians"), ("Tunis",)),
    "TUR": (("Turkey", "Türkiye", "Turkiye"), ("Turkish", "Turk", "Turks"), ("Ankara",)),
    "UKR": (("Ukraine",), ("Ukrainian", "Ukrainians"), ("Kyiv", "Kiev")),
    "ARE": (("United Arab Emirates", "UAE", "U.A.E."), ("Emirati", "Emiratis"), ("Abu Dhabi",)),
    "GBR": (("United Kingdom", "Britain", "Great Britain", "U.K.", "UK", "England", "Scotland",
             "Wales"), ("British", "Briton", "Britons", "English", "Scottish", "Welsh"),
            ("London", "Downing Street")),
    "USA": (("United States", "United States of America", "U.S.", "US", "U.S.A.", "USA",
             "America"), ("American", "Americans"), ("Washington", "White House")),
    "VEN": (("Venezuela",), ("Venezuelan", "Venezuelans"), ("Caracas",)),
    "VNM": (("Vietnam", "Viet Nam"), ("Vietnamese",), ("Hanoi",)),
    "YEM": (("Yemen",), ("Yemeni", "Yemenis"), ("Sanaa", "Sana'a")),
}


def _key(name: str) -> str:
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    name = re.sub(r"['’]s$", "", name)
    return name.lower()


_ACTOR_BY_NAME: dict[str, str] = {}
_CANONICAL: dict[str, str] = {}
for _code, (_names, _demonyms, _capitals) in _STATES.items():
    _CANONICAL[_code] = _names[0]
    for _n in (*_names, *_demonyms, *_capitals):
        _ACTOR_BY_NAME.setdefault(_key(_n), _code)


def actor_code(name: str) -> str | None:
    """The ISO3 code of the state a name, demonym or capital refers to, or ``None``.

    >>> actor_code("U.S."), actor_code("Iranian"), actor_code("the United States")
    ('USA', 'IRN', 'USA')
    """
    key = _key(name)
    code = _ACTOR_BY_NAME.get(key)
    if code is None and key.endswith("s"):
        code = _ACTOR_BY_NAME.get(key[:-1])
    if code is None and key == "united state":  # a common typo for "United States"
        code = "USA"
    return code


def state_name(code: str) -> str | None:
    """The canonical English name of the state with this code."""
    return _CANONICAL.get(code)


def is_demonym(name: str) -> bool:
    """True when ``name`` is a demonym or nationality adjective ("Iranian", "Americans")."""
    code = actor_code(name)
    if code is None:
        return False
    _names, demonyms, _capitals = _STATES[code]
    key = _key(name)
    return any(_key(d) == key for d in demonyms)


def is_capital(name: str) -> bool:
    """True when ``name`` is a capital (or seat of government) rather than the state's name."""
    code = actor_code(name)
    if code is None:
        return False
    _names, _demonyms, capitals = _STATES[code]
    key = _key(name)
    return any(_key(c) == key for c in capitals)
