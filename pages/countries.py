"""Countries: one country as an origin and as a destination, with every section sourced."""

from datetime import date

import streamlit as st

from components.charts import show_chart
from components.countries import brief, figures
from components.countries import render as country_profile
from components.feedback import load_or_stop
from components.filters import render_link_keys, render_url_notes, show, view_link
from components.flows import render as flows
from components.frame import ensure_frame
from components.provenance import render_source_note
from data import (
    CATALOG,
    CORRIDOR_REVISIONS,
    country_choices,
    country_names,
    load_corridor_years,
    load_country_stock,
    load_remittances,
    load_sources,
)
from data.filters.profiles import COUNTRY_FILTERS
from data.profiles import country_remittances

ensure_frame()

st.title("Country profiles")
sources = load_or_stop(load_sources)
names = load_or_stop(country_names)
asia_pacific = load_or_stop(country_choices, asia_pacific=True)

controls = st.columns([3, 1])
country_filter, revision_filter = COUNTRY_FILTERS
iso3 = show(country_filter, options=asia_pacific, container=controls[0], format_func=names.get)
revision = show(revision_filter, options=CORRIDOR_REVISIONS, container=controls[1])
render_url_notes()

latest_year = max(load_or_stop(load_corridor_years, revision))
stock_measure = f"{CATALOG['corridors'].measure}. UN DESA {revision} revision."
st.header(names[iso3])
brief_slot, sides = st.container(), []

for role, heading, partner_word in [
    ("origin", "As an origin: people born here living abroad", "destinations"),
    ("destination", "As a destination: migrants living here", "origins"),
]:
    st.subheader(heading)
    trend, partners = load_or_stop(load_country_stock, revision, iso3, role=role, year=latest_year)
    sides.append(brief.StockSide(heading, partner_word, trend, partners))
    if trend["total"].isna().all() or partners.empty:
        st.info(f"No data: UN DESA gives no {partner_word} for {names[iso3]} in the {revision} revision.")
        continue
    left, right = st.columns(2)
    show_chart(
        figures.stock_trend_figure(trend, title=f"Migrants by sex, {trend['year'].min()}-{latest_year}"),
        key=f"{role}_trend",
        container=left,
    )
    show_chart(
        figures.partners_figure(partners, title=f"Top {partner_word}, {latest_year}"),
        key=f"{role}_partners",
        container=right,
    )
    render_source_note(sources, partners["source_id"], measure=stock_measure)

page_brief = brief.brief_html(
    name=names[iso3], revision=revision, year=latest_year, sides=sides, sources=sources, link=view_link(),
    remittances=country_remittances(load_or_stop(load_remittances), iso3), on=date.today(),
)  # fmt: skip
brief.render_brief_download(names[iso3], iso3, page_brief, container=brief_slot)
country_profile.render_remittances(iso3, names[iso3], sources)
country_profile.render_agreements(iso3, names[iso3], sources)
flows.country_section(iso3, names, sources)
country_profile.render_news(iso3, names)
render_link_keys(COUNTRY_FILTERS)
