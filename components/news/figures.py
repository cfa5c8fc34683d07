"""News items as figures and text: the timeline (plotly), dates, cards' markdown and chips. No Streamlit.

Titles, summaries and publishers are data, possibly from a user's file: they are shown as text, never as
HTML, and markdown is escaped wherever st.markdown is used. Only http(s) addresses become links.
"""

import datetime
import html
from collections.abc import Mapping
from urllib.parse import quote

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from babel.dates import format_skeleton

from components.formatting import OKABE_ITO, exact_number
from components.i18n import DEFAULT_LANGUAGE, N_, _, current_locale, ngettext
from components.plain_text import plain_markdown
from data.news import KINDS, TOPICS, is_web_url

USER_SUPPLIED_LABEL = N_("User-supplied, not from a published source")


# Okabe-Ito: colour-blind safe. Colours repeat across lanes; the lane names carry the meaning.
# (Its yellow is left out: too faint on white for small markers.)
LANE_COLOURS = OKABE_ITO[:7]


COLOUR_BY = {"topic": N_("Topic"), "kind": N_("Kind")}

# The compilers' topics and kinds (data/news.py) as the interface names them; English shows the slugs.
TOPIC_LABELS = {
    "recruitment": N_("recruitment"),
    "agreements": N_("agreements"),
    "remittances": N_("remittances"),
    "domestic-work": N_("domestic-work"),
    "fishing-seafood": N_("fishing-seafood"),
    "covid-19": N_("covid-19"),
    "trafficking-forced-labour": N_("trafficking-forced-labour"),
    "social-protection": N_("social-protection"),
    "skills-employment": N_("skills-employment"),
    "gender": N_("gender"),
    "return-reintegration": N_("return-reintegration"),
    "statistics": N_("statistics"),
    "policy-governance": N_("policy-governance"),
    "youth": N_("youth"),
    "digital": N_("digital"),
    "health-safety": N_("health-safety"),
    "refugees-displacement": N_("refugees-displacement"),
}
KIND_LABELS = {
    "news": N_("news"),
    "press release": N_("press release"),
    "op-ed": N_("op-ed"),
    "video": N_("video"),
    "publication": N_("publication"),
    "statement": N_("statement"),
    "event": N_("event"),
}


def topic_label(topic: str) -> str:
    return _(TOPIC_LABELS.get(topic, topic))


def kind_label(kind: str) -> str:
    return _(KIND_LABELS.get(kind, kind))


MARKER_STYLES = {True: "circle", False: "circle-open", "user": "x"}  # keyed by "dated to the day?"


TIMELINE_NOTE = N_(
    "Each mark is an item; an item with several topics shows in each of its lanes. Open circles are "
    "items dated only to a month or a year, placed mid-period; crosses are items from your file. "
    "Drag across the chart or the strip below it to zoom to a period; double-click to zoom out."
)


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


_HREF_SAFE = "/:?#[]@!$&'*+,;=%-._~"  # RFC 3986 characters kept; ( ) < > " and spaces are encoded


def with_count(counts: Mapping[str, int], label=str, *, counted_by_label: bool = False):
    """A widget's format_func: the option's label and how many items it has, e.g. 'Nepal (12)'."""
    return lambda option: f"{label(option)} ({counts.get(label(option) if counted_by_label else option, 0)})"


def group_counts(items: pd.DataFrame, members: Mapping[str, tuple[str, ...]]) -> dict[str, int]:
    """How many items are about any member of each group (an item about two members counts once)."""
    tagged = items["countries"].tolist()
    return {key: sum(not set(codes).isdisjoint(row) for row in tagged) for key, codes in members.items()}


def listing_labels(sources: pd.DataFrame) -> dict[str, str]:
    """Source id -> dataset name, for sources with an address (the listings an item was read from); items
    of a compiled set without one are cited by their own link."""
    return {
        source_id: dataset
        for source_id, dataset, url in zip(
            sources["source_id"].tolist(), sources["dataset"].tolist(), sources["url"].tolist()
        )
        if isinstance(url, str)
    }


def format_item_date(text: object, precision: str, *, locale: str | None = None) -> str:
    """The date as precise as its source: '30 Jan 2024', 'Nov 2017', '2017' or 'Undated'; months in the
    session's language ('30 ม.ค. 2024')."""
    if precision == "none" or not isinstance(text, str) or not text:
        return _("Undated")
    parts = text.split("-")
    if precision == "year":
        return parts[0]
    locale = locale or current_locale()
    if locale != DEFAULT_LANGUAGE:
        day = datetime.date(int(parts[0]), int(parts[1]), int(parts[2]) if precision == "day" else 1)
        return format_skeleton("yMMMd" if precision == "day" else "yMMM", day, locale=locale)
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
    parts = [
        format_item_date(item["date"], item["date_precision"]),
        kind_label(str(item["kind"])).capitalize(),
        item["publisher"] if isinstance(item["publisher"], str) else _("publisher not known"),
    ]
    if item["user_supplied"]:
        parts.append(_("from your file"))
    elif item["source_id"] in source_labels:
        parts.append(_("listed in: {listing}", listing=source_labels[item["source_id"]]))
    return " · ".join(parts)


