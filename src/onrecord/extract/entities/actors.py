"""Actor codes: states (ISO 3166-1 alpha-3), organisations, armed groups and sectors.

Facts from public references, written out here. A name maps to the code of the state; demonyms
("Iranian") and capitals used for governments ("Tehran") map to the same code. Beyond states, in
the CAMEO/Phoenix style: international organisations (``IGO`` + an abbreviation, e.g.
``IGOUNO``), non-governmental ones (``NGO``...), named armed groups (the state they operate in +
``REB``/``MIL``, or ``IMG`` for transnational ones), and agent words ("officials", "troops",
"protesters") that give a sector suffix (``GOV``, ``MIL``, ``COP``, ``REB``, ``OPP``, ``CVL``...)
to the state they belong to: "Iranian troops" is ``IRNMIL``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

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
    "KHM": (("Cambodia", "Kampuchea"), ("Cambodian", "Cambodians", "Kampuchean", "Kampucheans"),
            ("Phnom Penh",)),
    "CAN": (("Canada",), ("Canadian", "Canadians"), ("Ottawa",)),
    "CHL": (("Chile",), ("Chilean", "Chileans"), ("Santiago",)),
    "CHN": (("China", "People's Republic of China", "PRC"), ("Chinese",), ("Beijing",)),
    "COL": (("Colombia",), ("Colombian", "Colombians"), ("Bogota", "Bogotá")),
    "COD": (("Democratic Republic of the Congo", "DR Congo", "DRC", "Zaire"),
            ("Congolese", "Zairean", "Zairian"), ("Kinshasa",)),
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
    "GRC": (("Greece",), ("Greek", "Greeks", "Hellenic"), ("Athens",)),
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
    "SRB": (("Serbia", "Yugoslavia"), ("Serbian", "Serb", "Serbs", "Yugoslav", "Yugoslavs"),
            ("Belgrade",)),
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
    "ARE": (("United Arab Emirates", "UAE", "U.A.E.", "Emirates"), ("Emirati", "Emiratis"),
            ("Abu Dhabi",)),
    "GBR": (("United Kingdom", "Britain", "Great Britain", "U.K.", "UK", "England", "Scotland",
             "Wales"), ("British", "Briton", "Britons", "English", "Scottish", "Welsh"),
            ("London", "Downing Street")),
    "USA": (("United States", "United States of America", "U.S.", "US", "U.S.A.", "USA",
             "America"), ("American", "Americans"), ("Washington", "White House")),
    "VEN": (("Venezuela",), ("Venezuelan", "Venezuelans"), ("Caracas",)),
    "VNM": (("Vietnam", "Viet Nam"), ("Vietnamese",), ("Hanoi",)),
    "YEM": (("Yemen",), ("Yemeni", "Yemenis"), ("Sanaa", "Sana'a")),
    "AGO": (("Angola",), ("Angolan", "Angolans"), ("Luanda",)),
    "BEN": (("Benin",), ("Beninese",), ("Porto-Novo",)),
    "BTN": (("Bhutan",), ("Bhutanese",), ("Thimphu",)),
    "BWA": (("Botswana",), ("Botswanan",), ("Gaborone",)),
    "BRN": (("Brunei",), ("Bruneian",), ()),
    "BFA": (("Burkina Faso",), ("Burkinabe",), ("Ouagadougou",)),
    "BDI": (("Burundi",), ("Burundian", "Burundians"), ("Gitega", "Bujumbura")),
    "CMR": (("Cameroon",), ("Cameroonian", "Cameroonians"), ("Yaounde",)),
    "CAF": (("Central African Republic",), ("Central African",), ("Bangui",)),
    "TCD": (("Chad",), ("Chadian", "Chadians"), ("N'Djamena",)),
    "COG": (("Republic of the Congo", "Congo-Brazzaville", "Congo"), (), ("Brazzaville",)),
    "CRI": (("Costa Rica",), ("Costa Rican", "Costa Ricans"), ("San Jose",)),
    "CIV": (("Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"), ("Ivorian", "Ivorians"),
            ("Yamoussoukro", "Abidjan")),
    "DJI": (("Djibouti",), ("Djiboutian",), ()),
    "DOM": (("Dominican Republic",), ("Dominican", "Dominicans"), ("Santo Domingo",)),
    "TLS": (("East Timor", "Timor-Leste"), ("East Timorese", "Timorese"), ("Dili",)),
    "ECU": (("Ecuador",), ("Ecuadorian", "Ecuadoreans", "Ecuadorians"), ("Quito",)),
    "SLV": (("El Salvador",), ("Salvadoran", "Salvadorans"), ("San Salvador",)),
    "GNQ": (("Equatorial Guinea",), ("Equatoguinean",), ("Malabo",)),
    "ERI": (("Eritrea",), ("Eritrean", "Eritreans"), ("Asmara",)),
    "SWZ": (("Eswatini", "Swaziland"), ("Swazi",), ("Mbabane",)),
    "FJI": (("Fiji",), ("Fijian", "Fijians"), ("Suva",)),
    "GAB": (("Gabon",), ("Gabonese",), ("Libreville",)),
    "GMB": (("Gambia",), ("Gambian", "Gambians"), ("Banjul",)),
    "GHA": (("Ghana",), ("Ghanaian", "Ghanaians"), ("Accra",)),
    "GTM": (("Guatemala",), ("Guatemalan", "Guatemalans"), ("Guatemala City",)),
    "GIN": (("Guinea",), ("Guinean", "Guineans"), ("Conakry",)),
    "GNB": (("Guinea-Bissau",), ("Bissau-Guinean",), ("Bissau",)),
    "GUY": (("Guyana",), ("Guyanese",), ("Georgetown",)),
    "HTI": (("Haiti",), ("Haitian", "Haitians"), ("Port-au-Prince",)),
    "HND": (("Honduras",), ("Honduran", "Hondurans"), ("Tegucigalpa",)),
    "HKG": (("Hong Kong",), ("Hongkonger",), ()),
    "ISL": (("Iceland",), ("Icelandic", "Icelanders"), ("Reykjavik",)),
    "JAM": (("Jamaica",), ("Jamaican", "Jamaicans"), ("Kingston",)),
    "XKX": (("Kosovo",), ("Kosovar", "Kosovars"), ("Pristina",)),
    "KGZ": (("Kyrgyzstan",), ("Kyrgyz",), ("Bishkek",)),
    "LAO": (("Laos",), ("Laotian", "Lao"), ("Vientiane",)),
    "LSO": (("Lesotho",), ("Basotho",), ("Maseru",)),
    "LBR": (("Liberia",), ("Liberian", "Liberians"), ("Monrovia",)),
    "LUX": (("Luxembourg",), ("Luxembourgish",), ()),
    "MDG": (("Madagascar",), ("Malagasy",), ("Antananarivo",)),
    "MWI": (("Malawi",), ("Malawian", "Malawians"), ("Lilongwe",)),
    "MDV": (("Maldives",), ("Maldivian", "Maldivians"), ("Male",)),
    "MLI": (("Mali",), ("Malian", "Malians"), ("Bamako",)),
    "MLT": (("Malta",), ("Maltese",), ("Valletta",)),
    "MRT": (("Mauritania",), ("Mauritanian", "Mauritanians"), ("Nouakchott",)),
    "MUS": (("Mauritius",), ("Mauritian", "Mauritians"), ("Port Louis",)),
    "MNG": (("Mongolia",), ("Mongolian", "Mongolians"), ("Ulaanbaatar", "Ulan Bator")),
    "MNE": (("Montenegro",), ("Montenegrin", "Montenegrins"), ("Podgorica",)),
    "MOZ": (("Mozambique",), ("Mozambican", "Mozambicans"), ("Maputo",)),
    "NAM": (("Namibia",), ("Namibian", "Namibians"), ("Windhoek",)),
    "NPL": (("Nepal",), ("Nepali", "Nepalese"), ("Kathmandu",)),
    "NIC": (("Nicaragua",), ("Nicaraguan", "Nicaraguans"), ("Managua",)),
    "NER": (("Niger",), ("Nigerien", "Nigeriens"), ("Niamey",)),
    "MKD": (("North Macedonia", "Macedonia"), ("Macedonian", "Macedonians"), ("Skopje",)),
    "PAN": (("Panama",), ("Panamanian", "Panamanians"), ("Panama City",)),
    "PNG": (("Papua New Guinea",), ("Papua New Guinean",), ("Port Moresby",)),
    "PRY": (("Paraguay",), ("Paraguayan", "Paraguayans"), ("Asuncion",)),
    "RWA": (("Rwanda",), ("Rwandan", "Rwandans"), ("Kigali",)),
    "SEN": (("Senegal",), ("Senegalese",), ("Dakar",)),
    "SLE": (("Sierra Leone",), ("Sierra Leonean", "Sierra Leoneans"), ("Freetown",)),
    "SVK": (("Slovakia",), ("Slovak", "Slovaks"), ("Bratislava",)),
    "SVN": (("Slovenia",), ("Slovenian", "Slovene", "Slovenes"), ("Ljubljana",)),
    "SSD": (("South Sudan",), ("South Sudanese",), ("Juba",)),
    "LKA": (("Sri Lanka", "Ceylon"), ("Sri Lankan", "Sri Lankans"), ("Colombo",)),
    "TJK": (("Tajikistan",), ("Tajik", "Tajiks"), ("Dushanbe",)),
    "TZA": (("Tanzania",), ("Tanzanian", "Tanzanians"), ("Dodoma", "Dar es Salaam")),
    "TGO": (("Togo",), ("Togolese",), ("Lome",)),
    "TTO": (("Trinidad and Tobago", "Trinidad"), ("Trinidadian", "Trinidadians"),
            ("Port of Spain",)),
    "TKM": (("Turkmenistan",), ("Turkmen",), ("Ashgabat",)),
    "UGA": (("Uganda",), ("Ugandan", "Ugandans"), ("Kampala",)),
    "URY": (("Uruguay",), ("Uruguayan", "Uruguayans"), ("Montevideo",)),
    "UZB": (("Uzbekistan",), ("Uzbek", "Uzbeks"), ("Tashkent",)),
    "VAT": (("Vatican", "Holy See"), (), ("Vatican City",)),
    "ZMB": (("Zambia",), ("Zambian", "Zambians"), ("Lusaka",)),
    "ZWE": (("Zimbabwe", "Rhodesia"), ("Zimbabwean", "Zimbabweans", "Rhodesian"), ("Harare",)),
}

# Regions that stand for the state that holds (or claims) them, for coding purposes.
_REGIONS: dict[str, str] = {
    "gaza strip": "PSE", "south lebanon": "LBN", "southern lebanon": "LBN", "kurdistan": "IRQ",
    "chechnya": "RUS", "crimea": "UKR", "darfur": "SDN", "kashmir": "IND", "tibet": "CHN",
    "xinjiang": "CHN", "siberia": "RUS", "northern ireland": "GBR", "bosnian serb": "BIH",
    "bosnian serbs": "BIH", "kurds": "IRQ", "kurdish": "IRQ", "alaska": "USA", "hawaii": "USA",
    "guam": "USA", "puerto rico": "USA", "kaliningrad": "RUS", "greenland": "DNK",
    "hokkaido": "JPN", "punjab": "PAK", "sindh": "PAK", "balochistan": "PAK", "kurdistan region":
    "IRQ", "sinai": "EGY", "nagorno-karabakh": "AZE",
}
# Large cities other than capitals, often datelines or scenes of events: a place, not a
# government ("in Karachi" is Pakistan's, not Islamabad's). Names shared by cities of several
# states (Tripoli, Alexandria, Hyderabad) are left out.
_CITIES: dict[str, str] = {
    city.lower(): code for code, cities in {
        "AFG": "Kandahar Herat Mazar-i-Sharif Jalalabad Kunduz",
        "DZA": "Oran Constantine", "AUS": "Sydney Melbourne", "BRA": "Rio_de_Janeiro Sao_Paulo",
        "CHN": "Shanghai Guangzhou Shenzhen Wuhan Chongqing Lhasa Urumqi",
        "COD": "Goma Bukavu Lubumbashi Kisangani", "EGY": "Port_Said Suez Luxor Aswan",
        "ETH": "Mekele Mekelle Gondar", "FRA": "Marseille Lyon Strasbourg",
        "DEU": "Hamburg Munich Frankfurt Bonn", "IND": "Mumbai Bombay Kolkata Calcutta Chennai "
        "Madras Bangalore Srinagar Amritsar Ahmedabad",
        "IDN": "Surabaya Medan Banda_Aceh Ambon", "IRN": "Isfahan Mashhad Tabriz Shiraz Qom",
        "IRQ": "Basra Mosul Kirkuk Fallujah Ramadi Tikrit Samarra Najaf Karbala Erbil Irbil",
        "ISR": "Tel_Aviv Haifa Ashkelon Sderot Eilat Netanya Beersheba",
        "ITA": "Milan Naples Turin Palermo", "JPN": "Osaka Okinawa Hiroshima Nagasaki",
        "KEN": "Mombasa Kisumu", "LBN": "Sidon Tyre Baalbek", "LBY": "Benghazi Misrata Sirte",
        "MEX": "Tijuana Ciudad_Juarez Guadalajara Monterrey", "NGA": "Lagos Kano Maiduguri "
        "Kaduna Port_Harcourt", "PAK": "Karachi Lahore Peshawar Quetta Rawalpindi Multan",
        "PHL": "Mindanao Davao Cebu", "PSE": "Gaza_City Hebron Nablus Jenin Jericho Bethlehem "
        "Rafah Khan_Yunis Tulkarm Qalqilya", "RUS": "St._Petersburg Saint_Petersburg Grozny "
        "Vladivostok Novosibirsk", "SAU": "Jeddah Mecca Medina Dammam",
        "SOM": "Kismayo Baidoa Hargeisa", "ZAF": "Johannesburg Cape_Town Durban Soweto",
        "LKA": "Jaffna Kandy Trincomalee Batticaloa", "SDN": "Omdurman Port_Sudan El_Fasher "
        "Nyala", "SYR": "Aleppo Homs Hama Raqqa Deir_ez-Zor Idlib Daraa Latakia",
        "TUR": "Istanbul Izmir Diyarbakir Adana", "UKR": "Kharkiv Kharkov Odessa Donetsk "
        "Luhansk Mariupol Sevastopol", "GBR": "Belfast Manchester Birmingham Glasgow Edinburgh",
        "USA": "New_York Los_Angeles Chicago", "YEM": "Aden Taiz Hodeidah Marib",
        "MMR": "Yangon Rangoon Mandalay", "VNM": "Ho_Chi_Minh_City Saigon",
        "BIH": "Mostar Srebrenica Tuzla Banja_Luka", "XKX": "Mitrovica Prizren",
        "SRB": "Novi_Sad Nis", "ARE": "Dubai Sharjah", "MLI": "Timbuktu Gao Kidal",
        "CIV": "Bouake", "HTI": "Cap-Haitien", "RWA": "Gisenyi", "UGA": "Gulu",
    }.items() for city in (c.replace("_", " ") for c in cities.split())
}

# International (IGO) and non-governmental (NGO) organisations: name -> code.
ORGANIZATIONS: dict[str, str] = {
    "united nations": "IGOUNO", "u.n.": "IGOUNO", "un": "IGOUNO", "security council": "IGOUNO",
    "u.n. security council": "IGOUNO", "un security council": "IGOUNO",
    "general assembly": "IGOUNO", "unicef": "IGOUNO", "unhcr": "IGOUNO",
    "world food program": "IGOUNO", "world food programme": "IGOUNO", "wfp": "IGOUNO",
    "iaea": "IGOUNO", "international atomic energy agency": "IGOUNO",
    "world health organization": "IGOUNO", "who": "IGOUNO",
    "nato": "IGONAT", "north atlantic treaty organization": "IGONAT",
    "european union": "IGOEUR", "eu": "IGOEUR", "european commission": "IGOEUR",
    "european community": "IGOEUR", "ec": "IGOEUR", "european parliament": "IGOEUR",
    "arab league": "IGOARL", "african union": "IGOAFR", "organization of african unity": "IGOAFR",
    "opec": "IGOOPC", "asean": "IGOASN", "apec": "IGOAPC",
    "asia-pacific economic cooperation": "IGOAPC", "osce": "IGOOSC", "warsaw pact": "IGOWSP",
    "imf": "IGOIMF", "international monetary fund": "IGOIMF", "world bank": "IGOWBK",
    "wto": "IGOWTO", "world trade organization": "IGOWTO", "interpol": "IGOINT",
    "international criminal court": "IGOICC", "icc": "IGOICC", "ecowas": "IGOWAF",
    "gulf cooperation council": "IGOGCC", "organization of american states": "IGOOAS",
    "red cross": "NGOICR", "international committee of the red cross": "NGOICR",
    "red crescent": "NGOICR",
    "amnesty international": "NGOAMN", "human rights watch": "NGOHRW",
    "doctors without borders": "NGOMSF", "medecins sans frontieres": "NGOMSF",
}

# Named armed groups: name -> code (the state they fight in + sector, or IMG: transnational).
ARMED_GROUPS: dict[str, str] = {
    "hezbollah": "LBNREB", "hizbollah": "LBNREB", "hizbullah": "LBNREB",
    "hizballah": "LBNREB", "kata'ib hezbollah": "IRQREB", "kataib hezbollah": "IRQREB",
    "kata’ib hezbollah": "IRQREB", "hamas": "PSEREB", "islamic jihad": "PSEREB",
    "palestinian islamic jihad": "PSEREB", "plo": "PSEGOV",
    "palestine liberation organization": "PSEGOV", "fatah": "PSEGOV", "taliban": "AFGREB",
    "al-qaeda": "IMGREB", "al qaeda": "IMGREB", "al-qaida": "IMGREB", "islamic state": "IMGREB",
    "isis": "IMGREB", "isil": "IMGREB", "daesh": "IMGREB", "houthis": "YEMREB",
    "houthi": "YEMREB", "pkk": "TURREB", "kurdistan workers' party": "TURREB",
    "boko haram": "NGAREB", "al-shabaab": "SOMREB", "al-shabab": "SOMREB", "farc": "COLREB",
    "revolutionary guard": "IRNMIL", "revolutionary guards": "IRNMIL", "irgc": "IRNMIL",
    "quds force": "IRNMIL", "pentagon": "USAMIL", "state department": "USAGOV",
    "congress": "USALEG", "senate": "USALEG", "cia": "USASPY", "kremlin": "RUSGOV",
    "knesset": "ISRLEG", "npfl": "LBRREB", "kla": "SRBREB", "kosovo liberation army": "SRBREB",
}

# Agent words (lemmas) -> sector suffix, CAMEO/Phoenix style.
AGENT_SECTORS: dict[str, str] = {
    **dict.fromkeys(("official", "government", "administration", "minister", "ministry",
                     "president", "authority", "diplomat", "ambassador", "spokesman",
                     "spokeswoman", "spokesperson", "regime", "cabinet", "king", "premier",
                     "chancellor", "leader", "envoy", "negotiator", "delegation", "emir",
                     "prince", "state", "embassy", "consulate", "mayor", "governor",
                     "secretary", "foreign minister", "prime minister"), "GOV"),
    **dict.fromkeys(("troop", "soldier", "army", "force", "military", "general", "commander",
                     "navy", "marine", "officer", "warplane", "jet", "aircraft", "drone", "tank",
                     "artillery", "base", "warship", "helicopter", "airstrike", "sailor",
                     "peacekeeper", "paratrooper", "airman"), "MIL"),
    **dict.fromkeys(("police", "policeman", "policemen", "cop", "gendarme"), "COP"),
    **dict.fromkeys(("rebel", "militant", "insurgent", "guerrilla", "militia", "fighter",
                     "gunman", "gunmen", "separatist", "terrorist", "jihadist", "bomber",
                     "extremist", "hostage-taker", "proxy", "kidnapper"), "REB"),
    **dict.fromkeys(("opposition", "protester", "protestor", "demonstrator", "dissident",
                     "activist", "party"), "OPP"),
    **dict.fromkeys(("civilian", "people", "resident", "villager", "citizen", "refugee",
                     "worker", "farmer", "detainee", "prisoner", "contractor", "family",
                     "child", "woman", "man", "landowner", "pilgrim", "tourist", "national",
                     "crowd", "mob", "home", "village", "town"), "CVL"),
    **dict.fromkeys(("parliament", "lawmaker", "legislator", "legislature", "senator",
                     "congressman", "mp", "assembly"), "LEG"),
    **dict.fromkeys(("court", "judge", "prosecutor", "tribunal", "investigator"), "JUD"),
    **dict.fromkeys(("newspaper", "journalist", "reporter", "media", "television", "radio"),
                    "MED"),
    **dict.fromkeys(("company", "firm", "businessman", "bank", "corporation"), "BUS"),
    **dict.fromkeys(("university", "school", "teacher", "student", "professor"), "EDU"),
    **dict.fromkeys(("cleric", "church", "mosque", "imam", "bishop", "priest"), "REL"),
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


# Real names one letter away from a state's: no misspelling of it.
_NOT_MISSPELT = frozenset({"columbia", "siberia", "granada", "hollande", "iberia", "liberian",
                           "algerie", "austral", "romana", "serbian", "indiana"})


def misspelt_state(word: str) -> str | None:
    """The state whose (one-word, 7+ letter) name ``word`` misspells by one letter
    ("Afganistan", "Ethopia", "Phillippines"), or ``None``; for capitalised words only."""
    key = word.lower()
    if len(key) < 7 or not word[:1].isupper() or key in _NOT_MISSPELT or \
            actor_code(word) is not None:
        return None
    near = {code for _name, code in _near(key, _state_neighbours())}
    return near.pop() if len(near) == 1 else None


def organization_code(name: str) -> str | None:
    """The code of an international organisation or armed group ("NATO" -> "IGONAT"), or None.

    >>> organization_code("the U.N. Security Council"), organization_code("Hamas")
    ('IGOUNO', 'PSEREB')
    """
    key = _key(name).replace("’", "'")
    return ORGANIZATIONS.get(key) or ARMED_GROUPS.get(key)


def region_code(name: str) -> str | None:
    """The state a region or a large city stands for ("Gaza Strip", "Basra"), or ``None``."""
    key = _key(name)
    return _REGIONS.get(key) or _CITIES.get(key)


def sector_of(lemma: str) -> str | None:
    """The sector suffix of an agent word's lemma ("troop" -> "MIL"), or ``None``."""
    return AGENT_SECTORS.get(lemma.lower())


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


