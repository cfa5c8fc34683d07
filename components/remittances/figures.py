"""Figures of the Remittances page: pure builders (tables in, plotly figures or pydeck decks out), no Streamlit."""

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
from babel.numbers import format_decimal

from components.formatting import NO_DATA, OKABE_ITO, compact_number, exact_number, percent
from components.i18n import N_, _, current_locale, ngettext
from components.maps import (
    arc_image,
    arc_map,
    choropleth_image,
    choropleth_map,
    class_breaks,
    legend_html,
    legend_items,
)
from data.filters.remittances import (
    COMPUTED_SERIES_TEXT,
    CORRIDOR_COST,
    MEASURES,
    SDG_AVERAGE_TARGET,
    SDG_CORRIDOR_CEILING,
    SENDER_GROUPS,
    SERIES_LABELS,
    SRI_LANKA_MEASURES,
    TO_COUNTRY_COST,
    quarter_label,
    quarter_start,
)

# Okabe-Ito: distinguishable with the common colour-vision deficiencies, and on a projector.
PALETTE = OKABE_ITO
# The whole world: senders to Asia include the Americas and Europe.
WORLD_VIEW = pdk.ViewState(latitude=20, longitude=30, zoom=0.9, min_zoom=0.5, max_zoom=8)
GROUP_COLOURS = dict(zip(SENDER_GROUPS, ["#E69F00", "#0072B2", "#999999"]))
SRI_LANKA_COLOURS = {"reported": "#0072B2", "departures": "#009E73", "modelled": "#E69F00"}
AXIS_TITLES = {"usd": N_("US$ (current)"), "pct_gdp": N_("% of GDP"), "per_capita": N_("US$ per person (current)")}
MANY_LINES = 8  # above this, corridor lines are drawn thinner so the SDG lines and the average stay readable
ESTIMATE_TEXT = {True: N_("estimate (2023e)"), False: N_("not an estimate")}


def add_sdg_cost_lines(figure: go.Figure) -> None:
    """The SDG 10.c lines every cost chart draws: the 5% ceiling per corridor and the 3% average target."""
    figure.add_hline(
        y=SDG_CORRIDOR_CEILING,
        line={"color": "#D55E00", "dash": "dash"},
        annotation_text=_("5%: SDG 10.c ceiling per corridor"),
        annotation_position="top left",
    )
    figure.add_hline(
        y=SDG_AVERAGE_TARGET,
        line={"color": "#009E73", "dash": "dash"},
        annotation_text=_("3%: SDG 10.c target (average)"),
        annotation_position="bottom left",
    )


def measure_text(value, measure: str) -> str:
    """A value of a measure for people: 'US$119.5 bn', '3.4%', 'US$83'; missing -> 'no data'."""
    if value is None or pd.isna(value):
        return _(NO_DATA)
    if measure == "pct_gdp":
        return percent(value)
    return f"US${compact_number(value)}"


def _source_names(sources: pd.DataFrame) -> dict[str, str]:
    return {row["source_id"]: f"{row['publisher']}, {row['edition']}" for _index, row in sources.iterrows()}


HEADLINE_LABEL = N_("2024, World Bank estimate as printed (not WDI)")


