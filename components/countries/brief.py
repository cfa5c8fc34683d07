"""A one-page country brief to print or take to a meeting: a standalone HTML file (no scripts, no fonts or images
from elsewhere, laid out for A4) with the profile's key figures, each with its year and source.

``brief_html`` is pure (tables in, text out); ``render_brief_download`` is the button on the country profile.
"""

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from components.formatting import NO_DATA, exact_number, percent
from components.provenance import source_line, used_sources

STYLE = """
@page { size: A4; margin: 14mm; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a;
       max-width: 180mm; margin: 0 auto; font-size: 10.5pt; line-height: 1.35; }
h1 { font-size: 18pt; margin: 0 0 2mm; } h2 { font-size: 12pt; margin: 5mm 0 1.5mm; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 1mm 2mm; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; } tr:nth-child(even) td { background: #f2f2f2; }
.note, .sources { font-size: 8.5pt; color: #444; } .figures { display: flex; gap: 6mm; }
.figures div { flex: 1; } .big { font-size: 15pt; font-weight: 600; }
@media print { a { color: inherit; text-decoration: none; } }
"""


@dataclass(frozen=True)
class StockSide:
    """A country as an origin or a destination: the trend by year and its largest partners in the latest year."""

    heading: str
    partner_word: str
    trend: pd.DataFrame  # year, female, male, total (data.profiles.stock_trend)
    partners: pd.DataFrame  # partner, migrants, female_share, source_id (data.profiles.top_partners)


def _stock_block(side: StockSide, year: int, revision: int) -> str:
    rows = side.trend.dropna(subset=["total"])
    if rows.empty or side.partners.empty:
        return f"<h2>{html.escape(side.heading)}</h2><p>No data in the UN DESA {revision} revision.</p>"
    now = rows[rows["year"] == year]
    before = rows[rows["year"] < year].tail(1)
    total = now["total"].iloc[0] if len(now) else None
    change = ""
    if total is not None and len(before):
        difference = total - before["total"].iloc[0]
        change = f"{'+' if difference > 0 else ''}{exact_number(difference)} since {int(before['year'].iloc[0])}"
    partners = "".join(
        f"<tr><td>{html.escape(str(row.partner))}</td><td class='n'>{exact_number(row.migrants)}</td>"
        f"<td class='n'>{percent(row.female_share)}</td></tr>"
        for row in side.partners.head(5).itertuples()
    )
    return (
        f"<h2>{html.escape(side.heading)}</h2><div class='figures'><div><div class='big'>"
        f"{exact_number(total) if total is not None else NO_DATA}</div>migrants, {year} (mid-year stock)"
        f"{'<br>' + change if change else ''}</div><div><table><tr><th>Top {side.partner_word}, {year}</th>"
        f"<th class='n'>Migrants</th><th class='n'>Female share</th></tr>{partners}</table></div></div>"
    )


def brief_html(
    *,
    name: str,
    revision: int,
    year: int,
    sides: Sequence[StockSide],
    remittances: pd.DataFrame,
    sources: pd.DataFrame,
    link: str,
    on: date,
) -> str:
    """The brief as one HTML document. ``remittances``: the country's WDI rows (data.profiles.country_remittances)."""
    blocks = [_stock_block(side, year, revision) for side in sides]
    published = remittances.dropna(subset=["received_usd"])
    if published.empty:
        blocks.append("<h2>Remittances received</h2><p>No data: World Bank WDI publishes no figure.</p>")
    else:
        latest = published.iloc[-1]
        blocks.append(
            f"<h2>Remittances received, {int(latest['year'])}</h2><div class='figures'><div><div class='big'>"
            f"US$ {exact_number(latest['received_usd'])}</div>personal remittances received (current US$, a yearly "
            f"flow)</div><div><div class='big'>{percent(latest['received_pct_gdp'])}</div>of GDP</div></div>"
        )
    ids = [*(i for side in sides for i in side.partners.get("source_id", [])), *published.get("source_id", [])]
    cited = "".join(f"<li>{html.escape(source_line(row))}</li>" for _, row in used_sources(sources, ids).iterrows())
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(name)}: labour migration brief</title><style>{STYLE}</style></head><body>"
        f"<h1>{html.escape(name)}: labour migration in brief</h1>"
        f"<p class='note'>Migrant stock: UN DESA International Migrant Stock, {revision} revision (people living "
        "outside their country of origin; stocks, not yearly flows). Remittances: World Bank WDI. Prepared on "
        f"{on.isoformat()} from the Asian labour migration dashboard; the full profile: "
        f"<a href='{html.escape(link, quote=True)}'>{html.escape(link)}</a>.</p>"
        + "".join(blocks)
        + f"<h2>Sources</h2><ul class='sources'>{cited}</ul></body></html>"
    )


def render_brief_download(name: str, iso3: str, brief: str, *, container=st) -> None:
    container.download_button(
        "Country brief (one page, HTML to print)",
        data=brief.encode("utf-8"),
        file_name=f"brief-{iso3}.html",
        mime="text/html",
        on_click="ignore",
        key="country_brief",
        icon=":material/print:",
        help=f"{name}'s key figures with their years and sources on one A4 page: open it and print, or send it.",
    )
