"""News: a filterable timeline of labour-migration news and resources, with the user's own items.

Link keys: ``data.filters.news.FILTERS`` (the page's "What the link can say" table is written from it)."""

import streamlit as st

from components import news as news_view
from components.downloads import render_downloads
from components.feedback import load_or_stop
from components.filters import render_link_keys, render_url_notes, show
from components.frame import ensure_frame
from components.provenance import render_source_note
from data import CATALOG, load_news, load_sources, load_user_news
from data import country_names as names_by_code
from data.filters.news import FILTER, FILTERS, NewsFilters
from data.news import (
    KINDS,
    TOPICS,
    combined,
    count_by,
    count_user_supplied,
    export_table,
    publisher_options,
    split_dated,
    year_bounds,
)

ensure_frame()

st.title("News and resources")
spec = CATALOG["news"]
st.caption(f"{spec.measure}. Countries and topics were assigned by the compilers; summaries are theirs, not the "
           "publishers'. Coverage is uneven between countries.")
news = load_or_stop(load_news)
sources = load_or_stop(load_sources)
country_names = load_or_stop(names_by_code)
source_labels = news_view.listing_labels(sources)

filter_area = st.container()
with st.expander("Add your own items from a CSV file", icon=":material/upload_file:"):
    st.caption("Columns: title, date (YYYY-MM-DD, YYYY-MM or YYYY; blank for an undated resource), kind, topics; "
               "optional: publisher, url, countries_iso3, summary, item_id, date_precision. UTF-8, at most 1 MB; "
               "the full format is in the README. Your items stay in this browser session: they are not saved "
               "and not part of the link to this view.")
    upload = st.file_uploader("CSV file of news items", type=["csv"], key="news_upload", max_upload_size=1)
    user_items, upload_problems = load_user_news(upload.getvalue()) if upload is not None else (None, [])
    if upload is not None:
        news_view.render_upload_report(user_items, upload_problems)
items = combined(news, user_items)

with filter_area:
    top = st.columns([3, 2, 1])
    text = show(FILTER["q"], container=top[0], max_chars=100, placeholder="e.g. recruitment fees, Türkiye, viet nam")
    first_year, last_year = year_bounds(items)
    years = show(FILTER["years"], minimum=first_year, maximum=last_year, container=top[1])
    colour_by = show(FILTER["colour"], options=list(news_view.COLOUR_BY), format_func=news_view.COLOUR_BY.get,
                     container=top[2], horizontal=True)
    row = st.columns(4)
    counted = {column: count_by(items, column) for column in ("countries", "topic_list", "kind", "publishers")}
    publishers = publisher_options(items)
    chosen_countries = show(
        FILTER["country"], options=sorted(country_names, key=country_names.get), container=row[0],
        format_func=lambda code: f"{country_names[code]} ({counted['countries'].get(code, 0)})")
    chosen_topics = show(FILTER["topic"], options=TOPICS, container=row[1],
                         format_func=lambda topic: f"{topic} ({counted['topic_list'].get(topic, 0)})")
    chosen_kinds = show(FILTER["kind"], options=KINDS, container=row[2],
                        format_func=lambda kind: f"{kind} ({counted['kind'].get(kind, 0)})")
    chosen_publishers = show(
        FILTER["pub"], options=list(publishers), container=row[3],
        format_func=lambda slug: f"{publishers[slug]} ({counted['publishers'].get(publishers[slug], 0)})")
    render_url_notes()

filters = NewsFilters(
    years=None if years == (first_year, last_year) else years,
    countries=tuple(chosen_countries), topics=tuple(chosen_topics), kinds=tuple(chosen_kinds),
    publishers=tuple(publishers[slug] for slug in chosen_publishers), text=text,
)
matching = filters.apply(items)
dated, undated = split_dated(matching)
user_count = count_user_supplied(matching)
st.markdown(news_view.counts_line(len(matching), total=len(items), dated=len(dated), undated=len(undated),
                                  user_supplied=user_count))

if matching.empty:
    st.info("No items match these filters. Widen the years, remove a country, topic, kind or publisher, or "
            "change the search words.", icon=":material/search_off:")
    st.stop()

if dated.empty:
    st.info("No dated items match these filters; the undated resources that match are listed below.")
else:
    news_view.render_timeline(dated, colour_by=colour_by, key="news_timeline")
    st.caption(news_view.TIMELINE_NOTE)
    st.subheader(f"Dated items ({len(dated)}), newest first")
    news_view.render_item_list(dated, key="dated_page", country_names=country_names, source_labels=source_labels)

if not undated.empty:
    st.subheader(f"Undated resources ({len(undated)})")
    st.caption("Resources without a date (the listing they come from prints none): they are not on the timeline, "
               "and the years filter keeps them.")
    news_view.render_item_list(undated, key="undated_page", country_names=country_names,
                               source_labels=source_labels)

st.divider()
described = filters.describe(country_names=country_names)
if user_count:
    described.append(f"Includes {user_count} user-supplied item(s), not from a published source")
render_downloads(export_table(matching), sources, name="news", title=spec.title, measure=spec.measure,
                 filters=described)
render_source_note(sources, matching["source_id"], measure=spec.measure)
render_link_keys(FILTERS)
