"""Every plotly chart and pydeck map is shown through here: each gets a text alternative (one sentence with its key
numbers, read by screen readers as the chart's name) and the numbers behind it in a table a keyboard can reach;
on a slide its fonts are scaled and its height fits the screen, and the projector theme recolours it.

``describe_figure`` and ``figure_table`` are pure (a figure in, text or a table out); ``for_slide`` returns a
restyled copy, never changing the figure it is given.
"""

import copy
import math
import re

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

from components import presenter
from components.formatting import compact_number
from components.i18n import N_, _, ngettext

SLIDE_FONT_PX = 18
SLIDE_TITLE_PX = 24
SLIDE_HEIGHT_PX = 440  # with the scene's title above, inside 1280x720
DARK_PAPER = "#000000"
DARK_TEXT = "#ffffff"
DARK_LAND = [64, 64, 64]
DARK_BORDER = [0, 0, 0]
MAX_SERIES_DESCRIBED = 3
# Maps are fitted to what they draw on a desktop-sized map (components.maps.fitted_view, 900 px wide); a phone's
# map is about 360 px wide, so it zooms out by log2(900 / 360) to show the same places.
PHONE_ZOOM_OUT = math.log2(900 / 360)
_TAGS = re.compile(r"<[^>]+>")
CHART_KINDS = {"chart": N_("Chart"), "bar": N_("Bar chart"), "line": N_("Line chart"), "dot": N_("Dot chart")}


def _plain_title(figure: go.Figure) -> str:
    title = figure.layout.title.text or ""
    return re.sub(r"\s+", " ", _TAGS.sub(" ", title)).strip()


def _numbers(values) -> pd.Series:
    return pd.to_numeric(pd.Series(list(values) if values is not None else []), errors="coerce")


def _trace_sentence(trace) -> str | None:
    """'Bangladesh: 1990-2023, latest 21.9 bn (2023), highest 24.0 bn (2021)'; bars: the three largest."""
    horizontal = getattr(trace, "orientation", None) == "h"
    values = _numbers(trace.x if horizontal else trace.y)
    labels = list(trace.y if horizontal else trace.x) if (trace.y if horizontal else trace.x) is not None else []
    if values.isna().all() or len(labels) != len(values):
        return None
    name = trace.name or _("values")
    known = [(label, value) for label, value in zip(labels, values) if not pd.isna(value)]
    if trace.type == "bar":
        largest = sorted(known, key=lambda point: point[1], reverse=True)[:3]
        listed = ", ".join(f"{label} {compact_number(value)}" for label, value in largest)
        return ngettext(
            "{name}: {count} bar, largest {listed}", "{name}: {count} bars, largest {listed}", len(known),
            name=name, listed=listed,
        )  # fmt: skip
    top_label, top_value = max(known, key=lambda point: point[1])
    last_label, last_value = known[-1]
    return _(
        "{name}: {first} to {last}, last {last_value} ({last}), highest {top_value} ({top})",
        name=name, first=known[0][0], last=last_label, last_value=compact_number(last_value),
        top_value=compact_number(top_value), top=top_label,
    )  # fmt: skip


def describe_figure(figure: go.Figure) -> str:
    """One sentence: what the chart is and its key numbers, series by series (the first three)."""
    traces = [trace for trace in figure.data if trace.type in ("scatter", "bar", "scattergl")]
    kind = CHART_KINDS["chart"]
    if traces:
        kind = CHART_KINDS[
            "bar" if traces[0].type == "bar" else "line" if "lines" in (traces[0].mode or "lines") else "dot"
        ]
    kind = _(kind)
    title = _plain_title(figure)
    parts = [sentence for sentence in map(_trace_sentence, traces[:MAX_SERIES_DESCRIBED]) if sentence]
    more = len(traces) - MAX_SERIES_DESCRIBED
    if more > 0:
        parts.append(ngettext("and {count} more series", "and {count} more series", more))
    head = _("{kind}: {title}", kind=kind, title=title) if title else kind
    return f"{head}; " + "; ".join(parts) + "." if parts else f"{head}."


