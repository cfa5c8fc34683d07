"""The corridor profile's further sections: money sent home, its cost, agreements, departures and news.

Each takes the CorridorContext of components.corridors.render and renders one section; a section whose table
cannot be loaded says so and the others still show.
"""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.agreements.render import render_agreement_list
from components.corridors.render import CorridorContext, render_corridor_detail
from components.feedback import load_or_warn
from components.flows import render as flows
from components.formatting import compact_number, exact_number, percent
from components.news.render import render_latest_news
from components.provenance import render_source_note
from data import (
    CATALOG,
    agreements_between,
    load_agreements,
    load_news,
    load_remittance_corridors,
    load_remittance_costs,
)
from data.filters.remittances import quarter_label
from data.profiles import pair_costs, pair_remittances

SDG_TARGET_PCT = 3.0


def _names(context: CorridorContext) -> tuple[str, str]:
    return (
        context.names.get(context.origin, context.origin),
        context.names.get(context.destination, context.destination),
    )


def render_remittance_section(context: CorridorContext) -> None:
    origin, destination = _names(context)
    st.markdown(f"#### Money sent home: {destination} → {origin}")
    table = load_or_warn(load_remittance_corridors, what="Bilateral remittance estimates")
    if table is None:
        return
    rows = pair_remittances(table, context.origin, context.destination)
    if rows.empty:
        st.info(f"No data: KNOMAD/World Bank give no bilateral estimate from {destination} to {origin}.")
    else:
        columns = st.columns(len(rows))
        for column, row in zip(columns, rows.itertuples(), strict=True):
            column.metric(
                f"{row.year} (modelled estimate)",
                f"US$ {compact_number(row.usd_million * 1e6)}",
                help=f"US$ {exact_number(row.usd_million * 1e6)} per year",
            )
        render_source_note(context.sources, rows["source_id"], measure=CATALOG["remittance_corridors"].measure)

    costs_table = load_or_warn(load_remittance_costs, what="Remittance costs")
    if costs_table is None:
        return
    costs = pair_costs(costs_table, context.origin, context.destination)
    if costs.empty:
        st.info(f"No data: Remittance Prices Worldwide does not survey sending money from {destination} to {origin}.")
        return
    latest = costs.iloc[-1]
    st.metric(
        f"Average cost of sending US$200, {quarter_label(latest['period'])}",
        percent(latest["cost_pct"], digits=2),
        help="Fees plus exchange-rate margin, in % of the amount sent. The SDG 10.c target is 3%. "
        "The data end in 2020Q3: no later quarter is published in this dataset.",
    )
    st.plotly_chart(
        cost_figure(costs, title=f"Cost of sending US$200 from {destination} to {origin}"), key="corridor_cost"
    )
    render_source_note(context.sources, costs["source_id"], measure=CATALOG["remittance_costs"].measure)


def cost_figure(costs: pd.DataFrame, *, title: str) -> go.Figure:
    figure = go.Figure(
        go.Scatter(
            x=costs["period"],
            y=costs["cost_pct"],
            mode="lines+markers",
            name="Average cost",
            line={"color": "#0072B2"},
            hovertemplate="%{x}: %{y:.2f}%<extra></extra>",
        )
    )
    figure.add_hline(
        y=SDG_TARGET_PCT,
        line_dash="dash",
        line_color="#D55E00",
        annotation_text="SDG 10.c target: 3%",
        annotation_position="top left",
    )
    figure.update_layout(
        title=title,
        yaxis_title="% of US$200 sent",
        xaxis_title=None,
        height=320,
        margin={"t": 50},
        yaxis={"rangemode": "tozero"},
    )
    return figure


def render_agreements_section(context: CorridorContext) -> None:
    origin, destination = _names(context)
    st.markdown(f"#### Agreements between {origin} and {destination}")
    agreements = load_or_warn(load_agreements, what="Agreements")
    if agreements is not None:
        render_agreement_list(
            agreements_between(agreements, context.origin, context.destination),
            context.sources,
            key="corridor_agreements",
        )


def render_departures_section(context: CorridorContext) -> None:
    flows.corridor_section(context.origin, context.destination, context.names, context.sources)


def render_news_section(context: CorridorContext) -> None:
    origin, destination = _names(context)
    st.markdown(f"#### News about {origin} and {destination}")
    news = load_or_warn(load_news, what="News")
    if news is not None:
        render_latest_news(
            news,
            countries=[context.origin, context.destination],
            match_all=True,
            limit=5,
            country_names=context.names,
            heading=None,
        )


PROFILE_SECTIONS = [
    render_remittance_section,
    render_agreements_section,
    render_departures_section,
    render_news_section,
]


def render_corridor_profile(context: CorridorContext) -> None:
    """Migrant stock (the corridor detail), then every other dataset's view of the same pair."""
    render_corridor_detail(context)
    for section in PROFILE_SECTIONS:
        section(context)
