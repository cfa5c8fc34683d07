"""Offline maps: country shapes shipped with the repo, drawn by deck.gl with no basemap and no tiles.

``map_provider=None`` tells Streamlit's deck.gl component to draw no basemap, so nothing is fetched.
The grey land layer reads the shapes from the app's own static folder (fetched once by the browser);
only what varies (arcs, filled countries) travels with each rerun.

Every map can also be shown as an image to save as PNG (a pydeck map has no such button): ``arc_image`` and
``choropleth_image`` draw the same arcs or filled countries as a plain plotly chart over the shipped shapes, and
``show_map_image`` puts it behind a toggle, under the map.
"""

import html
import json
import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st
from pydeck.bindings.json_tools import default_serialize

from components.formatting import NO_DATA
from components.i18n import _

SHAPES_URL = "app/static/countries.geojson"

# ColorBrewer YlGnBu, 5 classes: sequential and colour-blind safe.
SEQUENTIAL = [(199, 233, 180), (127, 205, 187), (65, 182, 196), (44, 127, 184), (37, 52, 148)]
# Okabe-Ito without its yellow (too faint on grey land): categories stay distinct with colour-vision deficiencies.
CATEGORICAL = [(0, 114, 178), (213, 94, 0), (0, 158, 115), (204, 121, 167), (230, 159, 0), (86, 180, 233), (0, 0, 0)]
NO_DATA_FILL = [235, 235, 235]
LAND_FILL = [228, 228, 228]
BORDER = [255, 255, 255]
ASIA_VIEW = pdk.ViewState(latitude=22, longitude=88, zoom=1.9, min_zoom=0.8, max_zoom=8)
SOURCE_ALPHA = 70  # of 255: how faint a directional arc starts


def class_breaks(values: Sequence[float], *, classes: int = len(SEQUENTIAL)) -> list[float]:
    """Upper bounds of quantile classes (distinct, ascending); the last is the maximum."""
    finite = pd.Series(values, dtype="float64").dropna()
    if finite.empty:
        return []
    quantiles = np.quantile(finite, np.linspace(0, 1, classes + 1)[1:])
    return sorted(set(float(q) for q in quantiles))


def class_colour(value: float, breaks: Sequence[float]) -> list[int]:
    if value is None or pd.isna(value) or not breaks:
        return list(NO_DATA_FILL)
    index = int(np.searchsorted(breaks, value, side="left"))
    palette = SEQUENTIAL[-len(breaks) :] if len(breaks) < len(SEQUENTIAL) else SEQUENTIAL
    return list(palette[min(index, len(palette) - 1)])


def legend_items(breaks: Sequence[float], formatter) -> list[tuple[list[int], str]]:
    """(colour, label) pairs such as '1.2 M - 3.5 M', lowest first."""
    items, lower = [], None
    for upper in breaks:
        label = (
            _("up to {upper}", upper=formatter(upper))
            if lower is None
            else _("{lower} - {upper}", lower=formatter(lower), upper=formatter(upper))
        )
        items.append((class_colour(upper, breaks), label))
        lower = upper
    return items


def category_colours(categories: Sequence[str]) -> dict[str, list[int]]:
    """A fixed colour per category, in the order given."""
    if len(categories) > len(CATEGORICAL):
        raise ValueError(f"At most {len(CATEGORICAL)} categories can have distinct colours, not {len(categories)}.")
    return {category: list(colour) for category, colour in zip(categories, CATEGORICAL)}


