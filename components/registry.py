"""The one list of pages: navigation in app.py and the home page cards are both built from it.

Titles and summaries are in English, marked for translation; show them through ``_()``."""

from dataclasses import dataclass

from components.i18n import N_


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
        N_("Overview"),
        ":material/home:",
        "overview",
        N_("Headline figures for Asia and the Pacific, with their year and source."),
    ),
    PageInfo(
        "pages/corridors.py",
        N_("Corridors"),
        ":material/flight_takeoff:",
        "corridors",
        N_("Who lives where: migrant stock by origin and destination, 1990-2024 (UN DESA)."),
    ),
    PageInfo(
        "pages/corridor.py",
        N_("Corridor profile"),
        ":material/compare_arrows:",
        "corridor",
        N_("One origin-destination pair: people, money sent home and its cost, agreements, departures, news."),
    ),
    PageInfo(
        "pages/departures.py",
        N_("Departures"),
        ":material/luggage:",
        "departures",
        N_("Workers leaving for jobs abroad, by origin, destination and period, as each origin's agency counts them."),
    ),
    PageInfo(
        "pages/remittances.py",
        N_("Remittances"),
        ":material/payments:",
        "remittances",
        N_("Money sent home: inflows, modelled sender-to-receiver estimates and the cost of sending."),
    ),
    PageInfo(
        "pages/agreements.py",
        N_("Agreements"),
        ":material/handshake:",
        "agreements",
        N_("Bilateral labour migration agreements and MOUs, with their sources."),
    ),
    PageInfo(
        "pages/news.py",
        N_("News"),
        ":material/newspaper:",
        "news",
        N_("A filterable timeline of labour-migration news and resources."),
    ),
    PageInfo(
        "pages/countries.py",
        N_("Countries"),
        ":material/public:",
        "countries",
        N_("One country as an origin and as a destination."),
    ),
    PageInfo(
        "pages/methods.py",
        N_("Data & methods"),
        ":material/menu_book:",
        "methods",
        N_("Every table with its source, licence, citation and caveats."),
    ),
]
