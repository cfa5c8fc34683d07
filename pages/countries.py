"""Countries: one country as an origin and as a destination, with every section sourced."""

from datetime import date

import streamlit as st

from components.countries import brief
from components.countries import render as country_profile
from components.feedback import load_or_stop
from components.filters import render_link_keys, render_url_notes, show, view_link
from components.flows import render as flows
from components.frame import ensure_frame
from components.i18n import _, country_names_in
from data import (
    CORRIDOR_REVISIONS,
    UNKNOWN_PLACE,
    country_choices,
    country_names,
    load_corridor_years,
    load_remittances,
    load_sources,
)
from data.filters.profiles import COUNTRY_FILTERS
from data.profiles import country_remittances

ensure_frame()

st.title(_("Country profiles"))
sources = load_or_stop(load_sources)
names = country_names_in(load_or_stop(country_names)) | {UNKNOWN_PLACE: _("Other or unknown")}  # UN DESA's OOO
asia_pacific = load_or_stop(country_choices, asia_pacific=True)

controls = st.columns([3, 1])
country_filter, revision_filter = COUNTRY_FILTERS
iso3 = show(country_filter, options=asia_pacific, container=controls[0], format_func=names.get)
revision = show(revision_filter, options=CORRIDOR_REVISIONS, container=controls[1])
render_url_notes()
st.caption(
    _(
        "The revision applies to the migrant stock sections and the brief's stock figures; remittances, departures, "
        "agreements and news come from other sources and do not change with it."
    )
)

latest_year = max(load_or_stop(load_corridor_years, revision))
st.header(names[iso3])
brief_slot = st.container()
sides = country_profile.render_stock(iso3, names, revision=revision, year=latest_year, sources=sources)
page_brief = brief.brief_html(
    name=names[iso3], revision=revision, year=latest_year, sides=sides, sources=sources, link=view_link(),
    remittances=country_remittances(load_or_stop(load_remittances), iso3), on=date.today(), names=names,
)  # fmt: skip
brief.render_brief_download(names[iso3], iso3, page_brief, container=brief_slot)
country_profile.render_remittances(iso3, names[iso3], sources)
country_profile.render_agreements(iso3, names[iso3], sources)
flows.country_section(iso3, names, sources)
country_profile.render_news(iso3, names)
render_link_keys(COUNTRY_FILTERS)
