"""The one list of pages: navigation in app.py and the home page cards are both built from it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PageInfo:
    script: str
    title: str
    icon: str
    url_path: str
    summary: str


PAGES = [
    PageInfo(
        "pages/home.py",
        "Overview",
        ":material/home:",
        "overview",
        "Headline figures for Asia and the Pacific, with their year and source.",
    ),
    PageInfo(
        "pages/corridors.py",
        "Corridors",
        ":material/flight_takeoff:",
        "corridors",
        "Who lives where: migrant stock by origin and destination, 1990-2024 (UN DESA).",
    ),
    PageInfo(
        "pages/corridor.py",
        "Corridor profile",
        ":material/compare_arrows:",
        "corridor",
        "One origin-destination pair: people, money sent home and its cost, agreements, departures, news.",
    ),
    PageInfo(
        "pages/departures.py",
        "Departures",
        ":material/luggage:",
        "departures",
        "Workers leaving for jobs abroad, by origin, destination and period, as each origin's agency counts them.",
    ),
    PageInfo(
        "pages/remittances.py",
        "Remittances",
        ":material/payments:",
        "remittances",
        "Money sent home: inflows, modelled sender-to-receiver estimates and the cost of sending.",
    ),
    PageInfo(
        "pages/agreements.py",
        "Agreements",
        ":material/handshake:",
        "agreements",
        "Bilateral labour migration agreements and MOUs, with their sources.",
    ),
    PageInfo(
        "pages/news.py",
        "News",
        ":material/newspaper:",
        "news",
        "A filterable timeline of labour-migration news and resources.",
    ),
    PageInfo(
        "pages/countries.py",
        "Countries",
        ":material/public:",
        "countries",
        "One country as an origin and as a destination.",
    ),
    PageInfo(
        "pages/methods.py",
        "Data & methods",
        ":material/menu_book:",
        "methods",
        "Every table with its source, licence, citation and caveats.",
    ),
]
