"""Figures for the corridors page: pure builders (DataFrames in, pydeck Deck or plotly Figure out)."""

from collections.abc import Collection, Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

from components.countries.figures import SEX_COLOURS
from components.formatting import NO_DATA, OKABE_ITO, compact_number, exact_number, percent
from components.i18n import N_, _, country_name
from components.maps import (
    arc_image,
    arc_map,
    arcs_view,
    choropleth_image,
    choropleth_map,
    class_breaks,
    fitted_view,
    legend_items,
)

# deck.gl fills the {column} names from each row; the lines' words are translated where the map is built.
ARC_TOOLTIP = "<b>{origin} → {destination}</b><br/>{migrants_label}<br/>"
COUNTRY_TOOLTIP = "<b>{country}</b><br/>{migrants_label}<br/>"


def tooltip_lines() -> str:
    return _("Female share: {share_label}") + "<br/>" + _("Change: {change_label}")


ARC_COLUMNS = [
    "source_lon",
    "source_lat",
    "target_lon",
    "target_lat",
    "migrants",
    "orig_iso3",
    "dest_iso3",
    "origin",
    "destination",
    "migrants_label",
    "share_label",
    "change_label",
]
# Arcs laid flat on the map (tilted 90 degrees), bending to the same side: a raised arc across continents
# rises into the camera and swamps the map. Widths stay thin enough for 25+ arcs to be told apart.
ARC_HEIGHT, ARC_TILT, ARC_MAX_WIDTH = 0.35, 90.0, 7.0
COORDINATE_DIGITS = 2  # about 1 km: plenty for a label point, and a shorter message to the browser


def pair_key(origin: str, destination: str) -> str:
    """How a corridor is named in the URL and the corridor picker: 'NPL-MYS'."""
    return f"{origin}-{destination}"


def split_pair_key(key: str) -> tuple[str, str]:
    origin, _dash, destination = key.partition("-")
    return origin, destination


def signed_number(value) -> str:
    if value is None or pd.isna(value):
        return _(NO_DATA)
    return ("+" if value > 0 else "") + exact_number(value)


MIGRANTS_LABELS = {
    ("migrants", "total"): N_("{compact} migrants ({exact})"),
    ("migrants", "female"): N_("{compact} female migrants ({exact})"),
    ("migrants", "male"): N_("{compact} male migrants ({exact})"),
    ("emigrants", "total"): N_("{compact} emigrants ({exact})"),
    ("emigrants", "female"): N_("{compact} female emigrants ({exact})"),
    ("emigrants", "male"): N_("{compact} male emigrants ({exact})"),
    ("immigrants", "total"): N_("{compact} immigrants ({exact})"),
    ("immigrants", "female"): N_("{compact} female immigrants ({exact})"),
    ("immigrants", "male"): N_("{compact} male immigrants ({exact})"),
}


def migrants_label(value, *, sex: str, noun: str = "migrants") -> str:
    """'3.25 M migrants (3,248,545)'; for one sex, 'female migrants'; or 'emigrants', 'immigrants'."""
    return _(MIGRANTS_LABELS[noun, sex], compact=compact_number(value), exact=exact_number(value))


CARRIED_FORWARD = N_("same estimate carried forward from {year} (not an observed change)")


def change_label(change, change_pct, previous_year) -> str:
    """'+387,500 (+13.5%) since 2020'; says so when there is no earlier estimate or no earlier figure, and when
    the figure is identical to the earlier one: UN DESA carried its estimate forward, so 0 is not a measured
    change."""
    if previous_year is None or pd.isna(previous_year):
        return _("no earlier estimate year")
    if change is None or pd.isna(change):
        return _("no {year} figure", year=int(previous_year))
    if change == 0:
        return _(CARRIED_FORWARD, year=int(previous_year))
    if change_pct is None or pd.isna(change_pct):
        return _("{change} since {year}", change=signed_number(change), year=int(previous_year))
    return _(
        "{change} ({change_pct}) since {year}",
        change=signed_number(change),
        change_pct=("+" if change_pct > 0 else "") + percent(change_pct),
        year=int(previous_year),
    )


def _labels(table: pd.DataFrame, *, noun: str = "migrants") -> pd.DataFrame:
    """Tooltip texts in the reader's language, country names too (the table keeps the data's English names)."""
    sex = table["sex"].iloc[0] if len(table) else "total"
    named = {
        column: [country_name(code, name) for code, name in zip(table[code_column], table[column])]
        for column, code_column in [("origin", "orig_iso3"), ("destination", "dest_iso3"), ("country", "iso3")]
        if column in table
    }
    return table.assign(
        **named,
        migrants_label=[migrants_label(value, sex=sex, noun=noun) for value in table["migrants"]],
        share_label=[percent(value) for value in table["female_share_pct"]],
        change_label=[
            change_label(*values) for values in zip(table["change"], table["change_pct"], table["previous_year"])
        ],
    )