def trend_figure(
    table: pd.DataFrame,
    sources: pd.DataFrame,
    *,
    names: Mapping[str, str],
    measure: str,
    log_scale: bool = False,
    headlines: pd.DataFrame | None = None,
    totals: pd.DataFrame | None = None,
    group_names: Mapping[str, str] | None = None,
) -> go.Figure:
    """One line per country and series: WDI solid, KNOMAD dashed with its 2023 estimate as an open marker; World
    Bank 2024 estimates as printed (``headlines``) as separate open diamonds, never joined, release in the hover."""
    source_names = _source_names(sources)
    figure = go.Figure()
    countries = list(dict.fromkeys(table["iso3"]))
    for index, code in enumerate(countries):
        colour = PALETTE[index % len(PALETTE)]
        for series, rows in table[table["iso3"] == code].groupby("series", sort=False):
            if rows["value"].isna().all():
                continue
            is_knomad = series == "knomad_inflows"
            hover = [
                f"{value_text}<br>"
                + _("{series} (vintage: {vintage})", series=_(SERIES_LABELS[series]), vintage=vintage)
                + f"<br>{_(ESTIMATE_TEXT[bool(estimate)])}"
                + ("<br>" + _("% of GDP: {basis}", basis=basis) if isinstance(basis, str) else "")
                + (f"<br>{note}" if isinstance(note, str) else "")
                + "<br>"
                + _("Source: {source}", source=source_names.get(source_id, source_id))
                for value_text, vintage, estimate, basis, note, source_id in zip(
                    (measure_text(value, measure) for value in rows["value"]),
                    rows["vintage"],
                    rows["is_estimate"],
                    rows["pct_gdp_basis"],
                    rows["note"],
                    rows["source_id"],
                )
            ]
            # A series with one published value (KNOMAD's % of GDP is for 2023 only) is a point, not a line: it
            # says so in its name instead of showing as a dash-less dot that reads as a broken line.
            published = rows["value"].dropna()
            single = len(published) == 1
            name = (
                _(
                    "{country} ({series}, {year} only)",
                    country=names.get(code, code),
                    series=_(SERIES_LABELS[series]),
                    year=int(rows.loc[published.index, "year"].iloc[0]),
                )
                if single
                else _("{country} ({series})", country=names.get(code, code), series=_(SERIES_LABELS[series]))
            )
            figure.add_scatter(
                x=rows["year"],
                y=rows["value"],
                name=name,
                mode="markers" if single else "lines+markers",
                customdata=hover,
                legendgroup=code,
                line={"color": colour, "width": 2 if is_knomad else 3, "dash": "dash" if is_knomad else "solid"},
                marker={
                    "size": [10 if estimate else 4 for estimate in rows["is_estimate"]],
                    "symbol": ["circle-open" if estimate else "circle" for estimate in rows["is_estimate"]],
                },
                hovertemplate="<b>" + names.get(code, code) + "</b>, %{x}<br>%{customdata}<extra></extra>",
            )
        points = headlines[headlines["area_code"] == code] if headlines is not None else ()
        if len(points):
            figure.add_scatter(
                x=points["year"],
                y=points["value_usd"],
                name=f"{names.get(code, code)}: {_(HEADLINE_LABEL)}",
                mode="markers",
                legendgroup=code,
                marker={"color": colour, "size": 11, "symbol": "diamond-open", "line": {"width": 2}},
                customdata=[
                    f"{printed} ({precision})<br>"
                    + _("Release: {release}", release=vintage)
                    + "<br>"
                    + _("Source: {source}", source=source_names.get(source_id, source_id))
                    for printed, precision, vintage, source_id in zip(
                        points["figure_as_printed"], points["value_precision"], points["vintage"], points["source_id"]
                    )
                ],
                hovertemplate="<b>"
                + names.get(code, code)
                + "</b>, %{x}: "
                + _(HEADLINE_LABEL)
                + "<br>%{customdata}<extra></extra>",
            )
    if totals is not None and len(totals):
        _add_group_totals(figure, totals, group_names or {}, measure)
    figure.update_layout(
        title=_(MEASURES[measure][1]),
        yaxis_title=_(AXIS_TITLES[measure]),
        xaxis_title=None,
        hovermode="closest",
        legend={"orientation": "h", "y": -0.15},
        margin={"t": 50},
        height=480,
    )
    figure.update_yaxes(type="log" if log_scale else "linear", rangemode=None if log_scale else "tozero")
    return figure


GROUP_TOTAL_COLOUR = "#000000"


def _add_group_totals(figure: go.Figure, totals: pd.DataFrame, group_names: Mapping[str, str], measure: str) -> None:
    """A chosen group's total (additive measures only: ``TrendFilter.group_totals``) as a thick black line per
    series, each point saying how many members it adds up."""
    for (key, series), rows in totals.groupby(["iso3", "series"], sort=False):
        group = group_names.get(key, key)
        figure.add_scatter(
            x=rows["year"],
            y=rows["value"],
            name=_("{group}: total of the members with data ({series})", group=group, series=_(SERIES_LABELS[series])),
            mode="lines+markers",
            legendgroup=key,
            line={"color": GROUP_TOTAL_COLOUR, "width": 4, "dash": "dash" if series == "knomad_inflows" else "solid"},
            marker={"size": 4},
            customdata=[
                measure_text(value, measure)
                + "<br>"
                + _("total of the {count} members with data (of {members})", count=count, members=members)
                for value, count, members in zip(rows["value"], rows["members_with_data"], rows["members"])
            ],
            hovertemplate="<b>" + group + "</b>, %{x}<br>%{customdata}<extra></extra>",
        )


