"""News: a filterable timeline of labour-migration news and resources, with the user's own items.

Link keys: ``data.filters.news.FILTERS`` (the page's "What the link can say" table is written from it)."""

import streamlit as st

from components.countries.places import place_label, place_options, render_group_note
from components.feedback import load_or_stop
from components.filters import render_link_keys, render_url_notes, show
from components.frame import ensure_frame
from components.i18n import _, country_names_in
from components.news import render as news_view
from components.news.figures import COLOUR_BY, group_counts, kind_label, listing_labels, topic_label, with_count
from data import CATALOG, load_country_groups, load_news, load_sources
from data import country_names as names_by_code
from data.filters.news import FILTER, FILTERS, NewsFilters
from data.filters.places import group_members
from data.news import (
    KINDS,
    TOPICS,
    combined,
    count_by,
    publisher_options,
    year_bounds,
)

ensure_frame()

st.title(_("News and resources"))
spec = CATALOG["news"]
st.caption(
    _(
        "{measure}. Countries and topics were assigned by the compilers; summaries are theirs, not the publishers'. "
        "Coverage is uneven between countries.",
        measure=_(spec.measure),
    )
)
news = load_or_stop(load_news)
sources = load_or_stop(load_sources)
country_names, groups = country_names_in(load_or_stop(names_by_code)), load_or_stop(load_country_groups)
members = group_members(groups)
source_labels = listing_labels(sources)

filter_area = st.container()
user_items = news_view.upload_section()
items = combined(news, user_items)

with filter_area:
    top, row = st.columns([3, 2, 1]), st.columns(4)
    text = show(FILTER["q"], container=top[0], max_chars=100, placeholder=_("e.g. recruitment fees, Türkiye, viet nam"))
    first_year, last_year = year_bounds(items)
    years = show(FILTER["years"], minimum=first_year, maximum=last_year, container=top[1])
    colour_by = show(FILTER["colour"], options=list(COLOUR_BY), format_func=lambda lanes: _(COLOUR_BY[lanes]),
                     container=top[2], horizontal=True)  # fmt: skip
    counted = {column: count_by(items, column) for column in ("countries", "topic_list", "kind", "publishers")}
    publishers, country_counts = publisher_options(items), counted["countries"] | group_counts(items, members)
    chosen_countries = show(
        FILTER["country"], options=place_options(groups, sorted(country_names, key=country_names.get)), container=row[0],
        format_func=place_label(country_names, groups, counts=country_counts), placeholder=_("All countries"),
    )  # fmt: skip
    render_group_note(chosen_countries, meaning=_("A group means any of its members."), container=row[0])
    chosen_topics = show(FILTER["topic"], options=TOPICS, container=row[1], placeholder=_("All topics"),
                         format_func=with_count(counted["topic_list"], topic_label))  # fmt: skip
    chosen_kinds = show(FILTER["kind"], options=KINDS, container=row[2], placeholder=_("All kinds"),
                        format_func=with_count(counted["kind"], kind_label))  # fmt: skip
    chosen_publishers = show(FILTER["pub"], options=list(publishers), container=row[3], placeholder=_("All publishers"),
                             format_func=with_count(counted["publishers"], publishers.get, counted_by_label=True))  # fmt: skip
    render_url_notes()

filters = NewsFilters(
    years=None if years == (first_year, last_year) else years, countries=tuple(chosen_countries),
    topics=tuple(chosen_topics), kinds=tuple(chosen_kinds), text=text,
    publishers=tuple(publishers[slug] for slug in chosen_publishers), group_members=members,
)  # fmt: skip
news_view.results_section(
    filters, items, colour_by=colour_by, country_names=country_names, source_labels=source_labels, sources=sources
)
render_link_keys(FILTERS)
