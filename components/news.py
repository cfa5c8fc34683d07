"""News items on screen: the timeline (pure builder), item cards, and the latest news of a country or corridor.

Titles, summaries and publishers are data, possibly from a user's file: they are shown as text, never as
HTML, and markdown is escaped wherever st.markdown is used. Only http(s) addresses become links.
"""

import hashlib
import html
import math
from collections.abc import Mapping, Sequence
from urllib.parse import quote

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.plain_text import plain_markdown
from data.news import KINDS, TOPICS, is_web_url, latest_news

NEWS_PAGE = "pages/news.py"
PER_PAGE = 10
USER_SUPPLIED_LABEL = "User-supplied, not from a published source"
# Okabe-Ito: colour-blind safe. Colours repeat across lanes; the lane names carry the meaning.
# (Its yellow is left out: too faint on white for small markers.)
LANE_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000"]
COLOUR_BY = {"topic": "Topic", "kind": "Kind"}
MARKER_STYLES = {True: "circle", False: "circle-open", "user": "x"}  # keyed by "dated to the day?"
TIMELINE_NOTE = ("Each mark is an item; an item with several topics shows in each of its lanes. Open circles are "
                 "items dated only to a month or a year, placed mid-period; crosses are items from your file. "
                 "Drag across the chart or the strip below it to zoom to a period; double-click to zoom out.")
MAX_LISTED_PROBLEMS = 20
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_HREF_SAFE = "/:?#[]@!$&'*+,;=%-._~"  # RFC 3986 characters kept; ( ) < > " and spaces are encoded


# --- pure helpers ---------------------------------------------------------------------------------

def listing_labels(sources: pd.DataFrame) -> dict[str, str]:
    """Source id -> dataset name, for sources with an address (the listings an item was read from); items
    of a compiled set without one are cited by their own link."""
    return {source_id: dataset for source_id, dataset, url in
            zip(sources["source_id"].tolist(), sources["dataset"].tolist(), sources["url"].tolist())
            if isinstance(url, str)}


def format_item_date(text: object, precision: str) -> str:
    """The date as precise as its source: '30 Jan 2024', 'Nov 2017', '2017' or 'Undated'."""
    if precision == "none" or not isinstance(text, str) or not text:
        return "Undated"
    parts = text.split("-")
    if precision == "year":
        return parts[0]
    month = _MONTHS[int(parts[1]) - 1]
    if precision == "month":
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def safe_href(url: object) -> str | None:
    """An http(s) address fit for a markdown link, or None (no link is made)."""
    if not is_web_url(url):
        return None
    return quote(url, safe=_HREF_SAFE)


def title_markdown(title: str, url: object) -> str:
    shown = f"**{plain_markdown(title)}**"
    href = safe_href(url)
    return f"[{shown}]({href})" if href else shown


def item_meta(item: Mapping, *, source_labels: Mapping[str, str]) -> str:
    """'30 Jan 2024 · News · ILO · listed in ...' as plain text."""
    parts = [format_item_date(item["date"], item["date_precision"]), str(item["kind"]).capitalize(),
             item["publisher"] if isinstance(item["publisher"], str) else "publisher not known"]
    if item["user_supplied"]:
        parts.append("from your file")
    elif item["source_id"] in source_labels:
        parts.append(f"listed in: {source_labels[item['source_id']]}")
    return " · ".join(parts)


def chips_markdown(item: Mapping, *, country_names: Mapping[str, str]) -> str:
    chips = [f":blue-badge[{plain_markdown(country_names.get(code, code))}]" for code in item["countries"]]
    chips += [f":gray-badge[{plain_markdown(topic)}]" for topic in item["topic_list"]]
    if item["user_supplied"]:
        chips.insert(0, f":orange-badge[{plain_markdown(USER_SUPPLIED_LABEL)}]")
    return " ".join(chips)


def counts_line(shown: int, *, total: int, dated: int, undated: int, user_supplied: int) -> str:
    line = f"**{shown:,}** of {total:,} items match: {dated:,} dated, {undated:,} undated"
    return line + (f"; {user_supplied:,} from your file (user-supplied)." if user_supplied else ".")