def group_total_sentences(totals: pd.DataFrame, *, group_names: Mapping[str, str], measure: str) -> list[str]:
    """Each chosen group's latest WDI total in words: 'Gulf Cooperation Council (GCC), 2023: US$1.2 bn, total of
    the 6 members with data (of 6).'"""
    sentences = []
    wdi = totals[totals["series"] == "wdi"]
    for key, rows in wdi.groupby("iso3", sort=False):
        latest = rows.loc[rows["year"].idxmax()]
        sentences.append(
            _(
                "**{group}, {year}:** {value}, total of the {count} members with data (of {members}).",
                group=group_names.get(key, key),
                year=int(latest["year"]),
                value=measure_text(latest["value"], measure),
                count=int(latest["members_with_data"]),
                members=int(latest["members"]),
            )
        )
    return sentences


def recipients_figure(recipients: pd.DataFrame, *, names: Mapping[str, str], measure: str, year: int) -> go.Figure:
    ordered = recipients.iloc[::-1]
    labels = [names.get(code, code) for code in ordered["iso3"]]
    figure = go.Figure(
        go.Bar(
            x=ordered["value"],
            y=labels,
            orientation="h",
            marker_color=PALETTE[0],
            text=[measure_text(value, measure) for value in ordered["value"]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra>World Bank WDI</extra>",
        )
    )
    figure.update_layout(
        title=_("Top recipients in Asia and the Pacific, {year}", year=year),
        xaxis_title=_(AXIS_TITLES[measure]),
        yaxis_title=None,
        margin={"t": 50, "r": 70},
        height=90 + 28 * max(len(recipients), 1),
    )
    return figure


def senders_figure(senders: pd.DataFrame, *, names: Mapping[str, str], edition: int) -> go.Figure:
    figure = go.Figure()
    ordered = senders.iloc[::-1]
    labels = [names.get(code, code) for code in ordered["sender_iso3"]]
    for group in SENDER_GROUPS:
        in_group = (ordered["group"] == group).to_numpy()
        if not in_group.any():
            continue
        values = ordered["usd_million"][in_group]
        figure.add_bar(
            x=values,
            y=[label for label, keep in zip(labels, in_group) if keep],
            orientation="h",
            name=_(group),
            marker_color=GROUP_COLOURS[group],
            text=[f"US${compact_number(value * 1e6)}" for value in values],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text} (" + _("modelled estimate") + ")<extra>" + _(group) + "</extra>",
        )
    figure.update_layout(
        title=_("Top senders to Asia and the Pacific, {edition} (modelled estimates)", edition=edition),
        barmode="overlay",
        xaxis_title=_("US$ million (modelled)"),
        yaxis_title=None,
        yaxis={"categoryorder": "array", "categoryarray": labels},
        legend={"orientation": "h", "y": -0.12},
        margin={"t": 50, "r": 70},
        height=110 + 28 * max(len(senders), 1),
    )
    return figure


def flow_map(arcs: pd.DataFrame) -> pdk.Deck:
    """Arcs sender -> receiver, width and colour by the modelled estimate (the Corridors page's map builder)."""
    labelled = arcs.assign(usd_million_text=[exact_number(value) for value in arcs["usd_million"]])
    return arc_map(
        labelled,
        value_column="usd_million",
        view=WORLD_VIEW,
        # The tooltip's {placeholders} are deck.gl's, filled per arc: the translated sentence keeps them.
        tooltip_html="<b>{sender} → {receiver}</b><br>"
        + _("US${amount} million in {year}", amount="{usd_million_text}", year="{year}")
        + "<br>"
        + _("Modelled estimate (KNOMAD/World Bank), not reported data"),
    )


def flow_legend(arcs: pd.DataFrame) -> str:
    items = legend_items(class_breaks(arcs["usd_million"]), lambda value: f"US${compact_number(value * 1e6)}")
    return legend_html(items, title=_("Modelled estimate, US$ per year"), no_data=False)


def flow_map_image(arcs: pd.DataFrame, shapes: dict, *, title: str) -> go.Figure:
    """The flow map as an image to save as PNG: the same arcs and classes over the shipped shapes, with its key."""
    hover = [
        f"{sender} → {receiver}: " + _("US${amount} million in {year}", amount=exact_number(value), year=year)
        for sender, receiver, value, year in zip(arcs["sender"], arcs["receiver"], arcs["usd_million"], arcs["year"])
    ]
    return arc_image(
        arcs.assign(hover=hover),
        shapes,
        value_column="usd_million",
        title=title,
        hover_column="hover",
        legend=legend_items(class_breaks(arcs["usd_million"]), lambda value: f"US${compact_number(value * 1e6)}"),
        legend_title=_("Modelled estimate, US$ per year"),
    )


