"""The corridor profile: one origin-destination pair's migrant stock (the corridor detail of the Corridors page),
then money sent home, its cost, agreements, departures and news (the Corridor profile page shows them all).

Each section takes a CorridorContext and renders one dataset's view; a section whose table cannot be loaded says
so and the others still show.
"""

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.agreements.render import render_agreement_list
from components.charts import show_chart
from components.corridors import figures
from components.countries.figures import stock_trend_figure
from components.feedback import load_or_warn
from components.flows import render as flows
from components.formatting import NO_DATA, compact_number, exact_number, percent
from components.i18n import N_, _
from components.news.render import render_latest_news
from components.provenance import render_source_note
from components.remittances.figures import add_sdg_cost_lines
from data import (
    CATALOG,
    agreements_between,
    load,
    load_agreements,
    load_news,
    load_remittance_corridors,
    load_remittance_costs,
)
from data.filters.corridors import previous_point
from data.filters.remittances import (
    COMPUTED_SERIES,
    REPRODUCES_PUBLISHED,
    quarter_label,
    quarter_start,
)
from data.profiles import corridor_trend, pair_cost_means, pair_costs, pair_remittances


@dataclass(frozen=True)
class CorridorContext:
    """What every section of the corridor detail gets: the pair and the data of the current view."""

    origin: str
    destination: str
    names: Mapping[str, str]
    revision: int
    year: int
    corridors: pd.DataFrame  # the revision's table
    sources: pd.DataFrame
    sex: str = "total"  # the sex filter of the page showing the detail: headline figures follow it

    @property
    def title(self) -> str:
        return f"{self.names.get(self.origin, self.origin)} → {self.names.get(self.destination, self.destination)}"


STOCK_LABELS = {
    "total": N_("Migrants, {year}"),
    "female": N_("Female migrants, {year}"),
    "male": N_("Male migrants, {year}"),
}
STOCK_HELP = {
    "total": N_("{persons} persons (mid-year stock, female + male)"),
    "female": N_("{persons} persons (mid-year stock, female)"),
    "male": N_("{persons} persons (mid-year stock, male)"),
}
CHANGE_HELP = {
    "total": N_("Difference between the two estimate years, in persons (total)"),
    "female": N_("Difference between the two estimate years, in persons (female)"),
    "male": N_("Difference between the two estimate years, in persons (male)"),
}


def render_stock_section(context: CorridorContext) -> None:
    trend = corridor_trend(context.corridors, context.origin, context.destination)
    origin_name = context.names.get(context.origin, context.origin)
    destination_name = context.names.get(context.destination, context.destination)
    if trend.empty:
        st.info(
            _(
                "No data: UN DESA gives no estimate for {pair} in the {revision} revision.",
                pair=context.title,
                revision=context.revision,
            )
        )
        return
    now = trend[trend["year"] == context.year]
    earlier_year = previous_point(list(trend["year"]), context.year)
    earlier = trend[trend["year"] == earlier_year]
    sex = context.sex
    value = now[sex].iloc[0] if len(now) else None
    change = value - earlier[sex].iloc[0] if len(now) and len(earlier) else None
    first, second, third = st.columns(3)
    first.metric(
        _(STOCK_LABELS[sex], year=context.year),
        compact_number(value),
        help=_(STOCK_HELP[sex], persons=exact_number(value)),
    )
    second.metric(
        _("Female share, {year}", year=context.year),
        percent(now["female_share"].iloc[0]) if len(now) else _(NO_DATA),
    )
    carried = change == 0 and (now[["female", "male"]].to_numpy() == earlier[["female", "male"]].to_numpy()).all()
    third.metric(
        _("Change since {year}", year=earlier_year) if earlier_year else _("Change"),
        _("same estimate carried forward") if carried else figures.signed_number(change),
        help=(
            _(
                "UN DESA's {year} figures (female, male, total) are identical to {earlier_year}'s: the estimate was "
                "carried forward, not re-measured, so this is not an observed absence of change",
                year=context.year,
                earlier_year=earlier_year,
            )
            if carried
            else _(CHANGE_HELP[sex])
        ),
    )
    years = f"{trend['year'].min()}–{trend['year'].max()}"
    left, right = st.columns([3, 2])
    show_chart(
        stock_trend_figure(
            trend,
            title=_(
                "Migrants from {origin_name} in {destination_name}, by sex, {years}",
                origin_name=origin_name,
                destination_name=destination_name,
                years=years,
            ),
        ),
        key="corridor_trend",
        container=left,
    )
    show_chart(
        figures.female_share_figure(trend, title=_("Female share, {years}", years=years)),
        key="corridor_share",
        container=right,
    )
    notes = figures.data_type_notes(trend)
    if notes:
        st.markdown(_("**How UN DESA estimated this corridor**") + "\n" + "\n".join(f"- {note}" for note in notes))
    render_source_note(
        context.sources,
        trend["source_id"],
        measure=_(
            "{measure}. UN DESA {revision} revision; origin = country of birth, or of citizenship where the "
            "destination counts foreign citizens.",
            measure=_(CATALOG["corridors"].measure),
            revision=context.revision,
        ),
    )


