"""Country profile: a data-rich country, a sparse one, and bad codes in the URL."""

from tests.test_pages import run_page


def test_india_has_both_sections_with_sources():
    app = run_page("pages/countries.py", query={"country": "IND"})
    assert not app.exception
    assert app.header[0].value == "India"
    assert [subheader.value.split(":")[0] for subheader in app.subheader] == [
        "As an origin",
        "As a destination",
        "Remittances received and paid",
        "Agreements recorded",
        "Departures for foreign employment (reported flow)",
        "Latest news",
    ]
    assert any("International Migrant Stock 2024" in caption.value for caption in app.caption)
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Received, 2023"] == "US$ 119.5 bn" and metrics["Received, % of GDP, 2023"] == "3.4%"


def test_sri_lanka_shows_its_reported_departures():
    app = run_page("pages/countries.py", query={"country": "LKA"})
    assert not app.exception
    assert "Departures for foreign employment (reported flow)" in [subheader.value for subheader in app.subheader]
    assert any("2022: 311.1 k" in caption.value for caption in app.caption)
    assert any("2019: 170.2 k (a withheld figure left out)" in caption.value for caption in app.caption)
    assert any("**flow**" in block.value and "**stock**" in block.value for block in app.markdown)


def test_departures_show_for_every_origin_that_has_them():
    for iso3, counted in [("NPL", "labour permits issued"), ("IDN", "placements"), ("PAK", "registrations")]:
        app = run_page("pages/countries.py", query={"country": iso3})
        assert not app.exception
        assert "Departures for foreign employment (reported flow)" in [block.value for block in app.subheader]
        tables = [frame.value for frame in app.dataframe if "counted" in frame.value.columns]
        assert tables and counted in " ".join(tables[0]["counted"]), iso3


def test_a_country_without_departures_has_no_departures_section():
    app = run_page("pages/countries.py", query={"country": "JPN"})
    assert not app.exception
    assert not [block for block in app.subheader if "Departures" in block.value]


def test_timor_leste_renders_and_says_where_there_is_no_data():
    app = run_page("pages/countries.py", query={"country": "TLS"})
    assert not app.exception
    assert app.header[0].value == "Timor-Leste"


def test_unknown_code_in_url_is_ignored_with_a_note():
    app = run_page("pages/countries.py", query={"country": "<script>alert(1)</script>"})
    assert not app.exception
    assert app.header[0].value == "India"
    assert any("not one of the choices" in info.value and "<script>" not in info.value for info in app.info)


def test_switching_revision_and_country():
    app = run_page("pages/countries.py")
    app.selectbox(key="rev").set_value(2020).run()
    app.selectbox(key="country").set_value("NPL").run()
    assert not app.exception
    assert app.header[0].value == "Nepal"
    assert app.query_params["country"] == "NPL" and app.query_params["rev"] == "2020"
    assert any("International Migrant Stock 2020" in caption.value for caption in app.caption)


def test_the_revision_says_which_sections_it_reaches():
    """Issue 15: the revision filter changes the stock sections and the brief, and says the others are not UN DESA."""
    app = run_page("pages/countries.py", query={"country": "NPL", "rev": "2020"})
    assert not app.exception
    assert any(
        caption.value.startswith("The revision applies to the migrant stock sections and the brief's stock figures")
        for caption in app.caption
    )


def test_un_desas_other_or_unknown_origin_is_named_in_the_language():
    app = run_page("pages/countries.py", query={"country": "NPL", "lang": "th"})
    partners = next(chart for chart in app.get("plotly_chart") if "destination_partners" in chart.proto.id)
    assert "อื่น ๆ หรือไม่ทราบ" in partners.proto.spec and '"Unknown"' not in partners.proto.spec
