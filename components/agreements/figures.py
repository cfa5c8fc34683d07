"""Agreements' pure builders: DataFrame in; DataFrame, plotly figure or pydeck deck out. No Streamlit.

Colours are Okabe-Ito (colour-blind safe), the same on the map, the timeline and the legend.
"""

from collections import Counter, defaultdict

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

from components.formatting import full_date
from components.i18n import DEFAULT_LANGUAGE, N_, _, current_locale
from components.maps import arc_image, arc_map, arcs_view, category_colours
from data.agreements import MONTH_NAMES
from data.schemas import INSTRUMENT_TYPES

TYPE_COLOURS = category_colours(INSTRUMENT_TYPES)
# The compilers' instrument types, as the interface names them (the data keep the English category).
INSTRUMENT_LABELS = {
    "MOU": N_("MOU"),
    "Agreement": N_("Agreement"),
    "Memorandum of cooperation": N_("Memorandum of cooperation"),
    "Renewal or extension": N_("Renewal or extension"),
    "Protocol": N_("Protocol"),
}
CONFIDENCE_LABELS = {"high": N_("high"), "medium": N_("medium"), "low": N_("low")}


MAP_SIZE_PX = (930, 520)  # the map's size on the page, for the view that fits the arcs shown


# Arcs of different instrument types between the same two countries get different heights, so none hides another.
TYPE_ARC_HEIGHTS = dict(zip(INSTRUMENT_TYPES, [0.5, 0.3, 0.7, 0.4, 0.6], strict=True))


CONFIDENCE_LEVELS = ["high", "medium", "low"]


CONFIDENCE_COLOURS = ["#009E73", "#E69F00", "#CC79A7"]


def hex_colour(rgb) -> str:
    return "#{:02X}{:02X}{:02X}".format(*rgb)


TABLE_COLUMNS = [
    "destination",
    "origin",
    "instrument_type",
    "title",
    "parties_note",
    "scheme_or_sector",
    "signed",
    "year_signed",
    "date_signed",
    "status",
    "confidence",
    "source_url",
    "two_way",
    "agreement_id",
]


def instrument_label(kind: str) -> str:
    return _(INSTRUMENT_LABELS.get(kind, kind))


def signing_text(date_signed, year_signed, precision: str) -> str:
    """How precisely the date is known, in words and in the session's language: '23 July 2007', '2013 (month in
    notes)', '2006 (year only)', 'date not recorded'. Never a filled-in date."""
    if precision == "day" and pd.notna(date_signed):
        day = date_signed.date() if hasattr(date_signed, "date") else date_signed
        if current_locale() == DEFAULT_LANGUAGE:
            return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"  # '23 Jul 2007', as the compilers write it
        return full_date(day)
    if pd.isna(year_signed):
        return _("date not recorded")
    if precision == "month":
        return _("{year} (month in notes)", year=int(year_signed))
    return _("{year} (year only)", year=int(year_signed))


def signing_labels(rows: pd.DataFrame) -> list[str]:
    """``signing_text`` of every row, in order."""
    return [
        signing_text(*values)
        for values in zip(rows["date_signed"].tolist(), rows["year_signed"].tolist(), rows["date_precision"].tolist())
    ]


def confidence_cell(level: str) -> list[str]:
    return [_(CONFIDENCE_LABELS.get(level, level))]


def source_urls(sources: pd.DataFrame) -> dict[str, str]:
    return dict(zip(sources["source_id"], sources["url"]))


def _names_of(codes: pd.Series, names: dict[str, str]) -> list[str]:
    return [names.get(code, code) for code in codes]


def table_frame(agreements: pd.DataFrame, *, names: dict[str, str], sources: pd.DataFrame) -> pd.DataFrame:
    """The rows as the table shows them: country names, the date as recorded, a link to the cited page.

    Built from plain lists: this runs on every rerun, and per-column pandas operations cost more than the data.
    """
    urls = source_urls(sources)
    return pd.DataFrame(
        {
            "destination": _names_of(agreements["destination_iso3"], names),
            "origin": _names_of(agreements["origin_iso3"], names),
            "instrument_type": [instrument_label(kind) for kind in agreements["instrument_type"].tolist()],
            "title": agreements["title"].tolist(),
            "parties_note": agreements["parties_note"].fillna("").tolist(),
            "scheme_or_sector": agreements["scheme_or_sector"].tolist(),
            "signed": signing_labels(agreements),
            "year_signed": agreements["year_signed"].to_numpy(),
            "date_signed": [None if pd.isna(value) else value.date() for value in agreements["date_signed"].tolist()],
            "status": agreements["status"].fillna("").tolist(),
            "confidence": [confidence_cell(level) for level in agreements["confidence"].tolist()],
            "source_url": [urls.get(source_id) for source_id in agreements["source_id"]],
            "two_way": agreements["two_way"].tolist(),
            "agreement_id": agreements["agreement_id"].tolist(),
        }
    )


