"""Figures of worker departures: pure builders (DataFrames in, tables or a pydeck Deck out).

Every figure says what it counts (the basis) and over what period; a cumulative register is drawn and listed as
shares of the register, never as a number of departures in a year.
"""

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
from babel.dates import format_date

from components.formatting import NO_DATA, exact_number, percent
from components.i18n import N_, _, country_names_in, current_locale, ngettext
from components.maps import arc_image, arc_map, arcs_view, class_breaks, legend_items
from data.flows import BASIS_LABELS, PERIOD_KINDS, VALUE_PRECISIONS

ARC_TOOLTIP = "<b>{origin} → {destination}</b><br/>{value_label}<br/>{basis_label}, {period_label}"  # deck.gl's
# Flat arcs bending to one side (as on the Corridors page): long raised arcs swamp the camera.
ARC_HEIGHT, ARC_TILT, ARC_MAX_WIDTH = 0.35, 90.0, 9.0
COORDINATE_DIGITS = 2
KIND_LABELS = {
    "calendar_year": N_("calendar year"),
    "fiscal_year": N_("fiscal year"),
    "half_year": N_("half-year"),
    "quarter": N_("quarter"),
    "partial_year": N_("part of a year"),
    "cumulative": N_("cumulative register (shares only)"),
    "unstated": N_("period not stated"),
}
# What a register counts, as the share sentence names it ("Of all clearances ..."), by basis.
BASIS_NOUNS = {
    "registrations": N_("Of all registrations {start}-{end}, {share} were to {place}"),
    "clearances": N_("Of all clearances {start}-{end}, {share} were to {place}"),
    "labour_permits": N_("Of all labour permits {start}-{end}, {share} were to {place}"),
    "deployments": N_("Of all deployments {start}-{end}, {share} were to {place}"),
    "placements": N_("Of all placements {start}-{end}, {share} were to {place}"),
    "contract_departures": N_("Of all contract departures {start}-{end}, {share} were to {place}"),
    "departures_all_channels": N_("Of all departures through all channels {start}-{end}, {share} were to {place}"),
}
assert set(BASIS_NOUNS) == set(BASIS_LABELS)
# How a figure was printed (the ``value_precision`` codes), in words.
PRECISION_LABELS = {"exact": N_("exact"), "rounded": N_("rounded"), "lower_bound": N_("lower bound (at least)")}
assert set(PRECISION_LABELS) == set(VALUE_PRECISIONS)
assert set(KIND_LABELS) == set(PERIOD_KINDS)


def _label_points(countries: pd.DataFrame) -> dict[str, tuple[float, float]]:
    located = countries[countries["lon"].notna() & countries["lat"].notna()]
    lons = located["lon"].to_numpy(dtype="float64").round(COORDINATE_DIGITS).tolist()
    lats = located["lat"].to_numpy(dtype="float64").round(COORDINATE_DIGITS).tolist()
    return dict(zip(located["iso3"].tolist(), zip(lons, lats)))


def _measure(ranking: pd.DataFrame, *, register: bool) -> tuple[pd.Series, list[str]]:
    """What sizes an arc and what its tooltip says: departures (with the share of the total where known), or for
    a register its share only."""
    if register:
        return ranking["share"].astype("Float64"), [
            _("{share} of the register", share=percent(share * 100)) for share in ranking["share"]
        ]
    labels = [
        ngettext("{number} worker", "{number} workers", int(value), number=exact_number(value))
        if pd.isna(share)
        else ngettext(
            "{number} worker ({share} of the total)",
            "{number} workers ({share} of the total)",
            int(value),
            number=exact_number(value),
            share=percent(share * 100),
        )
        for value, share in zip(ranking["value"], ranking["share_of_total"])
    ]
    return ranking["value"].astype("Float64"), labels


def arc_frame(
    ranking: pd.DataFrame, origin: str, countries: pd.DataFrame, *, caption_basis: str, caption_period: str
) -> pd.DataFrame:
    """One arc per destination country with a label point (groups such as 'Others' are not places), sized by the
    figure, or by the share for a register."""
    register = "share" in ranking.columns
    countries_only = ranking[ranking["scope"] == "destination"].dropna(subset=["destination_iso3"])
    sizes, labels = _measure(countries_only, register=register)
    points = _label_points(countries)
    names = country_names_in(dict(zip(countries["iso3"], countries["name"])))
    origin_point = points.get(origin, (None, None))
    frame = pd.DataFrame(
        {
            "destination_iso3": countries_only["destination_iso3"].to_numpy(),
            "origin": names.get(origin, origin),
            "destination": [names.get(code, code) for code in countries_only["destination_iso3"]],
            "size": sizes.to_numpy(dtype="float64", na_value=float("nan")),
            "value_label": labels,
            "basis_label": caption_basis,
            "period_label": caption_period,
            "source_lon": origin_point[0],
            "source_lat": origin_point[1],
            "target_lon": [points.get(code, (None, None))[0] for code in countries_only["destination_iso3"]],
            "target_lat": [points.get(code, (None, None))[1] for code in countries_only["destination_iso3"]],
        }
    )
    return frame.dropna(subset=["size", "source_lon", "target_lon"]).reset_index(drop=True)


def departures_map(arcs: pd.DataFrame) -> pdk.Deck:
    """Arcs from the origin (faint) to each destination, width and colour by the figure, fitted to them."""
    view = arcs_view(arcs)
    return arc_map(
        arcs,
        value_column="size",
        tooltip_html=ARC_TOOLTIP,
        view=view,
        directional=True,
        max_width=ARC_MAX_WIDTH,
        arc_height=ARC_HEIGHT,
        arc_tilt=ARC_TILT,
    )


