"""A one-page country brief to print or take to a meeting: a standalone HTML file (no scripts, no fonts or images
from elsewhere, laid out for A4) with the profile's key figures, each with its year and source.

``brief_html`` is pure (tables in, text out); ``render_brief_download`` is the button on the country profile.
"""

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from components.formatting import NO_DATA, exact_number, full_date, percent
from components.i18n import _, current_language
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

    heading: str  # in the reader's language
    partners_heading: str  # e.g. "Top destinations, 2024", in the reader's language
    trend: pd.DataFrame  # year, female, male, total (data.profiles.stock_trend)
    partners: pd.DataFrame  # partner, migrants, female_share, source_id (data.profiles.top_partners)


def _stock_block(side: StockSide, year: int, revision: int, names: Mapping[str, str]) -> str:
    rows = side.trend.dropna(subset=["total"])
    if rows.empty or side.partners.empty:
        no_data = _("No data in the UN DESA {revision} revision.", revision=revision)
        return f"<h2>{html.escape(side.heading)}</h2><p>{html.escape(no_data)}</p>"
    now = rows[rows["year"] == year]
    before = rows[rows["year"] < year].tail(1)
    total = now["total"].iloc[0] if len(now) else None
    change = ""
    if total is not None and len(before):
        difference = total - before["total"].iloc[0]
        amount = f"{'+' if difference > 0 else ''}{exact_number(difference)}"
        change = _("{change} since {year}", change=amount, year=int(before["year"].iloc[0]))
    partners = "".join(
        f"<tr><td>{html.escape(names.get(row.partner_iso3, str(row.partner)))}</td>"
        f"<td class='n'>{exact_number(row.migrants)}</td><td class='n'>{percent(row.female_share)}</td></tr>"
        for row in side.partners.head(5).itertuples()
    )
    shown_total = exact_number(total) if total is not None else _(NO_DATA)
    # _() outside the f-strings: pybabel does not look inside them.
    what, migrants, female_share = (
        html.escape(text)
        for text in (_("migrants, {year} (mid-year stock)", year=year), _("Migrants"), _("Female share"))
    )
    return (
        f"<h2>{html.escape(side.heading)}</h2><div class='figures'><div><div class='big'>{shown_total}</div>"
        f"{what}{'<br>' + html.escape(change) if change else ''}</div><div><table><tr>"
        f"<th>{html.escape(side.partners_heading)}</th><th class='n'>{migrants}</th>"
        f"<th class='n'>{female_share}</th></tr>{partners}</table></div></div>"
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
    names: Mapping[str, str] | None = None,
) -> str:
    """The brief as one HTML document, in the session's language (its ``lang``); ``names`` names the partner
    countries by ISO3. ``remittances``: the country's WDI rows (data.profiles.country_remittances). Source
    citations stay as published, marked English."""
    names = names or {}
    blocks = [_stock_block(side, year, revision, names) for side in sides]
    published = remittances.dropna(subset=["received_usd"])
    if published.empty:
        heading, text = _("Remittances received"), _("No data: World Bank WDI publishes no figure.")
        blocks.append(f"<h2>{html.escape(heading)}</h2><p>{html.escape(text)}</p>")
    else:
        latest = published.iloc[-1]
        heading = _("Remittances received, {year}", year=int(latest["year"]))
        what = _("personal remittances received (current US$, a yearly flow)")
        of_gdp = _("of GDP")
        blocks.append(
            f"<h2>{html.escape(heading)}</h2><div class='figures'><div><div class='big'>"
            f"US$ {exact_number(latest['received_usd'])}</div>{html.escape(what)}</div><div><div class='big'>"
            f"{percent(latest['received_pct_gdp'])}</div>{html.escape(of_gdp)}</div></div>"
        )
    ids = [*(i for side in sides for i in side.partners.get("source_id", [])), *published.get("source_id", [])]
    cited = "".join(
        f"<li lang='en'>{html.escape(source_line(row))}</li>" for _row, row in used_sources(sources, ids).iterrows()
    )
    note = _(
        "Migrant stock: UN DESA International Migrant Stock, {revision} revision (people living outside their "
        "country of origin; stocks, not yearly flows). Remittances: World Bank WDI. Prepared on {date} from the "
        "Asian labour migration dashboard; the full profile:",
        revision=revision,
        date=full_date(on),
    )
    title = _("{country}: labour migration brief", country=name)
    sources_heading = _("Sources")
    heading = _("{country}: labour migration in brief", country=name)
    return (
        f"<!DOCTYPE html><html lang='{current_language()}'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>"
        f"<h1>{html.escape(heading)}</h1>"
        f"<p class='note'>{html.escape(note)} "
        f"<a href='{html.escape(link, quote=True)}'>{html.escape(link)}</a>.</p>"
        + "".join(blocks)
        + f"<h2>{html.escape(sources_heading)}</h2><ul class='sources'>{cited}</ul></body></html>"
    )


def render_brief_download(name: str, iso3: str, brief: str, *, container=st) -> None:
    container.download_button(
        _("Country brief (one page, HTML to print)"),
        data=brief.encode("utf-8"),
        file_name=f"brief-{iso3}.html",
        mime="text/html",
        on_click="ignore",
        key="country_brief",
        icon=":material/print:",
        help=_(
            "{country}'s key figures with their years and sources on one A4 page: open it and print, or send it.",
            country=name,
        ),
    )
