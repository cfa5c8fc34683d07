"""Agreements: bilateral labour migration agreements and MOUs, each with the page that states it."""

import streamlit as st

from components.agreements import render
from components.agreements.figures import instrument_label
from components.countries.places import place_label, place_options, render_group_note
from components.feedback import load_or_stop
from components.filters import choice_param, render_link_keys, render_url_notes, show
from components.frame import ensure_frame
from components.i18n import _
from components.provenance import render_source_note
from data import CATALOG, load, load_country_groups
from data.agreements import BOOKLET_SOURCE_ID
from data.filters.agreements import (
    AGREEMENT_LINK,
    FILTER,
    FILTERS,
    ROLE_LABELS,
    ROLES,
    SECTOR_PATTERNS,
    AgreementFilters,
)
from data.filters.places import group_members
from data.schemas import INSTRUMENT_TYPES

ensure_frame()

st.title(_("Bilateral labour migration agreements"))
spec = CATALOG["agreements"]
options = load_or_stop(render.choices)
sources = load_or_stop(load, "sources")
names, groups = options.names, load_or_stop(load_country_groups)
st.caption(_(spec.measure) + ". " + _(spec.description))

top, bottom = st.columns([3, 2]), st.columns([2, 2, 3])
chosen = show(FILTER["country"], options=place_options(groups, options.parties), container=top[0],
              format_func=place_label(names, groups), placeholder=_("All countries"))  # fmt: skip
render_group_note(
    chosen, meaning=_("A group means any of its members: agreements with at least one party in it."), container=top[0]
)
role = show(FILTER["role"], options=ROLES, container=top[1], format_func=lambda role: _(ROLE_LABELS[role]),
            horizontal=True)  # fmt: skip
types = show(FILTER["type"], options=INSTRUMENT_TYPES, container=bottom[0], format_func=instrument_label,
             placeholder=_("All types"))  # fmt: skip
sectors = show(FILTER["sector"], options=list(SECTOR_PATTERNS), container=bottom[1], format_func=_,
               placeholder=_("All schemes and sectors"))  # fmt: skip
period = show(FILTER["period"], minimum=options.first_year, maximum=options.last_year, container=bottom[2])
requested_id = choice_param("agr", options.agreement_ids, None)
render_url_notes()

filters = AgreementFilters(
    countries=tuple(chosen), role=role, instrument_types=tuple(types), sectors=tuple(sectors),
    period=None if period == (options.first_year, options.last_year) else period, group_members=group_members(groups),
)  # fmt: skip
render.agreements_section(filters, options=options, requested_id=requested_id, sources=sources, spec=spec)
render.gaps_section(chosen=filters.parties, role=role, names=names, sources=sources)
render.regional_section(sources)

render_source_note(
    sources,
    [BOOKLET_SOURCE_ID],
    measure=_(
        "{measure}. Every agreement links the page that states it (Source column); the downloads carry each row's "
        "citation and licence. The base list for Korea, Malaysia and Thailand is the ILO booklet below.",
        measure=_(spec.measure),
    ),
)
render_link_keys(FILTERS, extra=[AGREEMENT_LINK])
