"""News items on screen: the timeline, item cards, the upload report, the latest news of a country or corridor,
and the News page's sections. Builders are in ``components.news.figures``; nothing is cached here."""

import math
from collections.abc import Mapping, Sequence

import pandas as pd
import streamlit as st

from components.charts import show_chart
from components.countries.places import group_names
from components.downloads import render_downloads
from components.feedback import load_or_stop
from components.formatting import exact_number
from components.i18n import N_, _, ngettext
from components.news.figures import (
    TIMELINE_NOTE,
    card_markdown,
    counts_line,
    format_item_date,
    item_meta,
    timeline_figure,
    title_markdown,
)
from components.plain_text import plain_markdown
from components.provenance import render_source_note
from data import CATALOG, load_country_groups, load_user_news
from data.filters.news import NewsFilters
from data.news import count_user_supplied, export_table, latest_news, split_dated

NEWS_PAGE = "pages/news.py"


PER_PAGE = 10
UNDATED_PER_PAGE = 50


MAX_LISTED_PROBLEMS = 20


def render_timeline(items: pd.DataFrame, *, colour_by: str, key: str) -> None:
    """The timeline, built on every run: figures are never cached (data/__init__.py's caching policy)."""
    show_chart(timeline_figure(items, colour_by=colour_by), key=key, numbers=False)


def render_upload_report(user_items: pd.DataFrame, problems: Sequence[str]) -> None:
    """What was read from the user's file, and each problem by line (as text: it may quote the file)."""
    if len(user_items):
        st.success(
            ngettext(
                "{count} item added from your file. It is marked user-supplied wherever it is shown and in downloads.",
                "{count} items added from your file. They are marked user-supplied wherever they are shown and in "
                "downloads.",
                len(user_items),
            ),
            icon=":material/check_circle:",
        )
    if problems:
        skipped = _("Nothing was added.") if user_items.empty else _("The other rows were added.")
        with st.container(border=True):
            problem_count = ngettext("{count} problem in your file.", "{count} problems in your file.", len(problems))
            st.warning(f"{problem_count} {skipped}", icon=":material/warning:")
            # The data layer's own words (file, line, column, cell), as it writes them.
            st.text("\n".join(problems[:MAX_LISTED_PROBLEMS]))
            if len(problems) > MAX_LISTED_PROBLEMS:
                st.caption(_("… and {count} more.", count=exact_number(len(problems) - MAX_LISTED_PROBLEMS)))


def render_item_card(item: Mapping, *, country_names: Mapping[str, str], source_labels: Mapping[str, str]) -> None:
    # One markdown element a card: the elements of a page of cards are most of a rerun's cost.
    with st.container(border=True):
        st.markdown(card_markdown(item, country_names=country_names, source_labels=source_labels))


# Turning a page of cards (or showing more undated ones) reruns this list only, not the page's filters, timeline
# and downloads.
@st.fragment(key="news_cards")
def render_item_list(
    items: pd.DataFrame,
    *,
    key: str,
    country_names: Mapping[str, str],
    source_labels: Mapping[str, str],
    per_page: int = PER_PAGE,
    paged: bool = True,
) -> None:
    """Cards, a page of ``per_page`` at a time; with ``paged=False``, the first ``per_page`` and a button that
    shows ``per_page`` more. A page holds one set of page numbers only: each is a navigation landmark, and
    st.pagination takes no name to tell two apart (axe "landmark-unique")."""
    if not paged:
        _render_growing_list(
            items, key=key, country_names=country_names, source_labels=source_labels, per_page=per_page
        )
        return
    page_count = max(math.ceil(len(items) / per_page), 1)
    if not 1 <= st.session_state.get(key, 1) <= page_count:
        st.session_state[key] = 1  # the filters changed under the page number
    page = st.pagination(page_count, key=key) if page_count > 1 else 1
    shown = items.iloc[(page - 1) * per_page : page * per_page]
    if page_count > 1:
        first, last = (page - 1) * per_page + 1, (page - 1) * per_page + len(shown)
        st.caption(_("Items {first}-{last} of {total}", first=first, last=last, total=len(items)))
    for item in shown.to_dict("records"):
        render_item_card(item, country_names=country_names, source_labels=source_labels)


def _render_growing_list(
    items: pd.DataFrame, *, key: str, country_names: Mapping[str, str], source_labels: Mapping[str, str], per_page: int
) -> None:
    count_key = f"_{key}_shown"
    shown_count = min(max(st.session_state.get(count_key, per_page), per_page), len(items))
    for item in items.head(shown_count).to_dict("records"):
        render_item_card(item, country_names=country_names, source_labels=source_labels)
    left = len(items) - shown_count
    if left:
        st.caption(_("Showing {shown} of {total}", shown=shown_count, total=len(items)))
        more = min(left, per_page)
        st.button(
            _("Show {count} more", count=more),
            key=f"{key}_more",
            icon=":material/expand_more:",
            on_click=st.session_state.__setitem__,
            args=(count_key, shown_count + more),
        )


