"""Issue 15, point 6: every download's data dictionary (Excel sheet, package file and README) describes every
column it ships, from the catalog, and every CSV is headed by what a person reads ("Label (unit) [code]"); each
page's downloads are captured as the page offers them."""

import io
import zipfile

import pandas as pd
import pytest

import components.agreements.render
import components.corridors.render
import components.flows.render
import components.news.render
import components.remittances.render
from components.downloads import View, column_code, csv_bytes, excel_bytes, package_bytes
from components.provenance import with_attribution
from data import load_sources
from data.catalog import LABELS, column_dictionary
from tests.test_pages import run_page

RENDERERS = [
    components.agreements.render,
    components.corridors.render,
    components.flows.render,
    components.news.render,
    components.remittances.render,
]
VIEWS = [
    ("pages/corridors.py", {}),
    ("pages/corridors.py", {"view": "emigrants", "sex": "female"}),
    ("pages/remittances.py", {}),
    ("pages/remittances.py", {"view": "ranking"}),
    ("pages/remittances.py", {"view": "maps"}),
    ("pages/remittances.py", {"view": "cost"}),
    ("pages/remittances.py", {"view": "srilanka"}),
    ("pages/agreements.py", {}),
    ("pages/news.py", {}),
    ("pages/departures.py", {}),
    ("pages/departures.py", {"origin": "BGD"}),
    ("pages/departures.py", {"view": "coverage"}),
    ("pages/countries.py", {"country": "NPL"}),
    ("pages/corridor.py", {"orig": "NPL", "dest": "MYS"}),
]


@pytest.fixture
def offered(monkeypatch) -> list[tuple[pd.DataFrame, dict]]:
    """The tables the pages pass to render_downloads, with its keyword arguments."""
    calls = []
    for module in RENDERERS:
        original = module.render_downloads

        def capture(table, sources, *, _original=original, **kwargs):
            calls.append((table, kwargs))
            return _original(table, sources, **kwargs)

        monkeypatch.setattr(module, "render_downloads", capture)
    return calls


@pytest.mark.parametrize(
    ("script", "query"), VIEWS, ids=[f"{s[6:-3]}-{'-'.join(q.values()) or 'default'}" for s, q in VIEWS]
)
def test_every_downloaded_column_is_described(offered, script, query):
    app = run_page(script, query=query)
    assert not app.exception
    assert offered, "the page offers downloads"
    sources = load_sources()
    for table, kwargs in offered:
        shipped = with_attribution(table, sources).columns
        dictionary = column_dictionary(shipped, kwargs.get("catalog_tables", ()))
        missing = [entry["column"] for entry in dictionary if entry["meaning"] == "not described"]
        assert not missing, f"{kwargs['name']}: columns with no meaning: {missing}"
        assert all(entry["unit"] and entry["label"] for entry in dictionary)
        # the CSV as the button gives it: one header row a person reads, the code in brackets
        view = View(catalog_tables=kwargs.get("catalog_tables", ()), language="en")
        csv = pd.read_csv(io.BytesIO(csv_bytes(table, sources, view)), nrows=1)
        headers = list(csv.columns)
        assert [column_code(header) for header in headers] == list(shipped), kwargs["name"]
        unlabelled = [code for code in shipped if code not in LABELS]
        assert not unlabelled, f"{kwargs['name']}: columns with no label (data/catalog.py LABELS): {unlabelled}"
        assert all(header == entry["header"] for header, entry in zip(headers, dictionary))


def test_downloads_name_their_units_and_places_and_repeat_no_column(offered):
    run_page("pages/corridors.py", query={"sex": "female"})
    run_page("pages/remittances.py", query={"measure": "pct_gdp"})
    corridors = next(table for table, kwargs in offered if kwargs["name"].startswith("corridors-"))
    assert "female" not in corridors.columns and set(corridors["sex"]) == {"female"}  # 'migrants' is the female
    assert {"male", "total", "origin", "destination"} <= set(corridors.columns)
    trend = next(table for table, kwargs in offered if kwargs["name"] == "remittances-trend")
    assert "value" not in trend.columns and "received_pct_gdp" in trend.columns
    assert list(trend.columns[:2]) == ["iso3", "country"] and "India" in set(trend["country"])
    assert column_dictionary(["received_pct_gdp"], ["remittances"])[0]["unit"] == "% of GDP"


def test_excel_and_package_carry_the_dictionary(offered):
    run_page("pages/corridors.py", query={"sex": "female"})
    table, kwargs = offered[0]
    sources = load_sources()
    workbook = pd.read_excel(
        io.BytesIO(
            excel_bytes(table, sources, title="t", measure="m", filters=[], catalog_tables=kwargs["catalog_tables"])
        ),
        sheet_name=None,
        header=None,
    )
    assert list(workbook) == ["data", "about", "dictionary", "sources"]
    labels, codes = list(workbook["data"].iloc[0]), list(workbook["data"].iloc[1])
    assert codes == list(table.columns) and "Origin (ISO 3166-1 alpha-3 code) [orig_iso3]" in labels
    assert "Migrants (persons) [migrants]" in labels
    dictionary = workbook["dictionary"]
    assert list(dictionary.iloc[0, :2]) == ["Column code [column]", "Header [header]"]
    assert list(dictionary.iloc[1:, 0]) == list(table.columns) and list(dictionary.iloc[1:, 1]) == labels
    archive = zipfile.ZipFile(
        io.BytesIO(
            package_bytes(
                {"view": table}, sources, title="t", measure="m", filters=[], catalog_tables=kwargs["catalog_tables"]
            )
        )
    )
    shipped = pd.read_csv(archive.open("view.csv"))
    described = pd.read_csv(archive.open("dictionary.csv")).rename(columns=column_code)
    assert list(described["header"]) == list(shipped.columns), "the package's CSV has the Excel sheet's headers"
    assert list(described["column"]) == [column_code(header) for header in shipped.columns]
    readme = archive.read("README.txt").decode()
    assert "- Destination (ISO 3166-1 alpha-3 code) [dest_iso3] - Country or area of destination" in readme