def choropleth_image_figure(
    values: pd.DataFrame, shapes: dict, *, measure: str, title: str, fit: tuple[list, list] | None = None
) -> go.Figure:
    """The map of remittances received as an image to save as PNG (countries with a figure filled by class)."""
    hover = [f"{name}: {measure_text(value, measure)}" for name, value in zip(values["name"], values["value"])]
    return choropleth_image(
        values.assign(hover=hover),
        shapes,
        value_column="value",
        title=title,
        hover_column="hover",
        legend=legend_items(class_breaks(values["value"]), lambda value: measure_text(value, measure)),
        legend_title=_(MEASURES[measure][1]),
        fit=fit,
    )


def choropleth(values: pd.DataFrame, shapes: dict, *, measure: str) -> tuple[pdk.Deck, str]:
    """Asia-Pacific countries filled by the measure, with a colour key; countries without a figure stay grey."""
    shown = values.assign(value_text=[measure_text(value, measure) for value in values["value"]])
    deck = choropleth_map(
        shown,
        shapes,
        value_column="value",
        tooltip_html="<b>{name}</b><br>"
        + _("{value} in {year}", value="{value_text}", year="{year}")
        + "<br>World Bank WDI",
    )
    items = legend_items(class_breaks(values["value"]), lambda value: measure_text(value, measure))
    return deck, legend_html(items, title=_(MEASURES[measure][1]))


def cost_figure(
    table: pd.DataFrame, *, names: Mapping[str, str], receiver: str, computed: pd.DataFrame | None = None
) -> go.Figure:
    """Each corridor's average total cost by quarter, the country average by year, and the SDG 10.c lines; after
    2020Q3, ``computed`` means of RPW provider quotes as dotted lines of the corridor's colour, named as such."""
    figure = go.Figure()
    corridors = table[table["series_code"] == CORRIDOR_COST]
    latest_cost = corridors.sort_values("period").groupby("sender_iso3")["cost_pct"].last().sort_values()
    computed = computed if computed is not None else corridors.iloc[0:0]
    senders = [*latest_cost.index, *sorted(set(computed["sender_iso3"]) - set(latest_cost.index))]
    crowded = len(senders) > MANY_LINES
    for index, code in enumerate(senders):
        colour = PALETTE[index % len(PALETTE)]
        means = computed[computed["sender_iso3"] == code].sort_values("period")
        if len(means):
            figure.add_scatter(
                x=quarter_start(means["period"]),
                y=means["cost_pct"],
                mode="lines+markers",
                opacity=0.7 if crowded else 1,
                name=_("from {country}: {series}", country=names.get(code, code), series=_(COMPUTED_SERIES_TEXT)),
                legendgroup=code,
                marker={"size": 3 if crowded else 4, "symbol": "circle-open"},
                customdata=list(zip(means["period"], means["n_quotes"])),
                line={"color": colour, "width": 1.5 if crowded else 2, "dash": "dot"},
                hovertemplate=f"{names.get(code, code)} → {names.get(receiver, receiver)}<br>"
                + _("{quarter}: {cost}% of US$200", quarter="%{customdata[0]}", cost="%{y:.2f}")
                + "<br>"
                + _(
                    "mean of {quotes} provider quotes, computed (not the published average)",
                    quotes="%{customdata[1]}",
                )
                + "<extra>"
                + _("computed")
                + "</extra>",
            )
        rows = corridors[corridors["sender_iso3"] == code].sort_values("period")
        if rows.empty:
            continue
        figure.add_scatter(
            x=quarter_start(rows["period"]),
            y=rows["cost_pct"],
            mode="lines+markers",
            opacity=0.7 if crowded else 1,
            name=_("from {country}", country=names.get(code, code)),
            legendgroup=code,
            marker={"size": 3 if crowded else 4},
            customdata=rows["period"],
            line={"color": colour, "width": 1.5 if crowded else 2.5},
            hovertemplate=f"{names.get(code, code)} → {names.get(receiver, receiver)}<br>"
            + _("{quarter}: {cost}% of US$200", quarter="%{customdata}", cost="%{y:.2f}")
            + "<extra>RPW</extra>",
        )
    average = table[table["series_code"] == TO_COUNTRY_COST].sort_values("year")
    if len(average):
        figure.add_scatter(
            x=pd.to_datetime(average["year"].astype(str) + "-07-01"),
            y=average["cost_pct"],
            mode="lines+markers",
            name=_("Average to {country} (WDI, SDG 10.c.1)", country=names.get(receiver, receiver)),
            customdata=average["year"],
            line={"color": "#000000", "width": 3, "dash": "dot"},
            marker={"size": 6, "symbol": "diamond"},
            hovertemplate=_(
                "Average cost of sending to the country, {year}: {cost}%", year="%{customdata}", cost="%{y:.2f}"
            )
            + "<extra>WDI</extra>",
        )
    add_sdg_cost_lines(figure)
    figure.update_layout(
        title=_("Cost of sending US$200 to {country}, % of the amount sent", country=names.get(receiver, receiver)),
        yaxis_title=_("% of US$200 sent"),
        xaxis_title=None,
        hovermode="closest",
        height=500,
        legend={"orientation": "h", "y": -0.15},
        margin={"t": 50},
    )
    figure.update_yaxes(rangemode="tozero")
    return figure


