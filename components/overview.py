"""The Overview page's headline tiles: figures with their year, each saying what it counts."""

from collections.abc import Mapping

import streamlit as st

from components.formatting import compact_number
from components.i18n import _


def render_stock_tiles(stock: Mapping, *, names: Mapping[str, str]) -> None:
    """Four tiles: born in the region and living abroad, living in the region, the largest origin and destination."""
    tiles = [column for row in range(2) for column in st.columns(2)]
    origin_code, origin_count = stock["top_origin"]
    destination_code, destination_count = stock["top_destination"]
    for column, label, value, help_text in [
        (
            tiles[0],
            _("Born in Asia and the Pacific, living abroad"),
            stock["born_in_region"],
            _("Migrant stock with an origin in the UN regions Asia (incl. Western Asia) and Oceania, in any country."),
        ),
        (
            tiles[1],
            _("Living in Asia and the Pacific"),
            stock["living_in_region"],
            _("Migrant stock in destinations in the UN regions Asia and Oceania, from anywhere."),
        ),
        (
            tiles[2],
            _("Largest origin: {country}", country=names[origin_code]),
            origin_count,
            _("People born there living in another country."),
        ),
        (
            tiles[3],
            _("Largest destination: {country}", country=names[destination_code]),
            destination_count,
            _("Migrants living there, from every origin."),
        ),
    ]:
        column.metric(label, compact_number(value), help=help_text, border=True)


def render_remittance_tiles(money: Mapping, *, names: Mapping[str, str]) -> None:
    """The region's total received (over the countries that publish a figure) and the largest recipient."""
    top_code, top_value = money["top"]
    first, second = st.columns(2)
    first.metric(
        _("Asia and the Pacific"),
        f"US$ {compact_number(money['received_usd'])}",
        border=True,
        help=_(
            "Sum over the {reporting} of {total} countries and areas that publish a {year} figure in WDI; the "
            "others have no data (not zero).",
            reporting=money["reporting"],
            total=money["of"],
            year=money["year"],
        ),
    )
    second.metric(
        _("Largest recipient: {country}", country=names[top_code]), f"US$ {compact_number(top_value)}", border=True
    )
