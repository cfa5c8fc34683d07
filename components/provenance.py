"""Say where figures come from, under every chart and in every download."""

from collections.abc import Iterable

import pandas as pd
import streamlit as st

from components.i18n import _

SOURCE_COLUMNS = ["source_id", "publisher", "dataset", "edition", "url", "licence", "citation"]


def used_sources(sources: pd.DataFrame, source_ids: Iterable[str]) -> pd.DataFrame:
    """The rows of the sources table that these ids name, in a stable order."""
    wanted = sorted({str(source_id) for source_id in source_ids if pd.notna(source_id)})
    return sources[sources["source_id"].isin(wanted)].sort_values("source_id")[SOURCE_COLUMNS]


def source_line(source: pd.Series) -> str:
    url = f" {source['url']}" if pd.notna(source["url"]) else ""  # a compiled list may have no address
    # The citation and licence as published (not translated).
    return _("{citation} Licence: {licence}.", citation=source["citation"], licence=source["licence"]) + url


def render_source_note(sources: pd.DataFrame, source_ids: Iterable[str], *, measure: str) -> None:
    """A caption saying what the figure is and where it comes from."""
    rows = used_sources(sources, source_ids)
    lines = [_("**What this shows:** {measure}", measure=measure)]
    lines += [_("**Source:** {source}", source=source_line(row)) for row in rows.to_dict("records")]
    # Escaped so that two "US$" in a line are not read as the delimiters of a LaTeX formula.
    st.caption("  \n".join(lines).replace("$", "\\$"))


def with_attribution(table: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The rows as shown, plus each row's citation and licence so a CSV carries its own attribution."""
    if "source_id" not in table.columns:
        return table
    attribution = sources.set_index("source_id")[["citation", "licence"]]
    return table.join(attribution, on="source_id")
