"""Figures for the country profile: pure builders (DataFrame in, plotly figure out). The corridor profile
uses the same stock trend."""

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from components.formatting import compact_number, percent
from components.i18n import N_, _

SEX_COLOURS = {"total": "#0072B2", "female": "#CC79A7", "male": "#009E73"}  # Okabe-Ito, colour-blind safe
SEX_LABELS = {"total": N_("Total"), "female": N_("Female"), "male": N_("Male")}


def stock_trend_figure(trend: pd.DataFrame, *, title: str) -> go.Figure:
    figure = go.Figure()
    for sex in ("total", "female", "male"):
        figure.add_scatter(
            x=trend["year"],
            y=trend[sex],
            name=_(SEX_LABELS[sex]),
            mode="lines+markers",
            line={"color": SEX_COLOURS[sex], "width": 3 if sex == "total" else 2},
            customdata=[compact_number(value) for value in trend[sex]],
            hovertemplate="%{x}: %{customdata}<extra>" + _(SEX_LABELS[sex]) + "</extra>",
        )
    figure.update_layout(
        title=title,
        yaxis_title=_("Migrants (persons, mid-year stock)"),
        xaxis_title=None,
        hovermode="x unified",
        legend={"orientation": "h", "y": -0.15},
        margin={"t": 50},
    )
    return figure


def partners_figure(partners: pd.DataFrame, *, title: str, names: Mapping[str, str] | None = None) -> go.Figure:
    """The largest partners as bars; ``names`` names them by ISO3 (the table's English names by default)."""
    ordered = partners.iloc[::-1]
    names = names or {}
    figure = go.Figure(
        go.Bar(
            x=ordered["migrants"],
            y=[names.get(code, partner) for code, partner in zip(ordered["partner_iso3"], ordered["partner"])],
            orientation="h",
            marker_color=SEX_COLOURS["total"],
            text=[compact_number(value) for value in ordered["migrants"]],
            textposition="outside",
            customdata=[percent(share) for share in ordered["female_share"]],
            hovertemplate="%{y}: %{text}<br>" + _("Female share: {share}", share="%{customdata}") + "<extra></extra>",
        )
    )
    figure.update_traces(cliponaxis=False)
    figure.update_layout(
        title=title,
        xaxis_title=_("Migrants (persons)"),
        yaxis_title=None,
        margin={"t": 50, "r": 60},
        height=80 + 32 * max(len(partners), 1),
    )
    return figure


def remittance_figure(rows: pd.DataFrame, *, title: str) -> go.Figure:
    figure = go.Figure()
    for column, name, colour in [("received_usd", _("Received"), "#0072B2"), ("paid_usd", _("Paid"), "#E69F00")]:
        figure.add_scatter(
            x=rows["year"],
            y=rows[column],
            name=name,
            mode="lines",
            line={"color": colour},
            customdata=[compact_number(value) for value in rows[column]],
            hovertemplate="%{x}: US$ %{customdata}<extra>" + name + "</extra>",
        )
    figure.update_layout(
        title=title,
        yaxis_title=_("Current US$ per year"),
        xaxis_title=None,
        hovermode="x unified",
        height=320,
        margin={"t": 50},
        legend={"orientation": "h", "y": -0.2},
    )
    return figure