def arc_frame(table: pd.DataFrame, countries: pd.DataFrame) -> pd.DataFrame:
    """What the map draws: one row per corridor that has a label point at both ends, and only the columns
    the arcs and their tooltip use."""
    points = _label_points(countries)
    frame = _labels(table)
    for end, column in [("source", "orig_iso3"), ("target", "dest_iso3")]:
        located = [points.get(code, (None, None)) for code in frame[column]]
        frame[f"{end}_lon"] = [lon for lon, _lat in located]
        frame[f"{end}_lat"] = [lat for _lon, lat in located]
    frame = frame.dropna(subset=["source_lon", "source_lat", "target_lon", "target_lat"])
    return frame.assign(migrants=frame["migrants"].astype("int64"))[ARC_COLUMNS].reset_index(drop=True)


def _label_points(countries: pd.DataFrame) -> dict[str, tuple[float, float]]:
    located = countries[countries["lon"].notna() & countries["lat"].notna()]
    lons = located["lon"].to_numpy(dtype="float64").round(COORDINATE_DIGITS).tolist()
    lats = located["lat"].to_numpy(dtype="float64").round(COORDINATE_DIGITS).tolist()
    return dict(zip(located["iso3"].tolist(), zip(lons, lats)))


def unmapped_places(table: pd.DataFrame, countries: pd.DataFrame) -> list[str]:
    """Names at either end that have no label point (e.g. 'Unknown' origin), so are listed but not drawn."""
    located = _label_points(countries)
    names = dict(zip(countries["iso3"], countries["name"]))
    codes = [
        code
        for column in ("orig_iso3", "dest_iso3", "iso3")
        if column in table
        for code in table[column]
        if code not in located
    ]
    return sorted({names.get(code, code) for code in codes})


def corridor_map(table: pd.DataFrame, countries: pd.DataFrame) -> pdk.Deck:
    """Arcs from origin to destination (faint at the origin), width and colour by migrants, fitted to them."""
    arcs = arc_frame(table, countries)
    view = arcs_view(arcs)
    return arc_map(
        arcs,
        value_column="migrants",
        tooltip_html=ARC_TOOLTIP + tooltip_lines(),
        view=view,
        directional=True,
        max_width=ARC_MAX_WIDTH,
        arc_height=ARC_HEIGHT,
        arc_tilt=ARC_TILT,
    )


def country_map(table: pd.DataFrame, shapes: dict, countries: pd.DataFrame, *, view: str) -> pdk.Deck:
    """Countries filled by their emigrants or immigrants (``view``); the view fits the filled countries."""
    values = _labels(table, noun=view)[["iso3", "country", "migrants", "migrants_label", "share_label", "change_label"]]
    values = values.assign(migrants=values["migrants"].astype("int64"))
    located = [point for point in map(_label_points(countries).get, values["iso3"]) if point]
    return choropleth_map(
        values,
        shapes,
        value_column="migrants",
        tooltip_html=COUNTRY_TOOLTIP + tooltip_lines(),
        view=fitted_view([lon for lon, _lat in located], [lat for _lon, lat in located]),
    )


def map_legend(table: pd.DataFrame) -> list[tuple[list[int], str]]:
    """The colour classes of the map drawn from this table, with compact labels."""
    return legend_items(class_breaks(table["migrants"].astype("float64")), compact_number)


LEGEND_TITLES = {
    ("corridors", "total"): N_(
        "Migrants (total, {year}); each arc is faint at its origin and strong at its destination"
    ),
    ("corridors", "female"): N_(
        "Migrants (female, {year}); each arc is faint at its origin and strong at its destination"
    ),
    ("corridors", "male"): N_("Migrants (male, {year}); each arc is faint at its origin and strong at its destination"),
    ("emigrants", "total"): N_("Emigrants (total, {year})"),
    ("emigrants", "female"): N_("Emigrants (female, {year})"),
    ("emigrants", "male"): N_("Emigrants (male, {year})"),
    ("immigrants", "total"): N_("Immigrants (total, {year})"),
    ("immigrants", "female"): N_("Immigrants (female, {year})"),
    ("immigrants", "male"): N_("Immigrants (male, {year})"),
}


def legend_title(view: str, *, sex: str, year: int) -> str:
    return _(LEGEND_TITLES[view, sex], year=year)


def female_share_figure(trend: pd.DataFrame, *, title: str) -> go.Figure:
    share = trend["female_share"].astype("float64")
    figure = go.Figure(
        go.Scatter(
            x=trend["year"],
            y=share,
            mode="lines+markers",
            name=_("Female share"),
            line={"color": SEX_COLOURS["female"], "width": 3},
            customdata=[percent(value) for value in trend["female_share"]],
            hovertemplate=_("%{x}: %{customdata} female") + "<extra></extra>",
        )
    )
    figure.update_layout(
        title=title,
        yaxis={"title": _("Female share (%)"), "range": [0, 100]},
        xaxis_title=None,
        margin={"t": 50},
        showlegend=False,
    )
    return figure


