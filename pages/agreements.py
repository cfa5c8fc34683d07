"""Agreements: bilateral labour migration agreements and MOUs, each with the page that states it."""

import hashlib

import streamlit as st

from components import agreement_views as views
from components import agreements as parts
from components.downloads import render_downloads
from components.feedback import load_or_stop
from components.filters import choice_param, render_link_keys, render_url_notes, show, write_param
from components.frame import ensure_frame
from components.provenance import render_source_note
from data import (
    AGREEMENT_STOCK_REVISION,
    CATALOG,
    load_agreements,
    load_corridor_gaps,
    load_corridors,
    load_sources,
)
from data.agreements import (
    BOOKLET_SOURCE_ID,
    corridor_stocks,
    pair_history,
)
from data.filters.agreements import (
    AGREEMENT_LINK,
    FILTER,
    FILTERS,
    ROLE_LABELS,
    ROLES,
    SECTOR_PATTERNS,
    AgreementFilters,
)
from data.schemas import INSTRUMENT_TYPES

GAP_CORRIDORS = 30

ensure_frame()

st.title("Bilateral labour migration agreements")
spec = CATALOG["agreements"]
options = load_or_stop(views.choices)
sources = load_or_stop(load_sources)
names = options.names
st.caption(f"{spec.measure}. {spec.description}")

top, bottom = st.columns([3, 2]), st.columns([2, 2, 3])
chosen = show(FILTER["country"], options=options.parties, container=top[0], format_func=names.get,
              placeholder="All countries")
role = show(FILTER["role"], options=ROLES, container=top[1], format_func=ROLE_LABELS.get, horizontal=True)
types = show(FILTER["type"], options=INSTRUMENT_TYPES, container=bottom[0], placeholder="All types")
sectors = show(FILTER["sector"], options=list(SECTOR_PATTERNS), container=bottom[1],
               placeholder="All schemes and sectors")
period = show(FILTER["period"], minimum=options.first_year, maximum=options.last_year, container=bottom[2])
requested_id = choice_param("agr", options.agreement_ids, None)
render_url_notes()

filters = AgreementFilters(countries=tuple(chosen), role=role, instrument_types=tuple(types), sectors=tuple(sectors),
                           period=None if period == (options.first_year, options.last_year) else period)
view = load_or_stop(views.agreements_view, filters)

st.subheader("Agreements")
if view.frame.empty:
    st.info("No agreements match these filters. Widen the signing period or remove a filter.",
            icon=":material/filter_alt_off:")
    write_param("agr", None, None)
else:
    st.caption(f"{len(view.frame):,} of {len(options.agreement_ids):,} recorded instruments match "
               f"({view.undated} with no recorded date). Select a row for its detail; search and sort from the "
               "table's header.")
    table_key = "agreements_" + hashlib.sha1(repr(filters).encode()).hexdigest()[:8]  # a new selection per filter set
    selected_id = parts.render_agreements_table(view.frame, key=table_key, selected_id=requested_id)
    if requested_id and requested_id not in set(view.frame["agreement_id"]):
        st.info(f"The agreement {requested_id} is not among those matching these filters.", icon=":material/info:")
    write_param("agr", selected_id, None)
    if selected_id:
        agreements = load_or_stop(load_agreements)
        agreement = agreements.set_index("agreement_id", drop=False).loc[selected_id]
        corridors = load_or_stop(load_corridors, revision=AGREEMENT_STOCK_REVISION)
        parts.render_agreement_detail(agreement, history=pair_history(agreements, agreement),
                                      stocks=corridor_stocks(corridors, agreement), names=names, sources=sources)
    render_downloads(view.download, sources, name="agreements", title=spec.title, measure=spec.measure,
                     filters=filters.describe(names=names))

    st.subheader("Map of agreement pairs")
    st.pydeck_chart(view.deck, height=parts.MAP_SIZE_PX[1], key="agreements_map")
    parts.render_type_legend(view.agreements)
    st.caption("Arcs from origin to destination, one per instrument type, wider for more instruments. Hover over an arc "
               "for the pair and the number of instruments; drag and scroll to move and zoom.")
    st.subheader("Timeline of signings")
    if view.timeline is None:
        st.info("None of these agreements has a recorded date, so none is placed on the timeline; they are listed "
                "below.", icon=":material/event_busy:")
    else:
        st.plotly_chart(view.timeline, key="agreements_timeline")
        parts.render_type_legend(view.agreements[view.agreements["year_signed"].notna()])
    st.caption("One marker per destination, year and instrument type, larger for more instruments. An agreement "
               "whose page gives only the year is placed at that year; hover for the date as recorded.")
    parts.render_undated(view.frame, key="agreements_undated")

    st.subheader("Coverage by destination")
    parts.render_coverage(view.coverage, key="agreements_coverage")

st.subheader("Large corridors with no recorded agreement")
gaps, considered, latest_year = load_or_stop(load_corridor_gaps, revision=AGREEMENT_STOCK_REVISION,
                                             largest=GAP_CORRIDORS, countries=tuple(chosen), role=role)
st.caption(
    f"Of the {considered} largest corridors within Asia and the Pacific in {latest_year}"
    + (" for the chosen countries" if chosen else "") + f", {considered - len(gaps)} have at least one recorded "
    f"agreement (of any type or date) and {len(gaps)} have none. The inventory is partial: 'no recorded agreement' "
    "means none was found in the pages read, not that none exists."
)
if gaps.empty:
    st.info("Every one of these corridors has a recorded agreement.", icon=":material/check_circle:")
else:
    parts.render_gaps(gaps, names=names, year=latest_year, key="agreements_gaps")
render_source_note(sources, gaps["source_id"] if len(gaps) else [f"undesa_ims_{AGREEMENT_STOCK_REVISION}"],
                   measure=f"{CATALOG['corridors'].measure}. UN DESA {AGREEMENT_STOCK_REVISION} revision, "
                   f"{latest_year}; both countries in the UN regions Asia or Oceania, unknown origins left out.")

st.subheader("Regional instruments")
st.caption(CATALOG["regional_instruments"].description)
parts.render_regional_instruments(load_or_stop(views.regional_view), key="regional_instruments")

render_source_note(sources, [BOOKLET_SOURCE_ID], measure=(
    f"{spec.measure}. Every agreement links the page that states it (Source column); the downloads carry each "
    "row's citation and licence. The base list for Korea, Malaysia and Thailand is the ILO booklet below."))

render_link_keys(FILTERS, extra=[AGREEMENT_LINK])