# Well-known office holders -> the state (or organisation) they act for, from
# ``data/actors_leaders.json``. A surname alone ("Putin") counts when every listed person with
# that surname acts for the same state, and the surname is no common word ("May", "Major").
_SURNAME_STOP = frozenset("""
    may major key brown rice baker martin young king hunt park lee wong green white black
    long rama mills ping sale prince jones smith carter ford bush clark martin hill bell
    """.split()) - {"bush", "carter"}
_SUFFIXES = frozenset({"ii", "iii", "iv", "vi", "jr", "jr.", "sr", "sr."})
_LEADERS: dict[str, str] = {}
_LEADER_SURNAMES: dict[str, str | None] = {}


def _leader_tables() -> tuple[dict[str, str], dict[str, str | None]]:
    if _LEADERS:
        return _LEADERS, _LEADER_SURNAMES
    import json
    from importlib import resources

    raw = resources.files("onrecord").joinpath("data/actors_leaders.json").read_text("utf-8")
    for code, names in json.loads(raw)["leaders"].items():
        for name in names:
            key = _person_key(name)
            if _LEADERS.get(key, code) != code:
                continue
            _LEADERS[key] = code
            words = [w for w in key.split() if w not in _SUFFIXES]
            if len(words) > 1 and len(words[-1]) > 2 and words[-1] not in _SURNAME_STOP:
                seen = _LEADER_SURNAMES.get(words[-1], code)
                _LEADER_SURNAMES[words[-1]] = code if seen == code else None
    return _LEADERS, _LEADER_SURNAMES