def timeline_figure(items: pd.DataFrame, *, colour_by: str = "topic") -> go.Figure:
    """Dated items over time, one lane per topic (an item with two topics shows in both) or per kind.

    Items dated to a month or a year sit mid-period with an open marker; user-supplied items are crosses.
    Hover shows the title as text (HTML-escaped: plotly would otherwise render tags in it).
    """
    if colour_by not in COLOUR_BY:
        raise ValueError(f"colour_by must be one of {list(COLOUR_BY)}, not {colour_by!r}")
    dated = items[items["period_start"].notna()]
    # Plain lists: a few hundred marks are built faster in Python than through pandas' string arrays.
    lane_lists = dated["topic_list"].tolist() if colour_by == "topic" else [(kind,) for kind in dated["kind"].tolist()]
    present = {lane for lanes in lane_lists for lane in lanes}
    order = [lane for lane in (TOPICS if colour_by == "topic" else KINDS) if lane in present]
    lane_index = {lane: index for index, lane in enumerate(order)}
    middles = (dated["period_start"] + (dated["period_end"] - dated["period_start"]) / 2).tolist()
    styles = [MARKER_STYLES["user"] if user else MARKER_STYLES[precision == "day"]
              for user, precision in zip(dated["user_supplied"].tolist(), dated["date_precision"].tolist())]
    hovers = _hover_texts(dated)
    marks: dict[str, dict[str, list]] = {}
    for lanes, middle, style, hover in zip(lane_lists, middles, styles, hovers):
        for lane in lanes:
            group = marks.setdefault(style, {"x": [], "y": [], "colour": [], "hover": []})
            group["x"].append(middle)
            group["y"].append(lane)
            group["colour"].append(lane_index[lane])
            group["hover"].append(hover)
    # Colours go in as lane numbers on a stepped scale, every column as a numpy array, and the figure is made in
    # one call: plotly checks Python lists (and colour names) element by element and each added trace and layout
    # update separately, which made each rerun of the page several times slower.
    colour_range = {"colorscale": _stepped_colour_scale(len(order)), "cmin": -0.5, "cmax": len(order) - 0.5}
    traces = [
        {"type": "scatter", "mode": "markers", "x": np.array(group["x"], dtype="datetime64[s]"),
         "y": np.array(group["y"], dtype=object), "hovertext": np.array(group["hover"], dtype=object),
         "hovertemplate": "%{hovertext}<extra></extra>",
         "marker": {"color": np.array(group["colour"]), **colour_range, "symbol": symbol, "size": 10,
                    "line": {"width": 1.5, "color": np.array(group["colour"]), **colour_range}}}
        for symbol, group in marks.items()
    ]
    date_range = _padded_range(middles)
    layout = {
        "height": 140 + 30 * max(len(order), 1), "margin": {"t": 10, "b": 10, "l": 10, "r": 10},
        "showlegend": False, "hoverlabel": {"align": "left"}, "dragmode": "zoom",
        "xaxis": {"type": "date", "range": date_range, "title": {"text": None},
                  "rangeslider": {"visible": True, "thickness": 0.08, "range": date_range}},
        "yaxis": {"categoryorder": "array", "categoryarray": order[::-1], "fixedrange": True, "title": {"text": None}},
    }
    return go.Figure({"data": traces, "layout": layout})


def _padded_range(dates: list[pd.Timestamp]) -> list[str] | None:
    """The dates' span with a margin of at least four months, so one item is not shown by the millisecond."""
    if not dates:
        return None
    first, last = min(dates), max(dates)
    margin = max((last - first) * 0.04, pd.Timedelta(days=120))
    return [f"{first - margin:%Y-%m-%d}", f"{last + margin:%Y-%m-%d}"]


def lane_colour(index: int) -> str:
    return LANE_COLOURS[index % len(LANE_COLOURS)]


def _stepped_colour_scale(lane_count: int) -> list[list]:
    """Lane i (a number from 0) gets lane_colour(i) on a scale from -0.5 to lane_count - 0.5."""
    count = max(lane_count, 1)
    scale = []
    for index in range(count):
        scale += [[index / count, lane_colour(index)], [(index + 1) / count, lane_colour(index)]]
    return scale


def _hover_texts(items: pd.DataFrame) -> list[str]:
    columns = [items[name].tolist() for name in ("title", "date", "date_precision", "kind", "publisher",
                                                 "user_supplied")]
    return [_hover_text(*values) for values in zip(*columns)]


def _hover_text(title, date, precision, kind, publisher, user_supplied) -> str:
    lines = _wrapped(html.escape(str(title), quote=False))
    meta = [format_item_date(date, precision), str(kind)]
    if isinstance(publisher, str):
        meta.append(html.escape(publisher, quote=False))
    lines.append(" · ".join(meta))
    if user_supplied:
        lines.append(USER_SUPPLIED_LABEL)
    return "<br>".join(lines)


def _wrapped(text: str, width: int = 70) -> list[str]:
    lines, current = [], ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current]


# --- renderers ------------------------------------------------------------------------------------

def render_timeline(items: pd.DataFrame, *, colour_by: str, key: str) -> None:
    st.plotly_chart(_timeline_for(_timeline_digest(items, colour_by), colour_by, items), key=key)


