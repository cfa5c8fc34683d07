"""Issue 15, point 5: a country search in the shared sidebar, on every page, opens the country's profile."""

import pytest

from components.registry import PAGES
from components.sidebar import SEARCH_KEY
from tests.test_pages import run_page


@pytest.mark.parametrize("script", ["pages/home.py", "pages/corridors.py", "pages/countries.py"])
def test_choosing_a_country_opens_its_profile(script):
    app = run_page(script)
    search = app.selectbox(key=SEARCH_KEY)
    assert search.label == "Find a country" and search.value is None and "Nepal" in search.options
    search.set_value("NPL").run()
    assert not app.exception, [exception.value for exception in app.exception]
    assert app.title[0].value == "Country profiles" and app.header[0].value == "Nepal"
    assert app.query_params.get("country") == "NPL" or app.selectbox(key="country").value == "NPL"
    assert app.selectbox(key=SEARCH_KEY).value is None, "the box is ready for the next search"


def test_the_search_lists_names_in_the_language_with_the_english_name_so_either_finds_them():
    app = run_page("pages/home.py", query={"lang": "th"})
    search = app.selectbox(key=SEARCH_KEY)
    assert search.label == "ค้นหาประเทศ" and "เนปาล (Nepal)" in search.options, search.options[:5]
    # Streamlit's box matches what it lists: both the Thai and the English name are in the text it searches
    assert [option for option in search.options if "เนปาล" in option] == ["เนปาล (Nepal)"]
    assert [option for option in search.options if "Nepal" in option] == ["เนปาล (Nepal)"]
    search.set_value("NPL").run()
    assert not app.exception, [exception.value for exception in app.exception]
    assert app.query_params.get("country") == "NPL" or app.selectbox(key="country").value == "NPL"


def test_every_page_has_the_search():
    for page in PAGES:
        app = run_page(page.script)
        assert app.selectbox(key=SEARCH_KEY).label == "Find a country", page.script


# --- the printable brief -----------------------------------------------------------------------------


def test_the_profile_offers_a_one_page_brief_with_sourced_figures():
    import re
    from datetime import date

    from components.countries import brief
    from data import country_names, load_corridors, load_countries, load_remittances, load_sources
    from data.profiles import country_remittances, stock_trend, top_partners

    app = run_page("pages/countries.py", query={"country": "NPL"})
    button = app.get("download_button")
    assert any("Country brief" in element.proto.label for element in button)
    corridors, countries = load_corridors(revision=2024), load_countries()
    sides = [
        brief.StockSide(heading, word, stock_trend(corridors, "NPL", role=role),
                        top_partners(corridors, countries, "NPL", role=role, year=2024))
        for role, heading, word in [("origin", "As an origin", "destinations"), ("destination", "As a destination", "origins")]
    ]  # fmt: skip
    page = brief.brief_html(
        name=country_names()["NPL"], revision=2024, year=2024, sides=sides, sources=load_sources(),
        remittances=country_remittances(load_remittances(), "NPL"), link="http://x/countries?country=NPL",
        on=date(2026, 12, 1),
    )  # fmt: skip
    origin_total = int(stock_trend(corridors, "NPL", role="origin").query("year == 2024")["total"].iloc[0])
    assert f"{origin_total:,}" in page and "Nepal: labour migration in brief" in page
    assert "India" in page and "Malaysia" in page and "International Migrant Stock" in page
    assert "Remittances received, 2023" in page and "World Bank" in page
    assert not re.search(r"(src|href)=['\"]https?://(?!x/)", page), "nothing fetched from elsewhere"
    assert "<script" not in page and "@page { size: A4" in page


def test_the_brief_is_in_the_interface_language_with_citations_marked_english(monkeypatch):
    """Issue 17: the printable brief speaks the reader's language; what is published stays as published."""
    from datetime import date

    from components import i18n
    from components.countries import brief
    from data import load_corridors, load_countries, load_remittances, load_sources
    from data.profiles import country_remittances, stock_trend, top_partners

    for module in (i18n, brief):
        monkeypatch.setattr(module, "current_language", lambda: "th")
    corridors, countries = load_corridors(revision=2024), load_countries()
    side = brief.StockSide(
        "ในฐานะประเทศต้นทาง", "ประเทศปลายทางอันดับต้น ปี 2024", stock_trend(corridors, "NPL", role="origin"),
        top_partners(corridors, countries, "NPL", role="origin", year=2024),
    )  # fmt: skip
    page = brief.brief_html(
        name="เนปาล", revision=2024, year=2024, sides=[side], sources=load_sources(), link="http://x/countries",
        remittances=country_remittances(load_remittances(), "NPL"), on=date(2026, 12, 1),
        names=i18n.country_names_in({"IND": "India", "MYS": "Malaysia"}, language="th"),
    )  # fmt: skip
    assert page.startswith("<!DOCTYPE html><html lang='th'>")
    assert "<h1>เนปาล: การย้ายถิ่นเพื่อการทำงานโดยสรุป</h1>" in page and "1 ธันวาคม ค.ศ. 2026" in page
    assert "อินเดีย" in page and "มาเลเซีย" in page and "India" not in page.split("<h2>")[1]
    assert "เงินส่งกลับที่ได้รับ ปี 2023" in page
    assert "<li lang='en'>United Nations" in page  # a citation, as published