def chips_markdown(item: Mapping, *, country_names: Mapping[str, str]) -> str:
    chips = [f":blue-badge[{plain_markdown(country_names.get(code, code))}]" for code in item["countries"]]
    chips += [f":gray-badge[{plain_markdown(topic_label(topic))}]" for topic in item["topic_list"]]
    if item["user_supplied"]:
        chips.insert(0, f":orange-badge[{plain_markdown(_(USER_SUPPLIED_LABEL))}]")
    return " ".join(chips)


def counts_line(shown: int, *, total: int, dated: int, undated: int, user_supplied: int) -> str:
    numbers = {
        "shown": f"**{exact_number(shown)}**",
        "total": exact_number(total),
        "dated": exact_number(dated),
        "undated": exact_number(undated),
    }
    if user_supplied:
        return ngettext(
            "{shown} of {total} items match: {dated} dated, {undated} undated; {count} from your file (user-supplied).",
            "{shown} of {total} items match: {dated} dated, {undated} undated; {count} from your file (user-supplied).",
            user_supplied,
            **numbers,
        )
    return _("{shown} of {total} items match: {dated} dated, {undated} undated.", **numbers)


def timeline_figure(items: pd.DataFrame, *, colour_by: str = "topic") -> go.Figure:
    """Dated items over time, one lane per topic (an item with two topics shows in both) or per kind.

    Items dated to a month or a year sit mid-period with an open marker; user-supplied items are crosses.
    Hover shows the title as text (HTML-escaped: plotly would otherwise render tags in it).
    """
    if colour_by not in COLOUR_BY:
        raise ValueError(f"colour_by must be one of {list(COLOUR_BY)}, not {colour_by!r}")
    dated = items[items["period_start"].notna()]
    # Plain lists: a few hundred marks are built faster in Python than through pandas' string arrays.
    lane_lists = (
        [tuple(topic_label(topic) for topic in topics) for topics in dated["topic_list"].tolist()]
        if colour_by == "topic"
        else [(kind_label(kind),) for kind in dated["kind"].tolist()]
    )
    present = {lane for lanes in lane_lists for lane in lanes}
    lanes_in_order = [topic_label(topic) for topic in TOPICS] if colour_by == "topic" else map(kind_label, KINDS)
    order = [lane for lane in lanes_in_order if lane in present]
    lane_index = {lane: index for index, lane in enumerate(order)}
    middles = (dated["period_start"] + (dated["period_end"] - dated["period_start"]) / 2).tolist()
    styles = [
        MARKER_STYLES["user"] if user else MARKER_STYLES[precision == "day"]
        for user, precision in zip(dated["user_supplied"].tolist(), dated["date_precision"].tolist())
    ]
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
        {
            "type": "scatter",
            "mode": "markers",
            "x": np.array(group["x"], dtype="datetime64[s]"),
            "y": np.array(group["y"], dtype=object),
            "hovertext": np.array(group["hover"], dtype=object),
            "hovertemplate": "%{hovertext}<extra></extra>",
            "marker": {
                "color": np.array(group["colour"]),
                **colour_range,
                "symbol": symbol,
                "size": 10,
                "line": {"width": 1.5, "color": np.array(group["colour"]), **colour_range},
            },
        }
        for symbol, group in marks.items()
    ]
    date_range = _padded_range(middles)
    layout = {
        "height": 140 + 30 * max(len(order), 1),
        "margin": {"t": 10, "b": 10, "l": 10, "r": 10},
        "showlegend": False,
        "hoverlabel": {"align": "left"},
        "dragmode": "zoom",
        "xaxis": {
            "type": "date",
            "range": date_range,
            "title": {"text": None},
            "rangeslider": {"visible": True, "thickness": 0.08, "range": date_range},
        },
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
    columns = [
        items[name].tolist() for name in ("title", "date", "date_precision", "kind", "publisher", "user_supplied")
    ]
    return [_hover_text(*values) for values in zip(*columns)]


def _hover_text(title, date, precision, kind, publisher, user_supplied) -> str:
    lines = _wrapped(html.escape(str(title), quote=False))
    meta = [format_item_date(date, precision), kind_label(str(kind))]
    if isinstance(publisher, str):
        meta.append(html.escape(publisher, quote=False))
    lines.append(" · ".join(meta))
    if user_supplied:
        lines.append(_(USER_SUPPLIED_LABEL))
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


def card_markdown(item: Mapping, *, country_names: Mapping[str, str], source_labels: Mapping[str, str]) -> str:
    """Title (linked), date · kind · publisher in small grey type, the summary, then country and topic chips;
    every piece of data text escaped."""
    meta = f":small[:gray[{plain_markdown(item_meta(item, source_labels=source_labels))}]]"
    summary = plain_markdown(item["summary"]) if isinstance(item["summary"], str) else ""
    lines = [
        title_markdown(item["title"], item["url"]),
        meta,
        summary,
        chips_markdown(item, country_names=country_names),
    ]
    return "  \n".join(line for line in lines if line)
