"""2024 (and 2023) remittance figures as printed on pages: World Bank estimates and Bangladesh Bank totals.

About ten countries' headline figures, not a full series, in their own table: each row names its release
(``series``, ``vintage``) so it is shown as a labelled point next to the WDI series, never joined to it.
"""

import hashlib
from pathlib import Path

import pandas as pd

from data.build.common import quoted_page_source, read_raw_csv

FIGURES_FILE = "remittances_2024_press_figures/remittance_figures_2023_2024_from_pages.csv"

# Which release each quoted source is, keyed by how the raw file names it (the start of ``quoted_source``).
RELEASES = {
    "World Bank blog post": ("wb_estimate_dec2024", "World Bank blog, 18 Dec 2024 (2024 estimates; early)"),
    '"World Bank data"': (
        "wb_data_sep2025",
        "World Bank data as reported in September 2025 (after the July 2025 WDI update)",
    ),
    "World Bank Migration and Development Brief 39": (
        "wb_brief_dec2023",
        "World Bank Migration and Development Brief 39, December 2023 (2023 estimates)",
    ),
    "Bangladesh Bank data": (
        "bangladesh_bank",
        "Bangladesh Bank, remittances through legal channels (national data, not the World Bank series)",
    ),
}
INDICATORS = ("remittance_inflows", "remittance_inflows_national", "growth_rate", "remittances_pct_gdp")
# World Bank group codes the pages use: low- and middle-income countries, South Asia, the world.
AGGREGATES = {"LMY": "Low- and middle-income countries", "SAS": "South Asia", "WLD": "World"}
UNIT_MULTIPLIERS = {"US$ billion": 1e9}

COLUMNS = [
    "series", "vintage", "area_code", "is_aggregate", "area_as_published", "year", "indicator", "value", "unit",
    "value_usd", "figure_as_printed", "value_precision", "basis", "note", "source_id",
]  # fmt: skip


def source_id_for(url: str, quoted_source: str) -> str:
    return "rem_" + hashlib.sha1(f"{url} | {quoted_source}".encode()).hexdigest()[:10]


def _release(quoted_source: str) -> tuple[str, str]:
    for start, release in RELEASES.items():
        if quoted_source.startswith(start):
            return release
    raise ValueError(f"A remittance figure quotes a source with no release described: {quoted_source!r}")


def _precision(printed: str) -> str:
    """'around $33.2 billion' and 'nearly $26.6 billion' are approximate as printed; the rest as printed."""
    words = printed.lower()
    return "approximate" if words.startswith(("around", "nearly", "about", "approximately")) else "as printed"


def build_remittance_headlines(raw: Path) -> tuple[pd.DataFrame, list[dict]]:
    figures = read_raw_csv(raw / FIGURES_FILE)
    unknown = set(figures["indicator"]) - set(INDICATORS)
    if unknown:
        raise ValueError(f"Remittance figures with indicators not described: {sorted(unknown)}")
    releases = figures["quoted_source"].map(_release)
    source_ids = [source_id_for(url, quoted) for url, quoted in zip(figures["source_url"], figures["quoted_source"])]
    table = pd.DataFrame(
        {
            "series": releases.str[0],
            "vintage": releases.str[1],
            "area_code": figures["iso3"],
            "is_aggregate": figures["iso3"].isin(AGGREGATES),
            "area_as_published": figures["country_as_printed"],
            "year": figures["year"],
            "indicator": figures["indicator"],
            "value": figures["value"],
            "unit": figures["unit"],
            # The printed figure in US$ (billions times 1e9), so it can be drawn on the same axis as WDI; not rounded.
            "value_usd": figures["value"] * figures["unit"].map(UNIT_MULTIPLIERS),
            "figure_as_printed": figures["figure_as_printed"],
            "value_precision": figures["figure_as_printed"].map(_precision),
            "basis": figures["basis"],
            "note": figures["note"],
            "source_id": source_ids,
        }
    )
    table = table[COLUMNS].sort_values(["series", "indicator", "area_code", "year"], ignore_index=True)
    return table, _sources(figures)


def _sources(figures: pd.DataFrame) -> list[dict]:
    sources = []
    for (url, quoted), rows in figures.groupby(["source_url", "quoted_source"], sort=True):
        publisher = rows["source_publisher"].iloc[0]
        page_date = rows["page_date"].dropna()
        sources.append(
            quoted_page_source(
                source_id=source_id_for(url, quoted),
                publisher=publisher,
                url=url,
                dated=page_date.iloc[0] if len(page_date) else None,
                quoted=quoted,
                what="Remittance",
                licence="Facts quoted with attribution; the underlying data are World Bank/KNOMAD (CC BY 4.0) or "
                "Bangladesh Bank",
                obtained_from="data/raw/sources/remittances_2024_press_figures/remittance_figures_2023_2024_from_pages.csv: "
                "transcribed from the project's stored pages corpus (no live web); see SOURCES.md",
                notes="Headline figures as printed, for about ten countries; not a full series. Early estimates: do "
                "not splice onto WDI without labelling the vintage.",
            )
        )
    return sources