def _person_key(name: str) -> str:
    name = re.sub(r"['’]s$", "", name.strip()).replace("’", "'")
    return re.sub(r"\s+", " ", name.replace(". ", ".").replace(".", ". ")).strip().lower()


def leader_code(name: str) -> str | None:
    """The state (or organisation) a well-known office holder acts for, or ``None``.

    >>> leader_code("Vladimir Putin"), leader_code("Putin"), leader_code("Kofi Annan")
    ('RUS', 'RUS', 'IGOUNO')
    """
    full, surnames = _leader_tables()
    key = _person_key(name)
    for title in ("president ", "prime minister ", "king ", "sheikh ", "ayatollah "):
        if key.startswith(title) and key not in full:
            key = key[len(title):]
    code = full.get(key)
    if code is None:
        words = [w for w in key.split() if w not in _SUFFIXES]
        if words and words[-1] not in _SURNAME_STOP:
            code = surnames.get(words[-1])
            if code is None and words[-1] not in surnames and len(words[-1]) >= 7:
                near = {c for s, c in _near(words[-1], _surname_neighbours()) if c}
                code = near.pop() if len(near) == 1 else None  # "Mitterand", "Bouteflicka"
    return code


Neighbours = dict[str, list[tuple[str, str | None]]]


def _neighbour_index(words: Iterable[tuple[str, str | None]]) -> Neighbours:
    """Words of 7+ letters by themselves and by every one-letter deletion, so that the words
    one edit from a query are found among those sharing one of its keys (no full scan)."""
    index: Neighbours = {}
    for word, value in words:
        if len(word) < 7:
            continue
        for key in {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}:
            index.setdefault(key, []).append((word, value))
    return index