def departures_map_image(arcs: pd.DataFrame, shapes: dict, *, title: str, register: bool) -> go.Figure:
    """The departures map as an image to save as PNG: the same arcs and classes over the shipped shapes."""
    hover = [
        f"{origin} → {destination}: {label}"
        for origin, destination, label in zip(arcs["origin"], arcs["destination"], arcs["value_label"])
    ]
    formatter = (lambda share: percent(share * 100)) if register else exact_number
    return arc_image(
        arcs.assign(hover=hover),
        shapes,
        value_column="size",
        title=title,
        hover_column="hover",
        legend=legend_items(class_breaks(arcs["size"]), formatter),
        legend_title=_("Share of the register") if register else _("Departures"),
        max_width=ARC_MAX_WIDTH,
    )


def ranking_table(ranking: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    """The ranked list as read: rank, destination, figure and share (a register: share only)."""
    register = "share" in ranking.columns
    destination = [
        names.get(code, printed) if isinstance(code, str) else printed
        for code, printed in zip(ranking["destination_iso3"], ranking["destination_as_published"])
    ]
    if register:
        return pd.DataFrame(
            {
                "rank": range(1, len(ranking) + 1),
                "destination": destination,
                "share_of_register_pct": (ranking["share"].astype("Float64") * 100).round(1).to_numpy(),
            }
        )
    return pd.DataFrame(
        {
            "rank": ranking["rank"].to_numpy(),
            "destination": destination,
            "departures": ranking["value"].to_numpy(),
            "share_of_total_pct": (ranking["share_of_total"].astype("Float64") * 100).round(1).to_numpy(),
            "precision": [_(PRECISION_LABELS[precision]) for precision in ranking["value_precision"]],
            "note": ranking["note"].fillna("").to_numpy(),
        }
    )


def share_sentences(shares: pd.DataFrame, names: Mapping[str, str], *, limit: int = 3) -> list[str]:
    """'Of all clearances 4 Jun 2023-21 Sep 2026, 57% were to Saudi Arabia', for the largest destinations."""
    countries = shares[(shares["scope"] == "destination") & shares["share"].notna()].head(limit)
    return [
        _(
            BASIS_NOUNS[row["basis"]],
            start=short_date(row["period_start"]),
            end=short_date(row["period_end"]),
            share=percent(row["share"] * 100, digits=0),
            place=names.get(row["destination_iso3"], row["destination_as_published"]),
        )
        for _row_index, row in countries.iterrows()
    ]


def short_date(value) -> str:
    """'4 Jun 2023' in the reader's language (CLDR's abbreviated month)."""
    return format_date(pd.Timestamp(value).date(), format="d MMM y", locale=current_locale())


def coverage_table(coverage: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    """Per origin and basis, what exists: years, kinds of period, registers, destinations, totals."""
    return pd.DataFrame(
        {
            "origin": [names.get(code, code) for code in coverage["origin_iso3"]],
            "origin_iso3": coverage["origin_iso3"].to_numpy(),
            "basis": [_(BASIS_LABELS[basis]) for basis in coverage["basis"]],
            "years": [_years_text(years) for years in coverage["years"]],
            "kinds_of_period": [
                ", ".join(_(KIND_LABELS[kind]) for kind in kinds) for kinds in coverage["period_kinds"]
            ],
            "cumulative_registers": [
                ", ".join(registers) or _("none") for registers in coverage["cumulative_registers"]
            ],
            "destination_countries": coverage["destinations"].to_numpy(),
            "national_totals": [_("yes") if has else _("no") for has in coverage["has_totals"]],
            "figures_shown": coverage["figures"].to_numpy(),
        }
    )


def _years_text(years) -> str:
    """(2017, 2018, 2021, 2022) -> '2017-2018, 2021-2022': gaps stay visible."""
    if not years:
        return _(NO_DATA)
    runs, start, previous = [], years[0], years[0]
    for year in [*years[1:], None]:
        if year is not None and year == previous + 1:
            previous = year
            continue
        runs.append(str(start) if start == previous else f"{start}-{previous}")
        if year is not None:
            start = previous = year
    return ", ".join(runs)


def periods_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Figures over periods (a corridor's departures, an origin's national totals) as read: period and its kind,
    what is counted, the figure as published, the release it comes from."""
    return pd.DataFrame(
        {
            "period": rows["period_label"].to_numpy(),
            "kind_of_period": [_(KIND_LABELS[kind]) for kind in rows["period_kind"]],
            "counted": [_(BASIS_LABELS[basis]) for basis in rows["basis"]],
            "departures": rows["value"].to_numpy(),
            "printed_as": rows["figure_as_printed"].fillna("").to_numpy(),
            "release": rows["release"].fillna("").to_numpy(),
            "note": rows["note"].fillna("").to_numpy(),
        }
    )


def flow_not_stock(origin: str, destination: str | None = None) -> str:
    """The sentence every profile puts next to departures and the UN DESA stock (abroad, or in one destination)."""
    if destination is None:
        return _(
            "Departures are a **flow**: workers leaving {country} in each period, as its agency counts them. The UN "
            "DESA figures above are a **stock**: everyone born in {country} living abroad at mid-year (workers, "
            "families, students, refugees). One is not a part or a change of the other.",
            country=origin,
        )
    return _(
        "Departures are a **flow**: workers leaving {country} in each period, as its agency counts them. The UN DESA "
        "figures above are a **stock**: everyone born in {country} living in {place} at mid-year (workers, "
        "families, students, refugees). One is not a part or a change of the other.",
        country=origin,
        place=destination,
    )