class CompactDeck(pdk.Deck):
    """pydeck pretty-prints its JSON (indent=2), which triples what a map sends to the browser."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def land_layer() -> pdk.Layer:
    return pdk.Layer(
        "GeoJsonLayer",
        data=SHAPES_URL,
        id="land",
        stroked=True,
        filled=True,
        pickable=False,
        get_fill_color=LAND_FILL,
        get_line_color=BORDER,
        line_width_min_pixels=0.5,
    )


def arc_map(
    arcs: pd.DataFrame,
    *,
    value_column: str,
    tooltip_html: str,
    view: pdk.ViewState = ASIA_VIEW,
    max_width: float = 14.0,
    colour_column: str | None = None,
    height_column: str | None = None,
    directional: bool = False,
    arc_height: float = 1.0,
    arc_tilt: float = 0.0,
) -> pdk.Deck:
    """Arcs from (source_lon, source_lat) to (target_lon, target_lat), width and colour by value.

    ``arcs`` may carry any further columns for the tooltip; rows without coordinates are not drawn.
    ``colour_column`` (RGB lists, e.g. from ``category_colours``) colours by category instead of by value;
    ``height_column`` (arc height multipliers) keeps arcs between the same two places apart; without it
    every arc has ``arc_height``.
    ``directional`` fades each arc at its source, so the eye can tell origin from destination.
    ``arc_height`` scales how high arcs rise: long arcs at height 1 rise towards the camera and look huge.
    ``arc_tilt`` (degrees) turns arcs sideways: at 90 they lie on the map, curved, as in a flat flow map.
    """
    drawable = _tooltip_safe(arcs.dropna(subset=["source_lon", "source_lat", "target_lon", "target_lat"]))
    breaks = class_breaks(drawable[value_column])
    largest = float(drawable[value_column].max()) if len(drawable) else 1.0
    drawable["colour"] = (
        list(drawable[colour_column])
        if colour_column
        else [class_colour(value, breaks) for value in drawable[value_column]]
    )
    source_colour = "colour"
    if directional:
        drawable["source_colour"] = [[*colour[:3], SOURCE_ALPHA] for colour in drawable["colour"]]
        source_colour = "source_colour"
    drawable["width"] = 1.5 + max_width * np.sqrt(drawable[value_column].astype(float) / (largest or 1.0))
    # pydeck turns unquoted strings into data accessors: "'pixels'" stays the literal unit (else arcs are drawn
    # in common units, several times too wide when zoomed in).
    arc_layer = pdk.Layer(
        "ArcLayer",
        data=drawable,
        id="arcs",
        pickable=True,
        auto_highlight=True,
        get_source_position=["source_lon", "source_lat"],
        get_target_position=["target_lon", "target_lat"],
        get_source_color=source_colour,
        get_target_color="colour",
        get_width="width",
        width_units="'pixels'",
        great_circle=False,
        get_height=height_column or arc_height,
        get_tilt=arc_tilt,
    )
    return CompactDeck(
        layers=[land_layer(), arc_layer],
        initial_view_state=view,
        map_provider=None,
        tooltip={"html": tooltip_html, "style": {"fontSize": "13px"}},
    )


def choropleth_map(
    values: pd.DataFrame, shapes: dict, *, value_column: str, tooltip_html: str, view: pdk.ViewState = ASIA_VIEW
) -> pdk.Deck:
    """Countries filled by ``values[value_column]`` (joined on iso3); countries without a value stay grey.

    Any other columns of ``values`` become feature properties, for the tooltip (``{x}``: Streamlit looks
    names up in the properties when the feature itself has none).
    """
    breaks = class_breaks(values[value_column])
    by_code = values.set_index("iso3").to_dict(orient="index")
    features = []
    for feature in shapes["features"]:
        row = by_code.get(feature["properties"]["iso3"])
        if row is None:
            continue
        properties = {**feature["properties"], **{k: _plain(v) for k, v in row.items()}}
        properties["fill"] = class_colour(row[value_column], breaks)
        features.append({"type": "Feature", "geometry": feature["geometry"], "properties": properties})
    filled = pdk.Layer(
        "GeoJsonLayer",
        data={"type": "FeatureCollection", "features": features},
        id="values",
        pickable=True,
        stroked=True,
        filled=True,
        get_fill_color="properties.fill",
        get_line_color=BORDER,
        line_width_min_pixels=0.5,
        auto_highlight=True,
    )
    return CompactDeck(
        layers=[land_layer(), filled],
        initial_view_state=view,
        map_provider=None,
        tooltip={"html": tooltip_html, "style": {"fontSize": "13px"}},
    )


def _plain(value):
    """JSON-safe scalars for deck.gl: numpy numbers to Python, missing to None, text HTML-escaped (the tooltip
    puts properties into its HTML as they are)."""
    if isinstance(value, str):
        return html.escape(value)
    if value is None or pd.isna(value):
        return None
    return value.item() if hasattr(value, "item") else value


def _tooltip_safe(arcs: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell HTML-escaped: deck.gl's tooltip inserts a row's values into its HTML as they
    are, so a name such as "<img src=x onerror=...>" would otherwise become markup."""
    escaped = arcs.copy()
    for column in escaped.columns:
        if not pd.api.types.is_numeric_dtype(escaped[column]):
            escaped[column] = [html.escape(value) if isinstance(value, str) else value for value in escaped[column]]
    return escaped