def render_corridor_detail(context: CorridorContext) -> None:
    """The pair's migrant stock; the sections below add the other datasets' sections. Its heading is a
    level-2 one: on the corridor's own page it comes straight under the page title."""
    st.header(context.title)
    render_stock_section(context)


def _names(context: CorridorContext) -> tuple[str, str]:
    return (
        context.names.get(context.origin, context.origin),
        context.names.get(context.destination, context.destination),
    )


def render_remittance_section(context: CorridorContext) -> None:
    origin, destination = _names(context)
    st.markdown(
        _("### Money sent home: {destination_name} → {origin_name}", destination_name=destination, origin_name=origin)
    )
    table = load_or_warn(load_remittance_corridors, what=_("Bilateral remittance estimates"))
    if table is None:
        return
    rows = pair_remittances(table, context.origin, context.destination)
    if rows.empty:
        st.info(
            _(
                "No data: KNOMAD/World Bank give no bilateral estimate from {destination_name} to {origin_name}.",
                destination_name=destination,
                origin_name=origin,
            )
        )
    else:
        columns = st.columns(len(rows))
        for column, row in zip(columns, rows.itertuples(), strict=True):
            column.metric(
                _("{year} (modelled estimate)", year=row.year),
                _("US$ {amount}", amount=compact_number(row.usd_million * 1e6)),
                help=_("US$ {amount} per year", amount=exact_number(row.usd_million * 1e6)),
            )
        if len(rows) > 1:
            st.caption(
                _(
                    "Two editions of a model (KNOMAD/World Bank bilateral remittance matrix, 2017 and 2021), each "
                    "with its own method and inputs: the difference between them is not a growth rate."
                )
            )
        render_source_note(context.sources, rows["source_id"], measure=_(CATALOG["remittance_corridors"].measure))

    costs_table = load_or_warn(load_remittance_costs, what=_("Remittance costs"))
    if costs_table is None:
        return
    costs = pair_costs(costs_table, context.origin, context.destination)
    if costs.empty:
        st.info(
            _(
                "No data: Remittance Prices Worldwide does not survey sending money from {destination_name} to "
                "{origin_name}.",
                destination_name=destination,
                origin_name=origin,
            )
        )
        return
    latest = costs.iloc[-1]
    st.metric(
        _("Average cost of sending US$200, {period}", period=quarter_label(latest["period"])),
        percent(latest["cost_pct"], digits=2),
        help=_(
            "Fees plus exchange-rate margin, in % of the amount sent. SDG 10.c: no corridor above 5% by 2030, and 3% "
            "on average. The published series ends in 2020Q3; later quarters are computed means of provider quotes, "
            "drawn apart."
        ),
    )
    means = load_or_warn(load, "remittance_cost_means", what=_("Computed remittance costs"))
    means = pair_cost_means(means, context.origin, context.destination) if means is not None else None
    reproduces = means is not None and len(means) and means["reproduces_published"].isin(REPRODUCES_PUBLISHED).all()
    show_chart(
        cost_figure(
            costs,
            computed=means if reproduces else None,
            title=_(
                "Cost of sending US$200 from {destination_name} to {origin_name}",
                destination_name=destination,
                origin_name=origin,
            ),
        ),
        key="corridor_cost",
        alt=_(
            "Line chart: cost of sending US$200 from {destination_name} to {origin_name}, published average {first} to "
            "{last}, latest {latest}; dashed lines at 5% (SDG 10.c ceiling per corridor) and 3% (SDG 10.c target, "
            "average).",
            destination_name=destination,
            origin_name=origin,
            first=costs["period"].iloc[0],
            last=latest["period"],
            latest=percent(latest["cost_pct"], digits=2),
        ),
    )
    render_source_note(context.sources, costs["source_id"], measure=_(CATALOG["remittance_costs"].measure))
    if reproduces:
        render_source_note(
            context.sources,
            means["source_id"],
            measure=_(
                "{series}, 2020Q4-2025Q1 (dotted): {measure}",
                series=_(COMPUTED_SERIES),
                measure=_(CATALOG["remittance_cost_means"].measure),
            ),
        )
    elif means is not None and len(means):
        st.caption(
            _(
                "Computed means of provider quotes exist for this corridor to {period}, but they do not reproduce the "
                "published average over 2016Q2-2020Q3, so they are not drawn here (the Remittances page's cost view "
                "shows them on request, with a warning).",
                period=means["period"].iloc[-1],
            )
        )