def _timeline_digest(items: pd.DataFrame, colour_by: str) -> str:
    """Everything the figure shows, in a short key (item ids alone would not tell two users' files apart)."""
    columns = ["item_id", "date", "date_precision", "title", "kind", "topics", "publisher", "user_supplied"]
    text = "\x1e".join("\x1f".join(map(str, row)) for row in zip(*(items[name].tolist() for name in columns)))
    return hashlib.sha256(f"{colour_by}\x1d{text}".encode()).hexdigest()


@st.cache_resource(max_entries=64, show_spinner=False)
def _timeline_for(digest: str, colour_by: str, _items: pd.DataFrame) -> go.Figure:
    """The built figure, shared and never modified (st.plotly_chart copies it): building and checking it was
    the largest part of a rerun, and views are revisited (filters toggled back, a presenter's scenes)."""
    return timeline_figure(_items, colour_by=colour_by)


def render_upload_report(user_items: pd.DataFrame, problems: Sequence[str]) -> None:
    """What was read from the user's file, and each problem by line (as text: it may quote the file)."""
    if len(user_items):
        st.success(f"{len(user_items):,} item(s) added from your file. They are marked user-supplied wherever "
                   "they are shown and in downloads.", icon=":material/check_circle:")
    if problems:
        skipped = "Nothing was added." if user_items.empty else "The other rows were added."
        with st.container(border=True):
            st.warning(f"{len(problems):,} problem(s) in your file. {skipped}", icon=":material/warning:")
            st.text("\n".join(problems[:MAX_LISTED_PROBLEMS]))
            if len(problems) > MAX_LISTED_PROBLEMS:
                st.caption(f"… and {len(problems) - MAX_LISTED_PROBLEMS:,} more.")


def card_markdown(item: Mapping, *, country_names: Mapping[str, str], source_labels: Mapping[str, str]) -> str:
    """Title (linked), date · kind · publisher in small grey type, the summary, then country and topic chips;
    every piece of data text escaped."""
    meta = f":small[:gray[{plain_markdown(item_meta(item, source_labels=source_labels))}]]"
    summary = plain_markdown(item["summary"]) if isinstance(item["summary"], str) else ""
    lines = [title_markdown(item["title"], item["url"]), meta, summary, chips_markdown(item, country_names=country_names)]
    return "  \n".join(line for line in lines if line)


def render_item_card(item: Mapping, *, country_names: Mapping[str, str], source_labels: Mapping[str, str]) -> None:
    # One markdown element a card: the elements of a page of cards are most of a rerun's cost.
    with st.container(border=True):
        st.markdown(card_markdown(item, country_names=country_names, source_labels=source_labels))


def render_item_list(items: pd.DataFrame, *, key: str, country_names: Mapping[str, str],
                     source_labels: Mapping[str, str], per_page: int = PER_PAGE) -> None:
    """Cards, a page of ``per_page`` at a time."""
    page_count = max(math.ceil(len(items) / per_page), 1)
    if not 1 <= st.session_state.get(key, 1) <= page_count:
        st.session_state[key] = 1  # the filters changed under the page number
    page = st.pagination(page_count, key=key) if page_count > 1 else 1
    shown = items.iloc[(page - 1) * per_page: page * per_page]
    if page_count > 1:
        st.caption(f"Items {(page - 1) * per_page + 1}-{(page - 1) * per_page + len(shown)} of {len(items)}")
    for item in shown.to_dict("records"):
        render_item_card(item, country_names=country_names, source_labels=source_labels)


def render_latest_news(items: pd.DataFrame, *, countries: Sequence[str], limit: int = 5, match_all: bool = False,
                       country_names: Mapping[str, str] | None = None, heading: str | None = "Latest news",
                       news_page: str = NEWS_PAGE) -> None:
    """For a country or corridor view: the newest items tagged with any of ``countries`` (every one of them with
    ``match_all``, e.g. both ends of a corridor), and a link to the News page filtered to them (which lists
    items tagged with any of them). ``items`` is the news table (``data.load_news()``); ``news_page`` is the
    News page as registered with st.navigation."""
    names = [(country_names or {}).get(code, code) for code in countries]
    latest = latest_news(items, countries=countries, limit=limit, match_all=match_all)
    if heading:
        st.subheader(heading)
    if latest.empty:
        tagged = (" and " if match_all else " or ").join(names)
        st.info(f"No news items are tagged with {plain_markdown(tagged)} yet.", icon=":material/newspaper:")
    for item in latest.to_dict("records"):
        st.markdown(title_markdown(item["title"], item["url"]))
        st.caption(plain_markdown(item_meta(item, source_labels={})))
    st.page_link(news_page, label=f"All news and resources for {plain_markdown(' or '.join(names))}",
                 icon=":material/arrow_forward:", query_params={"country": ",".join(countries)})