def arcs_view(arcs: pd.DataFrame, **size: int) -> pdk.ViewState:
    """A view that fits both ends of every arc (``size``: ``width_px``/``height_px`` of ``fitted_view``)."""
    return fitted_view([*arcs["source_lon"], *arcs["target_lon"]], [*arcs["source_lat"], *arcs["target_lat"]], **size)


def fitted_view(
    longitudes: Sequence[float],
    latitudes: Sequence[float],
    *,
    width_px: int = 900,
    height_px: int = 500,
    margin: float = 1.25,
) -> pdk.ViewState:
    """A view that shows all the points on a map of about this size (ASIA_VIEW when there are none)."""
    lons, lats = pd.Series(longitudes, dtype="float64").dropna(), pd.Series(latitudes, dtype="float64").dropna()
    if lons.empty or lats.empty:
        return ASIA_VIEW
    west, east, south, north = lons.min(), lons.max(), lats.min(), lats.max()
    # Web Mercator: a zoom-z world is 512 * 2**z pixels wide; latitudes are stretched towards the poles.
    span_x = max(east - west, 1.0) / 360 * margin
    y_south, y_north = _mercator_y(south), _mercator_y(north)
    span_y = max(y_south - y_north, 0.01) * margin  # y grows southwards
    zoom = min(math.log2(width_px / 512 / span_x), math.log2(height_px / 512 / span_y))
    zoom = min(max(zoom, ASIA_VIEW.min_zoom), 5.0)
    centre_lat = math.degrees(math.atan(math.sinh(math.pi * (1 - (y_south + y_north)))))
    return pdk.ViewState(
        latitude=centre_lat,
        longitude=(west + east) / 2,
        zoom=round(zoom, 2),
        min_zoom=ASIA_VIEW.min_zoom,
        max_zoom=ASIA_VIEW.max_zoom,
    )


def _mercator_y(latitude: float) -> float:
    """0 at the top of the Web Mercator world, 1 at the bottom."""
    clipped = math.radians(max(min(latitude, 85.0), -85.0))
    return (1 - math.log(math.tan(clipped) + 1 / math.cos(clipped)) / math.pi) / 2


def legend_html(items: Sequence[tuple[list[int], str]], *, title: str, no_data: bool = True) -> str:
    """A one-line colour key for a map (render with ``st.markdown(..., unsafe_allow_html=True)``); text is escaped."""
    entries = [*items, (NO_DATA_FILL, _(NO_DATA))] if no_data else list(items)
    swatches = "".join(
        f'<span style="white-space:nowrap;margin-right:0.9em"><span style="display:inline-block;width:0.9em;'
        f'height:0.9em;vertical-align:-0.1em;margin-right:0.3em;background:rgb({r},{g},{b})"></span>'
        f"{html.escape(label)}</span>"
        for (r, g, b), label in entries
    )
    return f'<div style="font-size:0.85rem"><b>{html.escape(title)}</b>: {swatches}</div>'


# --- the same maps as images (plotly charts), to save as PNG -------------------------------------------------
# Longitude and latitude are the chart's x and y (an equirectangular picture). Only scatter traces are used:
# plotly's geo traces (choropleth, scattergeo) load their base map from cdn.plot.ly, which an offline dashboard
# cannot reach. Shapes are drawn as filled polygons (``fill="toself"``), each ring its own piece between Nones.
IMAGE_COORDINATE_DIGITS = 2
IMAGE_HEIGHT = 520
IMAGE_MARGIN_DEGREES = (12.0, 10.0)  # around what is fitted: longitude, latitude
IMAGE_ARC_STEPS = 24


def _rings(geometry: dict) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    return [ring for polygon in geometry["coordinates"] for ring in polygon]


def _outline(features: Sequence[dict]) -> tuple[list[float | None], list[float | None]]:
    """x and y of every ring of the features, rings apart (a None between them)."""
    lons, lats = [], []
    for feature in features:
        for ring in _rings(feature["geometry"]):
            lons += [round(point[0], IMAGE_COORDINATE_DIGITS) for point in ring] + [None]
            lats += [round(point[1], IMAGE_COORDINATE_DIGITS) for point in ring] + [None]
    return lons, lats


def _rgb(colour: Sequence[int]) -> str:
    return "rgb({},{},{})".format(*colour[:3])