def cost_figure(costs: pd.DataFrame, *, title: str, computed: pd.DataFrame | None = None) -> go.Figure:
    """The published average cost over time (each quarter at its start: the half-yearly surveys of 2011-2013 sit
    half a year apart); after it, ``computed`` means of provider quotes, dotted and named; and the SDG 10.c lines,
    5% for every corridor and 3% on average, as on the Remittances page."""
    figure = go.Figure(
        go.Scatter(
            x=quarter_start(costs["period"]),
            y=costs["cost_pct"],
            mode="lines+markers",
            name=_("Average cost (published, RPW)"),
            line={"color": "#0072B2"},
            customdata=costs["period"],
            hovertemplate="%{customdata}: %{y:.2f}%<extra></extra>",
        )
    )
    if computed is not None and len(computed):
        figure.add_scatter(
            x=quarter_start(computed["period"]),
            y=computed["cost_pct"],
            mode="lines+markers",
            name=_(COMPUTED_SERIES),
            line={"color": "#0072B2", "dash": "dot"},
            marker={"symbol": "circle-open"},
            customdata=list(zip(computed["period"], computed["n_quotes"])),
            hovertemplate=_("%{customdata[0]}: %{y:.2f}%<br>computed mean of %{customdata[1]} quotes from providers")
            + "<extra></extra>",
        )
    add_sdg_cost_lines(figure)
    figure.update_layout(
        title=title,
        yaxis_title=_("% of US$200 sent"),
        xaxis_title=None,
        xaxis={"type": "date"},
        height=320,
        margin={"t": 50},
        yaxis={"rangemode": "tozero"},
        legend={"orientation": "h", "y": -0.2},
    )
    return figure


def render_agreements_section(context: CorridorContext) -> None:
    origin, destination = _names(context)
    st.markdown(
        _(
            "### Agreements between {origin_name} and {destination_name}",
            origin_name=origin,
            destination_name=destination,
        )
    )
    agreements = load_or_warn(load_agreements, what=_("Agreements"))
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
    st.markdown(
        _("### News about {origin_name} and {destination_name}", origin_name=origin, destination_name=destination)
    )
    news = load_or_warn(load_news, what=_("News"))
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


def render_corridor_profile(context: CorridorContext, *, filters_note: str | None = None) -> None:
    """Migrant stock (the corridor detail), then every other dataset's view of the same pair; ``filters_note`` says
    which of the page's filters those other sections do not follow."""
    render_corridor_detail(context)
    if filters_note:
        st.caption(filters_note)
    for section in PROFILE_SECTIONS:
        section(context)