def _near(query: str, index: Neighbours) -> list[tuple[str, str | None]]:
    """The (word, value) pairs of ``index`` one edit from ``query``."""
    keys = {query, *(query[:i] + query[i + 1:] for i in range(len(query)))}
    return [(w, v) for k in keys for w, v in index.get(k, ()) if _one_edit(query, w)]


@functools.lru_cache(maxsize=1)
def _surname_neighbours() -> Neighbours:
    return _neighbour_index(_leader_tables()[1].items())


@functools.lru_cache(maxsize=1)
def _state_neighbours() -> Neighbours:
    return _neighbour_index((n.lower(), code) for code, (names, _d, _c) in _STATES.items()
                            for n in names if " " not in n)


def _one_edit(a: str, b: str) -> bool:
    """One letter substituted, added, dropped or two swapped: a wire misspelling of a long
    surname ("Mitterand" for "Mitterrand")."""
    if a == b or abs(len(a) - len(b)) > 1 or len(b) < 7:
        return False
    start = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                 min(len(a), len(b)))
    if len(a) == len(b):
        rest = a[start + 1:] == b[start + 1:]
        swapped = a[start:start + 2] == b[start:start + 2][::-1] and a[start + 2:] == b[start + 2:]
        return rest or swapped
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[start + 1:] == shorter[start:]