def history_frame(history: pd.DataFrame, *, current_id: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "": [_("this one") if agreement_id == current_id else "" for agreement_id in history["agreement_id"]],
            _("Signed (as recorded)"): signing_labels(history),
            _("Instrument"): [instrument_label(kind) for kind in history["instrument_type"].tolist()],
            _("Title"): history["title"].to_numpy(),
            _("Status (as stated)"): history["status"].fillna("").to_numpy(),
            _("Replaced by a later row"): history["superseded"].to_numpy(),
            _("ID"): history["agreement_id"].to_numpy(),
        }
    )


def nearest_longitude(longitude: float, reference: float) -> float:
    """The copy of ``longitude`` (+-360) closest to ``reference``: arcs across the date line take the short way."""
    return longitude + 360 * round((reference - longitude) / 360)


def agreement_arcs(
    agreements: pd.DataFrame, countries: pd.DataFrame, *, names: dict[str, str] | None = None
) -> pd.DataFrame:
    """One arc per origin, destination and instrument type, with the number of agreements it stands for and who
    the parties are where that needs saying (Taiwan's representative offices)."""
    notes = agreements["parties_note"].fillna("").tolist()
    counts = Counter(
        zip(*(agreements[name].tolist() for name in ("origin_iso3", "destination_iso3", "instrument_type")), notes)
    )
    names = names or {}
    places = {
        code: (names.get(code, name), lon, lat)
        for code, name, lon, lat in zip(*(countries[name].tolist() for name in ("iso3", "name", "lon", "lat")))
    }
    arcs = []
    for (origin, destination, kind, note), count in sorted(counts.items()):
        origin_name, origin_lon, origin_lat = places[origin]
        destination_name, target_lon, target_lat = places[destination]
        arcs.append(
            {
                "origin": origin_name,
                "destination": destination_name,
                "instrument_type": instrument_label(kind),
                "agreements": count,
                "parties_note": note,
                "source_lon": nearest_longitude(origin_lon, target_lon),
                "source_lat": origin_lat,
                "target_lon": target_lon,
                "target_lat": target_lat,
                "colour": TYPE_COLOURS[kind],
                "height": TYPE_ARC_HEIGHTS[kind],
            }
        )
    return pd.DataFrame(
        arcs,
        columns=[
            "origin",
            "destination",
            "instrument_type",
            "agreements",
            "parties_note",
            "source_lon",
            "source_lat",
            "target_lon",
            "target_lat",
            "colour",
            "height",
        ],
    )


def agreement_map(
    agreements: pd.DataFrame, countries: pd.DataFrame, *, names: dict[str, str] | None = None
) -> pdk.Deck:
    """The arcs of the agreements shown, in a view that fits them (all of them: the Gulf to the Pacific); ``names``
    names the countries in the hover (the countries table's names by default)."""
    arcs = agreement_arcs(agreements, countries, names=names)
    width_px, height_px = MAP_SIZE_PX
    view = arcs_view(arcs, width_px=width_px, height_px=height_px)
    return arc_map(
        arcs,
        value_column="agreements",
        colour_column="colour",
        height_column="height",
        max_width=6.0,
        view=view,
        tooltip_html="<b>{origin} → {destination}</b><br/>{instrument_type}: {agreements}<br/>{parties_note}",
    )


def agreement_image(
    agreements: pd.DataFrame, countries: pd.DataFrame, shapes: dict, *, names: dict[str, str] | None = None
) -> go.Figure:
    """``agreement_map`` as an image to save as PNG: the same arcs, colours and instrument-type key over the
    shipped country shapes (``maps.arc_image``)."""
    arcs = agreement_arcs(agreements, countries, names=names)
    arcs["hover"] = [
        f"{origin} → {destination}: {count} × {kind}"
        for origin, destination, count, kind in zip(
            arcs["origin"], arcs["destination"], arcs["agreements"], arcs["instrument_type"]
        )
    ]
    return arc_image(
        arcs,
        shapes,
        value_column="agreements",
        colour_column="colour",
        hover_column="hover",
        title=_("Bilateral labour migration agreements, by instrument type"),
        legend=legend_items(agreements),
        legend_title=_("Instrument"),
        max_width=6.0,
    )