def latest_costs_table(latest: pd.DataFrame, *, names: Mapping[str, str], receiver: str) -> pd.DataFrame:
    """The latest quarter of each corridor, cheapest first, with the corridor and quarter spelled out."""
    return latest.assign(
        corridor=[f"{names.get(code, code)} → {names.get(receiver, receiver)}" for code in latest["sender_iso3"]],
        quarter=[quarter_label(period, _) for period in latest["period"]],
    )[["corridor", "quarter", "cost_pct", "above_average_target", "above_corridor_ceiling"]]


def sri_lanka_figure(side_by_side: pd.DataFrame, *, limit: int = 15) -> go.Figure:
    """Shares of each source's total for the largest reported senders: reported, departures, modelled."""
    listed = side_by_side[side_by_side["partner_iso3"].notna()].nlargest(limit, "reported_value").iloc[::-1]
    figure = go.Figure()
    # Plotly stacks grouped horizontal bars bottom-up: added in reverse, 'reported' ends up on top of each group.
    for measure, label in reversed(SRI_LANKA_MEASURES.items()):
        shares = listed[f"{measure}_share_pct"]
        figure.add_bar(
            x=shares,
            y=listed["partner"],
            orientation="h",
            name=_(label),
            marker_color=SRI_LANKA_COLOURS[measure],
            text=[percent(value) for value in shares],
            textposition="outside",
            cliponaxis=False,
            customdata=[measure_count(value, measure) for value in listed[f"{measure}_value"]],
            hovertemplate=_(
                "{partner}: {share} of the total ({value})", partner="%{y}", share="%{text}", value="%{customdata}"
            )
            + "<extra>"
            + _(label)
            + "</extra>",
        )
    figure.update_layout(
        title=_("Sri Lanka: share of each source's total, by partner country"),
        barmode="group",
        xaxis_title=_("% of the source's total"),
        yaxis_title=None,
        legend={"orientation": "h", "y": -0.08, "traceorder": "reversed"},
        margin={"t": 50, "r": 60},
        height=160 + 60 * max(len(listed), 1),
    )
    return figure


def sri_lanka_display_table(side_by_side: pd.DataFrame, *, departures_year: int, edition: int) -> pd.DataFrame:
    """The side-by-side table as text for reading: thousands separators, and 'no data' where nothing is published."""

    def shown(values, formatter):
        return [_(NO_DATA) if pd.isna(value) else formatter(value) for value in values]

    return pd.DataFrame(
        {
            _("Sending country (as SLBFE lists it)"): side_by_side["partner"],
            _("Reported 2023, US$ million"): shown(side_by_side["reported_value"], one_decimal),
            _("Reported, % of total"): shown(side_by_side["reported_share_pct"], percent),
            _("Departures {year}", year=departures_year): shown(side_by_side["departures_value"], exact_number),
            _("Departures, % of total"): shown(side_by_side["departures_share_pct"], percent),
            _("Modelled {year}, US$ million", year=edition): shown(side_by_side["modelled_value"], one_decimal),
            _("Modelled, % of total"): shown(side_by_side["modelled_share_pct"], percent),
        }
    )


def one_decimal(value) -> str:
    """A number with one decimal in the reader's locale (CLDR), e.g. '1,234.5' or '1.234,5'."""
    return format_decimal(value, format="#,##0.0", locale=current_locale())


def measure_count(value, measure: str) -> str:
    if value is None or pd.isna(value):
        return _(NO_DATA)
    if measure == "departures":
        return ngettext("{number} person", "{number} persons", int(value), number=exact_number(value))
    return _("US${amount} million", amount=one_decimal(value))


def trend_download(table: pd.DataFrame, *, measure: str, names: Mapping[str, str]) -> pd.DataFrame:
    """The trend's rows as an analyst reads them: the figure under its measure's own column name (so its unit is
    known, e.g. ``received_pct_gdp``) rather than ``value``, and each country's name next to its code."""
    readable = table.rename(columns={"value": MEASURES[measure][0]})
    readable.insert(readable.columns.get_loc("iso3") + 1, "country", [names.get(code, code) for code in table["iso3"]])
    return readable