def render_latest_news(
    items: pd.DataFrame,
    *,
    countries: Sequence[str],
    limit: int = 5,
    match_all: bool = False,
    country_names: Mapping[str, str] | None = None,
    heading: str | None = N_("Latest news"),
    news_page: str = NEWS_PAGE,
) -> None:
    """For a country or corridor view: the newest items tagged with any of ``countries`` (every one of them with
    ``match_all``, e.g. both ends of a corridor), and a link to the News page filtered to them (which lists
    items tagged with any of them). ``items`` is the news table (``data.load_news()``); ``news_page`` is the
    News page as registered with st.navigation."""
    names = [(country_names or {}).get(code, code) for code in countries]
    latest = latest_news(items, countries=countries, limit=limit, match_all=match_all)
    if heading:
        st.subheader(_(heading))
    if latest.empty:
        if len(names) == 2:
            message = (
                _("No news items are tagged with {first} and {second} yet.", first=names[0], second=names[1])
                if match_all
                else _("No news items are tagged with {first} or {second} yet.", first=names[0], second=names[1])
            )
        else:
            message = _("No news items are tagged with {countries} yet.", countries=", ".join(names))
        st.info(plain_markdown(message), icon=":material/newspaper:")
    for item in latest.to_dict("records"):
        st.markdown(title_markdown(item["title"], item["url"]))
        st.caption(plain_markdown(item_meta(item, source_labels={})))
    st.page_link(
        news_page,
        label=plain_markdown(
            _("All news and resources for {first} or {second}", first=names[0], second=names[1])
            if len(names) == 2
            else _("All news and resources for {countries}", countries=", ".join(names))
        ),
        icon=":material/arrow_forward:",
        query_params={"country": ",".join(countries)},
    )


def render_headlines(news: pd.DataFrame, *, limit: int) -> None:
    """The latest dated items: linked title and date, under a "Latest news" heading."""
    st.subheader(_("Latest news"))
    for item in news.dropna(subset=["period_start"]).head(limit).to_dict("records"):
        st.markdown(title_markdown(item["title"], item["url"]))
        st.caption(format_item_date(item["date"], item["date_precision"]))


# --- the News page's sections ----------------------------------------------------------------------------


def upload_section() -> pd.DataFrame | None:
    """The user's own items from a CSV file (this session only), with what was read and each problem."""
    user_items = None
    with st.expander(_("Add your own items from a CSV file"), icon=":material/upload_file:"):
        st.caption(
            _(
                "Columns: title, date (YYYY-MM-DD, YYYY-MM or YYYY; blank for an undated resource), kind, topics; "
                "optional: publisher, url, countries_iso3, summary, item_id, date_precision. UTF-8, at most 1 MB; "
                "the full format is in the README. Your items stay in this browser session: they are not saved "
                "and not part of the link to this view."
            )
        )
        upload = st.file_uploader(_("CSV file of news items"), type=["csv"], key="news_upload", max_upload_size=1)
        user_items, upload_problems = load_user_news(upload.getvalue()) if upload is not None else (None, [])
        if upload is not None:
            render_upload_report(user_items, upload_problems)
    return user_items


def results_section(
    filters: NewsFilters,
    items: pd.DataFrame,
    *,
    colour_by: str,
    country_names: Mapping[str, str],
    source_labels: Mapping[str, str],
    sources: pd.DataFrame,
) -> None:
    """Counts, the timeline and the cards of the matching items, newest first, then downloads and sources."""
    spec = CATALOG["news"]
    matching = filters.apply(items)
    dated, undated = split_dated(matching)
    user_count = count_user_supplied(matching)
    st.markdown(
        counts_line(len(matching), total=len(items), dated=len(dated), undated=len(undated), user_supplied=user_count)
    )

    if matching.empty:
        st.info(
            _(
                "No items match these filters. Widen the years, remove a country, topic, kind or publisher, or "
                "change the search words."
            ),
            icon=":material/search_off:",
        )
        return

    if dated.empty:
        st.info(_("No dated items match these filters; the undated resources that match are listed below."))
    else:
        render_timeline(dated, colour_by=colour_by, key="news_timeline")
        st.caption(_(TIMELINE_NOTE) + " " + _("Titles and summaries are as published, mostly in English."))
        st.header(_("Dated items ({count}), newest first", count=exact_number(len(dated))))
        render_item_list(dated, key="dated_page", country_names=country_names, source_labels=source_labels)

    if not undated.empty:
        st.header(_("Undated resources ({count})", count=exact_number(len(undated))))
        st.caption(
            _(
                "Resources without a date (the listing they come from prints none): they are not on the timeline, "
                "and the years filter keeps them."
            )
        )
        # No second set of page numbers: it would be a second unnamed navigation landmark (st.pagination takes
        # no label), which screen-reader users cannot tell apart; a "Show more" button instead.
        render_item_list(
            undated,
            key="undated_list",
            country_names=country_names,
            source_labels=source_labels,
            per_page=UNDATED_PER_PAGE,
            paged=False,
        )

    st.divider()
    named = {**country_names, **group_names(load_or_stop(load_country_groups))}
    described = filters.describe(country_names=named, translate=_)
    if user_count:
        described.append(
            ngettext(
                "Includes {count} user-supplied item, not from a published source",
                "Includes {count} user-supplied items, not from a published source",
                user_count,
            )
        )
    render_downloads(
        export_table(matching),
        sources,
        name="news",
        title=_(spec.title),
        measure=_(spec.measure),
        filters=described,
        catalog_tables=("news",),
    )
    render_source_note(sources, matching["source_id"], measure=_(spec.measure))