def legend_items(agreements: pd.DataFrame) -> list[tuple[list[int], str]]:
    """(RGB colour, label) for the instrument types present, in the fixed order (for ``maps.legend_html``)."""
    present = set(agreements["instrument_type"])
    return [(TYPE_COLOURS[kind], instrument_label(kind)) for kind in INSTRUMENT_TYPES if kind in present]


def timeline_points(agreements: pd.DataFrame, *, names: dict[str, str]) -> pd.DataFrame:
    """One point per destination, year and instrument type, with its count and the agreements it stands for.

    Rows without a recorded year are left out (list them separately); a year-only date counts at its year.
    Plain Python: on about a hundred rows it is many times faster than pandas grouping (this runs every rerun).
    """
    dated = agreements[agreements["year_signed"].notna()]
    groups: dict[tuple, list[str]] = defaultdict(list)
    columns = [dated[name].tolist() for name in ("destination_iso3", "year_signed", "instrument_type", "origin_iso3")]
    notes = dated["parties_note"].fillna("").tolist()
    for destination, year, kind, origin, label, note in zip(*columns, signing_labels(dated), notes):
        parties = f": {note}" if note else ""
        groups[destination, int(year), kind].append(f"{names.get(origin, origin)} ({label}){parties}")
    order = [code for code, _ in Counter(dated["destination_iso3"]).most_common()][::-1]  # most at the top
    rows = {code: row for row, code in enumerate(order)}
    type_offsets = {kind: (index - 2) * 0.12 for index, kind in enumerate(INSTRUMENT_TYPES)}
    points = pd.DataFrame(
        [
            {
                "destination": names.get(destination, destination),
                "year": year,
                "instrument_type": kind,
                "count": len(entries),
                "row": rows[destination] + type_offsets[kind],
                "colour": hex_colour(TYPE_COLOURS[kind]),
                "text": f"<b>{names.get(destination, destination)}, {year}</b>: {len(entries)} × "
                f"{instrument_label(kind)}<br>" + "<br>".join(entries),
            }
            for (destination, year, kind), entries in groups.items()
        ],
        columns=["destination", "year", "instrument_type", "count", "row", "colour", "text"],
    )
    points.attrs["order"] = [names.get(code, code) for code in order]
    return points


def timeline_figure(agreements: pd.DataFrame, *, names: dict[str, str]) -> go.Figure:
    """Signings by year (x) and destination (rows), coloured by instrument type (legend: ``legend_items``)."""
    points = timeline_points(agreements, names=names)
    order = points.attrs["order"]
    # Plain lists and one Layout: plotly validates nested updates path by path, which costs more than the data.
    return go.Figure(
        data=[
            go.Scatter(
                x=points["year"].tolist(),
                y=points["row"].tolist(),
                mode="markers",
                hovertext=points["text"].tolist(),
                hovertemplate="%{hovertext}<extra></extra>",
                showlegend=False,
                marker={
                    "color": points["colour"].tolist(),
                    "opacity": 0.9,
                    "line": {"color": "white", "width": 1},
                    "size": [8 + 4 * min(count - 1, 6) for count in points["count"]],
                },
            )
        ],
        layout=go.Layout(
            yaxis={"tickvals": list(range(len(order))), "ticktext": order, "range": [-0.7, len(order) - 0.3]},
            xaxis={"title": {"text": _("Year signed")}, "dtick": 5, "showgrid": True},
            height=90 + 30 * max(len(order), 1),
            margin={"t": 10, "b": 40, "l": 10, "r": 10},
            hovermode="closest",
        ),
    )


def gaps_frame(gaps: pd.DataFrame, *, names: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "rank": gaps["rank"].tolist(),
            "origin": _names_of(gaps["orig_iso3"], names),
            "destination": _names_of(gaps["dest_iso3"], names),
            "migrants": gaps["total"].tolist(),
            "includes_refugees": [flag == 1 for flag in gaps["type_r"]],
            "imputed": [flag == 1 for flag in gaps["type_i"]],
        }
    )


def regional_frame(regional: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    urls = source_urls(sources)
    return pd.DataFrame(
        {
            "name": regional["name"].tolist(),
            "body_or_process": regional["body_or_process"].tolist(),
            "instrument_type": [instrument_label(kind) for kind in regional["instrument_type"].tolist()],
            "signed": signing_labels(regional),
            "place": regional["place"].tolist(),
            "members_or_scope": regional["members_or_scope"].tolist(),
            "confidence": [confidence_cell(level) for level in regional["confidence"].tolist()],
            "source_url": [urls.get(source_id) for source_id in regional["source_id"]],
            "notes": regional["notes"].tolist(),
        }
    )
