"""Figures for the country profile: pure builders (DataFrame in, plotly figure out). The corridor profile
uses the same stock trend."""

import pandas as pd
import plotly.graph_objects as go

from components.formatting import compact_number

SEX_COLOURS = {"total": "#0072B2", "female": "#CC79A7", "male": "#009E73"}  # Okabe-Ito, colour-blind safe


def stock_trend_figure(trend: pd.DataFrame, *, title: str) -> go.Figure:
    figure = go.Figure()
    for sex in ("total", "female", "male"):
        figure.add_scatter(
            x=trend["year"],
            y=trend[sex],
            name=sex.capitalize(),
            mode="lines+markers",
            line={"color": SEX_COLOURS[sex], "width": 3 if sex == "total" else 2},
            customdata=[compact_number(value) for value in trend[sex]],
            hovertemplate="%{x}: %{customdata}<extra>" + sex + "</extra>",
        )
    figure.update_layout(
        title=title,
        yaxis_title="Migrants (persons, mid-year stock)",
        xaxis_title=None,
        hovermode="x unified",
        legend={"orientation": "h", "y": -0.15},
        margin={"t": 50},
    )
    return figure


def partners_figure(partners: pd.DataFrame, *, title: str) -> go.Figure:
    ordered = partners.iloc[::-1]
    figure = go.Figure(
        go.Bar(
            x=ordered["migrants"],
            y=ordered["partner"],
            orientation="h",
            marker_color=SEX_COLOURS["total"],
            text=[compact_number(value) for value in ordered["migrants"]],
            textposition="outside",
            customdata=ordered["female_share"].astype("float").round(1),
            hovertemplate="%{y}: %{text}<br>Female share: %{customdata}%<extra></extra>",
        )
    )
    figure.update_traces(cliponaxis=False)
    figure.update_layout(
        title=title,
        xaxis_title="Migrants (persons)",
        yaxis_title=None,
        margin={"t": 50, "r": 60},
        height=80 + 32 * max(len(partners), 1),
    )
    return figure


def remittance_figure(rows: pd.DataFrame, *, title: str) -> go.Figure:
    figure = go.Figure()
    for column, name, colour in [("received_usd", "Received", "#0072B2"), ("paid_usd", "Paid", "#E69F00")]:
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
        yaxis_title="Current US$ per year",
        xaxis_title=None,
        hovermode="x unified",
        height=320,
        margin={"t": 50},
        legend={"orientation": "h", "y": -0.2},
    )
    return figure
