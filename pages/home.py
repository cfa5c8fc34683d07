"""Overview: headline figures with their year and source, and a card for every page."""

import streamlit as st

from components import overview
from components.feedback import load_or_stop, load_or_warn
from components.formatting import exact_number
from components.frame import ensure_frame
from components.i18n import _, country_names_in
from components.news.render import render_headlines
from components.provenance import render_source_note
from components.registry import PAGES
from data import CATALOG, country_names, load, load_corridors
from data.profiles import regional_remittances, regional_stock

ensure_frame()

st.title(_("Labour migration in Asia and the Pacific"))
st.write(
    _(
        "Corridors, remittances, agreements and news on labour migration in and from Asia and the Pacific, "
        "from published datasets (UN DESA, World Bank, KNOMAD, ILO, national statistics). "
        "Every view can be bookmarked, and the table behind it downloaded with its sources."
    )
)

countries = load_or_stop(load, "countries")
sources = load_or_stop(load, "sources")
names = country_names_in(load_or_stop(country_names))
corridors = load_or_stop(load_corridors, revision=2024)
stock = regional_stock(corridors, countries, year=int(corridors["year"].max()))

st.header(_("International migrants, {year}", year=stock["year"]))
overview.render_stock_tiles(stock, names=names)
st.page_link("pages/corridors.py", label=_("Explore the corridors"), icon=":material/arrow_forward:")
render_source_note(
    sources,
    stock["source_ids"],
    measure=_("{measure}. UN DESA 2024 revision.", measure=_(CATALOG["corridors"].measure)),
)

with st.container():
    remittances = load_or_warn(load, "remittances", what=_("Remittances"))
    if remittances is not None:
        money = regional_remittances(remittances, countries)
        st.header(_("Remittances received, {year}", year=money["year"]))
        overview.render_remittance_tiles(money, names=names)
        st.page_link("pages/remittances.py", label=_("Explore remittances"), icon=":material/arrow_forward:")
        render_source_note(sources, money["source_ids"], measure=_(CATALOG["remittances"].measure))
middle, right = st.columns([1, 2])
with middle:
    agreements = load_or_warn(load, "agreements", what=_("Agreements"))
    if agreements is not None:
        st.header(_("Agreements"))
        st.metric(
            _("Bilateral agreements and MOUs recorded"),
            exact_number(len(agreements)),
            border=True,
            help=_("A partial inventory: each row cites the page that states it."),
        )
        st.page_link("pages/agreements.py", label=_("Explore agreements"), icon=":material/arrow_forward:")
with right:
    news = load_or_warn(load, "news", what=_("News"))
    if news is not None:
        render_headlines(news, limit=3)
        st.page_link("pages/news.py", label=_("All news and resources"), icon=":material/arrow_forward:")

st.header(_("Pages"))
columns = st.columns(3)
for index, page in enumerate(PAGES[1:]):
    with columns[index % 3].container(border=True):
        st.page_link(page.script, label=_(page.title), icon=page.icon)
        st.caption(_(page.summary))