def _land_trace(shapes: dict) -> go.Scatter:
    lons, lats = _outline(shapes.get("features", []))
    return go.Scatter(
        x=lons, y=lats, mode="lines", fill="toself", fillcolor=_rgb(LAND_FILL), line={"color": _rgb(BORDER), "width": 0.5},
        hoverinfo="skip", showlegend=False, name="land",
    )  # fmt: skip


def _legend_traces(items: Sequence[tuple[Sequence[int], str]]) -> list[go.Scatter]:
    """One square per class, in the chart's legend only (nothing drawn on the map)."""
    return [
        go.Scatter(
            x=[None],
            y=[None],
            mode="markers",
            name=label,
            showlegend=True,
            hoverinfo="skip",
            marker={"symbol": "square", "size": 13, "color": _rgb(colour)},
        )  # fmt: skip
        for colour, label in items
    ]


def _image_layout(
    figure: go.Figure, *, title: str, legend_title: str | None, lons: Sequence[float], lats: Sequence[float]
) -> go.Figure:
    """Fitted to the points given (with a margin), the axes hidden, a degree as long across as up."""
    lons, lats = pd.Series(lons, dtype="float64").dropna(), pd.Series(lats, dtype="float64").dropna()
    if len(lons) and len(lats):
        margin_x, margin_y = IMAGE_MARGIN_DEGREES
        figure.update_xaxes(range=[lons.min() - margin_x, lons.max() + margin_x])
        figure.update_yaxes(range=[lats.min() - margin_y, lats.max() + margin_y])
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False, scaleanchor="x", scaleratio=1)
    figure.update_layout(
        title=title,
        height=IMAGE_HEIGHT,
        margin={"t": 50, "l": 10, "r": 10, "b": 10},
        plot_bgcolor="white",
        paper_bgcolor="white",
        showlegend=True,
        legend={"title": {"text": legend_title or ""}, "orientation": "h", "y": -0.02, "yanchor": "top"},
        hovermode="closest",
    )
    return figure


def arc_image(
    arcs: pd.DataFrame,
    shapes: dict,
    *,
    value_column: str,
    title: str,
    hover_column: str | None = None,
    colour_column: str | None = None,
    legend: Sequence[tuple[Sequence[int], str]] = (),
    legend_title: str | None = None,
    max_width: float = 7.0,
) -> go.Figure:
    """``arc_map`` as an image: the same arcs as curved lines over the shipped shapes, coloured by the same classes
    of ``value_column`` (or ``colour_column``, as in ``arc_map``), widest for the largest, which is drawn last.

    How to use it on another map (pure: nothing is fetched, nothing shown)::

        figure = maps.arc_image(
            arcs, load_country_shapes(), value_column="workers", title=_("..."), hover_column="tooltip_text",
            legend=legend_items(class_breaks(arcs["workers"]), compact_number), legend_title=_("Workers"),
        )
        maps.show_map_image(lambda: figure, key="departures_map", filename="departures-2023", alt=_("..."))

    ``arcs`` is the frame given to ``arc_map`` (source_lon, source_lat, target_lon, target_lat, the value; rows
    without coordinates are not drawn); ``hover_column`` holds each arc's hover text (plain text, e.g.
    'Nepal → Qatar: 123,456'); ``legend`` takes the (colour, label) items of ``legend_items`` or
    ``category_colours`` so that the image carries its own key. Pass a function building the figure to
    ``show_map_image`` so that it is only built when someone asks for the image.
    """
    drawable = arcs.dropna(subset=["source_lon", "source_lat", "target_lon", "target_lat"])
    drawable = drawable.sort_values(value_column, kind="stable")
    breaks = class_breaks(drawable[value_column])
    largest = float(drawable[value_column].max()) if len(drawable) else 1.0
    figure = go.Figure(_land_trace(shapes))
    steps = np.linspace(0, 1, IMAGE_ARC_STEPS)
    for _index, row in drawable.iterrows():
        x0, y0, x1, y1 = (float(row[c]) for c in ("source_lon", "source_lat", "target_lon", "target_lat"))
        # a quadratic curve bowed to the left of the way from origin to destination, like the map's tilted arcs
        control_x, control_y = (x0 + x1) / 2 - (y1 - y0) * 0.2, (y0 + y1) / 2 + (x1 - x0) * 0.2
        xs = (1 - steps) ** 2 * x0 + 2 * (1 - steps) * steps * control_x + steps**2 * x1
        ys = (1 - steps) ** 2 * y0 + 2 * (1 - steps) * steps * control_y + steps**2 * y1
        colour = row[colour_column] if colour_column else class_colour(row[value_column], breaks)
        hover = str(row[hover_column]) if hover_column else str(row[value_column])
        width = 1.5 + max_width * math.sqrt(float(row[value_column]) / (largest or 1.0))
        figure.add_scatter(
            x=xs.round(IMAGE_COORDINATE_DIGITS), y=ys.round(IMAGE_COORDINATE_DIGITS), mode="lines", showlegend=False,
            line={"color": _rgb(colour), "width": width}, hoverinfo="text", text=hover, name=hover,
        )  # fmt: skip
    for trace in _legend_traces(legend):
        figure.add_trace(trace)
    return _image_layout(
        figure,
        title=title,
        legend_title=legend_title,
        lons=[*drawable["source_lon"], *drawable["target_lon"]],
        lats=[*drawable["source_lat"], *drawable["target_lat"]],
    )