def figure_table(figure: go.Figure) -> pd.DataFrame:
    """The numbers a chart draws, one row per point: series, category or year, value."""
    rows = []
    for trace in figure.data:
        if trace.type not in ("scatter", "bar", "scattergl") or trace.x is None or trace.y is None:
            continue
        horizontal = getattr(trace, "orientation", None) == "h"
        labels, values = (trace.y, trace.x) if horizontal else (trace.x, trace.y)
        for label, value in zip(labels, values):
            rows.append({_("series"): trace.name or "", _("at"): str(label), _("value"): value})
    return pd.DataFrame(rows, columns=[_("series"), _("at"), _("value")])


def for_slide(figure: go.Figure, *, slide: bool, dark: bool) -> go.Figure:
    """A copy restyled for where it is shown: a legend even for one series (so its name is on the chart); on a
    slide, fonts sized for a projector and a height that fits the screen; in the projector theme, light on black."""
    shown = go.Figure(figure)
    named = [trace for trace in shown.data if trace.name]
    if len(shown.data) == 1 and named and shown.layout.showlegend is None:
        shown.update_layout(showlegend=True)
    if slide:
        shown.update_layout(
            font_size=SLIDE_FONT_PX, title_font_size=SLIDE_TITLE_PX, legend_font_size=SLIDE_FONT_PX,
            height=SLIDE_HEIGHT_PX,
        )  # fmt: skip
        shown.update_xaxes(tickfont_size=SLIDE_FONT_PX, title_font_size=SLIDE_FONT_PX)
        shown.update_yaxes(tickfont_size=SLIDE_FONT_PX, title_font_size=SLIDE_FONT_PX)
    if dark:
        shown.update_layout(
            template="plotly_dark", paper_bgcolor=DARK_PAPER, plot_bgcolor=DARK_PAPER, font_color=DARK_TEXT,
            title_font_color=DARK_TEXT, legend_font_color=DARK_TEXT,
        )  # fmt: skip
        shown.update_xaxes(color=DARK_TEXT, gridcolor="#444444")
        shown.update_yaxes(color=DARK_TEXT, gridcolor="#444444")
    return shown


def for_phone(deck: pdk.Deck) -> pdk.Deck:
    """A copy whose view shows on a phone what the fitted view shows on a desktop (same centre, zoomed out)."""
    shown, view = copy.copy(deck), copy.copy(deck.initial_view_state)
    view.zoom = round(max(view.zoom - PHONE_ZOOM_OUT, 0.0), 2)
    view.min_zoom = min(view.min_zoom if view.min_zoom is not None else view.zoom, view.zoom)
    shown.initial_view_state = view
    return shown


def on_phone() -> bool:
    """Whether the browser says it is a phone ("Mobi" in its user agent, as MDN recommends to test)."""
    return "Mobi" in (st.context.headers.get("User-Agent") or "")


def map_for_theme(deck: pdk.Deck, *, dark: bool) -> pdk.Deck:
    """In the projector theme, the grey land darkens so that arcs and fills stand out on black."""
    if not dark:
        return deck
    shown = copy.copy(deck)
    layers = []
    for layer in deck.layers:
        if getattr(layer, "id", None) == "land":
            layer = copy.copy(layer)
            layer.get_fill_color, layer.get_line_color = DARK_LAND, DARK_BORDER
        layers.append(layer)
    shown.layers = layers
    return shown


# --- Streamlit renderers -----------------------------------------------------------------------


def show_chart(figure: go.Figure, *, key: str, alt: str | None = None, numbers: bool = True, container=st) -> None:
    """The chart, named for screen readers by ``alt`` (else its described numbers), with its numbers in a table
    (``numbers=False`` where the page already shows the table the chart is drawn from)."""
    slide, dark = presenter.presenting(), presenter.dark()
    container.plotly_chart(
        for_slide(figure, slide=slide, dark=dark),
        key=key,
        alt=alt or describe_figure(figure),
        theme=None if dark else "streamlit",
    )
    if numbers and not slide:
        table = figure_table(figure)
        if len(table):
            with container.expander(_("The numbers in this chart")):
                st.dataframe(table, hide_index=True, key=f"{key}_numbers")


def show_map(deck: pdk.Deck, *, key: str, alt: str, height: int = 500, container=st, **chart_args):
    """A map named for screen readers by ``alt``, its view zoomed out on a phone; the projector theme darkens its
    land."""
    shown = map_for_theme(for_phone(deck) if on_phone() else deck, dark=presenter.dark())
    return container.pydeck_chart(shown, key=key, alt=alt, height=height, **chart_args)
