"""The country profile's sections beyond migrant stock: remittances, agreements and news (departures:
components.flows). Figures come from ``components.countries.figures``.

Each section loads its own table; one that cannot be read says so and the others still show.
"""

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from components.agreements.render import render_agreement_list
from components.charts import show_chart
from components.countries.figures import remittance_figure
from components.feedback import load_or_warn
from components.formatting import compact_number, percent
from components.news.render import render_latest_news
from components.provenance import render_source_note
from data import CATALOG, load_agreements, load_news, load_remittances
from data.profiles import country_remittances


def render_remittances(iso3: str, name: str, sources: pd.DataFrame) -> None:
    st.subheader("Remittances received and paid")
    table = load_or_warn(load_remittances, what="Remittances")
    if table is None:
        return
    rows = country_remittances(table, iso3, series="wdi")
    published = rows.dropna(subset=["received_usd", "paid_usd"], how="all")
    if published.empty:
        st.info(f"No data: World Bank WDI publishes no remittance figures for {name}.")
        return
    latest = published.iloc[-1]
    columns = st.columns(3)
    columns[0].metric(f"Received, {latest['year']}", f"US$ {compact_number(latest['received_usd'])}")
    columns[1].metric(
        f"Received, % of GDP, {latest['year']}",
        percent(latest["received_pct_gdp"]),
        help="Received divided by GDP, both current US$ from WDI; no data where GDP is not published.",
    )
    columns[2].metric(f"Paid, {latest['year']}", f"US$ {compact_number(latest['paid_usd'])}")
    show_chart(
        remittance_figure(
            published, title=f"Personal remittances, {published['year'].min()}-{published['year'].max()}"
        ),
        key="country_remittances",
    )
    render_source_note(sources, published["source_id"], measure=CATALOG["remittances"].measure)


def render_agreements(iso3: str, name: str, sources: pd.DataFrame) -> None:
    st.subheader("Agreements recorded")
    agreements = load_or_warn(load_agreements, what="Agreements")
    if agreements is not None:
        involved = agreements[(agreements["origin_iso3"] == iso3) | (agreements["destination_iso3"] == iso3)]
        render_agreement_list(involved, sources, key="country_agreements")
        st.page_link(
            "pages/agreements.py",
            label=f"All agreements of {name}",
            icon=":material/arrow_forward:",
            query_params={"country": iso3},
        )


def render_news(iso3: str, names: Mapping[str, str]) -> None:
    news = load_or_warn(load_news, what="News")
    if news is not None:
        render_latest_news(news, countries=[iso3], country_names=names, limit=5)