def data_type_notes(trend: pd.DataFrame) -> list[str]:
    """UN DESA's data-type flags of the corridor's destination, in words, naming the years they apply to."""
    notes = []
    for flag, words in [
        ("type_i", N_("Imputed by UN DESA (no data for this destination; modelled, not counted): {years}.")),
        ("type_r", N_("Includes refugees: {years}.")),
        ("type_b", N_("Destination data count migrants by country of birth (foreign-born): {years}.")),
        ("type_c", N_("Destination data count migrants by citizenship (foreign citizens), not by birth: {years}.")),
    ]:
        years = [int(year) for year, value in zip(trend["year"], trend[flag]) if value == 1]
        if years:
            when = _("all years shown") if len(years) == len(trend) else ", ".join(map(str, years))
            notes.append(_(words, years=when))
    return notes


def carried_forward_pairs(
    rows: pd.DataFrame | None, origins: Collection[str] | None, destinations: Collection[str] | None
) -> list[tuple[str, str]]:
    """The corridors of one year's rows (``data.filters.corridors.by_year``), from ``origins`` to
    ``destinations`` (None = any), repeat their previous estimate exactly (female, male and total, published
    and not zero): carried forward by UN DESA, as ``data.flows.carried_forward`` defines it."""
    if rows is None or rows.empty:
        return []
    keep = np.ones(len(rows), dtype=bool)
    for column, codes in [("orig_iso3", origins), ("dest_iso3", destinations)]:
        if codes is not None:
            keep &= rows[column].isin(list(codes)).to_numpy()
    same = np.ones(len(rows), dtype=bool)
    for sex in ("female", "male", "total"):
        same &= (rows[sex] == rows[f"previous_{sex}"]).fillna(False).to_numpy(dtype=bool)
    published = (rows["total"] > 0).fillna(False).to_numpy(dtype=bool)
    chosen = rows[keep & same & published]
    return list(zip(chosen["orig_iso3"], chosen["dest_iso3"]))


# Okabe-Ito without its yellow, which is too light on white for a thin line (WCAG 1.4.11).
COMPARISON_PALETTE = [colour for colour in OKABE_ITO if colour != "#F0E442"]


def comparison_figure(trends: pd.DataFrame, *, names: Mapping[str, str], measure: str, title: str) -> go.Figure:
    """One line per corridor over the estimate years (``data.compare.corridor_trends``): migrants in persons, or
    as % of the origin's population (``measure`` 'population'); a missing value is a gap, never bridged."""
    column = "pct_of_origin_population" if measure == "population" else "migrants"
    figure = go.Figure()
    for index, ((origin, destination), rows) in enumerate(trends.groupby(["orig_iso3", "dest_iso3"], sort=False)):
        values = rows[column].astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
        shown = [
            _(NO_DATA) if np.isnan(value) else (f"{value:.2f}%" if measure == "population" else exact_number(value))
            for value in values
        ]
        figure.add_scatter(
            x=rows["year"],
            y=values,
            name=f"{names.get(origin, origin)} → {names.get(destination, destination)}",  # names in the reader's language
            mode="lines+markers",
            connectgaps=False,
            line={"color": COMPARISON_PALETTE[index % len(COMPARISON_PALETTE)], "width": 2},
            customdata=shown,
            hovertemplate="%{fullData.name}, %{x}: %{customdata}<extra></extra>",  # names and numbers only
        )
    figure.update_layout(
        title=title,
        yaxis_title=(
            _("% of the origin's population") if measure == "population" else _("Migrants (persons, mid-year stock)")
        ),
        xaxis_title=None,
        hovermode="closest",
        legend={"orientation": "h", "y": -0.15},
        margin={"t": 50},
        height=460,
    )
    figure.update_yaxes(rangemode="tozero")
    return figure


def arc_image_figure(table: pd.DataFrame, shapes: dict, countries: pd.DataFrame, *, title: str) -> go.Figure:
    """The arc map as an image to save as PNG (``maps.arc_image``): the same corridors as curves over the shipped
    shapes, with the map's colour classes as its legend."""
    arcs = arc_frame(table, countries)
    arcs = arcs.assign(
        hover=[
            f"{origin} → {destination}: {exact_number(value)}"
            for origin, destination, value in zip(arcs["origin"], arcs["destination"], arcs["migrants"])
        ]
    )
    return arc_image(
        arcs,
        shapes,
        value_column="migrants",
        title=title,
        hover_column="hover",
        legend=map_legend(table),
        max_width=ARC_MAX_WIDTH,
    )


def country_image_figure(
    table: pd.DataFrame, shapes: dict, countries: pd.DataFrame, *, view: str, title: str
) -> go.Figure:
    """The filled-country map (emigrants or immigrants, ``view``) as an image to save as PNG
    (``maps.choropleth_image``), fitted to the countries' label points like the map."""
    values = table.assign(
        hover=[f"{name}: {exact_number(value)}" for name, value in zip(table["country"], table["migrants"])]
    )
    located = [point for point in map(_label_points(countries).get, values["iso3"]) if point]
    return choropleth_image(
        values,
        shapes,
        value_column="migrants",
        title=title,
        hover_column="hover",
        legend=map_legend(table),
        fit=([lon for lon, _lat in located], [lat for _lon, lat in located]),
    )