def choropleth_image(
    values: pd.DataFrame,
    shapes: dict,
    *,
    value_column: str,
    title: str,
    hover_column: str | None = None,
    legend: Sequence[tuple[Sequence[int], str]] = (),
    legend_title: str | None = None,
    fit: tuple[Sequence[float], Sequence[float]] | None = None,
) -> go.Figure:
    """``choropleth_map`` as an image: each country of ``values`` (joined on iso3) with a value, filled with the
    same class colour as on the map, one trace per country (its ``meta`` is the iso3 code), over grey land.

    How to use it on another map (pure: nothing is fetched, nothing shown)::

        figure = maps.choropleth_image(
            values, load_country_shapes(), value_column="usd", title=_("..."), hover_column="tooltip_text",
            legend=legend_items(class_breaks(values["usd"]), compact_number), legend_title=_("US$"),
        )
        maps.show_map_image(lambda: figure, key="remittances_map", filename="remittances-2023", alt=_("..."))

    ``hover_column`` holds each country's hover text (plain text); ``fit`` is (longitudes, latitudes) to fit the
    picture to, e.g. the countries' label points (default: the filled shapes' extent, which far-flung islands
    can stretch).
    """
    features = {feature["properties"]["iso3"]: feature for feature in shapes.get("features", [])}
    known = values[values[value_column].notna() & values["iso3"].isin(list(features))]
    breaks = class_breaks(known[value_column])
    figure = go.Figure(_land_trace(shapes))
    all_lons, all_lats = [], []
    for _index, row in known.iterrows():
        lons, lats = _outline([features[row["iso3"]]])
        all_lons += lons
        all_lats += lats
        hover = str(row[hover_column]) if hover_column else str(row[value_column])
        figure.add_scatter(
            x=lons, y=lats, mode="lines", fill="toself", fillcolor=_rgb(class_colour(row[value_column], breaks)),
            line={"color": _rgb(BORDER), "width": 0.5}, meta=row["iso3"], showlegend=False,
            hoveron="fills", hoverinfo="text", text=hover, name=hover,
        )  # fmt: skip
    for trace in _legend_traces(legend):
        figure.add_trace(trace)
    lons, lats = fit if fit is not None else (all_lons, all_lats)
    return _image_layout(figure, title=title, legend_title=legend_title, lons=lons, lats=lats)


def show_map_image(build, *, key: str, filename: str, alt: str, note: str | None = None, container=st) -> None:
    """Under a map: a toggle that shows the map as an image (``build()``, e.g. ``arc_image`` or
    ``choropleth_image``, called only when toggled on) whose camera button saves ``filename``.png; ``alt`` names
    it for screen readers (say what it shows and how many places), ``note`` adds what differs from the map."""
    shown = container.toggle(
        _("Show this map as an image, to save as PNG"),
        key=f"{key}_image",
        help=_("Drawn as a chart over the shipped country shapes: its camera button saves a PNG."),
    )
    if not shown:
        return
    container.plotly_chart(
        build(),
        key=f"{key}_png",
        alt=alt,
        theme=None,
        config={"toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2}},
    )
    caption = _(
        "The camera button at the top right of the image saves it as PNG. A flat longitude-latitude picture of "
        "the map above, in the same colours."
    )
    container.caption(f"{caption} {note}" if note else caption)
