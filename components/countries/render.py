"""The country profile's sections: migrant stock, remittances, agreements and news (departures:
components.flows). Figures come from ``components.countries.figures``.

Each section loads its own table; one that cannot be read says so and the others still show.
"""

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from components.agreements.render import render_agreement_list
from components.charts import show_chart
from components.countries.brief import StockSide
from components.countries.figures import partners_figure, remittance_figure, stock_trend_figure
from components.feedback import load_or_stop, load_or_warn
from components.formatting import compact_number, percent
from components.i18n import _
from components.news.render import render_latest_news
from components.provenance import render_source_note
from data import CATALOG, load_agreements, load_country_stock, load_news, load_remittances
from data.profiles import country_remittances


def render_stock(
    iso3: str, names: Mapping[str, str], *, revision: int, year: int, sources: pd.DataFrame
) -> list[StockSide]:
    """The country as an origin and as a destination: trend by sex and largest partners in ``year``, from one UN
    DESA revision. Returns both sides for the brief."""
    name, sides = names[iso3], []
    stock_measure = _(
        "{measure}. UN DESA {revision} revision.", measure=_(CATALOG["corridors"].measure), revision=revision
    )
    for role, heading, top, no_data in [
        (
            "origin",
            _("As an origin: people born here living abroad"),
            _("Top destinations, {year}", year=year),
            _(
                "No data: UN DESA gives no destinations for {country} in the {revision} revision.",
                country=name,
                revision=revision,
            ),
        ),
        (
            "destination",
            _("As a destination: migrants living here"),
            _("Top origins, {year}", year=year),
            _(
                "No data: UN DESA gives no origins for {country} in the {revision} revision.",
                country=name,
                revision=revision,
            ),
        ),
    ]:
        st.subheader(heading)
        trend, partners = load_or_stop(load_country_stock, revision, iso3, role=role, year=year)
        sides.append(StockSide(heading, top, trend, partners))
        if trend["total"].isna().all() or partners.empty:
            st.info(no_data)
            continue
        left, right = st.columns(2)
        years = _("Migrants by sex, {first}-{last}", first=trend["year"].min(), last=year)
        show_chart(stock_trend_figure(trend, title=years), key=f"{role}_trend", container=left)
        show_chart(partners_figure(partners, title=top, names=names), key=f"{role}_partners", container=right)
        render_source_note(sources, partners["source_id"], measure=stock_measure)
    return sides


def render_remittances(iso3: str, name: str, sources: pd.DataFrame) -> None:
    st.subheader(_("Remittances received and paid"))
    table = load_or_warn(load_remittances, what=_("Remittances"))
    if table is None:
        return
    rows = country_remittances(table, iso3, series="wdi")
    published = rows.dropna(subset=["received_usd", "paid_usd"], how="all")
    if published.empty:
        st.info(_("No data: World Bank WDI publishes no remittance figures for {country}.", country=name))
        return
    latest = published.iloc[-1]
    columns = st.columns([4, 3, 4])  # room for a long compact amount ('US$ 1.08 หมื่นล้าน') in a metric
    year = latest["year"]
    columns[0].metric(_("Received, {year}", year=year), f"US$ {compact_number(latest['received_usd'])}")
    columns[1].metric(
        _("Received, % of GDP, {year}", year=year),
        percent(latest["received_pct_gdp"]),
        help=_("Received divided by GDP, both current US$ from WDI; no data where GDP is not published."),
    )
    columns[2].metric(_("Paid, {year}", year=year), f"US$ {compact_number(latest['paid_usd'])}")
    show_chart(
        remittance_figure(
            published,
            title=_(
                "Remittances received and paid, {first}-{last}",
                first=published["year"].min(),
                last=published["year"].max(),
            ),
        ),
        key="country_remittances",
    )
    render_source_note(sources, published["source_id"], measure=_(CATALOG["remittances"].measure))


def render_agreements(iso3: str, name: str, sources: pd.DataFrame) -> None:
    st.subheader(_("Agreements recorded"))
    agreements = load_or_warn(load_agreements, what=_("Agreements"))
    if agreements is not None:
        involved = agreements[(agreements["origin_iso3"] == iso3) | (agreements["destination_iso3"] == iso3)]
        render_agreement_list(involved, sources, key="country_agreements")
        st.page_link(
            "pages/agreements.py",
            label=_("All agreements of {country}", country=name),
            icon=":material/arrow_forward:",
            query_params={"country": iso3},
        )


def render_news(iso3: str, names: Mapping[str, str]) -> None:
    news = load_or_warn(load_news, what=_("News"))
    if news is not None:
        render_latest_news(news, countries=[iso3], country_names=names, limit=5)
