"""The table behind a view, as CSV and Excel, carrying its sources, licences and the filters applied."""

import io
from collections.abc import Sequence
from datetime import date

import pandas as pd
import streamlit as st

from components.filters import view_link as current_view_link
from components.i18n import _
from components.package import formula_safe, package_bytes
from components.provenance import used_sources, with_attribution
from data.catalog import column_dictionary


def csv_bytes(table: pd.DataFrame, sources: pd.DataFrame) -> bytes:
    return formula_safe(with_attribution(table, sources)).to_csv(index=False).encode("utf-8")


def excel_bytes(
    table: pd.DataFrame,
    sources: pd.DataFrame,
    *,
    title: str,
    measure: str,
    filters: list[str],
    view_link: str | None = None,
    catalog_tables: Sequence[str] = (),
) -> bytes:
    """A workbook: the data (a row of readable labels with units above the row of column codes), a sheet naming
    the view (filters, link, date), the data dictionary (``catalog_tables``: the catalog tables the rows come from) and
    a sheet of sources."""
    about = [
        ("Title", title),
        ("What the figures are", measure),
        ("Rows", f"{len(table):,}"),
        ("Downloaded on", date.today().isoformat()),
    ]
    about += [("Filter", description) for description in filters] or [("Filter", "none (all rows)")]
    if view_link:
        about.append(("Link to this view", view_link))
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        formula_safe(table).to_excel(writer, sheet_name="data", index=False, startrow=1)
        dictionary = column_dictionary(table.columns, catalog_tables)
        for position, entry in enumerate(dictionary, start=1):
            writer.sheets["data"].cell(row=1, column=position, value=f"{entry['label']} [{entry['unit']}]")
        formula_safe(pd.DataFrame(about, columns=["item", "value"])).to_excel(writer, sheet_name="about", index=False)
        pd.DataFrame(dictionary).to_excel(writer, sheet_name="dictionary", index=False)
        formula_safe(used_sources(sources, table.get("source_id", []))).to_excel(
            writer, sheet_name="sources", index=False
        )
    return buffer.getvalue()


def render_downloads(
    table: pd.DataFrame,
    sources: pd.DataFrame,
    *,
    name: str,
    title: str,
    measure: str,
    filters: list[str],
    view_link: str | None = None,
    key: str | None = None,
    catalog_tables: Sequence[str] = (),
) -> None:
    """CSV, Excel and data-package buttons; the files are built only when a button is pressed. ``catalog_tables``
    names the catalog tables the rows come from: the Excel file and the package describe every column from them."""
    key = key or name
    view_link = view_link or current_view_link()
    left, middle, right = st.columns(3)
    left.download_button(
        _("Download CSV"),
        data=lambda: csv_bytes(table, sources),
        file_name=f"{name}.csv",
        mime="text/csv",
        on_click="ignore",
        key=f"{key}_csv",
        icon=":material/download:",
        disabled=table.empty,
    )
    middle.download_button(
        _("Download Excel"),
        data=lambda: excel_bytes(
            table,
            sources,
            title=title,
            measure=measure,
            filters=filters,
            view_link=view_link,
            catalog_tables=catalog_tables,
        ),
        file_name=f"{name}.xlsx",
        on_click="ignore",
        key=f"{key}_xlsx",
        icon=":material/table_view:",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        disabled=table.empty,
    )
    right.download_button(
        _("Data package (zip)"),
        data=lambda: package_bytes(
            {name: table},
            sources,
            title=title,
            measure=measure,
            filters=filters,
            view_link=view_link,
            catalog_tables=catalog_tables,
        ),
        file_name=f"{name}-package.zip",
        mime="application/zip",
        on_click="ignore",
        key=f"{key}_zip",
        icon=":material/folder_zip:",
        disabled=table.empty,
        help=_("The table as CSV with a README naming the filters, sources, licences and the link to this view"),
    )
