"""Downloads carry the rows as shown plus their sources, licences, filters and the link to the view."""

import io
import zipfile
from datetime import date

import pandas as pd
import pytest

from components.downloads import View, column_code, csv_bytes, excel_bytes, package_bytes
from data import load_sources


@pytest.fixture(scope="module")
def sources() -> pd.DataFrame:
    return load_sources()


@pytest.fixture
def rows() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "orig_iso3": ["NPL", "IND"],
            "dest_iso3": ["MYS", "ARE"],
            "total": [10, None],
            "source_id": ["undesa_ims_2024", "undesa_ims_2024"],
        }
    )


def test_csv_has_exactly_the_rows_with_citation_and_licence(rows, sources):
    offered = pd.read_csv(io.BytesIO(csv_bytes(rows, sources, View(catalog_tables=["corridors"], language="en"))))
    assert list(offered.columns[:2]) == [
        "Origin (ISO 3166-1 alpha-3 code) [orig_iso3]",
        "Destination (ISO 3166-1 alpha-3 code) [dest_iso3]",
    ]
    assert "Migrants, total (persons) [total]" in offered.columns and "Licence [licence]" in offered.columns
    table = offered.rename(columns=column_code)
    assert len(table) == 2 and list(table["orig_iso3"]) == ["NPL", "IND"]
    assert table["licence"].eq("CC BY 3.0 IGO").all()
    assert table["citation"].str.contains("International Migrant Stock 2024").all()
    assert pd.isna(table.loc[1, "total"]), "missing stays missing, never zero"


def test_excel_names_filters_link_and_sources(rows, sources):
    workbook = pd.read_excel(
        io.BytesIO(
            excel_bytes(
                rows,
                sources,
                title="Corridors",
                measure="Stock",
                filters=["Origin: Nepal"],
                view_link="http://x/corridors?o=NPL",
            )
        ),
        sheet_name=None,
    )
    assert set(workbook) == {"data", "about", "dictionary", "sources"}
    assert len(workbook["data"]) == 3  # a row of readable labels, the row of codes (the header), two rows of data
    about = dict(zip(workbook["about"]["item"], workbook["about"]["value"]))
    assert about["Filter"] == "Origin: Nepal" and about["Link to this view"] == "http://x/corridors?o=NPL"
    assert list(workbook["sources"]["source_id"]) == ["undesa_ims_2024"]


def test_data_package_readme_lists_filters_sources_date_and_link(rows, sources):
    archive = zipfile.ZipFile(
        io.BytesIO(
            package_bytes(
                {"corridors": rows},
                sources,
                title="Corridors",
                measure="Stock",
                filters=["Origin: Nepal", "Year: 2024"],
                view_link="http://x/corridors?o=NPL",
                on=date(2026, 11, 23),
            )
        )
    )
    assert set(archive.namelist()) == {"README.txt", "corridors.csv", "dictionary.csv", "sources.csv"}
    readme = archive.read("README.txt").decode()
    for expected in [
        "- Origin: Nepal",
        "- Year: 2024",
        "2026-11-23",
        "http://x/corridors?o=NPL",
        "[undesa_ims_2024]",
        "CC BY 3.0 IGO",
        "corridors.csv (2 rows)",
    ]:
        assert expected in readme
    assert len(pd.read_csv(archive.open("corridors.csv"))) == 2
    shipped_sources = pd.read_csv(archive.open("sources.csv"))
    assert list(shipped_sources.columns[:2]) == ["Source (identifier) [source_id]", "Publisher [publisher]"]
